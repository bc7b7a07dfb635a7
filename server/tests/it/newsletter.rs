//! The newsletter on both backends: a resident subscribes without an account, confirms by the
//! emailed link, chooses activities and gets the week's newsletter with only those (with
//! maildev when the test command started it), changes the choice and leaves by the RFC 8058
//! one-click post and by the visible link; an unconfirmed address gets nothing, and a repeated
//! or a robot's subscription is answered exactly like a new one. The newsletter goes once per
//! subscriber however often the weekly run runs, its web page shows the whole week, XSS payloads
//! in the staff's note and in activities' names stay inert, and the sign-up emails carry the
//! date as a calendar file that Python's `icalendar` reads.

use app::{
    accounts::Role,
    db::{Backend, Db},
    newsletter::Week,
};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use lettre::message::Mailbox;
use server::mail::{drain_outbox_at, Mailer};

use crate::{
    articles::active_content,
    fixtures::{account, activity, time},
    helpers::{python_reads, TestApp, Visitor},
    on_both_backends,
};

fn from() -> Mailbox {
    "Randers Nordby <noreply@example.org>".parse().unwrap()
}

/// The text of the newest email queued for `to`.
async fn latest_text(db: &Db, to: &str) -> String {
    let text: Option<String> = app::db_run!(db, |pool| {
        sqlx::query_scalar(
            "select text_body from outbox where to_address = $1 and status = 'queued' \
             order by id desc limit 1",
        )
        .bind(to)
        .fetch_optional(pool)
        .await
    })
    .unwrap();
    text.unwrap_or_else(|| panic!("an email queued for {to}"))
}

/// How many emails are in the outbox for `to`, whatever their state.
async fn emails_to(db: &Db, to: &str) -> i64 {
    app::db_run!(db, |pool| {
        sqlx::query_scalar("select count(*) from outbox where to_address = $1")
            .bind(to)
            .fetch_one(pool)
            .await
    })
    .unwrap()
}

/// The path of the first private link (`/abonnement/…`) in `text`.
fn private_link(text: &str) -> String {
    let start = text.find("/abonnement/").expect("a private link");
    text[start..].split_whitespace().next().unwrap().to_owned()
}

/// Sends everything queued through `mailer`, also what the tests queued for the weeks ahead
/// (the outbox's clock is set past them).
async fn drain(db: &Db, mailer: &Mailer) {
    let later = Utc::now() + chrono::Duration::days(60);
    drain_outbox_at(db, mailer, &from(), || later)
        .await
        .unwrap();
}

/// Sends everything queued into memory and returns the messages as sent (raw bytes).
async fn send_all(db: &Db) -> Vec<Vec<u8>> {
    let mailer = Mailer::memory();
    drain(db, &mailer).await;
    let Mailer::Memory(sent) = &mailer else {
        unreachable!()
    };
    let sent = sent.lock().await;
    sent.iter().map(|message| message.formatted()).collect()
}

/// Sends what is queued to maildev, and returns the newest message `to` received there, as
/// the mail server got it.
async fn received_by_maildev(db: &Db, smtp_url: &str, api: &str, to: &str) -> Vec<u8> {
    drain(db, &Mailer::smtp(smtp_url).unwrap()).await;
    let received = crate::mail::received(api).await;
    let newest = received
        .iter()
        .rev()
        .find(|message| crate::mail::sent_to(message, to))
        .expect("maildev received it");
    let id = newest["id"].as_str().unwrap();
    reqwest::get(format!("{api}/email/{id}/source"))
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap()
        .to_vec()
}

/// An email as a mail app reads it (`tests/python/read_email.py`).
#[derive(serde::Deserialize, Debug)]
struct ReadEmail {
    subject: String,
    list_unsubscribe: String,
    list_unsubscribe_post: String,
    text: String,
    html: String,
    calendar_type: String,
    calendar_filename: String,
    events: Vec<ReadEvent>,
}

#[derive(serde::Deserialize, Debug)]
struct ReadEvent {
    uid: String,
    summary: String,
    start_local: String,
    tzid: String,
}

