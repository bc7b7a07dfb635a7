//! Benchmark: the portal's speed and weight against nginx serving the very same bytes, run by
//! `cargo xtask bench` (which installs wrk, nginx and Lighthouse and builds the release first).
//!
//! ```sh
//! cargo bench -p server --bench portal -- --binary target/release/naboskab --site target/site \
//!     --out target/bench [--seconds 10] [--postgres URL] [--lighthouse PATH]
//! ```
//!
//! It starts the release binary with demo content on SQLite (and on PostgreSQL with
//! `--postgres`), and nginx on the same machine serving the bytes the portal sent for the front
//! page, an article, the calendar month and a date page with its sign-up form. Then, with wrk
//! (2 threads, 32 connections) against both: requests/s with p50 and p99 per page and the
//! ratio to nginx; the same pages rendered for every request (a cookie passes the page cache by);
//! p99 at half of the measured peak at a fixed rate (an open-loop client of its own: wrk cannot
//! hold a rate, and latency counts from when a request was due); compressed bytes of HTML, CSS
//! and JS+WASM per page type; sign-up POSTs per second; resident memory after the load; the
//! front page and calendar on a database with ten years of history beside one year; and, with
//! `--lighthouse`, Lighthouse's scores and LCP/TBT/CLS (mobile, median of 3); and with `--smtp`
//! (maildev, which `cargo xtask bench` starts), the week's newsletter to 5,000 subscribers: how
//! long queuing and sending take, and the cached front page's requests/s while it goes beside
//! the same page before (`--only newsletter` measures this part alone). It writes
//! `report.md` and `report.json` in `--out` and prints the Markdown. It measures; it never
//! fails on a number.

use std::{
    collections::BTreeMap,
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc,
    },
    time::{Duration, Instant},
};

use scraper::{Html, Selector};
use serde_json::{json, Value};

/// wrk's threads and connections, the same against the portal and nginx.
const THREADS: u32 = 2;
const CONNECTIONS: u32 = 32;

/// The budgets of the issue, in bytes compressed (brotli).
const HTML_BUDGET: usize = 20 * 1024;
const CSS_BUDGET: usize = 15 * 1024;

struct Args {
    binary: PathBuf,
    site: PathBuf,
    out: PathBuf,
    seconds: u64,
    postgres: Option<String>,
    lighthouse: Option<PathBuf>,
    /// An SMTP server to send the newsletter bench's emails to (maildev).
    smtp: Option<String>,
    /// `--only newsletter`: the newsletter's part alone.
    only: Option<String>,
}

fn args() -> Args {
    let mut args = std::env::args().skip(1).filter(|arg| arg != "--bench");
    let mut parsed = Args {
        binary: PathBuf::from("target/release/naboskab"),
        site: PathBuf::from("target/site"),
        out: PathBuf::from("target/bench"),
        seconds: 10,
        postgres: None,
        lighthouse: None,
        smtp: None,
        only: None,
    };
    while let Some(name) = args.next() {
        let value = args.next().unwrap_or_default();
        match name.as_str() {
            "--binary" => parsed.binary = value.into(),
            "--site" => parsed.site = value.into(),
            "--out" => parsed.out = value.into(),
            "--seconds" => parsed.seconds = value.parse().unwrap_or(10),
            "--postgres" => parsed.postgres = Some(value),
            "--lighthouse" => parsed.lighthouse = Some(value.into()),
            "--smtp" => parsed.smtp = Some(value),
            "--only" => parsed.only = Some(value),
            other => {
                eprintln!("unknown argument {other}");
                std::process::exit(2);
            }
        }
    }
    parsed
}

/// A child process that is killed when dropped.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .expect("a free port")
}

/// Starts the portal on `database_url` (with demo content when `demo`), and waits for it.
async fn start_portal(
    args: &Args,
    database_url: &str,
    data: &Path,
    demo: bool,
) -> (Running, String) {
    start_portal_sending(args, database_url, data, demo, None).await
}

