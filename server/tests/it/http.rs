//! The app over HTTP, started on port 0 with a fresh database: pages, status codes, health.

use app::db::Backend;
use reqwest::Method;

use crate::{helpers::TestApp, on_both_backends};

/// The front page of a site with the demo content shows it, and every page of the shell answers
/// with its heading.
async fn pages_over_http(backend: Backend) {
    let app = TestApp::spawn_with_demo(backend).await;
    let resident = app.visitor();

    let front = resident.get("/").await;
    assert_eq!(front.status, 200);
    let body = front.body;
    assert!(body.contains(r#"<html lang="da" dir="ltr">"#), "{body}");
    assert!(body.contains("Velkommen til Randers Nordby"));
    assert!(body.contains("ParkCafeen"));
    assert!(body.contains(r##"href="#indhold""##), "a skip link");
    for link in [
        r#"href="/nyheder""#,
        r#"href="/kalender""#,
        r#"href="/skriv""#,
        r#"href="/log-ind""#,
        r#"href="/was""#,
        r#"href="/privatliv""#,
    ] {
        assert!(body.contains(link), "the shell links {link}");
    }
    assert!(body.contains("Skriv til Nordbyposten"));

    for (path, heading) in [
        ("/nyheder", "Nyheder"),
        ("/kalender", "Kalender"),
        ("/skriv", "Skriv til Nordbyposten"),
        ("/log-ind", "Log ind"),
        ("/was", "Tilgængelighedserklæring"),
        ("/privatliv", "Privatliv og cookies"),
    ] {
        let page = resident.get(path).await;
        assert_eq!(page.status, 200, "{path}");
        let body = page.body;
        assert!(
            body.contains(&format!("<h1>{heading}</h1>")),
            "{path}: {body}"
        );
    }

    let missing = resident.get("/findes/ikke").await;
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("Siden findes ikke"));

    let health = resident.get("/healthz").await;
    assert_eq!(
        (health.status, health.body.as_str()),
        (200, r#"{"status":"ok","database":"ok","backup":"off"}"#)
    );

    let front = resident.get("/").await;
    assert!(front.set_cookie.is_none(), "no cookie for a visitor");
    assert_eq!(resident.cookie(), None);
}

on_both_backends!(pages_over_http);

async fn a_lost_database_gives_503_health_and_a_friendly_500_page(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.db().close().await;
    let resident = app.visitor();

    assert_eq!(resident.get("/healthz").await.status, 503);

    let front = resident.get("/").await;
    assert_eq!(front.status, 500);
    let body = front.body;
    assert!(body.contains("Noget gik galt"), "{body}");
    assert!(
        body.contains(r#"<html lang="da""#),
        "still the Danish page shell"
    );
    let lowered = body.to_lowercase();
    for leak in [
        "sqlx",
        "pool",
        "closed",
        "panicked",
        "internal error",
        "servererror",
        "src/",
    ] {
        assert!(
            !lowered.contains(leak),
            "the 500 page leaks {leak:?}: {body}"
        );
    }
}

on_both_backends!(a_lost_database_gives_503_health_and_a_friendly_500_page);

/// Responses are compressed for browsers that ask, which matters on a slow phone connection.
#[tokio::test]
async fn pages_are_compressed() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let response = app
        .visitor()
        .request(Method::GET, "/was")
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers().get("content-encoding").unwrap(), "gzip");
}

/// Sends `POST path` with a chunked body of `size` bytes of a login form (`email=aaaa…`) over a
/// plain socket, as a script would (a client library announces the length), and reads what
/// comes back: the status and the whole response. The server may answer and close before the
/// body is all sent; writing then fails, and the answer is read anyway.
fn post_chunked(origin: &str, path: &str, size: usize) -> (u16, String) {
    use std::io::{Read, Write};
    let host = origin.trim_start_matches("http://");
    let mut stream = std::net::TcpStream::connect(host).unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(30)))
        .unwrap();
    let mut writer = stream.try_clone().unwrap();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {host}\r\nOrigin: {origin}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\n\
         Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    );
    let sender = std::thread::spawn(move || -> std::io::Result<()> {
        writer.write_all(head.as_bytes())?;
        let mut body = b"password=x&email=".to_vec();
        body.resize(size, b'a');
        for chunk in body.chunks(64 * 1024) {
            write!(writer, "{:x}\r\n", chunk.len())?;
            writer.write_all(chunk)?;
            writer.write_all(b"\r\n")?;
        }
        writer.write_all(b"0\r\n\r\n")
    });
    let mut response = Vec::new();
    let mut buffer = [0_u8; 16 * 1024];
    loop {
        match stream.read(&mut buffer) {
            Ok(0) | Err(_) => break,
            Ok(read) => response.extend_from_slice(&buffer[..read]),
        }
    }
    let _ = sender.join();
    let response = String::from_utf8_lossy(&response).into_owned();
    let status = response
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or(0);
    (status, response)
}

