//! The nightly backups on both backends: forty simulated nights leave seven nightly and four
//! weekly copies, each checked; `/healthz` reports the backups as a field of its own (missing,
//! ok, failed) and the admin's home page shows the last one or the failure.

use app::{accounts::Role, db::Backend};
use chrono::NaiveDate;
use server::backups::{file_name, Backups, KEEP_NIGHTLY, KEEP_WEEKLY};

use crate::{fixtures::account, helpers::TestApp, on_both_backends};

/// `/healthz`'s backup field.
async fn backup_health(app: &TestApp) -> String {
    let answer = app.visitor().get("/healthz").await;
    assert_eq!(answer.status, 200);
    let health: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
    assert_eq!(health["database"], "ok");
    health["backup"].as_str().unwrap().to_owned()
}

async fn forty_nights_of_backups_keep_seven_nights_and_four_weeks(backend: Backend) {
    let folder = tempfile::tempdir().unwrap();
    let app = TestApp::spawn_with_backups(backend, folder.path()).await;
    assert_eq!(backup_health(&app).await, "missing", "no copy yet");
    let admin = account(Role::Admin).create(app.db()).await;
    let browser = app.logged_in_as(&admin).await;
    let home = browser.get("/personale").await.body;
    assert!(
        home.contains("Der er ingen backup fra det sidste døgn."),
        "{home}"
    );

    let backups = Backups::new(folder.path().to_owned());
    let url = app.test_db.url.clone();
    let first = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
    for night in 0..40 {
        let night = first + chrono::Days::new(night);
        let copy = backups
            .run_nightly(app.db(), &url, night)
            .await
            .expect("the night's copy");
        assert_eq!(copy.night, night);
    }
    let copies = backups.copies().unwrap();
    assert_eq!(copies.len(), KEEP_NIGHTLY + KEEP_WEEKLY, "{copies:?}");
    let newest = first + chrono::Days::new(39);
    for night in 0..7 {
        let night = newest - chrono::Days::new(night);
        assert!(
            folder.path().join(file_name(night, backend)).exists(),
            "{night}"
        );
    }
    // Every copy kept is a sound one, owner-only.
    for copy in &copies {
        server::backups::check(&copy.path).await.unwrap();
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&copy.path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}", copy.path.display());
    }
    assert_eq!(backup_health(&app).await, "ok");
    let home = browser.get("/personale").await.body;
    let newest_file = file_name(newest, backend);
    assert!(
        home.contains(&format!("Seneste backup: {newest_file}")),
        "{home}"
    );

    // A night whose copy cannot be made (the database is out of reach) is a failure, which
    // health and the admin's page report until a night goes well again.
    let closed = app.test_db.connect().await;
    closed.close().await;
    let unreachable = "postgres://nobody@127.0.0.1:1/none";
    let failed = backups
        .run_nightly(&closed, unreachable, newest + chrono::Days::new(1))
        .await
        .unwrap_err();
    assert!(
        !folder
            .path()
            .join(file_name(newest + chrono::Days::new(1), backend))
            .exists(),
        "no partial copy is left: {failed}"
    );
    assert_eq!(backup_health(&app).await, "failed");
    let home = browser.get("/personale").await.body;
    assert!(home.contains("Den seneste backup fejlede: "), "{home}");
    backups
        .run_nightly(app.db(), &url, newest + chrono::Days::new(1))
        .await
        .unwrap();
    assert_eq!(backup_health(&app).await, "ok", "a good night clears it");
}

on_both_backends!(forty_nights_of_backups_keep_seven_nights_and_four_weeks);