/// The Monday of the week after `today`.
fn next_monday(today: NaiveDate) -> NaiveDate {
    today + chrono::Duration::days(7 - i64::from(today.weekday().num_days_from_monday()))
}

/// The UTC moment of `date` at `hour`:30 Danish time.
fn danish(date: NaiveDate, hour: u32) -> DateTime<Utc> {
    app::clock::utc_of_local(date.and_time(time(hour, 30)))
}

async fn subscribe(resident: &Visitor, email: &str) -> crate::helpers::Answer {
    resident
        .post_form(
            "/nyhedsbrev/tilmeld",
            &[("email", email), ("hjemmeside", "")],
        )
        .await
}

async fn a_resident_subscribes_chooses_gets_the_week_and_leaves(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    let resident = app.visitor();
    // An address of this run's own: maildev is shared by every test and both backends.
    let amina = format!("amina-{}@example.org", uuid::Uuid::new_v4().simple());
    let amina = amina.as_str();

    // Next week: a dinner, a baby café and football; the resident will choose the first two.
    let monday = next_monday(app::clock::today());
    let dinner = activity("Fællesspisning")
        .starts_on(monday + chrono::Duration::days(1))
        .signups_required(40)
        .create(db)
        .await;
    let cafe = activity("Babycafé")
        .starts_on(monday + chrono::Duration::days(2))
        .create(db)
        .await;
    activity("Fodbold")
        .starts_on(monday + chrono::Duration::days(3))
        .create(db)
        .await;

    // The front page and the calendar offer the form.
    for page in ["/", "/kalender", "/nyhedsbrev"] {
        let body = resident.get(page).await.body;
        assert!(body.contains(r#"action="/nyhedsbrev/tilmeld""#), "{page}");
    }

    // A mistyped address comes back with a message next to the field, and counts nothing.
    let wrong = subscribe(&resident, "amina@").await;
    assert_eq!(wrong.status, 422);
    assert!(
        wrong.body.contains("Skriv en gyldig e-mailadresse"),
        "{}",
        wrong.body
    );
    assert!(wrong.body.contains(r#"value="amina@""#));

    // Spelt with capitals and spaces, it is the same address.
    let first = subscribe(&resident, &format!(" {} ", amina.to_uppercase())).await;
    assert_eq!(first.status, 303);
    assert_eq!(
        first.location.as_deref(),
        Some("/nyhedsbrev?besked=tjek-mail")
    );
    let notice = resident.get("/nyhedsbrev?besked=tjek-mail").await.body;
    assert!(notice.contains("Tjek din e-mail nu"), "{notice}");
    let confirm = latest_text(db, amina).await;
    assert!(confirm.contains("Klik på linket"), "{confirm}");
    let link = private_link(&confirm);

    // Unconfirmed, it gets no newsletter: the week's run passes it by.
    let week_run = danish(monday, 7);
    let links = app::accounts::service::Links {
        public_url: &app.origin,
        site_name: "Randers Nordby",
    };
    // The run is not due before Monday 7:00.
    let early = danish(monday, 6);
    assert_eq!(
        app::newsletter::service::send_weekly(db, &links, early)
            .await
            .unwrap(),
        0
    );
    assert!(db
        .newsletter()
        .newsletter(Week::of(monday))
        .await
        .unwrap()
        .is_none());
    assert_eq!(emails_to(db, amina).await, 1, "only the confirmation");

    // Following the link, the resident confirms with two activities chosen.
    let page = resident.get(&link).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("Bekræft dit nyhedsbrev"),
        "{}",
        page.body
    );
    assert!(page.body.contains(amina));
    let (dinner_id, cafe_id) = (dinner.id.to_string(), cafe.id.to_string());
    let saved = resident
        .post_form(
            &link,
            &[
                ("hvad", "valgte"),
                ("aktivitet", &dinner_id),
                ("aktivitet", &cafe_id),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(saved.location.unwrap(), format!("{link}?besked=gemt"));
    let page = resident.get(&format!("{link}?besked=gemt")).await.body;
    assert!(page.contains("Dit nyhedsbrev"), "{page}");
    assert!(page.contains("Dine valg er gemt."));

    // Nothing chosen under "only some" is refused next to the choice, and the choice stays.
    let empty = resident.post_form(&link, &[("hvad", "valgte")]).await;
    assert_eq!(empty.status, 422);
    assert!(
        empty.body.contains("Vælg mindst én aktivitet"),
        "{}",
        empty.body
    );
    let subscriber = db
        .newsletter()
        .subscriber_by_link(
            &app::accounts::token::Token::from_link(link.trim_start_matches("/abonnement/")).hash(),
            Utc::now(),
        )
        .await
        .unwrap()
        .unwrap();
    assert!(!subscriber.everything);
    assert_eq!(subscriber.activities.len(), 2);

    // The week's newsletter: the two chosen activities, not the third; once however often the
    // run runs.
    let mut queued = 0;
    for _ in 0..3 {
        queued += app::newsletter::service::send_weekly(db, &links, week_run)
            .await
            .unwrap();
    }
    assert_eq!(queued, 1, "one newsletter for the one confirmed subscriber");
    let newsletter = latest_text(db, amina).await;
    assert!(newsletter.contains("Fællesspisning"), "{newsletter}");
    assert!(newsletter.contains("Babycafé"), "{newsletter}");
    assert!(!newsletter.contains("Fodbold"), "{newsletter}");
    assert!(newsletter.contains("40 ledige pladser"), "{newsletter}");
    assert!(newsletter.contains("Bare mød op"), "{newsletter}");
    let week = Week::of(monday);
    let sign_up = format!("{}?nyhedsbrev={}", dinner_path(&dinner, monday), week.key());
    assert!(
        newsletter.contains(&sign_up),
        "the link carries the week: {newsletter}"
    );
    let newsletter_link = private_link(&newsletter);

    // The date's link carries the week, and the form passes it on: the sign-up is counted as
    // the newsletter's, in the figures and the report, without saying whose it is.
    let date_page = resident.get(&sign_up).await.body;
    let carried = format!(r#"name="nyhedsbrev" value="{}""#, week.key());
    assert!(date_page.contains(&carried), "{date_page}");
    let forged = resident
        .get(&format!(
            "{}?nyhedsbrev=<script>",
            dinner_path(&dinner, monday)
        ))
        .await
        .body;
    assert!(
        !forged.contains(r#"name="nyhedsbrev""#),
        "only a week is passed on"
    );
    let form = [
        ("navn", "Amina"),
        ("voksne", "2"),
        ("boern", "1"),
        ("contact", ""),
        ("hjemmeside", ""),
        ("nyhedsbrev", &week.key()),
    ];
    let signed_up = resident
        .post_form(&dinner_path(&dinner, monday), &form)
        .await;
    assert_eq!(signed_up.status, 303, "{}", signed_up.body);
    let staff = account(Role::Staff).create(db).await;
    let staff = app.logged_in_as(&staff).await;
    let period = format!(
        "/personale/tal?fra={}&til={}",
        app::clock::today(),
        monday + chrono::Duration::days(6)
    );
    let figures = staff.get(&period).await.body;
    assert!(
        figures.contains("sendte vi ét nyhedsbrev til i alt én modtager"),
        "{figures}"
    );
    assert!(
        figures.contains("1 af 1 tilmelding (100 %) kom fra et link i nyhedsbrevet"),
        "{figures}"
    );
    let year = app::clock::today().format("%Y").to_string();
    let report = staff.get(&format!("/personale/rapport?aar={year}")).await;
    assert_eq!(report.status, 200);
    assert!(
        report.body.contains("kom fra et link i nyhedsbrevet"),
        "{}",
        report.body
    );

    // As received by the mail server (maildev, when the test command started it): with
    // List-Unsubscribe and its one-click post, only the chosen dates, no tracking pixel.
    let raw = match crate::mail::smtp() {
        Some((smtp_url, api)) => received_by_maildev(db, &smtp_url, &api, amina).await,
        None => send_all(db).await.pop().unwrap(),
    };
    let read: Option<ReadEmail> = python_reads(&raw, "read_email.py");
    if let Some(read) = read {
        assert!(read.subject.contains("uge"), "{}", read.subject);
        assert!(!read.text.contains("Fodbold"), "only the chosen dates");
        let leave_url = format!(
            "<{}{}/afmeld>",
            app.origin.trim_end_matches('/'),
            newsletter_link
        );
        assert_eq!(read.list_unsubscribe, leave_url);
        assert_eq!(read.list_unsubscribe_post, "List-Unsubscribe=One-Click");
        assert!(read.text.contains("Babycafé"));
        assert!(read.html.contains("Babycafé"));
        assert!(!read.html.contains("<img"), "no tracking pixel");
        assert!(read.events.is_empty());
    }

    // Its web page shows the whole week, and the archive lists it.
    let web = resident.get(&week.path()).await;
    assert_eq!(web.status, 200);
    for name in ["Fællesspisning", "Babycafé", "Fodbold"] {
        assert!(web.body.contains(name), "{name}");
    }
    let archive = resident.get("/nyhedsbrev").await.body;
    assert!(
        archive.contains(&format!(r#"href="{}""#, week.path())),
        "{archive}"
    );
    assert_eq!(resident.get("/nyhedsbrev/2026-99").await.status, 404);

    // The newsletter's own link changes the choice to everything.
    let everything = resident
        .post_form(&newsletter_link, &[("hvad", "alt")])
        .await;
    assert_eq!(everything.status, 303);

    // A repeated subscription, and a robot's, are answered exactly as the first; the owner is
    // sent the link to the choice instead of a confirmation.
    let again = subscribe(&app.visitor(), amina).await;
    let robot = app
        .visitor()
        .post_form(
            "/nyhedsbrev/tilmeld",
            &[("email", "robot@example.org"), ("hjemmeside", "x")],
        )
        .await;
    for answer in [&again, &robot] {
        assert_eq!(
            (answer.status, &answer.location),
            (first.status, &first.location)
        );
        assert_eq!(answer.body, first.body);
    }
    assert!(latest_text(db, amina)
        .await
        .contains("Du får allerede nyhedsbrevet"));
    assert_eq!(emails_to(db, "robot@example.org").await, 0);

    // Leaving by the mail app's one-click post: no Origin, the RFC 8058 body.
    let one_click = resident
        .send(
            resident
                .request(reqwest::Method::POST, &format!("{newsletter_link}/afmeld"))
                .header("content-type", "application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click"),
        )
        .await;
    assert_eq!(one_click.status, 303, "{}", one_click.body);
    assert_eq!(
        emails_to(db, amina).await,
        0,
        "the address is gone, emails and all"
    );
    assert_eq!(resident.get(&link).await.status, 404);
    assert_eq!(resident.get(&newsletter_link).await.status, 404);

    // Leaving by the visible link: a page that asks, and one button.
    let leyla = "leyla@example.org";
    subscribe(&resident, leyla).await;
    let link = private_link(&latest_text(db, leyla).await);
    assert_eq!(
        resident.post_form(&link, &[("hvad", "alt")]).await.status,
        303
    );
    let ask = resident.get(&format!("{link}/afmeld")).await;
    assert_eq!(ask.status, 200);
    assert!(ask.body.contains("Afmeld nyhedsbrevet"), "{}", ask.body);
    let left = resident.post_form(&format!("{link}/afmeld"), &[]).await;
    assert_eq!(left.location.as_deref(), Some("/nyhedsbrev?besked=afmeldt"));
    assert_eq!(emails_to(db, leyla).await, 0);
    let (subscribers, _) = db.newsletter().subscriber_counts().await.unwrap();
    assert_eq!(subscribers, 0);
}

on_both_backends!(a_resident_subscribes_chooses_gets_the_week_and_leaves);

/// A date's page, where the newsletter's link goes.
fn dinner_path(dinner: &app::calendar::Activity, monday: NaiveDate) -> String {
    format!(
        "/aktiviteter/{}/{}",
        dinner.slug,
        monday + chrono::Duration::days(1)
    )
}

/// With maildev (started by `cargo xtask test`): the week's newsletter arrives once per
/// subscriber, also when two instances run the weekly job at the same moment.
async fn two_instances_send_the_week_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    let other = app.another_instance().await;
    let monday = next_monday(app::clock::today());
    activity("Fællesspisning")
        .starts_on(monday + chrono::Duration::days(1))
        .create(db)
        .await;
    let tag = uuid::Uuid::new_v4().simple().to_string();
    let addresses: Vec<String> = (0..30)
        .map(|n| format!("nabo{n}-{tag}@example.org"))
        .collect();
    for address in &addresses {
        confirmed_subscriber(db, address).await;
    }
    let links = app::accounts::service::Links {
        public_url: &app.origin,
        site_name: "Randers Nordby",
    };
    let at = danish(monday, 8);
    let (one, two) = tokio::join!(
        app::newsletter::service::send_weekly(db, &links, at),
        app::newsletter::service::send_weekly(other.db(), &links, at),
    );
    assert_eq!(one.unwrap() + two.unwrap(), addresses.len(), "each once");
    for address in &addresses {
        assert_eq!(emails_to(db, address).await, 1, "{address}");
    }
    let sent = db
        .newsletter()
        .newsletter(Week::of(monday))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(sent.recipients, 30);

    if let Some((smtp_url, api)) = crate::mail::smtp() {
        let mailer = Mailer::smtp(&smtp_url).unwrap();
        drain(db, &mailer).await;
        let received = crate::mail::received(&api).await;
        for address in &addresses {
            let count = received
                .iter()
                .filter(|message| crate::mail::sent_to(message, address))
                .count();
            assert_eq!(count, 1, "{address} got the newsletter once");
        }
    } else {
        eprintln!("TEST_SMTP_URL is not set: the newsletter is checked in the outbox only");
    }
}

on_both_backends!(two_instances_send_the_week_once);

/// Subscribes and confirms `email` directly, as the form and the link would.
async fn confirmed_subscriber(db: &Db, email: &str) -> i64 {
    let link = app::accounts::token::Token::generate();
    db.newsletter()
        .subscribe(
            email,
            app::i18n::Lang::DA,
            &link.hash(),
            |_, _| app::mail::OutgoingEmail::default(),
            Utc::now(),
        )
        .await
        .unwrap();
    let subscriber = db
        .newsletter()
        .subscriber_by_link(&link.hash(), Utc::now())
        .await
        .unwrap()
        .unwrap();
    db.newsletter()
        .save_choice(subscriber.id, true, (&[], &[]), Utc::now())
        .await
        .unwrap();
    // The confirmation email of this shortcut is not part of the story.
    app::db_run!(db, |pool| {
        sqlx::query("delete from outbox where to_address = ''")
            .execute(pool)
            .await
            .map(drop)
    })
    .unwrap();
    subscriber.id
}

/// The XSS corpus in the staff's note and in activities' names stays inert in the newsletter's
/// HTML and in its web page: they hold no more active content than a plain week's.
async fn payloads_stay_inert_in_the_newsletter(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    let payloads: Vec<&str> = include_str!("xss_payloads.txt")
        .lines()
        .filter(|line| !line.is_empty())
        .collect();
    assert!(payloads.len() >= 66, "the corpus");
    let address = "amina@example.org";
    confirmed_subscriber(db, address).await;
    let links = app::accounts::service::Links {
        public_url: &app.origin,
        site_name: "Randers Nordby",
    };
    let plain_week = next_monday(app::clock::today());
    let payload_week = plain_week + chrono::Duration::days(7);
    activity("Fællesspisning")
        .starts_on(plain_week + chrono::Duration::days(2))
        .create(db)
        .await;
    for (n, payload) in payloads.iter().enumerate() {
        activity(payload)
            .slug(&format!("aktivitet-{n}"))
            .starts_on(payload_week + chrono::Duration::days(2))
            .signups_required(10)
            .create(db)
            .await;
    }
    // The week of plain names and a plain note, then the week of payloads in both.
    let mut active = Vec::new();
    for (monday, note) in [
        (plain_week, "Husk fællesspisningen.".to_owned()),
        (payload_week, payloads.join("\n\n")),
    ] {
        let mut settings = db.newsletter().settings().await.unwrap();
        settings.note = note;
        db.newsletter().save_settings(&settings).await.unwrap();
        let queued = app::newsletter::service::send_weekly(db, &links, danish(monday, 9))
            .await
            .unwrap();
        assert_eq!(queued, 1);
        let html: String = app::db_run!(db, |pool| {
            sqlx::query_scalar(
                "select html_body from outbox where to_address = $1 order by id desc limit 1",
            )
            .bind(address)
            .fetch_one(pool)
            .await
        })
        .unwrap();
        let page = app.visitor().get(&Week::of(monday).path()).await;
        assert_eq!(page.status, 200);
        active.push((active_content(&html), active_content(&page.body)));
        // The note went with this newsletter and is cleared for the next.
        assert_eq!(db.newsletter().settings().await.unwrap().note, "");
    }
    assert!(active[1].0.len() < 20 && !active[1].1.is_empty());
    assert_eq!(active[1].0, active[0].0, "the email");
    assert_eq!(active[1].1, active[0].1, "the web page");
}

on_both_backends!(payloads_stay_inert_in_the_newsletter);

/// The sign-up confirmation, the waitlist promotion and the reminder carry the date as a
/// `text/calendar` file: the same event, with the same UID, as the calendar's feed.
async fn a_signups_emails_carry_the_date_for_the_phones_calendar(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    let resident = app.visitor();
    let tomorrow = app::clock::today() + chrono::Duration::days(1);
    let dinner = activity("Fællesspisning")
        .starts_on(tomorrow)
        .time(time(17, 30), time(19, 30))
        .signups_required(2)
        .create(db)
        .await;
    let page = format!("/aktiviteter/{}/{tomorrow}", dinner.slug);
    let sign_up = |name: &'static str, adults: &'static str| {
        let email = format!("{}@example.org", name.to_lowercase());
        let page = page.clone();
        let resident = &resident;
        async move {
            let form = [
                ("navn", name),
                ("voksne", adults),
                ("boern", "0"),
                ("contact", email.as_str()),
                ("hjemmeside", ""),
            ];
            let answer = resident.post_form(&page, &form).await;
            assert_eq!(answer.status, 303, "{}", answer.body);
            answer.location.unwrap()
        }
    };

    // Amina takes both seats: her confirmation carries the date, and her private page offers
    // the same file.
    let amina = sign_up("Amina", "2").await;
    let private = resident.get(&amina).await.body;
    let href = format!("/aktiviteter/{}.ics?dato={tomorrow}", dinner.slug);
    assert!(private.contains(&href), "{private}");
    let sent = send_all(db).await;
    assert_eq!(sent.len(), 1);
    check_calendar_file(&sent[0], &dinner.slug, tomorrow, "Du er tilmeldt");

    // Bo waits (no date yet), and is promoted when Amina cancels: that email carries it.
    sign_up("Bo", "1").await;
    let waitlisted = send_all(db).await;
    assert_eq!(waitlisted.len(), 1);
    if let Some(read) = python_reads::<ReadEmail>(&waitlisted[0], "read_email.py") {
        assert!(read.subject.contains("venteliste"), "{}", read.subject);
        assert!(read.events.is_empty(), "a waiting party gets no date yet");
    }
    let cancel = amina.replace("?besked=tilmeldt", "/afmeld");
    assert_eq!(resident.post_form(&cancel, &[]).await.status, 303);
    let promoted = send_all(db).await;
    assert_eq!(promoted.len(), 1);
    check_calendar_file(&promoted[0], &dinner.slug, tomorrow, "Der er plads til jer");

    // The reminder the day before.
    let links = app::accounts::service::Links {
        public_url: &app.origin,
        site_name: "Randers Nordby",
    };
    let today = app::clock::today();
    let queued = app::signups::service::send_reminders(db, &links, today, Utc::now())
        .await
        .unwrap();
    assert_eq!(queued, 1, "Bo is reminded");
    let reminder = send_all(db).await;
    check_calendar_file(&reminder[0], &dinner.slug, tomorrow, "");
}

on_both_backends!(a_signups_emails_carry_the_date_for_the_phones_calendar);

/// Reads a sent message with Python and checks its calendar attachment: one event, the feed's
/// UID, 17.30 Danish time, `text/calendar`.
fn check_calendar_file(raw: &[u8], slug: &str, date: NaiveDate, subject: &str) {
    let Some(read) = python_reads::<ReadEmail>(raw, "read_email.py") else {
        let text = String::from_utf8_lossy(raw);
        assert!(text.contains("text/calendar"), "{text}");
        return;
    };
    assert!(read.subject.contains(subject), "{}", read.subject);
    assert!(
        read.calendar_type.starts_with("text/calendar"),
        "{}",
        read.calendar_type
    );
    assert!(read.calendar_filename.ends_with(".ics"));
    assert_eq!(read.events.len(), 1, "{read:?}");
    let event = &read.events[0];
    let host = "127.0.0.1";
    assert_eq!(event.uid, format!("{slug}-{date}@{host}"));
    assert_eq!(event.summary, "Fællesspisning");
    assert_eq!(event.start_local, format!("{date} 17:30"));
    assert_eq!(event.tzid, "Europe/Copenhagen");
}

/// A mail server that refuses every recipient for good (`550`), as a real one does for an
/// address that no longer exists. maildev accepts everything, so this one is written for the
/// test: it speaks just enough SMTP for lettre. Returns its `smtp://` URL.
async fn refusing_mail_server() -> String {
    use tokio::{
        io::{AsyncBufReadExt, AsyncWriteExt, BufReader},
        net::TcpListener,
    };
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            tokio::spawn(async move {
                let (read, mut write) = stream.into_split();
                let mut lines = BufReader::new(read).lines();
                write.write_all(b"220 refusing ESMTP\r\n").await.ok();
                while let Ok(Some(line)) = lines.next_line().await {
                    let verb = line.get(..4).unwrap_or_default().to_ascii_uppercase();
                    let answer: &[u8] = match verb.as_str() {
                        "EHLO" | "HELO" => b"250-refusing\r\n250 8BITMIME\r\n",
                        "RCPT" => b"550 5.1.1 No such user here\r\n",
                        "QUIT" => b"221 bye\r\n",
                        _ => b"250 OK\r\n",
                    };
                    if write.write_all(answer).await.is_err() || verb == "QUIT" {
                        break;
                    }
                }
            });
        }
    });
    format!("smtp://127.0.0.1:{port}")
}

/// An address the mail server refuses for good is not retried, and after three newsletters in a
/// row it is paused: it gets nothing more, and staff see it. Saving its choice takes it up.
async fn an_address_refused_three_times_in_a_row_is_paused(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    let address = "flyttet@example.org";
    confirmed_subscriber(db, address).await;
    let mailer = Mailer::smtp(&refusing_mail_server().await).unwrap();
    let links = app::accounts::service::Links {
        public_url: &app.origin,
        site_name: "Randers Nordby",
    };
    let first = next_monday(app::clock::today());
    for (n, weeks) in [0_i64, 1, 2, 3].into_iter().enumerate() {
        let monday = first + chrono::Duration::weeks(weeks);
        let queued = app::newsletter::service::send_weekly(db, &links, danish(monday, 8))
            .await
            .unwrap();
        // Three newsletters go (and are refused); the fourth week finds it paused.
        assert_eq!(queued, usize::from(n < 3), "week {n}");
        drain(db, &mailer).await;
    }
    let outbox = db.outbox().list_outbox(10).await.unwrap();
    assert_eq!(outbox.len(), 3);
    for entry in &outbox {
        assert_eq!(
            (entry.status.as_str(), entry.attempts),
            ("failed", 1),
            "not retried"
        );
        assert!(
            entry.last_error.contains("550") || entry.last_error.contains("No such user"),
            "{}",
            entry.last_error
        );
    }
    let paused = db.newsletter().paused().await.unwrap();
    assert_eq!(paused.len(), 1);
    assert_eq!(paused[0].email, address);

    let staff = account(Role::Staff).create(db).await;
    let staff = app.logged_in_as(&staff).await;
    let page = staff.get("/personale/nyhedsbrev").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Sat på pause"), "{}", page.body);
    assert!(page.body.contains(address));
}

on_both_backends!(an_address_refused_three_times_in_a_row_is_paused);

/// An address never confirmed is forgotten after 7 days, with its email; a confirmed one stays,
/// and the month's count of subscribers is written.
async fn an_unconfirmed_address_is_forgotten_after_seven_days(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    subscribe(&app.visitor(), "glemt@example.org").await;
    confirmed_subscriber(db, "bliver@example.org").await;
    let now = Utc::now();
    assert_eq!(
        app::newsletter::service::housekeeping(db, now)
            .await
            .unwrap(),
        0
    );
    let later = now + chrono::Duration::days(8);
    assert_eq!(
        app::newsletter::service::housekeeping(db, later)
            .await
            .unwrap(),
        1
    );
    assert_eq!(emails_to(db, "glemt@example.org").await, 0);
    let month = app::clock::local_date(later).format("%Y-%m").to_string();
    let counted = db.newsletter().months(&month, &month).await.unwrap();
    assert_eq!(counted, [(month, 1)]);
}

on_both_backends!(an_unconfirmed_address_is_forgotten_after_seven_days);

/// Staff set when the newsletter goes and write its note; the page previews it, and a time that
/// does not read is refused next to its field with the note kept.
async fn staff_set_the_newsletter_and_preview_it(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    let staff = account(Role::Staff).create(db).await;
    let staff = app.logged_in_as(&staff).await;
    let note = "Husk at tage en ven med til fællesspisningen.";
    let wrong = staff
        .post_form(
            "/personale/nyhedsbrev",
            &[("ugedag", "4"), ("klokken", "25:99"), ("note", note)],
        )
        .await;
    assert_eq!(wrong.status, 422);
    assert!(
        wrong.body.contains("Skriv et klokkeslæt som 07:00."),
        "{}",
        wrong.body
    );
    assert!(wrong.body.contains(note));
    let saved = staff
        .post_form(
            "/personale/nyhedsbrev",
            &[("ugedag", "4"), ("klokken", "16:30"), ("note", note)],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let settings = db.newsletter().settings().await.unwrap();
    assert_eq!(settings.schedule.weekday, chrono::Weekday::Thu);
    assert_eq!(settings.schedule.at.format("%H:%M").to_string(), "16:30");
    let page = staff.get(saved.location.as_deref().unwrap()).await.body;
    assert!(page.contains("Sådan ser nyhedsbrevet for uge"), "{page}");
    assert!(
        page.contains(&format!("<p>{note}</p>")),
        "the preview shows the note"
    );
    // Residents cannot reach it.
    let resident = app
        .visitor()
        .post_form("/personale/nyhedsbrev", &[("ugedag", "1")])
        .await;
    assert!(
        resident
            .location
            .is_some_and(|to| to.starts_with("/log-ind")),
        "a resident is sent to log in"
    );
    assert_eq!(
        db.newsletter().settings().await.unwrap().schedule.weekday,
        chrono::Weekday::Thu
    );
}

on_both_backends!(staff_set_the_newsletter_and_preview_it);
