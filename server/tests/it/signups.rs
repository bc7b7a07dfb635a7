//! Sign-ups on both backends: capacity is never exceeded under concurrent requests (also from
//! two app instances on one PostgreSQL), and cancelling promotes the earliest waiting party
//! that fits, with its email queued in the same transaction.

use app::{
    accounts::token::Token,
    db::{Backend, Db},
    mail::OutgoingEmail,
    signups::{queries::SignupMails, NewSignup, Signup, SignupStatus},
};
use chrono::Utc;

use crate::{
    fixtures::{activity, date},
    helpers::{postgres_admin_url, TestApp, TestDb},
    on_both_backends,
};

/// A communal dinner on the last Thursday of the month from 28 January 2027, with `capacity`
/// seats; returns its first date's occurrence.
async fn occurrence_with_capacity(db: &Db, capacity: i64) -> i64 {
    let dinner = activity("Fællesspisning")
        .starts_on(date(2027, 1, 28))
        .rule("FREQ=MONTHLY;BYDAY=-1TH")
        .signups_required(capacity)
        .create(db)
        .await;
    db.signups()
        .ensure_occurrence_row(dinner.id, dinner.starts_on)
        .await
        .unwrap()
}

fn party(name: &str, adults: i64, children: i64) -> NewSignup {
    NewSignup {
        name: name.into(),
        adults,
        children,
        email: format!("{}@example.org", name.to_lowercase()),
        phone: String::new(),
        note: String::new(),
    }
}

/// Signs up `count` single persons at once on `db`, each from its own task.
async fn rush(
    db: &Db,
    occurrence: i64,
    capacity: i64,
    count: usize,
    tag: &str,
) -> Vec<SignupStatus> {
    let tasks: Vec<_> = (0..count)
        .map(|n| {
            let db = db.clone();
            let person = party(&format!("{tag}{n}"), 1, 0);
            tokio::spawn(async move {
                db.signups()
                    .sign_up(
                        occurrence,
                        Some(capacity),
                        &person,
                        &Token::generate().hash(),
                        &SignupMails::default(),
                        Utc::now(),
                    )
                    .await
                    .expect("a sign-up is written")
            })
        })
        .collect();
    let mut statuses = Vec::new();
    for task in tasks {
        statuses.push(task.await.unwrap());
    }
    statuses
}

fn count(statuses: &[SignupStatus], wanted: SignupStatus) -> usize {
    statuses.iter().filter(|status| **status == wanted).count()
}

async fn two_hundred_at_once_for_thirty_seats_gives_thirty_confirmed(backend: Backend) {
    let test_db = TestDb::new(backend).await;
    let db = test_db.connect().await;
    let occurrence = occurrence_with_capacity(&db, 30).await;
    let statuses = rush(&db, occurrence, 30, 200, "p").await;
    assert_eq!(count(&statuses, SignupStatus::Confirmed), 30);
    assert_eq!(count(&statuses, SignupStatus::Waitlisted), 170);
    let stored = db.signups().signups_of(occurrence).await.unwrap();
    let confirmed: i64 = stored
        .iter()
        .filter(|s| s.status == SignupStatus::Confirmed)
        .map(Signup::persons)
        .sum();
    assert_eq!(confirmed, 30, "the database agrees");
}

on_both_backends!(two_hundred_at_once_for_thirty_seats_gives_thirty_confirmed);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_app_instances_on_one_postgresql_never_overbook() {
    if postgres_admin_url().is_none() {
        eprintln!("TEST_POSTGRES_URL is not set: not run");
        return;
    }
    let test_db = TestDb::new(Backend::Postgres).await;
    // Two pools stand for two app instances behind a load balancer.
    let first = test_db.connect().await;
    let second = test_db.connect().await;
    let occurrence = occurrence_with_capacity(&first, 30).await;
    let (a, b) = tokio::join!(
        rush(&first, occurrence, 30, 100, "a"),
        rush(&second, occurrence, 30, 100, "b")
    );
    let all: Vec<SignupStatus> = a.into_iter().chain(b).collect();
    assert_eq!(count(&all, SignupStatus::Confirmed), 30);
    assert_eq!(count(&all, SignupStatus::Waitlisted), 170);
}

