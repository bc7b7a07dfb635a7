//! Passwords: the policy a new password must meet, and Argon2id hashing.
//!
//! The policy follows NIST SP 800-63B: at least 8 characters, long passphrases welcome, no
//! composition rules, and guessable passwords (common ones, or ones built from the user's own
//! name or email) refused. Guessability is judged by `zxcvbn`, which carries lists of common
//! passwords and words; a score below 2 ("too guessable") is refused.

use std::fmt;

/// The fewest characters a password may have.
pub const MIN_CHARS: usize = 8;
/// The most characters a password may have: generous for passphrases, bounded for hashing.
pub const MAX_CHARS: usize = 256;

/// A password that meets the policy. Deliberately neither `Serialize` nor printable.
pub struct Password(String);

/// Why a password was refused; each has a Danish message in `locales/`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasswordProblem {
    TooShort,
    TooLong,
    TooCommon,
}

impl PasswordProblem {
    /// The key of the message shown next to the password field.
    pub fn message_key(self) -> &'static str {
        match self {
            PasswordProblem::TooShort => "password-too-short",
            PasswordProblem::TooLong => "password-too-long",
            PasswordProblem::TooCommon => "password-too-common",
        }
    }
}

impl Password {
    /// Checks `raw` against the policy. `personal` holds words a guesser would try first,
    /// such as the user's email and name.
    pub fn parse(raw: &str, personal: &[&str]) -> Result<Self, PasswordProblem> {
        let chars = raw.chars().count();
        if chars < MIN_CHARS {
            return Err(PasswordProblem::TooShort);
        }
        if chars > MAX_CHARS {
            return Err(PasswordProblem::TooLong);
        }
        // zxcvbn matches user inputs as dictionary words, so give it the parts too:
        // "fatima.hassan@example.org" yields "fatima", "hassan", "example" and "org".
        let lowered: Vec<String> = personal.iter().map(|text| text.to_lowercase()).collect();
        let mut words: Vec<&str> = lowered.iter().map(String::as_str).collect();
        words.extend(
            lowered
                .iter()
                .flat_map(|text| text.split(|c: char| !c.is_alphanumeric()))
                .filter(|word| word.len() >= 3),
        );
        let estimate = zxcvbn::zxcvbn(raw, &words);
        if (estimate.score() as u8) < 2 {
            return Err(PasswordProblem::TooCommon);
        }
        Ok(Self(raw.to_owned()))
    }

    /// Hashes the password with Argon2id at the `argon2` crate's defaults (m = 19 MiB, t = 2,
    /// p = 1, OWASP's recommendation). Takes tens of milliseconds: call it off the async
    /// threads, within the CPU budget (`crate::cpu::run`).
    pub fn hash(&self) -> PasswordHash {
        PasswordHash(password_auth::generate_hash(&self.0))
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(***)")
    }
}

/// A stored password hash in PHC string format. Not `Serialize`; its Debug form is redacted.
#[derive(Clone, PartialEq, Eq)]
pub struct PasswordHash(String);

impl PasswordHash {
    /// Wraps a hash read from the database.
    pub fn from_stored(hash: String) -> Self {
        Self(hash)
    }

    /// The PHC string, for storing.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `attempt` is the password this hash was made from. Slow on purpose, like
    /// [`Password::hash`].
    pub fn verify(&self, attempt: &str) -> bool {
        password_auth::verify_password(attempt, &self.0).is_ok()
    }
}

impl fmt::Debug for PasswordHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PasswordHash(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_passwords_are_refused() {
        assert_eq!(
            Password::parse("kort7!", &[]).unwrap_err(),
            PasswordProblem::TooShort
        );
        // Characters count, not bytes: "æøåæøåæ" is 7 characters in 14 bytes.
        assert_eq!(
            Password::parse("æøåæøåæ", &[]).unwrap_err(),
            PasswordProblem::TooShort
        );
    }

    #[test]
    fn long_passphrases_are_welcome_up_to_the_limit() {
        let sixty_four = "solsikker i vindueskarmen hos naboen på tredje sal om foråret ok";
        assert_eq!(sixty_four.chars().count(), 64);
        assert!(Password::parse(sixty_four, &[]).is_ok());
        let too_long = "a".repeat(MAX_CHARS + 1);
        assert_eq!(
            Password::parse(&too_long, &[]).unwrap_err(),
            PasswordProblem::TooLong
        );
    }

    #[test]
    fn common_passwords_are_refused() {
        for common in [
            "password",
            "12345678",
            "qwertyuiop",
            "iloveyou1",
            "password123",
        ] {
            assert_eq!(
                Password::parse(common, &[]).unwrap_err(),
                PasswordProblem::TooCommon,
                "{common}"
            );
        }
    }

    #[test]
    fn the_users_own_name_is_not_a_password() {
        let personal = ["fatima.hassan@example.org", "Fatima Hassan"];
        assert_eq!(
            Password::parse("fatimahassan", &personal).unwrap_err(),
            PasswordProblem::TooCommon
        );
    }

    #[test]
    fn no_composition_rules() {
        // Only lower-case letters and spaces, yet long and unusual: accepted.
        assert!(Password::parse("grøn cykel under kastanjetræet", &[]).is_ok());
    }

    #[test]
    fn every_problem_has_a_danish_message() {
        for problem in [
            PasswordProblem::TooShort,
            PasswordProblem::TooLong,
            PasswordProblem::TooCommon,
        ] {
            let key = problem.message_key();
            assert_ne!(crate::i18n::Lang::DA.text(key), key);
        }
    }

    #[test]
    fn hashes_are_argon2id_with_owasp_parameters_and_verify() {
        let password = Password::parse("grøn cykel under kastanjetræet", &[]).unwrap();
        let hash = password.hash();
        assert!(
            hash.as_str().starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{}",
            hash.as_str()
        );
        assert!(hash.verify("grøn cykel under kastanjetræet"));
        assert!(!hash.verify("grøn cykel under kastanjetræer"));
        assert_eq!(
            format!("{hash:?} {password:?}"),
            "PasswordHash(***) Password(***)"
        );
    }
}
