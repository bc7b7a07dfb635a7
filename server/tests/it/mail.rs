//! Sending the outbox: to `.eml` files, and to a real SMTP server (maildev, started by
//! `cargo xtask test`, found through `TEST_SMTP_URL` and `TEST_MAILDEV_URL`), including an
//! outage of the mail server and a restart of the portal.

use app::{db::Backend, mail::OutgoingEmail};
use chrono::{Duration, Utc};
use lettre::message::Mailbox;
use server::mail::{drain_outbox, drain_outbox_at, Mailer};

use crate::{helpers::TestDb, on_both_backends};

fn from() -> Mailbox {
    "Randers Nordby <noreply@example.org>".parse().unwrap()
}

fn email(to: &str, subject: &str) -> OutgoingEmail {
    OutgoingEmail {
        to: to.into(),
        subject: subject.into(),
        text: "Hej Amina\n\nVelkommen til Nordbyposten.".into(),
        html: "<p>Hej Amina</p><p>Velkommen til Nordbyposten.</p>".into(),
    }
}

#[tokio::test]
async fn without_smtp_emails_become_eml_files() {
    let test_db = TestDb::new(app::db::Backend::Sqlite).await;
    let db = test_db.connect().await;
    let dir = test_db.data_dir.path().join("emails");
    let mailer = Mailer::files(dir.clone()).unwrap();
    db.outbox()
        .enqueue_email(&email("amina@example.org", "Velkommen, Amina"), Utc::now())
        .await
        .unwrap();

    assert_eq!(drain_outbox(&db, &mailer, &from()).await.unwrap(), 1);
    assert_eq!(
        drain_outbox(&db, &mailer, &from()).await.unwrap(),
        0,
        "sent once only"
    );

    let files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1);
    let eml = std::fs::read_to_string(&files[0]).unwrap();
    assert!(eml.contains("To: amina@example.org"), "{eml}");
    assert!(
        eml.contains("From: \"Randers Nordby\" <noreply@example.org>"),
        "{eml}"
    );
    assert!(
        eml.contains("multipart/alternative"),
        "text and HTML: {eml}"
    );
    assert_eq!(db.outbox().list_outbox(10).await.unwrap()[0].status, "sent");
}

#[tokio::test]
async fn a_bad_recipient_is_retried_and_reported_not_lost() {
    let test_db = TestDb::new(app::db::Backend::Sqlite).await;
    let db = test_db.connect().await;
    let mailer = Mailer::memory();
    db.outbox()
        .enqueue_email(&email("not an address", "Hej"), Utc::now())
        .await
        .unwrap();
    assert_eq!(drain_outbox(&db, &mailer, &from()).await.unwrap(), 1);
    let entry = db.outbox().list_outbox(10).await.unwrap().remove(0);
    assert_eq!((entry.status.as_str(), entry.attempts), ("queued", 1));
    assert!(
        entry.last_error.contains("recipient"),
        "{}",
        entry.last_error
    );
    let Mailer::Memory(sent) = &mailer else {
        unreachable!()
    };
    assert!(sent.lock().await.is_empty());
}

/// The SMTP server and its API, when the test command started one.
pub(crate) fn smtp() -> Option<(String, String)> {
    let smtp = std::env::var("TEST_SMTP_URL")
        .ok()
        .filter(|v| !v.is_empty())?;
    let api = std::env::var("TEST_MAILDEV_URL")
        .ok()
        .filter(|v| !v.is_empty())?;
    Some((smtp, api))
}

/// How many messages with `subject` the SMTP server has received for `to`.
pub(crate) async fn delivered(api: &str, subject: &str, to: &str) -> usize {
    let messages: Vec<serde_json::Value> = reqwest::get(format!("{api}/email"))
        .await
        .expect("maildev answers")
        .json()
        .await
        .expect("maildev's JSON");
    messages
        .iter()
        .filter(|m| m["subject"] == subject)
        .filter(|m| {
            m["to"]
                .as_array()
                .is_some_and(|to_list| to_list.iter().any(|t| t["address"] == to))
        })
        .count()
}

async fn an_email_survives_an_smtp_outage_and_a_restart(backend: Backend) {
    let Some((smtp_url, api)) = smtp() else {
        eprintln!("TEST_SMTP_URL is not set: the SMTP variant is not run");
        return;
    };
    let test_db = TestDb::new(backend).await;
    let to = format!("journalist-{}@example.org", uuid::Uuid::new_v4().simple());
    let to = to.as_str();
    let subject = "Invitation til Randers Nordby";
    let now = Utc::now();

    // An admin invites a journalist while the mail server is down (nothing listens on
    // port 1): the invitation stays queued.
    let db = test_db.connect().await;
    let links = app::accounts::service::Links {
        public_url: "http://127.0.0.1:3000/",
        site_name: "Randers Nordby",
    };
    app::accounts::service::invite(
        &db,
        app::i18n::Lang::Da,
        &links,
        None,
        to,
        "journalist",
        now,
    )
    .await
    .expect("the invitation is written");
    let down = Mailer::smtp("smtp://127.0.0.1:1").unwrap();
    assert_eq!(
        drain_outbox_at(&db, &down, &from(), || now).await.unwrap(),
        1
    );
    let entry = db.outbox().list_outbox(10).await.unwrap().remove(0);
    assert_eq!((entry.status.as_str(), entry.attempts), ("queued", 1));
    assert!(!entry.last_error.is_empty());

    // The portal restarts (a new pool on the same database) and the mail server is back:
    // once the retry is due, the message is delivered exactly once.
    db.close().await;
    let db = test_db.connect().await;
    let up = Mailer::smtp(&smtp_url).unwrap();
    assert_eq!(
        drain_outbox_at(&db, &up, &from(), || now + Duration::seconds(10))
            .await
            .unwrap(),
        0,
        "not due yet"
    );
    let later = now + Duration::seconds(31);
    assert_eq!(
        drain_outbox_at(&db, &up, &from(), || later).await.unwrap(),
        1
    );
    assert_eq!(
        drain_outbox_at(&db, &up, &from(), || later + Duration::hours(5))
            .await
            .unwrap(),
        0
    );
    assert_eq!(delivered(&api, subject, to).await, 1);
    let entry = db.outbox().list_outbox(10).await.unwrap().remove(0);
    assert_eq!((entry.status.as_str(), entry.attempts), ("sent", 2));
}

on_both_backends!(an_email_survives_an_smtp_outage_and_a_restart);