async fn cancelling_promotes_the_earliest_party_that_fits(backend: Backend) {
    let test_db = TestDb::new(backend).await;
    let db = test_db.connect().await;
    let occurrence = occurrence_with_capacity(&db, 4).await;
    let now = Utc::now();
    let mut tokens = Vec::new();
    let mut statuses = Vec::new();
    for person in [
        party("Anna", 2, 0),
        party("Bo", 1, 1),
        party("Carla", 2, 1),
        party("Dina", 1, 0),
    ] {
        let token = Token::generate();
        statuses.push(
            db.signups()
                .sign_up(
                    occurrence,
                    Some(4),
                    &person,
                    &token.hash(),
                    &SignupMails::default(),
                    now,
                )
                .await
                .unwrap(),
        );
        tokens.push(token);
    }
    use SignupStatus::*;
    assert_eq!(statuses, [Confirmed, Confirmed, Waitlisted, Waitlisted]);

    let mail = |party: &Signup| {
        Some(OutgoingEmail {
            to: party.email.clone(),
            subject: format!("Du har fået en plads, {}", party.name),
            text: "Der er blevet plads.".into(),
            html: "<p>Der er blevet plads.</p>".into(),
        })
    };
    // Anna (2) cancels: Carla's party of three does not fit in two seats, Dina's does.
    let promoted = db
        .signups()
        .cancel_signup(&tokens[0].hash(), Some(4), &mail, now)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        promoted.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
        ["Dina"]
    );
    // Bo (2) cancels: now three seats are free and Carla's party gets them.
    let promoted = db
        .signups()
        .cancel_signup(&tokens[1].hash(), Some(4), &mail, now)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        promoted.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
        ["Carla"]
    );
    // A link cancels once.
    assert!(db
        .signups()
        .cancel_signup(&tokens[1].hash(), Some(4), &mail, now)
        .await
        .unwrap()
        .is_none());

    let outbox = db.outbox().list_outbox(10).await.unwrap();
    let subjects: Vec<&str> = outbox.iter().map(|entry| entry.subject.as_str()).collect();
    assert!(
        subjects.contains(&"Du har fået en plads, Dina")
            && subjects.contains(&"Du har fået en plads, Carla")
    );
    assert_eq!(outbox.len(), 2, "one email per promotion");

    let stored = db.signups().signups_of(occurrence).await.unwrap();
    let confirmed: i64 = stored
        .iter()
        .filter(|s| s.status == Confirmed)
        .map(Signup::persons)
        .sum();
    assert_eq!(confirmed, 4);
}

on_both_backends!(cancelling_promotes_the_earliest_party_that_fits);

