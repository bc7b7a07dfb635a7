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

#[cfg(test)]
mod tests {
    use super::normalised;

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
}
