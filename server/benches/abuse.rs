//! Benchmark: the largest and nastiest input that every form, server function and address with a
//! parameter accepts, measured in server CPU per request; the cached front page's p99 for a
//! resident while 8 clients send the worst of those inputs; and 1,000 slow connections and an
//! open-loop overload, with the resident's front page and the server's memory. Run by
//! `cargo xtask bench --abuse` (which builds the release first).
//!
//! ```sh
//! cargo bench -p server --bench abuse -- --binary target/release/naboskab --site target/site \
//!     --out target/bench
//! ```
//!
//! It starts the release binary with the demo content on SQLite in a temporary folder, with the
//! loopback trusted as a proxy, so that every simulated client names an address of its own in
//! `X-Forwarded-For` and the per-address limits do not answer 429 before the input has been
//! read; the rows marked "one address" send without it, as an attacker without a botnet would.
//! It logs in as the demo's admin, staff member and citizen journalist for the inputs behind a
//! login, and makes a draft article, a draft submission and an activity of its own to save over.
//!
//! **Server CPU per request** is the growth of the server process's `utime + stime`
//! (`/proc/PID/stat`, in clock ticks of `getconf CLK_TCK`, usually 10 ms) over a row's requests,
//! sent one at a time (at least 10, and on for a second, or until the server has spent a second
//! of CPU, at most 2,000), read once the server is idle again, so work it finishes after the
//! answer counts too, divided by the number of requests. No row is answered from the page
//! cache: an anonymous GET carries a notice key of its own (`besked=…`, a field of the cache's
//! key, which a page shows only when it knows it), as anyone may send, so each is a miss,
//! rendered as if there were no cache (a key is kept from its second request on). Every
//! request asks for brotli or gzip as browsers do. Whatever the answer (200, 303, 404, 413,
//! 422, 429), its CPU counts, and the table shows the answers seen.
//! The budget is 50 ms for an anonymous request and 200 ms for a logged-in one. A row whose
//! request stops the server fails, and the server is started again for the rows after it.
//!
//! Every input is as large as its address takes: an address of up to 8 KiB (the server answers
//! 414 to a longer one before reading it, `paths::MAX_TARGET`), and a body up to the address's
//! limit (`routes::body_limit`: 32 KiB for the forms anyone may send and the server functions,
//! 1 MiB in the logged-in areas, 10 MB for the editors, whose limit is 11 MiB). Inputs are made
//! larger and cut to the limit where the cut leaves whole fields; the table says so.
//!
//! **The front page under abuse**: 8 clients send the six most expensive anonymous inputs in
//! turn for 10 seconds, each request from an address of its own (a botnet, which no
//! per-address limit holds back), while a resident asks for the cached front page 20 times a
//! second, each time on a new connection; the resident's p99 must stay under 50 ms. The
//! attackers stand for machines elsewhere: their threads run at a lower priority
//! ([`ABUSER_NICENESS`]), so the work of making and reading their requests is not counted
//! against the server, which still shares the two cores with it.
//!
//! **Slow and many clients**, on a freshly started server so that its memory is theirs alone:
//! 1,000 connections that each send the start of a request and then one more header byte every
//! 3 seconds (slowloris), for 17 seconds; then an open-loop overload of uncached search pages
//! at three times the rate the server managed in a closed loop, for 10 seconds. Meanwhile the
//! resident asks for the front page 10 times a second: at least 95 % of those requests must be
//! answered (200, within 10 seconds), and the server's resident memory (`VmRSS`, sampled every
//! 250 ms during the load and read at its end) must stay under 200 MB.
//!
//! It writes `abuse.md` and `abuse.json` in `--out`, prints the Markdown and one last line, and
//! exits with 1 when a budget is exceeded. It takes about five minutes on two cores when every
//! input is refused quickly; an input that costs seconds makes it longer.

use std::{
    collections::BTreeMap,
    path::PathBuf,
    process::{Child, Command, Stdio},
    sync::{
        atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering},
        Arc,
    },
    time::{Duration, Instant},
};

use chrono::{Datelike, Days, Months, NaiveDate};
use scraper::{Html, Selector};
use serde_json::{json, Value};

/// The budgets of the issue.
const ANONYMOUS_BUDGET_MS: f64 = 50.0;
const LOGGED_IN_BUDGET_MS: f64 = 200.0;
const FRONT_PAGE_P99_BUDGET_MS: f64 = 50.0;
const MEMORY_BUDGET_MB: f64 = 200.0;
/// The share of the resident's requests that must be answered while slow and many clients are
/// connected.
const RESIDENT_ANSWERED_SHARE: f64 = 0.95;

/// A form's value that fills the 1 MiB body limit of the logged-in areas' forms, encoded (the
/// others are cut to their address's limit, see [`post`]).
const BODY_BYTES: usize = 1_000_000;
/// The most the article and issue editors and the journalists' submission form take (the limit is
/// 11 MiB, for a photo with the text).
const UPLOAD_BYTES: usize = 10_000_000;
/// An address's part (a query's value, a segment) as long as there may be, with room for the
/// rest of the address: the server reads addresses up to 8 KiB (`paths::MAX_TARGET`).
const QUERY_BYTES: usize = 7_900;
/// How many times a field is repeated in the "many fields" inputs.
const FIELDS: usize = 10_000;
/// A number larger than any 64-bit integer.
const HUGE: &str = "99999999999999999999";

/// A row's requests: at least this many…
const MIN_REQUESTS: u64 = 10;
/// …and on until a second has passed or the server has spent a second of CPU…
const ROW_SECONDS: Duration = Duration::from_secs(1);
/// …but no more than this many, and none begun after this long.
const MAX_REQUESTS: u64 = 2_000;
const ROW_HARD_LIMIT: Duration = Duration::from_secs(6);
/// A request that takes longer than this alone is the row's only one.
const SLOW_REQUEST: Duration = Duration::from_secs(2);
/// A client gives up on a request after this long (the server's own timeout is 30 s).
const REQUEST_TIMEOUT: Duration = Duration::from_secs(40);

/// The clients sending the worst inputs while the resident reads the front page.
const ABUSERS: usize = 8;
/// How many of the most expensive anonymous inputs they send.
const WORST_INPUTS: usize = 6;
const SLOW_CONNECTIONS: usize = 1_000;
const TRICKLE_EVERY: Duration = Duration::from_secs(3);
/// The resident gives up on the front page after this long.
const RESIDENT_TIMEOUT: Duration = Duration::from_secs(10);

struct Args {
    binary: PathBuf,
    site: PathBuf,
    out: PathBuf,
}

fn args() -> Args {
    let mut args = std::env::args().skip(1).filter(|arg| arg != "--bench");
    let mut parsed = Args {
        binary: PathBuf::from("target/release/naboskab"),
        site: PathBuf::from("target/site"),
        out: PathBuf::from("target/bench"),
    };
    while let Some(name) = args.next() {
        let value = args.next().unwrap_or_default();
        match name.as_str() {
            "--binary" => parsed.binary = value.into(),
            "--site" => parsed.site = value.into(),
            "--out" => parsed.out = value.into(),
            other => {
                eprintln!("unknown argument {other}");
                std::process::exit(2);
            }
        }
    }
    parsed
}

// ---------------------------------------------------------------------------------------------
// The server process: starting it, its CPU time and its memory.

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

/// The portal running with the demo content in a temporary folder of its own.
struct Portal {
    child: Running,
    base: String,
    port: u16,
    pid: u32,
    /// Removed when the portal is dropped (after the process, which is dropped first).
    _data: tempfile::TempDir,
}

impl Portal {
    async fn start(args: &Args) -> Portal {
        let data = tempfile::tempdir().expect("a temporary folder");
        let port = free_port();
        let base = format!("http://127.0.0.1:{port}");
        let child = Running(
            Command::new(&args.binary)
                .env(
                    "DATABASE_URL",
                    format!("sqlite://{}", data.path().join("naboskab.db").display()),
                )
                .env("NABOSKAB_DATA_DIR", data.path())
                .env("NABOSKAB_DEMO", "1")
                .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
                .env("LEPTOS_SITE_ROOT", &args.site)
                .env("NABOSKAB_PUBLIC_URL", &base)
                // Every simulated client names its own address through "a proxy".
                .env("NABOSKAB_TRUSTED_PROXIES", "127.0.0.1")
                // The server's default filter, so logging costs what it costs in production.
                .env("RUST_LOG", "info,sqlx=warn,tower_http=warn")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap_or_else(|err| panic!("cannot start {}: {err}", args.binary.display())),
        );
        let pid = child.0.id();
        let client = reqwest::Client::new();
        let deadline = Instant::now() + Duration::from_secs(300);
        while Instant::now() < deadline {
            if client
                .get(format!("{base}/healthz"))
                .send()
                .await
                .is_ok_and(|answer| answer.status().is_success())
            {
                return Portal {
                    child,
                    base,
                    port,
                    pid,
                    _data: data,
                };
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        panic!("the portal did not answer within 5 minutes");
    }

    /// Whether the server process is still running.
    fn alive(&mut self) -> bool {
        matches!(self.child.0.try_wait(), Ok(None))
    }
}

/// Clock ticks per second (`getconf CLK_TCK`), 100 where it cannot be asked.
fn ticks_per_second() -> f64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|output| String::from_utf8_lossy(&output.stdout).trim().parse().ok())
        .unwrap_or(100.0)
}

/// The CPU time process `pid` has used, user and system, in clock ticks (all its threads, also
/// those that have ended).
fn cpu_ticks(pid: u32) -> u64 {
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return 0;
    };
    // The command's name, in parentheses, may hold spaces; the fields after it do not. The
    // first of them is field 3 of the line, so utime (14) and stime (15) are the 12th and 13th.
    let rest = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let field = |index: usize| {
        fields
            .get(index)
            .and_then(|value| value.parse::<u64>().ok())
            .unwrap_or(0)
    };
    field(11) + field(12)
}

/// A figure of `/proc/PID/status` in MB (`VmRSS:`, `VmHWM:`).
fn memory_mb(pid: u32, field: &str) -> f64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|line| line.starts_with(field))
                .and_then(|line| line.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// The server's limit of open files (`Max open files` of `/proc/PID/limits`), as written there.
fn open_files_limit(pid: u32) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/limits"))
        .ok()
        .and_then(|limits| {
            limits
                .lines()
                .find(|line| line.starts_with("Max open files"))
                .map(|line| {
                    line.split_whitespace()
                        .skip(3)
                        .take(2)
                        .collect::<Vec<_>>()
                        .join(" / ")
                })
        })
        .unwrap_or_else(|| "unknown".to_owned())
}

/// Waits until the server is idle (at most one clock tick in 200 ms), at most a minute, so the
/// work of one measurement neither spills into the next nor goes uncounted.
async fn settle(pid: u32) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        let before = cpu_ticks(pid);
        tokio::time::sleep(Duration::from_millis(200)).await;
        if cpu_ticks(pid).saturating_sub(before) <= 1 {
            return;
        }
    }
}

/// Samples the server's resident memory every 250 ms until `until`; the largest sample in MB.
fn sample_memory(pid: u32, until: Instant) -> tokio::task::JoinHandle<f64> {
    tokio::spawn(async move {
        let mut most = memory_mb(pid, "VmRSS:");
        while Instant::now() < until {
            tokio::time::sleep(Duration::from_millis(250)).await;
            let now = memory_mb(pid, "VmRSS:");
            if now.is_finite() {
                most = most.max(now);
            }
        }
        most
    })
}

// ---------------------------------------------------------------------------------------------
// The clients and the requests.

/// Who sends a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    Anonymous,
    Journalist,
    Staff,
    Admin,
}

impl Who {
    fn name(self) -> &'static str {
        match self {
            Who::Anonymous => "anonymous",
            Who::Journalist => "journalist",
            Who::Staff => "staff",
            Who::Admin => "admin",
        }
    }

    fn budget_ms(self) -> f64 {
        match self {
            Who::Anonymous => ANONYMOUS_BUDGET_MS,
            _ => LOGGED_IN_BUDGET_MS,
        }
    }
}

/// The HTTP clients: one without cookies, and one logged in per account.
#[derive(Clone)]
struct Clients {
    anonymous: reqwest::Client,
    journalist: reqwest::Client,
    staff: reqwest::Client,
    admin: reqwest::Client,
}

impl Clients {
    fn of(&self, who: Who) -> &reqwest::Client {
        match who {
            Who::Anonymous => &self.anonymous,
            Who::Journalist => &self.journalist,
            Who::Staff => &self.staff,
            Who::Admin => &self.admin,
        }
    }
}

fn client(cookies: bool) -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(cookies)
        .redirect(reqwest::redirect::Policy::none())
        .timeout(REQUEST_TIMEOUT)
        .build()
        .expect("an HTTP client")
}

