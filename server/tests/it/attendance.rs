//! Attendance and the figures on both backends: a seeded year's figures equal what this test
//! counts by itself from the plan it seeded, the CSV has the stated columns, the report's
//! sentences carry the right numbers, and the retention job changes no figure. Also: changing a
//! party's size, the day-before reminders (once), and the attendance form over HTTP.

use app::{
    accounts::{token::Token, Role},
    calendar::{queries::NewActivity, SignupMode},
    db::Db,
    figures::{api::build_report, Counts, Period},
    i18n::Lang,
    signups::{
        queries::{PartyChange, SignupMails},
        NewSignup, SignupStatus,
    },
};
use chrono::{Datelike, NaiveDate, NaiveTime, Utc};

use crate::{
    helpers::{TestApp, TestDb},
    on_both_backends,
};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Creates an activity; `(venue, area)` are slugs of the demo's venues and focus areas.
async fn activity(
    db: &Db,
    (slug, name): (&str, &str),
    (venue, area): (&str, &str),
    mode: SignupMode,
    capacity: Option<i64>,
    starts_on: NaiveDate,
) -> i64 {
    let venue_id = db
        .site()
        .list_venues()
        .await
        .unwrap()
        .into_iter()
        .find(|v| v.slug == venue)
        .map(|v| v.id);
    let focus_area_id = db
        .site()
        .list_focus_areas()
        .await
        .unwrap()
        .into_iter()
        .find(|a| a.slug == area)
        .map(|a| a.id);
    let new = NewActivity {
        slug: slug.into(),
        name: name.into(),
        description: String::new(),
        focus_area_id,
        venue_id,
        starts_on,
        start_time: NaiveTime::from_hms_opt(17, 30, 0).unwrap(),
        end_time: NaiveTime::from_hms_opt(19, 30, 0).unwrap(),
        rule: String::new(),
        capacity,
        signup_mode: mode,
        price_note: String::new(),
        accessibility_note: String::new(),
        contact: String::new(),
    };
    db.calendar()
        .create_activity(None, &new, Utc::now())
        .await
        .unwrap()
}

fn family(n: usize) -> NewSignup {
    NewSignup {
        name: format!("Familie {n}"),
        adults: 2,
        children: 1,
        email: format!("familie{n}@example.org"),
        phone: "+45 12 34 56 78".into(),
        note: "Ingen nødder".into(),
    }
}

fn pairs(list: &[(&str, String)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(name, value)| ((*name).to_owned(), value.clone()))
        .collect()
}

/// Seeds one communal dinner on `on` (capacity 40): fourteen families of three sign up (the
/// fourteenth waits), the first cancels (the fourteenth is promoted), and at the door every
/// family but the thirteenth is ticked off. Returns this date's expected counts.
async fn seed_dinner(db: &Db, activity_id: i64, on: NaiveDate, index: i64, held: bool) -> Counts {
    let occurrence = db
        .signups()
        .ensure_occurrence_row(activity_id, on)
        .await
        .unwrap();
    let now = Utc::now();
    let mut tokens = Vec::new();
    for n in 0..14 {
        let token = Token::generate();
        let status = db
            .signups()
            .sign_up(
                occurrence,
                Some(40),
                &family(n),
                &token.hash(),
                &SignupMails::default(),
                now,
            )
            .await
            .unwrap();
        assert_eq!(status == SignupStatus::Waitlisted, n == 13);
        tokens.push(token);
    }
    let no_mail = |_: &app::signups::Signup| None;
    let promoted = db
        .signups()
        .cancel_signup(&tokens[0].hash(), Some(40), &no_mail, now)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(promoted.len(), 1);
    let ids: Vec<i64> = db
        .signups()
        .signups_of(occurrence)
        .await
        .unwrap()
        .iter()
        .map(|s| s.id)
        .collect();
    let (walkin_adults, walkin_children, volunteers, first_timers) =
        (index % 3, 1, 2 + index % 2, index % 4);
    let form = vec![
        ("held", if held { "ja" } else { "nej" }.to_owned()),
        ("walkin_adults", walkin_adults.to_string()),
        ("walkin_children", walkin_children.to_string()),
        ("volunteers", volunteers.to_string()),
        ("first_timers", first_timers.to_string()),
    ];
    let mut ticks = Vec::new();
    for (n, id) in ids.iter().enumerate() {
        // The cancelled first family cannot be ticked (the form ignores it); the thirteenth
        // does not come.
        if n != 12 {
            ticks.push(("came".to_owned(), id.to_string()));
        }
    }
    let mut pairs = pairs(&form);
    pairs.extend(ticks);
    record(db, activity_id, on, &pairs).await;
    // Counted here from the plan, not read back: 13 families of 2 adults and 1 child were
    // confirmed after the promotion, 12 of them came.
    if held {
        Counts {
            held: 1,
            not_held: 0,
            adults: 12 * 2 + walkin_adults,
            children: 12 + walkin_children,
            volunteers,
            first_timers,
            walk_ins: walkin_adults + walkin_children,
            signups: 14,
            cancellations: 1,
            no_shows: 1,
            promotions: 1,
        }
    } else {
        Counts {
            not_held: 1,
            signups: 14,
            cancellations: 1,
            promotions: 1,
            ..Counts::default()
        }
    }
}

