//! The activity figures on both backends: a seeded year's figures equal what this test counts
//! by itself from the plan it seeded, the CSV has the stated columns, the report's sentences
//! carry the right numbers, and the retention job changes no figure.

use app::{
    accounts::{token::Token, Role},
    db::{Backend, Db},
    figures::{api::build_report, Counts},
    i18n::Lang,
    period::Period,
    signups::{queries::SignupMails, SignupStatus},
};
use chrono::{NaiveDate, Utc};

use crate::{
    fixtures::{account, activity, date, family, focus_area, venue},
    helpers::TestApp,
    on_both_backends,
};

fn pairs(list: &[(&str, String)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(name, value)| ((*name).to_owned(), value.clone()))
        .collect()
}

/// Seeds one communal dinner on `on` (capacity 40): fourteen families of three sign up (the
/// fourteenth waits), the first cancels (the fourteenth is promoted), and at the door every
/// family but the thirteenth is ticked off by `actor`. Returns this date's expected counts.
async fn seed_dinner(
    db: &Db,
    actor: i64,
    activity_id: i64,
    on: NaiveDate,
    index: i64,
    held: bool,
) -> Counts {
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
    record(db, actor, activity_id, on, &pairs).await;
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

/// Records the attendance form's `pairs` for `activity_id` on `on`, as staff member `actor`.
async fn record(db: &Db, actor: i64, activity_id: i64, on: NaiveDate, pairs: &[(String, String)]) {
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
    app::attendance::service::record(
        db,
        Lang::DA,
        actor,
        &activity,
        &occurrence,
        &form,
        Utc::now(),
    )
    .await
    .unwrap();
}

/// Seeds a drop-in baby café on `dates` dates of `year`, recorded by `actor`; returns the
/// expected counts.
async fn seed_babycafe(db: &Db, actor: i64, activity_id: i64, year: i32, dates: u32) -> Counts {
    let mut expected = Counts::default();
    for week in 0..dates {
        let on = date(year, 1, 3) + chrono::Duration::weeks(i64::from(week));
        let (adults, children) = (5 + i64::from(week % 4), 6);
        record(
            db,
            actor,
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

async fn a_seeded_years_figures_match_an_independent_count(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db().clone();
    let staff = account(Role::Staff).create(&db).await;
    let house = venue(&db, "Kvartershuset").await;
    let playroom = venue(&db, "Legestuen").await;
    let neighbours = focus_area(&db, "Beboernetværk").await;
    let families = focus_area(&db, "Børn, unge og familie").await;
    let dinner = activity("Fællesspisning")
        .slug("test-faellesspisning")
        .starts_on(date(2022, 1, 27))
        .signups_required(40)
        .venue(&house)
        .focus_area(&neighbours)
        .create(&db)
        .await
        .id;
    let cafe = activity("Babycafé i Legestuen")
        .slug("test-babycafe")
        .starts_on(date(2022, 1, 4))
        .venue(&playroom)
        .focus_area(&families)
        .create(&db)
        .await
        .id;

    let mut dinner_2023 = Counts::default();
    for month in 1..=11u32 {
        // The July dinner was cancelled at the last minute.
        let on = date(2023, month, 20);
        let index = i64::from(month);
        dinner_2023 += seed_dinner(&db, staff.id, dinner, on, index, month != 7).await;
    }
    let mut dinner_2022 = Counts::default();
    for month in [2, 4, 6, 8, 10] {
        let on = date(2022, month, 20);
        dinner_2022 += seed_dinner(&db, staff.id, dinner, on, i64::from(month), true).await;
    }
    let cafe_2023 = seed_babycafe(&db, staff.id, cafe, 2023, 40).await;
    let cafe_2022 = seed_babycafe(&db, staff.id, cafe, 2022, 30).await;
    // A date outside the year does not count.
    seed_dinner(&db, staff.id, dinner, date(2024, 1, 18), 1, true).await;

    let report = build_report(
        &db,
        Lang::DA,
        Period::year(2023).unwrap(),
        app::clock::today(),
    )
    .await
    .unwrap();
    let line = |lines: &[app::figures::Line], name: &str| {
        let found = lines.iter().find(|l| l.name == name);
        found
            .unwrap_or_else(|| panic!("{name}: {lines:#?}"))
            .clone()
    };
    let dinner_line = line(&report.by_activity, "Fællesspisning");
    assert_eq!(
        (dinner_line.current, dinner_line.previous),
        (dinner_2023, dinner_2022)
    );
    assert_eq!(dinner_line.current.held, 10);
    assert_eq!(dinner_line.venue, house.name);
    let cafe_line = line(&report.by_activity, "Babycafé i Legestuen");
    assert_eq!(
        (cafe_line.current, cafe_line.previous),
        (cafe_2023, cafe_2022)
    );
    let families_line = line(&report.by_focus_area, &families.name);
    assert_eq!(families_line.current, cafe_2023);
    let mut total = dinner_2023;
    total += cafe_2023;
    assert_eq!(report.total.current, total);
    let activities = &report.by_activity;
    assert_eq!(
        activities.len(),
        2,
        "only activities with figures: {activities:#?}"
    );

    // The sentences, with the averages rounded as said aloud.
    let average = (dinner_2023.adults + dinner_2023.children) as f64 / 10.0;
    let volunteers = dinner_2023.volunteers as f64 / 10.0;
    let sentence = format!(
        "I 2023 blev Fællesspisning afholdt 10 gange i {} med gennemsnitligt {} deltagere og \
         {} frivillige.",
        house.name,
        average.round(),
        volunteers.round()
    );
    let sentences = &report.sentences;
    assert!(sentences.contains(&sentence), "{sentence}\n{sentences:#?}");
    let cafe_average = (cafe_2023.adults + cafe_2023.children) as f64 / 40.0;
    let cafe_sentence = format!(
        "I 2023 blev Babycafé i Legestuen afholdt 40 gange med gennemsnitligt {} deltagere og \
         én frivillig.",
        cafe_average.round()
    );
    assert!(
        sentences.contains(&cafe_sentence),
        "{cafe_sentence}\n{sentences:#?}"
    );

    // Over HTTP, as staff: the page, the report and the CSV.
    let staff = app.logged_in_as(&staff).await;
    let page = staff.get("/personale/tal?aar=2023").await;
    assert_eq!(page.status, 200, "{}", page.body);
    let body = page.body;
    assert!(
        body.contains("<svg")
            && body.contains("Deltagere pr. aktivitet")
            && body.contains("<table")
    );
    let report_page = staff.get("/personale/tal/rapport?aar=2023").await;
    assert!(report_page.body.contains(&sentence), "{}", report_page.body);
    let quarter = staff.get("/personale/tal?aar=2023&kvartal=9").await;
    assert!(quarter.body.contains("Vælg et kvartal fra 1 til 4."));

    let csv = staff.get_bytes("/personale/tal.csv?aar=2023").await;
    assert!(
        csv.starts_with(b"\xEF\xBB\xBF"),
        "a byte-order mark for Excel"
    );
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&csv[3..]);
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        header,
        [
            "Gruppe",
            "Navn",
            "Indsatsområde",
            "Sted",
            "Periode",
            "Afholdt",
            "Aflyst",
            "Deltagere",
            "Voksne",
            "Børn",
            "Deltagere pr. gang",
            "Frivillige pr. gang",
            "Første gang",
            "Uden tilmelding",
            "Tilmeldinger",
            "Afmeldinger",
            "Udeblevne",
            "Rykket op",
            "Indsendt",
            "Bidrag",
            "Billeder",
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let row = |period: &str| {
        let found = rows
            .iter()
            .find(|r| &r[1] == "Fællesspisning" && &r[4] == period);
        found.unwrap_or_else(|| panic!("{period}: {rows:?}"))
    };
    let dinner_row = row("2023");
    assert_eq!(&dinner_row[5], "10");
    let participants = dinner_2023.adults + dinner_2023.children;
    assert_eq!(dinner_row[7].parse::<i64>().unwrap(), participants);
    assert_eq!(&dinner_row[10], format!("{average:.1}").replace('.', ","));
    assert_eq!(dinner_row[16].parse::<i64>().unwrap(), dinner_2023.no_shows);
    assert_eq!(row("2022")[5].parse::<i64>().unwrap(), dinner_2022.held);
    let anonymous = app.visitor().get("/personale/tal.csv?aar=2023").await;
    assert_eq!(anonymous.status, 303, "the figures are for staff only");

    // The retention job: no personal detail of the old sign-ups remains, and no figure moves.
    db.signups()
        .forget_old_signups(app::clock::today())
        .await
        .unwrap();
    let left: i64 = app::db_run!(&db, |pool| sqlx::query_scalar(
        "select count(*) from signups s join occurrences o on o.id = s.occurrence_id \
         where o.on_date < '2025-01-01' \
         and (name <> '' or email <> '' or phone <> '' or note <> '')"
    )
    .fetch_one(pool)
    .await)
    .unwrap();
    assert_eq!(left, 0);
    let after = build_report(
        &db,
        Lang::DA,
        Period::year(2023).unwrap(),
        app::clock::today(),
    )
    .await
    .unwrap();
    assert_eq!(
        after, report,
        "the figures are the same after the retention job"
    );
}

on_both_backends!(a_seeded_years_figures_match_an_independent_count);
