//! Nightly backups into `NABOSKAB_BACKUP_DIR`, their rotation and check, what `/healthz` and
//! the admin's page say about them, and `naboskab restore`.
//!
//! - **One file a night**, named by its date: `naboskab-2026-12-06.db` (SQLite: the consistent
//!   copy of [`Db::backup_into`], without sessions, private to the server's user) or
//!   `naboskab-2026-12-06.dump` (PostgreSQL: `pg_dump --format=custom` without the sessions'
//!   rows). Each is checked after writing (SQLite's `integrity_check`; `pg_restore --list`) and
//!   removed again if the check fails.
//! - **Rotation** ([`to_keep`]): the seven newest copies, and the newest copy of each of the
//!   four weeks before them.
//! - **Who runs it**: on SQLite the server itself, from [`BACKUP_HOUR`] o'clock Danish time
//!   (and at start, if tonight's copy is missing); on PostgreSQL, where several instances
//!   serve, a systemd timer runs `naboskab backup --nightly` (README.md).
//! - **Its state** is read from the folder alone, so every instance (and the timer's runs) see
//!   the same: the newest copy, and a `last-failure.txt` that a failed run writes and the next
//!   good one removes.

use std::{
    collections::{BTreeMap, BTreeSet},
    path::{Path, PathBuf},
    process::Command,
};

use app::db::{Backend, Db};
use chrono::{DateTime, Datelike, NaiveDate, Utc};

/// The copies kept of the newest nights.
pub const KEEP_NIGHTLY: usize = 7;
/// The weeks before those, of which the newest copy of each is kept.
pub const KEEP_WEEKLY: usize = 4;
/// The local hour from which the night's copy is made.
pub const BACKUP_HOUR: u32 = 3;
/// A newest copy older than this is reported missing: a night was skipped.
pub const STALE_AFTER: chrono::Duration = chrono::Duration::hours(26);
/// The file a failed run leaves, with its reason.
const FAILURE_FILE: &str = "last-failure.txt";

/// The name of the copy of the night of `date`.
pub fn file_name(date: NaiveDate, backend: Backend) -> String {
    let extension = match backend {
        Backend::Sqlite => "db",
        Backend::Postgres => "dump",
    };
    format!("naboskab-{}.{extension}", date.format("%Y-%m-%d"))
}

/// The night of a copy named by [`file_name`]; None for any other file.
pub fn date_of(name: &str) -> Option<NaiveDate> {
    let rest = name.strip_prefix("naboskab-")?;
    let date = rest
        .strip_suffix(".db")
        .or_else(|| rest.strip_suffix(".dump"))?;
    NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()
}

/// The nights whose copies are kept, of the nights `dates` that have one: the
/// [`KEEP_NIGHTLY`] newest, and of the [`KEEP_WEEKLY`] weeks (ISO weeks) before the oldest of
/// those, the newest copy of each.
pub fn to_keep(dates: &[NaiveDate]) -> BTreeSet<NaiveDate> {
    let mut newest_first: Vec<NaiveDate> = dates.to_vec();
    newest_first.sort_unstable_by(|a, b| b.cmp(a));
    newest_first.dedup();
    let nightly: BTreeSet<NaiveDate> = newest_first.iter().take(KEEP_NIGHTLY).copied().collect();
    let oldest_nightly_week = nightly.first().map(|date| date.iso_week());
    let mut weeks: BTreeMap<(i32, u32), NaiveDate> = BTreeMap::new();
    for date in newest_first.iter().skip(KEEP_NIGHTLY) {
        let week = date.iso_week();
        if Some(week) == oldest_nightly_week {
            continue;
        }
        weeks.entry((week.year(), week.week())).or_insert(*date);
    }
    let weekly = weeks.values().rev().take(KEEP_WEEKLY).copied();
    nightly.into_iter().chain(weekly).collect()
}

