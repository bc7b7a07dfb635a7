//! Sending the outbox: to `.eml` files, and to a real SMTP server (maildev, started by
//! `cargo xtask test`, found through `TEST_SMTP_URL` and `TEST_MAILDEV_URL`), including an
//! outage of the mail server and a restart of the portal; a sent message keeps no text, and
//! old messages go after the retention period, recipient and all.

use app::{accounts::Role, db::Backend, db::Db, mail::OutgoingEmail};
use chrono::{Duration, Utc};
use lettre::message::Mailbox;
use server::mail::{drain_outbox, drain_outbox_at, forget_old_emails, Mailer};

use crate::{
    fixtures::{account, activity},
    helpers::{TestApp, TestDb},
    on_both_backends,
};

fn from() -> Mailbox {
    "Randers Nordby <noreply@example.org>".parse().unwrap()
}

fn email(to: &str, subject: &str) -> OutgoingEmail {
    OutgoingEmail {
        to: to.into(),
        subject: subject.into(),
        text: "Hej Amina\n\nVelkommen til Nordbyposten.".into(),
        html: "<p>Hej Amina</p><p>Velkommen til Nordbyposten.</p>".into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn without_smtp_emails_become_eml_files() {
    let test_db = TestDb::new(app::db::Backend::Sqlite).await;
    let db = test_db.connect().await;
    let dir = test_db.data_dir.path().join("emails");
    let mailer = Mailer::files(dir.clone()).unwrap();
    crate::fixtures::queue_email(
        &db,
        &email("amina@example.org", "Velkommen, Amina"),
        Utc::now(),
    )
    .await;

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
    crate::fixtures::queue_email(&db, &email("not an address", "Hej"), Utc::now()).await;
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

/// Every message the SMTP server has received.
pub(crate) async fn received(api: &str) -> Vec<serde_json::Value> {
    reqwest::get(format!("{api}/email"))
        .await
        .expect("maildev answers")
        .json()
        .await
        .expect("maildev's JSON")
}

/// Whether `message` (as maildev tells it) went to `to`.
pub(crate) fn sent_to(message: &serde_json::Value, to: &str) -> bool {
    message["to"]
        .as_array()
        .is_some_and(|to_list| to_list.iter().any(|t| t["address"] == to))
}

/// How many messages with `subject` the SMTP server has received for `to`.
pub(crate) async fn delivered(api: &str, subject: &str, to: &str) -> usize {
    received(api)
        .await
        .iter()
        .filter(|m| m["subject"] == subject && sent_to(m, to))
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
        app::i18n::Lang::DA,
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

/// The stored text and HTML of the outbox's newest message to `to`, if there is one.
pub(crate) async fn stored_bodies(db: &Db, to: &str) -> Option<(String, String)> {
    app::db_run!(db, |pool| {
        sqlx::query_as(
            "select text_body, html_body from outbox where to_address = $1 order by id desc",
        )
        .bind(to)
        .fetch_optional(pool)
        .await
    })
    .unwrap()
}

/// Every message the memory mailer was handed, as sent (headers and encoded parts).
async fn handed_over(mailer: &Mailer) -> Vec<String> {
    let Mailer::Memory(sent) = mailer else {
        unreachable!()
    };
    sent.lock()
        .await
        .iter()
        .map(|message| String::from_utf8_lossy(&message.formatted()).into_owned())
        .collect()
}

async fn a_sent_email_keeps_no_text_and_a_failing_one_keeps_it_for_its_retry(backend: Backend) {
    let test_db = TestDb::new(backend).await;
    let db = test_db.connect().await;
    let now = Utc::now();
    let links = app::accounts::service::Links {
        public_url: "http://127.0.0.1:3000/",
        site_name: "Randers Nordby",
    };
    let to = "journalist@example.org";
    app::accounts::service::invite(
        &db,
        app::i18n::Lang::DA,
        &links,
        None,
        to,
        "journalist",
        now,
    )
    .await
    .expect("the invitation is written");
    crate::fixtures::queue_email(&db, &email("not an address", "Hej"), now).await;
    let (text, _) = stored_bodies(&db, to).await.expect("queued");
    assert!(
        text.contains("/invitation/"),
        "the link waits in the outbox: {text}"
    );

    let mailer = Mailer::memory();
    assert_eq!(
        drain_outbox_at(&db, &mailer, &from(), || now)
            .await
            .unwrap(),
        2
    );
    // The invitation went out, and the stored copy has no text left.
    let sent = handed_over(&mailer).await;
    assert_eq!(sent.len(), 1);
    assert!(sent[0].contains(&format!("To: {to}")), "{}", sent[0]);
    assert_eq!(
        stored_bodies(&db, to).await,
        Some((String::new(), String::new()))
    );
    let entries = db.outbox().list_outbox(10).await.unwrap();
    let invitation = entries.iter().find(|e| e.to_address == to).unwrap();
    assert_eq!(invitation.status, "sent");
    assert_eq!(invitation.subject, "Invitation til Randers Nordby");
    assert!(invitation.sent_at.is_some());
    // The message that could not go keeps what it needs to be sent on its next try.
    let (text, html) = stored_bodies(&db, "not an address").await.unwrap();
    assert!(text.contains("Velkommen til Nordbyposten") && html.contains("<p>"));
}

on_both_backends!(a_sent_email_keeps_no_text_and_a_failing_one_keeps_it_for_its_retry);

async fn a_signup_email_is_gone_after_the_retention_period_and_admins_see_no_link(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    let next_week = app::clock::today() + Duration::days(7);
    let dinner = activity("Suppeaften")
        .starts_on(next_week)
        .signups_required(12)
        .create(db)
        .await;
    let path = format!("/aktiviteter/{}/{next_week}", dinner.slug);
    let resident = app.visitor();
    let to = "amina@example.org";
    let form = [
        ("navn", "Amina"),
        ("voksne", "2"),
        ("contact", to),
        ("note", "Ingen nødder"),
    ];
    let answer = resident.post_form(&path, &form).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    let private = answer.location.unwrap();
    let token = private
        .trim_start_matches("/tilmelding/")
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    let (text, _) = stored_bodies(db, to)
        .await
        .expect("the confirmation is queued");
    assert!(text.contains(&token), "{text}");

    let mailer = Mailer::memory();
    let sent_at = Utc::now();
    assert_eq!(
        drain_outbox_at(db, &mailer, &from(), || sent_at)
            .await
            .unwrap(),
        1
    );
    assert!(handed_over(&mailer).await[0].contains(&format!("To: {to}")));
    assert_eq!(
        stored_bodies(db, to).await,
        Some((String::new(), String::new())),
        "nothing of the message but its envelope is kept"
    );

    // The admins' outbox shows the delivery, never the link.
    let admin = account(Role::Admin).create(db).await;
    let admin = app.logged_in_as(&admin).await;
    let page = admin.get("/personale/udbakke").await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains(to) && page.body.contains("Du er tilmeldt: Suppeaften"),
        "{}",
        page.body
    );
    assert!(
        !page.body.contains(&token) && !page.body.contains("/tilmelding/"),
        "{}",
        page.body
    );

    // A message still waiting to go is kept whatever its age.
    crate::fixtures::queue_email(db, &email("venter@example.org", "Hej"), sent_at).await;
    // Within the retention period (30 days) the recipient stays; after it, the message goes.
    let days = 30;
    let kept = forget_old_emails(db, days, sent_at + Duration::days(29))
        .await
        .unwrap();
    assert_eq!(kept, 0);
    assert!(stored_bodies(db, to).await.is_some());
    let forgotten = forget_old_emails(db, days, sent_at + Duration::days(31))
        .await
        .unwrap();
    assert_eq!(forgotten, 1);
    let left = db.outbox().list_outbox(10).await.unwrap();
    assert_eq!(left.len(), 1, "only the waiting message is left");
    assert_eq!(left[0].to_address, "venter@example.org");
    let page = admin.get("/personale/udbakke").await;
    assert!(!page.body.contains(to), "{}", page.body);
}

on_both_backends!(a_signup_email_is_gone_after_the_retention_period_and_admins_see_no_link);
