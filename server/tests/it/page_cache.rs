//! The page cache on both backends: an anonymous visitor's page is rendered once and then
//! served from memory (compressed, with an ETag), while logged-in staff and forms never get a
//! kept page; and a kept page never shows what is no longer true: a sign-up changes the seats
//! shown at once, a scheduled article appears at its minute, and a change made through another
//! instance on the same database shows within seconds.

use std::{
    io::Read,
    time::{Duration, Instant},
};

use app::{accounts::Role, db::Backend};
use chrono::{Timelike, Utc};

use crate::{
    fixtures::{account, activity, article},
    helpers::{TestApp, Visitor},
    on_both_backends,
};

/// How many answers came from kept pages, and how many pages were rendered to be kept.
fn counts(app: &TestApp) -> (u64, u64) {
    app.state.pages.counts()
}

/// A family of three signing up.
const FAMILY: [(&str, &str); 5] = [
    ("navn", "Amina"),
    ("voksne", "2"),
    ("boern", "1"),
    ("contact", "amina@example.org"),
    ("note", ""),
];

/// A communal dinner a week from today with `capacity` seats; returns the date's page.
async fn dinner_next_week(app: &TestApp, capacity: i64) -> String {
    let next_week = app::clock::today() + chrono::Duration::days(7);
    let dinner = activity("Suppeaften")
        .starts_on(next_week)
        .signups_required(capacity)
        .create(app.db())
        .await;
    format!("/aktiviteter/{}/{next_week}", dinner.slug)
}

async fn a_signup_changes_the_seats_shown_at_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let path = dinner_next_week(&app, 12).await;
    let resident = app.visitor();
    let first = resident.get(&path).await;
    assert_eq!(first.status, 200);
    assert!(first.body.contains("Der er 12 ledige pladser."));
    // A page is kept from its second request on.
    assert_eq!(resident.get(&path).await.body, first.body);
    let (hits, renders) = counts(&app);
    let again = resident.get(&path).await;
    assert_eq!(again.body, first.body, "the kept page is the page");
    assert_eq!(
        counts(&app),
        (hits + 1, renders),
        "the second visit is served from memory"
    );

    let answer = resident.post_form(&path, &FAMILY).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    let neighbour = app.visitor().get(&path).await;
    assert!(
        neighbour.body.contains("Der er 9 ledige pladser.")
            && !neighbour.body.contains("Der er 12 ledige pladser."),
        "the next visitor sees the seats the sign-up took"
    );
    // A refused form (nothing saved) and a page asked for again: the new count stays.
    let refused = resident.post_form(&path, &[("navn", "")]).await;
    assert_eq!(refused.status, 422);
    assert!(app
        .visitor()
        .get(&path)
        .await
        .body
        .contains("Der er 9 ledige pladser."));
}

on_both_backends!(a_signup_changes_the_seats_shown_at_once);

/// Asks for `path` with raw headers, so the test sees the encoding and the ETag.
async fn raw_get(app: &TestApp, path: &str, headers: &[(&str, &str)]) -> reqwest::Response {
    let mut request = reqwest::Client::new().get(format!("{}{path}", app.origin));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.send().await.expect("the app answers")
}

