//! Sign-ups on both backends: capacity is never exceeded under concurrent requests (also from
//! two app instances on one PostgreSQL), and cancelling promotes the earliest waiting party
//! that fits, with its email queued in the same transaction. Flooding is held back by the
//! per-address limits, the largest party and the robots' field, and staff remove a party in
//! one step; a begun or cancelled date keeps its list, and personal details go by the date an
//! occurrence really took place. A corpus of XSS payloads in a sign-up's name and note and in a
//! search stays inert wherever it is shown.

use app::{
    accounts::{token::Token, Role},
    db::{Backend, Db},
    mail::OutgoingEmail,
    signups::{queries::SignupMails, NewSignup, Signup, SignupStatus},
};
use chrono::Utc;

use crate::{
    articles::active_content,
    fixtures::{account, activity, date},
    helpers::{assert_link_closed, postgres_admin_url, Answer, TestApp, TestDb, Visitor},
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
        lang: app::i18n::Lang::DA,
        name: name.into(),
        adults,
        children,
        email: format!("{}@example.org", name.to_lowercase()),
        phone: String::new(),
        note: String::new(),
        via_newsletter: String::new(),
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
            ..Default::default()
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

    let form = [("navn", ""), ("voksne", "0"), ("contact", "amina@")];
    let answer = resident.post_form(&path, &form).await;
    assert_eq!(answer.status, 422);
    assert!(
        answer.body.contains("Skriv dit navn.")
            && answer.body.contains("Skriv en gyldig e-mailadresse")
    );
    assert!(answer.body.contains(r#"value="amina@""#));

    let form = [
        ("navn", "Amina"),
        ("voksne", "2"),
        ("boern", "3"),
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
    // A link that names no sign-up: its page, its server function and both of its forms
    // answer alike (one loader, `signups::service::linked`).
    assert_eq!(resident.get("/tilmelding/ukendt").await.status, 404);
    let api = resident
        .post_form("/api/tilmelding", &[("token", "ukendt")])
        .await;
    assert_eq!((api.status, api.body.as_str()), (200, "\"NotFound\""));
    let cancel = resident.post_form("/tilmelding/ukendt/afmeld", &[]).await;
    assert_eq!(cancel.status, 404);
    let change = resident
        .post_form(
            "/tilmelding/ukendt/aendr",
            &[("voksne", "1"), ("boern", "0")],
        )
        .await;
    assert_eq!(change.status, 404);
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

/// The private link's token in the address the sign-up form redirects to.
fn token_of(location: &str) -> String {
    location
        .trim_start_matches("/tilmelding/")
        .split('?')
        .next()
        .unwrap()
        .to_owned()
}

/// A communal dinner a week from today with `capacity` seats, open for sign-up; returns the
/// activity and the date's page.
async fn dinner_next_week(db: &Db, name: &str, capacity: i64) -> (app::calendar::Activity, String) {
    let next_week = app::clock::today() + chrono::Duration::days(7);
    let dinner = activity(name)
        .starts_on(next_week)
        .signups_required(capacity)
        .create(db)
        .await;
    let path = format!("/aktiviteter/{}/{next_week}", dinner.slug);
    (dinner, path)
}

/// A script posts 100 sign-ups from one address (after ten broken forms, which count for
/// nothing): the date's limit lets a handful through, each refusal is the form again with what
/// was typed and a Danish message, no email goes out for a refused one, and a resident on
/// another address still signs up.
async fn a_hundred_signups_from_one_address_get_only_the_limit_through(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    let (dinner, path) = dinner_next_week(db, "Fællesspisning", 1000).await;
    let script = app.visitor_from("127.0.0.2".parse().unwrap());

    for n in 0..10 {
        let broken = [("navn", ""), ("voksne", "1"), ("contact", "x")];
        let answer = script.post_form(&path, &broken).await;
        assert_eq!(answer.status, 422, "broken form {n}");
    }
    let mut through = 0;
    for n in 0..100 {
        let name = format!("Bot {n}");
        let contact = format!("offer-{n}@example.org");
        let form = [
            ("navn", name.as_str()),
            ("voksne", "1"),
            ("contact", contact.as_str()),
            ("note", "Køb billigt"),
        ];
        let answer = script.post_form(&path, &form).await;
        match answer.status {
            303 => through += 1,
            429 => {
                if n == 99 {
                    let body = &answer.body;
                    assert!(
                        body.contains(
                            "Der er kommet mange tilmeldinger fra din internetforbindelse"
                        ),
                        "{body}"
                    );
                    assert!(body.contains(r#"value="Bot 99""#), "kept: {body}");
                    assert!(body.contains(r#"value="offer-99@example.org""#), "{body}");
                }
            }
            status => panic!("sign-up {n}: {status} {}", answer.body),
        }
    }
    let limit = server::limits::SIGNUPS_PER_DATE as usize;
    assert_eq!(through, limit, "the first {limit} get through, no more");
    let occurrence = db
        .signups()
        .ensure_occurrence_row(dinner.id, dinner.starts_on)
        .await
        .unwrap();
    assert_eq!(
        db.signups().signups_of(occurrence).await.unwrap().len(),
        limit
    );
    assert_eq!(db.outbox().list_outbox(200).await.unwrap().len(), limit);

    let neighbour = app.visitor_from("127.0.0.3".parse().unwrap());
    let family = [("navn", "Familien Jensen"), ("voksne", "2"), ("boern", "2")];
    let answer = neighbour.post_form(&path, &family).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
}

on_both_backends!(a_hundred_signups_from_one_address_get_only_the_limit_through);

/// Staff choose the largest party in the activity form (10 for a new activity), and both the
/// sign-up form and the private link's change form refuse a bigger party next to the field,
/// with what was typed kept.
async fn a_party_larger_than_the_activity_allows_is_refused(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    let staff = account(Role::Staff).create(db).await;
    let staff = app.logged_in_as(&staff).await;
    let new_form = staff.get("/personale/aktiviteter/ny").await.body;
    assert!(
        new_form.contains(r#"name="max_party" type="number" value="10""#),
        "the default: {new_form}"
    );

    let next_week = (app::clock::today() + chrono::Duration::days(7)).to_string();
    let mut form = vec![
        ("activity_name", "Julefrokost"),
        ("starts_on", next_week.as_str()),
        ("start_time", "17.30"),
        ("end_time", "21.00"),
        ("repeat", "once"),
        ("ends", "never"),
        ("signup_mode", "required"),
        ("capacity", "40"),
        ("max_party", "101"),
    ];
    let answer = staff.post_form("/personale/aktiviteter/ny", &form).await;
    assert_eq!(answer.status, 422);
    assert!(
        answer.body.contains("Skriv et helt tal fra 1 til 100."),
        "{}",
        answer.body
    );
    assert!(answer.body.contains(r#"value="101""#));
    form[8] = ("max_party", "6");
    let answer = staff.post_form("/personale/aktiviteter/ny", &form).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    let party = db
        .calendar()
        .activity_by_slug("julefrokost")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(party.max_party, 6);

    let path = format!("/aktiviteter/julefrokost/{next_week}");
    let resident = app.visitor();
    let page = resident.get(&path).await.body;
    assert!(
        page.contains("Højst 6 personer på én tilmelding."),
        "{page}"
    );
    let too_big = "Én tilmelding kan højst være for 6 personer, voksne og børn tilsammen.";
    for (adults, children) in [("10", "10"), ("4", "3"), ("7", "0"), ("1", "99999999999")] {
        let family = [
            ("navn", "Familien Ali"),
            ("voksne", adults),
            ("boern", children),
        ];
        let answer = resident.post_form(&path, &family).await;
        assert_eq!(answer.status, 422, "{adults} + {children}");
        assert!(answer.body.contains(too_big), "{}", answer.body);
        assert!(answer.body.contains(r#"value="Familien Ali""#));
        assert!(answer
            .body
            .contains(&format!(r#"name="boern" type="number" value="{children}""#)));
    }
    let occurrence = db
        .signups()
        .ensure_occurrence_row(party.id, party.starts_on)
        .await
        .unwrap();
    assert!(db
        .signups()
        .signups_of(occurrence)
        .await
        .unwrap()
        .is_empty());

    let family = [("navn", "Familien Ali"), ("voksne", "2"), ("boern", "4")];
    let answer = resident.post_form(&path, &family).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    let token = token_of(&answer.location.unwrap());
    let change = format!("/tilmelding/{token}/aendr");
    let answer = resident
        .post_form(&change, &[("voksne", "3"), ("boern", "4")])
        .await;
    assert_eq!(answer.status, 422);
    assert!(answer.body.contains(too_big), "{}", answer.body);
    assert!(answer
        .body
        .contains(r#"name="voksne" type="number" value="3""#));
    let answer = resident
        .post_form(&change, &[("voksne", "2"), ("boern", "3")])
        .await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    let stored = db.signups().signups_of(occurrence).await.unwrap();
    assert_eq!(stored[0].persons(), 5);
}

on_both_backends!(a_party_larger_than_the_activity_allows_is_refused);

/// The form has a field people never see (hidden on screen and from screen readers, out of the
/// tab order, no autofill); a robot that fills it signs nobody up and sends no email, and does
/// not use up the address's limit.
async fn a_filled_honeypot_signs_nobody_up(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    let (dinner, path) = dinner_next_week(db, "Suppeaften", 40).await;
    let resident = app.visitor();
    let page = resident.get(&path).await.body;
    let (before, after) = page
        .split_once(r#"class="honeypot">"#)
        .unwrap_or_else(|| panic!("the hidden field's wrapper: {page}"));
    let wrapper = &before[before.rfind("<div").unwrap()..];
    assert!(wrapper.contains(r#"aria-hidden="true""#), "{wrapper}");
    let field = after.split("</div>").next().unwrap();
    for wanted in [
        r#"name="hjemmeside""#,
        r#"type="text""#,
        r#"tabindex="-1""#,
        r#"autocomplete="off""#,
        "<label",
    ] {
        assert!(field.contains(wanted), "{wanted} in {field}");
    }

    for n in 0..20 {
        let form = [
            ("navn", "Amina"),
            ("voksne", "2"),
            ("contact", "victim@example.org"),
            ("hjemmeside", "https://spam.example"),
        ];
        let answer = resident.post_form(&path, &form).await;
        assert_eq!(answer.status, 422, "robot {n}");
        assert!(
            answer.body.contains("Tilmeldingen blev ikke sendt."),
            "{}",
            answer.body
        );
        assert!(answer.body.contains(r#"value="Amina""#), "kept");
        assert!(
            !answer.body.contains("spam.example"),
            "the field comes back empty"
        );
    }
    let occurrence = db
        .signups()
        .ensure_occurrence_row(dinner.id, dinner.starts_on)
        .await
        .unwrap();
    assert!(db
        .signups()
        .signups_of(occurrence)
        .await
        .unwrap()
        .is_empty());
    assert!(
        db.outbox().list_outbox(10).await.unwrap().is_empty(),
        "no email"
    );

    // A person sends the same form with the field empty, as a browser does: it goes through.
    let form = [("navn", "Amina"), ("voksne", "2"), ("hjemmeside", "")];
    let answer = resident.post_form(&path, &form).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
}

on_both_backends!(a_filled_honeypot_signs_nobody_up);

/// Staff remove a party from the date's list in one press: its seats go to the earliest
/// waiting party that fits, which is emailed (through a real SMTP server when the test command
/// started one), and the removal is in the log of staff actions.
async fn staff_remove_a_signup_and_the_waitlist_moves_up(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    let (dinner, path) = dinner_next_week(db, "Fællesspisning i Nordbyen", 4).await;
    let waiting_address = format!("venter-{}@example.org", uuid::Uuid::new_v4().simple());
    let resident = app.visitor();
    for (name, adults, contact) in [
        ("Spam Spamsen", "4", ""),
        ("Leyla", "2", waiting_address.as_str()),
    ] {
        let form = [("navn", name), ("voksne", adults), ("contact", contact)];
        let answer = resident.post_form(&path, &form).await;
        assert_eq!(answer.status, 303, "{}", answer.body);
    }
    let occurrence = db
        .signups()
        .ensure_occurrence_row(dinner.id, dinner.starts_on)
        .await
        .unwrap();
    let stored = db.signups().signups_of(occurrence).await.unwrap();
    let (spam, leyla) = (&stored[0], &stored[1]);
    assert_eq!(
        (spam.status, leyla.status),
        (SignupStatus::Confirmed, SignupStatus::Waitlisted)
    );

    let list = format!("/personale/aktiviteter/{}/{}", dinner.id, dinner.starts_on);
    let remove = format!("{list}/tilmeldinger/{}/fjern", spam.id);
    assert_eq!(
        resident.post_form(&remove, &[]).await.status,
        303,
        "to log in"
    );
    assert_eq!(
        db.signups().signups_of(occurrence).await.unwrap()[0].status,
        SignupStatus::Confirmed,
        "a resident cannot remove"
    );

    let staff_account = account(Role::Staff).create(db).await;
    let staff = app.logged_in_as(&staff_account).await;
    let page = staff.get(&list).await.body;
    assert!(page.contains(&format!(r#"action="{remove}""#)), "{page}");
    let answer = staff.post_form(&remove, &[]).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    let location = answer.location.unwrap();
    assert_eq!(location, format!("{list}?besked=tilmelding-fjernet"));
    let page = staff.get(&location).await.body;
    assert!(page.contains("Tilmeldingen er fjernet."), "{page}");

    let stored = db.signups().signups_of(occurrence).await.unwrap();
    assert_eq!(
        stored.iter().map(|s| s.status).collect::<Vec<_>>(),
        [SignupStatus::Cancelled, SignupStatus::Confirmed]
    );
    let outbox = db.outbox().list_outbox(10).await.unwrap();
    let promoted: Vec<_> = outbox
        .iter()
        .filter(|entry| entry.to_address == waiting_address)
        .map(|entry| entry.subject.as_str())
        .collect();
    assert_eq!(
        promoted,
        [
            "Der er plads til jer: Fællesspisning i Nordbyen",
            "Du er på ventelisten: Fællesspisning i Nordbyen"
        ]
    );
    let log = db.accounts().list_audit(5).await.unwrap();
    assert_eq!(
        (log[0].action.as_str(), log[0].actor.as_str()),
        ("remove_signup", staff_account.name.as_str())
    );

    // A second press (another tab) changes nothing; a sign-up of another date is not found.
    assert_eq!(staff.post_form(&remove, &[]).await.status, 303);
    assert_eq!(
        db.outbox().list_outbox(10).await.unwrap().len(),
        outbox.len()
    );
    let elsewhere = format!("{list}/tilmeldinger/{}/fjern", leyla.id + 1000);
    assert_eq!(staff.post_form(&elsewhere, &[]).await.status, 404);

    if let Some((smtp_url, api)) = crate::mail::smtp() {
        let mailer = server::mail::Mailer::smtp(&smtp_url).unwrap();
        let from = "Randers Nordby <noreply@example.org>".parse().unwrap();
        server::mail::drain_outbox(db, &mailer, &from)
            .await
            .unwrap();
        let subject = "Der er plads til jer: Fællesspisning i Nordbyen";
        assert_eq!(
            crate::mail::delivered(&api, subject, &waiting_address).await,
            1
        );
    } else {
        eprintln!("TEST_SMTP_URL is not set: the promotion email is checked in the outbox only");
    }
}

on_both_backends!(staff_remove_a_signup_and_the_waitlist_moves_up);

/// Once a date has begun, or on a cancelled date, no path changes a sign-up: not the private
/// link's cancel or change, not the staff's removal. Nobody waiting is promoted or emailed,
/// and each refusal says why on the page.
async fn a_begun_or_cancelled_date_keeps_its_list(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    let staff_account = account(Role::Staff).create(db).await;
    let staff = app.logged_in_as(&staff_account).await;
    let resident = app.visitor();
    let today = app::clock::today();
    let next_week = today + chrono::Duration::days(7);
    // Begun: today from midnight (unless this runs in the very first second of the day).
    let begun = activity("Morgenmad")
        .starts_on(today)
        .time(chrono::NaiveTime::MIN, crate::fixtures::time(23, 59))
        .signups_required(2)
        .create(db)
        .await;
    let cancelled = activity("Aftensmad")
        .starts_on(next_week)
        .signups_required(2)
        .create(db)
        .await;
    db.calendar()
        .set_exception(
            None,
            cancelled.id,
            next_week,
            &app::calendar::ExceptionKind::Cancelled,
            "Køkkenet er lukket",
            Utc::now(),
        )
        .await
        .unwrap();

    for dinner in [&begun, &cancelled] {
        let occurrence = db
            .signups()
            .ensure_occurrence_row(dinner.id, dinner.starts_on)
            .await
            .unwrap();
        // Signed up while it was open: two seats taken, one person waiting with an address.
        let seated = Token::generate();
        let mails = SignupMails::default();
        let now = Utc::now();
        let first = party("Anna", 2, 0);
        let waiting = party("Bo", 1, 0);
        let signups = db.signups();
        signups
            .sign_up(occurrence, Some(2), &first, &seated.hash(), &mails, now)
            .await
            .unwrap();
        signups
            .sign_up(
                occurrence,
                Some(2),
                &waiting,
                &Token::generate().hash(),
                &mails,
                now,
            )
            .await
            .unwrap();

        let link = format!("/tilmelding/{}", seated.as_str());
        let page = resident.get(&link).await.body;
        assert!(
            !page.contains("/afmeld") && !page.contains("/aendr"),
            "{page}"
        );
        assert_link_closed(&resident, &link).await;
        let stored = signups.signups_of(occurrence).await.unwrap();
        let list = format!("/personale/aktiviteter/{}/{}", dinner.id, dinner.starts_on);
        let page = staff.get(&list).await.body;
        assert!(!page.contains("/fjern"), "no button: {page}");
        let remove = format!("{list}/tilmeldinger/{}/fjern", stored[0].id);
        let refused = staff.post_form(&remove, &[]).await;
        assert_eq!(refused.status, 422, "{}", refused.body);
        assert!(
            refused
                .body
                .contains("Tilmeldinger kan ikke fjernes, når datoen er begyndt eller aflyst."),
            "{}",
            refused.body
        );

        let after = signups.signups_of(occurrence).await.unwrap();
        assert_eq!(
            after
                .iter()
                .map(|s| (s.status, s.persons()))
                .collect::<Vec<_>>(),
            [(SignupStatus::Confirmed, 2), (SignupStatus::Waitlisted, 1)],
            "{}",
            dinner.name
        );
    }
    assert!(
        db.outbox().list_outbox(10).await.unwrap().is_empty(),
        "nobody emailed"
    );
}

on_both_backends!(a_begun_or_cancelled_date_keeps_its_list);

/// Personal details are deleted by the date an occurrence really takes place: a date moved a
/// month later keeps its list past its scheduled date plus the retention period, and loses it
/// after its new date plus the period; a date moved earlier loses it earlier.
async fn retention_counts_from_the_date_an_occurrence_was_moved_to(backend: Backend) {
    let test_db = TestDb::new(backend).await;
    let db = test_db.connect().await;
    let later = occurrence_with_capacity(&db, 40).await; // 28 January 2027, moved to 18 March
    let dinner = db
        .calendar()
        .activity_by_slug("faellesspisning")
        .await
        .unwrap()
        .unwrap();
    let move_to = |to| app::calendar::ExceptionKind::Moved {
        to,
        start: dinner.start_time,
        end: dinner.end_time,
    };
    let calendar = db.calendar();
    calendar
        .set_exception(
            None,
            dinner.id,
            date(2027, 1, 28),
            &move_to(date(2027, 3, 18)),
            "",
            Utc::now(),
        )
        .await
        .unwrap();
    // The February date (25 February 2027) moved to 4 February.
    calendar
        .set_exception(
            None,
            dinner.id,
            date(2027, 2, 25),
            &move_to(date(2027, 2, 4)),
            "",
            Utc::now(),
        )
        .await
        .unwrap();
    let earlier = db
        .signups()
        .ensure_occurrence_row(dinner.id, date(2027, 2, 25))
        .await
        .unwrap();
    for (occurrence, name) in [(later, "Amina"), (earlier, "Bo")] {
        db.signups()
            .sign_up(
                occurrence,
                Some(40),
                &party(name, 2, 1),
                &Token::generate().hash(),
                &SignupMails::default(),
                Utc::now(),
            )
            .await
            .unwrap();
    }
    let name_of = |occurrence| {
        let db = db.clone();
        async move {
            db.signups().signups_of(occurrence).await.unwrap()[0]
                .name
                .clone()
        }
    };

    // The job clears what took place before today minus the retention period. A month after
    // the scheduled 28 January the dinner moved to 18 March has not even happened; the one
    // moved from 25 to 4 February has.
    let forget = |before| {
        let db = db.clone();
        async move { db.signups().forget_old_signups(before).await.unwrap() }
    };
    assert_eq!(forget(date(2027, 2, 28)).await, 1);
    assert_eq!(name_of(earlier).await, "");
    assert_eq!(name_of(later).await, "Amina");
    assert_eq!(forget(date(2027, 3, 18)).await, 0);
    assert_eq!(forget(date(2027, 3, 19)).await, 1);
    assert_eq!(name_of(later).await, "");
}

on_both_backends!(retention_counts_from_the_date_an_occurrence_was_moved_to);

/// A corpus of XSS payloads in a sign-up's name and note, and in a search, stays inert
/// wherever it is shown: the form again when something else is wrong, the private link's page,
/// the confirmation email's HTML, the staff's list of the date, and the search page that
/// repeats the words. (The web scanner sends all its payloads from one address, so the
/// per-address limits answer most of its sign-ups with 429; this test covers those fields.)
async fn xss_payloads_in_a_signup_and_a_search_are_inert_wherever_shown(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    let payloads: Vec<&str> = include_str!("xss_payloads.txt")
        .lines()
        .filter(|line| !line.is_empty())
        .collect();
    assert!(payloads.len() >= 50, "a corpus of at least 50 payloads");
    let (dinner, path) = dinner_next_week(db, "Fællesspisning", 1000).await;
    let staff = account(Role::Staff).create(db).await;
    let staff = app.logged_in_as(&staff).await;
    let list = format!("/personale/aktiviteter/{}/{}", dinner.id, dinner.starts_on);
    let search = |words: &str| {
        let url = reqwest::Url::parse_with_params("http://portal/soeg", [("q", words)]).unwrap();
        format!("/soeg?{}", url.query().unwrap_or_default())
    };
    let email_html = |to: String| async move {
        crate::mail::stored_bodies(db, &to)
            .await
            .unwrap_or_else(|| panic!("an email to {to}"))
            .1
    };

    // What each page holds with a plain sign-up: the site's own forms, meta tags and scripts.
    // A wrong email address brings the form back with the name and note kept.
    let plain = app.visitor_from("127.3.0.1".parse().unwrap());
    let answer = sign_up(&plain, &path, "Amina", "ikke-en-adresse", "Ingen nødder").await;
    assert_eq!(answer.status, 422, "{}", answer.body);
    let refused_baseline = active_content(&answer.body);
    let answer = sign_up(&plain, &path, "Amina", "amina@example.org", "Ingen nødder").await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    let manage_baseline = active_content(&plain.get(&answer.location.unwrap()).await.body);
    let email_baseline = active_content(&email_html("amina@example.org".into()).await);
    let list_baseline = active_content(&staff.get(&list).await.body);
    let search_baseline = active_content(&plain.get(&search("suppe")).await.body);

    for (n, payload) in payloads.iter().enumerate() {
        // A household on an address of its own, so the per-address limits stay out of the
        // way; names have at most 100 characters, so the longest payloads are cut.
        let [a, b] = u16::try_from(n + 2).unwrap().to_be_bytes();
        let resident = app.visitor_from(std::net::IpAddr::from([127, 3, a, b]));
        let name: String = payload.chars().take(100).collect();
        let answer = sign_up(&resident, &path, &name, "ikke-en-adresse", payload).await;
        assert_eq!(answer.status, 422, "{payload}: {}", answer.body);
        assert_eq!(
            active_content(&answer.body),
            refused_baseline,
            "the refused form with {payload}"
        );

        let contact = format!("xss-{n}@example.org");
        let answer = sign_up(&resident, &path, &name, &contact, payload).await;
        assert_eq!(answer.status, 303, "{payload}: {}", answer.body);
        let manage = resident.get(&answer.location.unwrap()).await;
        assert_eq!(manage.status, 200, "{payload}");
        assert_eq!(
            active_content(&manage.body),
            manage_baseline,
            "the private link's page with {payload}"
        );
        assert_eq!(
            active_content(&email_html(contact).await),
            email_baseline,
            "the confirmation email with {payload}"
        );

        let found = resident.get(&search(payload)).await;
        assert_eq!(found.status, 200, "{payload}");
        assert_eq!(
            active_content(&found.body),
            search_baseline,
            "the search for {payload}"
        );
    }

    // Staff see every party at once, each name a payload shown as the text it is.
    let page = staff.get(&list).await;
    assert_eq!(page.status, 200);
    let text: String = scraper::Html::parse_document(&page.body)
        .root_element()
        .text()
        .collect();
    assert!(text.contains(payloads[0]), "{}", page.body);
    // Each party has its own form (the button that removes it); nothing else is new.
    let (forms, rest): (Vec<String>, Vec<String>) = active_content(&page.body)
        .into_iter()
        .partition(|found| found == "<form>");
    let (baseline_forms, baseline_rest): (Vec<String>, Vec<String>) = list_baseline
        .into_iter()
        .partition(|found| found == "<form>");
    assert_eq!(rest, baseline_rest, "the staff's list");
    assert_eq!(forms.len(), baseline_forms.len() + payloads.len());
}

on_both_backends!(xss_payloads_in_a_signup_and_a_search_are_inert_wherever_shown);

/// Posts a sign-up of one adult to the date's page at `path`.
async fn sign_up(visitor: &Visitor, path: &str, name: &str, contact: &str, note: &str) -> Answer {
    let form = [
        ("navn", name),
        ("voksne", "1"),
        ("contact", contact),
        ("note", note),
    ];
    visitor.post_form(path, &form).await
}
