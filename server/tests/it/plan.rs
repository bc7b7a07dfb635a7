//! The plan's success criteria, end to end on both backends: staff define measures with a
//! target and "part of", record a year's values per quarter, and every entry and correction is
//! kept with who made it; bad values get a Danish message by their field with everything typed
//! kept; two staff saving the same value at once end with one value and a history line each.
//! The press log holds releases and mentions, filtered and counted per year or quarter. Each plan
//! period has its own focus areas, and forms offer the current period's.

use app::{accounts::Role, db::Backend, plan::MeasureValue};

use crate::{
    fixtures::{account, activity, focus_area},
    helpers::{Answer, TestApp, Visitor},
    on_both_backends,
};

on_both_backends!(measures_are_defined_recorded_and_kept_with_their_history);
on_both_backends!(two_staff_saving_the_same_value_end_with_one_value_and_two_lines);
on_both_backends!(press_entries_are_logged_filtered_and_counted);
on_both_backends!(each_plan_period_has_its_own_focus_areas);

/// Defines a measure from the form; its id, read from where the answer sends the staff member.
pub(crate) async fn define(staff: &Visitor, form: &[(&str, &str)]) -> i64 {
    let saved = staff.post_form("/personale/succeskriterier/ny", form).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let location = saved.location.expect("sent on");
    location
        .trim_start_matches("/personale/succeskriterier/")
        .split('/')
        .next()
        .unwrap()
        .parse()
        .expect("the measure's id")
}

/// Posts a year's four quarters: `values` typed, `was` as the form showed them.
pub(crate) async fn record(
    staff: &Visitor,
    id: i64,
    year: &str,
    values: [&str; 4],
    was: [&str; 4],
) -> Answer {
    let mut form = vec![("aar", year)];
    for (value, shown) in values.iter().zip(was) {
        form.push(("was", shown));
        form.push(("v", value));
    }
    staff
        .post_form(&format!("/personale/succeskriterier/{id}/tal"), &form)
        .await
}

async fn values(app: &TestApp, id: i64, year: i64) -> Vec<(i64, i64)> {
    app.db()
        .plan()
        .values_of(id, year)
        .await
        .unwrap()
        .into_iter()
        .map(|MeasureValue { part, value, .. }| (part, value))
        .collect()
}

/// Whether `body` shows `value` in the field with id `id`.
fn field_shows(body: &str, id: &str, value: &str) -> bool {
    body.contains(&format!(
        r#"id="{id}" name="v" type="number" value="{value}""#
    ))
}