async fn kept_pages_are_compressed_and_revalidated_and_never_personal(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    article("Vinterbadning i søen").create(app.db()).await;
    // The first request of an address is rendered as if there were no cache: no ETag.
    let before = counts(&app);
    let first = raw_get(&app, "/nyheder", &[]).await;
    assert!(first.headers().get("etag").is_none());
    assert_eq!(counts(&app), before, "nothing kept at the first request");
    let plain = raw_get(&app, "/nyheder", &[]).await;
    assert_eq!(plain.status(), 200);
    assert!(plain.headers().get("content-encoding").is_none());
    let etag = plain.headers()["etag"].to_str().unwrap().to_owned();
    let policy = plain.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    let html = plain.text().await.unwrap();
    assert!(html.contains("Vinterbadning i søen"));

    // The same page in brotli and in gzip, with the same ETag and the nonce its scripts carry.
    let (hits, renders) = counts(&app);
    let brotli = raw_get(
        &app,
        "/nyheder",
        &[("accept-encoding", "gzip, deflate, br")],
    )
    .await;
    assert_eq!(brotli.headers()["content-encoding"], "br");
    assert_eq!(brotli.headers()["vary"], "accept-encoding");
    assert_eq!(brotli.headers()["etag"].to_str().unwrap(), etag);
    assert_eq!(
        brotli.headers()["content-security-policy"]
            .to_str()
            .unwrap(),
        policy
    );
    let bytes = brotli.bytes().await.unwrap();
    let mut unpacked = String::new();
    brotli::Decompressor::new(&bytes[..], 4096)
        .read_to_string(&mut unpacked)
        .unwrap();
    assert_eq!(unpacked, html);
    // Kept as it is sent: tidied, with no script and no hydration marker.
    assert!(
        !html.contains("<script") && !html.contains("<!>") && html.trim_end().ends_with("</html>"),
        "{html}"
    );
    let gzip = raw_get(&app, "/nyheder", &[("accept-encoding", "gzip")]).await;
    assert_eq!(gzip.headers()["content-encoding"], "gzip");
    let bytes = gzip.bytes().await.unwrap();
    let mut unpacked = String::new();
    flate2::read::GzDecoder::new(&bytes[..])
        .read_to_string(&mut unpacked)
        .unwrap();
    assert_eq!(unpacked, html);
    let unchanged = raw_get(&app, "/nyheder", &[("if-none-match", &etag)]).await;
    assert_eq!(unchanged.status(), 304);
    assert_eq!(counts(&app), (hits + 3, renders));
    // A cookie is not a login: with a made-up one, or a session id the store does not know, the
    // kept page is answered (anyone may send cookies, so they cannot have pages rendered again).
    for cookie in [
        "naboskab=made-up; theme=dark",
        "naboskab=AAAAAAAAAAAAAAAAAAAAAA",
    ] {
        let cookied = raw_get(&app, "/nyheder", &[("cookie", cookie)]).await;
        assert_eq!(cookied.status(), 200);
        assert_eq!(cookied.text().await.unwrap(), html, "{cookie}");
    }
    assert_eq!(counts(&app), (hits + 5, renders));

    // Staff are never served a kept page, and their pages are never kept.
    let staff = account(Role::Staff).name("Birgit").create(app.db()).await;
    let staff: Visitor = app.logged_in_as(&staff).await;
    let (hits, renders) = counts(&app);
    let theirs = staff.get("/nyheder").await;
    assert!(theirs.body.contains("Log ud") && theirs.body.contains("Vinterbadning i søen"));
    assert_eq!(counts(&app), (hits, renders));
    let anonymous = app.visitor().get("/nyheder").await;
    assert!(!anonymous.body.contains("Log ud") && !anonymous.body.contains("Birgit"));
    // Logging in was a POST, which empties the cache: the anonymous page was rendered again.
    assert_eq!(counts(&app), (hits, renders + 1));

    // A page that is not found, and a private page, are never kept.
    for path in ["/nyheder/findes-ikke", "/log-ind"] {
        let (hits, renders) = counts(&app);
        app.visitor().get(path).await;
        app.visitor().get(path).await;
        assert_eq!(counts(&app), (hits, renders), "{path}");
    }
}

on_both_backends!(kept_pages_are_compressed_and_revalidated_and_never_personal);

/// The next whole minute in Danish local time that is at least five seconds away.
fn next_minute_ahead() -> chrono::DateTime<Utc> {
    let soon = Utc::now() + chrono::Duration::seconds(5);
    let minute = soon.with_second(0).unwrap().with_nanosecond(0).unwrap();
    minute + chrono::Duration::minutes(1)
}

