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
#[cfg(feature = "ssr")]
pub mod two_factor;

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
    /// Staff: whether they get an email when a citizen journalist sends a submission.
    pub notify_submissions: bool,
    /// The language of the emails to this person (a session from before it was kept has
    /// none, and gets Danish).
    #[serde(default)]
    pub lang: crate::i18n::Lang,
    /// Logging in takes a code from an authenticator app too.
    #[serde(default)]
    pub two_factor: bool,
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

/// Recovery codes just made, which the two-factor page shows this once: the server puts them
/// in the extensions of the request that turned two-factor login on and renders the page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewRecoveryCodes(pub Vec<String>);

/// The recovery codes to show on the page being rendered, if it is the answer to turning
/// two-factor login on.
pub fn new_recovery_codes() -> Option<Vec<String>> {
    #[cfg(feature = "ssr")]
    {
        leptos::prelude::use_context::<http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<NewRecoveryCodes>().cloned())
            .map(|codes| codes.0)
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

/// The longest address to return to after logging in; no page of ours has a longer one.
const LONGEST_NEXT: usize = 2048;

/// Where to go after logging in: only a path on this site, never another site's address.
///
/// `next` is read the way a browser would read it, by a URL parser (WHATWG rules, the `url`
/// crate): resolved against a fixed address of ours, it must stay on that address's origin, and
/// what comes back is the parser's own serialisation of the path and query. So tabs and line
/// breaks that browsers drop, backslashes that browsers read as slashes, dot segments and
/// percent-encodings are all resolved here first, and whatever is emitted means the same to a
/// browser as it meant to this check. It is checked once more by resolving the result against a
/// second origin: a path that normalises to `//host` would leave the site there, and is refused.
pub fn safe_next(next: Option<String>) -> Option<String> {
    let next = next.filter(|next| next.len() <= LONGEST_NEXT)?;
    // Only a path-absolute reference ("/…") is a place on this site; anything else (a scheme,
    // "//host", a relative "page", leading spaces or control characters) is not asked for by
    // any page of ours.
    if !next.starts_with('/') {
        return None;
    }
    let on_site = |base: &str, reference: &str| {
        let base = url::Url::parse(base).ok()?;
        let resolved = base.join(reference).ok()?;
        (resolved.origin() == base.origin()).then_some(resolved)
    };
    let resolved = on_site("http://naboskab.invalid/", &next)?;
    let mut target = resolved.path().to_owned();
    if let Some(query) = resolved.query() {
        target.push('?');
        target.push_str(query);
    }
    let again = on_site("https://nordby.invalid/", &target)?;
    (again.path() == resolved.path()).then_some(target)
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

    #[test]
    fn only_local_paths_are_followed_after_login() {
        let next = |value: &str| safe_next(Some(value.to_owned()));
        assert_eq!(next("/personale").as_deref(), Some("/personale"));
        assert_eq!(
            next("/personale/artikler?x=1").as_deref(),
            Some("/personale/artikler?x=1")
        );
        assert_eq!(
            next("/personale/brugere?besked=inviteret#top").as_deref(),
            Some("/personale/brugere?besked=inviteret"),
            "the fragment never reaches the server anyway"
        );
        assert_eq!(safe_next(None), None);
        for bad in [
            "https://evil.example/",
            "http://naboskab.invalid/personale",
            "//evil.example/",
            "/\t/evil.example",
            "/\r\n/evil.example",
            "/\n/evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "\\/evil.example",
            "/\\/evil.example",
            "/..//evil.example",
            "/.//evil.example",
            "/%2e%2e//evil.example",
            "/%2E//evil.example",
            "/personale/../..//evil.example",
            " //evil.example",
            "\t//evil.example",
            "%09//evil.example",
            "%2F%2Fevil.example",
            "javascript:alert(1)",
            "data:text/html,hej",
            "personale",
            "",
        ] {
            let found = next(bad);
            assert!(
                found.is_none(),
                "{bad:?} was followed to {found:?}, which leaves the site"
            );
        }
    }

    /// Whatever is accepted, a browser resolves on the same site: no tab, line break or
    /// backslash is left for it to reinterpret, and it starts with exactly one slash.
    #[test]
    fn what_is_followed_stays_on_the_site_in_a_browser() {
        for input in [
            "/%2F/evil.example",
            "/\tevil.example",
            "/javascript:alert(1)//evil.example/..//x",
            "/%2f%2fevil.example",
            "/%09/evil.example",
            "/%5Cevil.example",
            "/%0d%0a/evil.example",
            "/a\r\nSet-Cookie: x",
            "/personale/ artikler",
            "/nyheder?q=æble&x=<script>",
            "/;@evil.example",
            "/@evil.example",
            "/:evil.example",
        ] {
            let Some(found) = safe_next(Some(input.to_owned())) else {
                continue;
            };
            assert!(
                found.starts_with('/') && !found.starts_with("//"),
                "{input:?}: {found}"
            );
            assert!(
                !found.contains(['\t', '\r', '\n', '\\', ' ']),
                "{input:?}: {found:?}"
            );
            let base = url::Url::parse("https://nordby.example/konto").unwrap();
            let resolved = base.join(&found).unwrap();
            assert_eq!(resolved.origin(), base.origin(), "{input:?}: {found}");
        }
        assert_eq!(
            safe_next(Some("/%2F/evil.example".to_owned())).as_deref(),
            Some("/%2F/evil.example"),
            "an encoded slash is a path segment here, not a host"
        );
        assert_eq!(
            safe_next(Some("/a\r\nSet-Cookie: x".to_owned())).as_deref(),
            Some("/aSet-Cookie:%20x"),
            "line breaks are dropped as browsers drop them, never sent in a header"
        );
    }
}