/// [`start_portal`] with its email going to the SMTP server `smtp` (else to files).
async fn start_portal_sending(
    args: &Args,
    database_url: &str,
    data: &Path,
    demo: bool,
    smtp: Option<&str>,
) -> (Running, String) {
    let port = free_port();
    let mut command = Command::new(&args.binary);
    if let Some(smtp) = smtp {
        command.env("SMTP_URL", smtp);
    }
    let child = Running(
        command
            .env("DATABASE_URL", database_url)
            .env("NABOSKAB_DATA_DIR", data)
            .env("NABOSKAB_DEMO", if demo { "1" } else { "0" })
            .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
            .env("LEPTOS_SITE_ROOT", &args.site)
            .env("NABOSKAB_PUBLIC_URL", format!("http://127.0.0.1:{port}"))
            // The sign-up load comes through "a proxy" that names a new resident each time.
            .env("NABOSKAB_TRUSTED_PROXIES", "127.0.0.1")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|err| panic!("cannot start {}: {err}", args.binary.display())),
    );
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();
    let deadline = Instant::now() + Duration::from_secs(300);
    while Instant::now() < deadline {
        if client
            .get(format!("{base}/healthz"))
            .send()
            .await
            .is_ok_and(|answer| answer.status().is_success())
        {
            return (child, base);
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("the portal did not answer within 5 minutes");
}

/// Starts nginx serving `root` on a free port, with a configuration of its own in `work`.
fn start_nginx(root: &Path, work: &Path) -> (Running, String) {
    let port = free_port();
    std::fs::create_dir_all(work.join("logs")).unwrap();
    let config = format!(
        "daemon off; worker_processes auto; error_log {work}/logs/error.log; pid {work}/nginx.pid;\n\
         events {{ worker_connections 1024; }}\n\
         http {{ access_log off; sendfile on; tcp_nodelay on; keepalive_requests 100000;\n\
           client_body_temp_path {work}/body; proxy_temp_path {work}/proxy;\n\
           fastcgi_temp_path {work}/fastcgi; uwsgi_temp_path {work}/uwsgi; scgi_temp_path {work}/scgi;\n\
           types {{ text/html html; }}\n\
           server {{ listen 127.0.0.1:{port}; root {root}; }} }}\n",
        work = work.display(),
        root = root.display(),
    );
    let file = work.join("nginx.conf");
    std::fs::write(&file, config).unwrap();
    let nginx = ["/usr/sbin/nginx", "nginx"]
        .into_iter()
        .find(|path| Path::new(path).exists())
        .unwrap_or("nginx");
    let child = Running(
        Command::new(nginx)
            .arg("-c")
            .arg(&file)
            .arg("-p")
            .arg(work)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("nginx starts (cargo xtask bench installs it)"),
    );
    let base = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "nginx did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    (child, base)
}

/// What wrk measured.
#[derive(Clone, Copy, Debug, Default)]
struct Load {
    per_second: f64,
    p50_ms: f64,
    p99_ms: f64,
    errors: u64,
}

impl Load {
    fn json(self) -> Value {
        json!({"requests_per_second": self.per_second, "p50_ms": self.p50_ms,
               "p99_ms": self.p99_ms, "errors": self.errors})
    }
}

/// wrk against `url` for `seconds`, with `headers`.
fn wrk(url: &str, seconds: u64, headers: &[&str]) -> Load {
    let mut command = Command::new("wrk");
    command.args([
        format!("-t{THREADS}"),
        format!("-c{CONNECTIONS}"),
        format!("-d{seconds}s"),
        "--latency".to_owned(),
    ]);
    for header in headers {
        command.arg("-H").arg(header);
    }
    let output = command
        .arg(url)
        .output()
        .expect("wrk runs (cargo xtask bench installs it)");
    parse_wrk(&String::from_utf8_lossy(&output.stdout))
}

/// Reads wrk's text report: `Requests/sec:`, the latency distribution's 50 % and 99 % lines,
/// and the non-2xx/3xx and socket errors.
fn parse_wrk(report: &str) -> Load {
    let millis = |value: &str| -> f64 {
        let value = value.trim();
        let (number, unit) = value.split_at(
            value
                .find(|c: char| c.is_alphabetic())
                .unwrap_or(value.len()),
        );
        let number: f64 = number.parse().unwrap_or(f64::NAN);
        match unit {
            "us" => number / 1000.0,
            "ms" => number,
            "s" => number * 1000.0,
            "m" => number * 60_000.0,
            _ => f64::NAN,
        }
    };
    let mut load = Load::default();
    for line in report.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            ["Requests/sec:", value] => load.per_second = value.parse().unwrap_or(0.0),
            ["50%", value] => load.p50_ms = millis(value),
            ["99%", value] => load.p99_ms = millis(value),
            ["Non-2xx", "or", "3xx", "responses:", count] => {
                load.errors += count.parse::<u64>().unwrap_or(0)
            }
            ["Socket", "errors:", rest @ ..] => {
                load.errors += rest
                    .iter()
                    .filter_map(|word| word.trim_end_matches(',').parse::<u64>().ok())
                    .sum::<u64>()
            }
            _ => {}
        }
    }
    load
}

