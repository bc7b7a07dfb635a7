//! The project's commands: `cargo xtask run`, `cargo xtask test`, `cargo xtask bench`,
//! `cargo xtask soak` and `cargo xtask scan`.
//!
//! Both first install what they need from the package registries, idempotently: the WASM target,
//! cargo-leptos, the wasm-bindgen CLI matching Cargo.lock, sass and wasm-opt from npm, and for
//! tests Chromium and Playwright. Written with the standard library only, so it builds in seconds.

mod e2e;
mod maildev;
mod tools;

use std::{
    path::{Path, PathBuf},
    process::{Command, ExitCode},
};

const USAGE: &str = "usage: cargo xtask <run|test|bench|soak|scan>

  run    build the portal and serve it at http://127.0.0.1:3000 with demo content
  test   formatting, clippy, unit and story tests (also on PostgreSQL when TEST_POSTGRES_URL
         is set, with a real SMTP server), then the browser tests in Chromium with JavaScript
         on and off
  bench  build in release, then measure the portal against nginx serving the same bytes, page
         weights, sign-ups per second, ten years of history and Lighthouse; writes
         target/bench/report.md and report.json (options: --postgres URL, --seconds N);
         with --abuse instead, the abuse benchmark: every address's worst input in server CPU,
         the front page under abuse, slow and many clients (target/bench/abuse.md; fails over
         a budget)
  soak   the reliability tests at ten times their length: kill -9 fifty times under sign-ups,
         a backup under a longer load, 64 writers for forty rounds, PostgreSQL restarts
         (on PostgreSQL too when TEST_POSTGRES_URL is set)
  scan   build in release, then sqlmap on the login, search and sign-up forms and wapiti on
         the whole site; writes target/scan/report.md and fails on a high or medium finding
         that scan/explained.json does not explain";

fn main() -> ExitCode {
    let task = std::env::args().nth(1);
    let result = match task.as_deref() {
        Some("run") => run(),
        Some("test") => test(),
        Some("bench") => bench(),
        Some("soak") => soak(),
        Some("scan") => scan(),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("\nxtask: {err}");
            ExitCode::FAILURE
        }
    }
}

/// A failed step, as one line.
pub type Result<T = ()> = std::result::Result<T, String>;

/// `cargo xtask run`.
fn run() -> Result {
    let root = project_root();
    tools::ensure_build_tools(&root)?;
    build_release(&root)?;
    let mut server = Command::new(server_binary(&root));
    server.current_dir(&root);
    for (name, default) in [
        ("NABOSKAB_DEMO", "1"),
        ("LEPTOS_SITE_ADDR", "127.0.0.1:3000"),
        ("LEPTOS_SITE_ROOT", "target/site"),
    ] {
        if std::env::var_os(name).is_none() {
            server.env(name, default);
        }
    }
    step("serving the portal (stop with ctrl-c)");
    status(&mut server)
}

/// `cargo xtask test`.
fn test() -> Result {
    let root = project_root();
    let postgres = std::env::var("TEST_POSTGRES_URL")
        .ok()
        .filter(|url| !url.is_empty());
    tools::ensure_build_tools(&root)?;
    tools::ensure_test_tools(&root)?;

    step("formatting");
    status(cargo(&root).args(["fmt", "--all", "--check"]))?;
    step("formatting of view! code (leptosfmt)");
    status(
        Command::new("leptosfmt")
            .args(["--check", "app/src/**/*.rs"])
            .current_dir(&root)
            .env("PATH", tools::path_with_tools(&root)),
    )?;

    step("clippy (server side: app with ssr, server, xtask)");
    status(cargo(&root).args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--features",
        "app/ssr",
        "--",
        "-D",
        "warnings",
    ]))?;

    step("clippy (browser side: app with hydrate, for wasm32)");
    status(cargo(&root).args([
        "clippy",
        "--package",
        "app",
        "--lib",
        "--no-default-features",
        "--features",
        "hydrate",
        "--target",
        "wasm32-unknown-unknown",
        "--",
        "-D",
        "warnings",
    ]))?;

    match &postgres {
        Some(_) => step("unit and story tests on SQLite and PostgreSQL (TEST_POSTGRES_URL is set), with maildev as SMTP server"),
        None => step("unit and story tests on SQLite (set TEST_POSTGRES_URL for PostgreSQL too), with maildev as SMTP server"),
    }
    let maildev = maildev::start(&root)?;
    let python = tools::python_venv(&root)?;
    status(
        cargo(&root)
            .args(["test", "--workspace", "--features", "app/ssr"])
            .env("TEST_PYTHON", &python)
            .env("TEST_SMTP_URL", &maildev.smtp_url)
            .env("TEST_MAILDEV_URL", &maildev.api_url),
    )?;

    // maildev stays up: the browser tests follow links in the emails the servers send it.
    build_release(&root)?;
    e2e::run(&root, &server_binary(&root), postgres.as_deref(), &maildev)
}

