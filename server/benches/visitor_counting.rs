//! Benchmark: what counting visitors costs the front page.
//!
//! ```sh
//! cargo bench -p server --bench visitor_counting [-- seconds]
//! ```
//!
//! It starts the portal twice in this process on one SQLite database with the demo content,
//! once with `NABOSKAB_COUNT_VISITORS=0` and once with counting on, and lets 32 clients (each an
//! ordinary browser of its own, so every request is a counted page view) ask for the front page
//! as fast as they can, taking turns: off, on, off, on, … for five rounds of a few seconds each
//! (3 by default). It prints the requests per second of every round, the median of each, and
//! how far counting's median is from the other's (the budget is 5 %). Then it times the counting
//! of 200,000 page views on their own, beside what a front page costs. It measures; it never
//! fails on a number.

use std::{
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc,
    },
    time::{Duration, Instant},
};

use server::{prepare, Config};

const CLIENTS: usize = 32;
const ROUNDS: usize = 5;

#[tokio::main]
async fn main() {
    let seconds: u64 = std::env::args()
        .skip(1)
        .filter(|arg| !arg.starts_with("--"))
        .find_map(|arg| arg.parse().ok())
        .unwrap_or(3);
    let data = tempfile::tempdir().expect("a temporary folder");
    let (off, _) = start(&data, false).await;
    let (on, state) = start(&data, true).await;
    println!(
        "visitor counting: front page, {CLIENTS} clients, {ROUNDS} rounds of {seconds} s each way"
    );
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(CLIENTS)
        .build()
        .expect("a client");
    // Warm both up: the first requests pay for connections and the day's salt.
    for base in [&off, &on] {
        throughput(&client, base, Duration::from_secs(1)).await;
    }
    let (mut without, mut with) = (Vec::new(), Vec::new());
    for round in 1..=ROUNDS {
        let a = throughput(&client, &off, Duration::from_secs(seconds)).await;
        let b = throughput(&client, &on, Duration::from_secs(seconds)).await;
        println!("  round {round}: counting off {a:8.0} req/s   counting on {b:8.0} req/s");
        without.push(a);
        with.push(b);
    }
    let (without, with) = (median(without), median(with));
    let change = (with - without) / without * 100.0;
    println!("median: counting off {without:.0} req/s, counting on {with:.0} req/s");
    println!(
        "counting on is {change:+.1} % against counting off (budget: within 5 %): {}",
        if change >= -5.0 { "within" } else { "OVER" }
    );

    // The counting alone, as the middleware does it for each page view, with the day's salt
    // already in memory: the hash, the robot check, the device class and the batch.
    let counter = server::visits::VisitCounter::new("bench.example.org", true);
    let agents: Vec<String> = (0..100)
        .map(|n| {
            format!("Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.{n}")
        })
        .collect();
    let now = app::clock::now();
    let views = 200_000_u32;
    let started = Instant::now();
    for n in 0..views {
        let view = server::visits::View {
            address: std::net::IpAddr::from([198, 51, 100, (n % 250) as u8]),
            user_agent: &agents[n as usize % agents.len()],
            path: "/",
            referrer: Some("https://www.google.com/"),
        };
        counter.count(&state.db, now, view).await;
    }
    let each = started.elapsed() / views;
    let page = Duration::from_secs_f64(1.0 / without);
    println!(
        "counting one page view costs {:.1} µs; one front page takes {:.0} µs of the server's time \
         at the median rate off ({:.2} % of it)",
        each.as_secs_f64() * 1e6,
        page.as_secs_f64() * 1e6,
        each.as_secs_f64() / page.as_secs_f64() * 100.0
    );
}

/// Starts a portal on the folder's database (with the demo content) and answers its address and
/// its state.
async fn start(data: &tempfile::TempDir, counting: bool) -> (String, server::state::AppState) {
    let folder = data.path().display().to_string();
    let config = Config::from_lookup(|name| match name {
        "NABOSKAB_DATA_DIR" => Some(folder.clone()),
        "NABOSKAB_DEMO" => Some("1".into()),
        "LEPTOS_SITE_ADDR" => Some("127.0.0.1:0".into()),
        "NABOSKAB_COUNT_VISITORS" => Some(if counting { "1" } else { "0" }.into()),
        _ => None,
    })
    .expect("a valid configuration");
    let state = prepare(&config).await.expect("the portal prepares");
    // The writer of counted views runs as in production.
    tokio::spawn(server::visits::write_regularly(
        state.visits.clone(),
        state.db.clone(),
    ));
    let listener = server::bind(config.site_addr).await.expect("a port");
    let address = listener.local_addr().expect("an address");
    tokio::spawn(server::serve(listener, state.clone()));
    (format!("http://{address}/"), state)
}

/// Requests per second for the front page from [`CLIENTS`] clients during `time`.
async fn throughput(client: &reqwest::Client, url: &str, time: Duration) -> f64 {
    let done = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let workers: Vec<_> = (0..CLIENTS)
        .map(|n| {
            let (client, url, done) = (client.clone(), url.to_owned(), done.clone());
            // Each client is a browser of its own, so each is a visitor of its own.
            let agent =
                format!("Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.{n}");
            tokio::spawn(async move {
                while started.elapsed() < time {
                    let answer = client
                        .get(&url)
                        .header(reqwest::header::USER_AGENT, &agent)
                        .header(reqwest::header::ACCEPT, "text/html")
                        .header(reqwest::header::ACCEPT_ENCODING, "br")
                        .send()
                        .await;
                    if let Ok(answer) = answer {
                        if answer.bytes().await.is_ok() {
                            done.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                }
            })
        })
        .collect();
    for worker in workers {
        let _ = worker.await;
    }
    done.load(Ordering::Relaxed) as f64 / started.elapsed().as_secs_f64()
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}
