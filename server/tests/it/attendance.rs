//! Attendance on both backends: changing a party's size from its link, the day-before reminders
//! (once), and the attendance form over HTTP.

use app::{
    accounts::{token::Token, Role},
    db::{Backend, Db},
    signups::{
        queries::{PartyChange, SignupMails},
        NewSignup, SignupStatus,
    },
};
use chrono::{Datelike, NaiveDate, Utc};

use crate::{
    fixtures::{account, activity, date, family},
    helpers::{TestApp, TestDb},
    on_both_backends,
};

/// A dinner on `on` for at most `capacity` persons; returns its id and that date's occurrence.
async fn future_dinner(db: &Db, capacity: i64, on: NaiveDate) -> (i64, i64) {
    let dinner = activity("Middag")
        .starts_on(on)
        .signups_required(capacity)
        .create(db)
        .await;
    (
        dinner.id,
        db.signups()
            .ensure_occurrence_row(dinner.id, on)
            .await
            .unwrap(),
    )
}

async fn a_party_changes_its_size_from_its_link(backend: Backend) {
    let test_db = TestDb::new(backend).await;
    let db = test_db.connect().await;
    let (_, occurrence) = future_dinner(&db, 4, date(2030, 5, 2)).await;
    let now = Utc::now();
    let mut tokens = Vec::new();
    for (adults, children) in [(2, 0), (1, 1), (1, 0)] {
        let token = Token::generate();
        let party = NewSignup {
            adults,
            children,
            ..family(tokens.len())
        };
        let mails = SignupMails::default();
        db.signups()
            .sign_up(occurrence, Some(4), &party, &token.hash(), &mails, now)
            .await
            .unwrap();
        tokens.push(token);
    }
    let mail = |party: &app::signups::Signup| {
        Some(app::mail::OutgoingEmail {
            to: party.email.clone(),
            subject: format!("Plads til {}", party.name),
            text: String::new(),
            html: String::new(),
            ..Default::default()
        })
    };
    let change = |n: usize, size: (i64, i64)| {
        let token = tokens[n].hash();
        let db = db.clone();
        async move {
            db.signups()
                .change_party(&token, Some(4), size, &mail, now)
                .await
                .unwrap()
        }
    };
    // Four seats, all taken: the first family cannot grow, and keeps what it has.
    assert_eq!(change(0, (3, 0)).await, PartyChange::NoRoom);
    // It shrinks to one: the waiting party of one gets the seat and an email.
    assert_eq!(
        change(0, (1, 0)).await,
        PartyChange::Changed(SignupStatus::Confirmed)
    );
    let stored = db.signups().signups_of(occurrence).await.unwrap();
    assert_eq!(
        stored
            .iter()
            .map(|s| (s.persons(), s.status))
            .collect::<Vec<_>>(),
        [
            (1, SignupStatus::Confirmed),
            (2, SignupStatus::Confirmed),
            (1, SignupStatus::Confirmed)
        ]
    );
    let outbox = db.outbox().list_outbox(5).await.unwrap();
    assert_eq!(outbox.len(), 1);
    assert_eq!(outbox[0].subject, "Plads til Familie 2");
    // A waiting party may change too; a cancelled one may not.
    let no_mail = |_: &app::signups::Signup| None;
    db.signups()
        .cancel_signup(&tokens[1].hash(), Some(4), &no_mail, now)
        .await
        .unwrap();
    assert_eq!(change(1, (1, 0)).await, PartyChange::NotFound);
}

on_both_backends!(a_party_changes_its_size_from_its_link);

