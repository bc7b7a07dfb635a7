//! Single-use secrets sent by email (invitations, password resets): random, and stored only as
//! a SHA-256 hash, so a copy of the database cannot be used to log in.

use std::fmt;

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use rand::RngCore;
use sha2::{Digest, Sha256};

/// The secret part of a link. Its Debug form is redacted; it is never stored.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

/// What the database stores of a token: the hex SHA-256 of its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenHash(String);

impl Token {
    /// 32 random bytes from the operating system's generator, as URL-safe base64.
    pub fn generate() -> Self {
        let mut bytes = [0_u8; 32];
        rand::rng().fill_bytes(&mut bytes);
        Self(URL_SAFE_NO_PAD.encode(bytes))
    }

    /// A token as it came back in a link. Anything may arrive; a wrong one simply matches no
    /// stored hash.
    pub fn from_link(text: &str) -> Self {
        Self(text.trim().to_owned())
    }

    /// The text to put in a link.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The hash to store or look up.
    pub fn hash(&self) -> TokenHash {
        let digest = Sha256::digest(self.0.as_bytes());
        TokenHash(digest.iter().map(|byte| format!("{byte:02x}")).collect())
    }
}

impl TokenHash {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_url_safe() {
        let a = Token::generate();
        let b = Token::generate();
        assert_ne!(a, b);
        assert_eq!(a.as_str().len(), 43, "32 bytes in unpadded base64");
        assert!(a
            .as_str()
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    }

    #[test]
    fn the_hash_is_stable_and_not_the_token() {
        let token = Token::generate();
        let hash = token.hash();
        assert_eq!(
            hash,
            Token::from_link(&format!(" {} ", token.as_str())).hash()
        );
        assert_eq!(hash.as_str().len(), 64);
        assert_ne!(hash.as_str(), token.as_str());
        assert_ne!(hash, Token::generate().hash());
        assert_eq!(format!("{token:?}"), "Token(***)");
    }
}
