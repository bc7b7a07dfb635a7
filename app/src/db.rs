//! The database handle: one `Db` that is either SQLite or PostgreSQL, chosen by the URL scheme.
//!
//! **Queries** are grouped by domain: `db.signups()`, `db.calendar()`, … return a small
//! surface (`SignupQueries`, …) whose methods live in that domain's `queries.rs`. Most SQL reads
//! the same on both backends (`$1` placeholders work on both), so [`db_run!`] expands one body
//! for each variant; where the dialects differ, a method matches on the variants itself, with
//! one named arm per dialect.
//!
//! **Transactions** are written one way on either backend: begin a [`Tx`] with [`Db::begin`]
//! (on SQLite it takes the write lock at once), run statements on it
//! with [`tx_run!`], which expands one body per dialect like `db_run!` (or takes named
//! `sqlite:` and `postgres:` arms where they differ), and [`Tx::commit`] it. A `Tx` dropped
//! without a commit (an early return, a `?`) rolls back. Statements that several domains run
//! inside their transactions are functions that take `&mut Tx`, named `…_in`
//! (`mail::queries::enqueue_in`, `accounts::queries::audit_in`), so any domain's transaction
//! can queue an email or write an audit entry with its change.
//!
//! **Counting**: every body run through [`db_run!`] or [`tx_run!`] (one statement, or a fixed
//! few; the base data's inserts loop in one), and every `begin` and `commit`, adds one to the
//! handle's [`Db::queries`], shared by its clones and their transactions, so a test can prove
//! how many queries a page costs. A body must never run a statement per row of a result: that
//! is the cost the count exists to catch. The session store's own statements are not counted.

use std::{
    str::FromStr,
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc,
    },
    time::Duration,
};

