//! A full disk on SQLite, simulated with `PRAGMA max_page_count` on every connection of the
//! portal's pool: a sign-up and a staff member's save get the friendly "try again later" page
//! (503), nothing is half written, the pages that only read keep working, and once there is
//! space again everything works without a restart.

use app::{
    accounts::Role,
    db::{Backend, Db, Pool},
};

use crate::{
    fixtures::{account, activity},
    helpers::TestApp,
};

/// Sets `PRAGMA max_page_count` to `pages` on every connection the pool holds (opening them all
/// first, so no later one comes without it); 0 lifts the limit to SQLite's default.
async fn limit_pages(db: &Db, pages: i64) {
    let Pool::Sqlite(pool) = db.pool() else {
        panic!("a SQLite database");
    };
    let size = pool.options().get_max_connections() as usize;
    let mut held = Vec::new();
    for _ in 0..size {
        held.push(pool.acquire().await.unwrap());
    }
    let pages = if pages == 0 { 1_073_741_823 } else { pages };
    for conn in &mut held {
        sqlx::query(&format!("pragma max_page_count = {pages}"))
            .execute(&mut **conn)
            .await
            .unwrap();
    }
}

/// Counts the rows of `table`.
async fn rows(db: &Db, table: &str) -> i64 {
    let Pool::Sqlite(pool) = db.pool() else {
        unreachable!()
    };
    sqlx::query_scalar(&format!("select count(*) from {table}"))
        .fetch_one(pool)
        .await
        .unwrap()
}

/// Fills the database's last free pages with a table of filler, so that the next write that
/// needs a page finds none; gives the filler's table to empty again.
async fn fill(db: &Db) {
    let Pool::Sqlite(pool) = db.pool() else {
        unreachable!()
    };
    sqlx::query("create table filler (bytes blob)")
        .execute(pool)
        .await
        .unwrap();
    let pages: i64 = sqlx::query_scalar("pragma page_count")
        .fetch_one(pool)
        .await
        .unwrap();
    limit_pages(db, pages + 8).await;
    // Until the limit: first big rows, then ever smaller ones into the last corners.
    let until_full = async |sql: &str, size: i64| loop {
        let inserted = sqlx::query(sql).bind(size).execute(pool).await;
        match inserted {
            Ok(_) => {}
            Err(err) if app::errors::is_disk_full(&err) => break,
            Err(err) => panic!("filling failed otherwise: {err}"),
        }
    };
    for size in [4000, 1000, 200, 20] {
        until_full("insert into filler values (randomblob($1))", size).await;
    }
    // The free room left in the outbox's last page too, where every email of a form goes: a
    // disk that is full has no corner left for the next write either.
    until_full(
        "insert into outbox (to_address, subject, text_body, html_body, next_attempt_at, \
         created_at, status) values ('filler', substr(hex(randomblob($1)), 1, $1), '', '', \
         '2000-01-01', '2000-01-01', 'sent')",
        4,
    )
    .await;
    let pages: i64 = sqlx::query_scalar("pragma page_count")
        .fetch_one(pool)
        .await
        .unwrap();
    let free: i64 = sqlx::query_scalar("pragma freelist_count")
        .fetch_one(pool)
        .await
        .unwrap();
    eprintln!("filled: {pages} pages, {free} free");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_disk_refuses_writes_kindly_and_recovers_without_a_restart() {
    crate::helpers::trace_to_test_output();
    let app = TestApp::spawn(Backend::Sqlite).await;
    let next_week = app::clock::today() + chrono::Duration::days(7);
    let dinner = activity("Fællesspisning i kælderen")
        .starts_on(next_week)
        .signups_required(40)
        .create(app.db())
        .await;
    let date_page = format!("/aktiviteter/{}/{next_week}", dinner.slug);
    let staff = account(Role::Staff).create(app.db()).await;
    let editor = app.logged_in_as(&staff).await;
    let resident = app.visitor();
    let form = |name: &'static str| {
        vec![
            ("navn", name),
            ("voksne", "2"),
            ("boern", "1"),
            ("contact", "familie@example.org"),
            ("note", ""),
        ]
    };
    let answer = resident.post_form(&date_page, &form("Familie Før")).await;
    assert_eq!(answer.status, 303, "{}", answer.body);

    fill(app.db()).await;
    let filler_emails: i64 = {
        let Pool::Sqlite(pool) = app.db().pool() else {
            unreachable!()
        };
        sqlx::query_scalar("select count(*) from outbox where to_address = 'filler'")
            .fetch_one(pool)
            .await
            .unwrap()
    };
    assert!(filler_emails > 0, "the outbox's last page was filled");
    let (signups, emails) = (
        rows(app.db(), "signups").await,
        rows(app.db(), "outbox").await,
    );

    // A sign-up: the friendly page, in Danish, and nothing of it written.
    let refused = resident.post_form(&date_page, &form("Familie Fuld")).await;
    assert_eq!(refused.status, 503, "{}", refused.body);
    assert!(
        refused.body.contains("Prøv igen senere"),
        "{}",
        refused.body
    );
    assert!(refused.body.contains("Det, du sendte, er ikke gemt."));
    assert!(!refused.body.contains("SQLITE") && !refused.body.contains("full"));
    assert_eq!(rows(app.db(), "signups").await, signups);
    assert_eq!(rows(app.db(), "outbox").await, emails);

    // A staff member's save of a long article: the same.
    let body = "Der var fuldt hus i kælderen. ".repeat(400);
    let saved = editor
        .post_form(
            "/personale/artikler/ny",
            &[
                ("heading", "Fuldt hus igen i kælderen"),
                ("lead", "Der var fuldt hus igen."),
                ("body", body.as_str()),
                ("byline", "Leyla"),
                ("status", "draft"),
                ("intent", "save"),
            ],
        )
        .await;
    assert_eq!(saved.status, 503, "{}", saved.body);
    assert_eq!(rows(app.db(), "articles").await, 0);

    // Reading goes on: the front page, the calendar, the date page with its earlier sign-up.
    for page in ["/", "/kalender", date_page.as_str(), "/personale"] {
        let visitor = if page == "/personale" {
            &editor
        } else {
            &resident
        };
        assert_eq!(visitor.get(page).await.status, 200, "{page}");
    }

    // Space again (the filler goes): the same sign-up goes through, no restart.
    let Pool::Sqlite(pool) = app.db().pool() else {
        unreachable!()
    };
    limit_pages(app.db(), 0).await;
    sqlx::query("drop table filler")
        .execute(pool)
        .await
        .unwrap();
    let answer = resident.post_form(&date_page, &form("Familie Fuld")).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    assert_eq!(rows(app.db(), "signups").await, signups + 1);
}