/// One copy in the backup folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupCopy {
    pub night: NaiveDate,
    pub path: PathBuf,
    pub bytes: u64,
    pub written: DateTime<Utc>,
}

/// What the folder says about the backups.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupState {
    /// The newest copy is recent, and no run failed after it.
    Ok(BackupCopy),
    /// No copy, or none within [`STALE_AFTER`].
    Missing(Option<BackupCopy>),
    /// The last run failed, for this reason.
    Failed {
        reason: String,
        newest: Option<BackupCopy>,
    },
}

impl BackupState {
    /// The word `/healthz` reports.
    pub fn word(&self) -> &'static str {
        match self {
            BackupState::Ok(_) => "ok",
            BackupState::Missing(_) => "missing",
            BackupState::Failed { .. } => "failed",
        }
    }
}

/// The backup folder of an installation.
#[derive(Clone, Debug)]
pub struct Backups {
    dir: PathBuf,
}

impl Backups {
    pub fn new(dir: PathBuf) -> Self {
        Self { dir }
    }

    /// The copies in the folder, oldest first.
    pub fn copies(&self) -> std::io::Result<Vec<BackupCopy>> {
        let mut copies = Vec::new();
        for entry in std::fs::read_dir(&self.dir)? {
            let entry = entry?;
            let name = entry.file_name();
            let Some(night) = name.to_str().and_then(date_of) else {
                continue;
            };
            let meta = entry.metadata()?;
            copies.push(BackupCopy {
                night,
                path: entry.path(),
                bytes: meta.len(),
                written: meta.modified().map(DateTime::<Utc>::from)?,
            });
        }
        copies.sort_by_key(|copy| copy.night);
        Ok(copies)
    }

    /// The state of the backups at `now`, from the folder alone.
    pub fn state(&self, now: DateTime<Utc>) -> BackupState {
        let newest = match self.copies() {
            Ok(copies) => copies.into_iter().last(),
            Err(err) => {
                return BackupState::Failed {
                    reason: format!("cannot read {}: {err}", self.dir.display()),
                    newest: None,
                }
            }
        };
        let failure = std::fs::read_to_string(self.dir.join(FAILURE_FILE)).ok();
        if let Some(reason) = failure {
            return BackupState::Failed {
                reason: reason.trim().chars().take(500).collect(),
                newest,
            };
        }
        match newest {
            Some(copy) if now - copy.written <= STALE_AFTER => BackupState::Ok(copy),
            newest => BackupState::Missing(newest),
        }
    }

    /// Whether the night of `night` has its copy.
    pub fn has_night(&self, night: NaiveDate) -> bool {
        [Backend::Sqlite, Backend::Postgres]
            .iter()
            .any(|backend| self.dir.join(file_name(night, *backend)).exists())
    }

    /// Makes the copy of the night of `night` (unless it exists), checks it, and rotates the
    /// folder. A failure is written to the folder for `/healthz` and the admin's page; the next
    /// good run clears it.
    pub async fn run_nightly(
        &self,
        db: &Db,
        database_url: &str,
        night: NaiveDate,
    ) -> Result<BackupCopy, String> {
        let outcome = self.write_and_check(db, database_url, night).await;
        let failure = self.dir.join(FAILURE_FILE);
        match &outcome {
            Ok(copy) => {
                let _ = std::fs::remove_file(&failure);
                tracing::info!(file = %copy.path.display(), bytes = copy.bytes, "backed up the database");
            }
            Err(reason) => {
                tracing::error!(%reason, "the nightly backup failed");
                if let Err(err) = std::fs::write(&failure, format!("{reason}\n")) {
                    tracing::error!(error = %err, "could not write the backup's failure down");
                }
            }
        }
        outcome
    }

