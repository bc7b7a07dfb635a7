//! The yearly and quarterly report on both backends: a seeded year (attendance, success criteria
//! with targets and "part of", visitors, contributions, the press) and the year before, with
//! every number and last year's beside it on the report page and in the Word document read back
//! with python-docx; the sentences carry the right numbers and Danish singular and plural; the
//! texts staff write are saved per report with who changed them last.

use app::{
    accounts::Role,
    attendance::Attendance,
    db::{Backend, Db},
};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use server::visits::{View, VisitCounter};

use crate::{
    fixtures::{account, activity, date, focus_area},
    helpers::{read_with_python_as, TestApp, Visitor},
    on_both_backends,
    plan::{define, record},
    submissions::seeded_submission,
};

on_both_backends!(a_seeded_year_is_found_whole_on_the_report_page_and_in_its_document);

/// Records a held date of `activity` with `adults` walk-ins and two volunteers.
async fn held(db: &Db, activity: i64, on: NaiveDate, adults: i64) {
    let occurrence = db
        .signups()
        .ensure_occurrence_row(activity, on)
        .await
        .unwrap();
    db.attendance()
        .record_attendance(
            None,
            occurrence,
            &Attendance::recorded(true, [adults, 0, 2, 0]),
            &[],
            Utc::now(),
        )
        .await
        .unwrap();
}

/// Posts a form and expects to be sent on.
async fn post(staff: &Visitor, path: &str, form: &[(&str, &str)]) -> String {
    let answer = staff.post_form(path, form).await;
    assert_eq!(answer.status, 303, "{path}: {}", answer.body);
    answer.location.unwrap_or_default()
}

/// Defines a quarterly measure of `owner`; its id.
async fn measure(staff: &Visitor, owner: &str, name: &str, target: &str, part_of: &str) -> i64 {
    define(
        staff,
        &[
            ("measure_name", name),
            ("owner", owner),
            ("unit", "personer"),
            ("recorded_per", "quarter"),
            ("yearly_target", target),
            ("part_of", part_of),
        ],
    )
    .await
}

/// Records a year's four quarters, where nothing was recorded before.
async fn quarters(staff: &Visitor, id: i64, year: &str, values: [&str; 4]) {
    let saved = record(staff, id, year, values, ["", "", "", ""]).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
}

fn noon(day: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&day.and_hms_opt(12, 0, 0).unwrap())
}

/// `browsers` different browsers see the front page on `day`.
async fn visitors(db: &Db, day: NaiveDate, browsers: u8) {
    let counter = VisitCounter::new("nordby.example.org", true);
    for n in 1..=browsers {
        let view = View {
            address: std::net::IpAddr::from([198, 51, 100, n]),
            user_agent: "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
            path: "/",
            referrer: None,
        };
        counter.count(db, noon(day), view).await;
    }
    counter.write(db).await.unwrap();
}

/// What python-docx reads in the document.
#[derive(serde::Deserialize, Debug)]
struct ReadDocument {
    headings: Vec<(String, String)>,
    paragraphs: Vec<String>,
    cells: Vec<String>,
    pictures: usize,
    new_pages: Vec<String>,
}

