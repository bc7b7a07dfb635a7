//! Upgrading, on both backends: a database made by an earlier schema (the migrations up to
//! the first portal with news, the calendar, sign-ups and attendance, before sign-up limits,
//! journalists' submissions, visitor counting and the page cache), with data written in that
//! schema's own shape, is brought up to date by the current server at start-up, and
//! everything in it is still there: the site, the activity with its sign-ups and attendance,
//! the article (also found by search), the staff account's password and a resident's private
//! link.

use app::{
    accounts::{password::Password, token::Token},
    db::{Backend, Db, Pool},
    db_run,
};
use chrono::{Duration, NaiveTime, Utc};
use sqlx::migrate::Migrator;

use crate::{
    helpers::{TestApp, TestDb},
    on_both_backends,
};

/// The last migration of the earlier schema.
const EARLIER_VERSION: i64 = 20261127000008;

/// Applies the migrations of `backend` up to [`EARLIER_VERSION`], read from the repository's
/// files as that version shipped them.
async fn migrate_to_earlier_schema(db: &Db, backend: Backend) {
    let folder = match backend {
        Backend::Sqlite => "sqlite",
        Backend::Postgres => "postgres",
    };
    let source = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../migrations")
        .join(folder);
    let earlier = tempfile::tempdir().unwrap();
    let mut copied = 0;
    for entry in std::fs::read_dir(&source).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        let version: i64 = name.split('_').next().unwrap().parse().unwrap();
        if version <= EARLIER_VERSION {
            std::fs::copy(&path, earlier.path().join(&name)).unwrap();
            copied += 1;
        }
    }
    assert_eq!(copied, 8, "the earlier schema's eight migrations");
    let migrator = Migrator::new(earlier.path()).await.unwrap();
    match db.pool() {
        Pool::Sqlite(pool) => migrator.run(pool).await.unwrap(),
        Pool::Postgres(pool) => migrator.run(pool).await.unwrap(),
    }
}

/// What the earlier portal held, written with that schema's columns.
struct Earlier {
    staff_email: &'static str,
    staff_password: &'static str,
    activity_path: String,
    signup_token: Token,
}

async fn fill_earlier_schema(db: &Db) -> Earlier {
    let now = Utc::now();
    let date = app::clock::today() + Duration::days(7);
    let time = |h| NaiveTime::from_hms_opt(h, 30, 0).unwrap();
    let staff_password = "Rugbrød med leverpostej 7";
    let hash = Password::parse(staff_password, &[]).unwrap().hash();
    let signup_token = Token::generate();
    let signup_hash = signup_token.hash();
    db_run!(db, |pool| {
        sqlx::query(
            "update site set name = 'Randers Nordby', organisation = 'Boligforeningen', \
             magazine_name = 'Nordbyposten', intro = 'Nyt fra nabolaget.' where id = 1",
        )
        .execute(pool)
        .await
        .unwrap();
        sqlx::query(
            "insert into users (email, display_name, role, password_hash, created_at) \
             values ('sekretariat@example.org', 'Sekretariatet', 'staff', $1, $2)",
        )
        .bind(hash.as_str())
        .bind(now)
        .execute(pool)
        .await
        .unwrap();
        for (slug, name, position) in [
            ("beboernetvaerk", "Beboernetværk", 1),
            ("boern-og-unge", "Børn og unge", 2),
        ] {
            sqlx::query("insert into focus_areas (slug, name, position) values ($1, $2, $3)")
                .bind(slug)
                .bind(name)
                .bind(position)
                .execute(pool)
                .await
                .unwrap();
        }
        sqlx::query(
            "insert into activities (slug, name, description, starts_on, start_time, end_time, \
             rule, capacity, signup_mode, created_at, updated_at, focus_area_id) values \
             ('suppeaften', 'Suppeaften', 'Suppe og brød.', $1, $2, $3, $5, 30, 'required', \
             $4, $4, (select id from focus_areas where slug = 'beboernetvaerk'))",
        )
        .bind(date - Duration::days(14))
        .bind(time(17))
        .bind(time(19))
        .bind(now)
        .bind(weekly_on(date))
        .execute(pool)
        .await
        .unwrap();
        for on_date in [date - Duration::days(7), date] {
            sqlx::query(
                "insert into occurrences (activity_id, on_date) \
                 select id, $1 from activities where slug = 'suppeaften'",
            )
            .bind(on_date)
            .execute(pool)
            .await
            .unwrap();
        }
        // Last week's dinner: one family came, and the count was recorded.
        sqlx::query(
            "insert into signups (occurrence_id, name, adults, children, email, status, \
             token_hash, created_at, attended) select id, 'Familien Berg', 2, 2, '', \
             'confirmed', 'earlier-hash', $2, true from occurrences where on_date = $1",
        )
        .bind(date - Duration::days(7))
        .bind(now)
        .execute(pool)
        .await
        .unwrap();
        sqlx::query(
            "insert into attendance (occurrence_id, held, walkin_adults, walkin_children, \
             volunteers, first_timers, recorded_at) select id, true, 3, 1, 2, 1, $2 \
             from occurrences where on_date = $1",
        )
        .bind(date - Duration::days(7))
        .bind(now)
        .execute(pool)
        .await
        .unwrap();
        // Next week's dinner: a family signed up, with the private link they were sent.
        sqlx::query(
            "insert into signups (occurrence_id, name, adults, children, email, status, \
             token_hash, created_at) select id, 'Familien Holm', 3, 1, 'holm@example.org', \
             'confirmed', $2, $3 from occurrences where on_date = $1",
        )
        .bind(date)
        .bind(signup_hash.as_str())
        .bind(now)
        .execute(pool)
        .await
        .unwrap();
        sqlx::query(
            "insert into articles (slug, title, lead, body, body_html, byline, status, \
             publish_at, search_text, created_at, updated_at) values ('ny-legeplads', \
             'Ny legeplads ved Parkcaféen', 'Børnene har fået gynger.', 'Gyngerne er klar.', \
             '<p>Gyngerne er klar.</p>', 'Redaktionen', 'published', $1, $2, $1, $1)",
        )
        .bind(now - Duration::days(1))
        // What the earlier portal stored for SQLite's search: the stems of the text.
        .bind(app::articles::search::stems(
            "Ny legeplads ved Parkcaféen Børnene har fået gynger. Gyngerne er klar.",
        ))
        .execute(pool)
        .await
        .unwrap();
        sqlx::query(
            "insert into article_focus_areas (article_id, focus_area_id) \
             select a.id, f.id from articles a, focus_areas f \
             where a.slug = 'ny-legeplads' and f.slug = 'boern-og-unge'",
        )
        .execute(pool)
        .await
        .unwrap();
    });
    Earlier {
        staff_email: "sekretariat@example.org",
        staff_password,
        activity_path: format!("/aktiviteter/suppeaften/{date}"),
        signup_token,
    }
}