    async fn write_and_check(
        &self,
        db: &Db,
        database_url: &str,
        night: NaiveDate,
    ) -> Result<BackupCopy, String> {
        std::fs::create_dir_all(&self.dir)
            .map_err(|err| format!("cannot create {}: {err}", self.dir.display()))?;
        let path = self.dir.join(file_name(night, db.backend()));
        if !path.exists() {
            let written = match db.backend() {
                Backend::Sqlite => db.backup_into(&path).await.map_err(|err| err.to_string()),
                Backend::Postgres => pg_dump(database_url, &path).await,
            };
            let checked = match written {
                Ok(()) => check(&path).await,
                Err(reason) => Err(reason),
            };
            if let Err(reason) = checked {
                let _ = std::fs::remove_file(&path);
                return Err(reason);
            }
        }
        self.rotate()
            .map_err(|err| format!("cannot rotate {}: {err}", self.dir.display()))?;
        self.copies()
            .map_err(|err| err.to_string())?
            .into_iter()
            .find(|copy| copy.night == night)
            .ok_or_else(|| format!("{} went missing", path.display()))
    }

    /// Deletes the copies [`to_keep`] does not keep.
    pub fn rotate(&self) -> std::io::Result<()> {
        let copies = self.copies()?;
        let nights: Vec<NaiveDate> = copies.iter().map(|copy| copy.night).collect();
        let keep = to_keep(&nights);
        for copy in copies.iter().filter(|copy| !keep.contains(&copy.night)) {
            std::fs::remove_file(&copy.path)?;
        }
        Ok(())
    }
}

/// Runs the night's backup on SQLite from [`BACKUP_HOUR`] o'clock, checking every ten minutes
/// (and at start) whether tonight's copy is there yet.
pub async fn nightly(backups: Backups, db: Db, database_url: String) {
    let mut interval = tokio::time::interval(std::time::Duration::from_secs(10 * 60));
    loop {
        interval.tick().await;
        let now = app::clock::local(app::clock::now());
        if chrono::Timelike::hour(&now) < BACKUP_HOUR || backups.has_night(now.date()) {
            continue;
        }
        // The failure is written down and logged; the next tick tries again.
        let _ = backups.run_nightly(&db, &database_url, now.date()).await;
    }
}

/// Checks a copy: SQLite's `integrity_check` and the migrations table, or that `pg_restore`
/// can read the whole table of contents of a dump.
pub async fn check(path: &Path) -> Result<(), String> {
    if path
        .extension()
        .is_some_and(|extension| extension == "dump")
    {
        let listed = run("pg_restore", &["--list".as_ref(), path.as_os_str()]).await?;
        return if listed.contains("TABLE DATA") {
            Ok(())
        } else {
            Err(format!("{} holds no table data", path.display()))
        };
    }
    check_sqlite(path).await.map(drop)
}

/// Opens the SQLite file at `path` read-only and checks it; gives its newest migration.
pub async fn check_sqlite(path: &Path) -> Result<i64, String> {
    use sqlx::{sqlite::SqliteConnectOptions, ConnectOptions};
    let broken = |err: sqlx::Error| format!("{} is not a sound database: {err}", path.display());
    let mut conn = SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .connect()
        .await
        .map_err(broken)?;
    let verdict: String = sqlx::query_scalar("pragma integrity_check")
        .fetch_one(&mut conn)
        .await
        .map_err(broken)?;
    if verdict != "ok" {
        return Err(format!(
            "{} failed its integrity check: {verdict}",
            path.display()
        ));
    }
    let newest: Option<i64> =
        sqlx::query_scalar("select max(version) from _sqlx_migrations where success")
            .fetch_one(&mut conn)
            .await
            .map_err(broken)?;
    newest.ok_or_else(|| format!("{} holds no Naboskab database", path.display()))
}

