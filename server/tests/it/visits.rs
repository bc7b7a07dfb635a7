//! Visitor counting: page views replayed over several simulated days by two instances give exact
//! daily, monthly and per-page counts, and the same person has another id every day; only
//! anonymous HTML page views by browsers count, none sets a cookie; the real binary behind a
//! proxy leaves no raw address or user agent in any table or log line; the staff's page and its
//! CSV show the figures.

use std::{
    collections::HashSet,
    net::IpAddr,
    process::{Command, Stdio},
    time::Duration,
};

use app::{
    accounts::Role,
    db::{Backend, Db, Pool},
    visits::{months_of_year, visitors_a_month, Device},
};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use reqwest::{header, Method};
use server::visits::{View, VisitCounter};

use crate::{
    fixtures::account,
    helpers::{TestApp, TestDb},
};

crate::on_both_backends!(
    replayed_days_give_exact_counts,
    only_anonymous_page_views_by_browsers_count,
    only_a_trusted_proxy_tells_visitors_apart,
    the_staff_see_the_figures_and_their_csv,
    no_raw_address_or_user_agent_is_kept,
    one_address_making_up_user_agents_is_few_visitors,
);

const FIREFOX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0";
const IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
const GOOGLEBOT: &str = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Noon in Denmark (UTC+1 in winter, +2 in summer; noon UTC is the same Danish date).
fn noon(day: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&day.and_hms_opt(12, 0, 0).unwrap())
}

fn address(last: u8) -> IpAddr {
    IpAddr::from([198, 51, 100, last])
}

async fn view(
    counter: &VisitCounter,
    db: &Db,
    day: NaiveDate,
    from: IpAddr,
    user_agent: &str,
    path: &str,
) {
    let view = View {
        address: from,
        user_agent,
        path,
        referrer: None,
    };
    counter.count(db, noon(day), view).await;
}

/// The visitor ids stored for `day` while it is still being counted.
async fn ids_of(db: &Db, day: NaiveDate) -> HashSet<Vec<u8>> {
    let ids: Vec<Vec<u8>> = app::db_run!(db, |pool| {
        sqlx::query_scalar("select distinct visitor from visit_hits where day = $1")
            .bind(day)
            .fetch_all(pool)
            .await
    })
    .unwrap();
    ids.into_iter().collect()
}

async fn rows_in(db: &Db, table: &str) -> i64 {
    app::db_run!(db, |pool| {
        sqlx::query_scalar::<_, i64>(&format!("select count(*) from {table}"))
            .fetch_one(pool)
            .await
    })
    .unwrap()
}