async fn record(db: &Db, activity_id: i64, on: NaiveDate, pairs: &[(String, String)]) {
    let activity = db
        .calendar()
        .activity_by_id(activity_id)
        .await
        .unwrap()
        .unwrap();
    // The figures count rows, not the rule: a one-off activity's other dates are recorded
    // straight on their rows, as if they had been extra dates.
    let key = app::calendar::OccurrenceKey {
        activity_slug: activity.slug.clone(),
        date: activity.starts_on,
    };
    let (activity, mut occurrence) = db
        .calendar()
        .occurrence_by_key(&key)
        .await
        .unwrap()
        .unwrap();
    occurrence.key.date = on;
    // Read as the server reads a posted form.
    let body = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish();
    let form = serde_html_form::from_str(&body).unwrap();
    app::attendance::service::record(db, Lang::Da, 1, &activity, &occurrence, &form, Utc::now())
        .await
        .unwrap();
}

/// Seeds a drop-in baby café on `dates` dates of `year`; returns the expected counts.
async fn seed_babycafe(db: &Db, activity_id: i64, year: i32, dates: u32) -> Counts {
    let mut expected = Counts::default();
    for week in 0..dates {
        let on = date(year, 1, 3) + chrono::Duration::weeks(i64::from(week));
        let (adults, children) = (5 + i64::from(week % 4), 6);
        record(
            db,
            activity_id,
            on,
            &pairs(&[
                ("held", "ja".into()),
                ("walkin_adults", adults.to_string()),
                ("walkin_children", children.to_string()),
                ("volunteers", "1".into()),
                ("first_timers", "".into()),
            ]),
        )
        .await;
        expected += Counts {
            held: 1,
            adults,
            children,
            volunteers: 1,
            walk_ins: adults + children,
            ..Counts::default()
        };
    }
    expected
}