/// `pg_dump` of the database at `url` into `path` (written beside it first), without the
/// sessions' rows.
async fn pg_dump(url: &str, path: &Path) -> Result<(), String> {
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    run(
        "pg_dump",
        &[
            "--format=custom".as_ref(),
            "--no-owner".as_ref(),
            "--exclude-table-data=tower_sessions.*".as_ref(),
            "--file".as_ref(),
            partial.as_os_str(),
            "--dbname".as_ref(),
            url.as_ref(),
        ],
    )
    .await?;
    use std::os::unix::fs::PermissionsExt;
    // Private whatever the file-creation mask: it holds everyone's personal details.
    std::fs::set_permissions(&partial, std::fs::Permissions::from_mode(0o600))
        .and_then(|()| std::fs::File::open(&partial)?.sync_all())
        .and_then(|()| std::fs::rename(&partial, path))
        .map_err(|err| format!("cannot write {}: {err}", path.display()))
}

/// Runs `program` with `args` on a blocking thread; its standard output, or why it failed.
async fn run(program: &'static str, args: &[&std::ffi::OsStr]) -> Result<String, String> {
    let args: Vec<std::ffi::OsString> = args.iter().map(|arg| arg.to_os_string()).collect();
    tokio::task::spawn_blocking(move || {
        let output = Command::new(program)
            .args(&args)
            .output()
            .map_err(|err| format!("cannot run {program}: {err}"))?;
        if output.status.success() {
            Ok(String::from_utf8_lossy(&output.stdout).into_owned())
        } else {
            Err(format!(
                "{program} failed: {}",
                String::from_utf8_lossy(&output.stderr).trim()
            ))
        }
    })
    .await
    .map_err(|err| err.to_string())?
}

/// Restores the copy `file` into the installation of `database_url`, which must be stopped:
/// the copy is checked first (and must not be newer than this program), the database it
/// replaces is kept beside it (SQLite) and nothing is changed if anything fails before the
/// swap. Gives what was done, for the command line.
pub async fn restore(database_url: &str, file: &Path) -> Result<String, String> {
    match Backend::of_url(database_url).map_err(|err| err.to_string())? {
        Backend::Sqlite => restore_sqlite(database_url, file).await,
        Backend::Postgres => {
            check(file).await?;
            run(
                "pg_restore",
                &[
                    "--clean".as_ref(),
                    "--if-exists".as_ref(),
                    "--no-owner".as_ref(),
                    "--single-transaction".as_ref(),
                    "--dbname".as_ref(),
                    database_url.as_ref(),
                    file.as_os_str(),
                ],
            )
            .await?;
            Ok(format!("Restored {} into the database.", file.display()))
        }
    }
}

async fn restore_sqlite(database_url: &str, file: &Path) -> Result<String, String> {
    use std::str::FromStr;
    let newest = check_sqlite(file).await?;
    if newest > Db::newest_migration(Backend::Sqlite) {
        return Err(format!(
            "{} comes from a newer version of Naboskab; restore it with that version",
            file.display()
        ));
    }
    let target = sqlx::sqlite::SqliteConnectOptions::from_str(database_url)
        .map_err(|err| err.to_string())?
        .get_filename()
        .to_owned();
    let _lock = lock_stopped(&target)?;
    let io = |what: &str, err: std::io::Error| format!("cannot {what}: {err}");
    let with_suffix = |suffix: &str| {
        let mut path = target.clone().into_os_string();
        path.push(suffix);
        PathBuf::from(path)
    };
    let restoring = with_suffix(".restoring");
    std::fs::copy(file, &restoring).map_err(|err| io("copy the backup", err))?;
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&restoring, std::fs::Permissions::from_mode(0o600))
            .and_then(|()| std::fs::File::open(&restoring)?.sync_all())
            .map_err(|err| io("write the copy", err))?;
    }
    let mut kept = None;
    if target.exists() {
        let aside = with_suffix(&format!(
            ".before-restore-{}",
            app::clock::now().format("%Y%m%d%H%M%S")
        ));
        std::fs::rename(&target, &aside).map_err(|err| io("keep the old database", err))?;
        kept = Some(aside);
    }
    for suffix in ["-wal", "-shm"] {
        match std::fs::remove_file(with_suffix(suffix)) {
            Err(err) if err.kind() != std::io::ErrorKind::NotFound => {
                return Err(io("remove the old write-ahead log", err))
            }
            _ => {}
        }
    }
    std::fs::rename(&restoring, &target).map_err(|err| io("put the copy in place", err))?;
    let mut said = format!("Restored {} to {}.", file.display(), target.display());
    if let Some(kept) = kept {
        said.push_str(&format!(
            " The database it replaced is kept as {}.",
            kept.display()
        ));
    }
    Ok(said)
}