/// An open-loop client at a fixed `rate` for `seconds`: each request is due at its moment and
/// its latency counts from then (so a slow answer delays nobody's measurement).
async fn fixed_rate(url: &str, rate: f64, seconds: u64) -> Load {
    let client = reqwest::Client::new();
    let total = (rate * seconds as f64) as u64;
    let gap = Duration::from_secs_f64(1.0 / rate.max(1.0));
    let errors = Arc::new(AtomicU64::new(0));
    let start = Instant::now() + Duration::from_millis(100);
    let mut tasks = Vec::with_capacity(total as usize);
    for n in 0..total {
        let due = start + gap * u32::try_from(n).unwrap_or(u32::MAX);
        let (client, url, errors) = (client.clone(), url.to_owned(), errors.clone());
        tasks.push(tokio::spawn(async move {
            tokio::time::sleep_until(due.into()).await;
            let ok = match client.get(&url).send().await {
                Ok(answer) => answer.status().is_success() && answer.bytes().await.is_ok(),
                Err(_) => false,
            };
            if !ok {
                errors.fetch_add(1, Ordering::Relaxed);
            }
            due.elapsed()
        }));
    }
    let mut latencies = Vec::with_capacity(tasks.len());
    for task in tasks {
        if let Ok(latency) = task.await {
            latencies.push(latency.as_secs_f64() * 1000.0);
        }
    }
    latencies.sort_by(f64::total_cmp);
    let at = |share: f64| {
        latencies[((latencies.len() as f64 * share) as usize).min(latencies.len() - 1)]
    };
    Load {
        per_second: rate,
        p50_ms: at(0.50),
        p99_ms: at(0.99),
        errors: errors.load(Ordering::Relaxed),
    }
}

