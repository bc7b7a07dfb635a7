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
    assert_eq!((health.status, health.body.as_str()), (200, "ok\n"));

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
