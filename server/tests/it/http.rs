//! The app over HTTP, started on port 0 with a fresh database: pages, status codes, health.

use crate::{helpers::TestApp, on_both_backends};

on_both_backends! {
    async fn pages_over_http(backend: Backend) {
        let app = TestApp::spawn(backend).await;

        let (status, body) = app.get("/").await;
        assert_eq!(status, 200);
        assert!(body.contains(r#"<html lang="da" dir="ltr">"#), "{body}");
        assert!(body.contains("Velkommen til Randers Nordby"));
        assert!(body.contains("ParkCafeen"));
        assert!(body.contains(r##"href="#indhold""##), "a skip link");
        for link in [r#"href="/nyheder""#, r#"href="/kalender""#, r#"href="/skriv""#, r#"href="/log-ind""#, r#"href="/was""#, r#"href="/privatliv""#] {
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
            let (status, body) = app.get(path).await;
            assert_eq!(status, 200, "{path}");
            assert!(body.contains(&format!("<h1>{heading}</h1>")), "{path}: {body}");
        }

        let (status, body) = app.get("/findes/ikke").await;
        assert_eq!(status, 404);
        assert!(body.contains("Siden findes ikke"));

        let (status, body) = app.get("/healthz").await;
        assert_eq!((status, body.as_str()), (200, "ok\n"));

        let response = app.client.get(format!("http://{}/", app.addr)).send().await.unwrap();
        assert!(response.headers().get("set-cookie").is_none(), "no cookie for a visitor");

        app.stop().await;
    }
}

on_both_backends! {
    async fn a_lost_database_gives_503_health_and_a_friendly_500_page(backend: Backend) {
        let app = TestApp::spawn(backend).await;
        app.state.db.close().await;

        let (status, _) = app.get("/healthz").await;
        assert_eq!(status, 503);

        let (status, body) = app.get("/").await;
        assert_eq!(status, 500);
        assert!(body.contains("Noget gik galt"), "{body}");
        assert!(body.contains(r#"<html lang="da""#), "still the Danish page shell");
        let lowered = body.to_lowercase();
        for leak in ["sqlx", "pool", "closed", "panicked", "internal error", "servererror", "src/"] {
            assert!(!lowered.contains(leak), "the 500 page leaks {leak:?}: {body}");
        }

        app.stop().await;
    }
}

/// Responses are compressed for browsers that ask, which matters on a slow phone connection.
#[tokio::test]
async fn pages_are_compressed() {
    let app = TestApp::spawn(app::db::Backend::Sqlite).await;
    let response = app
        .client
        .get(format!("http://{}/was", app.addr))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers().get("content-encoding").unwrap(), "gzip");
    app.stop().await;
}
