//! Start-up failures: one clear line and exit code 1 within ten seconds, never a panic.

use std::{
    process::{Command, Output},
    time::{Duration, Instant},
};

/// Runs the real binary with `vars` and returns its output and how long it took.
fn run_naboskab(vars: &[(&str, &str)]) -> (Output, Duration) {
    run_naboskab_with(&[], vars)
}

/// Runs the real binary with `args` and `vars`.
fn run_naboskab_with(args: &[&str], vars: &[(&str, &str)]) -> (Output, Duration) {
    let data = tempfile::tempdir().unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_naboskab"));
    command
        .args(args)
        .current_dir(data.path())
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("NABOSKAB_DATA_DIR", data.path().join("data"))
        .env("LEPTOS_SITE_ADDR", "127.0.0.1:0");
    for (name, value) in vars {
        command.env(name, value);
    }
    let started = Instant::now();
    let output = command.output().expect("the binary runs");
    (output, started.elapsed())
}

fn assert_clear_failure(output: &Output, took: Duration, expected: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(took < Duration::from_secs(10), "took {took:?}");
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("naboskab: "))
        .collect();
    assert_eq!(errors.len(), 1, "one error line: {stderr}");
    assert!(errors[0].contains(expected), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn an_unreachable_postgres_is_one_clear_line() {
    // Nothing listens on port 1.
    let (output, took) =
        run_naboskab(&[("DATABASE_URL", "postgres://postgres@127.0.0.1:1/naboskab")]);
    assert_clear_failure(&output, took, "cannot open the database");
}

#[test]
fn an_unwritable_data_folder_is_one_clear_line() {
    // A folder cannot be made inside a regular file, whoever we run as (also as root).
    let blocker = tempfile::NamedTempFile::new().unwrap();
    let data_dir = blocker.path().join("data");
    let (output, took) = run_naboskab(&[("NABOSKAB_DATA_DIR", data_dir.to_str().unwrap())]);
    assert_clear_failure(&output, took, "the data folder");
}

#[test]
fn a_bad_value_is_one_clear_line() {
    let (output, took) = run_naboskab(&[("LEPTOS_SITE_ADDR", "overalt")]);
    assert_clear_failure(&output, took, "LEPTOS_SITE_ADDR=\"overalt\" is not valid");
}

#[test]
fn an_unknown_database_scheme_is_one_clear_line() {
    let (output, took) = run_naboskab(&[("DATABASE_URL", "mysql://localhost/naboskab")]);
    assert_clear_failure(&output, took, "DATABASE_URL");
}

#[test]
fn the_first_admin_is_invited_from_the_command_line_with_a_link() {
    let (output, _) = run_naboskab_with(
        &["admin", "create", "--email", "Chef@Example.org"],
        &[("NABOSKAB_PUBLIC_URL", "https://nordby.example")],
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains("chef@example.org") || stdout.contains("Chef@Example.org"),
        "{stdout}"
    );
    let link = stdout
        .split_whitespace()
        .find(|word| word.starts_with("https://nordby.example/invitation/"))
        .unwrap_or_else(|| panic!("an invitation link: {stdout}"));
    assert_eq!(link.len(), "https://nordby.example/invitation/".len() + 43);

    let (output, took) = run_naboskab_with(&["admin", "create", "--password", "x"], &[]);
    assert_clear_failure(&output, took, "usage: naboskab");
}