use sqlx::{
    migrate::Migrator,
    postgres::{PgConnectOptions, PgPoolOptions},
    sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous},
    PgPool, SqlitePool,
};

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("../migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("../migrations/postgres");

/// How long to wait for a connection before giving up, also at start-up.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// How long SQLite waits for a lock held by another writer before it reports "database is locked".
const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// A pool of connections to the running backend, and the count of the statements run on it.
/// Cloning is cheap; clones share both.
#[derive(Clone, Debug)]
pub struct Db {
    pool: Pool,
    queries: Arc<AtomicU64>,
    /// How many transactions that write what a public page may show have committed (see
    /// [`Db::writes`]).
    writes: Arc<AtomicU64>,
}

/// The pool of whichever backend runs.
#[derive(Clone, Debug)]
pub enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Why `naboskab backup` wrote no copy.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0} exists already; name a file that does not")]
    Exists(String),
    #[error(
        "the database is PostgreSQL: back it up with pg_dump (see the README), not with naboskab"
    )]
    Postgres,
    #[error("cannot write the backup to {path}: {source}")]
    Write {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot copy the database: {0}")]
    Copy(#[source] sqlx::Error),
}

/// The table of the session store (`tower-sessions-sqlx-store`'s default name on SQLite).
const SESSION_TABLE: &str = "tower_sessions";

/// Removes the live sessions from a backup's copy, overwriting what they took: a backup lying
/// on a disk must not log anyone in. The store makes its table again when a restored copy
/// starts.
async fn leave_out_sessions(copy: &std::path::Path) -> Result<(), sqlx::Error> {
    use sqlx::{sqlite::SqliteConnectOptions, ConnectOptions, Connection};
    let mut connection = SqliteConnectOptions::new().filename(copy).connect().await?;
    sqlx::query("pragma secure_delete = on")
        .execute(&mut connection)
        .await?;
    sqlx::query(&format!("drop table if exists {SESSION_TABLE}"))
        .execute(&mut connection)
        .await?;
    connection.close().await
}

/// Which backend a database URL names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Why the database could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error("DATABASE_URL must start with sqlite:, postgres: or postgresql: (got {0:?})")]
    UnknownScheme(String),
    #[error("DATABASE_URL is not a valid database address: {0}")]
    BadUrl(#[source] sqlx::Error),
    #[error("cannot open the database: {0}")]
    Unreachable(#[source] sqlx::Error),
    #[error("cannot bring the database schema up to date: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl Backend {
    /// Reads the backend from a URL's scheme.
    pub fn of_url(url: &str) -> Result<Self, ConnectError> {
        let scheme = url
            .split(':')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match scheme.as_str() {
            "sqlite" => Ok(Self::Sqlite),
            "postgres" | "postgresql" => Ok(Self::Postgres),
            _ => Err(ConnectError::UnknownScheme(scheme)),
        }
    }
}

/// Runs one body (one statement) against whichever pool a [`Db`] holds, and counts it. The
/// body is written once and type-checked twice, so it must be valid for both `sqlx::Sqlite`
/// and `sqlx::Postgres`.
#[macro_export]
macro_rules! db_run {
    ($db:expr, |$pool:ident| $body:expr) => {
        match $db.counted() {
            $crate::db::Pool::Sqlite($pool) => $body,
            $crate::db::Pool::Postgres($pool) => $body,
        }
    };
}

/// An open transaction on the backend of a [`Db`]; see the module's documentation.
#[derive(Debug)]
pub struct Tx {
    open: OpenTx,
    queries: Arc<AtomicU64>,
    /// The [`Db::writes`] count this transaction adds to when it commits; None for one begun
    /// with [`Db::begin_unseen`].
    writes: Option<Arc<AtomicU64>>,
}

/// The transaction of whichever backend runs.
#[derive(Debug)]
pub enum OpenTx {
    Sqlite(sqlx::Transaction<'static, sqlx::Sqlite>),
    Postgres(sqlx::Transaction<'static, sqlx::Postgres>),
}

impl Tx {
    /// Makes the transaction's changes permanent.
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        self.queries.fetch_add(1, Ordering::Relaxed);
        match self.open {
            OpenTx::Sqlite(tx) => tx.commit().await,
            OpenTx::Postgres(tx) => tx.commit().await,
        }?;
        if let Some(writes) = self.writes {
            writes.fetch_add(1, Ordering::SeqCst);
        }
        Ok(())
    }

    /// The transaction, counting one statement run on it (used by [`tx_run!`]).
    #[doc(hidden)]
    pub fn counted(&mut self) -> &mut OpenTx {
        self.queries.fetch_add(1, Ordering::Relaxed);
        &mut self.open
    }
}

/// Runs statements on an open [`Tx`] (given as `&mut tx`): `$conn` is its connection
/// (`&mut SqliteConnection` or `&mut PgConnection`). Like [`db_run!`], one body is written
/// and type-checked for both; where the dialects differ, name the arms:
/// `tx_run!(&mut tx, sqlite: |conn| …, postgres: |conn| …)`.
#[macro_export]
macro_rules! tx_run {
    ($tx:expr, |$conn:ident| $body:expr) => {
        $crate::tx_run!($tx, sqlite: |$conn| $body, postgres: |$conn| $body)
    };
    ($tx:expr, sqlite: |$sqlite:ident| $on_sqlite:expr, postgres: |$postgres:ident| $on_postgres:expr) => {
        match $tx.counted() {
            $crate::db::OpenTx::Sqlite(tx) => {
                let $sqlite: &mut sqlx::SqliteConnection = &mut **tx;
                $on_sqlite
            }
            $crate::db::OpenTx::Postgres(tx) => {
                let $postgres: &mut sqlx::PgConnection = &mut **tx;
                $on_postgres
            }
        }
    };
}

/// Declares the query surface of each domain: a type that borrows the [`Db`] (its methods are
/// in the domain's `queries.rs`) and the method of `Db` that gives it.
macro_rules! query_surfaces {
    ($($(#[$doc:meta])* $method:ident => $surface:ident,)*) => {
        $(
            $(#[$doc])*
            #[derive(Clone, Copy, Debug)]
            pub struct $surface<'a> {
                pub(crate) db: &'a Db,
            }
        )*

        impl Db {
            $(
                $(#[$doc])*
                pub fn $method(&self) -> $surface<'_> {
                    $surface { db: self }
                }
            )*
        }
    };
}

query_surfaces! {
    /// The accounts' queries (`accounts/queries.rs`).
    accounts => AccountQueries,
    /// The articles' and magazine issues' queries (`articles/queries.rs`).
    articles => ArticleQueries,
    /// The attendance's queries (`attendance/queries.rs`).
    attendance => AttendanceQueries,
    /// The calendar's queries: activities, exceptions and the occurrences they make
    /// (`calendar/queries.rs`).
    calendar => CalendarQueries,
    /// The figures' queries (`figures/queries.rs`).
    figures => FigureQueries,
    /// The images' queries (`images/queries.rs`).
    images => ImageQueries,
    /// The newsletter's queries: subscribers, their links and choices, the weekly run
    /// (`newsletter/queries.rs`).
    newsletter => NewsletterQueries,
    /// The outbox's queries (`mail/queries.rs`).
    outbox => OutboxQueries,
    /// The plan's queries: measures and their values (`plan/queries.rs`).
    plan => PlanQueries,
    /// The report's queries: its texts, the press counts, the values of some years
    /// (`report/queries.rs`).
    report => ReportQueries,
    /// The citizen journalists' submissions' queries (`submissions/queries.rs`).
    submissions => SubmissionQueries,
    /// The sign-ups' queries (`signups/queries.rs`).
    signups => SignupQueries,
    /// The site's queries: its name and base data (`site/queries.rs`).
    site => SiteQueries,
    /// The visitor counting's queries (`visits/queries.rs`).
    visits => VisitQueries,
}

/// How many ids one `in (…)` list binds at most: well under the bind limits of both backends.
const IDS_PER_QUERY: usize = 500;

impl Db {
    /// Opens a pool for `url` (creating an SQLite file if needed) and checks that it answers.
    pub async fn connect(url: &str) -> Result<Self, ConnectError> {
        match Backend::of_url(url)? {
            Backend::Sqlite => {
                let options = SqliteConnectOptions::from_str(url)
                    .map_err(ConnectError::BadUrl)?
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Full)
                    .foreign_keys(true)
                    .busy_timeout(SQLITE_BUSY_TIMEOUT);
                let pool = SqlitePoolOptions::new()
                    .acquire_timeout(CONNECT_TIMEOUT)
                    // sqlx 0.8 leaves a connection marked as inside a transaction when the
                    // ROLLBACK of a dropped transaction fails, which it does after SQLite rolled
                    // the transaction back by itself (a full disk, `SQLITE_FULL`); that
                    // connection would refuse every later `BEGIN`, so a full disk would break
                    // writes until a restart. The pool replaces such a connection. (The ping
                    // waits for a rollback still queued on the connection's worker.)
                    .before_acquire(|conn, _| {
                        Box::pin(async move {
                            use sqlx::Connection;
                            if conn.is_in_transaction() {
                                conn.ping().await?;
                            }
                            Ok(!conn.is_in_transaction())
                        })
                    })
                    .connect_with(options)
                    .await
                    .map_err(ConnectError::Unreachable)?;
                Ok(Self::new(Pool::Sqlite(pool)))
            }
            Backend::Postgres => {
                let options = PgConnectOptions::from_str(url).map_err(ConnectError::BadUrl)?;
                let pool = PgPoolOptions::new()
                    .acquire_timeout(CONNECT_TIMEOUT)
                    .connect_with(options)
                    .await
                    .map_err(ConnectError::Unreachable)?;
                Ok(Self::new(Pool::Postgres(pool)))
            }
        }
    }

    fn new(pool: Pool) -> Self {
        Self {
            pool,
            queries: Arc::default(),
            writes: Arc::default(),
        }
    }

    /// How many transactions begun with [`Db::begin`] have committed on this instance (clones
    /// share the count). Every write a public page can show is such a transaction, so the page
    /// cache keeps a page only while this number stays what it was when the page was rendered:
    /// the cache is emptied by real writes, never by a request that wrote nothing.
    pub fn writes(&self) -> u64 {
        self.writes.load(Ordering::SeqCst)
    }

    /// The pool, without counting: for what runs its own statements on it (the session
    /// store, the tests' checks). The portal's own queries go through [`db_run!`].
    pub fn pool(&self) -> &Pool {
        &self.pool
    }

    /// The pool, counting one statement run on it (used by [`db_run!`]).
    #[doc(hidden)]
    pub fn counted(&self) -> &Pool {
        self.queries.fetch_add(1, Ordering::Relaxed);
        &self.pool
    }

    /// How many statements the portal's code has run through this handle and its clones
    /// (and their transactions, each `begin` and `commit` included) since it was opened.
    pub fn queries(&self) -> u64 {
        self.queries.load(Ordering::Relaxed)
    }

    /// The version of the newest migration this program holds for `backend` (a backup from a
    /// newer program cannot be restored by this one).
    pub fn newest_migration(backend: Backend) -> i64 {
        let migrator = match backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator
            .iter()
            .map(|migration| migration.version)
            .max()
            .unwrap_or(0)
    }

    /// Applies the embedded migrations of the running backend; applied ones are skipped.
    pub async fn migrate(&self) -> Result<(), ConnectError> {
        match &self.pool {
            Pool::Sqlite(pool) => SQLITE_MIGRATIONS.run(pool).await?,
            Pool::Postgres(pool) => POSTGRES_MIGRATIONS.run(pool).await?,
        }
        Ok(())
    }

    /// Begins a transaction (every transaction here writes). On SQLite it takes the write
    /// lock of the whole file at once (`BEGIN IMMEDIATE`), waiting its turn behind another
    /// writer for up to the busy timeout: a deferred transaction can instead fail with
    /// "database is locked" when it comes to write after another writer (64 writers at once
    /// showed it with articles). PostgreSQL locks rows as statements touch them (`for
    /// update`), so a plain transaction does.
    pub async fn begin(&self) -> Result<Tx, sqlx::Error> {
        let mut tx = self.begin_unseen().await?;
        tx.writes = Some(self.writes.clone());
        Ok(tx)
    }

    /// [`Db::begin`] for a transaction whose writes no public page shows (counted visits, the
    /// outbox's bookkeeping): its commit leaves [`Db::writes`], and so the page cache, alone.
    pub async fn begin_unseen(&self) -> Result<Tx, sqlx::Error> {
        let open = match self.counted() {
            Pool::Sqlite(pool) => OpenTx::Sqlite(pool.begin_with("BEGIN IMMEDIATE").await?),
            Pool::Postgres(pool) => OpenTx::Postgres(pool.begin().await?),
        };
        Ok(Tx {
            open,
            queries: self.queries.clone(),
            writes: None,
        })
    }

    /// Which backend this is.
    pub fn backend(&self) -> Backend {
        match self.pool {
            Pool::Sqlite(_) => Backend::Sqlite,
            Pool::Postgres(_) => Backend::Postgres,
        }
    }

    /// Asks the database a trivial question; used by `/healthz`.
    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        db_run!(self, |pool| sqlx::query("select 1")
            .execute(pool)
            .await
            .map(drop))
    }

    /// Writes a consistent copy of the SQLite database to `path`, which must not exist, while
    /// the portal goes on serving: `VACUUM INTO` reads one snapshot (the database runs in WAL
    /// mode, so writers go on meanwhile), so the copy holds every transaction committed before
    /// it began and none half. The copy is written beside `path`, synced, and then renamed to
    /// it, so `path` is never a partial file.
    pub async fn backup_into(&self, path: &std::path::Path) -> Result<(), BackupError> {
        let Pool::Sqlite(pool) = &self.pool else {
            return Err(BackupError::Postgres);
        };
        let shown = path.display().to_string();
        if path.exists() {
            return Err(BackupError::Exists(shown));
        }
        let write = |source| BackupError::Write {
            path: shown.clone(),
            source,
        };
        let mut partial = path.as_os_str().to_owned();
        partial.push(".partial");
        let partial = std::path::PathBuf::from(partial);
        // A partial file is what a backup that died halfway left: it is ours to replace.
        match std::fs::remove_file(&partial) {
            Err(err) if err.kind() != std::io::ErrorKind::NotFound => return Err(write(err)),
            _ => {}
        }
        let target = partial.to_str().ok_or_else(|| {
            write(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "the file name is not UTF-8",
            ))
        })?;
        sqlx::query("vacuum into $1")
            .bind(target)
            .execute(pool)
            .await
            .map_err(BackupError::Copy)?;
        leave_out_sessions(&partial)
            .await
            .map_err(BackupError::Copy)?;
        {
            use std::os::unix::fs::PermissionsExt;
            // Private whatever the file-creation mask: it holds everyone's personal details.
            std::fs::set_permissions(&partial, std::fs::Permissions::from_mode(0o600))
                .map_err(write)?;
        }
        std::fs::File::open(&partial)
            .and_then(|file| file.sync_all())
            .map_err(write)?;
        // `rename` would replace a file made meanwhile; `hard_link` refuses to, and `path`
        // appears complete or not at all.
        std::fs::hard_link(&partial, path).map_err(write)?;
        std::fs::remove_file(&partial).map_err(write)?;
        if let Some(folder) = path
            .parent()
            .filter(|folder| !folder.as_os_str().is_empty())
        {
            std::fs::File::open(folder)
                .and_then(|folder| folder.sync_all())
                .map_err(write)?;
        }
        Ok(())
    }

    /// Closes every connection; later queries fail.
    pub async fn close(&self) {
        db_run!(self, |pool| pool.close().await)
    }

    /// The rows of `sql` for `ids`, its `{ids}` replaced by an `in` list's placeholders
    /// (`$1, $2, …`, which both backends accept): one query per [`IDS_PER_QUERY`] ids, rather
    /// than one per id. Rows come back in `sql`'s order within each group of ids.
    pub async fn rows_for_ids<T>(&self, sql: &str, ids: &[i64]) -> Result<Vec<T>, sqlx::Error>
    where
        T: Send
            + Unpin
            + for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>
            + for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow>,
    {
        let mut found = Vec::new();
        for chunk in ids.chunks(IDS_PER_QUERY) {
            let placeholders: Vec<String> = (1..=chunk.len()).map(|n| format!("${n}")).collect();
            let sql = sql.replace("{ids}", &placeholders.join(", "));
            let rows: Vec<T> = db_run!(self, |pool| {
                let mut query = sqlx::query_as(&sql);
                for id in chunk {
                    query = query.bind(id);
                }
                query.fetch_all(pool).await
            })?;
            found.extend(rows);
        }
        Ok(found)
    }
}
