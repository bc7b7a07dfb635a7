//! Test helpers: a fresh database per test on either backend that removes itself, the app on
//! port 0, and visitors that keep their own cookies as a browser does.

use std::{net::SocketAddr, sync::Arc, time::Duration};

use app::db::{Backend, Db};
use reqwest::{cookie::CookieStore, Method};
use server::{state::AppState, Config};
use sqlx::{Connection, Executor, PgConnection};

use crate::fixtures::TestAccount;

/// Runs each named story once per backend: as `story::sqlite` always, and as `story::postgres`
/// when `TEST_POSTGRES_URL` is set (otherwise that test says it was skipped and passes).
/// A story is a plain `async fn story(backend: Backend)` in the same module.
#[macro_export]
macro_rules! on_both_backends {
    ($($story:ident),+ $(,)?) => {
        $(
            mod $story {
                // Two worker threads: the app and the test's client run side by side as they
                // would in production, so nothing the server does can starve the client or the
                // reverse.
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    $crate::helpers::trace_to_test_output();
                    super::$story(app::db::Backend::Sqlite).await;
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    $crate::helpers::trace_to_test_output();
                    if $crate::helpers::postgres_admin_url().is_none() {
                        eprintln!("TEST_POSTGRES_URL is not set: PostgreSQL variant not run");
                        return;
                    }
                    super::$story(app::db::Backend::Postgres).await;
                }
            }
        )+
    };
}

/// Sends the server's log (requests, warnings, errors) to the test's output, which the test
/// harness shows only for a failing test.
pub fn trace_to_test_output() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| "info,sqlx=warn,tower_http=debug".into());
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_test_writer()
        .try_init();
}

/// The PostgreSQL server to create test databases on, if any.
pub fn postgres_admin_url() -> Option<String> {
    std::env::var("TEST_POSTGRES_URL")
        .ok()
        .filter(|url| !url.is_empty())
}

/// A database that exists for one test: a file in a temporary folder, or a PostgreSQL
/// database with a random name. Either goes away when the `TestDb` is dropped, also when the
/// test panics.
pub struct TestDb {
    pub url: String,
    pub data_dir: tempfile::TempDir,
    pg_name: Option<String>,
}

impl TestDb {
    pub async fn new(backend: Backend) -> Self {
        let data_dir = tempfile::tempdir().expect("a temporary folder");
        match backend {
            Backend::Sqlite => Self {
                url: format!("sqlite://{}", data_dir.path().join("naboskab.db").display()),
                data_dir,
                pg_name: None,
            },
            Backend::Postgres => {
                let admin = postgres_admin_url().expect("TEST_POSTGRES_URL");
                let name = format!("naboskab_test_{}", uuid::Uuid::new_v4().simple());
                let mut conn = PgConnection::connect(&admin)
                    .await
                    .expect("TEST_POSTGRES_URL must reach a PostgreSQL server");
                conn.execute(format!("create database {name}").as_str())
                    .await
                    .expect("create a test database");
                Self {
                    url: with_database(&admin, &name),
                    data_dir,
                    pg_name: Some(name),
                }
            }
        }
    }

    /// The configuration a server on this database would read, without demo content.
    pub fn config(&self) -> Config {
        self.config_with(false)
    }

    /// The configuration a server on this database would read; `demo` turns on the demo
    /// content (`NABOSKAB_DEMO=1`).
    fn config_with(&self, demo: bool) -> Config {
        let url = self.url.clone();
        let data_dir = self.data_dir.path().display().to_string();
        Config::from_lookup(|name| match name {
            "DATABASE_URL" => Some(url.clone()),
            "NABOSKAB_DATA_DIR" => Some(data_dir.clone()),
            "NABOSKAB_DEMO" => Some(if demo { "1" } else { "0" }.into()),
            "LEPTOS_SITE_ADDR" => Some("127.0.0.1:0".into()),
            _ => None,
        })
        .expect("a valid test configuration")
    }

    /// Opens and migrates the database.
    pub async fn connect(&self) -> Db {
        let db = Db::connect(&self.url).await.expect("connect");
        db.migrate().await.expect("migrate");
        db
    }
}