/// A form anyone may send takes at most 32 KB, counted by the bytes actually read, also when the
/// body is chunked and announces no length, and the person gets the form's Danish page again,
/// not a bare status.
async fn a_body_over_the_limit_is_refused_with_a_danish_page(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let origin = app.origin.clone();

    let chunked = {
        let origin = origin.clone();
        tokio::task::spawn_blocking(move || post_chunked(&origin, "/log-ind", 2 * 1024 * 1024))
    };
    let (status, response) = chunked.await.unwrap();
    assert_eq!(status, 413, "{}", &response[..response.len().min(2000)]);
    assert!(
        response.contains(r#"<html lang="da""#) && response.contains("<h1>Log ind</h1>"),
        "{response}"
    );

    // Under the limit, the same chunked form is read (and the login simply fails); just over
    // it, it is not, although it is far below the logged-in areas' 1 MB.
    let small = {
        let origin = origin.clone();
        tokio::task::spawn_blocking(move || post_chunked(&origin, "/log-ind", 30 * 1024))
    };
    let (status, _) = small.await.unwrap();
    assert_eq!(status, 422);
    let over = {
        let origin = origin.clone();
        tokio::task::spawn_blocking(move || post_chunked(&origin, "/log-ind", 40 * 1024))
    };
    let (status, _) = over.await.unwrap();
    assert_eq!(status, 413);

    // A body announced as too large is refused before it is read, with the same page. The
    // server may close the connection while the body is still on its way, and the client then
    // sees a broken pipe instead of the answer; it tries again.
    let big = "a".repeat(2 * 1024 * 1024);
    let form = [("email", big.as_str()), ("password", "x")];
    let resident = app.visitor();
    let mut refused = None;
    for _ in 0..5 {
        let request = resident
            .request(Method::POST, "/glemt-adgangskode")
            .header("origin", &app.origin)
            .form(&form);
        if let Ok(answer) = resident.try_send(request).await {
            refused = Some(answer);
            break;
        }
    }
    let refused = refused.expect("an answer to one of five tries");
    assert_eq!(refused.status, 413);
    assert!(
        refused.body.contains("<h1>Glemt adgangskode</h1>"),
        "{}",
        refused.body
    );
}

on_both_backends!(a_body_over_the_limit_is_refused_with_a_danish_page);

/// An address over 8 KB is refused with 414 and a line of Danish before any page reads it; one
/// just under is read as usual (its unknown query fields ignored).
#[tokio::test]
async fn an_address_over_8_kb_is_refused() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let visitor = app.visitor();
    let fields = |bytes: usize| vec!["a=1"; bytes / 4].join("&");
    let long = visitor
        .get(&format!("/kalender?{}", fields(9 * 1024)))
        .await;
    assert_eq!(long.status, 414);
    assert!(long.body.contains("Adressen er for lang"), "{}", long.body);
    let feed = visitor
        .get(&format!("/kalender.ics?{}", fields(9 * 1024)))
        .await;
    assert_eq!(feed.status, 414);
    let fitting = visitor
        .get(&format!("/kalender?{}", fields(7 * 1024)))
        .await;
    assert_eq!(fitting.status, 200);
}

/// Where the log of [`private_links_never_reach_the_log`] is written.
#[derive(Clone, Default)]
struct CapturedLog(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for CapturedLog {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The secret of a private link never appears in the log, at any level, wherever the server
/// logs a request: tower-http's request spans and their failures, a form refused for coming
/// from another site, an unreadable form, an internal error.
async fn private_links_never_reach_the_log(backend: Backend) {
    let log = CapturedLog::default();
    let subscriber = tracing_subscriber::fmt()
        // Everything the server and its libraries say; not the test's own HTTP client, which
        // knows the links it asks for.
        .with_env_filter("trace,reqwest=off,hyper_util::client=off")
        .with_ansi(false)
        .with_writer({
            let log = log.clone();
            move || log.clone()
        })
        .finish();
    // The runtime of this test has one thread, so everything the app logs is written here.
    let _capture = tracing::subscriber::set_default(subscriber);

    let app = TestApp::spawn(backend).await;
    let secret = "Hq3vX9pLm2Rb7Yc1Zk4Ws8Nd3Fg6Jt5Ka0Qe2Ru7Ti";
    let visitor = app.visitor();
    let page = visitor.get(&format!("/tilmelding/{secret}")).await;
    assert_eq!(page.status, 404);
    let refused = visitor
        .post_form_from(
            &format!("/tilmelding/{secret}/afmeld"),
            &[],
            Some("https://evil.example"),
        )
        .await;
    assert_eq!(refused.status, 403);
    let unreadable = visitor
        .send(
            visitor
                .request(Method::POST, &format!("/invitation/{secret}"))
                .header("origin", &app.origin)
                .header("content-type", "text/plain")
                .body("name=x"),
        )
        .await;
    // The form's page comes back, and for an unknown invitation that page is a 404.
    assert_eq!(unreadable.status, 404);
    app.db().close().await;
    let failed = visitor
        .post_form(&format!("/nulstil/{secret}"), &[("password", "x")])
        .await;
    assert_eq!(failed.status, 500);

    let log = String::from_utf8(log.0.lock().unwrap().clone()).unwrap();
    assert!(
        !log.contains(secret),
        "the log holds a private link:\n{log}"
    );
    for seen in [
        "refused a cross-site request",
        "path=/tilmelding/…/afmeld",
        "an unreadable form",
        "page=/invitation/…",
        "path=/nulstil/…",
        "a request failed",
    ] {
        assert!(log.contains(seen), "the log lacks {seen:?}:\n{log}");
    }
}

#[tokio::test]
async fn private_links_never_reach_the_log_sqlite() {
    private_links_never_reach_the_log(Backend::Sqlite).await;
}

#[tokio::test]
async fn private_links_never_reach_the_log_postgres() {
    if crate::helpers::postgres_admin_url().is_none() {
        eprintln!("TEST_POSTGRES_URL is not set: PostgreSQL variant not run");
        return;
    }
    private_links_never_reach_the_log(Backend::Postgres).await;
}
