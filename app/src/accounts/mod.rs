//! Accounts of the people who log in: admins, staff (medarbejdere) and citizen journalists
//! (borgerjournalister). Residents never need one.

#[cfg(feature = "ssr")]
pub mod password;
#[cfg(feature = "ssr")]
pub mod queries;
#[cfg(feature = "ssr")]
pub mod token;

use serde::{Deserialize, Serialize};

/// What an account may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    Admin,
    Staff,
    Journalist,
}

impl Role {
    /// The value stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Staff => "staff",
            Role::Journalist => "journalist",
        }
    }

    /// Reads a stored value.
    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "admin" => Some(Role::Admin),
            "staff" => Some(Role::Staff),
            "journalist" => Some(Role::Journalist),
            _ => None,
        }
    }

    /// Admins can do everything staff can.
    pub fn is_staff(self) -> bool {
        matches!(self, Role::Admin | Role::Staff)
    }
}

/// An email address, trimmed and lower-cased, so that one person has one account however they
/// type it.
///
/// The check is deliberately loose (one `@`, a dotted domain, no spaces): it catches typos in a
/// form. Whether mail can be delivered is only known by sending it, which lettre does with a
/// full RFC 5321 parser.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailAddress(String);

impl EmailAddress {
    pub fn parse(raw: &str) -> Option<Self> {
        let email = raw.trim().to_lowercase();
        let (local, domain) = email.split_once('@')?;
        let valid = !local.is_empty()
            && local.len() <= 64
            && email.len() <= 254
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains('@')
            && !email.chars().any(|c| c.is_whitespace() || c.is_control());
        valid.then_some(Self(email))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip() {
        for role in [Role::Admin, Role::Staff, Role::Journalist] {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("resident"), None);
        assert!(Role::Admin.is_staff() && Role::Staff.is_staff() && !Role::Journalist.is_staff());
    }

    #[test]
    fn email_addresses_are_normalised() {
        let email = EmailAddress::parse("  Fatima.Hassan@Example.ORG ").unwrap();
        assert_eq!(email.as_str(), "fatima.hassan@example.org");
    }

    #[test]
    fn typos_in_email_addresses_are_caught() {
        for typo in [
            "",
            "fatima",
            "fatima@",
            "@example.org",
            "fatima@example",
            "fatima hassan@example.org",
            "fatima@@example.org",
            "fatima@example.org.",
        ] {
            assert_eq!(EmailAddress::parse(typo), None, "{typo:?}");
        }
    }
}
