//! Installs the build and test tools from the package registries, skipping what is already
//! there at the right version.

use std::{
    path::{Path, PathBuf},
    process::Command,
};

use crate::{output, status, step, Result};

const CARGO_LEPTOS_VERSION: &str = "0.3.10";
/// The formatter of `view!` code; pinned, since another version may format differently.
const LEPTOSFMT_VERSION: &str = "0.1.33";
const CHROMIUM: &str = "/usr/bin/chromium";
const NGINX: &str = "/usr/sbin/nginx";

/// `PATH` with the project's npm tools and cargo's binaries in front.
pub fn path_with_tools(root: &Path) -> std::ffi::OsString {
    let mut dirs = vec![root.join("node_modules").join(".bin")];
    if let Some(home) = std::env::var_os("CARGO_HOME") {
        dirs.push(PathBuf::from(home).join("bin"));
    } else if let Some(home) = std::env::var_os("HOME") {
        dirs.push(PathBuf::from(home).join(".cargo").join("bin"));
    }
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).expect("paths without separators")
}

/// The WASM target, cargo-leptos, the wasm-bindgen CLI, sass and wasm-opt.
pub fn ensure_build_tools(root: &Path) -> Result {
    let installed =
        output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if !installed
        .lines()
        .any(|line| line.trim() == "wasm32-unknown-unknown")
    {
        step("installing the wasm32-unknown-unknown target");
        status(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }

    let leptos = output(Command::new("cargo").args(["leptos", "--version"])).unwrap_or_default();
    if !leptos.contains(CARGO_LEPTOS_VERSION) {
        step("installing cargo-leptos (once per machine, about 15 minutes)");
        status(Command::new("cargo").args([
            "install",
            "cargo-leptos",
            "--version",
            CARGO_LEPTOS_VERSION,
            "--locked",
            "--no-default-features",
            "--features",
            "no_downloads",
        ]))?;
    }

    let wanted = locked_version(root, "wasm-bindgen")?;
    let bindgen = output(Command::new("wasm-bindgen").arg("--version")).unwrap_or_default();
    if bindgen.split_whitespace().nth(1) != Some(wanted.as_str()) {
        step(&format!(
            "installing wasm-bindgen-cli {wanted} (matching Cargo.lock)"
        ));
        // Not --locked: its lock file pins a crate version the registry does not serve.
        status(Command::new("cargo").args([
            "install",
            "wasm-bindgen-cli",
            "--version",
            &wanted,
            "--force",
        ]))?;
    }

    npm_ci(root, root)
}

/// Chromium, nginx, Java, leptosfmt, the Playwright packages of `end2end/` (with `vnu-jar`), and
/// with `TEST_POSTGRES_URL` PostgreSQL's client programs (`pg_dump`, `pg_restore`).
pub fn ensure_test_tools(root: &Path) -> Result {
    let leptosfmt = output(Command::new("leptosfmt").arg("--version")).unwrap_or_default();
    if !leptosfmt.contains(LEPTOSFMT_VERSION) {
        step(&format!("installing leptosfmt {LEPTOSFMT_VERSION}"));
        status(Command::new("cargo").args([
            "install",
            "leptosfmt",
            "--version",
            LEPTOSFMT_VERSION,
            "--locked",
        ]))?;
    }
    if !Path::new(CHROMIUM).exists() {
        apt_install(&["chromium"])?;
    }
    // The reliability tests put nginx in front of two instances.
    if !Path::new(NGINX).exists() {
        apt_install(&["nginx"])?;
    }
    // The PostgreSQL backups and the restore drill run pg_dump and pg_restore.
    if std::env::var_os("TEST_POSTGRES_URL").is_some()
        && output(Command::new("pg_dump").arg("--version")).is_none()
    {
        apt_install(&["postgresql-client"])?;
    }
    // The Nu HTML Checker of the browser tests (npm `vnu-jar`) runs on Java.
    if output(Command::new("java").arg("-version")).is_none() {
        apt_install(&["default-jre-headless"])?;
    }
    npm_ci(root, &root.join("end2end"))?;
    python_venv(root).map(drop)
}

/// wrk and nginx from Debian's packages, and Lighthouse from npm (pinned in
/// `bench/package.json`). Returns the path of the `lighthouse` command.
pub fn ensure_bench_tools(root: &Path) -> Result<PathBuf> {
    let missing: Vec<&str> = [("wrk", "/usr/bin/wrk"), ("nginx", NGINX)]
        .into_iter()
        .filter(|(_, path)| !Path::new(path).exists())
        .map(|(package, _)| package)
        .collect();
    if !Path::new(CHROMIUM).exists() {
        apt_install(&["chromium"])?;
    }
    if !missing.is_empty() {
        apt_install(&missing)?;
    }
    let bench = root.join("bench");
    npm_ci(root, &bench)?;
    Ok(bench.join("node_modules").join(".bin").join("lighthouse"))
}

/// Installs Debian `packages` with apt-get (through sudo unless this is root).
fn apt_install(packages: &[&str]) -> Result {
    step(&format!(
        "installing {} from Debian's packages",
        packages.join(", ")
    ));
    let sudo = !is_root();
    let apt = |args: &[&str]| {
        let mut command = if sudo {
            let mut c = Command::new("sudo");
            c.arg("apt-get");
            c
        } else {
            Command::new("apt-get")
        };
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        status(&mut command)
    };
    apt(&["update"])?;
    let mut install = vec!["install", "-y"];
    install.extend_from_slice(packages);
    apt(&install)
}

/// The Python packages some tests read the portal's output with (`server/tests/python/
/// requirements.txt`), in a virtual environment under `target/`. Returns its `python`.
pub fn python_venv(root: &Path) -> Result<std::path::PathBuf> {
    let requirements = root.join("server/tests/python/requirements.txt");
    Ok(python_venv_for(root, &requirements, "python")?.join("python"))
}

/// A virtual environment `target/<name>` with the packages of `requirements`; returns its
/// `bin` folder.
pub fn python_venv_for(root: &Path, requirements: &Path, name: &str) -> Result<PathBuf> {
    let wanted = std::fs::read(requirements)
        .map_err(|err| format!("cannot read {}: {err}", requirements.display()))?;
    let venv = root.join("target").join(name);
    let bin = venv.join("bin");
    let python = bin.join("python");
    let stamp = venv.join(".naboskab-installed-requirements");
    if python.exists() && std::fs::read(&stamp).ok().as_deref() == Some(wanted.as_slice()) {
        return Ok(bin);
    }
    step(&format!(
        "installing the Python packages of {}",
        relative(root, requirements)
    ));
    status(Command::new("python3").arg("-m").arg("venv").arg(&venv))?;
    status(
        Command::new(&python)
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "-r",
            ])
            .arg(requirements),
    )?;
    std::fs::write(&stamp, wanted)
        .map_err(|err| format!("cannot write {}: {err}", stamp.display()))?;
    Ok(bin)
}