/// Two instances count the views of three days (two in March, one in April) on one database.
async fn replayed_days_give_exact_counts(backend: Backend) {
    let test_db = TestDb::new(backend).await;
    let db = test_db.connect().await;
    let (one, two) = (
        VisitCounter::new("nordby.example.org", true),
        VisitCounter::new("nordby.example.org", true),
    );
    let (first, second, third) = (date(2025, 3, 10), date(2025, 3, 11), date(2025, 4, 1));

    // Day one: twenty browsers see the front page on instance one; the first ten see the
    // calendar twice on instance two, and the first sees the front page again there. Robots and
    // browsers without a name are not counted.
    for n in 1..=20 {
        view(&one, &db, first, address(n), FIREFOX, "/").await;
    }
    for n in 1..=10 {
        for _ in 0..2 {
            view(&two, &db, first, address(n), FIREFOX, "/kalender").await;
        }
    }
    view(&two, &db, first, address(1), FIREFOX, "/").await;
    for n in 1..=5 {
        view(&one, &db, first, address(n), GOOGLEBOT, "/").await;
        view(&two, &db, first, address(n), "", "/").await;
    }
    // A private link's secret is never stored: the path is counted without it.
    view(
        &one,
        &db,
        first,
        address(1),
        FIREFOX,
        "/tilmelding/hemmelig-noegle-123",
    )
    .await;
    one.write(&db).await.unwrap();
    two.write(&db).await.unwrap();

    // Day two: the first five come back with the same address and browser, and a household on
    // one IPv6 /64 with one iPhone; also from a second address in the /64.
    for n in 1..=5 {
        view(&two, &db, second, address(n), FIREFOX, "/nyheder").await;
    }
    let home: IpAddr = "2001:db8:1:2::10".parse().unwrap();
    let same_home: IpAddr = "2001:db8:1:2:ffff::1".parse().unwrap();
    view(&one, &db, second, home, IPHONE, "/nyheder").await;
    view(&two, &db, second, same_home, IPHONE, "/").await;
    one.write(&db).await.unwrap();
    two.write(&db).await.unwrap();

    // Day three, in April: three browsers, one of them an iPhone.
    view(&one, &db, third, address(1), FIREFOX, "/").await;
    view(&one, &db, third, address(2), FIREFOX, "/").await;
    view(&two, &db, third, address(3), IPHONE, "/kalender").await;
    one.write(&db).await.unwrap();
    two.write(&db).await.unwrap();

    // The same people have other ids on another day.
    let (ids_first, ids_second) = (ids_of(&db, first).await, ids_of(&db, second).await);
    assert_eq!(ids_first.len(), 20);
    assert_eq!(ids_second.len(), 6);
    assert!(
        ids_first.is_disjoint(&ids_second),
        "an id was used on two days"
    );

    let check = |days: Vec<app::visits::VisitDay>| {
        let counts: Vec<(NaiveDate, i64, i64)> = days
            .iter()
            .map(|day| (day.day, day.visitors, day.views))
            .collect();
        // Day one: 20 visitors; views 20 + 20 + 1 + 1 (the private page).
        assert_eq!(counts, vec![(first, 20, 42), (second, 6, 7), (third, 3, 3)]);
        assert_eq!(days[1].of_device(Device::Phone), 1);
        assert_eq!(days[1].of_device(Device::Computer), 5);
        assert_eq!(days[2].of_device(Device::Phone), 1);
        let months = months_of_year(&days, 2025);
        assert_eq!(months[2].visitors, 26);
        assert_eq!(months[3].visitors, 3);
        assert_eq!(
            visitors_a_month(
                &days,
                date(2025, 1, 1),
                date(2025, 12, 31),
                date(2026, 1, 1)
            ),
            Some(15),
            "(26 + 3) / 2, rounded"
        );
    };
    let visits = db.visits();
    check(
        visits
            .days(date(2025, 1, 1), date(2025, 12, 31))
            .await
            .unwrap(),
    );
    let pages = visits
        .pages(date(2025, 3, 1), date(2025, 3, 31), 10)
        .await
        .unwrap();
    let pages: Vec<(&str, i64, i64)> = pages
        .iter()
        .map(|page| (page.path.as_str(), page.views, page.visitors))
        .collect();
    assert_eq!(
        pages,
        vec![
            ("/", 22, 21),
            ("/kalender", 20, 10),
            ("/nyheder", 6, 6),
            ("/tilmelding/…", 1, 1),
        ]
    );

    // Ten minutes after the third day the days are summed up; their salts and ids are gone and
    // every figure is the same.
    let later = noon(date(2025, 4, 2));
    assert_eq!(one.finish_days(&db, later).await.unwrap(), 3);
    assert_eq!(two.finish_days(&db, later).await.unwrap(), 0);
    for table in ["visit_hits", "visit_salts"] {
        assert_eq!(rows_in(&db, table).await, 0, "{table} is emptied");
    }
    check(
        visits
            .days(date(2025, 1, 1), date(2025, 12, 31))
            .await
            .unwrap(),
    );
    let after = visits
        .pages(date(2025, 3, 1), date(2025, 3, 31), 10)
        .await
        .unwrap();
    assert_eq!(after.len(), 4);
    assert_eq!((after[0].views, after[0].visitors), (22, 21));
}

/// What a browser sends when it opens a page.
fn page_request(
    visitor: &crate::helpers::Visitor,
    path: &str,
    agent: &str,
) -> reqwest::RequestBuilder {
    visitor
        .request(Method::GET, path)
        .header(header::USER_AGENT, agent)
        .header(header::ACCEPT, "text/html,application/xhtml+xml,*/*;q=0.8")
}