on_both_backends! {
    async fn a_seeded_years_figures_match_an_independent_count(backend: Backend) {
        let app = TestApp::spawn(backend).await;
        let db = app.state.db.clone();
        // The demo's own past lies in 2025 and 2026; this test's years are 2023 and 2022.
        let dinner = activity(&db, ("test-faellesspisning", "Fællesspisning"), ("parkcafeen", "beboernetvaerk-inddragelse-og-demokrati"), SignupMode::Required, Some(40), date(2022, 1, 27)).await;
        let cafe = activity(&db, ("test-babycafe", "Babycafé i Parken"), ("parken", "boern-unge-og-familie"), SignupMode::None, None, date(2022, 1, 4)).await;

        let mut dinner_2023 = Counts::default();
        for month in 1..=11u32 {
            // The July dinner was cancelled at the last minute.
            dinner_2023 += seed_dinner(&db, dinner, date(2023, month, 20), i64::from(month), month != 7).await;
        }
        let mut dinner_2022 = Counts::default();
        for month in [2, 4, 6, 8, 10] {
            dinner_2022 += seed_dinner(&db, dinner, date(2022, month, 20), i64::from(month), true).await;
        }
        let cafe_2023 = seed_babycafe(&db, cafe, 2023, 40).await;
        let cafe_2022 = seed_babycafe(&db, cafe, 2022, 30).await;
        // A date outside the year does not count.
        seed_dinner(&db, dinner, date(2024, 1, 18), 1, true).await;

        let report = build_report(&db, Lang::Da, Period::year(2023).unwrap()).await.unwrap();
        let line = |lines: &[app::figures::Line], name: &str| lines.iter().find(|l| l.name == name).unwrap_or_else(|| panic!("{name}: {lines:#?}")).clone();
        let dinner_line = line(&report.by_activity, "Fællesspisning");
        assert_eq!((dinner_line.current, dinner_line.previous), (dinner_2023, dinner_2022));
        assert_eq!(dinner_line.current.held, 10);
        assert_eq!(dinner_line.venue, "ParkCafeen");
        let cafe_line = line(&report.by_activity, "Babycafé i Parken");
        assert_eq!((cafe_line.current, cafe_line.previous), (cafe_2023, cafe_2022));
        let families = line(&report.by_focus_area, "Børn, unge og familie");
        assert_eq!(families.current, cafe_2023);
        let mut total = dinner_2023;
        total += cafe_2023;
        assert_eq!(report.total.current, total);
        assert_eq!(report.by_activity.len(), 2, "only activities with figures: {:#?}", report.by_activity);

        // The sentences, with the averages rounded as said aloud.
        let average = (dinner_2023.adults + dinner_2023.children) as f64 / 10.0;
        let volunteers = dinner_2023.volunteers as f64 / 10.0;
        let sentence = format!(
            "I 2023 blev Fællesspisning afholdt 10 gange i ParkCafeen med gennemsnitligt {} deltagere og {} frivillige.",
            average.round(), volunteers.round()
        );
        assert!(report.sentences.contains(&sentence), "{sentence}\n{:#?}", report.sentences);
        let cafe_average = (cafe_2023.adults + cafe_2023.children) as f64 / 40.0;
        let cafe_sentence = format!("I 2023 blev Babycafé i Parken afholdt 40 gange med gennemsnitligt {} deltagere og én frivillig.", cafe_average.round());
        assert!(report.sentences.contains(&cafe_sentence), "{cafe_sentence}\n{:#?}", report.sentences);

        // Over HTTP, as staff: the page, the report and the CSV.
        let (email, password) = app::demo::ACCOUNTS.iter().find(|a| a.2 == Role::Staff).map(|a| (a.0, a.3)).unwrap();
        let cookie = app.log_in(email, password).await;
        let page = app.get_as("/personale/tal?aar=2023", Some(&cookie)).await;
        assert_eq!(page.status, 200, "{}", page.body);
        assert!(page.body.contains("<svg") && page.body.contains("Deltagere pr. aktivitet") && page.body.contains("<table"));
        let report_page = app.get_as("/personale/tal/rapport?aar=2023", Some(&cookie)).await;
        assert!(report_page.body.contains(&sentence), "{}", report_page.body);
        let quarter = app.get_as("/personale/tal?aar=2023&kvartal=9", Some(&cookie)).await;
        assert!(quarter.body.contains("Vælg et kvartal fra 1 til 4."));

        let csv = app.get_bytes("/personale/tal.csv?aar=2023", &cookie).await;
        assert!(csv.starts_with(b"\xEF\xBB\xBF"), "a byte-order mark for Excel");
        let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(&csv[3..]);
        let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
        assert_eq!(header, [
            "Gruppe", "Navn", "Indsatsområde", "Sted", "Periode", "Afholdt", "Aflyst", "Deltagere", "Voksne", "Børn",
            "Deltagere pr. gang", "Frivillige pr. gang", "Første gang", "Uden tilmelding", "Tilmeldinger", "Afmeldinger",
            "Udeblevne", "Rykket op",
        ]);
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        let dinner_row = rows.iter().find(|r| &r[1] == "Fællesspisning" && &r[4] == "2023").unwrap();
        assert_eq!(&dinner_row[5], "10");
        assert_eq!(dinner_row[7].parse::<i64>().unwrap(), dinner_2023.adults + dinner_2023.children);
        assert_eq!(&dinner_row[10], format!("{average:.1}").replace('.', ","));
        assert_eq!(dinner_row[16].parse::<i64>().unwrap(), dinner_2023.no_shows);
        let previous_row = rows.iter().find(|r| &r[1] == "Fællesspisning" && &r[4] == "2022").unwrap();
        assert_eq!(previous_row[5].parse::<i64>().unwrap(), dinner_2022.held);
        let anonymous = app.get_as("/personale/tal.csv?aar=2023", None).await;
        assert_eq!(anonymous.status, 303, "the figures are for staff only");

        // The retention job: no personal detail of the old sign-ups remains, and no figure moves.
        db.signups().forget_old_signups(app::clock::today()).await.unwrap();
        let left: i64 = app::db_run!(&db, |pool| sqlx::query_scalar(
            "select count(*) from signups s join occurrences o on o.id = s.occurrence_id \
             where o.on_date < '2025-01-01' and (name <> '' or email <> '' or phone <> '' or note <> '')"
        ).fetch_one(pool).await).unwrap();
        assert_eq!(left, 0);
        let after = build_report(&db, Lang::Da, Period::year(2023).unwrap()).await.unwrap();
        assert_eq!(after, report, "the figures are the same after the retention job");
        app.stop().await;
    }
}

