"""Security scanners against the running portal, run by `cargo xtask scan`.

Starts the release binary with the demo content on SQLite, then runs sqlmap on the three
forms that take free text from anyone (log in, search, sign up) and wapiti's default modules
on the whole site, and prints the findings by severity. Exits 1 if a high or medium finding
is not explained in `explained.json` beside this file (each explanation says why the finding
is not a hole).

sqlmap's requests carry a random X-Forwarded-For (its `xforwardedfor` tamper script) and the
portal trusts 127.0.0.1 as a proxy, so the per-address rate limits do not stop the scan after
a few requests; the per-account login limit still does, for the password field (as it would
for an attacker). wapiti has no such option: its attacks on the login and sign-up forms mostly
get 429 after the first few, and the XSS corpus of the integration tests covers those fields.
"""

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_portal(binary: Path, site: Path, work: Path):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DATABASE_URL": f"sqlite://{work / 'naboskab.db'}",
        "NABOSKAB_DATA_DIR": str(work / "data"),
        "NABOSKAB_DEMO": "1",
        "NABOSKAB_PUBLIC_URL": base,
        "NABOSKAB_TRUSTED_PROXIES": "127.0.0.1",
        "NABOSKAB_COUNT_VISITORS": "0",
        "LEPTOS_SITE_ADDR": f"127.0.0.1:{port}",
        "LEPTOS_SITE_ROOT": str(site),
        "RUST_LOG": "warn",
    }
    log = open(work / "portal.log", "wb")
    process = subprocess.Popen([str(binary)], env=env, stdout=log, stderr=log, cwd=work)
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2) as answer:
                if answer.status == 200:
                    return process, base
        except OSError:
            time.sleep(0.2)
    process.kill()
    sys.exit("scan: the portal did not start; see " + str(work / "portal.log"))


def first_date_page(base: str) -> str:
    """The address of a date with a sign-up form, from the demo's communal dinner."""
    activity = "/aktiviteter/faellesspisning-parkcafeen"
    with urllib.request.urlopen(base + activity, timeout=10) as answer:
        page = answer.read().decode()
    found = re.search(r'href="(' + re.escape(activity) + r'/\d{4}-\d{2}-\d{2})"', page)
    if not found:
        sys.exit("scan: no date with a sign-up form on " + activity)
    return found.group(1)


def sqlmap(tools: Path, out: Path, name: str, args: list) -> dict:
    """Runs sqlmap on one form; returns what it concluded."""
    folder = out / "sqlmap" / name
    command = [
        str(tools / "sqlmap"),
        "--batch",
        "--flush-session",
        "--level=2",
        "--risk=2",
        "--tamper=xforwardedfor",
        "--time-sec=2",
        "--output-dir",
        str(folder),
        *args,
    ]
    started = time.time()
    # Written as it goes, so a long run can be followed with `tail -f`.
    log = out / f"sqlmap-{name}.txt"
    with open(log, "w") as written:
        subprocess.run(command, stdout=written, stderr=subprocess.STDOUT, text=True)
    text = log.read_text()
    injectable = re.findall(r"Parameter: (\S+) \(", text)
    return {
        "form": name,
        "injectable": injectable,
        "clean": "do not appear to be injectable" in text or "does not seem to be injectable" in text,
        "requests": len(re.findall(r"testing '", text)),
        "seconds": round(time.time() - started),
    }


def wapiti(tools: Path, out: Path, base: str) -> list:
    """Runs wapiti's default modules on the site; returns its findings with their level."""
    report = out / "wapiti.json"
    command = [
        str(tools / "wapiti"),
        "-u",
        base + "/",
        "--scope",
        "folder",
        "--flush-session",
        "-H",
        f"Origin: {base}",
        "--max-scan-time",
        "600",
        "--max-attack-time",
        "120",
        "-f",
        "json",
        "-o",
        str(report),
    ]
    done = subprocess.run(command, capture_output=True, text=True)
    (out / "wapiti.txt").write_text(done.stdout + done.stderr)
    if not report.exists():
        sys.exit("scan: wapiti wrote no report; see " + str(out / "wapiti.txt"))
    data = json.loads(report.read_text())
    findings = []
    for section in ("vulnerabilities", "anomalies", "additionals"):
        for category, items in (data.get(section) or {}).items():
            for item in items:
                findings.append(
                    {
                        "section": section,
                        "category": category,
                        "level": item.get("level", 0),
                        "path": item.get("path", ""),
                        "info": item.get("info", ""),
                    }
                )
    return findings


