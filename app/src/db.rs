//! The database handle: one `Db` that is either SQLite or PostgreSQL, chosen by the URL scheme.
//!
//! Every query is a method on `Db` in its domain's `queries` module. Most SQL reads the same on
//! both backends (`$1` placeholders work on both), so [`db_run!`] expands one body for each
//! variant; where the dialects differ, a method matches on the variants itself.

use std::{str::FromStr, time::Duration};

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

/// A pool of connections to the running backend. Cloning is cheap.
#[derive(Clone, Debug)]
pub enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
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

/// Runs one body against whichever pool a [`Db`] holds. The body is written once and
/// type-checked twice, so it must be valid for both `sqlx::Sqlite` and `sqlx::Postgres`.
#[macro_export]
macro_rules! db_run {
    ($db:expr, |$pool:ident| $body:expr) => {
        match $db {
            $crate::db::Db::Sqlite($pool) => $body,
            $crate::db::Db::Postgres($pool) => $body,
        }
    };
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
                    .connect_with(options)
                    .await
                    .map_err(ConnectError::Unreachable)?;
                Ok(Self::Sqlite(pool))
            }
            Backend::Postgres => {
                let options = PgConnectOptions::from_str(url).map_err(ConnectError::BadUrl)?;
                let pool = PgPoolOptions::new()
                    .acquire_timeout(CONNECT_TIMEOUT)
                    .connect_with(options)
                    .await
                    .map_err(ConnectError::Unreachable)?;
                Ok(Self::Postgres(pool))
            }
        }
    }

    /// Applies the embedded migrations of the running backend; applied ones are skipped.
    pub async fn migrate(&self) -> Result<(), ConnectError> {
        match self {
            Db::Sqlite(pool) => SQLITE_MIGRATIONS.run(pool).await?,
            Db::Postgres(pool) => POSTGRES_MIGRATIONS.run(pool).await?,
        }
        Ok(())
    }

    /// The accounts' queries.
    pub fn accounts(&self) -> crate::accounts::queries::AccountQueries<'_> {
        crate::accounts::queries::AccountQueries { db: self }
    }

    /// The articles' and magazine issues' queries.
    pub fn articles(&self) -> crate::articles::queries::ArticleQueries<'_> {
        crate::articles::queries::ArticleQueries { db: self }
    }

    /// The attendance's queries.
    pub fn attendance(&self) -> crate::attendance::queries::AttendanceQueries<'_> {
        crate::attendance::queries::AttendanceQueries { db: self }
    }

    /// The calendar's queries: activities, exceptions and the occurrences they make.
    pub fn calendar(&self) -> crate::calendar::queries::CalendarQueries<'_> {
        crate::calendar::queries::CalendarQueries { db: self }
    }

    /// The figures' queries.
    pub fn figures(&self) -> crate::figures::queries::FigureQueries<'_> {
        crate::figures::queries::FigureQueries { db: self }
    }

    /// The images' queries.
    pub fn images(&self) -> crate::images::queries::ImageQueries<'_> {
        crate::images::queries::ImageQueries { db: self }
    }

    /// The outbox's queries.
    pub fn outbox(&self) -> crate::mail::queries::OutboxQueries<'_> {
        crate::mail::queries::OutboxQueries { db: self }
    }

    /// The sign-ups' queries.
    pub fn signups(&self) -> crate::signups::queries::SignupQueries<'_> {
        crate::signups::queries::SignupQueries { db: self }
    }

    /// The site's queries: its name and base data.
    pub fn site(&self) -> crate::site::queries::SiteQueries<'_> {
        crate::site::queries::SiteQueries { db: self }
    }

    /// Which backend this is.
    pub fn backend(&self) -> Backend {
        match self {
            Db::Sqlite(_) => Backend::Sqlite,
            Db::Postgres(_) => Backend::Postgres,
        }
    }

    /// Asks the database a trivial question; used by `/healthz`.
    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        db_run!(self, |pool| sqlx::query("select 1")
            .execute(pool)
            .await
            .map(drop))
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