async fn measures_are_defined_recorded_and_kept_with_their_history(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    let area = focus_area(db, "Beskæftigelse").await;
    let staff_account = account(Role::Staff)
        .name("Mette Sekretariat")
        .create(db)
        .await;
    let staff = app.logged_in_as(&staff_account).await;
    let owner = format!("omraade-{}", area.id);

    // An activity saved with a focus area reports under it in that area's plan period.
    let jobklub = activity("Jobklub").focus_area(&area).create(db).await;
    let linked: Vec<(i64, i64)> = app::db_run!(db, |pool| {
        sqlx::query_as(
            "select l.focus_area_id, l.plan_period_id from activity_focus_areas l \
             where l.activity_id = $1",
        )
        .bind(jobklub.id)
        .fetch_all(pool)
        .await
        .unwrap()
    });
    assert_eq!(linked.len(), 1, "{linked:?}");
    assert_eq!(linked[0].0, area.id);

    let empty = staff.get("/personale/succeskriterier").await;
    assert_eq!(empty.status, 200);
    assert!(empty.body.contains("Der er ingen succeskriterier endnu."));

    // A measure without a name or a unit, with a target that is no whole number: a message by
    // each field, and what was typed is kept.
    let refused = staff
        .post_form(
            "/personale/succeskriterier/ny",
            &[
                ("measure_name", ""),
                ("owner", &owner),
                ("unit", "meter"),
                ("recorded_per", "quarter"),
                ("yearly_target", "2,5"),
            ],
        )
        .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    for message in [
        "Skriv, hvad I tæller.",
        "Vælg en enhed.",
        "Skriv et helt tal uden komma, fx 12.",
    ] {
        assert!(
            refused.body.contains(message),
            "{message}: {}",
            refused.body
        );
    }
    assert!(refused.body.contains(r#"value="2,5""#));
    assert!(db.plan().measures().await.unwrap().is_empty());

    let whole = define(
        &staff,
        &[
            ("measure_name", "unge der henvendte sig"),
            ("owner", &owner),
            ("unit", "personer"),
            ("recorded_per", "quarter"),
            ("yearly_target", "20"),
        ],
    )
    .await;
    let whole_text = whole.to_string();
    let part = define(
        &staff,
        &[
            ("measure_name", "unge i fritidsjob"),
            ("owner", &owner),
            ("unit", "personer"),
            ("recorded_per", "quarter"),
            ("part_of", &whole_text),
        ],
    )
    .await;
    let percent = define(
        &staff,
        &[
            ("measure_name", "familier med bedre sundhed"),
            ("owner", &owner),
            ("unit", "procent"),
            ("recorded_per", "quarter"),
            ("yearly_target", "80"),
        ],
    )
    .await;
    // A percentage cannot hold parts.
    let unfit = staff
        .post_form(
            "/personale/succeskriterier/ny",
            &[
                ("measure_name", "noget"),
                ("owner", &owner),
                ("unit", "personer"),
                ("recorded_per", "quarter"),
                ("part_of", &percent.to_string()),
            ],
        )
        .await;
    assert_eq!(unfit.status, 422);
    assert!(unfit
        .body
        .contains("Vælg et succeskriterium, der tælles på samme måde"));

    // The whole's four quarters of 2025: 23 in all.
    let saved = record(
        &staff,
        whole,
        "2025",
        ["5", "6", "7", "5"],
        ["", "", "", ""],
    )
    .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(
        saved.location.as_deref(),
        Some(format!("/personale/succeskriterier/{whole}/tal?aar=2025&besked=tal-gemt").as_str())
    );
    let page = staff
        .get(&format!("/personale/succeskriterier/{whole}/tal?aar=2025"))
        .await;
    assert!(
        page.body.contains("I alt 2025: 23. I alt 2024: –."),
        "{}",
        page.body
    );
    assert!(page.body.contains("Målet for året er 20 personer."));
    assert!(field_shows(&page.body, "v3", "7"), "{}", page.body);

    // The part's fourth quarter is larger than the whole's: refused, with every value typed
    // kept and nothing saved; then bad numbers of every kind.
    let refused = record(&staff, part, "2025", ["4", "5", "6", "9"], ["", "", "", ""]).await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.body.contains("Tallet er større end"));
    assert!(refused.body.contains("unge der henvendte sig"));
    assert!(refused.body.contains("(5), som det er en del af."));
    assert!(field_shows(&refused.body, "v1", "4") && field_shows(&refused.body, "v4", "9"));
    let bad = record(
        &staff,
        part,
        "2025",
        ["2,5", "-3", "", "99999999"],
        ["", "", "", ""],
    )
    .await;
    assert_eq!(bad.status, 422);
    for message in [
        "Skriv et helt tal uden komma, fx 12.",
        "Tallet kan ikke være negativt.",
        "Skriv et tal fra 0 til 1.000.000.",
    ] {
        assert!(bad.body.contains(message), "{message}");
    }
    let over = record(
        &staff,
        percent,
        "2025",
        ["60", "101", "", ""],
        ["", "", "", ""],
    )
    .await;
    assert!(over.body.contains("En procentdel kan højst være 100."));
    assert!(values(&app, part, 2025).await.is_empty());
    assert!(values(&app, percent, 2025).await.is_empty());

    let saved = record(&staff, part, "2025", ["4", "5", "6", "4"], ["", "", "", ""]).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    // The whole cannot drop below its part.
    let lowered = record(
        &staff,
        whole,
        "2025",
        ["3", "6", "7", "5"],
        ["5", "6", "7", "5"],
    )
    .await;
    assert_eq!(lowered.status, 422);
    assert!(lowered.body.contains("Tallet er mindre end"));
    assert!(lowered.body.contains("(4), som er en del af det."));

    // A correction and a cleared value: two more history lines, each with who and when.
    let corrected = record(
        &staff,
        whole,
        "2025",
        ["5", "8", "7", ""],
        ["5", "6", "7", "5"],
    )
    .await;
    assert_eq!(corrected.status, 303, "{}", corrected.body);
    assert_eq!(
        values(&app, whole, 2025).await,
        vec![(1, 5), (2, 8), (3, 7)]
    );
    let history = db.plan().history_of(whole, 2025).await.unwrap();
    assert_eq!(history.len(), 6, "{history:?}");
    assert_eq!(
        (
            history[0].part,
            history[0].value,
            history[0].changed_by.as_str()
        ),
        (4, None, "Mette Sekretariat")
    );
    let page = staff
        .get(&format!("/personale/succeskriterier/{whole}/tal?aar=2025"))
        .await;
    assert!(page.body.contains("I alt 2025: 20."), "{}", page.body);
    assert!(page.body.contains("slettet"));
    assert!(page.body.contains("(Mette Sekretariat)"));

    // The list shows each measure with its target.
    let list = staff.get("/personale/succeskriterier").await;
    for name in [
        "unge der henvendte sig",
        "unge i fritidsjob",
        "familier med bedre sundhed",
    ] {
        assert!(list.body.contains(name), "{name}");
    }

    // Another year's page starts empty; a year outside the bounds is no page.
    let next = staff
        .get(&format!("/personale/succeskriterier/{whole}/tal?aar=2026"))
        .await;
    assert!(next
        .body
        .contains("Der er ikke skrevet tal for dette år endnu."));
    let far = record(&staff, whole, "1999", ["1", "", "", ""], ["", "", "", ""]).await;
    assert_eq!(far.status, 404);
    let gone = staff.get("/personale/succeskriterier/999999/tal").await;
    assert_eq!(gone.status, 404);

    // A citizen journalist may not see them.
    let journalist = app
        .logged_in_as(&account(Role::Journalist).create(db).await)
        .await;
    assert_eq!(
        journalist.get("/personale/succeskriterier").await.status,
        403
    );
}

async fn two_staff_saving_the_same_value_end_with_one_value_and_two_lines(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    let area = focus_area(db, "Kriminalitetsforebyggelse").await;
    let first = app
        .logged_in_as(&account(Role::Staff).create(db).await)
        .await;
    let second = app
        .logged_in_as(&account(Role::Staff).create(db).await)
        .await;
    let id = define(
        &first,
        &[
            ("measure_name", "henvendelser"),
            ("owner", &format!("omraade-{}", area.id)),
            ("unit", "henvendelser"),
            ("recorded_per", "quarter"),
        ],
    )
    .await;
    let (one, two) = tokio::join!(
        record(&first, id, "2026", ["52", "", "", ""], ["", "", "", ""]),
        record(&second, id, "2026", ["30", "", "", ""], ["", "", "", ""]),
    );
    assert_eq!((one.status, two.status), (303, 303));
    let saved = values(&app, id, 2026).await;
    assert_eq!(saved.len(), 1, "{saved:?}");
    assert!(saved[0] == (1, 52) || saved[0] == (1, 30), "{saved:?}");
    let history = db.plan().history_of(id, 2026).await.unwrap();
    assert_eq!(history.len(), 2, "{history:?}");
    // The value kept is the last one saved.
    assert_eq!(history[0].value, Some(saved[0].1));
}

/// The `<select>` with id `id` in `body`, whole.
fn select_of<'a>(body: &'a str, id: &str) -> &'a str {
    let start = body
        .find(&format!(r#"<select id="{id}""#))
        .unwrap_or_else(|| panic!("no select {id}: {body}"));
    let end = start + body[start..].find("</select>").expect("the select's end");
    &body[start..end]
}

/// Adds an entry to the press log; its id.
async fn log_press(staff: &Visitor, form: &[(&str, &str)]) -> i64 {
    let saved = staff.post_form("/personale/presse/ny", form).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let location = saved.location.expect("sent on");
    let id = location
        .trim_start_matches("/personale/presse/")
        .trim_end_matches("?besked=gemt");
    id.parse().expect("the entry's id")
}

async fn press_entries_are_logged_filtered_and_counted(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    let area = focus_area(db, "Sammenhængskraft og medborgerskab").await;
    let area_id = area.id.to_string();
    let staff = app
        .logged_in_as(&account(Role::Staff).create(db).await)
        .await;
    let empty = staff.get("/personale/presse").await;
    assert_eq!(empty.status, 200, "{}", empty.body);
    assert!(empty
        .body
        .contains("Der er ingen pressemeddelelser eller omtale i perioden."));

    // Every field wrong: a message by each, and what was typed is kept.
    let refused = staff
        .post_form(
            "/personale/presse/ny",
            &[
                ("kind", "rumour"),
                ("published_on", "2026-13-40"),
                ("outlet", ""),
                ("heading", ""),
                ("url", "javascript:alert(1)"),
                ("focus_area", "999999"),
            ],
        )
        .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    for message in [
        "Vælg, om det er en pressemeddelelse eller en omtale.",
        "Skriv en dato som 2026-03-14, højst et år frem.",
        "Skriv mediets navn (højst 200 tegn).",
        "Skriv overskriften (højst 300 tegn).",
        "Skriv et link, der begynder med https://, eller lad feltet stå tomt.",
        "Vælg et indsatsområde fra listen.",
    ] {
        assert!(refused.body.contains(message), "{message}");
    }
    assert!(refused.body.contains(r#"value="javascript:alert(1)""#));
    assert!(refused.body.contains(r#"value="2026-13-40""#));
    let nothing = app::plan::queries::PressFilter::default();
    assert!(db.plan().press_items(&nothing).await.unwrap().is_empty());

    let release = log_press(
        &staff,
        &[
            ("kind", "release"),
            ("published_on", "2025-03-14"),
            ("outlet", "Randers Amtsavis"),
            ("heading", "Nyt værested åbner i Nordby"),
            ("url", "https://example.org/vaerested"),
            ("focus_area", &area_id),
        ],
    )
    .await;
    log_press(
        &staff,
        &[
            ("kind", "mention"),
            ("published_on", "2025-05-02"),
            ("outlet", "TV2 Østjylland"),
            ("heading", "Unge får fritidsjob"),
        ],
    )
    .await;
    log_press(
        &staff,
        &[
            ("kind", "mention"),
            ("published_on", "2025-11-20"),
            ("outlet", "Randers Amtsavis"),
            ("heading", "Fællesspisning samler 60 naboer"),
            ("focus_area", &area_id),
        ],
    )
    .await;

    let year = staff.get("/personale/presse?aar=2025").await;
    assert!(
        year.body
            .contains("2025: 1 pressemeddelelse og 2 omtaler i pressen."),
        "{}",
        year.body
    );
    assert!(year
        .body
        .contains(r#"href="https://example.org/vaerested""#));
    let quarter = staff.get("/personale/presse?aar=2025&kvartal=2").await;
    assert!(
        quarter
            .body
            .contains("2. kvartal 2025: 0 pressemeddelelser og 1 omtale i pressen."),
        "{}",
        quarter.body
    );
    let filtered = staff
        .get(&format!(
            "/personale/presse?aar=2025&type=mention&omraade={area_id}"
        ))
        .await;
    assert!(filtered.body.contains("Fællesspisning samler 60 naboer"));
    assert!(!filtered.body.contains("Unge får fritidsjob"));
    assert!(!filtered.body.contains("Nyt værested åbner i Nordby"));
    let other_year = staff.get("/personale/presse?aar=2024").await;
    assert!(other_year
        .body
        .contains("2024: 0 pressemeddelelser og 0 omtaler i pressen."));

    // A correction keeps the entry and its count.
    let corrected = staff
        .post_form(
            &format!("/personale/presse/{release}"),
            &[
                ("kind", "release"),
                ("published_on", "2025-03-14"),
                ("outlet", "Randers Amtsavis"),
                ("heading", "Værestedet åbner 1. april"),
                ("url", ""),
                ("focus_area", &area_id),
            ],
        )
        .await;
    assert_eq!(corrected.status, 303, "{}", corrected.body);
    let year = staff.get("/personale/presse?aar=2025").await;
    assert!(year.body.contains("Værestedet åbner 1. april"));
    assert!(!year.body.contains("Nyt værested åbner i Nordby"));
    assert!(year
        .body
        .contains("2025: 1 pressemeddelelse og 2 omtaler i pressen."));
    assert_eq!(staff.get("/personale/presse/999999").await.status, 404);

    let journalist = app
        .logged_in_as(&account(Role::Journalist).create(db).await)
        .await;
    assert_eq!(journalist.get("/personale/presse").await.status, 403);
}

async fn each_plan_period_has_its_own_focus_areas(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    // The fixture's area is in a period of four years from last year.
    let current = focus_area(db, "Beskæftigelse").await;
    let staff = app
        .logged_in_as(&account(Role::Staff).create(db).await)
        .await;
    let last_year = chrono::Datelike::year(&app::clock::today()) - 1;
    let plan = staff.get("/personale/helhedsplan").await;
    assert_eq!(plan.status, 200, "{}", plan.body);
    assert!(plan.body.contains(&format!(
        "Helhedsplan {last_year}–{} ({last_year}–{})",
        last_year + 3,
        last_year + 3
    )));
    assert!(plan.body.contains("Det er den nuværende periode."));

    // Years that overlap, run backwards or span more than ten years are refused by their field.
    for (first, last, message) in [
        ("2024", &*last_year.to_string(), "Årene overlapper med"),
        ("2019", "2018", "Det sidste år skal ligge fra det første år"),
        ("2001", "2015", "Det sidste år skal ligge fra det første år"),
        ("1999", "2002", "Skriv et årstal fra 2000 til 2100."),
    ] {
        let refused = staff
            .post_form(
                "/personale/helhedsplan/perioder/ny",
                &[
                    ("period_name", "En anden plan"),
                    ("first_year", first),
                    ("last_year", last),
                ],
            )
            .await;
        assert_eq!(refused.status, 422, "{first}–{last}: {}", refused.body);
        assert!(refused.body.contains(message), "{first}–{last}: {message}");
        assert!(refused.body.contains(r#"value="En anden plan""#));
    }
    let saved = staff
        .post_form(
            "/personale/helhedsplan/perioder/ny",
            &[
                ("period_name", "Boligsocial helhedsplan 2019–2022"),
                ("first_year", "2019"),
                ("last_year", "2022"),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let periods = db.plan().plan_periods().await.unwrap();
    assert_eq!(periods.len(), 2);
    let earlier = periods
        .iter()
        .find(|period| period.first_year == 2019)
        .unwrap();

    // The earlier period may have its own "Beskæftigelse", with its own goal; the same name
    // twice in one period is refused.
    let area_form = |name: &'static str, goal: &'static str| {
        vec![
            ("plan_period", earlier.id.to_string()),
            ("area_name", name.to_owned()),
            ("goal", goal.to_owned()),
            ("position", "2".to_owned()),
        ]
    };
    let post = |form: Vec<(&'static str, String)>| {
        let staff = &staff;
        async move {
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            staff
                .post_form("/personale/helhedsplan/omraader/ny", &form)
                .await
        }
    };
    let saved = post(area_form("Beskæftigelse", "Flere i job.")).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let twice = post(area_form("Beskæftigelse", "")).await;
    assert_eq!(twice.status, 422);
    assert!(twice
        .body
        .contains("Perioden har allerede et indsatsområde med det navn."));
    let areas = db.plan().plan_areas().await.unwrap();
    let old = areas
        .iter()
        .find(|area| area.plan_period_id == earlier.id)
        .unwrap();
    assert_eq!(
        (old.slug.as_str(), old.goal.as_str(), old.position),
        ("beskaeftigelse-2019", "Flere i job.", 2)
    );
    let plan = staff.get("/personale/helhedsplan").await;
    assert!(plan
        .body
        .contains("Boligsocial helhedsplan 2019–2022 (2019–2022)"));
    assert!(plan.body.contains("Flere i job."));

    // A correction of the goal.
    let corrected = staff
        .post_form(
            &format!("/personale/helhedsplan/omraader/{}", old.id),
            &[
                ("plan_period", &earlier.id.to_string()),
                ("area_name", "Beskæftigelse"),
                ("goal", "Flere unge i job og uddannelse."),
                ("position", "1"),
            ],
        )
        .await;
    assert_eq!(corrected.status, 303, "{}", corrected.body);
    assert!(staff
        .get("/personale/helhedsplan")
        .await
        .body
        .contains("Flere unge i job og uddannelse."));

    // The activity form and the measure form offer the current period's areas only.
    for (page, select, prefix) in [
        ("/personale/aktiviteter/ny", "focus_area", ""),
        ("/personale/succeskriterier/ny", "owner", "omraade-"),
    ] {
        let form = staff.get(page).await;
        let options = select_of(&form.body, select);
        let value = |id: i64| format!(r#"<option value="{prefix}{id}""#);
        assert!(options.contains(&value(current.id)), "{page}: {options}");
        assert!(!options.contains(&value(old.id)), "{page}: {options}");
    }

    let journalist = app
        .logged_in_as(&account(Role::Journalist).create(db).await)
        .await;
    assert_eq!(journalist.get("/personale/helhedsplan").await.status, 403);
}
