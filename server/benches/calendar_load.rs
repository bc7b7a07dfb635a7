//! Benchmark: whether far calendar periods cost the server anything, and whether the front
//! page stays responsive while many clients ask for them.
//!
//! Run against a running portal (best a release build on SQLite with demo content, as in the
//! README's "Running the server yourself"):
//!
//! ```sh
//! cargo bench -p server --bench calendar_load -- http://127.0.0.1:3000 [seconds]
//! ```
//!
//! It finds an activity in `/kalender`, then asks for the month, week, date and single-date
//! feed addresses, far in the future (refused with the 404 page) and at the far edge of the
//! window of dates an address may name (five years ahead: valid, and the most expensive a
//! valid one gets): first one request at a time (about the server time of each), then with 32
//! clients requesting them as fast as they can for a while (10 seconds by default), while
//! one more client asks for the front page every 20 ms. It prints the median, p95 and max
//! latencies of each. It measures; it never fails on a number.

use std::{
    collections::BTreeMap,
    sync::Arc,
    time::{Duration, Instant},
};

use chrono::{Datelike, Months, NaiveDate, Utc, Weekday};

const CLIENTS: usize = 32;
const ROUNDS_ONE_AT_A_TIME: usize = 50;

#[tokio::main]
async fn main() {
    // `cargo bench` adds `--bench` to the arguments; the rest are ours.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|arg| !arg.starts_with("--"))
        .collect();
    let Some(base) = args.first().map(|url| url.trim_end_matches('/').to_owned()) else {
        eprintln!(
            "usage: cargo bench -p server --bench calendar_load -- <server address> [seconds]"
        );
        std::process::exit(2);
    };
    let seconds: u64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(10);
    let client = reqwest::Client::new();
    let slug = first_activity(&client, &base).await;

    // Today in Denmark is today or yesterday in UTC's eyes at worst; the edge is taken a week
    // inside the window so the two clocks never disagree on it.
    let edge = Utc::now()
        .date_naive()
        .checked_add_months(Months::new(60))
        .unwrap()
        - chrono::Duration::days(7);
    let edge_weekday = edge.weekday().num_days_from_monday();
    let edge_monday = edge - chrono::Duration::days(i64::from(edge_weekday));
    let week = |day: NaiveDate| format!("{}-W{:02}", day.iso_week().year(), day.iso_week().week());
    let targets: Vec<(&str, String)> = vec![
        ("far month", "/kalender?maaned=9999-12".to_owned()),
        ("far week", "/kalender?uge=262143-W01".to_owned()),
        ("far date", format!("/aktiviteter/{slug}/9999-12-28")),
        (
            "far date feed",
            format!("/aktiviteter/{slug}.ics?dato=9999-12-28"),
        ),
        (
            "edge month",
            format!("/kalender?maaned={}-{:02}", edge.year(), edge.month()),
        ),
        ("edge week", format!("/kalender?uge={}", week(edge))),
        (
            "edge date",
            format!(
                "/aktiviteter/{slug}/{}",
                edge_monday
                    + chrono::Duration::days(i64::from(Weekday::Tue.num_days_from_monday()),)
            ),
        ),
    ];

    println!("calendar load against {base} (activity: {slug}; edge of the window: {edge})");
    println!();
    println!("one request at a time ({ROUNDS_ONE_AT_A_TIME} each):");
    let front = timed(&client, &base, "/", ROUNDS_ONE_AT_A_TIME).await;
    print_line("front page", &front.0, &front.1);
    for (name, path) in &targets {
        let (times, statuses) = timed(&client, &base, path, ROUNDS_ONE_AT_A_TIME).await;
        print_line(&format!("{name} {path}"), &times, &statuses);
    }

    println!();
    println!("{CLIENTS} clients asking for the far and edge addresses for {seconds} s, and the front page every 20 ms:");
    let until = Instant::now() + Duration::from_secs(seconds);
    let targets = Arc::new(targets);
    let mut load = Vec::new();
    for n in 0..CLIENTS {
        let (base, targets) = (base.clone(), targets.clone());
        load.push(tokio::spawn(async move {
            let client = reqwest::Client::new();
            let mut times: BTreeMap<&'static str, Vec<Duration>> = BTreeMap::new();
            let mut statuses: BTreeMap<u16, usize> = BTreeMap::new();
            let mut i = n;
            while Instant::now() < until {
                let (name, path) = &targets[i % targets.len()];
                i += 1;
                let started = Instant::now();
                let status = fetch(&client, &format!("{base}{path}")).await;
                times.entry(name).or_default().push(started.elapsed());
                *statuses.entry(status).or_default() += 1;
            }
            (times, statuses)
        }));
    }
    let mut front_times = Vec::new();
    let mut front_statuses = BTreeMap::new();
    let front_client = reqwest::Client::new();
    while Instant::now() < until {
        let started = Instant::now();
        let status = fetch(&front_client, &format!("{base}/")).await;
        front_times.push(started.elapsed());
        *front_statuses.entry(status).or_default() += 1;
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let mut times: BTreeMap<&str, Vec<Duration>> = BTreeMap::new();
    let mut statuses: BTreeMap<u16, usize> = BTreeMap::new();
    for task in load {
        let (task_times, task_statuses) = task.await.unwrap();
        for (name, list) in task_times {
            times.entry(name).or_default().extend(list);
        }
        for (status, count) in task_statuses {
            *statuses.entry(status).or_default() += count;
        }
    }
    let total: usize = statuses.values().sum();
    print_line("front page (while loaded)", &front_times, &front_statuses);
    for (name, _) in targets.iter() {
        if let Some(list) = times.get(name) {
            print_line(name, list, &BTreeMap::new());
        }
    }
    println!(
        "  load: {total} requests in {seconds} s ({:.0}/s), statuses {statuses:?}",
        total as f64 / seconds as f64
    );
}

/// The slug of the first activity the calendar's list links to.
async fn first_activity(client: &reqwest::Client, base: &str) -> String {
    let page = client
        .get(format!("{base}/kalender"))
        .send()
        .await
        .expect("the server answers")
        .text()
        .await
        .unwrap();
    let marker = "href=\"/aktiviteter/";
    let at = page
        .find(marker)
        .expect("the calendar links to an activity (start the server with NABOSKAB_DEMO=1)");
    let rest = &page[at + marker.len()..];
    rest[..rest.find(['/', '"']).unwrap()].to_owned()
}

/// GETs `url` and reads the whole body; the status, or 0 for no answer.
async fn fetch(client: &reqwest::Client, url: &str) -> u16 {
    match client.get(url).send().await {
        Ok(response) => {
            let status = response.status().as_u16();
            let _ = response.bytes().await;
            status
        }
        Err(_) => 0,
    }
}

async fn timed(
    client: &reqwest::Client,
    base: &str,
    path: &str,
    rounds: usize,
) -> (Vec<Duration>, BTreeMap<u16, usize>) {
    let url = format!("{base}{path}");
    fetch(client, &url).await;
    let mut times = Vec::with_capacity(rounds);
    let mut statuses = BTreeMap::new();
    for _ in 0..rounds {
        let started = Instant::now();
        let status = fetch(client, &url).await;
        times.push(started.elapsed());
        *statuses.entry(status).or_default() += 1;
    }
    (times, statuses)
}

fn print_line(name: &str, times: &[Duration], statuses: &BTreeMap<u16, usize>) {
    let mut times = times.to_vec();
    if times.is_empty() {
        println!("  {name}: no requests");
        return;
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let at = |share: f64| times[((times.len() as f64 * share) as usize).min(times.len() - 1)];
    let statuses = if statuses.is_empty() {
        String::new()
    } else {
        format!(", statuses {statuses:?}")
    };
    println!(
        "  {name}: n={} median {:.2} ms, p95 {:.2} ms, max {:.2} ms{statuses}",
        times.len(),
        ms(at(0.5)),
        ms(at(0.95)),
        ms(times[times.len() - 1]),
    );
}
