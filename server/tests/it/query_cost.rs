//! What a page costs the database, on both backends: the front page, the calendar month, an
//! activity and one of its dates make the same small number of queries on ten years of history
//! as on one (recurrence is expanded over the period shown, and nothing runs a query per row),
//! and a page served from memory makes none.

use app::{calendar::occurrences::Filter, db::Backend};
use axum::{
    body::Body,
    extract::ConnectInfo,
    http::{Request, StatusCode},
    Router,
};
use tower::ServiceExt;

use crate::{helpers::TestDb, on_both_backends};

/// The most queries one of these pages may make. A change that goes past it has added a query
/// to every page view: look for one that could be joined to another, or run per row.
const MOST_QUERIES_A_PAGE: u64 = 8;

/// The portal on a database with the demo content begun `earlier_years` before its usual year
/// (every date since then held and counted), without the background work of a running server,
/// so that every query counted is one a page made.
async fn portal_with_history(test_db: &TestDb, earlier_years: u32) -> (Router, app::db::Db) {
    let db = test_db.connect().await;
    app::demo::load_with_history(&db, earlier_years)
        .await
        .expect("the demo content loads");
    db.close().await;
    let state = server::prepare(&test_db.config())
        .await
        .expect("the app prepares");
    let db = state.db.clone();
    (server::routes::router(state), db)
}

/// GETs `path` and reads the whole page, as an anonymous visitor or, with `cookie`, as one
/// whose browser sends a cookie (no page kept in memory is served to them); returns the page
/// and the queries made meanwhile.
async fn visit(router: &Router, db: &app::db::Db, path: &str) -> (String, u64) {
    let before = db.queries();
    let request = Request::get(path).extension(ConnectInfo(std::net::SocketAddr::from((
        [127, 0, 0, 1],
        40000,
    ))));
    let response = router
        .clone()
        .oneshot(request.body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    // The page streams: its queries run while the body is read.
    let body = axum::body::to_bytes(response.into_body(), 4 << 20)
        .await
        .expect("the page is read");
    let page = String::from_utf8(body.to_vec()).expect("the page is UTF-8");
    // Anything the page set going that ends after its last byte counts too: wait until the
    // count has been still for a moment.
    let mut counted = db.queries();
    loop {
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
        let now = db.queries();
        if now == counted {
            break;
        }
        eprintln!(
            "{path}: {} more queries after the page was read",
            now - counted
        );
        counted = now;
    }
    (page, counted - before)
}

/// The first link on `page` to an address that starts with `prefix` and goes further.
fn first_link(page: &str, prefix: &str) -> String {
    let document = scraper::Html::parse_document(page);
    let links = scraper::Selector::parse("a[href]").unwrap();
    document
        .select(&links)
        .filter_map(|link| link.value().attr("href"))
        .find(|href| href.starts_with(prefix) && href.len() > prefix.len())
        .unwrap_or_else(|| panic!("no link to {prefix}…"))
        .to_owned()
}

/// The queries each page makes: (address, queries when rendered).
async fn queries_per_page(router: &Router, db: &app::db::Db) -> Vec<(String, u64)> {
    let activity = "/aktiviteter/faellesspisning-parkcafeen";
    let (activity_page, _) = visit(router, db, activity).await;
    let date = first_link(&activity_page, &format!("{activity}/"));
    let month = app::clock::today()
        .format("/kalender?maaned=%Y-%m")
        .to_string();
    let mut counted = Vec::new();
    for path in ["/", "/kalender", &month, activity, &date] {
        // The activity's page was rendered above and is kept: a notice key of its own (a field
        // of the cache's key that these pages ignore) has every page here rendered.
        let separator = if path.contains('?') { '&' } else { '?' };
        let fresh = format!("{path}{separator}besked=igen");
        let (_, queries) = visit(router, db, &fresh).await;
        counted.push((path.to_owned(), queries));
    }
    counted
}

async fn ten_years_of_history_cost_no_more_queries_than_one(backend: Backend) {
    let one_year_db = TestDb::new(backend).await;
    let (one_year, one_year_queries) = portal_with_history(&one_year_db, 0).await;
    let ten_years_db = TestDb::new(backend).await;
    let (ten_years, ten_years_queries) = portal_with_history(&ten_years_db, 9).await;

    let short = queries_per_page(&one_year, &one_year_queries).await;
    let long = queries_per_page(&ten_years, &ten_years_queries).await;
    eprintln!("queries per page, one year → ten years: {short:?} → {long:?}");
    assert_eq!(short, long, "ten years of history cost other queries");
    for (path, queries) in &short {
        assert!(*queries > 0, "{path} was not rendered");
        assert!(
            *queries <= MOST_QUERIES_A_PAGE,
            "{path} makes {queries} queries"
        );
    }

    // The history is really there: the long calendar holds ten times the dates held.
    let held = |db: app::db::Db| async move {
        let today = app::clock::today();
        db.calendar()
            .occurrences_between(
                today - chrono::Duration::days(3660),
                today,
                &Filter::default(),
            )
            .await
            .expect("the occurrences")
            .len()
    };
    let (short_held, long_held) = (
        held(one_year_queries).await,
        held(ten_years_queries.clone()).await,
    );
    assert!(long_held > 5 * short_held, "{short_held} → {long_held}");

    // A page served from memory makes no query at all.
    // (The cache keeps a page from its second request on.)
    let (_, first) = visit(&ten_years, &ten_years_queries, "/").await;
    visit(&ten_years, &ten_years_queries, "/").await;
    let (page, again) = visit(&ten_years, &ten_years_queries, "/").await;
    assert!(first > 0 && page.contains("</html>"));
    assert_eq!(again, 0, "the kept front page made queries");
}

on_both_backends!(ten_years_of_history_cost_no_more_queries_than_one);
