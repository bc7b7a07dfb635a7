//! Accounts of the people who log in: admins, staff (medarbejdere) and citizen journalists
//! (borgerjournalister). Residents never need one.

pub mod api;
#[cfg(feature = "ssr")]
pub mod emails;
#[cfg(feature = "ssr")]
pub mod password;
#[cfg(feature = "ssr")]
pub mod queries;
#[cfg(feature = "ssr")]
pub mod service;
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

    /// Whether someone with this role may invite people as `invited`: admins anyone, staff
    /// citizen journalists.
    pub fn may_invite(self, invited: Role) -> bool {
        self == Role::Admin || (self == Role::Staff && invited == Role::Journalist)
    }
}

/// The Danish word for a role, as used in sentences ("som borgerjournalist").
pub fn role_name(lang: crate::i18n::Lang, role: Role) -> String {
    match role {
        Role::Admin => lang.text("role-admin"),
        Role::Staff => lang.text("role-staff"),
        Role::Journalist => lang.text("role-journalist"),
    }
}

/// The word for a role in the page's language.
pub fn role_label(role: Role) -> String {
    role_name(crate::i18n::lang(), role)
}

/// The logged-in person a request comes from. The server puts it in the request's extensions
/// after checking the session against the database (the account exists, is not disabled and
/// still has the password the session was opened with).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: Role,
    /// Staff: whether they get an email when a citizen journalist sends a piece.
    pub notify_submissions: bool,
}

impl Viewer {
    /// Where this person starts after logging in.
    pub fn home(&self) -> &'static str {
        if self.role.is_staff() {
            "/personale"
        } else {
            "/borgerjournalist"
        }
    }
}

/// Who is logged in on the request being rendered; None for residents (and in the browser).
pub fn viewer() -> Option<Viewer> {
    #[cfg(feature = "ssr")]
    {
        leptos::prelude::use_context::<http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<Viewer>().cloned())
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
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
