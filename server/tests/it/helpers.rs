//! Test helpers: a fresh database per test on either backend, and the app on port 0.

use std::{net::SocketAddr, time::Duration};

use app::db::{Backend, Db};
use server::{AppState, Config};
use sqlx::{Connection, Executor, PgConnection};

/// Runs a story test body once per backend: `sqlite` always, `postgres` when configured.
#[macro_export]
macro_rules! on_both_backends {
    ($(#[$meta:meta])* async fn $name:ident($backend:ident: Backend) $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            async fn story($backend: app::db::Backend) $body

            // Two worker threads: the app and the test's client run side by side as they would
            // in production, so nothing the server does can starve the client or the reverse.
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                $crate::helpers::trace_to_test_output();
                story(app::db::Backend::Sqlite).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                $crate::helpers::trace_to_test_output();
                if $crate::helpers::postgres_admin_url().is_none() {
                    eprintln!("TEST_POSTGRES_URL is not set: PostgreSQL variant not run");
                    return;
                }
                story(app::db::Backend::Postgres).await;
            }
        }
    };
}

/// Sends the server's log (requests, warnings, errors) to the test's output, which the test
/// harness shows only for a failing test.
pub fn trace_to_test_output() {
    let _ = tracing_subscriber::fmt()
        .with_env_filter("info,sqlx=warn,tower_http=debug")
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
/// database with a random name that [`TestDb::drop_database`] removes again.
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

    /// Removes a PostgreSQL test database (SQLite files go with the temporary folder).
    pub async fn drop_database(self) {
        if let (Some(name), Some(admin)) = (&self.pg_name, postgres_admin_url()) {
            let mut conn = PgConnection::connect(&admin).await.expect("reconnect");
            conn.execute(format!("drop database if exists {name} with (force)").as_str())
                .await
                .expect("drop the test database");
        }
    }

    /// The configuration a server on this database would read, with demo content on.
    pub fn config(&self) -> Config {
        let url = self.url.clone();
        let data_dir = self.data_dir.path().display().to_string();
        Config::from_lookup(|name| match name {
            "DATABASE_URL" => Some(url.clone()),
            "NABOSKAB_DATA_DIR" => Some(data_dir.clone()),
            "NABOSKAB_DEMO" => Some("1".into()),
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

/// Replaces the database name in a PostgreSQL URL.
fn with_database(admin_url: &str, name: &str) -> String {
    let mut url = url::Url::parse(admin_url).expect("TEST_POSTGRES_URL is a URL");
    url.set_path(name);
    url.to_string()
}

/// A server running in this process on a free port.
pub struct TestApp {
    pub addr: SocketAddr,
    pub state: AppState,
    pub client: reqwest::Client,
    pub db: TestDb,
    /// The address the app believes it is reached at; forms must come from here.
    pub origin: String,
    server: tokio::task::JoinHandle<std::io::Result<()>>,
}

/// What a request came back with.
pub struct Answer {
    pub status: u16,
    pub location: Option<String>,
    /// The `Set-Cookie` header, whole.
    pub set_cookie: Option<String>,
    pub body: String,
}

impl Answer {
    /// The `name=value` part of the cookie that was set, to send back.
    pub fn cookie(&self) -> String {
        let header = self.set_cookie.as_deref().expect("a cookie was set");
        header.split(';').next().unwrap().to_owned()
    }
}

impl TestApp {
    /// Starts the app as `naboskab` would, on a fresh database with demo content.
    pub async fn spawn(backend: Backend) -> Self {
        Self::start(TestDb::new(backend).await, None).await
    }

    /// Starts the app believing it is reached at `public_url` (e.g. https behind a proxy).
    pub async fn spawn_with_public_url(backend: Backend, public_url: &str) -> Self {
        Self::start(TestDb::new(backend).await, Some(public_url)).await
    }

    async fn start(db: TestDb, public_url: Option<&str>) -> Self {
        let mut state = server::prepare(&db.config())
            .await
            .expect("the app prepares");
        let listener = server::bind("127.0.0.1:0".parse().unwrap())
            .await
            .expect("bind port 0");
        let addr = listener.local_addr().unwrap();
        let origin = public_url
            .map(str::to_owned)
            .unwrap_or_else(|| format!("http://{addr}"));
        state.public_url = url::Url::parse(&origin).unwrap();
        let server = tokio::spawn(server::serve(listener, state.clone()));
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            // Generous: on two busy cores a request may wait behind Argon2 hashing of other tests.
            .timeout(Duration::from_secs(30))
            .build()
            .unwrap();
        Self {
            addr,
            state,
            client,
            db,
            origin: origin.trim_end_matches('/').to_owned(),
            server,
        }
    }

    /// Stops the server and starts a new one on the same database, as after a deployment.
    pub async fn restart(self) -> Self {
        self.server.abort();
        let _ = self.server.await;
        self.state.db.close().await;
        Self::start(self.db, None).await
    }

    /// GETs `path` and returns the status and body.
    pub async fn get(&self, path: &str) -> (u16, String) {
        let answer = self.get_as(path, None).await;
        (answer.status, answer.body)
    }

    /// GETs `path`, sending `cookie` if given.
    pub async fn get_as(&self, path: &str, cookie: Option<&str>) -> Answer {
        let mut request = self.client.get(format!("http://{}{path}", self.addr));
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        answer(request.send().await.expect("the server answers")).await
    }

    /// GETs `path` with `cookie` and returns the body as bytes (a download).
    pub async fn get_bytes(&self, path: &str, cookie: &str) -> Vec<u8> {
        let response = self
            .client
            .get(format!("http://{}{path}", self.addr))
            .header("cookie", cookie)
            .send()
            .await
            .expect("the server answers");
        assert_eq!(response.status(), 200, "GET {path}");
        response.bytes().await.unwrap().to_vec()
    }

    /// POSTs a multipart form (one with a file) to `path` as a page of this site would.
    pub async fn post_multipart(
        &self,
        path: &str,
        form: reqwest::multipart::Form,
        cookie: &str,
    ) -> Answer {
        let response = self
            .client
            .post(format!("http://{}{path}", self.addr))
            .header("cookie", cookie)
            .header("origin", self.origin.clone())
            .multipart(form)
            .send()
            .await
            .expect("the server answers");
        answer(response).await
    }

    /// POSTs a form to `path` as a page of this site would, sending `cookie` if given.
    pub async fn post_form(
        &self,
        path: &str,
        form: &[(&str, &str)],
        cookie: Option<&str>,
    ) -> Answer {
        let origin = self.origin.clone();
        self.post_form_from(path, form, cookie, Some(&origin)).await
    }

    /// POSTs a form with the given `Origin` header (or none).
    pub async fn post_form_from(
        &self,
        path: &str,
        form: &[(&str, &str)],
        cookie: Option<&str>,
        origin: Option<&str>,
    ) -> Answer {
        let mut request = self
            .client
            .post(format!("http://{}{path}", self.addr))
            .form(form);
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        if let Some(origin) = origin {
            request = request.header("origin", origin);
        }
        answer(request.send().await.expect("the server answers")).await
    }

    /// Logs in and returns the session cookie.
    pub async fn log_in(&self, email: &str, password: &str) -> String {
        let answer = self
            .post_form(
                "/log-ind",
                &[("email", email), ("password", password)],
                None,
            )
            .await;
        assert_eq!(answer.status, 303, "logging in as {email}: {}", answer.body);
        answer.cookie()
    }

    pub async fn stop(self) {
        self.server.abort();
        self.state.db.close().await;
        self.db.drop_database().await;
    }
}

pub async fn answer(response: reqwest::Response) -> Answer {
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
    let Ok(python) = std::env::var("TEST_PYTHON") else {
        eprintln!("TEST_PYTHON is not set: {path} is not read back");
        return None;
    };
    let response = app
        .client
        .get(format!("http://{}{path}", app.addr))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200, "{path}");
    assert_eq!(response.headers()["content-type"], content_type, "{path}");
    let body = response.bytes().await.unwrap();
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), &body).unwrap();
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