async fn a_seeded_year_is_found_whole_on_the_report_page_and_in_its_document(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    // The plan period from last year holds 2025 when the tests run in 2026; the report is of
    // its first year, and 2024 is "last year" beside it.
    let area = focus_area(db, "Beskæftigelse").await;
    let staff_account = account(Role::Staff)
        .name("Mette Sekretariat")
        .create(db)
        .await;
    let staff = app.logged_in_as(&staff_account).await;
    let year = chrono::Datelike::year(&app::clock::today()) - 1;
    let (this, last) = (year.to_string(), (year - 1).to_string());
    let plan = app::plan::service::plan_area(db, area.id).await.unwrap();
    post(
        &staff,
        &format!("/personale/helhedsplan/omraader/{}", area.id),
        &[
            ("plan_period", &plan.plan_period_id.to_string()),
            ("area_name", "Beskæftigelse"),
            ("goal", "Flere unge i job og uddannelse."),
            ("position", "1"),
        ],
    )
    .await;

    // Attendance: the job club three times this year (10, 11 and 15 came) and twice the year
    // before (8 and 8); the homework café once this year, with one.
    let jobklub = activity("Jobklub")
        .starts_on(date(year - 1, 1, 2))
        .rule("FREQ=DAILY")
        .focus_area(&area)
        .create(db)
        .await;
    for (day, adults) in [(3, 10), (10, 11), (17, 15)] {
        held(db, jobklub.id, date(year, 2, day), adults).await;
    }
    for day in [5, 12] {
        held(db, jobklub.id, date(year - 1, 3, day), 8).await;
    }
    let lektiecafe = activity("Lektiecafé")
        .starts_on(date(year, 4, 1))
        .focus_area(&area)
        .create(db)
        .await;
    held(db, lektiecafe.id, date(year, 4, 1), 1).await;

    // Success criteria: 23 young people came to the job service this year (16 the year before),
    // 19 of them got a job; the target is 20.
    let owner = format!("omraade-{}", area.id);
    let came = measure(&staff, &owner, "unge der henvendte sig", "20", "").await;
    let jobs = measure(&staff, &owner, "unge i fritidsjob", "", &came.to_string()).await;
    quarters(&staff, came, &this, ["5", "6", "7", "5"]).await;
    quarters(&staff, came, &last, ["4", "4", "4", "4"]).await;
    quarters(&staff, jobs, &this, ["4", "5", "6", "4"]).await;

    // The press: one release and three mentions this year, two releases the year before.
    for (kind, day, outlet) in [
        ("release", date(year, 3, 1), "Randers Amtsavis"),
        ("mention", date(year, 3, 2), "Randers Amtsavis"),
        ("mention", date(year, 6, 2), "TV2 Østjylland"),
        ("mention", date(year, 9, 2), "DR P4"),
        ("release", date(year - 1, 3, 1), "Randers Amtsavis"),
        ("release", date(year - 1, 5, 1), "Randers Amtsavis"),
    ] {
        let day = day.to_string();
        post(
            &staff,
            "/personale/presse/ny",
            &[
                ("kind", kind),
                ("published_on", &day),
                ("outlet", outlet),
                ("heading", "Nordby i medierne"),
            ],
        )
        .await;
    }

    // Visitors: 30 browsers one day in March this year, 20 the year before.
    visitors(db, date(year, 3, 10), 30).await;
    visitors(db, date(year - 1, 3, 10), 20).await;

    // Contributions: two journalists, three published pieces this year; one the year before.
    let amina = account(Role::Journalist).name("Amina").create(db).await;
    let bo = account(Role::Journalist).name("Bo").create(db).await;
    let at = |y: i32, m: u32, d: u32| Utc.with_ymd_and_hms(y, m, d, 12, 0, 0).unwrap();
    for (author, sent, published) in [
        (&amina, at(year, 2, 1), at(year, 2, 3)),
        (&amina, at(year, 5, 1), at(year, 5, 2)),
        (&bo, at(year, 8, 1), at(year, 8, 9)),
        (&bo, at(year - 1, 8, 1), at(year - 1, 8, 9)),
    ] {
        seeded_submission(db, author, &staff_account, 0, sent, Some(published)).await;
    }

    // The staff write the introduction and the area's paragraph.
    let query = format!("aar={year}");
    let texts = staff
        .get(&format!("/personale/rapport/tekster?{query}"))
        .await;
    assert_eq!(texts.status, 200, "{}", texts.body);
    let area_part = format!("area-{}", area.id);
    let too_long = "x".repeat(20_001);
    let refused = staff
        .post_form(
            "/personale/rapport/tekster",
            &[
                ("aar", &this),
                ("kvartal", ""),
                ("report_part", "intro"),
                ("text", "Et år med mange nye naboer."),
                ("report_part", &area_part),
                ("text", &too_long),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("Teksten må højst være 20.000 tegn."));
    assert!(refused.body.contains("Et år med mange nye naboer."));
    let saved = post(
        &staff,
        "/personale/rapport/tekster",
        &[
            ("aar", &this),
            ("kvartal", ""),
            ("report_part", "intro"),
            ("text", "Et år med mange nye naboer."),
            ("report_part", &area_part),
            ("text", "Jobklubben fik nye frivillige."),
            ("report_part", "area-999999"),
            ("text", "Et område, rapporten ikke har."),
            ("report_part", "intro"),
            ("text", "En indledning sendt to gange."),
        ],
    )
    .await;
    assert_eq!(
        saved,
        format!("/personale/rapport?{query}&besked=tekster-gemt")
    );

    let page = staff.get(&format!("/personale/rapport?{query}")).await;
    assert_eq!(page.status, 200, "{}", page.body);
    let report = app::report::build::build(
        db,
        app::i18n::Lang::DA,
        app::period::Period::year(year).unwrap(),
        app::clock::today(),
    )
    .await
    .unwrap();
    let expected = [
        format!("Årsrapport {this}"),
        "Et år med mange nye naboer.".to_owned(),
        "Jobklubben fik nye frivillige.".to_owned(),
        "Flere unge i job og uddannelse.".to_owned(),
        format!("I {this} blev Jobklub afholdt 3 gange"),
        "gennemsnitligt 12 deltagere".to_owned(),
        format!("I {this} blev Lektiecafé afholdt én gang"),
        "én deltager".to_owned(),
        "83 % af unge der henvendte sig".to_owned(),
        format!("I {this} havde hjemmesiden i gennemsnit 30 besøgende om måneden, 10 flere end i {last}."),
        format!(
            "I {this} sendte vi én pressemeddelelse, og der var 3 omtaler i pressen ({last}: 2 \
             pressemeddelelser og 0 omtaler)."
        ),
    ];
    for text in &expected {
        assert!(
            page.body.contains(text.as_str()),
            "the page lacks {text}: {}",
            page.body
        );
    }
    assert!(page.body.contains("Sidst rettet af Mette Sekretariat"));
    assert!(!page.body.contains("Et område, rapporten ikke har."));
    assert!(!page.body.contains("En indledning sendt to gange."));
    assert!(
        report
            .contributors
            .contains(&format!("I {this} leverede 2 borgerjournalister 3 bidrag")),
        "{}",
        report.contributors
    );
    assert!(page.body.contains(&report.contributors));
    // The measures' table: this year, last year and the target.
    let row = |name: &str, now: &str, before: &str, target: &str| {
        format!(
            r#"<th scope="row">{name}</th><td class="number">{now}</td><td class="number">{before}</td><td class="number">{target}</td>"#
        )
    };
    assert!(
        page.body.contains(&row(
            "unge der henvendte sig",
            "23 personer",
            "16 personer",
            "20 personer"
        )),
        "{}",
        page.body
    );
    assert!(page
        .body
        .contains(&row("unge i fritidsjob", "19 personer", "–", "–")));
    // The chart is the page's own SVG, with both years' participants of the job club.
    assert!(page
        .body
        .contains("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(page.body.contains(">36</text>") && page.body.contains(">16</text>"));

    // The second quarter alone: the homework café's date and the measures' second quarter.
    let quarter = staff
        .get(&format!("/personale/rapport?aar={year}&kvartal=2"))
        .await;
    assert!(quarter
        .body
        .contains(&format!("Kvartalsrapport for 2. kvartal {this}")));
    assert!(quarter.body.contains(&row(
        "unge der henvendte sig",
        "6 personer",
        "4 personer",
        "20 personer"
    )));
    assert!(!quarter.body.contains("Jobklub afholdt"));
    // The texts are the year's: the quarter's report has none yet.
    assert!(!quarter.body.contains("Et år med mange nye naboer."));

    // The Word document, read back by python-docx.
    let path = format!("/personale/rapport.docx?{query}");
    let document: Option<ReadDocument> = read_with_python_as(
        &staff,
        &path,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "read_docx.py",
    )
    .await;
    let Some(document) = document else {
        return;
    };
    // The paragraphs and the tables' cells: the share stands in the measures' table.
    let text = document
        .paragraphs
        .iter()
        .chain(&document.cells)
        .cloned()
        .collect::<Vec<_>>()
        .join("\n");
    for expected in &expected {
        assert!(
            text.contains(expected.as_str()),
            "the document lacks {expected}: {text}"
        );
    }
    assert!(text.contains(&report.contributors));
    assert!(document
        .headings
        .contains(&("Title".to_owned(), format!("Årsrapport {this}"))));
    assert!(document
        .headings
        .contains(&("Heading 1".to_owned(), "Beskæftigelse".to_owned())));
    assert!(
        document.new_pages.contains(&"Beskæftigelse".to_owned()),
        "{:?}",
        document.new_pages
    );
    for cell in [
        "unge der henvendte sig",
        "23 personer",
        "16 personer",
        "20 personer",
        "19 personer",
        "83 % af unge der henvendte sig",
    ] {
        assert!(
            document.cells.iter().any(|found| found == cell),
            "{cell}: {:?}",
            document.cells
        );
    }
    assert_eq!(document.pictures, 1, "the area's chart");
}