async fn future_dinner(db: &Db, capacity: i64, on: NaiveDate) -> (i64, i64) {
    let id = activity(
        db,
        ("middag", "Middag"),
        ("parkcafeen", "sundhed"),
        SignupMode::Required,
        Some(capacity),
        on,
    )
    .await;
    (
        id,
        db.signups().ensure_occurrence_row(id, on).await.unwrap(),
    )
}

on_both_backends! {
    async fn a_party_changes_its_size_from_its_link(backend: Backend) {
        let test_db = TestDb::new(backend).await;
        let db = test_db.connect().await;
        let (_, occurrence) = future_dinner(&db, 4, date(2030, 5, 2)).await;
        let now = Utc::now();
        let mut tokens = Vec::new();
        for (adults, children) in [(2, 0), (1, 1), (1, 0)] {
            let token = Token::generate();
            let party = NewSignup { adults, children, ..family(tokens.len()) };
            db.signups().sign_up(occurrence, Some(4), &party, &token.hash(), &SignupMails::default(), now).await.unwrap();
            tokens.push(token);
        }
        let mail = |party: &app::signups::Signup| Some(app::mail::OutgoingEmail {
            to: party.email.clone(), subject: format!("Plads til {}", party.name), text: String::new(), html: String::new(),
        });
        // Four seats, all taken: the first family cannot grow, and keeps what it has.
        assert_eq!(db.signups().change_party(&tokens[0].hash(), Some(4), (3, 0), &mail, now).await.unwrap(), PartyChange::NoRoom);
        // It shrinks to one: the waiting party of one gets the seat and an email.
        assert_eq!(db.signups().change_party(&tokens[0].hash(), Some(4), (1, 0), &mail, now).await.unwrap(), PartyChange::Changed(SignupStatus::Confirmed));
        let stored = db.signups().signups_of(occurrence).await.unwrap();
        assert_eq!(stored.iter().map(|s| (s.persons(), s.status)).collect::<Vec<_>>(),
            [(1, SignupStatus::Confirmed), (2, SignupStatus::Confirmed), (1, SignupStatus::Confirmed)]);
        let outbox = db.outbox().list_outbox(5).await.unwrap();
        assert_eq!(outbox.len(), 1);
        assert_eq!(outbox[0].subject, "Plads til Familie 2");
        // A waiting party may change too; a cancelled one may not.
        let no_mail = |_: &app::signups::Signup| None;
        db.signups().cancel_signup(&tokens[1].hash(), Some(4), &no_mail, now).await.unwrap();
        assert_eq!(db.signups().change_party(&tokens[1].hash(), Some(4), (1, 0), &mail, now).await.unwrap(), PartyChange::NotFound);
        db.close().await;
        test_db.drop_database().await;
    }
}