impl Drop for TestDb {
    /// Drops the PostgreSQL database (SQLite's file goes with the temporary folder). `Drop`
    /// cannot wait on the test's runtime, so this runs on a thread of its own with a small
    /// runtime, and waits for it.
    fn drop(&mut self) {
        let (Some(name), Some(admin)) = (self.pg_name.take(), postgres_admin_url()) else {
            return;
        };
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(|err| err.to_string())?;
            runtime.block_on(async {
                let mut conn = PgConnection::connect(&admin)
                    .await
                    .map_err(|err| err.to_string())?;
                conn.execute(format!("drop database if exists {name} with (force)").as_str())
                    .await
                    .map_err(|err| err.to_string())?;
                Ok::<_, String>(())
            })
        })
        .join();
        let problem = match dropped {
            Ok(Ok(())) => return,
            Ok(Err(err)) => err,
            Err(_) => "the thread panicked".to_owned(),
        };
        // Panicking again while a failed test unwinds would abort the whole test binary.
        if std::thread::panicking() {
            eprintln!("could not drop the test database: {problem}");
        } else {
            panic!("could not drop the test database: {problem}");
        }
    }
}

/// Replaces the database name in a PostgreSQL URL.
fn with_database(admin_url: &str, name: &str) -> String {
    let mut url = url::Url::parse(admin_url).expect("TEST_POSTGRES_URL is a URL");
    url.set_path(name);
    url.to_string()
}