/// The rule of an activity every week on `date`'s weekday.
pub fn weekly_on(date: chrono::NaiveDate) -> String {
    let day = chrono::Datelike::weekday(&date).to_string();
    format!("FREQ=WEEKLY;BYDAY={}", day[..2].to_uppercase())
}

async fn the_current_server_upgrades_an_earlier_database(backend: Backend) {
    let test_db = TestDb::new(backend).await;
    let db = Db::connect(&test_db.url).await.unwrap();
    migrate_to_earlier_schema(&db, backend).await;
    let earlier = fill_earlier_schema(&db).await;
    db.close().await;

    // The current server migrates at start-up.
    let app = TestApp::on(test_db).await;
    let resident = app.visitor();
    let front = resident.get("/").await;
    assert_eq!(front.status, 200);
    assert!(front.body.contains("Randers Nordby"), "{}", front.body);
    assert!(front.body.contains("Ny legeplads ved Parkcaféen"));
    let article = resident.get("/nyheder/ny-legeplads").await;
    assert!(article.body.contains("Gyngerne er klar."));
    let found = resident.get("/soeg?q=gynger").await;
    assert!(found.body.contains("Ny legeplads ved Parkcaféen"), "search");
    // The focus areas became the areas of one plan period, and the rebuilt table kept the
    // activity's area and the article's topic.
    let topic = resident.get("/nyheder/emne/boern-og-unge").await;
    assert!(
        topic.body.contains("Ny legeplads ved Parkcaféen"),
        "{}",
        topic.body
    );
    let (periods, activity_area, kept_link): (i64, Option<String>, Option<String>) =
        db_run!(app.db(), |pool| {
            sqlx::query_as(
                "select (select count(*) from plan_periods), \
                 (select f.name from activities a join focus_areas f on f.id = a.focus_area_id \
                  where a.slug = 'suppeaften'), \
                 (select f.name from activity_focus_areas l join focus_areas f \
                  on f.id = l.focus_area_id and f.plan_period_id = l.plan_period_id)",
            )
            .fetch_one(pool)
            .await
            .unwrap()
        });
    assert_eq!(periods, 1);
    assert_eq!(activity_area.as_deref(), Some("Beboernetværk"));
    assert_eq!(kept_link.as_deref(), Some("Beboernetværk"));

    // 30 seats, the Holm family's four taken; the new sign-up limit has its default.
    let date_page = resident.get(&earlier.activity_path).await;
    assert_eq!(date_page.status, 200);
    assert!(
        date_page.body.contains("Der er 26 ledige pladser."),
        "{}",
        date_page.body
    );
    let private = resident
        .get(&format!("/tilmelding/{}", earlier.signup_token.as_str()))
        .await;
    assert_eq!(private.status, 200);
    assert!(private.body.contains("Familien Holm"));

    // Staff log in with the password they had, and last week's count is in the figures.
    let staff = app.visitor();
    let login = staff
        .log_in(earlier.staff_email, earlier.staff_password)
        .await;
    assert_eq!(login.status, 303, "{}", login.body);
    let today = app::clock::today();
    let (occurrences, signups) = app
        .db()
        .figures()
        .figure_rows(today - Duration::days(7), today)
        .await
        .unwrap();
    assert_eq!(occurrences.len(), 1, "{occurrences:?}");
    let counted = &occurrences[0];
    assert_eq!(
        (
            counted.held,
            counted.walkin_adults,
            counted.walkin_children,
            counted.volunteers,
            counted.first_timers
        ),
        (Some(true), Some(3), Some(1), Some(2), Some(1))
    );
    assert_eq!(signups.len(), 1);
    assert_eq!(
        (signups[0].adults, signups[0].children, signups[0].attended),
        (2, 2, Some(true))
    );
}

on_both_backends!(the_current_server_upgrades_an_earlier_database);