on_both_backends! {
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
                db.signups().sign_up(occurrence, Some(10), &party, &token.hash(), &SignupMails::default(), now).await.unwrap();
                token
            }
        };
        sign_up(family(1)).await;
        sign_up(NewSignup { email: String::new(), ..family(2) }).await;
        let cancelled = sign_up(family(3)).await;
        sign_up(NewSignup { adults: 9, ..family(4) }).await; // waitlisted: 3 + 3 + 3 + 9 > 10
        let no_mail = |_: &app::signups::Signup| None;
        db.signups().cancel_signup(&cancelled.hash(), Some(10), &no_mail, now).await.unwrap();

        let send = || app::signups::service::send_reminders(&db, Lang::Da, "Randers Nordby", today, now);
        assert_eq!(send().await.unwrap(), 1, "only the confirmed party with an address");
        assert_eq!(send().await.unwrap(), 0, "once");
        // Two days before is too early.
        let early = app::signups::service::send_reminders(&db, Lang::Da, "Randers Nordby", today.pred_opt().unwrap(), now).await.unwrap();
        assert_eq!(early, 0);
        sign_up(family(5)).await;
        assert_eq!(send().await.unwrap(), 1, "a late sign-up is reminded on the next run");
        let outbox = db.outbox().list_outbox(10).await.unwrap();
        let mut reminded: Vec<&str> = outbox.iter().filter(|e| e.subject.starts_with("Husk i morgen")).map(|e| e.to_address.as_str()).collect();
        reminded.sort();
        assert_eq!(reminded, ["familie1@example.org", "familie5@example.org"]);
        assert!(outbox[0].subject.contains("Middag"));
        db.close().await;
        test_db.drop_database().await;
    }
}

on_both_backends! {
    async fn staff_record_attendance_with_the_form(backend: Backend) {
        let app = TestApp::spawn(backend).await;
        let db = app.state.db.clone();
        let tomorrow = app::clock::today().succ_opt().unwrap();
        let (id, occurrence) = future_dinner(&db, 40, tomorrow).await;
        let token = Token::generate();
        db.signups().sign_up(occurrence, Some(40), &family(1), &token.hash(), &SignupMails::default(), Utc::now()).await.unwrap();
        let party = db.signups().signups_of(occurrence).await.unwrap()[0].id;
        let path = format!("/personale/aktiviteter/{id}/{tomorrow}/fremmoede");
        let anonymous = app.get_as(&path, None).await;
        assert_eq!(anonymous.status, 303);

        let (email, password) = app::demo::ACCOUNTS.iter().find(|a| a.2 == Role::Staff).map(|a| (a.0, a.3)).unwrap();
        let cookie = app.log_in(email, password).await;
        let form = app.get_as(&path, Some(&cookie)).await;
        assert_eq!(form.status, 200);
        let tick = party.to_string();
        assert!(form.body.contains(&format!(r#"name="came" value="{tick}""#)) && form.body.contains("Familie 1"), "{}", form.body);

        let refused = app.post_form(&path, &[("held", "ja"), ("came", &tick), ("walkin_adults", "tre"), ("volunteers", "2")], Some(&cookie)).await;
        assert_eq!(refused.status, 422);
        assert!(refused.body.contains("Skriv et tal fra 0 til 1000.") && refused.body.contains(r#"value="tre""#));
        assert!(db.attendance().attendance_of(occurrence).await.unwrap().is_none(), "nothing saved from a refused form");

        let saved = app.post_form(&path, &[("held", "ja"), ("came", &tick), ("walkin_adults", "3"), ("walkin_children", "1"), ("volunteers", "2")], Some(&cookie)).await;
        assert_eq!(saved.status, 303, "{}", saved.body);
        let list = app.get_as(saved.location.as_deref().unwrap(), Some(&cookie)).await;
        // Three from the family, four without a sign-up.
        assert!(list.body.contains("Fremmødet er gemt.") && list.body.contains("7 deltagere og 2 frivillige."), "{}", list.body);
        assert_eq!(db.signups().signups_of(occurrence).await.unwrap()[0].attended, Some(true));
        let print = app.get_as(&format!("/personale/aktiviteter/{id}/{tomorrow}/udskriv"), Some(&cookie)).await;
        assert!(print.body.contains("Familie 1") && print.body.contains("Ingen nødder"));
        let year = app.get_as(&format!("/personale/tal?aar={}", tomorrow.year()), Some(&cookie)).await;
        assert!(year.body.contains("Middag"));
        app.stop().await;
    }
}