/// A server running in this process on a free port. Dropping it stops the server and removes
/// its database.
pub struct TestApp {
    pub state: AppState,
    /// Shared with the other instances of [`TestApp::another_instance`]; the database goes
    /// when the last of them does.
    pub test_db: Arc<TestDb>,
    /// The address the app believes it is reached at; forms must come from here.
    pub origin: String,
    addr: SocketAddr,
    demo: bool,
    public_url: Option<String>,
    behind_proxy: bool,
    /// The nightly backups' folder (`NABOSKAB_BACKUP_DIR`), if the test set one.
    backup_dir: Option<std::path::PathBuf>,
    server: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl TestApp {
    /// Starts the app as `naboskab` would, on a fresh, empty database: a test makes the data it
    /// needs with the builders in `fixtures`.
    pub async fn spawn(backend: Backend) -> Self {
        Self::start(TestDb::new(backend).await, false, None, false, None).await
    }

    /// Starts the app on an empty database behind a reverse proxy at 127.0.0.1
    /// (`NABOSKAB_TRUSTED_PROXIES=127.0.0.1`): a request's `X-Forwarded-For` names its client.
    pub async fn spawn_behind_proxy(backend: Backend) -> Self {
        Self::start(TestDb::new(backend).await, false, None, true, None).await
    }

    /// Starts the app on a fresh database with the demo content (`NABOSKAB_DEMO=1`), for the
    /// tests that are about the demo.
    pub async fn spawn_with_demo(backend: Backend) -> Self {
        Self::start(TestDb::new(backend).await, true, None, false, None).await
    }

    /// Starts the app on an empty database believing it is reached at `public_url` (e.g. https
    /// behind a proxy).
    pub async fn spawn_with_public_url(backend: Backend, public_url: &str) -> Self {
        Self::start(
            TestDb::new(backend).await,
            false,
            Some(public_url.to_owned()),
            false,
            None,
        )
        .await
    }

    /// Starts the app on a database the test prepared itself (an earlier schema, say), as
    /// `naboskab` would: it migrates at start-up.
    pub async fn on(test_db: TestDb) -> Self {
        Self::start(test_db, false, None, false, None).await
    }

    /// Starts the app on an empty database with its nightly backups in `dir`
    /// (`NABOSKAB_BACKUP_DIR`); the test makes the nights' copies itself.
    pub async fn spawn_with_backups(backend: Backend, dir: &std::path::Path) -> Self {
        let dir = Some(dir.to_owned());
        Self::start(TestDb::new(backend).await, false, None, false, dir).await
    }

    async fn start(
        test_db: TestDb,
        demo: bool,
        public_url: Option<String>,
        behind_proxy: bool,
        backup_dir: Option<std::path::PathBuf>,
    ) -> Self {
        let (state, addr, origin, server) = launch(
            &test_db,
            demo,
            public_url.as_deref(),
            behind_proxy,
            backup_dir.as_deref(),
        )
        .await;
        Self {
            state,
            test_db: Arc::new(test_db),
            origin,
            addr,
            demo,
            public_url,
            behind_proxy,
            backup_dir,
            server,
        }
    }

    /// A second instance of the app on the same database, as behind a load balancer: its own
    /// process state (page cache, rate limits, visitor counter), its own port.
    pub async fn another_instance(&self) -> TestApp {
        let (state, addr, origin, server) = launch(
            &self.test_db,
            self.demo,
            self.public_url.as_deref(),
            self.behind_proxy,
            self.backup_dir.as_deref(),
        )
        .await;
        Self {
            state,
            test_db: self.test_db.clone(),
            origin,
            addr,
            demo: self.demo,
            public_url: self.public_url.clone(),
            behind_proxy: self.behind_proxy,
            backup_dir: self.backup_dir.clone(),
            server,
        }
    }

    /// The app's database, for fixtures and for checking what was stored.
    pub fn db(&self) -> &Db {
        &self.state.db
    }

    /// Stops the server and starts a new one on the same database (on a new port), as after a
    /// deployment. Visitors follow with [`Visitor::visiting`].
    pub async fn restart(&mut self) {
        self.server.abort();
        let _ = (&mut self.server).await;
        self.state.db.close().await;
        let (state, addr, origin, server) = launch(
            &self.test_db,
            self.demo,
            self.public_url.as_deref(),
            self.behind_proxy,
            self.backup_dir.as_deref(),
        )
        .await;
        self.state = state;
        self.addr = addr;
        self.origin = origin;
        self.server = server;
    }

    /// A visitor who has not logged in, with a browser of their own (an empty cookie jar).
    pub fn visitor(&self) -> Visitor {
        self.visitor_at(None)
    }

    /// A visitor on another network: its connections come from `ip`, a loopback address other
    /// than 127.0.0.1 (all of 127.0.0.0/8 reaches the app), so the rate limits see another
    /// client address.
    pub fn visitor_from(&self, ip: std::net::IpAddr) -> Visitor {
        assert!(ip.is_loopback(), "{ip} is no loopback address");
        self.visitor_at(Some(ip))
    }

    fn visitor_at(&self, ip: Option<std::net::IpAddr>) -> Visitor {
        let jar = Arc::new(reqwest::cookie::Jar::default());
        let client = reqwest::Client::builder()
            .local_address(ip)
            .redirect(reqwest::redirect::Policy::none())
            .cookie_provider(jar.clone())
            // Generous: on two busy cores a request may wait behind Argon2 hashing of other tests.
            .timeout(Duration::from_secs(30))
            .build()
            .expect("a client");
        Visitor {
            client,
            jar,
            base: self.base(),
            origin: self.origin.clone(),
        }
    }

    /// A visitor whose browser holds `cookie` (`name=value`) and nothing else: someone who
    /// copied another person's session cookie.
    pub fn visitor_with_cookie(&self, cookie: &str) -> Visitor {
        let visitor = self.visitor();
        visitor
            .jar
            .add_cookie_str(&format!("{cookie}; Path=/"), &visitor.base);
        visitor
    }

    /// A visitor logged in as `account`.
    pub async fn logged_in_as(&self, account: &TestAccount) -> Visitor {
        let visitor = self.visitor();
        let answer = visitor.log_in(&account.email, &account.password).await;
        assert_eq!(
            answer.status, 303,
            "logging in as {}: {}",
            account.email, answer.body
        );
        if account.two_factor.is_some() {
            assert!(
                answer
                    .location
                    .as_deref()
                    .is_some_and(|to| to.starts_with("/log-ind/kode")),
                "{:?}",
                answer.location
            );
            let answer = visitor.second_step(&account.next_code()).await;
            assert_eq!(
                answer.status, 303,
                "the second step as {}: {}",
                account.email, answer.body
            );
        }
        visitor
    }

    fn base(&self) -> url::Url {
        url::Url::parse(&format!("http://{}/", self.addr)).expect("the app's address")
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.server.abort();
    }
}

/// Prepares the app on `test_db` and serves it on a free port: the state, the address, the
/// origin forms must come from, and the server's task.
async fn launch(
    test_db: &TestDb,
    demo: bool,
    public_url: Option<&str>,
    behind_proxy: bool,
    backup_dir: Option<&std::path::Path>,
) -> (
    AppState,
    SocketAddr,
    String,
    tokio::task::JoinHandle<std::io::Result<()>>,
) {
    let state = server::prepare(&test_db.config_with(demo))
        .await
        .expect("the app prepares");
    let listener = server::bind("127.0.0.1:0".parse().unwrap())
        .await
        .expect("bind port 0");
    let addr = listener.local_addr().unwrap();
    let origin = public_url
        .map(str::to_owned)
        .unwrap_or_else(|| format!("http://{addr}"));
    let state = state.changed(|shared| {
        shared.public_url = url::Url::parse(&origin).unwrap().into();
        shared.backups = backup_dir.map(|dir| server::backups::Backups::new(dir.to_owned()));
        if behind_proxy {
            shared.trusted_proxies =
                vec![ipnet::IpNet::from(std::net::IpAddr::from([127, 0, 0, 1]))].into();
        }
    });
    let server = tokio::spawn(server::serve(listener, state.clone()));
    (state, addr, origin.trim_end_matches('/').to_owned(), server)
}

/// Someone with a browser: it keeps the cookies the app sets and sends them back, and its forms
/// come from the app's own pages (the `Origin` header) unless a test says otherwise.
pub struct Visitor {
    client: reqwest::Client,
    jar: Arc<reqwest::cookie::Jar>,
    base: url::Url,
    origin: String,
}

/// What a request came back with.
pub struct Answer {
    pub status: u16,
    pub location: Option<String>,
    /// The `Set-Cookie` header, whole.
    pub set_cookie: Option<String>,
    pub body: String,
}

impl Visitor {
    /// GETs `path`.
    pub async fn get(&self, path: &str) -> Answer {
        self.send(self.request(Method::GET, path)).await
    }