/// `npm ci` in `dir` unless its `node_modules` already matches its `package-lock.json`.
fn npm_ci(root: &Path, dir: &Path) -> Result {
    let lock = std::fs::read(dir.join("package-lock.json"))
        .map_err(|err| format!("cannot read {}/package-lock.json: {err}", dir.display()))?;
    let stamp = dir.join("node_modules").join(".naboskab-installed-lock");
    if std::fs::read(&stamp).ok().as_deref() == Some(lock.as_slice()) {
        return Ok(());
    }
    step(&format!(
        "installing npm packages in {}",
        relative(root, dir)
    ));
    status(
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(dir)
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
    )?;
    std::fs::write(&stamp, lock).map_err(|err| format!("cannot write {}: {err}", stamp.display()))
}

/// The version of `package` in Cargo.lock.
fn locked_version(root: &Path, package: &str) -> Result<String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock"))
        .map_err(|err| format!("cannot read Cargo.lock: {err}"))?;
    let wanted_name = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == wanted_name {
            if let Some(version) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = "))
            {
                return Ok(version.trim_matches('"').to_owned());
            }
        }
    }
    Err(format!("{package} is not in Cargo.lock"))
}

fn is_root() -> bool {
    output(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0")
}

fn relative(root: &Path, dir: &Path) -> String {
    match dir.strip_prefix(root) {
        Ok(rel) if rel.as_os_str().is_empty() => ".".into(),
        Ok(rel) => rel.display().to_string(),
        Err(_) => dir.display().to_string(),
    }
}