/// The lock a serving portal holds on its SQLite file (shared, so several may serve one
/// file), and that a restore takes alone: while the portal runs, [`restore`] refuses.
pub fn lock_file_of(database: &Path) -> PathBuf {
    let mut path = database.as_os_str().to_owned();
    path.push(".lock");
    PathBuf::from(path)
}

/// Holds the shared lock of a serving portal on `database` for as long as the file lives.
pub fn lock_serving(database: &Path) -> std::io::Result<std::fs::File> {
    let lock = std::fs::File::create(lock_file_of(database))?;
    lock.lock_shared()?;
    Ok(lock)
}

/// Takes the lock of `database` alone, or says that a portal is still serving it.
fn lock_stopped(database: &Path) -> Result<std::fs::File, String> {
    let lock = std::fs::File::create(lock_file_of(database))
        .map_err(|err| format!("cannot open the lock file: {err}"))?;
    match lock.try_lock() {
        Ok(()) => Ok(lock),
        Err(std::fs::TryLockError::WouldBlock) => Err(format!(
            "the portal is still running on {}; stop it first",
            database.display()
        )),
        Err(std::fs::TryLockError::Error(err)) => Err(format!("cannot lock the database: {err}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn night(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn names_carry_the_night() {
        let date = night("2026-12-06");
        assert_eq!(file_name(date, Backend::Sqlite), "naboskab-2026-12-06.db");
        assert_eq!(
            file_name(date, Backend::Postgres),
            "naboskab-2026-12-06.dump"
        );
        assert_eq!(date_of("naboskab-2026-12-06.db"), Some(date));
        assert_eq!(date_of("naboskab-2026-12-06.dump"), Some(date));
        assert_eq!(date_of("naboskab-2026-12-06.db.partial"), None);
        assert_eq!(date_of("last-failure.txt"), None);
    }

    #[test]
    fn sixty_nights_leave_seven_nights_and_four_weeks() {
        let mut kept: Vec<NaiveDate> = Vec::new();
        let first = night("2026-10-01");
        for n in 0..60 {
            kept.push(first + chrono::Days::new(n));
            kept = to_keep(&kept).into_iter().collect();
        }
        assert_eq!(kept.len(), KEEP_NIGHTLY + KEEP_WEEKLY, "{kept:?}");
        let newest = first + chrono::Days::new(59);
        let nightly: Vec<NaiveDate> = (0..7).map(|n| newest - chrono::Days::new(n)).collect();
        assert!(nightly.iter().all(|date| kept.contains(date)));
        // The weekly ones: one a week, each a Sunday (the last night of its week), and none in
        // the week of the oldest nightly copy.
        let weekly: Vec<&NaiveDate> = kept.iter().filter(|date| !nightly.contains(date)).collect();
        assert_eq!(weekly.len(), 4);
        assert!(weekly
            .iter()
            .all(|date| date.weekday() == chrono::Weekday::Sun));
        let weeks: BTreeSet<u32> = weekly.iter().map(|date| date.iso_week().week()).collect();
        assert_eq!(weeks.len(), 4);
        assert!(weekly[3] < &nightly[6]);
    }

    #[test]
    fn a_few_nights_are_all_kept() {
        let nights: Vec<NaiveDate> = (0..5)
            .map(|n| night("2026-12-01") + chrono::Days::new(n))
            .collect();
        assert_eq!(to_keep(&nights).len(), 5);
        assert!(to_keep(&[]).is_empty());
    }
}
