//! Reliability on the real binary, on both backends where it applies: a resident told "Du er
//! tilmeldt" is on the list whatever happens to the server afterwards — `kill -9` at random
//! moments, a backup taken while sign-ups arrive — and the portal comes back by itself when
//! PostgreSQL restarts. Each test prints its figures (acknowledged, lost, duplicated; seconds
//! to recover).

use std::{
    collections::HashMap,
    path::PathBuf,
    process::{Child, Command, Stdio},
    sync::{
        atomic::{AtomicBool, AtomicU64, Ordering},
        Arc, Mutex,
    },
    time::{Duration, Instant},
};

use app::db::{Backend, Db, Pool};

use crate::{
    fixtures::{account, activity},
    helpers::TestDb,
    on_both_backends,
};

/// The clients that sign up at once.
const CLIENTS: u64 = 16;

/// How many times longer than in the test command each test runs: `NABOSKAB_SOAK`, set by
/// `cargo xtask soak`, or 1.
fn soak() -> u32 {
    std::env::var("NABOSKAB_SOAK")
        .ok()
        .and_then(|factor| factor.parse().ok())
        .filter(|factor| (1..=1000).contains(factor))
        .unwrap_or(1)
}

/// The real `naboskab` binary, started and stopped by the test.
struct Portal {
    child: Option<Child>,
    database_url: String,
    /// Settings beside the usual ones, which they override.
    settings: Vec<(String, String)>,
    data: tempfile::TempDir,
    port: u16,
    /// How many times it was started; each start logs to a file of its own.
    starts: u32,
}

impl Portal {
    /// Starts the portal on `database_url` behind a trusted proxy at 127.0.0.1 (so that the
    /// clients' `X-Forwarded-For` tells them apart for the rate limits), on a free port, and
    /// waits until it answers.
    async fn start(database_url: &str) -> Self {
        Self::start_with(database_url, &[]).await
    }

    /// [`Portal::start`] with more settings.
    async fn start_with(database_url: &str, settings: &[(&str, &str)]) -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut portal = Self {
            child: None,
            database_url: database_url.to_owned(),
            settings: settings
                .iter()
                .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
                .collect(),
            data: tempfile::tempdir().unwrap(),
            port,
            starts: 0,
        };
        portal.launch().await;
        portal
    }

    fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The process's environment: the database, a data folder, the port, the proxy.
    fn command(&self) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_naboskab"));
        command
            .current_dir(self.data.path())
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("DATABASE_URL", &self.database_url)
            .env("NABOSKAB_DATA_DIR", self.data.path().join("data"))
            .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{}", self.port))
            .env("NABOSKAB_PUBLIC_URL", self.base())
            .env("NABOSKAB_TRUSTED_PROXIES", "127.0.0.1")
            .env("RUST_LOG", "warn")
            .envs(self.settings.iter().map(|(name, value)| (name, value)))
            .stdin(Stdio::null());
        command
    }

    async fn launch(&mut self) {
        self.starts += 1;
        let log = self.data.path().join(format!("log-{}.txt", self.starts));
        let child = self
            .command()
            .stdout(std::fs::File::create(&log).unwrap())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .expect("the binary starts");
        self.child = Some(child);
        let client = reqwest::Client::new();
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if let Ok(answer) = client.get(format!("{}/healthz", self.base())).send().await {
                if answer.status() == 200 {
                    return;
                }
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!(
            "the portal did not come up: {}",
            std::fs::read_to_string(&log).unwrap_or_default()
        );
    }

    /// `kill -9`: the process ends at once, whatever it was doing.
    fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            child.kill().expect("SIGKILL");
            child.wait().expect("the killed process is reaped");
        }
    }

    /// Kills the portal and starts it again on the same port and database.
    async fn kill_and_restart(&mut self) {
        self.kill();
        self.launch().await;
    }

    /// SIGTERM, and waits for a clean exit.
    async fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let sent = Command::new("kill")
                .args(["-TERM", &child.id().to_string()])
                .status()
                .unwrap();
            assert!(sent.success());
            let status = tokio::task::spawn_blocking(move || child.wait())
                .await
                .unwrap()
                .unwrap();
            assert!(status.success(), "the portal stopped with {status}");
        }
    }
}

impl Drop for Portal {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A sign-up the portal acknowledged (answered 303 to its form), and when.
#[derive(Clone, Debug)]
struct Acknowledged {
    name: String,
    email: String,
    at: Instant,
}

/// Residents signing up, each sign-up under a name and address of its own, until stopped;
/// a sign-up that got no answer (the portal was down) is simply tried anew under a new name.
struct SignupLoad {
    stop: Arc<AtomicBool>,
    acknowledged: Arc<Mutex<Vec<Acknowledged>>>,
    unanswered: Arc<AtomicU64>,
    tasks: Vec<tokio::task::JoinHandle<()>>,
}

impl SignupLoad {
    fn start(base: &str, date_page: &str) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let acknowledged = Arc::new(Mutex::new(Vec::new()));
        let unanswered = Arc::new(AtomicU64::new(0));
        let tasks = (0..CLIENTS)
            .map(|client_number| {
                let (stop, acknowledged, unanswered) =
                    (stop.clone(), acknowledged.clone(), unanswered.clone());
                let (base, date_page) = (base.to_owned(), date_page.to_owned());
                tokio::spawn(async move {
                    let client = reqwest::Client::builder()
                        .redirect(reqwest::redirect::Policy::none())
                        .timeout(Duration::from_secs(20))
                        .build()
                        .unwrap();
                    let mut n = 0_u64;
                    while !stop.load(Ordering::Relaxed) {
                        n += 1;
                        let name = format!("Familie {client_number}-{n}");
                        let email = format!("familie-{client_number}-{n}@example.org");
                        let forwarded = format!("10.0.{client_number}.{}", n % 250 + 1);
                        let answer =
                            sign_up(&client, &base, &date_page, &forwarded, (&name, "0", &email))
                                .send()
                                .await;
                        match answer {
                            Ok(answer) if answer.status() == 303 => {
                                acknowledged.lock().unwrap().push(Acknowledged {
                                    name,
                                    email,
                                    at: Instant::now(),
                                });
                            }
                            Ok(answer) => {
                                panic!("a sign-up was answered {}", answer.status())
                            }
                            Err(_) => {
                                unanswered.fetch_add(1, Ordering::Relaxed);
                                tokio::time::sleep(Duration::from_millis(20)).await;
                            }
                        }
                    }
                })
            })
            .collect();
        Self {
            stop,
            acknowledged,
            unanswered,
            tasks,
        }
    }