# wapiti's levels (wapitiCore.net.... *_LEVEL).
LEVELS = {4: "critical", 3: "high", 2: "medium", 1: "low", 0: "information"}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True, type=Path)
    parser.add_argument("--site", required=True, type=Path)
    parser.add_argument("--tools", required=True, type=Path, help="the folder with sqlmap and wapiti")
    parser.add_argument("--out", required=True, type=Path)
    args = parser.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)
    args.out.mkdir(parents=True)
    work = Path(tempfile.mkdtemp(prefix="naboskab-scan-"))
    process, base = start_portal(args.binary, args.site, work)
    try:
        date = first_date_page(base)
        origin = f"Origin: {base}"
        forms = [
            # The login limit counts tries per account too: while the password is tested, the
            # address changes on every request, as an attacker's would to get past it.
            sqlmap(args.tools, args.out, "login-email", [
                "-u", f"{base}/log-ind", "-p", "email",
                "--data", "email=beboer@example.org&password=hemmelig",
                "--headers", origin,
            ]),
            sqlmap(args.tools, args.out, "login-password", [
                "-u", f"{base}/log-ind", "-p", "password", "--randomize=email",
                "--data", "email=beboer@example.org&password=hemmelig",
                "--headers", origin,
            ]),
            sqlmap(args.tools, args.out, "search", ["-u", f"{base}/soeg?q=suppe"]),
            sqlmap(args.tools, args.out, "signup", [
                "-u", base + date,
                "--data", "navn=Familien Test&voksne=1&boern=0&contact=&note=",
                "--headers", origin,
            ]),
        ]
        findings = wapiti(args.tools, args.out, base)
    finally:
        process.terminate()
        process.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)

    explained = json.loads((HERE / "explained.json").read_text())
    lines = ["# Security scan", "", "## sqlmap", "", "| form | injectable parameters | requests | seconds |", "|---|---|---|---|"]
    failed = False
    for form in forms:
        lines.append(
            f"| {form['form']} | {', '.join(form['injectable']) or 'none'} | {form['requests']} | {form['seconds']} |"
        )
        if form["injectable"]:
            failed = True
    counts = {}
    for finding in findings:
        counts[finding["level"]] = counts.get(finding["level"], 0) + 1
    lines += ["", "## wapiti", "", "| severity | findings |", "|---|---|"]
    for level in sorted(LEVELS, reverse=True):
        lines.append(f"| {LEVELS[level]} | {counts.get(level, 0)} |")
    lines += ["", "| severity | category | path | explanation |", "|---|---|---|---|"]
    for finding in sorted(findings, key=lambda f: -f["level"]):
        reason = explained.get(finding["category"], "")
        lines.append(
            f"| {LEVELS.get(finding['level'], finding['level'])} | {finding['category']} | "
            f"{finding['path']} | {reason or finding['info'][:120]} |"
        )
        if finding["level"] >= 2 and not reason:
            failed = True
    report = "\n".join(lines) + "\n"
    (args.out / "report.md").write_text(report)
    print(report)
    high_or_medium = sum(n for level, n in counts.items() if level >= 2)
    print(
        f"scan: sqlmap found {sum(len(f['injectable']) for f in forms)} injectable parameters "
        f"in 3 forms; wapiti found {high_or_medium} high or medium findings "
        f"({len(findings)} in all); report in {args.out / 'report.md'}"
    )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