    /// GETs `path`, checks that it is there, and returns the body as bytes (a download).
    pub async fn get_bytes(&self, path: &str) -> Vec<u8> {
        let response = self
            .request(Method::GET, path)
            .send()
            .await
            .expect("the server answers");
        assert_eq!(response.status(), 200, "GET {path}");
        response.bytes().await.unwrap().to_vec()
    }

    /// POSTs a form to `path` as a page of this site would.
    pub async fn post_form(&self, path: &str, form: &[(&str, &str)]) -> Answer {
        let origin = self.origin.clone();
        self.post_form_from(path, form, Some(&origin)).await
    }

    /// POSTs a form with the given `Origin` header, or none (a page of another site, or an old
    /// browser).
    pub async fn post_form_from(
        &self,
        path: &str,
        form: &[(&str, &str)],
        origin: Option<&str>,
    ) -> Answer {
        let mut request = self.request(Method::POST, path).form(form);
        if let Some(origin) = origin {
            request = request.header("origin", origin);
        }
        self.send(request).await
    }

    /// POSTs a multipart form (one with a file) to `path` as a page of this site would.
    pub async fn post_multipart(&self, path: &str, form: reqwest::multipart::Form) -> Answer {
        let request = self
            .request(Method::POST, path)
            .header("origin", &self.origin)
            .multipart(form);
        self.send(request).await
    }

    /// Fills in the login form; the browser keeps the session cookie if one is set.
    pub async fn log_in(&self, email: &str, password: &str) -> Answer {
        self.post_form("/log-ind", &[("email", email), ("password", password)])
            .await
    }

    /// Types `code` in the second step of logging in.
    pub async fn second_step(&self, code: &str) -> Answer {
        self.post_form("/log-ind/kode", &[("code", code)]).await
    }