async fn only_anonymous_page_views_by_browsers_count(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let resident = app.visitor();
    for path in ["/", "/", "/kalender", "/nyheder?side=1"] {
        let answer = resident.send(page_request(&resident, path, FIREFOX)).await;
        assert_eq!(answer.status, 200, "{path}");
        assert_eq!(
            answer.set_cookie, None,
            "an anonymous page view sets no cookie"
        );
    }
    // Not counted: a robot, addresses that are no page, a page that does not exist, a form
    // posted, and a staff member's views.
    let robot = resident.send(page_request(&resident, "/", GOOGLEBOT)).await;
    assert_eq!(robot.status, 200);
    for path in [
        "/healthz",
        "/feed.xml",
        "/kalender.ics",
        "/findes-ikke",
        "/robots.txt",
    ] {
        let answer = resident.send(page_request(&resident, path, FIREFOX)).await;
        assert_eq!(answer.set_cookie, None, "{path}");
    }
    let posted = resident.send(
        resident
            .request(Method::POST, "/log-ind")
            .header(header::USER_AGENT, FIREFOX)
            .header(header::ORIGIN, &app.origin)
            .form(&[("email", "ingen@example.org"), ("password", "forkert")]),
    );
    assert_ne!(posted.await.status, 200);
    let staff = app
        .logged_in_as(&account(Role::Staff).create(app.db()).await)
        .await;
    let staff_view = staff.send(page_request(&staff, "/", FIREFOX)).await;
    assert_eq!(staff_view.status, 200);

    app.state.visits.write(app.db()).await.unwrap();
    let today = app::clock::today();
    let days = app.db().visits().days(today, today).await.unwrap();
    assert_eq!(days.len(), 1, "{days:?}");
    assert_eq!((days[0].visitors, days[0].views), (1, 4));
    let pages = app.db().visits().pages(today, today, 10).await.unwrap();
    let pages: Vec<(&str, i64)> = pages.iter().map(|p| (p.path.as_str(), p.views)).collect();
    assert_eq!(pages, vec![("/", 2), ("/kalender", 1), ("/nyheder", 1)]);
}

/// Two residents behind the same proxy are two visitors; a client's own `X-Forwarded-For`
/// without a trusted proxy changes nothing.
async fn only_a_trusted_proxy_tells_visitors_apart(backend: Backend) {
    for (app, expected) in [
        (TestApp::spawn_behind_proxy(backend).await, 2),
        (TestApp::spawn(backend).await, 1),
    ] {
        let visitor = app.visitor();
        for forwarded in ["203.0.113.5", "203.0.113.6"] {
            let request = page_request(&visitor, "/", FIREFOX).header("x-forwarded-for", forwarded);
            assert_eq!(visitor.send(request).await.status, 200);
        }
        app.state.visits.write(app.db()).await.unwrap();
        let today = app::clock::today();
        let days = app.db().visits().days(today, today).await.unwrap();
        assert_eq!((days[0].visitors, days[0].views), (expected, 2));
    }
}

