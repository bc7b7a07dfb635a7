//! The browser tests: starts the release server once per database backend, each on a fresh
//! database and a free port and sending email to maildev, runs Playwright against them (it reads
//! the emails through maildev's API), and stops them again.

use std::{
    io::{Read, Write},
    net::{TcpListener, TcpStream},
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use crate::{maildev::Maildev, status, step, tools::path_with_tools, Result};

/// A server process that is killed when dropped, also when a test step fails.
struct Server {
    child: Child,
    url: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A PostgreSQL database created for this run and dropped afterwards.
struct PgDatabase {
    admin_url: String,
    name: String,
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        let _ = psql(
            &self.admin_url,
            &format!("drop database if exists {} with (force)", self.name),
        );
    }
}

pub fn run(root: &Path, binary: &Path, postgres: Option<&str>, maildev: &Maildev) -> Result {
    let work = root.join("target").join("e2e");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work)
        .map_err(|err| format!("cannot create {}: {err}", work.display()))?;

    step("starting the portal on SQLite for the browser tests");
    let sqlite_dir = work.join("sqlite");
    let sqlite = start(
        root,
        binary,
        &format!("sqlite://{}", sqlite_dir.join("naboskab.db").display()),
        &sqlite_dir,
        maildev,
    )?;

    let mut _pg_database = None;
    let pg_server = match postgres {
        None => None,
        Some(admin_url) => {
            step("starting the portal on PostgreSQL for the browser tests");
            let name = format!("naboskab_e2e_{}", std::process::id());
            psql(
                admin_url,
                &format!("drop database if exists {name} with (force)"),
            )?;
            psql(admin_url, &format!("create database {name}"))?;
            _pg_database = Some(PgDatabase {
                admin_url: admin_url.to_owned(),
                name: name.clone(),
            });
            let pg_dir = work.join("postgres");
            Some(start(
                root,
                binary,
                &database_url(admin_url, &name)?,
                &pg_dir,
                maildev,
            )?)
        }
    };

    step("browser tests (Playwright in Chromium, JavaScript on and off)");
    let mut playwright = Command::new("npx");
    playwright
        .args(["playwright", "test"])
        .current_dir(root.join("end2end"))
        .env("PATH", path_with_tools(root))
        .env("NABOSKAB_E2E_SQLITE_URL", &sqlite.url)
        .env("NABOSKAB_E2E_MAILDEV_URL", &maildev.api_url);
    if let Some(server) = &pg_server {
        playwright.env("NABOSKAB_E2E_POSTGRES_URL", &server.url);
    }
    status(&mut playwright)
}

/// Starts the server on a free port, sending email to maildev, and waits until `/healthz`
/// answers.
fn start(
    root: &Path,
    binary: &Path,
    database_url: &str,
    data_dir: &Path,
    maildev: &Maildev,
) -> Result<Server> {
    let port = free_port()?;
    let addr = format!("127.0.0.1:{port}");
    let log = std::fs::create_dir_all(data_dir)
        .and_then(|()| std::fs::File::create(data_dir.join("server.log")))
        .map_err(|err| format!("cannot create {}: {err}", data_dir.display()))?;
    let child = Command::new(binary)
        .current_dir(root)
        .env("LEPTOS_SITE_ADDR", &addr)
        .env("LEPTOS_SITE_ROOT", site_root(root))
        .env("DATABASE_URL", database_url)
        .env("NABOSKAB_DATA_DIR", data_dir)
        .env("NABOSKAB_DEMO", "1")
        // The browser tests' logins each come from an address of their own (X-Forwarded-For).
        .env("NABOSKAB_TRUSTED_PROXIES", "127.0.0.1")
        .env("NABOSKAB_PUBLIC_URL", format!("http://{addr}"))
        .env("SMTP_URL", &maildev.smtp_url)
        .stdout(log.try_clone().map_err(|err| err.to_string())?)
        .stderr(log)
        .stdin(Stdio::null())
        .spawn()
        .map_err(|err| format!("cannot start {}: {err}", binary.display()))?;
    let mut server = Server {
        child,
        url: format!("http://{addr}"),
    };
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if healthy(&addr) {
            println!("    serving at {}", server.url);
            return Ok(server);
        }
        if let Ok(Some(exit)) = server.child.try_wait() {
            let log = std::fs::read_to_string(data_dir.join("server.log")).unwrap_or_default();
            return Err(format!("the server exited ({exit}):\n{log}"));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(format!(
        "the server at {addr} did not become healthy within 30 s"
    ))
}

fn site_root(root: &Path) -> PathBuf {
    root.join("target").join("site")
}

/// Asks `/healthz` over plain HTTP/1.0; true for a 200.
fn healthy(addr: &str) -> bool {
    let Ok(mut stream) = TcpStream::connect(addr) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    if stream
        .write_all(b"GET /healthz HTTP/1.0\r\nHost: localhost\r\n\r\n")
        .is_err()
    {
        return false;
    }
    let mut head = [0_u8; 12];
    stream.read_exact(&mut head).is_ok() && head.ends_with(b" 200")
}

/// A port nobody listens on right now.
pub fn free_port() -> Result<u16> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .map_err(|err| format!("cannot find a free port: {err}"))
}

/// Replaces the database name in a PostgreSQL URL.
fn database_url(admin_url: &str, name: &str) -> Result<String> {
    let (base, query) = match admin_url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (admin_url, None),
    };
    let after_scheme = base
        .find("://")
        .map(|at| at + 3)
        .ok_or_else(|| format!("TEST_POSTGRES_URL is not a URL: {admin_url}"))?;
    let host_end = base[after_scheme..]
        .find('/')
        .map_or(base.len(), |at| after_scheme + at);
    let mut url = format!("{}/{name}", &base[..host_end]);
    if let Some(query) = query {
        url.push('?');
        url.push_str(query);
    }
    Ok(url)
}

/// Runs one SQL statement with `psql`.
fn psql(url: &str, sql: &str) -> Result {
    let result = Command::new("psql")
        .args([url, "-v", "ON_ERROR_STOP=1", "-q", "-c", sql])
        .stdout(Stdio::null())
        .status();
    match result {
        Ok(exit) if exit.success() => Ok(()),
        Ok(exit) => Err(format!("psql could not run {sql:?} ({exit})")),
        Err(err) => Err(format!(
            "cannot run psql ({err}); install the PostgreSQL client (Debian: postgresql-client)"
        )),
    }
}