    /// The cookies this browser would send to the app (`name=value`), if it holds any.
    pub fn cookie(&self) -> Option<String> {
        self.jar
            .cookies(&self.base)
            .map(|value| value.to_str().unwrap().to_owned())
    }

    /// The origin this browser's forms come from.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// A request to `path` from this browser (its cookies, no `Origin`), for the tests that
    /// need other headers or the raw response.
    pub fn request(&self, method: Method, path: &str) -> reqwest::RequestBuilder {
        let url = self.base.join(path).expect("a path on the app");
        self.client.request(method, url)
    }

    /// The same browser, with its cookies, pointed at `app` (after [`TestApp::restart`]).
    pub fn visiting(self, app: &TestApp) -> Self {
        Self {
            base: app.base(),
            origin: app.origin.clone(),
            ..self
        }
    }

    /// Sends `request` and reads the answer.
    pub async fn send(&self, request: reqwest::RequestBuilder) -> Answer {
        self.try_send(request).await.expect("the server answers")
    }

    /// Sends `request` and reads the answer, or says why there was none (the connection broke).
    pub async fn try_send(&self, request: reqwest::RequestBuilder) -> reqwest::Result<Answer> {
        Ok(answer(request.send().await?).await)
    }
}

async fn answer(response: reqwest::Response) -> Answer {
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .map(|value| value.to_str().unwrap().to_owned())
    };
    let location = header("location");
    let set_cookie = header("set-cookie");
    Answer {
        status: response.status().as_u16(),
        location,
        set_cookie,
        body: response.text().await.unwrap(),
    }
}

/// Posts a cancel and a change of party size to the private link `link` and checks that both
/// are refused with the page's message that the sign-up can no longer change.
pub async fn assert_link_closed(resident: &Visitor, link: &str) {
    for (path, form) in [
        (format!("{link}/afmeld"), &[][..]),
        (
            format!("{link}/aendr"),
            &[("voksne", "1"), ("boern", "0")][..],
        ),
    ] {
        let refused = resident.post_form(&path, form).await;
        assert_eq!(refused.status, 422, "{path}: {}", refused.body);
        assert!(
            refused
                .body
                .contains("Tilmeldingen kan ikke ændres længere."),
            "{path}: {}",
            refused.body
        );
    }
}

/// Fetches `path` from `app`, checks its content type, and reads it with the Python script
/// `tests/python/{script}` (standard parsers: what a calendar app or feed reader would
/// understand is what counts), which prints JSON. None when the test command did not provide
/// `TEST_PYTHON`.
pub async fn read_with_python<T: serde::de::DeserializeOwned>(
    app: &TestApp,
    path: &str,
    content_type: &str,
    script: &str,
) -> Option<T> {
    read_with_python_as(&app.visitor(), path, content_type, script).await
}

/// [`read_with_python`], fetched by `visitor` (a logged-in staff member, for the staff's files).
pub async fn read_with_python_as<T: serde::de::DeserializeOwned>(
    visitor: &Visitor,
    path: &str,
    content_type: &str,
    script: &str,
) -> Option<T> {
    if std::env::var_os("TEST_PYTHON").is_none() {
        eprintln!("TEST_PYTHON is not set: {path} is not read back");
        return None;
    }
    let response = visitor.request(Method::GET, path).send().await.unwrap();
    assert_eq!(response.status(), 200, "{path}");
    assert_eq!(response.headers()["content-type"], content_type, "{path}");
    let body = response.bytes().await.unwrap();
    python_reads(&body, script)
}

/// What `tests/python/{script}` prints (JSON) about the file `bytes`; None when `TEST_PYTHON`
/// is not set.
pub fn python_reads<T: serde::de::DeserializeOwned>(bytes: &[u8], script: &str) -> Option<T> {
    let Ok(python) = std::env::var("TEST_PYTHON") else {
        eprintln!("TEST_PYTHON is not set: {script} does not read the file");
        return None;
    };
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), bytes).unwrap();
    let script = format!("{}/tests/python/{script}", env!("CARGO_MANIFEST_DIR"));
    let output = std::process::Command::new(python)
        .arg(script)
        .arg(file.path())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    Some(serde_json::from_slice(&output.stdout).unwrap())
}