async fn the_staff_see_the_figures_and_their_csv(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let resident = app.visitor();
    for agent in [FIREFOX, IPHONE] {
        let from_google = page_request(&resident, "/", agent)
            .header(header::REFERER, "https://www.google.com/search?q=nordby");
        assert_eq!(resident.send(from_google).await.status, 200);
    }
    app.state.visits.write(app.db()).await.unwrap();
    let today = app::clock::today();
    let year = chrono::Datelike::year(&today);

    // Residents and journalists do not get the figures.
    let journalist = app
        .logged_in_as(&account(Role::Journalist).create(app.db()).await)
        .await;
    assert_eq!(journalist.get("/personale/besoeg").await.status, 403);
    assert_eq!(resident.get("/personale/besoeg.csv").await.status, 303);

    let staff = app
        .logged_in_as(&account(Role::Staff).create(app.db()).await)
        .await;
    let page = staff.get("/personale/besoeg").await;
    assert_eq!(page.status, 200);
    let document = scraper::Html::parse_document(&page.body);
    let cells = |selector: &str| -> Vec<String> {
        document
            .select(&scraper::Selector::parse(selector).unwrap())
            .map(|cell| cell.text().collect::<String>().trim().to_owned())
            .collect()
    };
    let days = cells("[aria-label^='Besøgende og sidevisninger pr. dag'] tbody td");
    assert_eq!(days, ["2", "2"], "two visitors, two views");
    let referrers = cells("[aria-label^='Hjemmesider, der sendte'] tbody :is(th, td)");
    assert_eq!(referrers, ["google.com", "2"]);
    let devices = cells("[aria-label^='Besøgende pr. enhed'] tbody :is(th, td)");
    assert_eq!(
        devices,
        ["Telefon", "1", "50 %", "Tablet", "0", "0 %", "Computer", "1", "50 %"]
    );
    assert!(
        page.body.contains("Forskellige besøgende på en dag."),
        "the definitions"
    );
    assert!(page.body.contains("<svg"), "the chart");

    // A year that is no year is refused next to the field; the page still answers.
    let wrong = staff.get("/personale/besoeg?aar=3000&maaned=13").await;
    assert_eq!(wrong.status, 200);
    assert!(wrong.body.contains("Vælg et år fra listen."));
    assert!(wrong.body.contains("Vælg en måned fra listen."));

    let csv = staff
        .get(&format!("/personale/besoeg.csv?aar={year}"))
        .await;
    assert_eq!(csv.status, 200);
    let text = csv.body.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        [
            "Dato",
            "Besøgende",
            "Sidevisninger",
            "Telefon",
            "Tablet",
            "Computer"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(&rows[0][0], today.format("%d-%m-%Y").to_string());
    assert_eq!(
        rows[0].iter().skip(1).collect::<Vec<_>>(),
        ["2", "2", "1", "0", "1"]
    );
    assert_eq!(
        staff.get("/personale/besoeg.csv?aar=tyve").await.status,
        404
    );
}

/// What a table holds, as text: every row with every column.
async fn table_text(db: &Db, table: &str) -> String {
    let rows: Vec<String> = match db.pool() {
        Pool::Postgres(pool) => {
            sqlx::query_scalar(&format!("select cast(t as text) from {table} t"))
                .fetch_all(pool)
                .await
                .unwrap()
        }
        Pool::Sqlite(pool) => {
            let columns: Vec<String> =
                sqlx::query_scalar(&format!("select name from pragma_table_info('{table}')"))
                    .fetch_all(pool)
                    .await
                    .unwrap();
            let row = columns
                .iter()
                .map(|column| format!("coalesce(quote(\"{column}\"), '')"))
                .collect::<Vec<_>>()
                .join(" || ',' || ");
            sqlx::query_scalar(&format!("select {row} from {table}"))
                .fetch_all(pool)
                .await
                .unwrap()
        }
    };
    rows.join("\n")
}

async fn tables(db: &Db) -> Vec<String> {
    app::db_run!(db, |pool| {
        sqlx::query_scalar(match db.backend() {
            Backend::Sqlite => "select name from sqlite_master where type = 'table'",
            Backend::Postgres => {
                "select tablename::text from pg_tables where schemaname = 'public'"
            }
        })
        .fetch_all(pool)
        .await
    })
    .unwrap()
}

/// The real binary behind a proxy, with every log line on: residents read pages, sign in wrongly
/// and ask for a password reset from addresses the proxy forwards, then the server stops. Neither
/// an address nor a user agent is in any table or any line it logged.
async fn no_raw_address_or_user_agent_is_kept(backend: Backend) {
    const AGENT: &str =
        "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0 Zebra7f3a";
    const ADDRESSES: [&str; 2] = ["203.0.113.195", "2001:db8:cafe:17::42"];
    let test_db = TestDb::new(backend).await;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let data = tempfile::tempdir().unwrap();
    let log = data.path().join("log.txt");
    let mut server = Command::new(env!("CARGO_BIN_EXE_naboskab"))
        .current_dir(data.path())
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("DATABASE_URL", &test_db.url)
        .env("NABOSKAB_DATA_DIR", data.path().join("data"))
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .env("NABOSKAB_TRUSTED_PROXIES", "127.0.0.1")
        .env("RUST_LOG", "debug")
        .stdout(std::fs::File::create(&log).unwrap())
        .stderr(std::fs::File::create(data.path().join("errors.txt")).unwrap())
        .stdin(Stdio::null())
        .spawn()
        .expect("the binary starts");
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}");
    let mut up = false;
    for _ in 0..100 {
        if client.get(format!("{base}/healthz")).send().await.is_ok() {
            up = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(up, "the server answers");
    for address in ADDRESSES {
        for path in ["/", "/kalender", "/nyheder", "/log-ind", "/findes-ikke"] {
            let answer = client
                .get(format!("{base}{path}"))
                .header(header::USER_AGENT, AGENT)
                .header(header::ACCEPT, "text/html")
                .header(header::REFERER, "https://www.google.com/")
                .header("x-forwarded-for", address)
                .send()
                .await
                .unwrap();
            assert!(answer.headers().get(header::SET_COOKIE).is_none());
        }
        for (path, form) in [
            (
                "/log-ind",
                vec![("email", "ingen@example.org"), ("password", "forkert-kode")],
            ),
            ("/glemt-adgangskode", vec![("email", "ingen@example.org")]),
        ] {
            client
                .post(format!("{base}{path}"))
                .header(header::USER_AGENT, AGENT)
                .header(header::ORIGIN, &base)
                .header("x-forwarded-for", address)
                .form(&form)
                .send()
                .await
                .unwrap();
        }
    }
    // A clean stop writes the counted views.
    let stopped = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .unwrap();
    assert!(stopped.success());
    let status = tokio::task::spawn_blocking(move || server.wait())
        .await
        .unwrap();
    assert!(status.unwrap().success());

    let db = test_db.connect().await;
    let days = db
        .visits()
        .days(app::clock::today(), app::clock::today())
        .await;
    let days = days.unwrap();
    assert_eq!(days.len(), 1);
    assert_eq!(
        (days[0].visitors, days[0].views),
        (2, 8),
        "two visitors, four pages each"
    );
    let mut texts = Vec::new();
    for table in tables(&db).await {
        texts.push((table.clone(), table_text(&db, &table).await));
    }
    assert!(texts
        .iter()
        .any(|(table, text)| table == "visit_hits" && !text.is_empty()));
    let logged = std::fs::read_to_string(&log).unwrap()
        + &std::fs::read_to_string(data.path().join("errors.txt")).unwrap();
    assert!(
        logged.contains("GET"),
        "the log holds the requests: {logged}"
    );
    texts.push(("the log".into(), logged));
    for (place, text) in &texts {
        for secret in ADDRESSES
            .iter()
            .chain(["Zebra7f3a", "2001:db8:cafe"].iter())
        {
            assert!(!text.contains(secret), "{secret} is in {place}");
        }
    }
}

/// 300 page views from one address, each with a user agent of its own, are at most
/// `MOST_VISITORS_A_NETWORK` visitors (and still 300 views); a neighbour elsewhere is one more.
async fn one_address_making_up_user_agents_is_few_visitors(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let script = app.visitor();
    for n in 0..300 {
        let agent =
            format!("Mozilla/5.0 (X11; Linux x86_64; rv:{n}.0) Gecko/20100101 Firefox/{n}.0");
        let answer = script.send(page_request(&script, "/", &agent)).await;
        assert_eq!(answer.status, 200);
    }
    let neighbour = app.visitor_from(IpAddr::from([127, 0, 0, 9]));
    let answer = neighbour.send(page_request(&neighbour, "/", FIREFOX)).await;
    assert_eq!(answer.status, 200);
    app.state.visits.write(app.db()).await.unwrap();
    let today = app::clock::today();
    let days = app.db().visits().days(today, today).await.unwrap();
    assert_eq!(days.len(), 1, "{days:?}");
    assert_eq!(days[0].views, 301);
    assert_eq!(
        days[0].visitors,
        server::visits::identity::MOST_VISITORS_A_NETWORK as i64 + 1
    );
}