/// The first link on `page` of `base` whose address starts with `prefix` (and is longer).
async fn first_link(client: &reqwest::Client, base: &str, page: &str, prefix: &str) -> String {
    let html = client
        .get(format!("{base}{page}"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let document = Html::parse_document(&html);
    let links = Selector::parse("a[href]").unwrap();
    document
        .select(&links)
        .filter_map(|link| link.value().attr("href"))
        .find(|href| href.starts_with(prefix) && href.len() > prefix.len() + 1)
        .unwrap_or_else(|| panic!("no link to {prefix}… on {page}"))
        .to_owned()
}

/// The pages measured: (name, address).
async fn pages(client: &reqwest::Client, base: &str) -> Vec<(&'static str, String)> {
    let article = first_link(client, base, "/nyheder", "/nyheder/").await;
    let date = first_link(
        client,
        base,
        "/aktiviteter/faellesspisning-parkcafeen",
        "/aktiviteter/faellesspisning-parkcafeen/",
    )
    .await;
    let month = chrono::Utc::now()
        .format("/kalender?maaned=%Y-%m")
        .to_string();
    vec![
        ("front page", "/".to_owned()),
        ("article", article),
        ("calendar month", month),
        ("date page with its form", date),
        // The same front page in the other languages, each kept in the cache on its own.
        ("front page in English", "/en".to_owned()),
        ("front page in Arabic", "/ar".to_owned()),
    ]
}

/// The compressed bytes (brotli) of a page and of the stylesheets, scripts and WASM it loads.
async fn weight(
    client: &reqwest::Client,
    base: &str,
    path: &str,
    cookie: Option<&str>,
) -> (usize, usize, usize) {
    let get = |address: String| {
        let mut request = client.get(address).header("accept-encoding", "br");
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        request
    };
    let body = |answer: reqwest::Response| async move {
        answer.bytes().await.map(|b| b.len()).unwrap_or(0)
    };
    let page = get(format!("{base}{path}")).send().await.unwrap();
    let plain = client
        .get(format!("{base}{path}"))
        .header("cookie", cookie.unwrap_or(""))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let html = body(page).await;
    let document = Html::parse_document(&plain);
    let mut css = 0;
    let mut script = 0;
    let select = |selector: &str, attribute: &str| -> Vec<String> {
        document
            .select(&Selector::parse(selector).unwrap())
            .filter_map(|element| element.value().attr(attribute).map(str::to_owned))
            .collect()
    };
    for href in select("link[rel=stylesheet]", "href") {
        css += body(get(format!("{base}{href}")).send().await.unwrap()).await;
    }
    let mut scripts = select("script[src]", "src");
    scripts.extend(select("link[rel=modulepreload]", "href"));
    scripts.extend(select("link[rel=preload][as=fetch]", "href"));
    scripts.sort();
    scripts.dedup();
    for src in scripts {
        script += body(get(format!("{base}{src}")).send().await.unwrap()).await;
    }
    (html, css, script)
}

/// Sign-up POSTs to `path` by 32 clients for `seconds`, each from a new address (through the
/// trusted proxy); returns the acknowledged ones per second and the failures.
async fn signups(base: &str, path: &str, seconds: u64) -> (f64, u64) {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let counter = Arc::new(AtomicU64::new(0));
    let failed = Arc::new(AtomicU64::new(0));
    let done = Arc::new(AtomicU64::new(0));
    let end = Instant::now() + Duration::from_secs(seconds);
    let mut tasks = Vec::new();
    for _ in 0..CONNECTIONS {
        let (client, counter, failed, done) = (
            client.clone(),
            counter.clone(),
            failed.clone(),
            done.clone(),
        );
        let (url, origin) = (format!("{base}{path}"), base.to_owned());
        tasks.push(tokio::spawn(async move {
            while Instant::now() < end {
                let n = counter.fetch_add(1, Ordering::Relaxed);
                let address = format!("10.{}.{}.{}", (n >> 16) & 255, (n >> 8) & 255, n & 255);
                let name = format!("Bænkefamilie {n}");
                let answer = client
                    .post(&url)
                    .header("origin", &origin)
                    .header("x-forwarded-for", address)
                    .form(&[
                        ("navn", name.as_str()),
                        ("voksne", "1"),
                        ("boern", "0"),
                        ("contact", ""),
                        ("note", ""),
                    ])
                    .send()
                    .await;
                match answer {
                    Ok(answer) if answer.status() == 303 => done.fetch_add(1, Ordering::Relaxed),
                    _ => failed.fetch_add(1, Ordering::Relaxed),
                };
            }
        }));
    }
    for task in tasks {
        let _ = task.await;
    }
    (
        done.load(Ordering::Relaxed) as f64 / seconds as f64,
        failed.load(Ordering::Relaxed),
    )
}

/// The middle of `figures` (three or more).
fn median(figures: &mut [f64]) -> f64 {
    figures.sort_by(f64::total_cmp);
    figures[figures.len() / 2]
}

/// The resident memory of process `pid` in MB.
fn resident_mb(pid: u32) -> f64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|line| line.starts_with("VmRSS:"))
                .and_then(|line| line.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// Lighthouse (mobile preset, its default) on `url` three times: the median of each figure.
fn lighthouse(program: &Path, url: &str, work: &Path) -> Option<Value> {
    let mut runs = Vec::new();
    for run in 0..3 {
        let report = work.join(format!("lighthouse-{run}.json"));
        let status = Command::new(program)
            .arg(url)
            .args([
                "--output=json",
                "--quiet",
                "--chrome-flags=--headless=new --no-sandbox",
            ])
            .arg(format!("--output-path={}", report.display()))
            .env(
                "CHROME_PATH",
                std::env::var("CHROME_PATH").unwrap_or_else(|_| "/usr/bin/chromium".into()),
            )
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .ok()?;
        if !status.success() {
            return None;
        }
        runs.push(serde_json::from_str::<Value>(&std::fs::read_to_string(&report).ok()?).ok()?);
    }
    let median = |pick: &dyn Fn(&Value) -> Option<f64>| -> f64 {
        let mut values: Vec<f64> = runs.iter().filter_map(pick).collect();
        values.sort_by(f64::total_cmp);
        values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
    };
    let mut figures = serde_json::Map::new();
    for category in ["performance", "accessibility", "best-practices", "seo"] {
        let score = median(&|run| run["categories"][category]["score"].as_f64());
        figures.insert(category.into(), json!((score * 100.0).round()));
    }
    for (name, audit) in [
        ("lcp_ms", "largest-contentful-paint"),
        ("tbt_ms", "total-blocking-time"),
        ("cls", "cumulative-layout-shift"),
    ] {
        figures.insert(
            name.into(),
            json!(median(&|run| run["audits"][audit]["numericValue"].as_f64())),
        );
    }
    let failing: Vec<String> = runs[0]["categories"]
        .as_object()
        .into_iter()
        .flat_map(|categories| categories.values())
        .flat_map(|category| {
            category["auditRefs"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
        .filter_map(|reference| reference["id"].as_str().map(str::to_owned))
        .filter(|id| {
            let audit = &runs[0]["audits"][id];
            audit["score"].as_f64().is_some_and(|score| score < 0.9)
                && audit["scoreDisplayMode"].as_str() == Some("binary")
        })
        .collect();
    figures.insert("failing_audits".into(), json!(failing));
    Some(Value::Object(figures))
}

/// Everything measured against one running portal.
async fn measure(
    args: &Args,
    base: &str,
    pid: u32,
    nginx_root: &Path,
    nginx: &str,
    report: &mut Report,
    backend: &str,
) {
    let client = reqwest::Client::new();
    let pages = pages(&client, base).await;
    for (name, path) in &pages {
        let bytes = client
            .get(format!("{base}{path}"))
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap();
        let file = format!("{}.html", name.replace(' ', "-"));
        std::fs::write(nginx_root.join(&file), &bytes).unwrap();
        let portal = wrk(&format!("{base}{path}"), args.seconds, &[]);
        let same_bytes = wrk(&format!("{nginx}/{file}"), args.seconds, &[]);
        let rendered = wrk(
            &format!("{base}{path}"),
            args.seconds,
            &["Cookie: bench=rendered"],
        );
        let steady = fixed_rate(
            &format!("{base}{path}"),
            (portal.per_second / 2.0).max(1.0),
            args.seconds.min(5),
        )
        .await;
        let (html, css, script) = weight(&client, base, path, None).await;
        report.pages.push(json!({
            "backend": backend, "page": name, "path": path,
            "portal": portal.json(), "nginx": same_bytes.json(),
            "ratio_to_nginx": portal.per_second / same_bytes.per_second,
            "rendered_every_time": rendered.json(),
            "fixed_rate_half_peak": steady.json(),
            "bytes_brotli": {"html": html, "css": css, "js_wasm": script},
        }));
    }
    // Each language's cached front page beside the Danish one (the budget: within 10 %). The
    // pages above are measured one after another, the Danish first and the Arabic last, after
    // minutes of rendering; so here the three are measured side by side, in three rounds of
    // Danish, English, Arabic, and each language's median round is compared.
    let mut rounds: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    for _ in 0..3 {
        for (code, path) in [("da", "/"), ("en", "/en"), ("ar", "/ar")] {
            let load = wrk(&format!("{base}{path}"), args.seconds, &[]);
            rounds.entry(code).or_default().push(load.per_second);
        }
    }
    let danish = median(&mut rounds["da"].clone());
    let languages: BTreeMap<&str, Value> = rounds
        .iter()
        .map(|(code, figures)| {
            let per_second = median(&mut figures.clone());
            let share = if danish > 0.0 {
                per_second / danish
            } else {
                0.0
            };
            (
                *code,
                json!({"requests_per_second": per_second, "rounds": figures,
                       "share_of_danish": share}),
            )
        })
        .collect();
    report.extra.insert(
        format!(
            "{backend}: cached front page per language side by side (median of 3 rounds), \
             requests/s and share of the Danish one"
        ),
        json!(languages),
    );
    let date = &pages[3].1;
    let (per_second, failed) = signups(base, date, args.seconds).await;
    report.extra.insert(
        format!("{backend}: sign-up POSTs per second"),
        json!({"acknowledged_per_second": per_second, "failed": failed}),
    );
    report.extra.insert(
        format!("{backend}: resident memory after the load (MB)"),
        json!(resident_mb(pid)),
    );
}

#[derive(Default)]
struct Report {
    pages: Vec<Value>,
    history: Vec<Value>,
    lighthouse: BTreeMap<String, Value>,
    extra: BTreeMap<String, Value>,
    island_page: Option<Value>,
}

impl Report {
    fn markdown(&self, seconds: u64) -> String {
        let mut md = format!(
            "# Naboskab bench\n\nwrk, {THREADS} threads, {CONNECTIONS} connections, {seconds} s a run, on this machine; nginx serves the very same bytes. \"Rendered\" passes the page cache by (a cookie), as a logged-in person's request does.\n\n\
             | backend | page | portal req/s | p50 ms | p99 ms | nginx req/s | ratio | rendered req/s | p99 ms at half peak (fixed rate) | HTML / CSS / JS+WASM bytes (br) |\n|---|---|---|---|---|---|---|---|---|---|\n"
        );
        for page in &self.pages {
            md.push_str(&format!(
                "| {} | {} | {:.0} | {:.2} | {:.2} | {:.0} | {:.1} % | {:.0} | {:.2} at {:.0}/s | {} / {} / {} |\n",
                page["backend"].as_str().unwrap_or_default(),
                page["page"].as_str().unwrap_or_default(),
                page["portal"]["requests_per_second"].as_f64().unwrap_or(0.0),
                page["portal"]["p50_ms"].as_f64().unwrap_or(0.0),
                page["portal"]["p99_ms"].as_f64().unwrap_or(0.0),
                page["nginx"]["requests_per_second"].as_f64().unwrap_or(0.0),
                100.0 * page["ratio_to_nginx"].as_f64().unwrap_or(0.0),
                page["rendered_every_time"]["requests_per_second"].as_f64().unwrap_or(0.0),
                page["fixed_rate_half_peak"]["p99_ms"].as_f64().unwrap_or(0.0),
                page["fixed_rate_half_peak"]["requests_per_second"].as_f64().unwrap_or(0.0),
                page["bytes_brotli"]["html"], page["bytes_brotli"]["css"], page["bytes_brotli"]["js_wasm"],
            ));
        }
        md.push_str(&format!("\nBudgets: HTML ≤ {HTML_BUDGET} B, CSS ≤ {CSS_BUDGET} B compressed; pages without islands 0 B of JS and WASM.\n"));
        if let Some(island) = &self.island_page {
            md.push_str(&format!(
                "\nThe page with an island (the article editor, staff): {island}\n"
            ));
        }
        if !self.history.is_empty() {
            md.push_str("\n## Ten years of history beside one (SQLite; both up at once, measured in turns, median of 3 each)\n\n| page | served | 1 year req/s | 10 years req/s | change |\n|---|---|---|---|---|\n");
            for row in &self.history {
                md.push_str(&format!(
                    "| {} | {} | {:.0} | {:.0} | {:+.1} % |\n",
                    row["page"].as_str().unwrap_or_default(),
                    row["served"].as_str().unwrap_or_default(),
                    row["one_year"].as_f64().unwrap_or(0.0),
                    row["ten_years"].as_f64().unwrap_or(0.0),
                    row["change_percent"].as_f64().unwrap_or(0.0),
                ));
            }
        }
        md.push_str("\n## Other figures\n\n");
        for (name, value) in &self.extra {
            md.push_str(&format!("- {name}: {value}\n"));
        }
        if !self.lighthouse.is_empty() {
            md.push_str("\n## Lighthouse (mobile, median of 3)\n\n| page | performance | accessibility | best practices | SEO | LCP ms | TBT ms | CLS | failing audits |\n|---|---|---|---|---|---|---|---|---|\n");
            for (page, figures) in &self.lighthouse {
                md.push_str(&format!(
                    "| {page} | {} | {} | {} | {} | {:.0} | {:.0} | {:.3} | {} |\n",
                    figures["performance"],
                    figures["accessibility"],
                    figures["best-practices"],
                    figures["seo"],
                    figures["lcp_ms"].as_f64().unwrap_or(f64::NAN),
                    figures["tbt_ms"].as_f64().unwrap_or(f64::NAN),
                    figures["cls"].as_f64().unwrap_or(f64::NAN),
                    figures["failing_audits"],
                ));
            }
        }
        md
    }
}

/// The time to build last year's report (`/personale/rapport`) and its Word document on the
/// portal at `base` (the ten-year history), as the demo's staff member asks for them: the
/// median of five of each. Budget: under a second each.
async fn report_timings(base: &str, report: &mut Report) {
    let staff = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let logged_in = staff
        .post(format!("{base}/log-ind"))
        .header("origin", base)
        .form(&[
            ("email", "medarbejder@nordby.example"),
            ("password", "kaffe-i-parkcafeen"),
        ])
        .send()
        .await
        .is_ok_and(|answer| answer.status() == 303);
    if !logged_in {
        eprintln!("bench: could not log in to time the report");
        return;
    }
    let year = chrono::Datelike::year(&app::clock::today()) - 1;
    for (name, path) in [
        ("report page", format!("/personale/rapport?aar={year}")),
        (
            "report document (.docx)",
            format!("/personale/rapport.docx?aar={year}"),
        ),
    ] {
        let mut took = Vec::new();
        let mut bytes = 0;
        for _ in 0..5 {
            let started = Instant::now();
            let answer = staff.get(format!("{base}{path}")).send().await.unwrap();
            assert_eq!(answer.status(), 200, "{path}");
            bytes = answer.bytes().await.map(|body| body.len()).unwrap_or(0);
            took.push(started.elapsed().as_secs_f64() * 1000.0);
        }
        report.extra.insert(
            format!(
                "SQLite, ten years of history: {name} of {year}, ms (median of 5; budget 1000)"
            ),
            json!({"ms": (median(&mut took) * 10.0).round() / 10.0, "bytes": bytes}),
        );
    }
}

/// Subscribers of the newsletter bench.
const SUBSCRIBERS: usize = 5_000;

/// The week's newsletter to [`SUBSCRIBERS`] confirmed subscribers, sent to `smtp` (maildev) by
/// the portal's own weekly job and outbox worker: the front page's requests/s before and while
/// it goes (medians of rounds), the time from the week's claim until every email is queued, and
/// until every email is sent.
async fn newsletter(args: &Args, smtp: &str, work: &Path, report: &mut Report) {
    eprintln!("bench: the newsletter to {SUBSCRIBERS} subscribers");
    let data = work.join("sqlite-newsletter");
    std::fs::create_dir_all(&data).unwrap();
    let url = format!("sqlite://{}", data.join("naboskab.db").display());
    let db = app::db::Db::connect(&url)
        .await
        .expect("the bench database opens");
    db.migrate().await.expect("migrations run");
    app::demo::load_if_empty(&db)
        .await
        .expect("the demo content loads");
    // Not due while the page is measured alone: the last minute of Sunday (a bench run then
    // would start sending early, and say so by its figures).
    let set_schedule = |weekday: chrono::Weekday, at: &str| {
        let db = db.clone();
        let at = chrono::NaiveTime::parse_from_str(at, "%H:%M").unwrap();
        async move {
            let mut settings = db.newsletter().settings().await.unwrap();
            settings.schedule = app::newsletter::Schedule { weekday, at };
            settings.note = "Velkommen til ugens nyhedsbrev.".into();
            db.newsletter().save_settings(&settings).await.unwrap();
        }
    };
    set_schedule(chrono::Weekday::Sun, "23:59").await;
    let now = chrono::Utc::now();
    for chunk in (0..SUBSCRIBERS).collect::<Vec<_>>().chunks(500) {
        let rows: Vec<String> = chunk
            .iter()
            .map(|n| format!("('nabo{n}@example.org', 'da', $1, $1)"))
            .collect();
        let sql = format!(
            "insert into subscribers (email, lang, created_at, confirmed_at) values {}",
            rows.join(", ")
        );
        app::db_run!(db, |pool| sqlx::query(&sql)
            .bind(now)
            .execute(pool)
            .await
            .map(drop))
        .expect("subscribers are written");
    }
    let (portal, base) = start_portal_sending(args, &url, &data, false, Some(smtp)).await;
    let front = format!("{base}/");
    let mut before = Vec::new();
    for _ in 0..3 {
        before.push(wrk(&front, args.seconds, &[]).per_second);
    }

    // Due from now on: the portal's job finds it within a minute.
    set_schedule(chrono::Weekday::Mon, "00:00").await;
    let count = |sql: &'static str| {
        let db = db.clone();
        async move {
            app::db_run!(db, |pool| sqlx::query_scalar::<_, i64>(sql)
                .fetch_one(pool)
                .await)
            .unwrap_or(0)
        }
    };
    let waited = Instant::now();
    while count("select count(*) from outbox where subscriber_id is not null").await == 0 {
        assert!(
            waited.elapsed() < Duration::from_secs(180),
            "the weekly job did not start within 3 minutes"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let started = Instant::now();
    let mut queued_after = None;
    let mut during = Vec::new();
    loop {
        let queued = count("select count(*) from outbox where subscriber_id is not null").await;
        if queued_after.is_none() && queued >= SUBSCRIBERS as i64 {
            queued_after = Some(started.elapsed());
        }
        let waiting = count(
            "select count(*) from outbox where subscriber_id is not null and status = 'queued'",
        )
        .await;
        if queued_after.is_some() && waiting == 0 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(1800),
            "the newsletter was not sent within 30 minutes"
        );
        during.push(wrk(&front, args.seconds.min(5), &[]).per_second);
    }
    let sent_after = started.elapsed();
    let failed =
        count("select count(*) from outbox where subscriber_id is not null and status = 'failed'")
            .await;
    drop(portal);
    db.close().await;
    let (before, during) = (median(&mut before), median(&mut during));
    report.extra.insert(
        format!("SQLite: the newsletter to {SUBSCRIBERS} subscribers (maildev), and the cached front page meanwhile"),
        json!({
            "queued_in_seconds": queued_after.map(|d| d.as_secs_f64()),
            "sent_in_seconds": sent_after.as_secs_f64(),
            "failed": failed,
            "front_page_per_second_before": before,
            "front_page_per_second_while_sending": during,
            "change_percent": 100.0 * (during - before) / before,
        }),
    );
}

/// A database with the demo content begun `earlier_years` before the usual year.
async fn database_with_history(url: &str, earlier_years: u32) {
    let db = app::db::Db::connect(url)
        .await
        .expect("the bench database opens");
    db.migrate().await.expect("migrations run");
    app::demo::load_with_history(&db, earlier_years)
        .await
        .expect("the demo content loads");
    db.close().await;
}

#[tokio::main]
async fn main() {
    let args = args();
    assert!(
        args.binary.exists(),
        "no {}: build the release first (cargo xtask bench does)",
        args.binary.display()
    );
    let out = args.out.clone();
    let _ = std::fs::remove_dir_all(out.join("work"));
    let work = out.join("work");
    let nginx_root = work.join("nginx-root");
    std::fs::create_dir_all(&nginx_root).unwrap();
    let (_nginx, nginx) = start_nginx(&nginx_root, &work.join("nginx"));
    let mut report = Report::default();
    if args.only.as_deref() == Some("newsletter") {
        let smtp = args.smtp.clone().expect("--only newsletter needs --smtp");
        newsletter(&args, &smtp, &work, &mut report).await;
        println!("{}", report.markdown(args.seconds));
        return;
    }

    // SQLite, one year of history (the demo content as it is).
    let one_year = work.join("sqlite-1");
    std::fs::create_dir_all(&one_year).unwrap();
    let url = format!("sqlite://{}", one_year.join("naboskab.db").display());
    eprintln!("bench: SQLite with the demo content");
    let (portal, base) = start_portal(&args, &url, &one_year, true).await;
    measure(
        &args,
        &base,
        portal.0.id(),
        &nginx_root,
        &nginx,
        &mut report,
        "SQLite",
    )
    .await;
    let client = reqwest::Client::new();
    let pages = pages(&client, &base).await;
    // The article editor, the page with an island, as staff see it.
    let staff = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let logged_in = staff
        .post(format!("{base}/log-ind"))
        .header("origin", &base)
        .form(&[
            ("email", "medarbejder@nordby.example"),
            ("password", "kaffe-i-parkcafeen"),
        ])
        .send()
        .await
        .is_ok_and(|answer| answer.status() == 303);
    if logged_in {
        let editor = staff
            .get(format!("{base}/personale/artikler/ny"))
            .header("accept-encoding", "br")
            .send()
            .await
            .unwrap();
        let html = editor.bytes().await.map(|b| b.len()).unwrap_or(0);
        let wasm = std::fs::read_dir(args.site.join("pkg"))
            .map(|files| {
                files
                    .filter_map(Result::ok)
                    .filter(|file| {
                        file.path()
                            .extension()
                            .is_some_and(|ext| ext == "wasm" || ext == "js")
                    })
                    .map(|file| file.path())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        let mut script = 0;
        for file in wasm {
            let name = file.file_name().unwrap().to_string_lossy().to_string();
            script += client
                .get(format!("{base}/pkg/{name}"))
                .header("accept-encoding", "br")
                .send()
                .await
                .unwrap()
                .bytes()
                .await
                .map(|b| b.len())
                .unwrap_or(0);
        }
        report.island_page =
            Some(json!({"html_bytes_brotli": html, "js_wasm_bytes_brotli": script}));
    }
    if let Some(program) = &args.lighthouse {
        eprintln!("bench: Lighthouse");
        for (name, path) in &pages {
            match lighthouse(program, &format!("{base}{path}"), &work) {
                Some(figures) => {
                    report.lighthouse.insert((*name).to_owned(), figures);
                }
                None => eprintln!("bench: Lighthouse did not run on {path}"),
            }
        }
    }

    // SQLite, ten years of history, beside the one-year portal, which stays up: the two are
    // measured in turns, three rounds each, and the medians compared, so that whatever else
    // the machine does (Lighthouse's Chromium just ran) falls on both alike.
    eprintln!("bench: SQLite with ten years of history (loading it takes a while)");
    let ten_years = work.join("sqlite-10");
    std::fs::create_dir_all(&ten_years).unwrap();
    let url = format!("sqlite://{}", ten_years.join("naboskab.db").display());
    database_with_history(&url, 9).await;
    let (ten_year_portal, ten_year_base) = start_portal(&args, &url, &ten_years, false).await;
    for (name, path) in pages
        .iter()
        .filter(|(name, _)| matches!(*name, "front page" | "calendar month"))
    {
        for (served, headers) in [
            ("from the cache", &[][..]),
            ("rendered", &["Cookie: bench=rendered"][..]),
        ] {
            let (mut one, mut ten) = (Vec::new(), Vec::new());
            for _ in 0..3 {
                one.push(wrk(&format!("{base}{path}"), args.seconds, headers).per_second);
                ten.push(wrk(&format!("{ten_year_base}{path}"), args.seconds, headers).per_second);
            }
            let (one, ten) = (median(&mut one), median(&mut ten));
            report.history.push(
                json!({"page": name, "served": served, "one_year": one, "ten_years": ten,
                       "change_percent": 100.0 * (ten - one) / one}),
            );
        }
    }
    report_timings(&ten_year_base, &mut report).await;
    drop(ten_year_portal);
    drop(portal);

    if let Some(smtp) = &args.smtp {
        newsletter(&args, smtp, &work, &mut report).await;
    }

    if let Some(admin) = &args.postgres {
        eprintln!("bench: PostgreSQL with the demo content");
        let name = format!("naboskab_bench_{}", std::process::id());
        let mut admin_url = url::Url::parse(admin).expect("a PostgreSQL URL");
        let psql = |sql: &str| {
            Command::new("psql")
                .arg(admin)
                .args(["-q", "-c", sql])
                .status()
                .expect("psql runs")
        };
        psql(&format!("drop database if exists {name} with (force)"));
        psql(&format!("create database {name}"));
        admin_url.set_path(&name);
        let data = work.join("postgres");
        std::fs::create_dir_all(&data).unwrap();
        let (portal, base) = start_portal(&args, admin_url.as_str(), &data, true).await;
        measure(
            &args,
            &base,
            portal.0.id(),
            &nginx_root,
            &nginx,
            &mut report,
            "PostgreSQL",
        )
        .await;
        drop(portal);
        psql(&format!("drop database if exists {name} with (force)"));
    }

    let markdown = report.markdown(args.seconds);
    let json = json!({
        "pages": report.pages, "history": report.history, "lighthouse": report.lighthouse,
        "other": report.extra, "island_page": report.island_page,
        "settings": {"threads": THREADS, "connections": CONNECTIONS, "seconds": args.seconds},
    });
    std::fs::write(out.join("report.md"), &markdown).unwrap();
    std::fs::write(
        out.join("report.json"),
        serde_json::to_string_pretty(&json).unwrap(),
    )
    .unwrap();
    println!("{markdown}");
    println!(
        "(also in {} and report.json)",
        out.join("report.md").display()
    );
}
