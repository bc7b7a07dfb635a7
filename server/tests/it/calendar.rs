//! The calendar over HTTP on both backends: views, activity and occurrence pages, exceptions,
//! daylight-saving time, and the iCalendar feeds read back with Python's `icalendar`.

use app::calendar::{queries::NewActivity, ExceptionKind, SignupMode};
use chrono::{Datelike, NaiveDate, NaiveTime, Utc};

use crate::{helpers::TestApp, on_both_backends};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

/// A weekly activity on `rule` from `starts_on`, 9:30–11:00, with no venue.
fn weekly(slug: &str, name: &str, starts_on: NaiveDate, rule: &str) -> NewActivity {
    NewActivity {
        slug: slug.into(),
        name: name.into(),
        description: "Prøve".into(),
        focus_area_id: None,
        venue_id: None,
        starts_on,
        start_time: time(9, 30),
        end_time: time(11, 0),
        rule: rule.into(),
        capacity: None,
        signup_mode: SignupMode::None,
        price_note: String::new(),
        accessibility_note: String::new(),
        contact: String::new(),
    }
}

#[derive(serde::Deserialize, Debug)]
struct ParsedCalendar {
    events: Vec<ParsedEvent>,
    timezones: Vec<String>,
}

#[derive(serde::Deserialize, Debug)]
struct ParsedEvent {
    uid: String,
    status: String,
    start_local: String,
    end_local: String,
    tzid: String,
    utc_offset_hours: f64,
}

/// Fetches an iCalendar document and reads it with Python's `icalendar`.
async fn read_ics(app: &TestApp, path: &str) -> Option<ParsedCalendar> {
    crate::helpers::read_with_python(app, path, "text/calendar; charset=utf-8", "read_ics.py").await
}

