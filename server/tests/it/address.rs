//! Numbers and dates in addresses on both backends: every month, week, date, page number, id,
//! year and quarter an address names is read into a bounded type, so far-past, far-future,
//! overflowing and garbage values get the Danish 404 page (never a hang, a 408, a 500 or a
//! panic), while the edges of the window (five years either side of today) still work.

use app::{accounts::Role, clock, db::Backend};
use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};

use crate::{
    fixtures::{account, activity, article, date, focus_area, time},
    helpers::{Answer, TestApp, Visitor},
    on_both_backends,
};

on_both_backends!(
    calendar_periods_outside_the_window_get_the_danish_404_page,
    occurrence_addresses_outside_the_window_get_the_danish_404_page,
    staff_date_pages_and_figures_refuse_what_is_out_of_range,
    news_pages_refuse_page_numbers_out_of_range,
);

/// Asserts that `answer` is the Danish "not found" page inside the site's shell.
fn assert_not_found(what: &str, answer: &Answer) {
    assert_eq!(answer.status, 404, "{what}: {}", answer.body);
    assert!(
        answer.body.contains("Siden findes ikke") && answer.body.contains("<nav"),
        "{what} shows the Danish 404 page in the shell: {}",
        answer.body
    );
}

async fn assert_all_not_found(visitor: &Visitor, paths: &[String]) {
    for path in paths {
        assert_not_found(path, &visitor.get(path).await);
    }
}

/// The first and last day an address may name: five years either side of today.
fn window() -> (NaiveDate, NaiveDate) {
    let today = clock::today();
    (
        today.checked_sub_months(Months::new(60)).unwrap(),
        today.checked_add_months(Months::new(60)).unwrap(),
    )
}

/// The latest Tuesday on or before `day`.
fn tuesday_before(day: NaiveDate) -> NaiveDate {
    let back = (7 + day.weekday().num_days_from_monday() - Weekday::Tue.num_days_from_monday()) % 7;
    day - Duration::days(i64::from(back))
}

fn month(day: NaiveDate) -> String {
    format!("{}-{:02}", day.year(), day.month())
}

fn week(day: NaiveDate) -> String {
    format!("{}-W{:02}", day.iso_week().year(), day.iso_week().week())
}

/// Garbage, overflowing and far values for a month, a week and a date.
const BAD_MONTHS: [&str; 10] = [
    "9999-12",
    "0001-01",
    "262143-12",
    "-262144-01",
    "99999999999999999999-01",
    "2026-13",
    "2026-00",
    "2026-1x",
    "december",
    "2026-12-01",
];
const BAD_WEEKS: [&str; 9] = [
    "262143-W01",
    "262143-W52",
    "-262144-W01",
    "9999-W52",
    "2026-W00",
    "2026-W54",
    "2026-W99999999999",
    "uge",
    "2026",
];
const BAD_DATES: [&str; 9] = [
    "9999-12-28",
    "0001-01-02",
    "262143-12-31",
    "-262144-01-01",
    "+2026-12-01",
    "2026-02-30",
    "2026-12-1",
    "i-morgen",
    "99999999999999999999-01-01",
];

