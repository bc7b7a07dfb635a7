//! Benchmark: how long the month view takes to render with at least 200 occurrences.
//!
//! Run with `cargo bench -p server --bench calendar_month`. It starts the portal in this
//! process on a temporary SQLite database with demo content and seven daily activities, asks
//! for `/kalender?maaned=2027-01` many times over HTTP, and prints the figures. It measures;
//! it never fails on a number.

use std::time::{Duration, Instant};

use app::calendar::{queries::NewActivity, SignupMode};
use chrono::{NaiveDate, NaiveTime, Utc};

const ROUNDS: usize = 200;

#[tokio::main]
async fn main() {
    let data = tempfile::tempdir().expect("a temporary folder");
    let url = format!("sqlite://{}", data.path().join("bench.db").display());
    let data_dir = data.path().display().to_string();
    let config = server::Config::from_lookup(|name| match name {
        "DATABASE_URL" => Some(url.clone()),
        "NABOSKAB_DATA_DIR" => Some(data_dir.clone()),
        "NABOSKAB_DEMO" => Some("1".into()),
        "LEPTOS_SITE_ADDR" => Some("127.0.0.1:0".into()),
        _ => None,
    })
    .expect("a valid configuration");
    let state = server::prepare(&config).await.expect("the app prepares");
    for n in 0..7 {
        let activity = NewActivity {
            slug: format!("dagligt-{n}"),
            name: format!("Dagligt {n}"),
            description: String::new(),
            focus_area_id: None,
            venue_id: None,
            starts_on: NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(),
            start_time: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
            end_time: NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
            rule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU".into(),
            capacity: None,
            max_party: app::calendar::DEFAULT_MAX_PARTY,
            signup_mode: SignupMode::None,
            price_note: String::new(),
            accessibility_note: String::new(),
            contact: String::new(),
            summaries: Vec::new(),
            kind: Default::default(),
            cover_image_id: None,
            cover_alt: String::new(),
        };
        state
            .db
            .calendar()
            .create_activity(None, &activity, Utc::now())
            .await
            .unwrap();
    }
    let occurrences = state
        .db
        .calendar()
        .occurrences_between(
            NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(2027, 1, 31).unwrap(),
            &Default::default(),
        )
        .await
        .unwrap()
        .len();
    let listener = server::bind("127.0.0.1:0".parse().unwrap()).await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(server::serve(listener, state));
    let client = reqwest::Client::new();
    let url = format!("http://{addr}/kalender?maaned=2027-01");

    let mut bytes = 0;
    for _ in 0..10 {
        bytes = client
            .get(&url)
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap()
            .len();
    }
    let mut times: Vec<Duration> = Vec::with_capacity(ROUNDS);
    for _ in 0..ROUNDS {
        let started = Instant::now();
        let body = client
            .get(&url)
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap();
        times.push(started.elapsed());
        assert_eq!(body.len(), bytes, "the page is the same every time");
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let mean = times.iter().map(|d| ms(*d)).sum::<f64>() / ROUNDS as f64;
    println!("calendar month view, /kalender?maaned=2027-01 (SQLite, bench profile: optimised)");
    println!("  occurrences in the month: {occurrences}");
    println!("  page size: {bytes} bytes (uncompressed)");
    println!("  requests: {ROUNDS}, one at a time");
    println!("  median: {:.2} ms", ms(times[ROUNDS / 2]));
    println!("  p95:    {:.2} ms", ms(times[ROUNDS * 95 / 100]));
    println!("  mean:   {mean:.2} ms");
    println!("  max:    {:.2} ms", ms(times[ROUNDS - 1]));
}
