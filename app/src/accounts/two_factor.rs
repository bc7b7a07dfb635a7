//! The second step of logging in: codes from an authenticator app (TOTP, RFC 6238, by the
//! `totp-rs` crate) and one-time recovery codes.
//!
//! - The secret is 160 random bits (RFC 4226's recommendation), shown as base32 text and as a
//!   QR code (the `qrcode` crate, drawn as SVG on the server) of its `otpauth://` address.
//! - A code is accepted for the 30-second step it belongs to and the one either side (a phone's
//!   clock may be a little off), and each step at most once: the step of the last accepted code
//!   is stored, and only a later one is accepted (RFC 6238 §5.2).
//! - Recovery codes are ten random codes of 50 bits each, shown once and stored as SHA-256
//!   hashes (like the emailed tokens, `token.rs`): they are long and random, so a slow password
//!   hash would add nothing, and every guess passes the second step's limits.

use rand::Rng;
use sha2::{Digest, Sha256};
use totp_rs::{Algorithm, Secret, TOTP};

/// How many recovery codes an account gets.
pub const RECOVERY_CODES: usize = 10;
/// The seconds one code is valid for (the apps' default).
const STEP_SECONDS: u64 = 30;
/// The letters of a recovery code: lower case and digits without those easily mixed up (0/o,
/// 1/l/i), so it can be read off paper.
const RECOVERY_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
/// The letters of one recovery code, in two groups of five.
const RECOVERY_LENGTH: usize = 10;
/// The longest text read as a code; anything longer is refused before it is looked at.
pub const LONGEST_CODE: usize = 40;

/// An authenticator app's secret, as base32 text without padding (32 letters).
#[derive(Clone, PartialEq, Eq)]
pub struct TwoFactorSecret(String);

impl std::fmt::Debug for TwoFactorSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TwoFactorSecret(***)")
    }
}

impl TwoFactorSecret {
    /// 160 random bits from the operating system's generator.
    pub fn generate() -> Self {
        let mut bytes = [0_u8; 20];
        rand::rng().fill(&mut bytes);
        match Secret::Raw(bytes.to_vec()).to_encoded() {
            Secret::Encoded(text) => Self(text),
            Secret::Raw(_) => unreachable!("to_encoded gives the encoded form"),
        }
    }

    /// A secret as a form sent it back or the database stores it: 32 base32 letters (spaces
    /// and case ignored) that decode to 160 bits. Anything else is None.
    pub fn parse(text: &str) -> Option<Self> {
        if text.len() > 64 {
            return None;
        }
        let text: String = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let bytes = Secret::Encoded(text.clone()).to_bytes().ok()?;
        (text.len() == 32 && bytes.len() == 20).then_some(Self(text))
    }

    /// The text to store.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The secret in groups of four letters, as people type it into an app.
    pub fn grouped(&self) -> String {
        self.0
            .as_bytes()
            .chunks(4)
            .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn totp(&self, issuer: &str, account: &str) -> TOTP {
        let bytes = Secret::Encoded(self.0.clone())
            .to_bytes()
            .expect("a parsed or generated secret decodes");
        // The issuer may not contain a colon in an otpauth address.
        let issuer = issuer.replace(':', " ");
        TOTP::new_unchecked(
            Algorithm::SHA1,
            6,
            1,
            STEP_SECONDS,
            bytes,
            Some(issuer),
            account.to_owned(),
        )
    }

    /// The `otpauth://` address an app reads: the site as issuer, the email as account.
    pub fn otpauth_url(&self, issuer: &str, account: &str) -> String {
        self.totp(issuer, account).get_url()
    }

    /// The QR code of [`Self::otpauth_url`] as an SVG element to put inside a page (without
    /// the XML declaration, with a title for screen readers).
    pub fn qr_svg(&self, issuer: &str, account: &str, title: &str) -> String {
        let url = self.otpauth_url(issuer, account);
        let code = qrcode::QrCode::new(url.as_bytes()).expect("an otpauth address fits a QR code");
        let svg = code
            .render::<qrcode::render::svg::Color>()
            .min_dimensions(200, 200)
            .build();
        let start = svg.find("<svg").unwrap_or(0);
        let svg = svg[start..].replacen(" version=\"1.1\"", "", 1);
        let title = html_escape::encode_text(title);
        svg.replacen(
            "<svg ",
            "<svg role=\"img\" aria-labelledby=\"qr-title\" ",
            1,
        )
        .replacen(
            "shape-rendering=\"crispEdges\">",
            &format!("shape-rendering=\"crispEdges\"><title id=\"qr-title\">{title}</title>"),
            1,
        )
    }

    /// The step of `code` if it is this secret's code at `unix_seconds`, or at the step just
    /// before or after. The code is compared in constant time.
    pub fn step_of(&self, code: &str, unix_seconds: u64) -> Option<u64> {
        let code = totp_shaped(code)?;
        let totp = self.totp("", "");
        let now = unix_seconds / STEP_SECONDS;
        [now.saturating_sub(1), now, now + 1]
            .into_iter()
            .find(|step| {
                let expected = totp.generate(step * STEP_SECONDS);
                constant_time_eq(expected.as_bytes(), code.as_bytes())
            })
    }

    /// This secret's code at `unix_seconds` (the tests type it as an app would show it).
    pub fn code_at(&self, unix_seconds: u64) -> String {
        self.totp("", "").generate(unix_seconds)
    }
}

/// Whether two byte strings are equal, looking at every byte either way.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0_u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A typed code as six digits (spaces and dashes ignored), if that is what it is.
pub fn totp_shaped(code: &str) -> Option<String> {
    if code.len() > LONGEST_CODE {
        return None;
    }
    let digits: String = code
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    (digits.len() == 6 && digits.chars().all(|c| c.is_ascii_digit())).then_some(digits)
}

/// A recovery code, as shown to its owner once.
#[derive(Clone, PartialEq, Eq)]
pub struct RecoveryCode(String);

impl std::fmt::Debug for RecoveryCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RecoveryCode(***)")
    }
}

