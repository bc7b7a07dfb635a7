//! The security headers over HTTP, on both backends: the Content-Security-Policy and its nonce on
//! every script, `nosniff`, the referrer and framing rules, HSTS only over https, `no-store` on
//! private pages, and the session cookie that ends with the browser.

use app::{accounts::Role, db::Backend};
use reqwest::{header::HeaderMap, Method};

use crate::{
    fixtures::{account, activity},
    helpers::{TestApp, Visitor},
    on_both_backends,
};

/// A response's status, headers and body.
struct Full {
    status: u16,
    headers: HeaderMap,
    body: String,
}

impl Full {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .get(name)
            .map(|value| value.to_str().expect("a header of text"))
    }

    /// The nonce the Content-Security-Policy allows scripts with.
    fn nonce(&self) -> String {
        let policy = self
            .header("content-security-policy")
            .expect("a Content-Security-Policy");
        let start = policy.find("'nonce-").expect("the policy names a nonce") + "'nonce-".len();
        policy[start..]
            .split('\'')
            .next()
            .expect("the nonce ends with a quote")
            .to_owned()
    }

    /// The `nonce` attribute of every `<script>` of the page (empty for a script without one).
    fn script_nonces(&self) -> Vec<String> {
        let document = scraper::Html::parse_document(&self.body);
        let scripts = scraper::Selector::parse("script").unwrap();
        document
            .select(&scripts)
            .map(|script| script.value().attr("nonce").unwrap_or_default().to_owned())
            .collect()
    }
}

async fn fetch(request: reqwest::RequestBuilder) -> Full {
    let response = request.send().await.expect("the server answers");
    Full {
        status: response.status().as_u16(),
        headers: response.headers().clone(),
        body: response.text().await.unwrap(),
    }
}

async fn get(visitor: &Visitor, path: &str) -> Full {
    fetch(visitor.request(Method::GET, path)).await
}

/// Posts `form` to `path` as the app's own page would.
async fn post(app: &TestApp, visitor: &Visitor, path: &str, form: &[(&str, &str)]) -> Full {
    fetch(
        visitor
            .request(Method::POST, path)
            .header("origin", &app.origin)
            .form(form),
    )
    .await
}

/// The headers every answer carries, whatever it is, and a policy that allows no inline script
/// without this answer's nonce, which every script of the page carries.
fn assert_secured(what: &str, answer: &Full) {
    for (name, value) in [
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "same-origin"),
        ("x-frame-options", "DENY"),
    ] {
        assert_eq!(answer.header(name), Some(value), "{what}: {name}");
    }
    let policy = answer.header("content-security-policy").unwrap();
    for part in [
        "default-src 'self'",
        "script-src 'self' 'nonce-",
        "frame-ancestors 'none'",
        "object-src 'none'",
        "base-uri 'none'",
    ] {
        assert!(policy.contains(part), "{what}: {policy}");
    }
    assert!(!policy.contains("unsafe-inline"), "{what}: {policy}");
    let nonce = answer.nonce();
    assert!(nonce.len() >= 22, "{what}: 128 bits or more: {nonce}");
    if answer
        .header("content-type")
        .is_some_and(|kind| kind.starts_with("text/html"))
    {
        // Most pages have no script at all; the ones with an island have theirs.
        for script in answer.script_nonces() {
            assert_eq!(script, nonce, "{what}: every script carries the nonce");
        }
    }
    assert_eq!(
        answer.header("strict-transport-security"),
        None,
        "{what}: no HSTS over http"
    );
}

/// The whole answer to a GET of `path` sent exactly as written (an HTTP client would resolve
/// its dot segments first).
async fn raw_get(origin: &str, path: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let host = origin.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(host).await.unwrap();
    let request = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.unwrap();
    String::from_utf8_lossy(&answer).into_owned()
}

fn assert_no_store(what: &str, answer: &Full) {
    assert_eq!(answer.header("cache-control"), Some("no-store"), "{what}");
}

