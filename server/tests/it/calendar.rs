//! The calendar over HTTP on both backends: views, activity and occurrence pages, exceptions,
//! daylight-saving time, and the iCalendar feeds read back with Python's `icalendar`.

use app::{
    accounts::Role,
    calendar::{ExceptionKind, SignupMode},
    db::Backend,
};
use chrono::{Datelike, NaiveDate, Utc};

use crate::{
    fixtures::{account, activity, date, time, venue, ActivityBuilder},
    helpers::TestApp,
    on_both_backends,
};

/// A weekly activity on `rule` from `starts_on`, 9:30–11:00, with no venue.
fn weekly(name: &str, starts_on: NaiveDate, rule: &str) -> ActivityBuilder {
    activity(name)
        .description("Prøve")
        .starts_on(starts_on)
        .time(time(9, 30), time(11, 0))
        .rule(rule)
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

async fn a_weekly_930_activity_stays_at_930_across_both_dst_changes(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let coffee = weekly("Morgenkaffe", date(2026, 3, 3), "FREQ=WEEKLY;BYDAY=TU")
        .create(app.db())
        .await;
    let resident = app.visitor();

    // In the page: 9.30 on the Tuesdays before and after 29 March and 25 October 2026.
    for (month, days) in [
        ("2026-03", ["2026-03-24", "2026-03-31"]),
        ("2026-10", ["2026-10-20", "2026-10-27"]),
    ] {
        let page = resident.get(&format!("/kalender?maaned={month}")).await;
        assert_eq!(page.status, 200);
        let body = page.body;
        for day in days {
            let link = format!(r#"href="/aktiviteter/{}/{day}""#, coffee.slug);
            let at = body
                .find(&link)
                .unwrap_or_else(|| panic!("{day} in {month}: {body}"));
            let line_start = body[..at].rfind("occurrence__time").unwrap();
            let line = &body[line_start..at];
            assert!(line.contains("9.30–11.00"), "{day}: {line}");
        }
    }
    let page = resident
        .get("/aktiviteter/morgenkaffe/2026-03-31")
        .await
        .body;
    assert!(
        page.contains("tirsdag 31. marts 2026, 9.30–11.00"),
        "{page}"
    );

    // In the feed, read by a standard iCalendar library: 9:30 local, UTC+1 then UTC+2.
    let Some(calendar) = read_ics(&app, "/aktiviteter/morgenkaffe.ics").await else {
        return;
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
        let summer = [
            (date(2026, 3, 29), date(2026, 10, 25)),
            (date(2027, 3, 28), date(2027, 10, 31)),
        ]
        .iter()
        .any(|(from, to)| (*from..*to).contains(&day));
        assert!(
            day.year() <= 2027,
            "extend the table of summer-time dates: {day}"
        );
        let expected = if summer { 2.0 } else { 1.0 };
        assert_eq!(event.utc_offset_hours, expected, "{event:?}");
    }

    // The single dates on both sides of the spring change, as "add to my calendar" gives them.
    for (day, offset) in [
        ("2026-03-24", 1.0),
        ("2026-03-31", 2.0),
        ("2026-10-20", 2.0),
        ("2026-10-27", 1.0),
    ] {
        let path = format!("/aktiviteter/morgenkaffe.ics?dato={day}");
        let calendar = read_ics(&app, &path).await.unwrap();
        assert_eq!(calendar.events.len(), 1, "{day}");
        let event = &calendar.events[0];
        assert_eq!(event.start_local, format!("{day} 09:30"));
        assert_eq!(event.utc_offset_hours, offset, "{day}");
        assert_eq!(
            event.uid.split('@').next().unwrap(),
            format!("morgenkaffe-{day}")
        );
    }
}

on_both_backends!(a_weekly_930_activity_stays_at_930_across_both_dst_changes);

async fn cancelled_and_moved_dates_show_in_pages_and_feeds(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    let today = app::clock::today();
    // A weekly activity on today's weekday, starting today, so its dates fall in the feed.
    let weekday = today.format("%a").to_string().to_uppercase();
    let rule = format!("FREQ=WEEKLY;BYDAY={}", &weekday[..2]);
    let id = weekly("Syklub", today, &rule).create(db).await.id;
    let cancelled = today + chrono::Duration::days(7);
    let moved = today + chrono::Duration::days(14);
    let moved_to = moved + chrono::Duration::days(1);
    let reason = "Lederen er syg";
    db.calendar()
        .set_exception(
            None,
            id,
            cancelled,
            &ExceptionKind::Cancelled,
            reason,
            Utc::now(),
        )
        .await
        .unwrap();
    let kind = ExceptionKind::Moved {
        to: moved_to,
        start: time(13, 0),
        end: time(14, 30),
    };
    db.calendar()
        .set_exception(None, id, moved, &kind, "Lokalet er optaget", Utc::now())
        .await
        .unwrap();
    let resident = app.visitor();

    let page = resident
        .get(&format!("/aktiviteter/syklub/{cancelled}"))
        .await;
    assert_eq!(page.status, 200);
    let body = page.body;
    assert!(
        body.contains("Denne dag er aflyst.") && body.contains(reason),
        "{body}"
    );
    assert!(
        !body.contains("Tilføj til min kalender"),
        "a cancelled date is not offered"
    );

    let page = resident.get(&format!("/aktiviteter/syklub/{moved}")).await;
    assert_eq!(page.status, 200);
    let body = page.body;
    assert!(body.contains("Denne dag er flyttet."), "{body}");
    assert!(body.contains("13.00–14.30"), "{body}");
    // The staff's pages and sign-ups find it by the activity's id and the scheduled date.
    let (_, found) = db
        .calendar()
        .occurrence_by_activity(id, moved)
        .await
        .unwrap()
        .expect("the moved date");
    assert_eq!((found.key.date, found.starts.date()), (moved, moved_to));
    let not_a_date = today + chrono::Duration::days(3);
    assert!(db
        .calendar()
        .occurrence_by_activity(id, not_a_date)
        .await
        .unwrap()
        .is_none());
    assert!(db
        .calendar()
        .occurrence_by_activity(id + 1000, today)
        .await
        .unwrap()
        .is_none());

    // The list view shows both: the cancelled date as cancelled, the moved one on its new day.
    let list = resident.get("/kalender").await.body;
    assert!(list.contains(&format!(r#"href="/aktiviteter/syklub/{cancelled}""#)));
    assert!(list.contains("Aflyst"));
    assert!(list.contains("Flyttet fra"));

    // A date the rule does not have is not a page.
    let page = resident
        .get(&format!("/aktiviteter/syklub/{not_a_date}"))
        .await;
    assert_eq!(page.status, 404);
    assert_eq!(resident.get("/aktiviteter/findes-ikke").await.status, 404);
    assert_eq!(
        resident.get("/aktiviteter/findes-ikke.ics").await.status,
        404
    );

    let Some(calendar) = read_ics(&app, "/kalender.ics").await else {
        return;
    };
    let find = |day: NaiveDate| {
        let uid = format!("syklub-{day}@");
        let found = calendar
            .events
            .iter()
            .find(|event| event.uid.starts_with(&uid));
        found.unwrap_or_else(|| panic!("{day}"))
    };
    assert_eq!(find(cancelled).status, "CANCELLED");
    assert_eq!(find(moved).start_local, format!("{moved_to} 13:00"));
    assert_eq!(find(moved).status, "CONFIRMED");
    assert_eq!(find(today).start_local, format!("{today} 09:30"));
}

on_both_backends!(cancelled_and_moved_dates_show_in_pages_and_feeds);

async fn the_calendar_has_month_week_and_list_views(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    let cafe = venue(db, "Kaffestuen").await;
    let office = venue(db, "Beboerkontoret").await;
    let playgroup = weekly("Legestue", date(2026, 11, 3), "FREQ=WEEKLY;BYDAY=TU")
        .venue(&cafe)
        .create(db)
        .await;
    let party = activity("Julefest")
        .starts_on(date(2026, 12, 12))
        .time(time(14, 0), time(18, 0))
        .signup_mode(SignupMode::Optional)
        .capacity(Some(120))
        .venue(&cafe)
        .create(db)
        .await;
    let job_cafe = weekly("Jobcafé", date(2026, 11, 5), "FREQ=WEEKLY;BYDAY=TH")
        .venue(&office)
        .create(db)
        .await;
    let christmas_eve = ExceptionKind::Moved {
        to: date(2026, 12, 23),
        start: time(9, 30),
        end: time(11, 0),
    };
    let reason = "Flyttet på grund af juleaften";
    db.calendar()
        .set_exception(
            None,
            job_cafe.id,
            date(2026, 12, 24),
            &christmas_eve,
            reason,
            Utc::now(),
        )
        .await
        .unwrap();
    let dinner = activity("Fællesspisning")
        .starts_on(date(2026, 1, 29))
        .rule("FREQ=MONTHLY;BYDAY=-1TH")
        .signups_required(30)
        .price("25 kr. for voksne, gratis for børn")
        .venue(&cafe)
        .create(db)
        .await;
    let resident = app.visitor();

    let month = resident.get("/kalender?maaned=2026-12").await;
    assert_eq!(month.status, 200);
    let month = month.body;
    assert!(month.contains("december 2026"));
    let first_tuesday = format!(r#"href="/aktiviteter/{}/2026-12-01""#, playgroup.slug);
    assert!(month.contains(&first_tuesday), "{month}");
    assert!(month.contains(&format!(r#"href="/aktiviteter/{}/2026-12-12""#, party.slug)));
    assert!(
        month.contains(r#"href="/kalender?maaned=2027-01""#),
        "a link to the next month"
    );

    let week = resident.get("/kalender?uge=2026-W52").await;
    assert_eq!(week.status, 200);
    let week = week.body;
    assert!(week.contains("Uge 52, 2026"));
    let moved = format!(r#"href="/aktiviteter/{}/2026-12-24""#, job_cafe.slug);
    assert!(
        week.contains(&moved),
        "moved to the 23rd, same identity: {week}"
    );
    assert!(week.contains("onsdag 23. december 2026"));

    let filtered = resident
        .get(&format!("/kalender?maaned=2026-12&sted={}", office.slug))
        .await;
    assert_eq!(filtered.status, 200);
    let filtered = filtered.body;
    assert!(
        filtered.contains(&job_cafe.name) && !filtered.contains(&playgroup.name),
        "only the venue's activities"
    );
    let chosen = format!(r#"value="{}" selected"#, office.slug);
    assert!(filtered.contains(&chosen), "the filter is shown as chosen");

    let page = resident.get(&format!("/aktiviteter/{}", dinner.slug)).await;
    assert_eq!(page.status, 200);
    let page = page.body;
    assert!(
        page.contains("Den sidste torsdag i måneden, 17.30–19.30"),
        "{page}"
    );
    assert!(page.contains(&dinner.price_note));
    assert!(page.contains(&format!(r#"href="/aktiviteter/{}.ics""#, dinner.slug)));

    // The front page shows what happens in the coming days.
    let tomorrow = app::clock::today().succ_opt().unwrap();
    let soon = activity("Loppemarked").starts_on(tomorrow).create(db).await;
    let home = resident.get("/").await;
    assert_eq!(home.status, 200);
    assert!(home.body.contains("Denne uge"));
    let link = format!(r#"href="/aktiviteter/{}/{tomorrow}""#, soon.slug);
    assert!(home.body.contains(&link), "{}", home.body);
}

on_both_backends!(the_calendar_has_month_week_and_list_views);

#[tokio::test]
async fn a_month_with_200_occurrences_renders_every_one() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let db = app.db();
    // Seven daily activities: 217 occurrences in January 2027.
    for n in 0..7 {
        let daily = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU";
        weekly(&format!("Dagligt {n}"), date(2027, 1, 1), daily)
            .create(db)
            .await;
    }
    let expected = db
        .calendar()
        .occurrences_between(date(2027, 1, 1), date(2027, 1, 31), &Default::default())
        .await
        .unwrap();
    assert!(expected.len() >= 200, "{}", expected.len());
    let page = app.visitor().get("/kalender?maaned=2027-01").await;
    assert_eq!(page.status, 200);
    let page = page.body;
    for occurrence in &expected {
        let link = format!("href=\"{}\"", occurrence.key.path());
        assert!(page.contains(&link), "{:?}", occurrence.key);
    }
    assert_eq!(
        page.matches("<li class=\"occurrence").count(),
        expected.len()
    );
}

async fn staff_plan_a_recurring_activity_with_an_exception_through_the_forms(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let staff = account(Role::Staff).create(app.db()).await;
    let staff = app.logged_in_as(&staff).await;

    let page = app.visitor().get("/personale/aktiviteter/ny").await;
    assert_eq!(page.status, 303, "logged out: sent to log in");
    let page = staff.get("/personale/aktiviteter/ny").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Ny aktivitet"));

    // Mistakes come back next to their fields, with everything typed kept.
    let mut form = vec![
        ("activity_name", "Strikkeklub for alle"),
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
        ("max_party", "10"),
    ];
    let answer = staff.post_form("/personale/aktiviteter/ny", &form).await;
    assert_eq!(answer.status, 422);
    let body = answer.body;
    assert!(
        body.contains("Sluttidspunktet skal ligge efter starttidspunktet."),
        "{body}"
    );
    assert!(body.contains("Vælg mindst én ugedag."));
    assert!(body.contains(r#"value="Strikkeklub for alle""#));
    assert!(body.contains("Vi strikker og drikker kaffe."));

    form[5] = ("end_time", "20.00");
    form.push(("dag", "TU"));
    let answer = staff.post_form("/personale/aktiviteter/ny", &form).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    let location = answer.location.unwrap();
    assert!(location.ends_with("?besked=oprettet"), "{location}");
    let edit = location.split('?').next().unwrap().to_owned();

    let db = app.db();
    let activity = db
        .calendar()
        .activity_by_slug("strikkeklub-for-alle")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(activity.rule, "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=10");
    let page = staff.get(&location).await;
    assert!(
        page.body.contains("Aktiviteten er oprettet."),
        "{}",
        page.body
    );
    assert!(
        page.body.contains(r#"value="18:00""#),
        "the form shows the stored time"
    );

    // Changing it keeps its identity and rule.
    let mut changed = form.clone();
    changed[0] = ("activity_name", "Strikkeklub for alle, også begyndere");
    changed[1] = ("slug", "strikkeklub-for-alle");
    let answer = staff.post_form(&edit, &changed).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    assert!(answer.location.unwrap().ends_with("?besked=gemt"));
    let updated = db
        .calendar()
        .activity_by_slug("strikkeklub-for-alle")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (updated.id, updated.name.as_str()),
        (activity.id, "Strikkeklub for alle, også begyndere")
    );
    assert_eq!(updated.rule, activity.rule);

    // Cancel one date: only a date the rule has.
    let exceptions = format!("{edit}/undtagelser");
    let not_a_date = [("on_date", "2027-01-12"), ("kind", "cancelled")];
    let answer = staff.post_form(&exceptions, &not_a_date).await;
    assert_eq!(answer.status, 422);
    assert!(answer.body.contains("Aktiviteten er ikke på den dato."));
    let cancel = [
        ("on_date", "2027-01-19"),
        ("kind", "cancelled"),
        ("reason", "Lokalet er lukket"),
    ];
    let answer = staff.post_form(&exceptions, &cancel).await;
    assert_eq!(answer.status, 303, "{}", answer.body);

    let resident = app.visitor();
    let month = resident.get("/kalender?maaned=2027-01").await.body;
    assert!(month.contains(r#"href="/aktiviteter/strikkeklub-for-alle/2027-01-05""#));
    assert!(month.contains(r#"href="/aktiviteter/strikkeklub-for-alle/2027-01-19""#));
    let cancelled = resident
        .get("/aktiviteter/strikkeklub-for-alle/2027-01-19")
        .await;
    assert!(cancelled.body.contains("Lokalet er lukket"));

    // Journalists cannot plan the calendar, not even by posting directly.
    let journalist = account(Role::Journalist).create(db).await;
    let journalist = app.logged_in_as(&journalist).await;
    let answer = journalist
        .post_form("/personale/aktiviteter/ny", &form)
        .await;
    assert_eq!(answer.status, 403);
    let answer = journalist
        .post_form("/personale/api/aktiviteter", &[])
        .await;
    assert_eq!(answer.status, 403);
}

on_both_backends!(staff_plan_a_recurring_activity_with_an_exception_through_the_forms);

/// One loader per thing: a date that does not exist answers alike on its page, its server
/// function and the sign-up form posted to it (404), whether it is no date, lies outside the
/// window of dates an address may name, or is not one of the activity's; and so do the staff's
/// page of that date and its attendance form.
async fn a_date_that_does_not_exist_is_refused_alike_everywhere(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    let next_week = app::clock::today() + chrono::Duration::days(7);
    let dinner = activity("Torsdagsmiddag")
        .starts_on(next_week)
        .signups_required(20)
        .create(db)
        .await;
    let resident = app.visitor();
    let staff = account(Role::Staff).create(db).await;
    let staff = app.logged_in_as(&staff).await;
    let real = next_week.to_string();
    assert_eq!(
        resident
            .get(&format!("/aktiviteter/{}/{real}", dinner.slug))
            .await
            .status,
        200,
        "the real date is there"
    );
    let not_its_day = (next_week + chrono::Duration::days(1)).to_string();
    let too_far = (next_week + chrono::Duration::days(366 * 6)).to_string();
    for date in [
        not_its_day.as_str(),
        too_far.as_str(),
        "2026-13-01",
        "i-morgen",
    ] {
        let page = format!("/aktiviteter/{}/{date}", dinner.slug);
        assert_eq!(resident.get(&page).await.status, 404, "{date}");
        let api = resident
            .post_form("/api/forekomst", &[("slug", &dinner.slug), ("date", date)])
            .await;
        assert_eq!(
            (api.status, api.body.as_str()),
            (200, "\"NotFound\""),
            "{date}"
        );
        let form = [
            ("navn", "Amina"),
            ("voksne", "2"),
            ("contact", "amina@example.org"),
        ];
        assert_eq!(resident.post_form(&page, &form).await.status, 404, "{date}");

        let staff_page = format!("/personale/aktiviteter/{}/{date}", dinner.id);
        assert_eq!(staff.get(&staff_page).await.status, 404, "{date}");
        let attendance = staff
            .post_form(&format!("{staff_page}/fremmoede"), &[("held", "ja")])
            .await;
        assert_eq!(attendance.status, 404, "{date}");
    }
    let api = staff
        .post_form(
            "/personale/api/gang",
            &[("id", &dinner.id.to_string()), ("date", &too_far)],
        )
        .await;
    assert_eq!((api.status, api.body.as_str()), (200, "\"NotFound\""));
    // Neither a sign-up nor an attendance made a row for a date that is not there.
    for date in [&not_its_day, &too_far] {
        let date: NaiveDate = date.parse().unwrap();
        let row = db
            .attendance()
            .existing_occurrence_id(dinner.id, date)
            .await;
        assert_eq!(row.unwrap(), None, "{date}");
    }
}

on_both_backends!(a_date_that_does_not_exist_is_refused_alike_everywhere);