impl RecoveryCode {
    /// [`RECOVERY_CODES`] new codes.
    pub fn generate_set() -> Vec<Self> {
        let mut rng = rand::rng();
        (0..RECOVERY_CODES)
            .map(|_| {
                let letters: String = (0..RECOVERY_LENGTH)
                    .map(|_| {
                        RECOVERY_ALPHABET[rng.random_range(0..RECOVERY_ALPHABET.len())] as char
                    })
                    .collect();
                Self(letters)
            })
            .collect()
    }

    /// The code as printed: two groups of five letters.
    pub fn shown(&self) -> String {
        format!("{}-{}", &self.0[..5], &self.0[5..])
    }

    /// What the database stores: the hex SHA-256 of the code's letters.
    pub fn hash(&self) -> String {
        recovery_hash(&self.0)
    }
}

/// The hash a typed recovery code is looked up by: its letters and digits, lower-cased, without
/// spaces or dashes; None when it cannot be a recovery code.
pub fn typed_recovery_hash(typed: &str) -> Option<String> {
    if typed.len() > LONGEST_CODE {
        return None;
    }
    let letters: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    (letters.len() == RECOVERY_LENGTH && letters.bytes().all(|b| RECOVERY_ALPHABET.contains(&b)))
        .then(|| recovery_hash(&letters))
}

fn recovery_hash(letters: &str) -> String {
    Sha256::digest(letters.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_is_160_bits_of_base32_and_reads_back_however_it_is_typed() {
        let secret = TwoFactorSecret::generate();
        assert_eq!(secret.as_str().len(), 32);
        assert_ne!(secret, TwoFactorSecret::generate());
        let typed = secret.grouped().to_lowercase();
        assert_eq!(TwoFactorSecret::parse(&typed), Some(secret.clone()));
        assert_eq!(TwoFactorSecret::parse("ABC"), None);
        assert_eq!(TwoFactorSecret::parse(&"A".repeat(100)), None);
        assert_eq!(TwoFactorSecret::parse(&"1".repeat(32)), None, "not base32");
        assert_eq!(format!("{secret:?}"), "TwoFactorSecret(***)");
    }

    #[test]
    fn codes_match_rfc_6238_and_the_neighbouring_steps_only() {
        // RFC 6238's SHA-1 key "12345678901234567890", whose 8-digit code at 59 s is 94287082.
        let secret = TwoFactorSecret::parse("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ").unwrap();
        assert_eq!(secret.code_at(59), "287082");
        assert_eq!(secret.step_of("287082", 59), Some(1));
        assert_eq!(secret.step_of("287 082", 59 + 30), Some(1), "a step late");
        assert_eq!(secret.step_of("287082", 59 + 60), None, "two steps late");
        assert_eq!(secret.step_of("287083", 59), None);
        assert_eq!(secret.step_of("28708", 59), None);
        assert_eq!(secret.step_of(&"2".repeat(1000), 59), None);
    }

    #[test]
    fn the_qr_code_is_an_inline_svg_of_the_otpauth_address() {
        let secret = TwoFactorSecret::generate();
        let url = secret.otpauth_url("Naboskab: Nordby", "anne@example.org");
        assert!(url.starts_with("otpauth://totp/Naboskab%20%20Nordby:anne%40example.org?"));
        assert!(url.contains(&format!("secret={}", secret.as_str())));
        let svg = secret.qr_svg("Nordby", "anne@example.org", "QR <kode>");
        assert!(svg.starts_with("<svg role=\"img\""), "{}", &svg[..80]);
        assert!(svg.contains("<title id=\"qr-title\">QR &lt;kode&gt;</title>"));
        assert!(!svg.contains("<?xml") && !svg.contains("version="));
    }

    #[test]
    fn recovery_codes_are_random_readable_and_found_by_their_hash() {
        let codes = RecoveryCode::generate_set();
        assert_eq!(codes.len(), RECOVERY_CODES);
        let mut unique: Vec<_> = codes.iter().map(RecoveryCode::hash).collect();
        unique.dedup();
        assert_eq!(unique.len(), RECOVERY_CODES);
        let shown = codes[0].shown();
        assert_eq!(shown.len(), 11);
        assert_eq!(typed_recovery_hash(&shown), Some(codes[0].hash()));
        assert_eq!(
            typed_recovery_hash(&format!(" {} ", shown.to_uppercase().replace('-', " "))),
            Some(codes[0].hash())
        );
        assert_eq!(typed_recovery_hash("123456"), None);
        assert_eq!(typed_recovery_hash("0000000000"), None, "0 is not used");
        assert_eq!(format!("{:?}", codes[0]), "RecoveryCode(***)");
    }
}