/// A resident signs up for a communal dinner next week, without an account, and cancels again
/// from the private link.
async fn a_resident_signs_up_gets_a_link_and_cancels(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    let next_week = app::clock::today() + chrono::Duration::days(7);
    let dinner = activity("Suppeaften")
        .starts_on(next_week)
        .signups_required(12)
        .create(db)
        .await;
    let path = format!("/aktiviteter/{}/{next_week}", dinner.slug);
    let resident = app.visitor();
    let page = resident.get(&path).await;
    assert_eq!(page.status, 200);
    let body = page.body;
    assert!(
        body.contains("Tilmeld dig") && body.contains("Der er 12 ledige pladser."),
        "{body}"
    );

    let form = [("party_name", ""), ("adults", "0"), ("contact", "amina@")];
    let answer = resident.post_form(&path, &form).await;
    assert_eq!(answer.status, 422);
    assert!(
        answer.body.contains("Skriv dit navn.")
            && answer.body.contains("Skriv en gyldig e-mailadresse")
    );
    assert!(answer.body.contains(r#"value="amina@""#));

    let form = [
        ("party_name", "Amina"),
        ("adults", "2"),
        ("children", "3"),
        ("contact", "amina@example.org"),
        ("note", "Ingen nødder"),
    ];
    let answer = resident.post_form(&path, &form).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    assert!(answer.set_cookie.is_none(), "residents get no cookie");
    assert_eq!(resident.cookie(), None);
    let manage = answer.location.unwrap();
    assert!(
        manage.starts_with("/tilmelding/") && manage.ends_with("?besked=tilmeldt"),
        "{manage}"
    );
    let page = resident.get(&manage).await;
    assert_eq!(page.status, 200);
    let body = page.body;
    assert!(
        body.contains("I er tilmeldt.") && body.contains("2 voksne og 3 børn"),
        "{body}"
    );
    let body = resident.get(&path).await.body;
    assert!(body.contains("Der er 7 ledige pladser."), "{body}");

    let outbox = db.outbox().list_outbox(5).await.unwrap();
    assert_eq!(outbox[0].to_address, "amina@example.org");
    assert!(outbox[0].subject.contains("Du er tilmeldt"));

    let token = manage
        .trim_start_matches("/tilmelding/")
        .split('?')
        .next()
        .unwrap();
    let answer = resident
        .post_form(&format!("/tilmelding/{token}/afmeld"), &[])
        .await;
    assert_eq!(answer.status, 303);
    let body = resident.get(answer.location.as_deref().unwrap()).await.body;
    assert!(
        body.contains("I er afmeldt.") && body.contains("Tilmeldingen er afmeldt."),
        "{body}"
    );
    let body = resident.get(&path).await.body;
    assert!(body.contains("Der er 12 ledige pladser."), "{body}");
    assert_eq!(resident.get("/tilmelding/ukendt").await.status, 404);
}

on_both_backends!(a_resident_signs_up_gets_a_link_and_cancels);

async fn old_signups_lose_their_personal_details_and_keep_their_counts(backend: Backend) {
    let test_db = TestDb::new(backend).await;
    let db = test_db.connect().await;
    let occurrence = occurrence_with_capacity(&db, 40).await; // 28 January 2027
    let now = Utc::now();
    let mut amina = party("Amina", 2, 3);
    amina.phone = "+45 12 34 56 78".into();
    amina.note = "Ingen nødder".into();
    db.signups()
        .sign_up(
            occurrence,
            Some(40),
            &amina,
            &Token::generate().hash(),
            &SignupMails::default(),
            now,
        )
        .await
        .unwrap();
    db.signups()
        .sign_up(
            occurrence,
            Some(40),
            &party("Bo", 1, 0),
            &Token::generate().hash(),
            &SignupMails::default(),
            now,
        )
        .await
        .unwrap();

    // Not yet: the occurrence is not before the cut-off.
    assert_eq!(
        db.signups()
            .forget_old_signups(date(2027, 1, 28))
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        db.signups()
            .forget_old_signups(date(2027, 2, 27))
            .await
            .unwrap(),
        2
    );
    assert_eq!(
        db.signups()
            .forget_old_signups(date(2027, 2, 27))
            .await
            .unwrap(),
        0,
        "once"
    );

    let stored = db.signups().signups_of(occurrence).await.unwrap();
    for signup in &stored {
        assert!(
            signup.name.is_empty()
                && signup.email.is_empty()
                && signup.phone.is_empty()
                && signup.note.is_empty(),
            "{signup:?}"
        );
    }
    let persons: i64 = stored.iter().map(Signup::persons).sum();
    assert_eq!(persons, 6, "the counts stay");
    assert!(stored
        .iter()
        .all(|signup| signup.status == SignupStatus::Confirmed));
}

on_both_backends!(old_signups_lose_their_personal_details_and_keep_their_counts);