on_both_backends! {
    async fn a_weekly_930_activity_stays_at_930_across_both_dst_changes(backend: Backend) {
        let app = TestApp::spawn(backend).await;
        let db = &app.state.db;
        db.create_activity(None, &weekly("morgenkaffe", "Morgenkaffe", date(2026, 3, 3), "FREQ=WEEKLY;BYDAY=TU"), Utc::now())
            .await
            .unwrap();

        // In the page: 9.30 on the Tuesdays before and after 29 March and 25 October 2026.
        for (month, days) in [("2026-03", ["2026-03-24", "2026-03-31"]), ("2026-10", ["2026-10-20", "2026-10-27"])] {
            let (status, body) = app.get(&format!("/kalender?maaned={month}")).await;
            assert_eq!(status, 200);
            for day in days {
                let link = format!(r#"href="/aktiviteter/morgenkaffe/{day}""#);
                let at = body.find(&link).unwrap_or_else(|| panic!("{day} in {month}: {body}"));
                let line_start = body[..at].rfind("occurrence__time").unwrap();
                assert!(body[line_start..at].contains("9.30–11.00"), "{day}: {}", &body[line_start..at]);
            }
        }
        let (_, page) = app.get("/aktiviteter/morgenkaffe/2026-03-31").await;
        assert!(page.contains("tirsdag 31. marts 2026, 9.30–11.00"), "{page}");

        // In the feed, read by a standard iCalendar library: 9:30 local, UTC+1 then UTC+2.
        let Some(calendar) = read_ics(&app, "/aktiviteter/morgenkaffe.ics").await else {
            return app.stop().await;
        };
        assert_eq!(calendar.timezones, ["Europe/Copenhagen"]);
        assert!(!calendar.events.is_empty());
        // The feed covers a window around today; check every date in it.
        for event in &calendar.events {
            assert!(event.start_local.ends_with("09:30"), "{event:?}");
            assert!(event.end_local.ends_with("11:00"), "{event:?}");
            assert_eq!(event.tzid, "Europe/Copenhagen");
            let day = NaiveDate::parse_from_str(&event.start_local[..10], "%Y-%m-%d").unwrap();
            // Summer time in Denmark, from the published dates (last Sundays of March and October).
            let summer = [(date(2026, 3, 29), date(2026, 10, 25)), (date(2027, 3, 28), date(2027, 10, 31))]
                .iter()
                .any(|(from, to)| (*from..*to).contains(&day));
            assert!(day.year() <= 2027, "extend the table of summer-time dates: {day}");
            let expected = if summer { 2.0 } else { 1.0 };
            assert_eq!(event.utc_offset_hours, expected, "{event:?}");
        }

        // The single dates on both sides of the spring change, as "add to my calendar" gives them.
        for (day, offset) in [("2026-03-24", 1.0), ("2026-03-31", 2.0), ("2026-10-20", 2.0), ("2026-10-27", 1.0)] {
            let calendar = read_ics(&app, &format!("/aktiviteter/morgenkaffe.ics?dato={day}")).await.unwrap();
            assert_eq!(calendar.events.len(), 1, "{day}");
            let event = &calendar.events[0];
            assert_eq!(event.start_local, format!("{day} 09:30"));
            assert_eq!(event.utc_offset_hours, offset, "{day}");
            assert_eq!(event.uid.split('@').next().unwrap(), format!("morgenkaffe-{day}"));
        }
        app.stop().await;
    }
}

on_both_backends! {
    async fn cancelled_and_moved_dates_show_in_pages_and_feeds(backend: Backend) {
        let app = TestApp::spawn(backend).await;
        let db = &app.state.db;
        let today = app::calendar::api::today();
        // A weekly activity on today's weekday, starting today, so its dates fall in the feed.
        let rule = format!("FREQ=WEEKLY;BYDAY={}", &today.format("%a").to_string().to_uppercase()[..2]);
        let id = db.create_activity(None, &weekly("syklub", "Syklub", today, &rule), Utc::now()).await.unwrap();
        let cancelled = today + chrono::Duration::days(7);
        let moved = today + chrono::Duration::days(14);
        let moved_to = moved + chrono::Duration::days(1);
        db.set_exception(None, id, cancelled, &ExceptionKind::Cancelled, "Lederen er syg", Utc::now()).await.unwrap();
        let kind = ExceptionKind::Moved { to: moved_to, start: time(13, 0), end: time(14, 30) };
        db.set_exception(None, id, moved, &kind, "Lokalet er optaget", Utc::now()).await.unwrap();

        let (status, page) = app.get(&format!("/aktiviteter/syklub/{cancelled}")).await;
        assert_eq!(status, 200);
        assert!(page.contains("Denne dag er aflyst.") && page.contains("Lederen er syg"), "{page}");
        assert!(!page.contains("Tilføj til min kalender"), "a cancelled date is not offered");

        let (status, page) = app.get(&format!("/aktiviteter/syklub/{moved}")).await;
        assert_eq!(status, 200);
        assert!(page.contains("Denne dag er flyttet."), "{page}");
        assert!(page.contains("13.00–14.30"), "{page}");
        // The staff's pages and sign-ups find it by the activity's id and the scheduled date.
        let (_, found) = db.occurrence_of(id, moved).await.unwrap().expect("the moved date");
        assert_eq!((found.key.date, found.starts.date()), (moved, moved_to));
        assert!(db.occurrence_of(id, today + chrono::Duration::days(3)).await.unwrap().is_none());
        assert!(db.occurrence_of(id + 1000, today).await.unwrap().is_none());

        // The list view shows both: the cancelled date as cancelled, the moved one on its new day.
        let (_, list) = app.get("/kalender").await;
        assert!(list.contains(&format!(r#"href="/aktiviteter/syklub/{cancelled}""#)));
        assert!(list.contains("Aflyst"));
        assert!(list.contains("Flyttet fra"));

        // A date the rule does not have is not a page.
        let (status, _) = app.get(&format!("/aktiviteter/syklub/{}", today + chrono::Duration::days(3))).await;
        assert_eq!(status, 404);
        let (status, _) = app.get("/aktiviteter/findes-ikke").await;
        assert_eq!(status, 404);
        let (status, _) = app.get("/aktiviteter/findes-ikke.ics").await;
        assert_eq!(status, 404);

        let Some(calendar) = read_ics(&app, "/kalender.ics").await else {
            return app.stop().await;
        };
        let find = |day: NaiveDate| {
            calendar.events.iter().find(|event| event.uid.starts_with(&format!("syklub-{day}@"))).unwrap_or_else(|| panic!("{day}"))
        };
        assert_eq!(find(cancelled).status, "CANCELLED");
        assert_eq!(find(moved).start_local, format!("{moved_to} 13:00"));
        assert_eq!(find(moved).status, "CONFIRMED");
        assert_eq!(find(today).start_local, format!("{today} 09:30"));
        app.stop().await;
    }
}

on_both_backends! {
    async fn the_demo_calendar_has_month_week_and_list_views(backend: Backend) {
        let app = TestApp::spawn(backend).await;
        let (status, month) = app.get("/kalender?maaned=2026-12").await;
        assert_eq!(status, 200);
        assert!(month.contains("december 2026"));
        assert!(month.contains(r#"href="/aktiviteter/babycafe/2026-12-01""#));
        assert!(month.contains(r#"href="/aktiviteter/nabofest/2026-12-12""#));
        assert!(month.contains(r#"href="/kalender?maaned=2027-01""#), "a link to the next month");

        let (status, week) = app.get("/kalender?uge=2026-W52").await;
        assert_eq!(status, 200);
        assert!(week.contains("Uge 52, 2026"));
        assert!(week.contains(r#"href="/aktiviteter/jobklub/2026-12-24""#), "moved to the 23rd, same identity");
        assert!(week.contains("onsdag 23. december 2026"));

        let (status, filtered) = app.get("/kalender?maaned=2026-12&sted=bysekretariatet").await;
        assert_eq!(status, 200);
        assert!(filtered.contains("Jobklub") && !filtered.contains("Babycafé"), "only the venue's activities");
        assert!(filtered.contains(r#"value="bysekretariatet" selected"#), "the filter is shown as chosen");

        let (status, activity) = app.get("/aktiviteter/faellesspisning-parkcafeen").await;
        assert_eq!(status, 200);
        assert!(activity.contains("Den sidste torsdag i måneden, 17.30–19.30"), "{activity}");
        assert!(activity.contains("20 kr. for voksne"));
        assert!(activity.contains(r#"href="/aktiviteter/faellesspisning-parkcafeen.ics""#));

        let (status, home) = app.get("/").await;
        assert_eq!(status, 200);
        assert!(home.contains("Denne uge"));
        app.stop().await;
    }
}

#[tokio::test]
async fn a_month_with_200_occurrences_renders_every_one() {
    let app = TestApp::spawn(app::db::Backend::Sqlite).await;
    let db = &app.state.db;
    // Demo content plus seven daily activities: far more than 200 occurrences in January 2027.
    for n in 0..7 {
        let slug = format!("dagligt-{n}");
        db.create_activity(
            None,
            &weekly(
                &slug,
                &format!("Dagligt {n}"),
                date(2027, 1, 1),
                "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU",
            ),
            Utc::now(),
        )
        .await
        .unwrap();
    }
    let expected = db
        .occurrences_between(date(2027, 1, 1), date(2027, 1, 31), &Default::default())
        .await
        .unwrap();
    assert!(expected.len() >= 200, "{}", expected.len());
    let (status, page) = app.get("/kalender?maaned=2027-01").await;
    assert_eq!(status, 200);
    for occurrence in &expected {
        assert!(
            page.contains(&format!("href=\"{}\"", occurrence.key.path())),
            "{:?}",
            occurrence.key
        );
    }
    assert_eq!(
        page.matches("<li class=\"occurrence").count(),
        expected.len()
    );
    app.stop().await;
}

on_both_backends! {
    async fn staff_plan_a_recurring_activity_with_an_exception_through_the_forms(backend: Backend) {
        let app = TestApp::spawn(backend).await;
        let (email, password) = app::demo::ACCOUNTS.iter().find(|a| a.2 == app::accounts::Role::Staff).map(|a| (a.0, a.3)).unwrap();
        let staff = app.log_in(email, password).await;

        let (status, _) = app.get("/personale/aktiviteter/ny").await;
        assert_eq!(status, 303, "logged out: sent to log in");
        let page = app.get_as("/personale/aktiviteter/ny", Some(&staff)).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Ny aktivitet"));

        // Mistakes come back next to their fields, with everything typed kept.
        let mut form = vec![
            ("name", "Strikkeklub for alle"),
            ("slug", ""),
            ("description", "Vi strikker og drikker kaffe."),
            ("starts_on", "2027-01-05"),
            ("start_time", "18.00"),
            ("end_time", "17.00"),
            ("repeat", "weekly"),
            ("interval", "2"),
            ("ends", "count"),
            ("count", "10"),
            ("signup_mode", "none"),
        ];
        let answer = app.post_form("/personale/aktiviteter/ny", &form, Some(&staff)).await;
        assert_eq!(answer.status, 422);
        assert!(answer.body.contains("Sluttidspunktet skal ligge efter starttidspunktet."), "{}", answer.body);
        assert!(answer.body.contains("Vælg mindst én ugedag."));
        assert!(answer.body.contains(r#"value="Strikkeklub for alle""#));
        assert!(answer.body.contains("Vi strikker og drikker kaffe."));

        form[5] = ("end_time", "20.00");
        form.push(("dag_TU", "on"));
        let answer = app.post_form("/personale/aktiviteter/ny", &form, Some(&staff)).await;
        assert_eq!(answer.status, 303, "{}", answer.body);
        let location = answer.location.unwrap();
        assert!(location.ends_with("?besked=oprettet"), "{location}");
        let edit = location.split('?').next().unwrap().to_owned();

        let activity = app.state.db.activity_by_slug("strikkeklub-for-alle").await.unwrap().unwrap();
        assert_eq!(activity.rule, "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=10");
        let page = app.get_as(&location, Some(&staff)).await;
        assert!(page.body.contains("Aktiviteten er oprettet."), "{}", page.body);
        assert!(page.body.contains(r#"value="18:00""#), "the form shows the stored time");

        // Changing it keeps its identity and rule.
        let mut changed = form.clone();
        changed[0] = ("name", "Strikkeklub for alle, også begyndere");
        changed[1] = ("slug", "strikkeklub-for-alle");
        let answer = app.post_form(&edit, &changed, Some(&staff)).await;
        assert_eq!(answer.status, 303, "{}", answer.body);
        assert!(answer.location.unwrap().ends_with("?besked=gemt"));
        let updated = app.state.db.activity_by_slug("strikkeklub-for-alle").await.unwrap().unwrap();
        assert_eq!((updated.id, updated.name.as_str()), (activity.id, "Strikkeklub for alle, også begyndere"));
        assert_eq!(updated.rule, activity.rule);

        // Cancel one date: only a date the rule has.
        let exceptions = format!("{edit}/undtagelser");
        let answer = app.post_form(&exceptions, &[("on_date", "2027-01-12"), ("kind", "cancelled")], Some(&staff)).await;
        assert_eq!(answer.status, 422);
        assert!(answer.body.contains("Aktiviteten er ikke på den dato."));
        let answer = app
            .post_form(&exceptions, &[("on_date", "2027-01-19"), ("kind", "cancelled"), ("reason", "Lokalet er lukket")], Some(&staff))
            .await;
        assert_eq!(answer.status, 303, "{}", answer.body);

        let (_, month) = app.get("/kalender?maaned=2027-01").await;
        assert!(month.contains(r#"href="/aktiviteter/strikkeklub-for-alle/2027-01-05""#));
        assert!(month.contains(r#"href="/aktiviteter/strikkeklub-for-alle/2027-01-19""#));
        let (_, cancelled) = app.get("/aktiviteter/strikkeklub-for-alle/2027-01-19").await;
        assert!(cancelled.contains("Lokalet er lukket"));

        // Journalists cannot plan the calendar, not even by posting directly.
        let (email, password) = app::demo::ACCOUNTS.iter().find(|a| a.2 == app::accounts::Role::Journalist).map(|a| (a.0, a.3)).unwrap();
        let journalist = app.log_in(email, password).await;
        let answer = app.post_form("/personale/aktiviteter/ny", &form, Some(&journalist)).await;
        assert_eq!(answer.status, 403);
        let answer = app.post_form("/personale/api/aktiviteter", &[], Some(&journalist)).await;
        assert_eq!(answer.status, 403);
        app.stop().await;
    }
}
