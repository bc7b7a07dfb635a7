//! One spelling per address: a path with `.` or `..` segments or doubled slashes
//! (`/./tilmelding/…`, `/nyheder//x`) is answered with a permanent redirect (308, which keeps
//! the method and body) to the path it names, before anything else looks at it. Without this,
//! such a path skips the checks that compare the path as written (the private pages'
//! `Cache-Control: no-store`, the access rules), while the router still finds the page.
//! Browsers never send such paths; only a script writes them.
//!
//! An address (path and query) longer than [`MAX_TARGET`] is answered with 414 before anything
//! reads it: no page of the portal has an address that long, and a query of thousands of fields
//! would otherwise be parsed by every layer that looks at the query.
//!
//! [`loggable_path`] is how a path is named in the log: a private link's secret becomes `…`.

use std::borrow::Cow;

use axum::{
    extract::Request,
    http::{header, HeaderValue, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};

/// The path `path` names, when it is not written that way already: dot segments resolved and
/// empty segments dropped (a trailing slash is kept, it is a spelling of its own).
pub fn normalised(path: &str) -> Option<String> {
    let inner = path.strip_prefix('/').unwrap_or(path);
    let segments: Vec<&str> = inner.split('/').collect();
    let last = segments.len().saturating_sub(1);
    let odd = segments
        .iter()
        .enumerate()
        .any(|(at, segment)| matches!(*segment, "." | "..") || (segment.is_empty() && at != last));
    if !odd {
        return None;
    }
    let mut kept: Vec<&str> = Vec::new();
    for segment in &segments {
        match *segment {
            "" | "." => {}
            ".." => {
                kept.pop();
            }
            segment => kept.push(segment),
        }
    }
    let trailing = path.ends_with('/') && !kept.is_empty();
    Some(format!(
        "/{}{}",
        kept.join("/"),
        if trailing { "/" } else { "" }
    ))
}

/// The longest request target (path and query) read, in bytes: the default of nginx's and
/// Apache's request line, which a proxy in front of the portal applies anyway.
pub const MAX_TARGET: usize = 8 * 1024;

/// The answer to an address over [`MAX_TARGET`]: 414, with a line of Danish for the one who
/// followed such a link.
fn too_long() -> Response {
    (
        StatusCode::URI_TOO_LONG,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "Adressen er for lang. Gå til forsiden og find siden derfra.",
    )
        .into_response()
}

/// Middleware (outermost): refuses an address over [`MAX_TARGET`], and redirects a path written
/// with dot segments or doubled slashes to the one spelling of it, with its query.
pub async fn one_spelling(request: Request, next: Next) -> Response {
    let target_length = request
        .uri()
        .path_and_query()
        .map_or(0, |target| target.as_str().len());
    if target_length > MAX_TARGET {
        return too_long();
    }
    let Some(path) = normalised(request.uri().path()) else {
        return next.run(request).await;
    };
    let target = match request.uri().query() {
        Some(query) => format!("{path}?{query}"),
        None => path,
    };
    match HeaderValue::from_str(&target) {
        Ok(location) => (
            StatusCode::PERMANENT_REDIRECT,
            [(header::LOCATION, location)],
        )
            .into_response(),
        Err(_) => StatusCode::BAD_REQUEST.into_response(),
    }
}

/// The addresses whose next segment is a secret: a sign-up's private link, an invitation, a
/// password reset, a newsletter subscriber's link.
const PRIVATE_LINKS: [&str; 4] = ["/tilmelding/", "/invitation/", "/nulstil/", "/abonnement/"];

/// A request's `path` as the log may show it: the secret segment of a private link replaced by
/// `…` (`/tilmelding/…/afmeld`), everything else as it is. Every log line and span that names a
/// request's path takes it from here; none names the query.
pub fn loggable_path(path: &str) -> Cow<'_, str> {
    for prefix in PRIVATE_LINKS {
        let Some(start) = path.get(..prefix.len()) else {
            continue;
        };
        if start.eq_ignore_ascii_case(prefix) {
            let rest = &path[prefix.len()..];
            let after = rest.find('/').map_or("", |slash| &rest[slash..]);
            return Cow::Owned(format!("{prefix}…{after}"));
        }
    }
    Cow::Borrowed(path)
}

#[cfg(test)]
mod tests {
    use super::{loggable_path, normalised};

    #[test]
    fn odd_spellings_name_their_path() {
        for (path, named) in [
            ("/./tilmelding/abc", Some("/tilmelding/abc")),
            ("/nyheder/../tilmelding/abc", Some("/tilmelding/abc")),
            ("//tilmelding/abc", Some("/tilmelding/abc")),
            ("/personale//brugere", Some("/personale/brugere")),
            ("/../../etc/passwd", Some("/etc/passwd")),
            ("/kalender/.", Some("/kalender")),
            ("/kalender/./", Some("/kalender/")),
            ("/.", Some("/")),
            ("/", None),
            ("/kalender", None),
            ("/kalender/", None),
            ("/nyheder/en.artikel..x", None),
        ] {
            assert_eq!(normalised(path).as_deref(), named, "{path}");
        }
    }

    #[test]
    fn the_secret_of_a_private_link_never_reaches_the_log() {
        let secret = "q9XrT0kLm2Vb7Yc1Zp4Ws8Nd3Fg6Hj5Ka0Qe2Ru7Ti";
        for (path, logged) in [
            (format!("/tilmelding/{secret}"), "/tilmelding/…"),
            (
                format!("/tilmelding/{secret}/afmeld"),
                "/tilmelding/…/afmeld",
            ),
            (format!("/tilmelding/{secret}/aendr"), "/tilmelding/…/aendr"),
            (format!("/invitation/{secret}"), "/invitation/…"),
            (format!("/nulstil/{secret}"), "/nulstil/…"),
            (format!("/NULSTIL/{secret}"), "/nulstil/…"),
            ("/tilmelding/".to_owned(), "/tilmelding/…"),
        ] {
            assert_eq!(loggable_path(&path), logged);
        }
        for path in [
            "/",
            "/log-ind",
            "/aktiviteter/babycafe/2026-12-01",
            "/nulstil",
            "/æ",
        ] {
            assert_eq!(loggable_path(path), path);
        }
    }
}