    fn acknowledged(&self) -> usize {
        self.acknowledged.lock().unwrap().len()
    }

    /// Stops the clients (each finishes the sign-up it is sending) and returns what was
    /// acknowledged and how many tries got no answer.
    async fn finish(self) -> (Vec<Acknowledged>, u64) {
        self.stop.store(true, Ordering::Relaxed);
        for task in self.tasks {
            task.await.expect("a client panicked");
        }
        let acknowledged = self.acknowledged.lock().unwrap().clone();
        (acknowledged, self.unanswered.load(Ordering::Relaxed))
    }
}

/// A resident's sign-up for one adult (and `children`) at `date_page`, sent from `forwarded`
/// (through the trusted proxy), with `email` for the confirmation, or none if it is empty.
fn sign_up(
    client: &reqwest::Client,
    base: &str,
    date_page: &str,
    forwarded: &str,
    (name, children, email): (&str, &str, &str),
) -> reqwest::RequestBuilder {
    client
        .post(format!("{base}{date_page}"))
        .header("origin", base)
        .header("x-forwarded-for", forwarded)
        .form(&[
            ("navn", name),
            ("voksne", "1"),
            ("boern", children),
            ("contact", email),
            ("note", ""),
        ])
}

/// A communal dinner next week with 40 seats (the rest wait on the list); returns its date
/// page, where the sign-up form posts.
async fn dinner(db: &Db) -> String {
    dinner_with_seats(db, 40).await
}

async fn dinner_with_seats(db: &Db, seats: i64) -> String {
    let next_week = app::clock::today() + chrono::Duration::days(7);
    let dinner = activity("Fællesspisning i kælderen")
        .starts_on(next_week)
        .signups_required(seats)
        .create(db)
        .await;
    format!("/aktiviteter/{}/{next_week}", dinner.slug)
}

/// `(name, email)` of every sign-up, and the address of every queued or sent email.
async fn stored(db: &Db) -> (Vec<(String, String)>, Vec<String>) {
    let sign_ups = "select name, email from signups";
    let emails = "select to_address from outbox";
    match db.pool() {
        Pool::Sqlite(pool) => (
            sqlx::query_as(sign_ups).fetch_all(pool).await.unwrap(),
            sqlx::query_scalar(emails).fetch_all(pool).await.unwrap(),
        ),
        Pool::Postgres(pool) => (
            sqlx::query_as(sign_ups).fetch_all(pool).await.unwrap(),
            sqlx::query_scalar(emails).fetch_all(pool).await.unwrap(),
        ),
    }
}

/// What became of the acknowledged sign-ups: `(lost, duplicated)`, each also counted for
/// their confirmation emails. Also proves that nothing is half-written: every stored sign-up
/// (acknowledged or not) has exactly one email and every email its sign-up.
async fn audit(db: &Db, acknowledged: &[Acknowledged]) -> ((usize, usize), (usize, usize)) {
    let (sign_ups, emails) = stored(db).await;
    let mut by_name: HashMap<&str, usize> = HashMap::new();
    for (name, _) in &sign_ups {
        *by_name.entry(name.as_str()).or_default() += 1;
    }
    let mut by_address: HashMap<&str, usize> = HashMap::new();
    for address in &emails {
        *by_address.entry(address.as_str()).or_default() += 1;
    }
    for (name, email) in &sign_ups {
        assert_eq!(
            by_address.get(email.as_str()),
            Some(&1),
            "the sign-up of {name} and its email were not written together"
        );
    }
    assert_eq!(sign_ups.len(), emails.len(), "an email without its sign-up");
    let count = |found: Option<&usize>| match found {
        None => (1, 0),
        Some(1) => (0, 0),
        Some(_) => (0, 1),
    };
    let (mut signups_lost, mut signups_doubled, mut emails_lost, mut emails_doubled) = (0, 0, 0, 0);
    for ack in acknowledged {
        let (lost, doubled) = count(by_name.get(ack.name.as_str()));
        signups_lost += lost;
        signups_doubled += doubled;
        let (lost, doubled) = count(by_address.get(ack.email.as_str()));
        emails_lost += lost;
        emails_doubled += doubled;
    }
    (
        (signups_lost, signups_doubled),
        (emails_lost, emails_doubled),
    )
}

/// SQLite's own check of the file: pages, indexes and constraints.
async fn assert_sqlite_intact(db: &Db) {
    if let Pool::Sqlite(pool) = db.pool() {
        let check: String = sqlx::query_scalar("pragma integrity_check")
            .fetch_one(pool)
            .await
            .unwrap();
        assert_eq!(check, "ok");
        let foreign: Vec<(String,)> =
            sqlx::query_as("select \"table\" from pragma_foreign_key_check")
                .fetch_all(pool)
                .await
                .unwrap();
        assert!(foreign.is_empty(), "{foreign:?}");
    }
}

/// A random moment of up to `most` milliseconds (no need for a random number crate: a fresh
/// UUID is random enough to pick a moment).
fn random_millis(least: u64, most: u64) -> Duration {
    let random = uuid::Uuid::new_v4().as_u128() as u64;
    Duration::from_millis(least + random % (most - least))
}