async fn every_answer_carries_the_security_headers(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    let next_week = app::clock::today() + chrono::Duration::days(7);
    let dinner = activity("Suppeaften")
        .starts_on(next_week)
        .signups_required(30)
        .create(db)
        .await;
    let resident = app.visitor();

    // Public pages: may be kept by a browser.
    let date_page = format!("/aktiviteter/{}/{next_week}", dinner.slug);
    for path in ["/", "/nyheder", "/kalender", date_page.as_str()] {
        let answer = get(&resident, path).await;
        assert_eq!(answer.status, 200, "{path}");
        assert_secured(path, &answer);
        assert_eq!(answer.header("cache-control"), None, "{path}");
    }

    // The error pages: the 404 of an unknown address, and a form shown again with its message
    // (rendered outside Leptos's routes), which keeps what was typed from any cache.
    let missing = get(&resident, "/findes/ikke").await;
    assert_eq!(missing.status, 404);
    assert_secured("404", &missing);
    let refused = post(&app, &resident, &date_page, &[("navn", "")]).await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert_secured("422", &refused);
    assert_no_store("422", &refused);

    // Static files carry the headers too.
    let favicon = get(&resident, "/favicon.svg").await;
    assert_eq!(
        favicon.header("x-content-type-options"),
        Some("nosniff"),
        "static files"
    );

    // The private sign-up link's page is never stored.
    let signed_up = post(&app, &resident, &date_page, &[("navn", "Amina")]).await;
    assert_eq!(signed_up.status, 303, "{}", signed_up.body);
    let link = signed_up.header("location").unwrap().to_owned();
    assert!(link.starts_with("/tilmelding/"), "{link}");
    let private = get(&resident, &link).await;
    assert_eq!(private.status, 200);
    assert_secured("the private link", &private);
    assert_no_store("the private link", &private);
    // Spelled oddly by a script (a browser resolves the dots first): sent to the one spelling,
    // never the private page without its headers.
    for odd in [
        format!("/.{link}"),
        format!("/nyheder/..{link}"),
        format!("/{link}"),
    ] {
        let raw = raw_get(&app.origin, &odd).await;
        assert!(raw.starts_with("HTTP/1.1 308"), "{odd}: {raw}");
        assert!(
            raw.to_ascii_lowercase()
                .contains(&format!("location: {}", link.to_ascii_lowercase())),
            "{odd}: {raw}"
        );
        assert!(!raw.contains("Amina"), "{odd}: {raw}");
    }
    for path in ["/log-ind", "/invitation/ukendt", "/nulstil/ukendt"] {
        let answer = get(&resident, path).await;
        assert_secured(path, &answer);
        assert_no_store(path, &answer);
    }

    // Staff pages and downloads, and every page a logged-in person sees.
    let staff_account = account(Role::Staff).create(db).await;
    let staff = app.logged_in_as(&staff_account).await;
    for path in [
        "/personale",
        "/personale/tal",
        "/personale/aktiviteter",
        "/",
    ] {
        let answer = get(&staff, path).await;
        assert_eq!(answer.status, 200, "{path}");
        assert!(answer.script_nonces().is_empty(), "{path} has no island");
        assert_secured(path, &answer);
        assert_no_store(path, &answer);
    }
    // The article editor has an island (the live preview): its scripts carry the nonce.
    let editor = get(&staff, "/personale/artikler/ny").await;
    assert_eq!(editor.status, 200);
    assert_secured("the article editor", &editor);
    assert!(
        editor.script_nonces().len() >= 2,
        "the editor loads its island's scripts"
    );
    let csv = get(&staff, "/personale/tal.csv").await;
    assert_eq!(csv.status, 200);
    assert_no_store("the figures' CSV", &csv);
    assert_eq!(csv.header("x-content-type-options"), Some("nosniff"));
}

on_both_backends!(every_answer_carries_the_security_headers);

/// Every rendering of a page gets a nonce of its own. A page from the page cache is answered
/// with the nonce it was rendered with (its content was fixed before that nonce was made), and
/// its next rendering gets a new one.
async fn the_nonce_is_new_for_every_answer(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let staff = account(Role::Staff).create(app.db()).await;
    let staff = app.logged_in_as(&staff).await;
    let mut seen = std::collections::HashSet::new();
    for _ in 0..3 {
        let answer = get(&staff, "/").await;
        assert_secured("/", &answer);
        assert!(seen.insert(answer.nonce()), "a nonce was used twice");
    }
    let resident = app.visitor();
    // The page cache keeps a page from its second request on.
    let first = get(&resident, "/").await;
    assert!(seen.insert(first.nonce()), "a nonce was used twice");
    let kept = get(&resident, "/").await;
    assert_secured("/", &kept);
    assert!(seen.insert(kept.nonce()), "a nonce was used twice");
    assert_eq!(get(&resident, "/").await.nonce(), kept.nonce());
    app.state.pages.changed();
    let rendered_again = get(&resident, "/").await;
    assert!(
        seen.insert(rendered_again.nonce()),
        "a new rendering reused a nonce"
    );
}

on_both_backends!(the_nonce_is_new_for_every_answer);

async fn hsts_only_when_the_public_address_is_https(backend: Backend) {
    let app = TestApp::spawn_with_public_url(backend, "https://nordby.example.org").await;
    let resident = app.visitor();
    for path in ["/", "/findes/ikke", "/favicon.svg"] {
        let answer = get(&resident, path).await;
        assert_eq!(
            answer.header("strict-transport-security"),
            Some("max-age=31536000"),
            "{path}"
        );
    }
    // Over http (every other test's app) there is none: see `assert_secured`.
}

on_both_backends!(hsts_only_when_the_public_address_is_https);

/// The session cookie has no end (it goes when the browser closes, on a shared computer), and
/// the server still ends the session four hours after the last request: the stored session's
/// expiry is four hours away after each request.
async fn the_session_ends_with_the_browser_or_after_four_idle_hours(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let staff_account = account(Role::Staff).create(app.db()).await;
    let staff = app.visitor();
    let answer = staff
        .log_in(&staff_account.email, &staff_account.password)
        .await;
    let cookie = answer.set_cookie.expect("a session cookie");
    assert!(
        !cookie.contains("Max-Age") && !cookie.contains("Expires"),
        "{cookie}"
    );
    assert_eq!(staff.get("/personale").await.status, 200);
    let seconds: f64 = match backend {
        Backend::Sqlite => {
            let app::db::Pool::Sqlite(pool) = app.db().pool() else {
                unreachable!()
            };
            sqlx::query_scalar(
                "select (julianday(max(expiry_date)) - julianday('now')) * 86400.0 \
                 from tower_sessions",
            )
            .fetch_one(pool)
            .await
            .unwrap()
        }
        Backend::Postgres => {
            let app::db::Pool::Postgres(pool) = app.db().pool() else {
                unreachable!()
            };
            sqlx::query_scalar(
                "select extract(epoch from max(expiry_date) - now())::float8 \
                 from tower_sessions.session",
            )
            .fetch_one(pool)
            .await
            .unwrap()
        }
    };
    let four_hours = 4.0 * 3600.0;
    assert!(
        (four_hours - 120.0..=four_hours + 5.0).contains(&seconds),
        "the session ends {seconds} s from now"
    );
}

on_both_backends!(the_session_ends_with_the_browser_or_after_four_idle_hours);