async fn calendar_periods_outside_the_window_get_the_danish_404_page(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    // Every Tuesday since 2000, with no end: the kind of rule that made far periods expensive.
    let tuesdays = activity("Lektiecafé")
        .starts_on(date(2000, 1, 4))
        .time(time(15, 0), time(17, 0))
        .rule("FREQ=WEEKLY;BYDAY=TU")
        .create(app.db())
        .await;
    let resident = app.visitor();
    let (first, last) = window();

    // The months and weeks that hold the window's first and last day are shown whole.
    for period in [
        format!("maaned={}", month(first)),
        format!("maaned={}", month(last)),
        format!("uge={}", week(first)),
        format!("uge={}", week(last)),
    ] {
        let page = resident.get(&format!("/kalender?{period}")).await;
        assert_eq!(page.status, 200, "{period}: {}", page.body);
        assert!(
            page.body
                .contains(&format!(r#"href="/aktiviteter/{}/"#, tuesdays.slug)),
            "{period} shows the Tuesdays"
        );
    }
    // The edge's pager offers no step out of the window.
    let edge = resident
        .get(&format!("/kalender?maaned={}", month(last)))
        .await
        .body;
    assert!(!edge.contains(r#"rel="next""#), "{edge}");
    assert!(edge.contains(r#"rel="prev""#), "{edge}");

    // One month or week beyond either end, far away, overflowing or garbage: the 404 page.
    let beyond_month = |day: NaiveDate, months: i32| {
        let moved = if months > 0 {
            day.checked_add_months(Months::new(1))
        } else {
            day.checked_sub_months(Months::new(1))
        };
        month(moved.unwrap())
    };
    let mut paths: Vec<String> = vec![
        format!("/kalender?maaned={}", beyond_month(first, -1)),
        format!("/kalender?maaned={}", beyond_month(last, 1)),
        format!("/kalender?uge={}", week(first - Duration::days(7))),
        format!("/kalender?uge={}", week(last + Duration::days(7))),
        // The filters do not rescue a bad period.
        "/kalender?maaned=9999-12&omraade=x&sted=y".to_owned(),
    ];
    paths.extend(
        BAD_MONTHS
            .iter()
            .map(|bad| format!("/kalender?maaned={bad}")),
    );
    paths.extend(BAD_WEEKS.iter().map(|bad| format!("/kalender?uge={bad}")));
    assert_all_not_found(&resident, &paths).await;

    // The views still work after all that.
    assert_eq!(resident.get("/kalender").await.status, 200);
    assert_eq!(resident.get("/").await.status, 200);
}

async fn occurrence_addresses_outside_the_window_get_the_danish_404_page(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let tuesdays = activity("Fællesspisning")
        .starts_on(date(2000, 1, 4))
        .time(time(17, 30), time(19, 30))
        .rule("FREQ=WEEKLY;BYDAY=TU")
        .signups_required(40)
        .create(app.db())
        .await;
    let slug = &tuesdays.slug;
    let resident = app.visitor();
    let (first, last) = window();
    let last_tuesday = tuesday_before(last);
    let first_tuesday = tuesday_before(first + Duration::days(6));

    // The Tuesdays at the window's edges are pages and feeds.
    for day in [first_tuesday, last_tuesday] {
        let page = resident.get(&format!("/aktiviteter/{slug}/{day}")).await;
        assert_eq!(page.status, 200, "{day}: {}", page.body);
        let feed = resident
            .get(&format!("/aktiviteter/{slug}.ics?dato={day}"))
            .await;
        assert_eq!(feed.status, 200, "{day}");
        assert!(feed.body.contains("BEGIN:VEVENT"), "{}", feed.body);
    }

    // The Tuesdays just outside, far away, overflowing or garbage: the 404 page, for the
    // page, the single date's feed, and a sign-up posted to it.
    let mut dates: Vec<String> = vec![
        (first_tuesday - Duration::days(7)).to_string(),
        (last_tuesday + Duration::days(7)).to_string(),
    ];
    dates.extend(BAD_DATES.iter().map(|bad| bad.to_string()));
    let mut paths = Vec::new();
    for day in &dates {
        paths.push(format!("/aktiviteter/{slug}/{day}"));
        paths.push(format!("/aktiviteter/{slug}.ics?dato={day}"));
    }
    assert_all_not_found(&resident, &paths).await;
    let party = [("navn", "Amina"), ("voksne", "1"), ("boern", "0")];
    for day in &dates {
        let path = format!("/aktiviteter/{slug}/{day}");
        assert_not_found(&path, &resident.post_form(&path, &party).await);
    }
}

async fn staff_date_pages_and_figures_refuse_what_is_out_of_range(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    let tuesdays = activity("Strikkeklub")
        .starts_on(date(2000, 1, 4))
        .time(time(10, 0), time(12, 0))
        .rule("FREQ=WEEKLY;BYDAY=TU")
        .signups_required(12)
        .create(db)
        .await;
    let id = tuesdays.id;
    let staff = account(Role::Staff).create(db).await;
    let staff = app.logged_in_as(&staff).await;
    let (_, last) = window();
    let last_tuesday = tuesday_before(last);

    // The edge is a page; beyond it, and every bad date or id, is the 404 page.
    let edge = format!("/personale/aktiviteter/{id}/{last_tuesday}");
    assert_eq!(staff.get(&edge).await.status, 200);
    assert_eq!(staff.get(&format!("{edge}/udskriv")).await.status, 200);
    let mut dates: Vec<String> = vec![(last_tuesday + Duration::days(7)).to_string()];
    dates.extend(BAD_DATES.iter().map(|bad| bad.to_string()));
    let mut paths = Vec::new();
    for day in &dates {
        paths.push(format!("/personale/aktiviteter/{id}/{day}"));
        paths.push(format!("/personale/aktiviteter/{id}/{day}/udskriv"));
        paths.push(format!("/personale/aktiviteter/{id}/{day}/fremmoede"));
    }
    for bad_id in [
        "0",
        "-1",
        "9223372036854775808",
        "99999999999999999999",
        "en",
    ] {
        paths.push(format!("/personale/aktiviteter/{bad_id}/{last_tuesday}"));
    }
    assert_all_not_found(&staff, &paths).await;
    let attendance = [("held", "ja"), ("walk_in_adults", "1")];
    for day in &dates {
        let path = format!("/personale/aktiviteter/{id}/{day}/fremmoede");
        assert_not_found(&path, &staff.post_form(&path, &attendance).await);
    }
    for bad_id in ["0", "-1", "9223372036854775808"] {
        let path = format!("/personale/aktiviteter/{bad_id}/undtagelser");
        let exception = [("on_date", "2026-12-01"), ("kind", "cancelled")];
        assert_not_found(&path, &staff.post_form(&path, &exception).await);
        let path = format!("/personale/aktiviteter/{id}/undtagelser/{bad_id}/slet");
        assert_not_found(&path, &staff.post_form(&path, &[]).await);
        let path = format!("/personale/aktiviteter/{bad_id}");
        assert_not_found(
            &path,
            &staff.post_form(&path, &[("activity_name", "x")]).await,
        );
    }
    // An editor's address with an id that names nothing is the 404 page, never a blank form
    // for a new row.
    let mut editors = Vec::new();
    for bad_id in ["0", "-1", "en", "9223372036854775808"] {
        for editor in ["aktiviteter", "artikler", "udgaver"] {
            editors.push(format!("/personale/{editor}/{bad_id}"));
        }
        editors.push(format!("/personale/artikler/{bad_id}/slet"));
    }
    assert_all_not_found(&staff, &editors).await;

    // The figures: a year, quarter or date out of range gets a message by its field on the
    // page (never a database error), and names no CSV file.
    for query in [
        "aar=99999",
        "aar=9223372036854775807",
        "aar=2026&kvartal=4294967297",
        "fra=262143-01-01&til=262143-12-31",
        "fra=-262144-01-01&til=-262144-12-31",
        "fra=1900-01-01&til=1900-12-31",
    ] {
        let page = staff.get(&format!("/personale/tal?{query}")).await;
        assert_eq!(page.status, 200, "{query}: {}", page.body);
        assert!(
            page.body.contains(r#"class="field__error""#),
            "{query}: {}",
            page.body
        );
        let csv = staff.get(&format!("/personale/tal.csv?{query}")).await;
        assert_not_found(&format!("tal.csv?{query}"), &csv);
    }
    let csv = staff.get("/personale/tal.csv?aar=2026&aar=2027").await;
    assert_not_found("a repeated year", &csv);
    assert_eq!(staff.get("/personale/tal.csv?aar=2026").await.status, 200);
}

async fn news_pages_refuse_page_numbers_out_of_range(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    let area = focus_area(db, "Sundhed").await;
    for n in 0..12 {
        article(&format!("Nyhed nummer {n}"))
            .tagged(&area)
            .create(db)
            .await;
    }
    let resident = app.visitor();
    for path in ["/nyheder", "/nyheder?side=1", "/nyheder?side=2"] {
        let page = resident.get(path).await;
        assert_eq!(page.status, 200, "{path}");
        assert!(page.body.contains("Nyhed nummer"), "{path}");
    }
    let topic = format!("/nyheder/emne/{}", area.slug);
    assert_eq!(resident.get(&format!("{topic}?side=2")).await.status, 200);
    let mut paths = Vec::new();
    for side in [
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775808",
        "10001",
        "0",
        "-1",
        "2.5",
        "to",
        "",
    ] {
        paths.push(format!("/nyheder?side={side}"));
        paths.push(format!("{topic}?side={side}"));
    }
    assert_all_not_found(&resident, &paths).await;
}