/// Sixteen residents sign up while the portal is killed with SIGKILL at five random moments
/// and started again each time: every acknowledged sign-up is there exactly once, with its
/// confirmation email queued exactly once, and no sign-up is half-written.
async fn nothing_acknowledged_is_lost_on_kill_9(backend: Backend) {
    let test_db = TestDb::new(backend).await;
    let db = test_db.connect().await;
    let date_page = dinner(&db).await;
    let mut portal = Portal::start(&test_db.url).await;
    let load = SignupLoad::start(&portal.base(), &date_page);
    let kills = 5 * soak();
    for _ in 0..kills {
        let before = load.acknowledged();
        tokio::time::sleep(random_millis(300, 1500)).await;
        portal.kill_and_restart().await;
        assert!(load.acknowledged() > before, "no sign-up got through");
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let (acknowledged, unanswered) = load.finish().await;
    portal.stop().await;

    let ((lost, duplicated), (emails_lost, emails_duplicated)) = audit(&db, &acknowledged).await;
    eprintln!(
        "kill -9 {kills} times ({backend:?}): acknowledged {}, lost {lost}, duplicated \
         {duplicated}; confirmation emails lost {emails_lost}, duplicated \
         {emails_duplicated}; {unanswered} tries got no answer while the portal was down",
        acknowledged.len()
    );
    assert!(
        acknowledged.len() >= 50,
        "too few sign-ups to prove anything"
    );
    assert_eq!((lost, duplicated), (0, 0));
    assert_eq!((emails_lost, emails_duplicated), (0, 0));
    assert_sqlite_intact(&db).await;
}

on_both_backends!(nothing_acknowledged_is_lost_on_kill_9);

/// `naboskab backup FILE` while sixteen residents sign up: the copy is a sound database that
/// holds every sign-up acknowledged before the backup began, each with its email, and the
/// portal starts on it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_while_serving_holds_what_was_acknowledged() {
    let test_db = TestDb::new(Backend::Sqlite).await;
    let db = test_db.connect().await;
    let date_page = dinner(&db).await;
    let admin = account(app::accounts::Role::Staff).create(&db).await;
    {
        use std::os::unix::fs::PermissionsExt;
        // As an earlier version left it: readable by everyone.
        let live = test_db.url.trim_start_matches("sqlite://");
        std::fs::set_permissions(live, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    let mut portal = Portal::start(&test_db.url).await;
    // A live session, which the backup must not carry.
    let logged_in = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .post(format!("{}/log-ind", portal.base()))
        .header("origin", portal.base())
        .form(&[
            ("email", admin.email.as_str()),
            ("password", &admin.password),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(logged_in.status(), 303);
    let session_id = logged_in
        .headers()
        .get("set-cookie")
        .and_then(|cookie| cookie.to_str().ok())
        .and_then(|cookie| cookie.split(';').next())
        .and_then(|pair| pair.split_once('='))
        .map(|(_, id)| id.to_owned())
        .expect("a session cookie");
    let load = SignupLoad::start(&portal.base(), &date_page);
    tokio::time::sleep(Duration::from_secs(2 * u64::from(soak()))).await;

    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("naboskab-backup.db");
    let began = Instant::now();
    let output = portal
        .command()
        .args(["backup", file.to_str().unwrap()])
        .output()
        .expect("the backup command runs");
    let took = began.elapsed();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    let (acknowledged, _) = load.finish().await;
    portal.stop().await;

    // The database (made readable by all by this test) and its backup are the server's user's
    // alone, and the backup holds no session to log in with.
    {
        use std::os::unix::fs::PermissionsExt;
        let live = test_db.url.trim_start_matches("sqlite://").to_owned();
        for path in [file.clone(), PathBuf::from(&live)] {
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{}", path.display());
        }
    }
    let bytes = std::fs::read(&file).unwrap();
    assert!(
        !bytes
            .windows(session_id.len())
            .any(|window| window == session_id.as_bytes()),
        "the backup holds a live session id"
    );
    let before: Vec<Acknowledged> = acknowledged
        .into_iter()
        .filter(|ack| ack.at < began)
        .collect();

    // Restored: the copy in place of a database, as the README says.
    let restored_dir = tempfile::tempdir().unwrap();
    let restored = restored_dir.path().join("naboskab.db");
    std::fs::copy(&file, &restored).unwrap();
    let url = format!("sqlite://{}", restored.display());
    let copy = Db::connect(&url).await.unwrap();
    assert_sqlite_intact(&copy).await;
    let ((lost, duplicated), (emails_lost, emails_duplicated)) = audit(&copy, &before).await;
    eprintln!(
        "backup while serving (SQLite): {} sign-ups acknowledged before it began, lost {lost}, \
         duplicated {duplicated}, emails lost {emails_lost}; the backup took {took:?}",
        before.len()
    );
    assert!(before.len() >= 10, "too few sign-ups before the backup");
    assert_eq!(
        (lost, duplicated, emails_lost, emails_duplicated),
        (0, 0, 0, 0)
    );
    copy.close().await;

    let mut on_copy = Portal::start(&url).await;
    let page = reqwest::get(format!("{}{date_page}", on_copy.base()))
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    on_copy.stop().await;

    // A second backup to the same file is refused, and the first is left as it was.
    let size = std::fs::metadata(&file).unwrap().len();
    let again = portal
        .command()
        .args(["backup", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(1));
    let said = String::from_utf8_lossy(&again.stderr);
    assert!(said.contains("exists already"), "{said}");
    assert_eq!(std::fs::metadata(&file).unwrap().len(), size);
}

/// The restore drill: the nightly backup (`naboskab backup --nightly`, which checks the copy)
/// taken while residents sign up, restored with `naboskab restore` into a new installation
/// (a new folder on SQLite, a new database on PostgreSQL), which the portal then starts on:
/// every sign-up acknowledged before the backup began is there, once, with its email. On SQLite
/// a restore is refused while a portal serves the database, and the database it replaces is
/// kept.
async fn the_restore_drill_finds_every_acknowledged_signup(backend: Backend) {
    let test_db = TestDb::new(backend).await;
    let db = test_db.connect().await;
    let date_page = dinner(&db).await;
    db.close().await;
    let backups = tempfile::tempdir().unwrap();
    let backup_dir = backups.path().display().to_string();
    let settings = [("NABOSKAB_BACKUP_DIR", backup_dir.as_str())];
    let after_three = || {
        chrono::Timelike::hour(&app::clock::local(app::clock::now()))
            >= server::backups::BACKUP_HOUR
    };
    let after_three_at_start = after_three();
    let mut portal = Portal::start_with(&test_db.url, &settings).await;
    let load = SignupLoad::start(&portal.base(), &date_page);
    tokio::time::sleep(Duration::from_secs(2 * u64::from(soak()))).await;

    // On SQLite the portal makes the night's copy itself (from 3 o'clock, and at start when it
    // is missing); PostgreSQL's copies come from the timer's command only. A run that crosses
    // 3 o'clock cannot know which the portal saw, and checks nothing here.
    let expected = backend == Backend::Sqlite && after_three_at_start;
    let has_copy = || std::fs::read_dir(backups.path()).unwrap().next().is_some();
    for _ in 0..300 {
        if has_copy() || !expected {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    if after_three() == after_three_at_start {
        assert_eq!(has_copy(), expected, "the portal's own nightly copy");
    }

    // The timer's command, into a folder of its own, while the residents sign up.
    let timer_folder = tempfile::tempdir().unwrap();
    let began = Instant::now();
    let output = portal
        .command()
        .env("NABOSKAB_BACKUP_DIR", timer_folder.path())
        .args(["backup", "--nightly"])
        .output()
        .expect("the backup command runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    let (acknowledged, _) = load.finish().await;
    portal.stop().await;
    let file = std::fs::read_dir(timer_folder.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .find(|path| {
            path.file_name()
                .and_then(|name| name.to_str())
                .and_then(server::backups::date_of)
                .is_some()
        })
        .expect("tonight's copy");
    let before: Vec<Acknowledged> = acknowledged
        .into_iter()
        .filter(|ack| ack.at < began)
        .collect();
    assert!(before.len() >= 10, "too few sign-ups before the backup");

    // A new installation: on SQLite a portal serving it keeps the restore away.
    let target = TestDb::new(backend).await;
    let mut on_target = Portal::start(&target.url).await;
    let restore = |portal: &Portal| {
        portal
            .command()
            .args(["restore", file.to_str().unwrap()])
            .output()
            .expect("the restore command runs")
    };
    if backend == Backend::Sqlite {
        let refused = restore(&on_target);
        assert_eq!(refused.status.code(), Some(1));
        let said = String::from_utf8_lossy(&refused.stderr);
        assert!(said.contains("still running"), "{said}");
    }
    on_target.stop().await;
    let restored = restore(&on_target);
    assert!(
        restored.status.success(),
        "{}",
        String::from_utf8_lossy(&restored.stderr)
    );
    let said = String::from_utf8_lossy(&restored.stdout);
    if backend == Backend::Sqlite {
        assert!(said.contains("is kept as"), "{said}");
    }

    on_target.launch().await;
    let page = reqwest::get(format!("{}{date_page}", on_target.base()))
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    on_target.stop().await;
    let copy = Db::connect(&target.url).await.unwrap();
    let ((lost, duplicated), (emails_lost, emails_duplicated)) = audit(&copy, &before).await;
    eprintln!(
        "restore drill ({backend:?}): {} sign-ups acknowledged before the backup, lost {lost}, \
         duplicated {duplicated}, emails lost {emails_lost}",
        before.len()
    );
    assert_eq!(
        (lost, duplicated, emails_lost, emails_duplicated),
        (0, 0, 0, 0)
    );
    copy.close().await;
}

on_both_backends!(the_restore_drill_finds_every_acknowledged_signup);

/// The PostgreSQL server binaries of this machine (`initdb`, `pg_ctl`), if any.
fn postgres_bin() -> Option<PathBuf> {
    let versions = std::fs::read_dir("/usr/lib/postgresql").ok()?;
    versions
        .filter_map(Result::ok)
        .map(|version| version.path().join("bin"))
        .find(|bin| bin.join("pg_ctl").exists())
}

/// A PostgreSQL server of the test's own, in a temporary folder on a free port, so that it
/// can be stopped and started without touching anyone else's. As root it runs as the
/// `postgres` user (PostgreSQL refuses to run as root).
struct OwnPostgres {
    bin: PathBuf,
    dir: tempfile::TempDir,
    port: u16,
}

impl OwnPostgres {
    fn new(bin: PathBuf) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let server = Self { bin, dir, port };
        if is_root() {
            let chowned = Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(server.dir.path())
                .status()
                .unwrap();
            assert!(chowned.success());
        }
        let data = server.data();
        server.run("initdb", &["-A", "trust", "-U", "postgres", "-D", &data]);
        server
    }

    fn data(&self) -> String {
        self.dir.path().join("data").display().to_string()
    }

    fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    /// Runs one of the server's programs, as `postgres` when we are root.
    fn run(&self, program: &str, args: &[&str]) {
        let program = self.bin.join(program);
        let mut command = if is_root() {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(&program);
            command
        } else {
            Command::new(&program)
        };
        let output = command
            .args(args)
            .current_dir(self.dir.path())
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{program:?} {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }

    fn start(&self) {
        let options = format!(
            "-p {} -c listen_addresses=127.0.0.1 -k {}",
            self.port,
            self.dir.path().display()
        );
        let (data, log) = (
            self.data(),
            self.dir.path().join("log.txt").display().to_string(),
        );
        self.run(
            "pg_ctl",
            &["start", "-w", "-D", &data, "-l", &log, "-o", &options],
        );
    }

    fn stop(&self) {
        let data = self.data();
        self.run("pg_ctl", &["stop", "-m", "fast", "-w", "-D", &data]);
    }
}

impl Drop for OwnPostgres {
    fn drop(&mut self) {
        let data = self.data();
        let program = self.bin.join("pg_ctl");
        let mut command = if is_root() {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(&program);
            command
        } else {
            Command::new(&program)
        };
        let _ = command
            .args(["stop", "-m", "immediate", "-D", &data])
            .output();
    }
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|output| output.stdout.trim_ascii() == b"0")
        .unwrap_or(false)
}

/// `/healthz`'s status, or `None` when nothing answers.
async fn health(client: &reqwest::Client, base: &str) -> Option<u16> {
    client
        .get(format!("{base}/healthz"))
        .send()
        .await
        .ok()
        .map(|answer| answer.status().as_u16())
}

/// PostgreSQL stops while the portal serves: `/healthz` says 503 meanwhile and a resident's
/// page is a friendly error, and within five seconds of PostgreSQL's return the portal serves
/// pages and takes sign-ups again, without being restarted.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_portal_comes_back_by_itself_after_postgres_restarts() {
    let Some(bin) = postgres_bin().filter(|_| crate::helpers::postgres_admin_url().is_some())
    else {
        eprintln!("TEST_POSTGRES_URL is not set or PostgreSQL's programs are missing: not run");
        return;
    };
    let postgres = OwnPostgres::new(bin);
    postgres.start();
    let db = Db::connect(&postgres.url()).await.unwrap();
    db.migrate().await.unwrap();
    let date_page = dinner(&db).await;
    db.close().await;
    let portal = Portal::start(&postgres.url()).await;
    let base = portal.base();
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    assert_eq!(health(&client, &base).await, Some(200));

    let mut slowest = Duration::ZERO;
    for round in 0..soak() {
        postgres.stop();
        let asked = Instant::now();
        assert_eq!(health(&client, &base).await, Some(503));
        assert!(
            asked.elapsed() < Duration::from_secs(3),
            "a slow health check"
        );
        if round == 0 {
            let page = client
                .get(format!("{base}{date_page}"))
                .send()
                .await
                .unwrap();
            assert!(page.status().is_server_error(), "{}", page.status());
            let text = page.text().await.unwrap();
            assert!(
                !text.contains("sqlx") && !text.contains("panicked"),
                "{text}"
            );
        }

        postgres.start();
        let back = Instant::now();
        while health(&client, &base).await != Some(200) {
            assert!(
                back.elapsed() < Duration::from_secs(5),
                "not back within 5 s"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let page = client
            .get(format!("{base}{date_page}"))
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), 200);
        let name = format!("Familien Holm {round}");
        let forwarded = format!("10.2.0.{}", round % 250 + 1);
        let signed_up = sign_up(&client, &base, &date_page, &forwarded, (&name, "1", ""))
            .send()
            .await
            .unwrap();
        assert_eq!(signed_up.status(), 303);
        slowest = slowest.max(back.elapsed());
    }
    eprintln!(
        "PostgreSQL restarted {} times: the portal served pages and took sign-ups again at \
         most {slowest:?} after its return",
        soak()
    );
    drop(portal);
}

/// What 64 writers at once were answered: `(acknowledged, server errors)`.
#[derive(Default)]
struct Answers {
    acknowledged: AtomicU64,
    server_errors: AtomicU64,
}

impl Answers {
    fn count(&self, what: &str, answer: &crate::helpers::Answer) {
        match answer.status {
            303 => self.acknowledged.fetch_add(1, Ordering::Relaxed),
            status if status >= 500 => {
                eprintln!("{what}: {status} {}", answer.body);
                self.server_errors.fetch_add(1, Ordering::Relaxed)
            }
            status => panic!("{what}: answered {status}: {}", answer.body),
        };
    }
}

/// 64 writers at once on SQLite: 32 residents signing up, 16 staff recording attendance and
/// 16 staff saving articles. Every write is acknowledged and stored; none is answered with a
/// server error ("database is locked" would be one).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sixty_four_writers_at_once_on_sqlite() {
    crate::helpers::trace_to_test_output();
    use crate::{
        fixtures::account,
        helpers::{TestApp, Visitor},
    };
    let rounds = 4 * soak() as usize;
    let app = TestApp::spawn_behind_proxy(Backend::Sqlite).await;
    let db = app.db();
    let date_page = dinner(db).await;
    let today = app::clock::today();
    let weekly = activity("Babycafé")
        .starts_on(today - chrono::Duration::days(28))
        .rule(&crate::upgrade::weekly_on(today))
        .create(db)
        .await;
    let staff: Vec<Arc<Visitor>> = {
        let mut staff = Vec::new();
        for _ in 0..2 {
            let person = account(app::accounts::Role::Staff).create(db).await;
            staff.push(Arc::new(app.logged_in_as(&person).await));
        }
        staff
    };
    let answers = Arc::new(Answers::default());
    let started = Instant::now();
    let mut writers = Vec::new();
    for writer in 0..64_usize {
        let answers = answers.clone();
        let (date_page, staff) = (date_page.clone(), staff[writer % 2].clone());
        let resident = app.visitor();
        let attendance = format!(
            "/personale/aktiviteter/{}/{}/fremmoede",
            weekly.id,
            weekly.starts_on + chrono::Duration::days(7 * (writer % 4) as i64)
        );
        writers.push(tokio::spawn(async move {
            for round in 0..rounds {
                match writer {
                    0..32 => {
                        let name = format!("Familie {writer}-{round}");
                        let request = resident
                            .request(reqwest::Method::POST, &date_page)
                            .header("origin", resident.origin())
                            .header("x-forwarded-for", format!("10.1.{writer}.{round}"))
                            .form(&[
                                ("navn", name.as_str()),
                                ("voksne", "1"),
                                ("boern", "1"),
                                ("contact", ""),
                                ("note", ""),
                            ]);
                        answers.count("a sign-up", &resident.send(request).await);
                    }
                    32..48 => {
                        let walkins = (writer + round).to_string();
                        let form = [
                            ("held", "ja"),
                            ("walkin_adults", walkins.as_str()),
                            ("walkin_children", "1"),
                            ("volunteers", "2"),
                        ];
                        answers.count("attendance", &staff.post_form(&attendance, &form).await);
                    }
                    _ => {
                        let heading = format!("Nyt fra opgang {writer}, del {round}");
                        let form = [
                            ("heading", heading.as_str()),
                            ("lead", "Naboerne fortæller."),
                            ("body", "Der var **kaffe** til alle."),
                            ("byline", "Redaktionen"),
                            ("status", "published"),
                            ("intent", "save"),
                        ];
                        let saved = staff.post_form("/personale/artikler/ny", &form).await;
                        answers.count("an article", &saved);
                    }
                }
            }
        }));
    }
    for writer in writers {
        writer.await.expect("a writer panicked");
    }
    let took = started.elapsed();
    let acknowledged = answers.acknowledged.load(Ordering::Relaxed);
    let server_errors = answers.server_errors.load(Ordering::Relaxed);
    let (sign_ups, _) = stored(db).await;
    let articles = db.articles().all_articles().await.unwrap().len();
    eprintln!(
        "64 writers on SQLite, {rounds} writes each: {acknowledged} acknowledged, \
         {server_errors} server errors, in {took:?}; stored {} sign-ups and {articles} articles",
        sign_ups.len()
    );
    assert_eq!(server_errors, 0);
    assert_eq!(acknowledged, 64 * rounds as u64);
    assert_eq!(sign_ups.len(), 32 * rounds);
    assert_eq!(articles, 16 * rounds);
    let (weeks, _) = db
        .figures()
        .figure_rows(weekly.starts_on, today)
        .await
        .unwrap();
    let recorded = weeks.iter().filter(|week| week.held == Some(true)).count();
    assert_eq!(
        recorded, 4,
        "the attendance of four weeks is stored: {weeks:?}"
    );
}

/// SIGTERM while sixteen clients load the portal, each on a kept-alive connection, asking for
/// pages and signing up: every request sent is answered (0 failed), a new connection after the
/// signal is refused at once, the portal exits cleanly, every acknowledged sign-up is stored,
/// and the outbox worker stopped between two emails (each email written out is marked sent).
async fn sigterm_under_load_fails_no_request(backend: Backend) {
    let test_db = TestDb::new(backend).await;
    let db = test_db.connect().await;
    let date_page = dinner(&db).await;
    let mut portal = Portal::start(&test_db.url).await;
    let base = portal.base();
    let answered = Arc::new(AtomicU64::new(0));
    let failed = Arc::new(AtomicU64::new(0));
    let acknowledged = Arc::new(Mutex::new(Vec::new()));
    let clients: Vec<_> = (0..CLIENTS)
        .map(|client_number| {
            let (answered, failed, acknowledged) =
                (answered.clone(), failed.clone(), acknowledged.clone());
            let (base, date_page) = (base.clone(), date_page.clone());
            tokio::spawn(async move {
                let client = reqwest::Client::builder()
                    .redirect(reqwest::redirect::Policy::none())
                    .timeout(Duration::from_secs(20))
                    .build()
                    .unwrap();
                for n in 0_u64.. {
                    let name = format!("Familie {client_number}-{n}");
                    let email = format!("familie-{client_number}-{n}@example.org");
                    let request = if n % 2 == 0 {
                        client.get(format!("{base}{date_page}"))
                    } else {
                        let forwarded = format!("10.3.{client_number}.{}", n % 250 + 1);
                        sign_up(&client, &base, &date_page, &forwarded, (&name, "0", &email))
                    };
                    match request.send().await {
                        Ok(answer) if answer.status().is_success() => {
                            answer.bytes().await.expect("the whole page");
                            answered.fetch_add(1, Ordering::Relaxed);
                        }
                        Ok(answer) if answer.status() == 303 => {
                            answered.fetch_add(1, Ordering::Relaxed);
                            acknowledged.lock().unwrap().push(Acknowledged {
                                name,
                                email,
                                at: Instant::now(),
                            });
                        }
                        // The portal has closed its socket: the end of this client's run.
                        Err(err) if err.is_connect() => return,
                        Ok(answer) => {
                            eprintln!("failed: {} {}", answer.status(), answer.url());
                            failed.fetch_add(1, Ordering::Relaxed);
                        }
                        Err(err) => {
                            eprintln!("failed: {err:?}");
                            failed.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                }
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_secs(2 * u64::from(soak()))).await;

    let mut child = portal.child.take().unwrap();
    let signalled = Instant::now();
    let sent = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    tokio::time::sleep(Duration::from_millis(300)).await;
    let refused = std::net::TcpStream::connect(("127.0.0.1", portal.port))
        .expect_err("a new connection while draining");
    assert_eq!(refused.kind(), std::io::ErrorKind::ConnectionRefused);
    assert!(
        child.try_wait().unwrap().is_none(),
        "still answering its open connections"
    );
    for client in clients {
        client.await.expect("a client panicked");
    }
    let status = tokio::task::spawn_blocking(move || child.wait())
        .await
        .unwrap()
        .unwrap();
    let took = signalled.elapsed();
    assert!(status.success(), "the portal stopped with {status}");

    let answered = answered.load(Ordering::Relaxed);
    let failed = failed.load(Ordering::Relaxed);
    let acknowledged = acknowledged.lock().unwrap().clone();
    let ((lost, duplicated), _) = audit(&db, &acknowledged).await;
    let sent_emails: i64 = app::db_run!(&db, |pool| {
        sqlx::query_scalar("select count(*) from outbox where status = 'sent'")
            .fetch_one(pool)
            .await
            .unwrap()
    });
    let files = std::fs::read_dir(portal.data.path().join("data").join("emails"))
        .map(|folder| folder.count())
        .unwrap_or(0);
    eprintln!(
        "SIGTERM under load ({backend:?}): {answered} requests answered, {failed} failed, \
         {} sign-ups acknowledged (lost {lost}, duplicated {duplicated}); {sent_emails} emails \
         marked sent, {files} written; exited {took:?} after the signal",
        acknowledged.len()
    );
    assert_eq!(failed, 0);
    assert!(answered >= 50, "too little load to prove anything");
    assert_eq!((lost, duplicated), (0, 0));
    assert_eq!(
        files as i64, sent_emails,
        "an email written but not marked sent"
    );
    assert!(took < Duration::from_secs(15), "took {took:?} to stop");
}

on_both_backends!(sigterm_under_load_fails_no_request);

/// Clients whose connections the operating system completed just before the signal (they
/// wait in the accept queue, their requests sent) are answered, not reset, each answer
/// closing its connection; a connection after that is refused.
#[tokio::test]
async fn connections_waiting_at_the_signal_are_answered() {
    use std::io::{Read, Write};

    use axum::{middleware::from_fn_with_state, routing::get, Router};
    use server::shutdown::{close_connections_when_draining, ClosingListener, Stopping};

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let stopping = Stopping::default();
    let listener = ClosingListener::new(listener, &stopping).unwrap();
    // Eight clients connect and ask before the server accepts anything.
    let waiting: Vec<_> = (0..8)
        .map(|_| {
            let mut stream = std::net::TcpStream::connect(addr).unwrap();
            stream
                .write_all(b"GET / HTTP/1.1\r\nhost: naboskab.test\r\n\r\n")
                .unwrap();
            stream
        })
        .collect();
    stopping.draining.cancel();
    let router = Router::new()
        .route("/", get(|| async { "Velkommen" }))
        .layer(from_fn_with_state(
            stopping.closed.clone(),
            close_connections_when_draining,
        ));
    let server = tokio::spawn(server::serving::serve(listener, router, stopping.clone()));
    let answers = tokio::task::spawn_blocking(move || {
        waiting
            .into_iter()
            .map(|mut stream| {
                stream
                    .set_read_timeout(Some(Duration::from_secs(10)))
                    .unwrap();
                let mut answer = String::new();
                stream.read_to_string(&mut answer).map(|_| answer)
            })
            .collect::<Vec<_>>()
    })
    .await
    .unwrap();
    for answer in answers {
        let answer = answer.expect("an answer, not a reset");
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        assert!(answer.contains("connection: close"), "{answer}");
        assert!(answer.ends_with("Velkommen"), "{answer}");
    }
    let refused = std::net::TcpStream::connect(addr).expect_err("a connection after the close");
    assert_eq!(refused.kind(), std::io::ErrorKind::ConnectionRefused);
    stopping.stopped.cancel();
    server.await.unwrap();
}

/// Debian's nginx in front of two instances of the portal: round robin, the client's address
/// passed on in `X-Forwarded-For`. Started by the test, on a free port, stopped when dropped.
struct Proxy {
    child: Child,
    port: u16,
    _dir: tempfile::TempDir,
}

impl Proxy {
    /// nginx on `port` in front of the instances on `ports`, if nginx is installed.
    fn start(port: u16, ports: [u16; 2]) -> Option<Self> {
        let nginx = ["/usr/sbin/nginx", "/usr/bin/nginx"]
            .into_iter()
            .find(|path| std::path::Path::new(path).exists())?;
        let dir = tempfile::tempdir().unwrap();
        // As root, nginx's workers would run as `nobody`, who may not enter the test's folder.
        let user = if is_root() { "user root;" } else { "" };
        let config = format!(
            "daemon off; worker_processes 1; {user} error_log {work}/error.log; \
             pid {work}/nginx.pid;\n\
             events {{ worker_connections 512; }}\n\
             http {{ access_log off;\n\
               client_body_temp_path {work}/body; proxy_temp_path {work}/proxy;\n\
               fastcgi_temp_path {work}/fastcgi; uwsgi_temp_path {work}/uwsgi;\n\
               scgi_temp_path {work}/scgi;\n\
               upstream portal {{ server 127.0.0.1:{a}; server 127.0.0.1:{b}; }}\n\
               server {{ listen 127.0.0.1:{port};\n\
                 location / {{ proxy_pass http://portal; proxy_set_header Host $http_host;\n\
                   proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n\
                   proxy_next_upstream off; }} }} }}\n",
            work = dir.path().display(),
            a = ports[0],
            b = ports[1],
        );
        let file = dir.path().join("nginx.conf");
        std::fs::write(&file, config).unwrap();
        let child = Command::new(nginx)
            .arg("-c")
            .arg(&file)
            .arg("-p")
            .arg(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("nginx starts");
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "nginx did not start: {}",
                std::fs::read_to_string(dir.path().join("error.log")).unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Some(Self {
            child,
            port,
            _dir: dir,
        })
    }

    fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Two instances on one PostgreSQL database behind nginx: a login on one is valid on the
/// other, the seats of a dinner hold across both, each email is sent exactly once (read back
/// from the SMTP server), and the reminders of tomorrow are queued once though both instances
/// run the job.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_behind_nginx_share_everything() {
    let (Some(_), Some((smtp_url, maildev))) =
        (crate::helpers::postgres_admin_url(), crate::mail::smtp())
    else {
        eprintln!("TEST_POSTGRES_URL or TEST_SMTP_URL is not set: not run");
        return;
    };
    use crate::fixtures::account;
    let test_db = TestDb::new(Backend::Postgres).await;
    let db = test_db.connect().await;
    let staff = account(app::accounts::Role::Staff).create(&db).await;
    let date_page = dinner_with_seats(&db, 10).await;

    // The proxy's port first: both instances must know the address residents use.
    let proxy_port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let public_url = format!("http://127.0.0.1:{proxy_port}");
    let settings = [
        ("SMTP_URL", smtp_url.as_str()),
        ("NABOSKAB_PUBLIC_URL", public_url.as_str()),
    ];
    let first = Portal::start_with(&test_db.url, &settings).await;
    let second = Portal::start_with(&test_db.url, &settings).await;
    let Some(proxy) = Proxy::start(proxy_port, [first.port, second.port]) else {
        eprintln!("nginx is not installed: not run");
        return;
    };
    let base = proxy.base();
    assert_eq!(base, public_url);

    // A login through the proxy is valid on both instances.
    let jar = Arc::new(reqwest::cookie::Jar::default());
    let browser = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_provider(jar.clone())
        .build()
        .unwrap();
    let login = browser
        .post(format!("{base}/log-ind"))
        .header("origin", &base)
        .form(&[
            ("email", staff.email.as_str()),
            ("password", &staff.password),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 303);
    let cookie = login
        .headers()
        .get(reqwest::header::SET_COOKIE)
        .expect("a session cookie")
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    for instance in [&first, &second] {
        let page = reqwest::Client::new()
            .get(format!("{}/personale", instance.base()))
            .header("cookie", &cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(
            page.status(),
            200,
            "the login is valid on {}",
            instance.base()
        );
    }

    // 24 residents sign up at once for 10 seats, through both instances.
    let run = uuid::Uuid::new_v4().simple().to_string();
    let sign_ups: Vec<_> = (0..24)
        .map(|n| {
            let (base, date_page) = (base.clone(), date_page.clone());
            let email = format!("to-instanser-{run}-{n}@example.org");
            tokio::spawn(async move {
                let client = reqwest::Client::builder()
                    .redirect(reqwest::redirect::Policy::none())
                    .build()
                    .unwrap();
                let (name, forwarded) = (format!("Familie {n}"), format!("10.4.0.{}", n + 1));
                let answer = sign_up(&client, &base, &date_page, &forwarded, (&name, "0", &email))
                    .send()
                    .await
                    .unwrap();
                assert_eq!(answer.status(), 303);
                email
            })
        })
        .collect();
    let mut addresses = Vec::new();
    for sign_up in sign_ups {
        addresses.push(sign_up.await.unwrap());
    }
    let (confirmed, waiting): (i64, i64) = app::db_run!(&db, |pool| {
        sqlx::query_as(
            "select count(*) filter (where status = 'confirmed'), \
             count(*) filter (where status = 'waitlisted') from signups",
        )
        .fetch_one(pool)
        .await
        .unwrap()
    });
    assert_eq!((confirmed, waiting), (10, 14), "the seats held across both");

    // Each confirmation is sent once, by one instance or the other.
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let queued: i64 = app::db_run!(&db, |pool| {
            sqlx::query_scalar("select count(*) from outbox where status <> 'sent'")
                .fetch_one(pool)
                .await
                .unwrap()
        });
        if queued == 0 {
            break;
        }
        assert!(Instant::now() < deadline, "{queued} emails not sent");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let received = all_received(&maildev, &addresses).await;
    let once = received.iter().filter(|count| **count == 1).count();
    eprintln!(
        "two instances behind nginx: 24 sign-ups for 10 seats → {confirmed} confirmed, \
         {waiting} waiting; emails received once: {once} of {}",
        addresses.len()
    );
    assert_eq!(
        received,
        vec![1; addresses.len()],
        "each email exactly once"
    );

    // Both instances run the reminders of tomorrow; each party gets one.
    let tomorrow = app::clock::today() + chrono::Duration::days(1);
    let lunch = activity("Frokost i gården")
        .starts_on(tomorrow)
        .signups_required(20)
        .create(&db)
        .await;
    let lunch_page = format!("/aktiviteter/{}/{tomorrow}", lunch.slug);
    for n in 0..3 {
        let (name, forwarded) = (format!("Frokostfamilie {n}"), format!("10.5.0.{}", n + 1));
        let email = format!("frokost-{run}-{n}@example.org");
        let answer = sign_up(
            &browser,
            &base,
            &lunch_page,
            &forwarded,
            (&name, "1", &email),
        )
        .send()
        .await
        .unwrap();
        assert_eq!(answer.status(), 303);
    }
    // The hourly job of each instance, at the same moment, each with its own connections.
    let (now, today) = (app::clock::now(), app::clock::today());
    let other_db = test_db.connect().await;
    let links = app::accounts::service::Links {
        public_url: "https://nordby.example/",
        site_name: "Nordby",
    };
    let (one, other) = tokio::join!(
        app::signups::service::send_reminders(&db, &links, today, now),
        app::signups::service::send_reminders(&other_db, &links, today, now),
    );
    let queued = one.unwrap() + other.unwrap();
    eprintln!("the reminders of tomorrow, run by two at once: {queued} queued for 3 parties");
    assert_eq!(queued, 3, "each party reminded once");
    drop(proxy);
}

/// How many messages the SMTP server holds for each of `addresses`, in their order.
async fn all_received(maildev: &str, addresses: &[String]) -> Vec<usize> {
    let messages = crate::mail::received(maildev).await;
    addresses
        .iter()
        .map(|address| {
            messages
                .iter()
                .filter(|message| crate::mail::sent_to(message, address))
                .count()
        })
        .collect()
}

/// Slow clients cannot hold the portal: a connection that trickles its header is closed within
/// the header timeout, a resident is answered meanwhile, and a request stuck halfway through
/// its body when SIGTERM comes does not keep the process from ending within its drain.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_clients_are_cut_off_and_a_stuck_request_does_not_hold_the_stop() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let test_db = TestDb::new(Backend::Sqlite).await;
    let mut portal = Portal::start(&test_db.url).await;
    let address = format!("127.0.0.1:{}", portal.port);

    // Forty clients trickle a header, a byte a second.
    let trickling: Vec<_> = (0..40)
        .map(|_| {
            let address = address.clone();
            tokio::spawn(async move {
                let mut stream = tokio::net::TcpStream::connect(&address).await.unwrap();
                let started = Instant::now();
                for byte in
                    b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaa".iter()
                {
                    if stream.write_all(&[*byte]).await.is_err() {
                        break;
                    }
                    tokio::time::sleep(Duration::from_secs(1)).await;
                    if started.elapsed() > Duration::from_secs(20) {
                        break;
                    }
                }
                let mut rest = Vec::new();
                let _ = tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut rest))
                    .await;
                started.elapsed()
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_secs(1)).await;
    let resident = reqwest::get(format!("{}/", portal.base())).await.unwrap();
    assert_eq!(resident.status(), 200, "a resident is answered meanwhile");
    for client in trickling {
        let held = client.await.unwrap();
        assert!(
            held < Duration::from_secs(15),
            "a trickling client held its connection for {held:?}"
        );
    }

    // A form whose body stops halfway, and then SIGTERM.
    let mut stuck = tokio::net::TcpStream::connect(&address).await.unwrap();
    let head = format!(
        "POST /log-ind HTTP/1.1\r\nHost: {address}\r\nOrigin: {}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nemail=",
        portal.base()
    );
    stuck.write_all(head.as_bytes()).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let asked = Instant::now();
    portal.stop().await;
    let took = asked.elapsed();
    eprintln!("stopped {took:?} after SIGTERM with a request stuck in its body");
    assert!(
        took < Duration::from_secs(12),
        "the stuck request held the stop for {took:?}"
    );
    drop(stuck);
}