/// `cargo xtask bench [--postgres URL] [--seconds N]`, or `cargo xtask bench --abuse`: the
/// abuse benchmark (`server/benches/abuse.rs`), which needs neither wrk, nginx nor Lighthouse,
/// and fails when an input exceeds its budget.
fn bench() -> Result {
    let root = project_root();
    let mut passed: Vec<String> = std::env::args().skip(2).collect();
    let abuse = passed.iter().position(|arg| arg == "--abuse");
    tools::ensure_build_tools(&root)?;
    let lighthouse = match abuse {
        Some(at) => {
            passed.remove(at);
            None
        }
        None => Some(tools::ensure_bench_tools(&root)?),
    };
    build_release(&root)?;
    let bench = if abuse.is_some() { "abuse" } else { "portal" };
    step(&format!(
        "measuring (cargo bench -p server --bench {bench})"
    ));
    let target = target_dir(&root);
    let mut args: Vec<String> = vec![
        "--binary".into(),
        server_binary(&root).display().to_string(),
        "--site".into(),
        target.join("site").display().to_string(),
        "--out".into(),
        target.join("bench").display().to_string(),
    ];
    if let Some(lighthouse) = lighthouse {
        args.extend(["--lighthouse".into(), lighthouse.display().to_string()]);
    }
    // The portal bench sends the week's newsletter to maildev.
    let maildev = match abuse {
        Some(_) => None,
        None => Some(maildev::start(&root)?),
    };
    if let Some(maildev) = &maildev {
        args.extend(["--smtp".into(), maildev.smtp_url.clone()]);
    }
    args.append(&mut passed);
    status(
        cargo(&root)
            .args(["bench", "-p", "server", "--bench", bench, "--"])
            .args(args),
    )
}

/// `cargo xtask soak`: the tests of `server/tests/it/reliability.rs` with `NABOSKAB_SOAK=10`,
/// which makes each ten times longer; each prints its figures.
fn soak() -> Result {
    let root = project_root();
    tools::ensure_test_tools(&root)?;
    let maildev = maildev::start(&root)?;
    step("the reliability tests, ten times as long (NABOSKAB_SOAK=10)");
    status(
        cargo(&root)
            .args([
                "test",
                "--package",
                "server",
                "--features",
                "app/ssr",
                "--test",
                "it",
                "reliability::",
                "--",
                "--nocapture",
                "--test-threads",
                "1",
            ])
            .env("NABOSKAB_SOAK", "10")
            // The in-process tests' request log would bury the figures under --nocapture.
            .env("RUST_LOG", "warn")
            .env("TEST_SMTP_URL", &maildev.smtp_url)
            .env("TEST_MAILDEV_URL", &maildev.api_url),
    )
}

/// `cargo xtask scan`: the security scanners of `scan/scan.py` against the release build.
fn scan() -> Result {
    let root = project_root();
    tools::ensure_build_tools(&root)?;
    let scanners = tools::python_venv_for(
        &root,
        &root.join("scan").join("requirements.txt"),
        "scan-python",
    )?;
    build_release(&root)?;
    step("scanning (sqlmap on three forms, then wapiti on the site; about 20 minutes)");
    let target = target_dir(&root);
    status(
        Command::new(scanners.join("python"))
            .arg(root.join("scan").join("scan.py"))
            .arg("--binary")
            .arg(server_binary(&root))
            .arg("--site")
            .arg(target.join("site"))
            .arg("--tools")
            .arg(&scanners)
            .arg("--out")
            .arg(target.join("scan")),
    )
}

/// Builds the server binary, the WASM and the stylesheet in release mode.
fn build_release(root: &Path) -> Result {
    step("building the portal (cargo leptos build --release)");
    status(cargo(root).args(["leptos", "build", "--release"]))
}

/// The workspace root: the nearest folder at or above the current one whose `Cargo.toml` has a
/// `[workspace]` table.
///
/// Found at run time, not from `env!("CARGO_MANIFEST_DIR")`: cargo copies a binary to
/// `target/debug/` only when it rebuilds it, so with a target folder shared by two checkouts
/// a compiled-in path could name the other checkout.
fn project_root() -> PathBuf {
    let start = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    start
        .ancestors()
        .find(|dir| {
            std::fs::read_to_string(dir.join("Cargo.toml"))
                .is_ok_and(|manifest| manifest.lines().any(|line| line.trim() == "[workspace]"))
        })
        .map(Path::to_path_buf)
        .unwrap_or(start)
}

/// Cargo's target folder, honouring `CARGO_TARGET_DIR`.
fn target_dir(root: &Path) -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root.join(dir),
        None => root.join("target"),
    }
}

fn server_binary(root: &Path) -> PathBuf {
    target_dir(root).join("release").join("naboskab")
}

/// A `cargo` command in the workspace, with the npm tools on `PATH`.
fn cargo(root: &Path) -> Command {
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    command
        .current_dir(root)
        .env("PATH", tools::path_with_tools(root));
    command
}

/// Prints a step heading.
fn step(what: &str) {
    println!("\n==> {what}");
}

/// Runs a command to completion; a non-zero exit is an error naming the command.
pub fn status(command: &mut Command) -> Result {
    let shown = format!("{command:?}");
    let status = command
        .status()
        .map_err(|err| format!("cannot start {shown}: {err}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

/// Runs a command and returns its standard output, or None if it cannot run or fails.
pub fn output(command: &mut Command) -> Option<String> {
    let output = command.output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}