async fn the_reminder_goes_out_once_the_day_before(backend: Backend) {
    let test_db = TestDb::new(backend).await;
    let db = test_db.connect().await;
    let today = date(2030, 5, 1);
    let (_, occurrence) = future_dinner(&db, 10, date(2030, 5, 2)).await;
    let now = Utc::now();
    let sign_up = |party: NewSignup| {
        let db = db.clone();
        async move {
            let token = Token::generate();
            let mails = SignupMails::default();
            db.signups()
                .sign_up(occurrence, Some(10), &party, &token.hash(), &mails, now)
                .await
                .unwrap();
            token
        }
    };
    sign_up(family(1)).await;
    sign_up(NewSignup {
        email: String::new(),
        ..family(2)
    })
    .await;
    let cancelled = sign_up(family(3)).await;
    // Waitlisted: 3 + 3 + 3 + 9 > 10.
    sign_up(NewSignup {
        adults: 9,
        ..family(4)
    })
    .await;
    let no_mail = |_: &app::signups::Signup| None;
    db.signups()
        .cancel_signup(&cancelled.hash(), Some(10), &no_mail, now)
        .await
        .unwrap();

    let send_on = |day: NaiveDate| {
        let db = db.clone();
        async move {
            let links = app::accounts::service::Links {
                public_url: "https://nordby.example/",
                site_name: "Randers Nordby",
            };
            app::signups::service::send_reminders(&db, &links, day, now)
                .await
                .unwrap()
        }
    };
    assert_eq!(
        send_on(today).await,
        1,
        "only the confirmed party with an address"
    );
    assert_eq!(send_on(today).await, 0, "once");
    // Two days before is too early.
    assert_eq!(send_on(today.pred_opt().unwrap()).await, 0);
    sign_up(family(5)).await;
    assert_eq!(
        send_on(today).await,
        1,
        "a late sign-up is reminded on the next run"
    );
    let outbox = db.outbox().list_outbox(10).await.unwrap();
    let mut reminded: Vec<&str> = outbox
        .iter()
        .filter(|e| e.subject.starts_with("Husk i morgen"))
        .map(|e| e.to_address.as_str())
        .collect();
    reminded.sort();
    assert_eq!(reminded, ["familie1@example.org", "familie5@example.org"]);
    assert!(outbox[0].subject.contains("Middag"));
}

on_both_backends!(the_reminder_goes_out_once_the_day_before);

async fn staff_record_attendance_with_the_form(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    let tomorrow = app::clock::today().succ_opt().unwrap();
    let (id, occurrence) = future_dinner(db, 40, tomorrow).await;
    let token = Token::generate();
    let mails = SignupMails::default();
    db.signups()
        .sign_up(
            occurrence,
            Some(40),
            &family(1),
            &token.hash(),
            &mails,
            Utc::now(),
        )
        .await
        .unwrap();
    let party = db.signups().signups_of(occurrence).await.unwrap()[0].id;
    let path = format!("/personale/aktiviteter/{id}/{tomorrow}/fremmoede");
    let anonymous = app.visitor().get(&path).await;
    assert_eq!(anonymous.status, 303);

    let staff = account(Role::Staff).create(db).await;
    let staff = app.logged_in_as(&staff).await;
    let form = staff.get(&path).await;
    assert_eq!(form.status, 200);
    let tick = party.to_string();
    assert!(
        form.body
            .contains(&format!(r#"name="came" value="{tick}""#))
            && form.body.contains("Familie 1"),
        "{}",
        form.body
    );

    let wrong = [
        ("held", "ja"),
        ("came", &tick),
        ("walkin_adults", "tre"),
        ("volunteers", "2"),
    ];
    let refused = staff.post_form(&path, &wrong).await;
    assert_eq!(refused.status, 422);
    assert!(
        refused.body.contains("Skriv et tal fra 0 til 1000.")
            && refused.body.contains(r#"value="tre""#)
    );
    let stored = db.attendance().attendance_of(occurrence).await.unwrap();
    assert!(stored.is_none(), "nothing saved from a refused form");

    let right = [
        ("held", "ja"),
        ("came", &tick),
        ("walkin_adults", "3"),
        ("walkin_children", "1"),
        ("volunteers", "2"),
    ];
    let saved = staff.post_form(&path, &right).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let list = staff.get(saved.location.as_deref().unwrap()).await.body;
    // Three from the family, four without a sign-up.
    assert!(
        list.contains("Fremmødet er gemt.") && list.contains("7 deltagere og 2 frivillige."),
        "{list}"
    );
    assert_eq!(
        db.signups().signups_of(occurrence).await.unwrap()[0].attended,
        Some(true)
    );
    let print = staff
        .get(&format!("/personale/aktiviteter/{id}/{tomorrow}/udskriv"))
        .await;
    assert!(print.body.contains("Familie 1") && print.body.contains("Ingen nødder"));
    let year = staff
        .get(&format!("/personale/tal?aar={}", tomorrow.year()))
        .await;
    assert!(year.body.contains("Middag"));
}

on_both_backends!(staff_record_attendance_with_the_form);