/// A new client address for every request: 10.0.0.1, 10.0.0.2, …
fn next_address() -> String {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    format!("10.{}.{}.{}", (n >> 16) & 255, (n >> 8) & 255, n & 255)
}

/// Makes the address (path and query) of the `n`-th request of a row.
type MakePath = Arc<dyn Fn(u64) -> String + Send + Sync>;
/// Makes the body of the `n`-th request of a row.
type MakeBody = Arc<dyn Fn(u64) -> Vec<u8> + Send + Sync>;

const FORM: &str = "application/x-www-form-urlencoded";
const TEXT: &str = "text/plain; charset=utf-8";

/// One nasty input: who sends it, where, and what.
#[derive(Clone)]
struct Case {
    who: Who,
    /// The method and address as the table shows them.
    request: String,
    /// What the input is, for the table.
    input: String,
    path: MakePath,
    /// The body and its content type, for a POST.
    body: Option<(MakeBody, &'static str)>,
    /// Sent without `X-Forwarded-For`: every request from the one address of the connection.
    one_address: bool,
}

/// `bytes` cut to at most `limit` bytes where the cut leaves a well-formed input: at the last
/// `&` (a form or query of whole fields) when that keeps at least half, else before a
/// percent-escape or UTF-8 character it would split. `None` when `bytes` fit already.
fn cut_to(bytes: &[u8], limit: usize) -> Option<Vec<u8>> {
    if bytes.len() <= limit {
        return None;
    }
    let mut end = limit;
    if let Some(amp) = bytes[..end].iter().rposition(|&byte| byte == b'&') {
        if amp >= limit / 2 {
            end = amp;
        }
    }
    if end == limit {
        // Not inside `%XX`…
        if let Some(percent) = bytes[end.saturating_sub(2)..end]
            .iter()
            .rposition(|&byte| byte == b'%')
        {
            end = end.saturating_sub(2) + percent;
        }
        // …nor inside a character.
        while end > 0 && bytes[end] & 0b1100_0000 == 0b1000_0000 {
            end -= 1;
        }
    }
    Some(bytes[..end].to_vec())
}

/// The input's description, saying when it was cut to the address's limit.
fn described(input: &str, cut: bool, limit: usize) -> String {
    if cut {
        format!("{input}, cut to the address's {} KB", limit / 1024)
    } else {
        input.to_owned()
    }
}

/// `path` cut to the longest request target the server reads (`paths::MAX_TARGET`), with
/// whether it was cut: the largest such input the server accepts.
fn fitted_path(path: String) -> (String, bool) {
    match cut_to(path.as_bytes(), server::paths::MAX_TARGET - 20) {
        Some(cut) => (
            String::from_utf8(cut).expect("cut at a character's edge"),
            true,
        ),
        None => (path, false),
    }
}

/// A GET of `path` (never answered from the page cache, see [`send`]).
fn get(who: Who, request: &str, input: &str, path: String) -> Case {
    let (path, cut) = fitted_path(path);
    Case {
        who,
        request: format!("GET {request}"),
        input: described(input, cut, server::paths::MAX_TARGET),
        path: Arc::new(move |_| path.clone()),
        body: None,
        one_address: false,
    }
}

/// A POST of `body` (of `content_type`) to `path`, cut to the body limit of `path`
/// (`routes::body_limit`) and the longest address.
fn post(
    who: Who,
    request: &str,
    input: &str,
    path: String,
    body: Vec<u8>,
    content_type: &'static str,
) -> Case {
    let (path, path_cut) = fitted_path(path);
    let limit = server::routes::body_limit(&path);
    let (body, body_cut) = match cut_to(&body, limit) {
        Some(cut) => (cut, true),
        None => (body, false),
    };
    let input = described(input, path_cut, server::paths::MAX_TARGET);
    let body = Arc::new(body);
    Case {
        who,
        request: format!("POST {request}"),
        input: described(&input, body_cut, limit),
        path: Arc::new(move |_| path.clone()),
        body: Some((Arc::new(move |_| body.as_ref().clone()), content_type)),
        one_address: false,
    }
}

/// A POST of a urlencoded form.
fn post_form(who: Who, request: &str, input: &str, path: String, body: Vec<u8>) -> Case {
    post(who, request, input, path, body, FORM)
}

/// A POST whose body differs per request (an email address that no limit has seen yet), cut to
/// the body limit of `path`.
fn post_each(
    who: Who,
    request: &str,
    input: &str,
    path: String,
    make: impl Fn(u64) -> Vec<u8> + Send + Sync + 'static,
) -> Case {
    let (path, path_cut) = fitted_path(path);
    let limit = server::routes::body_limit(&path);
    let body_cut = make(0).len() > limit;
    let input = described(input, path_cut, server::paths::MAX_TARGET);
    Case {
        who,
        request: format!("POST {request}"),
        input: described(&input, body_cut, limit),
        path: Arc::new(move |_| path.clone()),
        body: Some((
            Arc::new(move |n| {
                let body = make(n);
                cut_to(&body, limit).unwrap_or(body)
            }),
            FORM,
        )),
        one_address: false,
    }
}

impl Case {
    /// The same input, every request from one address.
    fn sent_from_one_address(mut self) -> Case {
        self.one_address = true;
        self.input.push_str(", from one address");
        self
    }
}

/// What one request got: its status (0 for no answer) and the bytes of its answer.
async fn send(clients: &Clients, base: &str, case: &Case, n: u64) -> (u16, usize) {
    let client = clients.of(case.who);
    let mut url = format!("{base}{}", (case.path)(n));
    if case.who == Who::Anonymous && case.body.is_none() {
        // A notice key of its own (anyone may send one) makes every request a miss of the page
        // cache, so every page is rendered. The address has room for it (`fitted_path`). A
        // logged-in client's requests are never cached anyway.
        let separator = if url.contains('?') { '&' } else { '?' };
        url = format!("{url}{separator}besked={n}");
    }
    let mut request = match &case.body {
        None => client.get(url),
        Some((make, content_type)) => client
            .post(url)
            .header("origin", base)
            .header("content-type", *content_type)
            .body(make(n)),
    };
    // As a browser asks; the server then compresses what it answers.
    request = request.header("accept-encoding", "br, gzip");
    if !case.one_address {
        request = request.header("x-forwarded-for", next_address());
    }
    match request.send().await {
        Ok(answer) => {
            let status = answer.status().as_u16();
            let bytes = answer.bytes().await.map_or(0, |bytes| bytes.len());
            (status, bytes)
        }
        Err(_) => (0, 0),
    }
}

// ---------------------------------------------------------------------------------------------
// The nasty inputs.

/// `text` as a form value (or a query's), percent-encoded.
fn enc(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// A urlencoded form of `pairs`.
fn form(pairs: &[(&str, &str)]) -> Vec<u8> {
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
        .into_bytes()
}

/// `unit` repeated as often as fits in `encoded` bytes once percent-encoded (at least once).
fn fit(unit: &str, encoded: usize) -> String {
    unit.repeat((encoded / enc(unit).len()).max(1))
}

/// Search terms `a b c … z ba bb …`, `bytes` long (plain letters and spaces, so the same
/// length encoded).
fn terms(bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + 8);
    let mut n = 0u64;
    while text.len() < bytes {
        let mut word = Vec::new();
        let mut rest = n;
        loop {
            word.push(b'a' + (rest % 26) as u8);
            rest /= 26;
            if rest == 0 {
                break;
            }
        }
        word.reverse();
        text.push_str(std::str::from_utf8(&word).unwrap_or("a"));
        text.push(' ');
        n += 1;
    }
    text.truncate(bytes);
    text
}

/// A Danish word, one of the longest a stemmer meets, written again and again without a space.
const LONG_WORD: &str = "fællesspisningsarrangementerne";

/// The operators and quotes of full-text search syntaxes (FTS5, tsquery), unbalanced.
const OPERATORS: &str = "\"a* OR -b NOT c AND (d NEAR e) ^f {g h} i:j \"\" * - + ) ( NEAR/9 ";

/// Odd Unicode: combining marks, right-to-left overrides, zero-width and byte-order marks,
/// emoji of four bytes joined by zero-width joiners, letters that change length when their
/// case changes, a private-use character and the replacement character; no NUL.
const ODD_UNICODE: &str = "e\u{301}\u{302}\u{303}\u{304}\u{305}\u{306} \u{202E}æøå\u{202C} \
     \u{200F}\u{200B}\u{FEFF}\u{2066} \u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466} \
     İ ß ﬃ ΐ \u{1D518}\u{1D52B}\u{1D526} ǅ \u{E000}\u{FFFD} ";

/// One letter followed by nothing but combining marks ("zalgo"), `encoded` bytes encoded.
fn zalgo(encoded: usize) -> String {
    let mut text = String::from("a");
    // Each mark is two bytes of UTF-8 and six encoded.
    for n in 0..encoded / 6 {
        text.push(char::from_u32(0x300 + (n % 0x70) as u32).unwrap_or('\u{301}'));
    }
    text
}

/// Markdown that parsers and sanitizers have been slow on, each `bytes` long (about).
fn markdown(kind: &str, bytes: usize) -> String {
    match kind {
        "quotes" => ">".repeat(bytes),
        "blockquotes" => "<blockquote>".repeat(bytes / 12),
        "emphasis" => "*a **b ***c _d __e ___f ".repeat(bytes / 24),
        "links" => "[a](<b ![c](d [e]: ".repeat(bytes / 19),
        "lists" => {
            // Each line one level deeper than the last.
            let mut text = String::new();
            let mut depth = 0;
            while text.len() < bytes {
                text.push_str(&"  ".repeat(depth));
                text.push_str("- a\n");
                depth += 1;
            }
            text
        }
        "backticks" => {
            // Runs of backticks of every length, none closed.
            let mut text = String::new();
            let mut run = 1;
            while text.len() < bytes {
                text.push_str(&"`".repeat(run));
                text.push('a');
                run += 1;
            }
            text
        }
        "table" => format!("{}\n{}\n", "|a".repeat(bytes / 4), "|-".repeat(bytes / 4)),
        "html" => "<div><span><a href=x><table><tr><td>&#x1F600;&amp;&#0;".repeat(bytes / 57),
        _ => String::new(),
    }
}

/// `name=value` repeated [`FIELDS`] times.
fn repeated(name: &str, value: &str) -> String {
    vec![format!("{name}={}", enc(value)); FIELDS].join("&")
}

/// [`FIELDS`] fields of different names.
fn many_names() -> String {
    (0..FIELDS)
        .map(|n| format!("f{n}=x"))
        .collect::<Vec<_>>()
        .join("&")
}

/// Dates and periods at the edges of what an address may name (five years either side of
/// today), and past them.
struct Edges {
    last_month: String,
    last_week: String,
    last_date: String,
    first_date: String,
    later: String,
}

fn edges() -> Edges {
    let today = chrono::Utc::now().date_naive();
    let years = |n: u32| Months::new(12 * n);
    // A few days inside the window, whatever the time zone.
    let last = today
        .checked_add_months(years(5))
        .and_then(|day| day.checked_sub_days(Days::new(3)))
        .unwrap_or(today);
    let first = today
        .checked_sub_months(years(5))
        .and_then(|day| day.checked_add_days(Days::new(3)))
        .unwrap_or(today);
    let week = last
        .checked_sub_days(Days::new(7))
        .unwrap_or(last)
        .iso_week();
    let later: NaiveDate = today.checked_add_months(years(4)).unwrap_or(today);
    Edges {
        last_month: last.format("%Y-%m").to_string(),
        last_week: format!("{}-W{:02}", week.year(), week.week()),
        last_date: last.to_string(),
        first_date: first.to_string(),
        later: later.to_string(),
    }
}

// ---------------------------------------------------------------------------------------------
// What the inputs need to exist: logins, and addresses found on the demo's pages.

/// The addresses and rows the inputs aim at.
struct Fixtures {
    /// `/aktiviteter/{slug}/{date}`: a date with a sign-up form.
    date_path: String,
    activity_slug: String,
    article_path: String,
    issue_path: String,
    tag_slug: String,
    /// A draft article of the bench's own, saved over and over.
    article_id: i64,
    /// A draft submission of the bench's own (the journalist's).
    submission_id: i64,
    /// An activity of the bench's own, four years ahead.
    activity_id: i64,
    /// `/personale/aktiviteter/{id}/{date}`: a date of a demo activity, as staff see it.
    staff_date_path: String,
    /// A submission waiting for review.
    review_id: Option<i64>,
}

/// The addresses of the links on `page`.
async fn links(client: &reqwest::Client, base: &str, page: &str) -> Vec<String> {
    let html = match client.get(format!("{base}{page}")).send().await {
        Ok(answer) => answer.text().await.unwrap_or_default(),
        Err(_) => String::new(),
    };
    let document = Html::parse_document(&html);
    let selector = Selector::parse("a[href]").expect("a selector");
    document
        .select(&selector)
        .filter_map(|link| link.value().attr("href"))
        .map(str::to_owned)
        .collect()
}

/// The first link on `page` that starts with `prefix` and whose rest `fits`.
async fn link(
    client: &reqwest::Client,
    base: &str,
    page: &str,
    prefix: &str,
    fits: impl Fn(&str) -> bool,
) -> Option<String> {
    links(client, base, page)
        .await
        .into_iter()
        .find(|href| href.strip_prefix(prefix).is_some_and(&fits))
}

/// The number at the start of what follows `prefix` in `address`.
fn id_after(address: &str, prefix: &str) -> Option<i64> {
    let rest = address.strip_prefix(prefix)?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

fn is_number(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_ascii_digit())
}

/// Logs `client` in as the demo account with `email`.
async fn log_in(client: &reqwest::Client, base: &str, email: &str) {
    let password = app::demo::ACCOUNTS
        .iter()
        .find(|(address, ..)| *address == email)
        .map(|(.., password)| *password)
        .unwrap_or_else(|| panic!("no demo account {email}"));
    let answer = client
        .post(format!("{base}/log-ind"))
        .header("origin", base)
        .header("x-forwarded-for", next_address())
        .form(&[("email", email), ("password", password)])
        .send()
        .await
        .expect("the login answers");
    assert_eq!(answer.status(), 303, "logging in as {email} failed");
    let second_step = answer
        .headers()
        .get("location")
        .and_then(|to| to.to_str().ok())
        .is_some_and(|to| to.starts_with("/log-ind/kode"));
    if second_step {
        // The demo admin logs in with a code from the demo's authenticator key.
        let key =
            app::accounts::two_factor::TwoFactorSecret::parse(app::demo::ADMIN_TWO_FACTOR_KEY)
                .expect("the demo key");
        let code = key.code_at(unused_step() * 30);
        let answer = client
            .post(format!("{base}/log-ind/kode"))
            .header("origin", base)
            .header("x-forwarded-for", next_address())
            .form(&[("code", code.as_str())])
            .send()
            .await
            .expect("the second step answers");
        assert_eq!(answer.status(), 303, "the second step as {email} failed");
    }
}

/// A 30-second step whose code the portal has not accepted yet: now's, or the next one (which
/// the portal accepts too) when now's was used.
fn unused_step() -> u64 {
    static LAST: AtomicU64 = AtomicU64::new(0);
    let now = u64::try_from(chrono::Utc::now().timestamp()).unwrap_or(0) / 30;
    let step = now.max(LAST.load(Ordering::SeqCst) + 1);
    assert!(
        step <= now + 1,
        "more than two admin logins within thirty seconds"
    );
    LAST.store(step, Ordering::SeqCst);
    step
}

/// POSTs `body` to `path` as `client`; the `Location` of the answer.
async fn post_for_location(
    client: &reqwest::Client,
    base: &str,
    path: &str,
    body: Vec<u8>,
) -> String {
    let answer = client
        .post(format!("{base}{path}"))
        .header("origin", base)
        .header("content-type", FORM)
        .body(body)
        .send()
        .await
        .unwrap_or_else(|err| panic!("POST {path}: {err}"));
    answer
        .headers()
        .get("location")
        .and_then(|location| location.to_str().ok())
        .map(str::to_owned)
        .unwrap_or_else(|| panic!("POST {path} answered {} without Location", answer.status()))
}

/// The portal with logged-in clients and the fixtures the inputs need.
struct Session {
    portal: Portal,
    clients: Clients,
    fixtures: Fixtures,
}

impl Session {
    async fn start(args: &Args) -> Session {
        let portal = Portal::start(args).await;
        let base = portal.base.clone();
        let clients = Clients {
            anonymous: client(false),
            journalist: client(true),
            staff: client(true),
            admin: client(true),
        };
        log_in(&clients.journalist, &base, "journalist@nordby.example").await;
        log_in(&clients.staff, &base, "medarbejder@nordby.example").await;
        log_in(&clients.admin, &base, "admin@nordby.example").await;

        let anonymous = &clients.anonymous;
        let activity_slug = "faellesspisning-parkcafeen".to_owned();
        let activity_page = format!("/aktiviteter/{activity_slug}");
        let date_path = link(
            anonymous,
            &base,
            &activity_page,
            &format!("{activity_page}/"),
            |rest| rest.len() == 10,
        )
        .await
        .expect("a date of the demo's communal dinner");
        let article_path = link(anonymous, &base, "/nyheder", "/nyheder/", |rest| {
            !rest.is_empty() && !rest.starts_with("emne")
        })
        .await
        .expect("a demo article");
        let issue_path = link(
            anonymous,
            &base,
            "/nordbyposten",
            "/nordbyposten/",
            |rest| !rest.is_empty() && !rest.contains('/'),
        )
        .await
        .unwrap_or_else(|| "/nordbyposten/x".to_owned());
        let mut tag_slug = "x".to_owned();
        for page in ["/nyheder", article_path.as_str()] {
            if let Some(href) = link(anonymous, &base, page, "/nyheder/emne/", |rest| {
                !rest.is_empty()
            })
            .await
            {
                tag_slug = href.trim_start_matches("/nyheder/emne/").to_owned();
                break;
            }
        }

        let staff = &clients.staff;
        let edges = edges();
        let location = post_for_location(
            staff,
            &base,
            "/personale/artikler/ny",
            form(&[
                ("heading", "Bænkens artikel"),
                ("slug", "baenkens-artikel"),
                ("status", "draft"),
                ("body", "Et udkast."),
                ("intent", "save"),
            ]),
        )
        .await;
        let article_id =
            id_after(&location, "/personale/artikler/").expect("the draft article's id");
        let location = post_for_location(
            staff,
            &base,
            "/personale/aktiviteter/ny",
            form(&[
                ("activity_name", "Bænkens aktivitet"),
                ("slug", "baenkens-aktivitet"),
                ("starts_on", &edges.later),
                ("start_time", "10:00"),
                ("end_time", "11:00"),
                ("repeat", "once"),
                ("interval", "1"),
                ("ends", "never"),
                ("max_party", "10"),
            ]),
        )
        .await;
        let activity_id =
            id_after(&location, "/personale/aktiviteter/").expect("the bench activity's id");
        let demo_activity = link(
            staff,
            &base,
            "/personale/aktiviteter",
            "/personale/aktiviteter/",
            |rest| is_number(rest) && rest != activity_id.to_string(),
        )
        .await
        .expect("a demo activity in the staff's list");
        let staff_date_path = link(
            staff,
            &base,
            &demo_activity,
            &format!("{demo_activity}/"),
            |rest| rest.len() == 10,
        )
        .await
        .expect("a date of a demo activity on its staff page");
        let review_id = link(
            staff,
            &base,
            "/personale/indsendelser",
            "/personale/indsendelser/",
            is_number,
        )
        .await
        .and_then(|href| id_after(&href, "/personale/indsendelser/"));
        let location = post_for_location(
            &clients.journalist,
            &base,
            "/borgerjournalist/indsendelser/ny",
            form(&[
                ("heading", "Bænkens indsendelse"),
                ("body", "Et udkast."),
                ("intent", "save"),
            ]),
        )
        .await;
        let submission_id = id_after(&location, "/borgerjournalist/indsendelser/")
            .expect("the draft submission's id");

        Session {
            portal,
            clients,
            fixtures: Fixtures {
                date_path,
                activity_slug,
                article_path,
                issue_path,
                tag_slug,
                article_id,
                submission_id,
                activity_id,
                staff_date_path,
                review_id,
            },
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The inputs, by who may send them.

/// Everything anyone may send without an account.
fn anonymous_cases(f: &Fixtures) -> Vec<Case> {
    use Who::Anonymous as A;
    let e = edges();
    let mut cases = Vec::new();

    // Search: the page and its server function.
    let query_inputs: [(&str, String); 5] = [
        ("terms", terms(QUERY_BYTES)),
        ("one long word", fit(LONG_WORD, QUERY_BYTES)),
        ("quotes and operators", fit(OPERATORS, QUERY_BYTES)),
        ("odd Unicode", fit(ODD_UNICODE, QUERY_BYTES)),
        ("one letter with combining marks", zalgo(QUERY_BYTES)),
    ];
    for (what, text) in &query_inputs {
        cases.push(get(
            A,
            "/soeg?q=",
            &format!("{} KB of {what}", QUERY_BYTES / 1000),
            format!("/soeg?q={}", enc(text)),
        ));
    }
    let body_inputs: [(&str, String); 5] = [
        ("terms", terms(BODY_BYTES)),
        ("one long word", fit(LONG_WORD, BODY_BYTES)),
        ("quotes and operators", fit(OPERATORS, BODY_BYTES)),
        ("odd Unicode", fit(ODD_UNICODE, BODY_BYTES)),
        ("one letter with combining marks", zalgo(BODY_BYTES)),
    ];
    for (what, text) in &body_inputs {
        cases.push(post_form(
            A,
            "/api/soeg",
            &format!("1 MB of {what}"),
            "/api/soeg".into(),
            form(&[("query", text)]),
        ));
    }
    cases.push(
        post_form(
            A,
            "/api/soeg",
            "1 MB of terms",
            "/api/soeg".into(),
            form(&[("query", &body_inputs[0].1)]),
        )
        .sent_from_one_address(),
    );

    // The front page and the news.
    let fields = repeated("a", "1");
    cases.push(get(
        A,
        "/?a=…",
        &format!("{FIELDS} query fields"),
        format!("/?{fields}"),
    ));
    cases.push(get(
        A,
        "/nyheder?side=",
        "a huge number",
        format!("/nyheder?side={HUGE}"),
    ));
    cases.push(get(
        A,
        "/nyheder?side=",
        "the last page there may be (10000)",
        "/nyheder?side=10000".into(),
    ));
    cases.push(get(
        A,
        "/nyheder/emne/{slug}?side=",
        "the last page there may be",
        format!("/nyheder/emne/{}?side=10000", f.tag_slug),
    ));
    let odd_segment = enc(&fit(ODD_UNICODE, QUERY_BYTES));
    cases.push(get(
        A,
        "/nyheder/emne/{slug}",
        &format!("a {} KB slug of odd Unicode", QUERY_BYTES / 1000),
        format!("/nyheder/emne/{odd_segment}"),
    ));
    cases.push(get(
        A,
        "/nyheder/{slug}",
        &format!("a {} KB slug of odd Unicode", QUERY_BYTES / 1000),
        format!("/nyheder/{odd_segment}"),
    ));
    cases.push(get(
        A,
        "/nyheder/{slug}",
        &format!("a real article with {FIELDS} query fields"),
        format!("{}?{fields}", f.article_path),
    ));
    cases.push(get(
        A,
        "/nordbyposten/{slug}/udskriv",
        "the print view of a real issue",
        format!("{}/udskriv", f.issue_path),
    ));
    cases.push(get(
        A,
        "/nordbyposten/{slug}",
        &format!("a {} KB slug of odd Unicode", QUERY_BYTES / 1000),
        format!("/nordbyposten/{odd_segment}"),
    ));
    cases.push(post_form(
        A,
        "/api/nyheder",
        "a huge page number and a 1 MB tag",
        "/api/nyheder".into(),
        form(&[("page", HUGE), ("tag", &fit(ODD_UNICODE, BODY_BYTES - 100))]),
    ));
    cases.push(post_form(
        A,
        "/api/artikel",
        "a 1 MB slug",
        "/api/artikel".into(),
        form(&[("slug", &fit(ODD_UNICODE, BODY_BYTES))]),
    ));
    cases.push(post_form(
        A,
        "/api/udgave",
        "a 1 MB slug",
        "/api/udgave".into(),
        form(&[("slug", &fit(ODD_UNICODE, BODY_BYTES))]),
    ));

    // The calendar.
    cases.push(get(
        A,
        "/kalender?maaned=",
        "a huge year",
        format!("/kalender?maaned={HUGE}-12"),
    ));
    cases.push(get(
        A,
        "/kalender?uge=",
        "a huge year and week",
        format!("/kalender?uge={HUGE}-W99"),
    ));
    cases.push(get(
        A,
        "/kalender?maaned=",
        "the last month there may be",
        format!("/kalender?maaned={}", e.last_month),
    ));
    cases.push(get(
        A,
        "/kalender?uge=",
        "the last week there may be",
        format!("/kalender?uge={}", e.last_week),
    ));
    let long_slug = enc(&fit(ODD_UNICODE, QUERY_BYTES / 2 - 100));
    cases.push(get(
        A,
        "/kalender?maaned=&omraade=&sted=",
        "the last month, 30 KB filters of odd Unicode",
        format!(
            "/kalender?maaned={}&omraade={long_slug}&sted={long_slug}",
            e.last_month
        ),
    ));
    // As many as fit in an address.
    let filters = vec!["omraade=x"; QUERY_BYTES / 10].join("&");
    cases.push(get(
        A,
        "/kalender?omraade=…",
        &format!("{} area filters", QUERY_BYTES / 10),
        format!("/kalender?{filters}"),
    ));
    cases.push(post_form(
        A,
        "/api/kalender",
        "a huge month and a 1 MB filter",
        "/api/kalender".into(),
        form(&[
            ("query[maaned]", &format!("{HUGE}-12")),
            ("query[omraade]", &fit(ODD_UNICODE, BODY_BYTES - 100)),
        ]),
    ));
    cases.push(post_form(
        A,
        "/api/kalender",
        &format!("a field nested {FIELDS} deep"),
        "/api/kalender".into(),
        format!("query{}=1", "[a]".repeat(FIELDS)).into_bytes(),
    ));
    cases.push(get(
        A,
        "/aktiviteter/{slug}/{date}",
        "a huge date",
        format!("/aktiviteter/{}/{HUGE}-01-01", f.activity_slug),
    ));
    cases.push(get(
        A,
        "/aktiviteter/{slug}/{date}",
        "the last date there may be",
        format!("/aktiviteter/{}/{}", f.activity_slug, e.last_date),
    ));
    cases.push(get(
        A,
        "/aktiviteter/{slug}/{date}",
        &format!("a real date with {FIELDS} query fields"),
        format!("{}?{fields}", f.date_path),
    ));
    cases.push(get(
        A,
        "/aktiviteter/{slug}",
        &format!("a {} KB slug of odd Unicode", QUERY_BYTES / 1000),
        format!("/aktiviteter/{odd_segment}"),
    ));
    cases.push(get(
        A,
        "/aktiviteter/{slug}.ics",
        "a real activity's feed",
        format!("/aktiviteter/{}.ics", f.activity_slug),
    ));
    cases.push(get(
        A,
        "/aktiviteter/{slug}.ics",
        &format!("a {} KB slug of odd Unicode", QUERY_BYTES / 1000),
        format!("/aktiviteter/{odd_segment}.ics"),
    ));
    cases.push(get(
        A,
        "/kalender.ics",
        &format!("{FIELDS} query fields"),
        format!("/kalender.ics?{fields}"),
    ));
    cases.push(get(A, "/feed.xml", "the news feed", "/feed.xml".into()));
    cases.push(get(A, "/sitemap.xml", "the sitemap", "/sitemap.xml".into()));
    cases.push(post_form(
        A,
        "/api/aktivitet",
        "a 1 MB slug",
        "/api/aktivitet".into(),
        form(&[("slug", &fit(ODD_UNICODE, BODY_BYTES))]),
    ));
    cases.push(post_form(
        A,
        "/api/forekomst",
        "a 1 MB slug and a huge date",
        "/api/forekomst".into(),
        form(&[
            ("slug", &fit(ODD_UNICODE, BODY_BYTES - 100)),
            ("date", &format!("{HUGE}-01-01")),
        ]),
    ));

    // Images.
    cases.push(get(
        A,
        "/billeder/{id}/{width}.jpg",
        "a huge id",
        format!("/billeder/{HUGE}/800.jpg"),
    ));
    cases.push(get(
        A,
        "/billeder/{id}/{width}.jpg",
        "the largest id and a huge width",
        format!("/billeder/{}/{HUGE}.jpg", i64::MAX),
    ));
    cases.push(get(
        A,
        "/billeder/{id}/{file}",
        &format!("a {} KB file name of odd Unicode", QUERY_BYTES / 1000),
        format!("/billeder/1/{odd_segment}.jpg"),
    ));
    cases.push(get(
        A,
        "/{path}",
        &format!("{FIELDS} segments (a page that does not exist)"),
        format!("/{}", "a/".repeat(FIELDS)),
    ));

    // Signing up on a date's page.
    let half = BODY_BYTES / 2 - 100;
    let nasty_signup = form(&[
        ("navn", &fit(ODD_UNICODE, half)),
        ("voksne", "1"),
        ("boern", "0"),
        ("contact", ""),
        ("note", &fit(ODD_UNICODE, half)),
    ]);
    cases.push(post_form(
        A,
        "/aktiviteter/{slug}/{date}",
        "sign-up: 500 KB name and note of odd Unicode",
        f.date_path.clone(),
        nasty_signup.clone(),
    ));
    cases.push(
        post_form(
            A,
            "/aktiviteter/{slug}/{date}",
            "sign-up: 500 KB name and note of odd Unicode",
            f.date_path.clone(),
            nasty_signup,
        )
        .sent_from_one_address(),
    );
    cases.push(post_form(
        A,
        "/aktiviteter/{slug}/{date}",
        "sign-up: huge numbers",
        f.date_path.clone(),
        form(&[
            ("navn", "Bænkefamilien"),
            ("voksne", HUGE),
            ("boern", &format!("-{HUGE}")),
            ("contact", "1e308"),
            ("note", "NaN"),
        ]),
    ));
    cases.push(post_form(
        A,
        "/aktiviteter/{slug}/{date}",
        &format!("sign-up: every field {FIELDS} times"),
        f.date_path.clone(),
        ["navn", "voksne", "boern", "contact", "note"]
            .map(|name| vec![format!("{name}=1"); FIELDS / 5].join("&"))
            .join("&")
            .into_bytes(),
    ));
    cases.push(post_form(
        A,
        "/aktiviteter/{slug}/{date}",
        &format!("sign-up: {FIELDS} fields of other names"),
        f.date_path.clone(),
        format!("navn=Bænkefamilien&voksne=1&boern=0&{}", many_names()).into_bytes(),
    ));
    cases.push(post_form(
        A,
        "/aktiviteter/{slug}/{date}",
        "sign-up for a huge date",
        format!("/aktiviteter/{}/{HUGE}-01-01", f.activity_slug),
        form(&[("navn", "Bænkefamilien"), ("voksne", "1"), ("boern", "0")]),
    ));

    // Accounts: logging in, forgotten passwords, the links sent by email.
    let half_odd = fit(ODD_UNICODE, half);
    cases.push(post_each(
        A,
        "/log-ind",
        "500 KB email and password of odd Unicode",
        "/log-ind".into(),
        move |n| {
            let email = format!("{n}{half_odd}@nordby.example");
            form(&[("email", &email), ("password", &half_odd)])
        },
    ));
    cases.push(post_each(
        A,
        "/log-ind",
        "an unknown address and a 256-character password",
        "/log-ind".into(),
        |n| {
            let email = format!("beboer{n}@nordby.example");
            form(&[("email", &email), ("password", &"æ".repeat(256))])
        },
    ));
    let long_next = fit("/%2F..%5C\u{202E}/", BODY_BYTES - 200);
    cases.push(post_each(
        A,
        "/log-ind",
        "a 1 MB next address",
        "/log-ind".into(),
        move |n| {
            let email = format!("beboer{n}@nordby.example");
            form(&[("email", &email), ("password", "x"), ("next", &long_next)])
        },
    ));
    cases.push(get(
        A,
        "/log-ind?next=",
        &format!("a {} KB next address of odd Unicode", QUERY_BYTES / 1000),
        format!("/log-ind?next={odd_segment}"),
    ));
    cases.push(post_form(
        A,
        "/log-ind/kode",
        "a 1 MB code of odd Unicode and a 1 MB next address",
        "/log-ind/kode".into(),
        form(&[
            ("code", &fit(ODD_UNICODE, half)),
            ("next", &fit("/%2F..%5C\u{202E}/", half)),
        ]),
    ));
    let long_email = fit(ODD_UNICODE, BODY_BYTES - 100);
    cases.push(post_each(
        A,
        "/glemt-adgangskode",
        "a 1 MB address of odd Unicode",
        "/glemt-adgangskode".into(),
        move |n| form(&[("email", &format!("{n}{long_email}"))]),
    ));
    cases.push(post_each(
        A,
        "/glemt-adgangskode",
        "an unknown address",
        "/glemt-adgangskode".into(),
        |n| form(&[("email", &format!("beboer{n}@nordby.example"))]),
    ));
    let token = enc(&fit(ODD_UNICODE, QUERY_BYTES));
    for link in ["/nulstil", "/invitation"] {
        cases.push(get(
            A,
            &format!("{link}/{{token}}"),
            &format!("a {} KB token of odd Unicode", QUERY_BYTES / 1000),
            format!("{link}/{token}"),
        ));
    }
    cases.push(post_form(
        A,
        "/nulstil/{token}",
        "a made-up token and a 1 MB password",
        "/nulstil/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA".into(),
        form(&[("password", &fit(ODD_UNICODE, BODY_BYTES - 100))]),
    ));
    cases.push(post_form(
        A,
        "/invitation/{token}",
        "a made-up token, 500 KB name and password",
        "/invitation/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA".into(),
        form(&[
            ("full_name", &fit(ODD_UNICODE, half)),
            ("password", &fit(ODD_UNICODE, half)),
        ]),
    ));
    cases.push(post_form(
        A,
        "/api/link",
        "a 1 MB token",
        "/api/link".into(),
        form(&[
            ("token", &fit(ODD_UNICODE, BODY_BYTES - 100)),
            ("reset", "true"),
        ]),
    ));

    // A sign-up's private link.
    cases.push(get(
        A,
        "/tilmelding/{token}",
        &format!("a {} KB token of odd Unicode", QUERY_BYTES / 1000),
        format!("/tilmelding/{token}"),
    ));
    cases.push(post_form(
        A,
        "/tilmelding/{token}/aendr",
        &format!("a made-up token, huge numbers, {FIELDS} fields"),
        "/tilmelding/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/aendr".into(),
        format!("voksne={HUGE}&boern={HUGE}&{}", repeated("voksne", HUGE)).into_bytes(),
    ));
    cases.push(post_form(
        A,
        "/tilmelding/{token}/afmeld",
        &format!("a {} KB token of odd Unicode", QUERY_BYTES / 1000),
        format!("/tilmelding/{token}/afmeld"),
        Vec::new(),
    ));
    cases.push(post_form(
        A,
        "/api/tilmelding",
        "a 1 MB token",
        "/api/tilmelding".into(),
        form(&[("token", &fit(ODD_UNICODE, BODY_BYTES))]),
    ));

    // The newsletter: subscribing, a subscriber's private link, a sent newsletter's page.
    let long_email = fit(ODD_UNICODE, BODY_BYTES - 100);
    cases.push(post_each(
        A,
        "/nyhedsbrev/tilmeld",
        "a 1 MB address of odd Unicode",
        "/nyhedsbrev/tilmeld".into(),
        move |n| form(&[("email", &format!("{n}{long_email}")), ("hjemmeside", "")]),
    ));
    cases.push(post_each(
        A,
        "/nyhedsbrev/tilmeld",
        "a new address each time",
        "/nyhedsbrev/tilmeld".into(),
        |n| {
            form(&[
                ("email", &format!("nabo{n}@nordby.example")),
                ("hjemmeside", ""),
            ])
        },
    ));
    cases.push(get(
        A,
        "/nyhedsbrev/{week}",
        &format!("a {} KB week of odd Unicode", QUERY_BYTES / 1000),
        format!("/nyhedsbrev/{token}"),
    ));
    cases.push(get(
        A,
        "/abonnement/{token}",
        &format!("a {} KB token of odd Unicode", QUERY_BYTES / 1000),
        format!("/abonnement/{token}"),
    ));
    cases.push(post_form(
        A,
        "/abonnement/{token}",
        &format!("a made-up token, {FIELDS} ticked activities and areas"),
        "/abonnement/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA".into(),
        format!(
            "hvad=valgte&{}&{}",
            repeated("aktivitet", HUGE),
            repeated("fokus", HUGE)
        )
        .into_bytes(),
    ));
    cases.push(post_form(
        A,
        "/abonnement/{token}/afmeld",
        &format!(
            "a {} KB token of odd Unicode, one click",
            QUERY_BYTES / 1000
        ),
        format!("/abonnement/{token}/afmeld"),
        b"List-Unsubscribe=One-Click".to_vec(),
    ));
    cases.push(get(
        A,
        "/aktiviteter/{slug}/{date}?nyhedsbrev=",
        &format!("a {} KB week of odd Unicode", QUERY_BYTES / 1000),
        format!("{}?nyhedsbrev={token}", f.date_path),
    ));
    cases.push(get(
        A,
        "/illustrationer/{kind}.png",
        &format!("a {} KB name of odd Unicode", QUERY_BYTES / 1000),
        format!("/illustrationer/{token}.png"),
    ));
    // Drawn once per process: every later request is a copy of the stored PNG.
    cases.push(get(
        A,
        "/illustrationer/{kind}.png",
        "a real kind, again and again",
        "/illustrationer/party.png".into(),
    ));
    cases
}

/// The Markdown previews and the editors of staff and journalists, and the staff's tools.
fn logged_in_cases(f: &Fixtures) -> Vec<Case> {
    use Who::{Admin, Journalist, Staff};
    let e = edges();
    let mut cases = Vec::new();
    const PREVIEW: &str = "/personale/artikler/forhaandsvisning";
    const OWN_PREVIEW: &str = "/borgerjournalist/forhaandsvisning";

    // The live previews: the Markdown is the whole body.
    for (kind, what) in [
        ("quotes", "`>`"),
        ("blockquotes", "`<blockquote>`"),
        ("emphasis", "`*` and `_` runs"),
        ("links", "unclosed links and images"),
        ("lists", "lists nested one level a line"),
        ("backticks", "unclosed backtick runs of every length"),
        ("table", "a table row of 250,000 cells"),
        ("html", "unclosed HTML and entities"),
    ] {
        cases.push(post(
            Staff,
            PREVIEW,
            &format!("1 MB of {what}"),
            PREVIEW.into(),
            markdown(kind, BODY_BYTES).into_bytes(),
            TEXT,
        ));
    }
    for (kind, what) in [("quotes", "`>`"), ("blockquotes", "`<blockquote>`")] {
        cases.push(post(
            Staff,
            PREVIEW,
            &format!("100,000 characters of {what}"),
            PREVIEW.into(),
            markdown(kind, 100_000).into_bytes(),
            TEXT,
        ));
        cases.push(post(
            Journalist,
            OWN_PREVIEW,
            &format!("1 MB of {what}"),
            OWN_PREVIEW.into(),
            markdown(kind, BODY_BYTES).into_bytes(),
            TEXT,
        ));
    }
    cases.push(post(
        Staff,
        PREVIEW,
        "10 MB of `>` (the editors' limit)",
        PREVIEW.into(),
        markdown("quotes", UPLOAD_BYTES).into_bytes(),
        TEXT,
    ));

    // The article editor: preview, and saving a draft over and over.
    let quotes_form = |extra: &str, bytes: usize| {
        // `>` needs no encoding in a urlencoded body, so the form holds it as it is.
        format!("{extra}&body={}", ">".repeat(bytes)).into_bytes()
    };
    cases.push(post_form(
        Staff,
        "/personale/artikler/ny",
        "preview of a 10 MB body of `>`",
        "/personale/artikler/ny".into(),
        quotes_form(
            "heading=B%C3%A6nk&status=draft&intent=preview",
            UPLOAD_BYTES,
        ),
    ));
    let article = format!("/personale/artikler/{}", f.article_id);
    let saved = "heading=B%C3%A6nkens+artikel&slug=baenkens-artikel&status=draft&intent=save";
    cases.push(post_form(
        Staff,
        "/personale/artikler/{id}",
        "save: a body of 100,000 `>`",
        article.clone(),
        quotes_form(saved, 100_000),
    ));
    cases.push(post_form(
        Staff,
        "/personale/artikler/{id}",
        "save: a body of 100,000 characters of `<blockquote>`",
        article.clone(),
        format!("{saved}&body={}", enc(&markdown("blockquotes", 100_000))).into_bytes(),
    ));
    cases.push(post_form(
        Staff,
        "/personale/artikler/{id}",
        &format!("save: {FIELDS} focus areas, odd Unicode in every field"),
        article.clone(),
        format!(
            "{saved}&lead={}&byline={}&cover_alt={}&{}",
            enc(&fit(ODD_UNICODE, 3_000)),
            enc(&fit(ODD_UNICODE, 3_000)),
            enc(&fit(ODD_UNICODE, 3_000)),
            repeated("omraade", HUGE)
        )
        .into_bytes(),
    ));
    cases.push(post_form(
        Staff,
        "/personale/artikler/ny",
        "save: a 10 MB title of odd Unicode",
        "/personale/artikler/ny".into(),
        format!(
            "status=draft&intent=save&body=x&heading={}",
            enc(&fit(ODD_UNICODE, UPLOAD_BYTES))
        )
        .into_bytes(),
    ));
    cases.push(post_form(
        Staff,
        "/personale/udgaver/ny",
        "a 10 MB name, a huge date",
        "/personale/udgaver/ny".into(),
        format!(
            "published_on={HUGE}-01-01&intro=x&heading={}",
            enc(&fit(ODD_UNICODE, UPLOAD_BYTES))
        )
        .into_bytes(),
    ));

    // Activities, exceptions and attendance.
    cases.push(post_form(
        Staff,
        "/personale/aktiviteter/ny",
        &format!("{FIELDS} weekdays, huge numbers"),
        "/personale/aktiviteter/ny".into(),
        format!(
            "activity_name=B%C3%A6nk&starts_on={HUGE}-01-01&start_time=10:00&end_time=11:00\
             &repeat=weekly&interval={HUGE}&ends=count&count={HUGE}&capacity={HUGE}\
             &max_party={HUGE}&{}",
            repeated("dag", "MO")
        )
        .into_bytes(),
    ));
    let activity = format!("/personale/aktiviteter/{}", f.activity_id);
    let notes = enc(&fit(ODD_UNICODE, 200_000));
    cases.push(post_form(
        Staff,
        "/personale/aktiviteter/{id}",
        "every day for ever from four years ahead, 200 KB notes of odd Unicode",
        activity.clone(),
        format!(
            "activity_name=B%C3%A6nkens+aktivitet&slug=baenkens-aktivitet&starts_on={}\
             &start_time=10:00&end_time=11:00&repeat=weekly&interval=1\
             &dag=MO&dag=TU&dag=WE&dag=TH&dag=FR&dag=SA&dag=SU&ends=never&max_party=10\
             &description={notes}&price_note={notes}&accessibility_note={notes}&contact={notes}",
            e.later
        )
        .into_bytes(),
    ));
    cases.push(post_form(
        Staff,
        "/personale/aktiviteter/{id}",
        "a 1 MB kind and photo description of odd Unicode",
        activity.clone(),
        format!(
            "activity_name=B%C3%A6nk&starts_on=2026-01-05&start_time=10:00&end_time=11:00\
             &repeat=weekly&interval=1&dag=MO&ends=never&max_party=10&remove_cover=on\
             &kind={}&cover_alt={}",
            enc(&fit(ODD_UNICODE, 500_000)),
            enc(&fit(ODD_UNICODE, 500_000))
        )
        .into_bytes(),
    ));
    cases.push(post_form(
        Staff,
        "/personale/aktiviteter/{id}/undtagelser",
        "a huge date, a 1 MB reason",
        format!("{activity}/undtagelser"),
        form(&[
            ("on_date", &format!("{HUGE}-01-01")),
            ("kind", "moved"),
            ("reason", &fit(ODD_UNICODE, BODY_BYTES - 200)),
            ("new_date", &e.last_date),
            ("new_start", "10:00"),
            ("new_end", "11:00"),
        ]),
    ));
    cases.push(post_form(
        Staff,
        "/personale/aktiviteter/{id}/{date}/fremmoede",
        &format!("huge counts, {FIELDS} parties that came"),
        format!("{}/fremmoede", f.staff_date_path),
        format!(
            "held=1&walkin_adults={HUGE}&walkin_children={HUGE}&volunteers={HUGE}\
             &first_timers={HUGE}&{}",
            repeated("came", HUGE)
        )
        .into_bytes(),
    ));
    cases.push(post_form(
        Staff,
        "/personale/aktiviteter/{id}/{date}/fremmoede",
        &format!("the largest counts, {FIELDS} made-up parties that came"),
        format!("{}/fremmoede", f.staff_date_path),
        format!(
            "held=1&walkin_adults=1000&walkin_children=1000&volunteers=1000\
             &first_timers=1000&{}",
            (1..=FIELDS)
                .map(|n| format!("came={}", 1_000_000 + n))
                .collect::<Vec<_>>()
                .join("&")
        )
        .into_bytes(),
    ));
    cases.push(post_form(
        Staff,
        "/personale/aktiviteter/{id}/{date}/tilmeldinger/{signup}/fjern",
        "a huge sign-up id",
        format!("{}/tilmeldinger/{HUGE}/fjern", f.staff_date_path),
        Vec::new(),
    ));
    cases.push(get(
        Staff,
        "/personale/aktiviteter/{id}/{date}/udskriv",
        "the largest id, the last date",
        format!(
            "/personale/aktiviteter/{}/{}/udskriv",
            i64::MAX,
            e.last_date
        ),
    ));
    cases.push(post_form(
        Staff,
        "/personale/api/gang",
        "a huge id and date",
        "/personale/api/gang".into(),
        form(&[("id", HUGE), ("date", &format!("{HUGE}-01-01"))]),
    ));

    // Figures and visitors.
    let ten_years = format!("fra={}&til={}", e.first_date, e.last_date);
    for (address, what) in [
        ("/personale/tal", "the figures page"),
        ("/personale/tal.csv", "the figures' CSV"),
        ("/personale/tal/rapport", "the figures' report"),
    ] {
        cases.push(get(
            Staff,
            &format!("{address}?fra=&til="),
            &format!("{what} for the ten years there may be"),
            format!("{address}?{ten_years}"),
        ));
    }
    cases.push(get(
        Staff,
        "/personale/tal?aar=&kvartal=",
        "huge numbers",
        format!("/personale/tal?aar={HUGE}&kvartal={HUGE}"),
    ));
    cases.push(post_form(
        Staff,
        "/personale/api/tal",
        "ten years",
        "/personale/api/tal".into(),
        form(&[("query[fra]", &e.first_date), ("query[til]", &e.last_date)]),
    ));
    cases.push(get(
        Staff,
        "/personale/besoeg?aar=&maaned=",
        "huge numbers",
        format!("/personale/besoeg?aar={HUGE}&maaned={HUGE}"),
    ));
    cases.push(get(
        Staff,
        "/personale/besoeg?aar=&maaned=",
        "the last year there may be",
        "/personale/besoeg?aar=2100&maaned=12".into(),
    ));
    cases.push(get(
        Staff,
        "/personale/besoeg.csv?aar=",
        "huge numbers",
        format!("/personale/besoeg.csv?aar={HUGE}"),
    ));
    cases.push(get(
        Staff,
        "/personale/artikler/{id}",
        "a huge id",
        format!("/personale/artikler/{HUGE}"),
    ));

    // The plan, the success criteria, the press log and the report.
    cases.push(get(
        Staff,
        "/personale/rapport?aar=&kvartal=",
        "huge numbers",
        format!("/personale/rapport?aar={HUGE}&kvartal={HUGE}"),
    ));
    let last_year = (chrono::Datelike::year(&app::clock::today()) - 1).to_string();
    cases.push(get(
        Staff,
        "/personale/rapport.docx?aar=",
        "last year's document, its charts drawn",
        format!("/personale/rapport.docx?aar={last_year}"),
    ));
    cases.push(post_form(
        Staff,
        "/personale/rapport/tekster",
        "10000 parts, 1 MB of odd Unicode",
        "/personale/rapport/tekster".into(),
        format!(
            "aar={last_year}&{}",
            (0..10_000)
                .map(|_| format!(
                    "report_part=intro&text={}",
                    enc(&fit(ODD_UNICODE, BODY_BYTES / 10_000 - 40))
                ))
                .collect::<Vec<_>>()
                .join("&")
        )
        .into_bytes(),
    ));
    cases.push(post_form(
        Staff,
        "/personale/succeskriterier/ny",
        "a 1 MB name of odd Unicode, a huge target",
        "/personale/succeskriterier/ny".into(),
        form(&[
            ("measure_name", &fit(ODD_UNICODE, BODY_BYTES - 200)),
            ("owner", &format!("omraade-{HUGE}")),
            ("unit", "personer"),
            ("recorded_per", "quarter"),
            ("yearly_target", HUGE),
            ("part_of", HUGE),
        ]),
    ));
    cases.push(post_form(
        Staff,
        "/personale/succeskriterier/{id}/tal",
        "10000 values, huge numbers",
        "/personale/succeskriterier/1/tal".into(),
        format!(
            "aar={last_year}&{}",
            (0..10_000)
                .map(|_| format!("was=&v={HUGE}"))
                .collect::<Vec<_>>()
                .join("&")
        )
        .into_bytes(),
    ));
    cases.push(post_form(
        Staff,
        "/personale/presse/ny",
        "a 1 MB headline, a huge date",
        "/personale/presse/ny".into(),
        form(&[
            ("kind", "mention"),
            ("published_on", &format!("{HUGE}-01-01")),
            ("outlet", "Randers Amtsavis"),
            ("heading", &fit(ODD_UNICODE, BODY_BYTES - 200)),
            ("focus_area", HUGE),
        ]),
    ));
    cases.push(post_form(
        Staff,
        "/personale/helhedsplan/perioder/ny",
        "huge years",
        "/personale/helhedsplan/perioder/ny".into(),
        form(&[
            ("period_name", "Plan"),
            ("first_year", HUGE),
            ("last_year", HUGE),
        ]),
    ));
    cases.push(post_form(
        Staff,
        "/personale/helhedsplan/omraader/ny",
        "a 1 MB goal of odd Unicode",
        "/personale/helhedsplan/omraader/ny".into(),
        form(&[
            ("plan_period", HUGE),
            ("area_name", "Område"),
            ("goal", &fit(ODD_UNICODE, BODY_BYTES - 200)),
            ("position", HUGE),
        ]),
    ));

    // Invitations and the review of submissions.
    let long_email = fit(ODD_UNICODE, BODY_BYTES - 100);
    cases.push(post_each(
        Staff,
        "/personale/brugere/inviter",
        "a 1 MB address of odd Unicode",
        "/personale/brugere/inviter".into(),
        move |n| {
            form(&[
                ("email", &format!("{n}{long_email}")),
                ("account_role", "journalist"),
            ])
        },
    ));
    if let Some(review) = f.review_id {
        let submission = format!("/personale/indsendelser/{review}");
        cases.push(post_form(
            Staff,
            "/personale/indsendelser/{id}/afvis",
            "a 1 MB reason",
            format!("{submission}/afvis"),
            form(&[("reason", &fit(ODD_UNICODE, BODY_BYTES))]),
        ));
        cases.push(post_form(
            Staff,
            "/personale/indsendelser/{id}/udgiv",
            "a lead too long, a body of 100,000 `>`",
            format!("{submission}/udgiv"),
            format!(
                "heading=B%C3%A6nk&lead={}&issue={HUGE}&body={}",
                "a".repeat(1_001),
                ">".repeat(100_000)
            )
            .into_bytes(),
        ));
        cases.push(post_form(
            Staff,
            "/personale/indsendelser/{id}/kommentar",
            "a 1 MB comment",
            format!("{submission}/kommentar"),
            form(&[("message", &fit(ODD_UNICODE, BODY_BYTES))]),
        ));
    }
    cases.push(get(
        Staff,
        "/personale/indsendelser/{id}",
        "a huge id",
        format!("/personale/indsendelser/{HUGE}"),
    ));

    // The journalist's submission.
    let submission = format!("/borgerjournalist/indsendelser/{}", f.submission_id);
    cases.push(post_form(
        Journalist,
        "/borgerjournalist/indsendelser/ny",
        "preview of a 10 MB body of `>`",
        "/borgerjournalist/indsendelser/ny".into(),
        quotes_form("heading=B%C3%A6nk&intent=preview", UPLOAD_BYTES),
    ));
    cases.push(post_form(
        Journalist,
        "/borgerjournalist/indsendelser/{id}",
        "save: a body of 100,000 `>`",
        submission.clone(),
        quotes_form("heading=B%C3%A6nkens+indsendelse&intent=save", 100_000),
    ));
    cases.push(post_form(
        Journalist,
        "/borgerjournalist/indsendelser/{id}",
        &format!("save: {FIELDS} photos, captions and removals"),
        submission.clone(),
        format!(
            "heading=B%C3%A6nkens+indsendelse&intent=save&body=x&{}&{}&{}&{}",
            repeated("photo_id", "1"),
            repeated("photo_caption", "a"),
            repeated("photo_alt", "a"),
            repeated("remove_photo", "1")
        )
        .into_bytes(),
    ));
    cases.push(get(
        Journalist,
        "/borgerjournalist/indsendelser/{id}",
        "a huge id",
        format!("/borgerjournalist/indsendelser/{HUGE}"),
    ));
    cases.push(post_form(
        Journalist,
        "/borgerjournalist/api/indsendelse",
        "a huge id",
        "/borgerjournalist/api/indsendelse".into(),
        form(&[("id", HUGE)]),
    ));

    // The admin's own account and the users.
    let half = BODY_BYTES / 2 - 100;
    cases.push(post_form(
        Admin,
        "/konto/adgangskode",
        "500 KB current and new password",
        "/konto/adgangskode".into(),
        form(&[
            ("current", &fit(ODD_UNICODE, half)),
            ("password", &fit(ODD_UNICODE, half)),
        ]),
    ));
    cases.push(post_form(
        Admin,
        "/konto/to-trin",
        "500 KB secret and code of odd Unicode",
        "/konto/to-trin".into(),
        form(&[
            ("secret", &fit(ODD_UNICODE, half)),
            ("code", &fit(ODD_UNICODE, half)),
        ]),
    ));
    cases.push(post_form(
        Staff,
        "/personale/nyhedsbrev",
        "a 1 MB note of odd Unicode, a weekday and a time",
        "/personale/nyhedsbrev".into(),
        form(&[
            ("ugedag", &fit(ODD_UNICODE, 1000)),
            ("klokken", &fit(ODD_UNICODE, 1000)),
            ("note", &fit(ODD_UNICODE, BODY_BYTES - 3000)),
        ]),
    ));
    cases.push(post_form(
        Admin,
        "/konto/email-indstillinger",
        "a 1 MB tick",
        "/konto/email-indstillinger".into(),
        form(&[("notify_submissions", &fit(ODD_UNICODE, BODY_BYTES))]),
    ));
    cases.push(post_form(
        Admin,
        "/personale/brugere/{id}/{action}",
        &format!("a huge id, a {} KB action", QUERY_BYTES / 1000),
        format!(
            "/personale/brugere/{HUGE}/{}",
            enc(&fit(ODD_UNICODE, QUERY_BYTES))
        ),
        Vec::new(),
    ));
    cases
}

fn all_cases(fixtures: &Fixtures) -> Vec<Case> {
    let mut cases = anonymous_cases(fixtures);
    cases.extend(logged_in_cases(fixtures));
    cases
}

// ---------------------------------------------------------------------------------------------
// Measuring.

/// What one input cost.
struct Row {
    who: Who,
    request: String,
    input: String,
    requests: u64,
    /// Answers by status (0: none).
    answers: BTreeMap<u16, u64>,
    cpu_ms: f64,
    wall_ms: f64,
    answer_bytes: f64,
    /// The server stopped while this input was being sent.
    stopped: bool,
}

impl Row {
    fn budget_ms(&self) -> f64 {
        self.who.budget_ms()
    }

    fn passed(&self) -> bool {
        !self.stopped && self.cpu_ms <= self.budget_ms()
    }

    fn answers_text(&self) -> String {
        self.answers
            .iter()
            .map(|(status, count)| match status {
                0 => format!("no answer ×{count}"),
                status => format!("{status} ×{count}"),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn json(&self) -> Value {
        json!({
            "who": self.who.name(), "request": self.request, "input": self.input,
            "requests": self.requests,
            "answers": self.answers.iter().map(|(status, count)| (status.to_string(), *count))
                .collect::<BTreeMap<_, _>>(),
            "cpu_ms_per_request": self.cpu_ms, "wall_ms_per_request": self.wall_ms,
            "answer_bytes": self.answer_bytes, "budget_ms": self.budget_ms(),
            "server_stopped": self.stopped, "passed": self.passed(),
        })
    }
}

/// Sends `case` one request at a time and measures the server's CPU per request.
async fn measure(case: &Case, session: &mut Session, tick_ms: f64) -> Row {
    let pid = session.portal.pid;
    let base = session.portal.base.clone();
    let clients = session.clients.clone();
    let mut answers: BTreeMap<u16, u64> = BTreeMap::new();
    let (mut requests, mut bytes) = (0u64, 0usize);

    // A first request: whatever is done once (a statement prepared, a template warmed) does not
    // count, unless the request is so slow that it is the row's only one.
    let before = cpu_ticks(pid);
    let started = Instant::now();
    let (status, size) = send(&clients, &base, case, 0).await;
    let first = started.elapsed();
    settle(pid).await;
    let alive = session.portal.alive();
    let (before, started) = if first >= SLOW_REQUEST || !alive {
        requests = 1;
        *answers.entry(status).or_default() += 1;
        bytes += size;
        (before, started)
    } else {
        let before = cpu_ticks(pid);
        let started = Instant::now();
        let mut n = 1;
        loop {
            let (status, size) = send(&clients, &base, case, n).await;
            requests += 1;
            *answers.entry(status).or_default() += 1;
            bytes += size;
            let elapsed = started.elapsed();
            let cpu_seconds = cpu_ticks(pid).saturating_sub(before) as f64 * tick_ms / 1000.0;
            let enough = requests >= MIN_REQUESTS && (elapsed >= ROW_SECONDS || cpu_seconds >= 1.0);
            if enough
                || requests >= MAX_REQUESTS
                || elapsed >= ROW_HARD_LIMIT
                || (status == 0 && !session.portal.alive())
            {
                break;
            }
            n += 1;
        }
        (before, started)
    };
    let wall = started.elapsed();
    // Work the server finishes after answering (or after the client gave up) counts too.
    settle(pid).await;
    let used = cpu_ticks(pid).saturating_sub(before);
    let stopped = !session.portal.alive();
    Row {
        who: case.who,
        request: case.request.clone(),
        input: case.input.clone(),
        requests,
        answers,
        cpu_ms: used as f64 * tick_ms / requests as f64,
        wall_ms: wall.as_secs_f64() * 1000.0 / requests as f64,
        answer_bytes: bytes as f64 / requests as f64,
        stopped,
    }
}

/// What the resident saw of the front page.
#[derive(Clone, Copy, Debug, Default)]
struct Resident {
    asked: u64,
    answered: u64,
    p50_ms: f64,
    p99_ms: f64,
    max_ms: f64,
    /// The three slowest requests: how long each took, in ms; when it was due, in seconds past
    /// the (UTC) minute (the page cache renders a kept page anew after its minute); and how
    /// late the resident's own runtime began sending it, in ms (a stall of the client, not of
    /// the server).
    slowest: [(f64, f64, f64); 3],
}

impl Resident {
    fn share(&self) -> f64 {
        if self.asked == 0 {
            0.0
        } else {
            self.answered as f64 / self.asked as f64
        }
    }

    fn json(&self) -> Value {
        json!({"asked": self.asked, "answered": self.answered, "p50_ms": self.p50_ms,
               "p99_ms": self.p99_ms, "max_ms": self.max_ms})
    }
}

fn percentile(sorted: &[f64], share: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[((sorted.len() as f64 * share) as usize).min(sorted.len() - 1)]
}

/// A resident asking for the (cached) front page `per_second` times a second for `seconds`, each
/// time on a new connection, as a phone that comes back does. Open loop: each request is due at
/// its moment, and its latency counts from then; an answer other than 200, or none within
/// [`RESIDENT_TIMEOUT`], is not answered.
///
/// It runs on a thread and an async runtime of its own, as a phone elsewhere would: the bench's
/// other clients' work never queues in front of its requests (the machine's cores are still
/// shared with them and the server).
async fn resident(base: &str, per_second: f64, seconds: f64) -> Resident {
    let base = base.to_owned();
    tokio::task::spawn_blocking(move || {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime for the resident")
            .block_on(resident_here(&base, per_second, seconds))
    })
    .await
    .expect("the resident's thread")
}

/// [`resident`] on the current runtime.
async fn resident_here(base: &str, per_second: f64, seconds: f64) -> Resident {
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .timeout(RESIDENT_TIMEOUT)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("an HTTP client");
    let total = (per_second * seconds) as u64;
    let gap = Duration::from_secs_f64(1.0 / per_second);
    let start = Instant::now() + Duration::from_millis(50);
    let mut tasks = Vec::new();
    for n in 0..total {
        let due = start + gap.mul_f64(n as f64);
        let due_past_minute = seconds_past_the_minute(due);
        let (client, url) = (client.clone(), format!("{base}/"));
        tasks.push(tokio::spawn(async move {
            tokio::time::sleep_until(due.into()).await;
            let late_start = due.elapsed().as_secs_f64() * 1000.0;
            let answered = match client
                .get(&url)
                .header("accept-encoding", "br, gzip")
                .send()
                .await
            {
                Ok(answer) => answer.status() == 200 && answer.bytes().await.is_ok(),
                Err(_) => false,
            };
            (
                answered,
                due.elapsed().as_secs_f64() * 1000.0,
                due_past_minute,
                late_start,
            )
        }));
    }
    let mut latencies = Vec::new();
    let mut slowest = Vec::new();
    let mut answered = 0;
    for task in tasks {
        if let Ok((ok, latency, past_minute, late_start)) = task.await {
            answered += u64::from(ok);
            latencies.push(latency);
            slowest.push((latency, past_minute, late_start));
        }
    }
    latencies.sort_by(f64::total_cmp);
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    slowest.resize(3, (f64::NAN, f64::NAN, f64::NAN));
    Resident {
        asked: total,
        answered,
        p50_ms: percentile(&latencies, 0.50),
        p99_ms: percentile(&latencies, 0.99),
        max_ms: latencies.last().copied().unwrap_or(f64::NAN),
        slowest: [slowest[0], slowest[1], slowest[2]],
    }
}

/// When `due` is, in seconds past the minute of the wall clock (UTC).
fn seconds_past_the_minute(due: Instant) -> f64 {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs_f64();
    let ahead = due.saturating_duration_since(Instant::now()).as_secs_f64();
    (now + ahead) % 60.0
}

/// What the resident saw while the worst inputs came.
#[derive(Clone, Copy, Debug)]
struct Abused {
    resident: Resident,
    /// The abusive requests answered or given up on.
    sent: u64,
    /// The server's resident memory at most, in MB.
    most_mb: f64,
}

/// The niceness of the attackers' threads in [`front_page_under_abuse`]: they stand for
/// machines elsewhere, so the kernel gives the server's threads (niceness 0 for its async
/// workers, 10 for its CPU jobs, `app::cpu`) and the resident's the cores first.
const ABUSER_NICENESS: libc::c_int = 15;

/// Gives the calling thread [`ABUSER_NICENESS`] (on Linux, a thread's own).
fn run_as_abuser() {
    // SAFETY: gettid and setpriority only read and change this thread's scheduling priority.
    let lowered = unsafe {
        let thread = libc::gettid();
        libc::setpriority(libc::PRIO_PROCESS, thread as libc::id_t, ABUSER_NICENESS)
    };
    if lowered != 0 {
        eprintln!("abuse: could not lower an attacker thread's priority");
    }
}

/// The front page for a resident while [`ABUSERS`] clients send `worst` in turn, each request
/// from an address of its own (as from a botnet, so that no per-address limit holds them). The
/// attackers run on a runtime of their own, at [`ABUSER_NICENESS`], with a client of their own.
async fn front_page_under_abuse(session: &Session, worst: &[Case]) -> Abused {
    let memory = sample_memory(session.portal.pid, Instant::now() + Duration::from_secs(11));
    let stop = Arc::new(AtomicBool::new(false));
    let sent = Arc::new(AtomicU64::new(0));
    let attackers = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .on_thread_start(run_as_abuser)
        .build()
        .expect("a runtime for the attackers");
    // The worst inputs are anonymous; the logged-in clients stay with the main runtime.
    let clients = Clients {
        anonymous: client(false),
        ..session.clients.clone()
    };
    let mut abusers = Vec::new();
    for client in 0..ABUSERS {
        let (stop, sent, worst) = (stop.clone(), sent.clone(), worst.to_vec());
        let (clients, base) = (clients.clone(), session.portal.base.clone());
        abusers.push(attackers.spawn(async move {
            let mut n = client as u64;
            while !stop.load(Ordering::Relaxed) {
                let case = &worst[n as usize % worst.len()];
                send(&clients, &base, case, 1_000_000 + n).await;
                sent.fetch_add(1, Ordering::Relaxed);
                n += 1;
            }
        }));
    }
    // Let the abuse begin before the resident comes.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let seen = resident(&session.portal.base, 20.0, 10.0).await;
    stop.store(true, Ordering::Relaxed);
    for abuser in abusers {
        abuser.abort();
    }
    attackers.shutdown_background();
    Abused {
        resident: seen,
        sent: sent.load(Ordering::Relaxed),
        most_mb: memory.await.unwrap_or(f64::NAN),
    }
}

/// Writes all of `bytes` on `stream`; false when the connection is closed.
async fn write_all(stream: &tokio::net::TcpStream, mut bytes: &[u8]) -> bool {
    while !bytes.is_empty() {
        if stream.writable().await.is_err() {
            return false;
        }
        match stream.try_write(bytes) {
            Ok(written) => bytes = &bytes[written..],
            Err(err) if err.kind() == std::io::ErrorKind::WouldBlock => continue,
            Err(_) => return false,
        }
    }
    true
}

/// One slow client: connects at `start`, sends the start of a request, then one more byte of a
/// header every [`TRICKLE_EVERY`] until `until`. Whether it connected, and whether the
/// connection was still open (neither closed nor answered by the server) at the end.
async fn slow_client(port: u16, start: Instant, until: Instant, index: usize) -> (bool, bool) {
    tokio::time::sleep_until(start.into()).await;
    let Ok(stream) = tokio::net::TcpStream::connect(("127.0.0.1", port)).await else {
        return (false, false);
    };
    if !write_all(&stream, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ").await {
        return (true, false);
    }
    // Spread over the interval, so the bytes arrive all the time rather than in bursts.
    let mut next = Instant::now() + TRICKLE_EVERY.mul_f64((index % 100) as f64 / 100.0);
    while next < until {
        tokio::time::sleep_until(next.into()).await;
        if !write_all(&stream, b"a").await {
            return (true, false);
        }
        next += TRICKLE_EVERY;
    }
    let mut buffer = [0u8; 256];
    let open = matches!(
        stream.try_read(&mut buffer),
        Err(err) if err.kind() == std::io::ErrorKind::WouldBlock
    );
    (true, open)
}

/// What one load of slow or many clients did.
struct Load {
    name: String,
    detail: String,
    resident: Resident,
    /// The server's resident memory before the load, at most during it, and at its end, in MB.
    start_mb: f64,
    most_mb: f64,
    after_mb: f64,
    server_stopped: bool,
}

impl Load {
    fn passed(&self) -> bool {
        !self.server_stopped
            && self.resident.share() >= RESIDENT_ANSWERED_SHARE
            && self.most_mb < MEMORY_BUDGET_MB
            && self.after_mb < MEMORY_BUDGET_MB
    }

    fn json(&self) -> Value {
        json!({"load": self.name, "detail": self.detail, "resident": self.resident.json(),
               "rss_start_mb": self.start_mb, "rss_most_mb": self.most_mb,
               "rss_after_mb": self.after_mb,
               "server_stopped": self.server_stopped, "passed": self.passed()})
    }
}

/// [`SLOW_CONNECTIONS`] slowloris clients for about 18 seconds; the resident asks for the
/// front page 10 times a second for 15 of them.
async fn slow_connections(portal: &mut Portal) -> Load {
    let (port, pid) = (portal.port, portal.pid);
    let start_mb = memory_mb(pid, "VmRSS:");
    let start = Instant::now() + Duration::from_millis(100);
    let ramp = Duration::from_secs(2);
    let until = start + ramp + Duration::from_millis(15_500);
    let memory = sample_memory(pid, until);
    let mut clients = Vec::new();
    for index in 0..SLOW_CONNECTIONS {
        let at = start + ramp.mul_f64(index as f64 / SLOW_CONNECTIONS as f64);
        clients.push(tokio::spawn(slow_client(port, at, until, index)));
    }
    tokio::time::sleep_until((start + ramp).into()).await;
    let seen = resident(&portal.base, 10.0, 15.0).await;
    let after_mb = memory_mb(pid, "VmRSS:");
    let (mut connected, mut open) = (0, 0);
    for client in clients {
        if let Ok((was_connected, was_open)) = client.await {
            connected += usize::from(was_connected);
            open += usize::from(was_open);
        }
    }
    let most_mb = memory.await.unwrap_or(f64::NAN).max(after_mb);
    Load {
        name: format!("{SLOW_CONNECTIONS} slow connections"),
        detail: format!(
            "a header byte every {} s each; {connected} connected, {open} still open after {} s",
            TRICKLE_EVERY.as_secs(),
            (until - start).as_secs()
        ),
        resident: seen,
        start_mb,
        most_mb,
        after_mb,
        server_stopped: !portal.alive(),
    }
}

/// The search page for a made-up query, which the server renders (and keeps) for each.
fn overload_path(n: u64) -> String {
    format!("/soeg?q=f%C3%A6llesspisning+{n}")
}

/// How many uncached search pages a second the server answers to 16 clients in a closed loop.
async fn capacity(base: &str) -> f64 {
    let client = client(false);
    let done = Arc::new(AtomicU64::new(0));
    let seconds = 3.0;
    let end = Instant::now() + Duration::from_secs_f64(seconds);
    let mut workers = Vec::new();
    for worker in 0..16u64 {
        let (client, base, done) = (client.clone(), base.to_owned(), done.clone());
        workers.push(tokio::spawn(async move {
            let mut n = worker;
            while Instant::now() < end {
                let answer = client
                    .get(format!("{base}{}", overload_path(n)))
                    .header("accept-encoding", "br, gzip")
                    .header("x-forwarded-for", next_address())
                    .send()
                    .await;
                if let Ok(answer) = answer {
                    if answer.bytes().await.is_ok() {
                        done.fetch_add(1, Ordering::Relaxed);
                    }
                }
                n += 16;
            }
        }));
    }
    for worker in workers {
        let _ = worker.await;
    }
    done.load(Ordering::Relaxed) as f64 / seconds
}

/// An open-loop overload of uncached search pages at three times the server's capacity (at most
/// 5,000 a second) for 10 seconds (a request not sent because 2,000 are already waiting counts
/// as given up), while the resident asks for the front page 10 times a second.
async fn overload(portal: &mut Portal) -> Load {
    let pid = portal.pid;
    let base = portal.base.clone();
    let capacity = capacity(&base).await;
    settle(pid).await;
    let start_mb = memory_mb(pid, "VmRSS:");
    let rate = (3.0 * capacity).clamp(100.0, 5_000.0);
    let seconds = 10.0;
    let most_in_flight = 2_000;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(RESIDENT_TIMEOUT)
        .pool_max_idle_per_host(most_in_flight)
        .build()
        .expect("an HTTP client");
    let in_flight = Arc::new(AtomicUsize::new(0));
    let (answered, given_up) = (Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0)));
    let start = Instant::now() + Duration::from_millis(100);
    let total = (rate * seconds) as u64;
    let gap = Duration::from_secs_f64(1.0 / rate);
    let memory = sample_memory(pid, start + Duration::from_secs_f64(seconds + 1.0));
    let sender = {
        let (client, base) = (client.clone(), base.clone());
        let (in_flight, answered, given_up) =
            (in_flight.clone(), answered.clone(), given_up.clone());
        tokio::spawn(async move {
            let mut requests = Vec::new();
            for n in 0..total {
                tokio::time::sleep_until((start + gap.mul_f64(n as f64)).into()).await;
                if in_flight.load(Ordering::Relaxed) >= most_in_flight {
                    given_up.fetch_add(1, Ordering::Relaxed);
                    continue;
                }
                in_flight.fetch_add(1, Ordering::Relaxed);
                let (client, url) = (client.clone(), format!("{base}{}", overload_path(n)));
                let (in_flight, answered) = (in_flight.clone(), answered.clone());
                requests.push(tokio::spawn(async move {
                    let answer = client
                        .get(url)
                        .header("accept-encoding", "br, gzip")
                        .header("x-forwarded-for", next_address())
                        .send()
                        .await;
                    if let Ok(answer) = answer {
                        if answer.status() == 200 && answer.bytes().await.is_ok() {
                            answered.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                    in_flight.fetch_sub(1, Ordering::Relaxed);
                }));
            }
            for request in requests {
                let _ = request.await;
            }
        })
    };
    tokio::time::sleep_until(start.into()).await;
    let seen = resident(&base, 10.0, seconds).await;
    let after_mb = memory_mb(pid, "VmRSS:");
    let _ = sender.await;
    let most_mb = memory.await.unwrap_or(f64::NAN).max(after_mb);
    Load {
        name: "open-loop overload".to_owned(),
        detail: format!(
            "uncached search pages at {rate:.0}/s (3 × the {capacity:.0}/s managed in a closed \
             loop, between 100 and 5,000) for {seconds:.0} s: {} answered 200, {} given up \
             with {most_in_flight} waiting",
            answered.load(Ordering::Relaxed),
            given_up.load(Ordering::Relaxed)
        ),
        resident: seen,
        start_mb,
        most_mb,
        after_mb,
        server_stopped: !portal.alive(),
    }
}

// ---------------------------------------------------------------------------------------------
// The report.

struct Report {
    settings: Vec<(String, String)>,
    rows: Vec<Row>,
    worst: Vec<String>,
    abused: Option<Abused>,
    abused_server_stopped: bool,
    loads: Vec<Load>,
    memory: Vec<(String, f64)>,
}

impl Report {
    fn front_page_passed(&self) -> bool {
        !self.abused_server_stopped
            && self
                .abused
                .is_some_and(|abused| abused.resident.p99_ms < FRONT_PAGE_P99_BUDGET_MS)
    }

    /// What exceeded its budget, one line each.
    fn failures(&self) -> Vec<String> {
        let mut failures: Vec<String> = self
            .rows
            .iter()
            .filter(|row| !row.passed())
            .map(|row| {
                if row.stopped {
                    format!("{} {}: the server stopped", row.request, row.input)
                } else {
                    format!(
                        "{} {}: {:.1} ms CPU > {:.0} ms",
                        row.request,
                        row.input,
                        row.cpu_ms,
                        row.budget_ms()
                    )
                }
            })
            .collect();
        if !self.front_page_passed() {
            failures.push(match self.abused {
                Some(abused) if !self.abused_server_stopped => format!(
                    "front page under abuse: p99 {:.1} ms ≥ {FRONT_PAGE_P99_BUDGET_MS:.0} ms",
                    abused.resident.p99_ms
                ),
                _ => "front page under abuse: the server stopped".to_owned(),
            });
        }
        for load in self.loads.iter().filter(|load| !load.passed()) {
            failures.push(format!(
                "{}: {} of {} resident requests answered, {:.0} MB at most, {:.0} MB after{}",
                load.name,
                load.resident.answered,
                load.resident.asked,
                load.most_mb,
                load.after_mb,
                if load.server_stopped {
                    ", the server stopped"
                } else {
                    ""
                }
            ));
        }
        failures
    }

    fn markdown(&self) -> String {
        let mut md = String::from("# Naboskab abuse bench\n\n");
        for (name, value) in &self.settings {
            md.push_str(&format!("- {name}: {value}\n"));
        }
        md.push_str(&format!(
            "\n## Server CPU per request\n\nBudget: {ANONYMOUS_BUDGET_MS:.0} ms anonymous, \
             {LOGGED_IN_BUDGET_MS:.0} ms logged in. Requests one at a time, each from an address \
             of its own unless the input says otherwise.\n\n\
             | who | request | input | requests | answers | CPU ms/request | wall ms/request | \
             answer bytes | budget ms | |\n|---|---|---|---|---|---|---|---|---|---|\n"
        ));
        for row in &self.rows {
            md.push_str(&format!(
                "| {} | `{}` | {} | {} | {} | {:.1} | {:.1} | {:.0} | {:.0} | {} |\n",
                row.who.name(),
                row.request,
                row.input,
                row.requests,
                row.answers_text(),
                row.cpu_ms,
                row.wall_ms,
                row.answer_bytes,
                row.budget_ms(),
                if row.stopped {
                    "**server stopped**"
                } else if row.passed() {
                    "ok"
                } else {
                    "**over**"
                },
            ));
        }
        md.push_str(&format!(
            "\n## The cached front page while {ABUSERS} clients send the worst inputs\n\n\
             The {} most expensive anonymous inputs above, sent in turn by {ABUSERS} clients \
             for 10 s, each request from an address of its own; a resident asks for `/` 20 \
             times a second, each time on a new connection. Budget: p99 under \
             {FRONT_PAGE_P99_BUDGET_MS:.0} ms.\n\n",
            self.worst.len()
        ));
        for input in &self.worst {
            md.push_str(&format!("- {input}\n"));
        }
        match self.abused {
            Some(Abused {
                resident: seen,
                sent,
                most_mb,
            }) => md.push_str(&format!(
                "\n| resident answered | p50 ms | p99 ms | max ms | abusive requests sent | \
                 server RSS MB at most | |\n|---|---|---|---|---|---|---|\n\
                 | {} of {} | {:.1} | {:.1} | {:.1} | {sent} | {most_mb:.0} | {} |\n",
                seen.answered,
                seen.asked,
                seen.p50_ms,
                seen.p99_ms,
                seen.max_ms,
                if self.front_page_passed() {
                    "ok"
                } else {
                    "**over**"
                },
            )),
            None => md.push_str("\nNot measured.\n"),
        }
        if let Some(abused) = self.abused {
            let slowest: Vec<String> = abused
                .resident
                .slowest
                .iter()
                .map(|(ms, past, late)| {
                    format!("{ms:.1} ms (due {past:.2} s past the minute, sent {late:.1} ms late)")
                })
                .collect();
            md.push_str(&format!(
                "\nThe resident's slowest requests: {}.\n",
                slowest.join(", ")
            ));
        }
        md.push_str(&format!(
            "\n## Slow and many clients\n\nOn a freshly started server. The resident asks for \
             `/` 10 times a second, each time on a new connection; at least {:.0} % must be \
             answered 200 within {} s, and the server's resident memory must stay under \
             {MEMORY_BUDGET_MB:.0} MB (sampled every 250 ms during the load, and read at its \
             end). The clients run on the same machine \
             and take a share of its CPU.\n\n\
             | load | resident answered | p50 ms | p99 ms | RSS MB before | RSS MB at most | \
             RSS MB at the end | | detail |\n|---|---|---|---|---|---|---|---|---|\n",
            100.0 * RESIDENT_ANSWERED_SHARE,
            RESIDENT_TIMEOUT.as_secs()
        ));
        for load in &self.loads {
            md.push_str(&format!(
                "| {} | {} of {} | {:.1} | {:.1} | {:.0} | {:.0} | {:.0} | {} | {} |\n",
                load.name,
                load.resident.answered,
                load.resident.asked,
                load.resident.p50_ms,
                load.resident.p99_ms,
                load.start_mb,
                load.most_mb,
                load.after_mb,
                if load.server_stopped {
                    "**server stopped**"
                } else if load.passed() {
                    "ok"
                } else {
                    "**over**"
                },
                load.detail,
            ));
        }
        md.push_str("\n## The server's memory\n\n");
        for (when, mb) in &self.memory {
            md.push_str(&format!("- {when}: {mb:.0} MB\n"));
        }
        let failures = self.failures();
        if failures.is_empty() {
            md.push_str("\n## Result\n\nEvery budget is met.\n");
        } else {
            md.push_str(&format!(
                "\n## Result\n\n{} budgets exceeded:\n\n",
                failures.len()
            ));
            for failure in &failures {
                md.push_str(&format!("- {failure}\n"));
            }
        }
        md
    }

    fn json(&self) -> Value {
        json!({
            "settings": self.settings.iter().cloned().collect::<BTreeMap<_, _>>(),
            "budgets": {"anonymous_cpu_ms": ANONYMOUS_BUDGET_MS,
                        "logged_in_cpu_ms": LOGGED_IN_BUDGET_MS,
                        "front_page_p99_ms": FRONT_PAGE_P99_BUDGET_MS,
                        "rss_mb": MEMORY_BUDGET_MB,
                        "resident_answered_share": RESIDENT_ANSWERED_SHARE},
            "rows": self.rows.iter().map(Row::json).collect::<Vec<_>>(),
            "front_page_under_abuse": {
                "worst_inputs": self.worst,
                "resident": self.abused.map(|abused| abused.resident.json()),
                "abusive_requests_sent": self.abused.map(|abused| abused.sent),
                "rss_most_mb": self.abused.map(|abused| abused.most_mb),
                "server_stopped": self.abused_server_stopped,
                "passed": self.front_page_passed(),
            },
            "slow_and_many": self.loads.iter().map(Load::json).collect::<Vec<_>>(),
            "memory_mb": self.memory.iter().cloned().collect::<BTreeMap<_, _>>(),
            "failures": self.failures(),
        })
    }
}

#[tokio::main]
async fn main() {
    let args = args();
    assert!(
        args.binary.exists(),
        "no {}: build the release first (cargo xtask bench --abuse does)",
        args.binary.display()
    );
    std::fs::create_dir_all(&args.out).expect("the output folder");
    let tick_ms = 1000.0 / ticks_per_second();
    let begun = Instant::now();

    eprintln!("abuse: starting the portal with the demo content");
    let mut session = Session::start(&args).await;
    let pid = session.portal.pid;
    settle(pid).await;
    let idle_before = cpu_ticks(pid);
    tokio::time::sleep(Duration::from_secs(2)).await;
    let idle_ms_per_second = cpu_ticks(pid).saturating_sub(idle_before) as f64 * tick_ms / 2.0;
    let mut report = Report {
        settings: vec![
            ("binary".into(), args.binary.display().to_string()),
            (
                "server CPU clock".into(),
                format!(
                    "ticks of {tick_ms:.0} ms; idle, the server uses {idle_ms_per_second:.1} ms \
                     a second"
                ),
            ),
            (
                "machine".into(),
                format!(
                    "{} cores; the bench's clients run on the same machine",
                    std::thread::available_parallelism().map_or(0, usize::from)
                ),
            ),
            (
                "server's open files limit (soft / hard)".into(),
                open_files_limit(pid),
            ),
            (
                "server's memory at start".into(),
                format!("{:.0} MB", memory_mb(pid, "VmRSS:")),
            ),
        ],
        rows: Vec::new(),
        worst: Vec::new(),
        abused: None,
        abused_server_stopped: false,
        loads: Vec::new(),
        memory: Vec::new(),
    };

    // Every input, one at a time. An input that stops the server gets a fresh one for the rest.
    let mut cases = all_cases(&session.fixtures);
    let mut index = 0;
    while index < cases.len() {
        let case = &cases[index];
        eprintln!(
            "abuse: {}/{} {} {} — {}",
            index + 1,
            cases.len(),
            case.who.name(),
            case.request,
            case.input
        );
        let row = measure(case, &mut session, tick_ms).await;
        eprintln!(
            "abuse:     {:.1} ms CPU per request over {} ({})",
            row.cpu_ms,
            row.requests,
            row.answers_text()
        );
        let stopped = row.stopped;
        report.rows.push(row);
        if stopped {
            eprintln!("abuse: the server stopped; starting a fresh one for the rest");
            drop(session);
            session = Session::start(&args).await;
            cases = all_cases(&session.fixtures);
        }
        index += 1;
    }
    report.memory.push((
        "after every input (VmRSS)".into(),
        memory_mb(session.portal.pid, "VmRSS:"),
    ));
    report.memory.push((
        "the most it has held so far (VmHWM)".into(),
        memory_mb(session.portal.pid, "VmHWM:"),
    ));

    // The most expensive anonymous inputs that did not stop the server, sent by 8 clients.
    let mut ranked: Vec<(usize, f64)> = report
        .rows
        .iter()
        .enumerate()
        .filter(|(_, row)| row.who == Who::Anonymous && !row.stopped)
        .map(|(index, row)| (index, row.cpu_ms))
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    let worst: Vec<Case> = ranked
        .iter()
        .take(WORST_INPUTS)
        .map(|(index, _)| cases[*index].clone())
        .collect();
    report.worst = ranked
        .iter()
        .take(WORST_INPUTS)
        .map(|(index, cpu_ms)| {
            let row = &report.rows[*index];
            format!("`{}` {} ({cpu_ms:.1} ms CPU)", row.request, row.input)
        })
        .collect();
    if !worst.is_empty() {
        eprintln!("abuse: the cached front page while {ABUSERS} clients send the worst inputs");
        settle(session.portal.pid).await;
        report.abused = Some(front_page_under_abuse(&session, &worst).await);
        settle(session.portal.pid).await;
        report.abused_server_stopped = !session.portal.alive();
    }
    report.memory.push((
        "after the worst inputs from 8 clients (VmRSS)".into(),
        memory_mb(session.portal.pid, "VmRSS:"),
    ));
    report.memory.push((
        "the most it held (VmHWM)".into(),
        memory_mb(session.portal.pid, "VmHWM:"),
    ));
    drop(session);

    // Slow and many clients on a fresh server, so its memory is theirs alone.
    eprintln!("abuse: a fresh server for {SLOW_CONNECTIONS} slow connections");
    let mut portal = Portal::start(&args).await;
    settle(portal.pid).await;
    report.loads.push(slow_connections(&mut portal).await);
    if !portal.alive() {
        portal = Portal::start(&args).await;
    }
    settle(portal.pid).await;
    eprintln!("abuse: an open-loop overload");
    report.loads.push(overload(&mut portal).await);
    settle(portal.pid).await;
    report.memory.push((
        "fresh, after the slow and many clients (VmRSS)".into(),
        memory_mb(portal.pid, "VmRSS:"),
    ));
    report.memory.push((
        "fresh, the most it held (VmHWM)".into(),
        memory_mb(portal.pid, "VmHWM:"),
    ));
    drop(portal);
    report.settings.push((
        "run time".into(),
        format!("{:.0} s", begun.elapsed().as_secs_f64()),
    ));

    let markdown = report.markdown();
    std::fs::write(args.out.join("abuse.md"), &markdown).expect("abuse.md is written");
    std::fs::write(
        args.out.join("abuse.json"),
        serde_json::to_string_pretty(&report.json()).expect("JSON"),
    )
    .expect("abuse.json is written");
    println!("{markdown}");
    println!(
        "(also in {} and abuse.json)",
        args.out.join("abuse.md").display()
    );
    let failures = report.failures();
    let budgets = report.rows.len() + 1 + report.loads.len();
    if failures.is_empty() {
        println!("abuse bench: all {budgets} budgets met");
    } else {
        println!(
            "abuse bench: {} of {budgets} budgets exceeded",
            failures.len()
        );
        std::process::exit(1);
    }
}