async fn a_scheduled_article_appears_at_its_minute(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let staff = account(Role::Staff).create(app.db()).await;
    let staff = app.logged_in_as(&staff).await;
    let at = next_minute_ahead();
    let local = app::clock::local(at);
    let (date, time) = (
        local.format("%Y-%m-%d").to_string(),
        local.format("%H:%M").to_string(),
    );
    let form = [
        ("heading", "Loppemarked på pladsen"),
        ("lead", "Kom og gør et fund."),
        ("body", "Der er kaffe."),
        ("byline", "Leyla"),
        ("status", "scheduled"),
        ("publish_date", date.as_str()),
        ("publish_time", time.as_str()),
        ("intent", "save"),
    ];
    let saved = staff.post_form("/personale/artikler/ny", &form).await;
    assert_eq!(saved.status, 303, "{}", saved.body);

    let resident = app.visitor();
    let (hits, _) = counts(&app);
    let mut first_seen = None;
    let deadline = Instant::now() + Duration::from_secs(75);
    while Instant::now() < deadline {
        let asked = Utc::now();
        let news = resident.get("/nyheder").await;
        if news.body.contains("Loppemarked på pladsen") {
            assert!(
                asked >= at - chrono::Duration::seconds(1),
                "shown before its time"
            );
            first_seen = Some(Utc::now());
            break;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    let first_seen = first_seen.expect("the article appears");
    assert!(
        first_seen - at < chrono::Duration::seconds(3),
        "it appears at its minute, not {} later",
        first_seen - at
    );
    assert!(
        counts(&app).0 > hits + 10,
        "the news page was served from memory while the article waited"
    );
}

on_both_backends!(a_scheduled_article_appears_at_its_minute);

async fn a_change_through_one_instance_shows_on_the_other(backend: Backend) {
    let first = TestApp::spawn(backend).await;
    let second = first.another_instance().await;
    let path = dinner_next_week(&first, 20).await;
    let on_second = second.visitor();
    assert!(on_second
        .get(&path)
        .await
        .body
        .contains("Der er 20 ledige pladser."));
    // Kept from its second request on.
    on_second.get(&path).await;
    let (hits, _) = counts(&second);
    assert!(on_second
        .get(&path)
        .await
        .body
        .contains("Der er 20 ledige pladser."));
    assert_eq!(
        counts(&second).0,
        hits + 1,
        "the second instance keeps the page"
    );

    // A resident signs up through the first instance.
    let family = [
        ("navn", "Jonas"),
        ("voksne", "1"),
        ("boern", "2"),
        ("contact", "jonas@example.org"),
        ("note", ""),
    ];
    let answer = first.visitor().post_form(&path, &family).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    let changed = Instant::now();
    loop {
        let page = on_second.get(&path).await.body;
        if page.contains("Der er 17 ledige pladser.") {
            break;
        }
        assert!(
            changed.elapsed() < Duration::from_secs(4),
            "the second instance still shows the old seats"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    println!(
        "the second instance showed the change after {} ms",
        changed.elapsed().as_millis()
    );
}

on_both_backends!(a_change_through_one_instance_shows_on_the_other);

/// Only a real write empties the cache: posts that write nothing (a page's server function, a
/// search, a refused sign-up, a failed login) leave the kept page in place, made-up query
/// fields find it, and identical misses render it once.
async fn only_real_writes_empty_the_cache_and_a_miss_renders_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let path = dinner_next_week(&app, 12).await;
    let resident = app.visitor();
    let minute = Utc::now().minute();
    // Kept from its second request on.
    assert_eq!(resident.get(&path).await.status, 200);
    assert_eq!(resident.get(&path).await.status, 200);
    let (_, renders) = counts(&app);
    for (address, form) in [
        ("/api/forside", vec![]),
        ("/api/soeg", vec![("query", "suppe")]),
        (path.as_str(), vec![("navn", "")]),
        (
            "/log-ind",
            vec![
                ("email", "ingen@example.org"),
                ("password", "forkert kodeord"),
            ],
        ),
    ] {
        let answer = resident.post_form(address, &form).await;
        assert!(answer.status < 500, "{address}: {}", answer.status);
        assert_ne!(answer.status, 303, "{address} wrote nothing");
    }
    for made_up in ["?x=1", "?utm_source=nyhedsbrev", "?cachebuster=9f8e7d"] {
        assert_eq!(resident.get(&format!("{path}{made_up}")).await.status, 200);
    }
    let (_, after) = counts(&app);
    if Utc::now().minute() == minute {
        assert_eq!(after, renders, "nothing was rendered again");
    }

    // A real write: the next misses, sixteen at once, render the page once between them.
    assert_eq!(resident.post_form(&path, &FAMILY).await.status, 303);
    let minute = Utc::now().minute();
    let (_, before) = counts(&app);
    let visitors: Vec<Visitor> = (0..16).map(|_| app.visitor()).collect();
    let pages = futures_util::future::join_all(visitors.iter().map(|v| v.get(&path))).await;
    for page in &pages {
        assert!(page.body.contains("Der er 9 ledige pladser."));
    }
    let (_, after) = counts(&app);
    let most = if Utc::now().minute() == minute { 1 } else { 2 };
    assert!(
        (1..=most).contains(&(after - before)),
        "{} renders for sixteen identical misses",
        after - before
    );
}

on_both_backends!(only_real_writes_empty_the_cache_and_a_miss_renders_once);

/// A page kept after a miss is answered at once, also while every CPU job is taken (here by
/// jobs that wait until the answers have come, as a flood of logins, each a password hash,
/// would hold them): it is compressed behind its answer, not before it. Once the jobs are
/// free, the kept page is sent compressed.
async fn a_kept_page_never_waits_behind_the_cpu_jobs(backend: Backend) {
    use std::sync::{
        atomic::{AtomicBool, AtomicUsize, Ordering},
        Arc,
    };
    let app = TestApp::spawn(backend).await;
    article("Vinterbadning i søen").create(app.db()).await;
    let resident = app.visitor();
    // The first request of an address is not kept; the second is.
    assert_eq!(resident.get("/nyheder").await.status, 200);

    let (started, release) = (
        Arc::new(AtomicUsize::new(0)),
        Arc::new(AtomicBool::new(false)),
    );
    let jobs: Vec<_> = (0..app::cpu::cores())
        .map(|_| {
            let (started, release) = (started.clone(), release.clone());
            tokio::spawn(app::cpu::run(move || {
                started.fetch_add(1, Ordering::SeqCst);
                while !release.load(Ordering::SeqCst) {
                    std::thread::sleep(Duration::from_millis(1));
                }
            }))
        })
        .collect();
    let taken = Instant::now();
    while started.load(Ordering::SeqCst) < app::cpu::cores() {
        assert!(
            taken.elapsed() < Duration::from_secs(60),
            "the jobs never started"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    assert_eq!(app::cpu::free_permits(), 0);

    let (_, renders) = counts(&app);
    let kept = tokio::time::timeout(Duration::from_secs(20), resident.get("/nyheder")).await;
    release.store(true, Ordering::SeqCst);
    for job in jobs {
        job.await.expect("the job ends");
    }
    let kept = kept.expect("the kept page was answered while every CPU job was taken");
    assert_eq!(kept.status, 200);
    assert!(kept.body.contains("Vinterbadning i søen"));
    assert_eq!(counts(&app).1, renders + 1, "the page was kept");

    // Compressed behind the answer: soon the kept page itself is sent in brotli.
    let waited = Instant::now();
    loop {
        let (hits, _) = counts(&app);
        let answer = raw_get(&app, "/nyheder", &[("accept-encoding", "br")]).await;
        assert_eq!(answer.headers()["content-encoding"], "br");
        assert_eq!(counts(&app).0, hits + 1, "answered from the kept page");
        let bytes = answer.bytes().await.unwrap();
        let mut unpacked = String::new();
        brotli::Decompressor::new(&bytes[..], 4096)
            .read_to_string(&mut unpacked)
            .unwrap();
        assert!(unpacked.contains("Vinterbadning i søen"));
        if app.state.pages.is_compressed("/nyheder") {
            break;
        }
        assert!(
            waited.elapsed() < Duration::from_secs(60),
            "never compressed"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

on_both_backends!(a_kept_page_never_waits_behind_the_cpu_jobs);
