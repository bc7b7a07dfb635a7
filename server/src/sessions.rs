//! Logged-in sessions: tower-sessions with the sqlx store of the running backend, the cookie's
//! settings, and the check on every request that turns a session into a [`Viewer`].
//!
//! A session holds only a [`SessionUser`]. On every request that carries a session cookie the
//! account is read again, so disabling an account or changing its password ends its sessions at
//! once. Residents never get a cookie: a session is only written when someone logs in.

use std::time::Duration;

use app::{
    accounts::Viewer,
    db::{Db, Pool},
    submissions::Waiting,
};
use async_trait::async_trait;
use axum::{extract::Request, middleware::Next, response::Response};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use tower_sessions::{
    cookie::{time::OffsetDateTime, SameSite},
    session::{Id, Record},
    session_store::{self, ExpiredDeletion, SessionStore},
    Expiry, Session, SessionManagerLayer,
};
use tower_sessions_sqlx_store::{PostgresStore, SqliteStore};

/// A session ends after this long without a request.
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(4 * 60 * 60);
/// A session ends this long after logging in, however active it is.
pub const ABSOLUTE_TIMEOUT: chrono::Duration = chrono::Duration::hours(12);
/// How often expired sessions are deleted from the database.
const CLEANUP_INTERVAL: Duration = Duration::from_secs(60 * 60);

/// The key under which a session holds its [`SessionUser`].
const USER_KEY: &str = "user";
/// The key under which a session holds a [`SecondStep`] between the password and the code.
const SECOND_STEP_KEY: &str = "second_step";
/// How long the second step may take after the password.
pub const SECOND_STEP_TIMEOUT: chrono::Duration = chrono::Duration::minutes(10);

/// What a session remembers between a right password and the code of an account with two-factor
/// login: not a login (no [`Viewer`] comes of it), only whom the code is for.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SecondStep {
    pub user_id: i64,
    pub password_at: DateTime<Utc>,
}

/// What a session remembers about who logged in.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SessionUser {
    pub user_id: i64,
    pub logged_in_at: DateTime<Utc>,
    /// A fingerprint of the password hash at login: a new password ends older sessions.
    pub password_mark: String,
}

/// The session store of the running backend. tower-sessions-sqlx-store has one store type per
/// backend; this enum lets one layer serve either, like [`Db`] does for queries.
#[derive(Clone, Debug)]
pub enum Store {
    Sqlite(SqliteStore),
    Postgres(PostgresStore),
}

macro_rules! store_run {
    ($store:expr, |$inner:ident| $body:expr) => {
        match $store {
            Store::Sqlite($inner) => $body,
            Store::Postgres($inner) => $body,
        }
    };
}

impl Store {
    /// The store for `db`, with its table created if needed. The store manages its own table
    /// (`tower_sessions` in SQLite, `tower_sessions.session` in PostgreSQL) outside our
    /// migrations, so that it always matches the library's version.
    pub async fn for_db(db: &Db) -> Result<Self, sqlx::Error> {
        let store = match db.pool() {
            Pool::Sqlite(pool) => Store::Sqlite(SqliteStore::new(pool.clone())),
            Pool::Postgres(pool) => Store::Postgres(PostgresStore::new(pool.clone())),
        };
        store_run!(&store, |inner| inner.migrate().await)?;
        Ok(store)
    }

    /// Deletes expired sessions every hour, for as long as the server runs.
    pub async fn cleanup(self) {
        let mut interval = tokio::time::interval(CLEANUP_INTERVAL);
        loop {
            interval.tick().await;
            if let Err(err) = self.delete_expired().await {
                tracing::warn!(error = %err, "could not delete expired sessions");
            }
        }
    }
}

/// When a session written now ends in the database: [`IDLE_TIMEOUT`] from now. The cookie has no
/// end of its own (it goes when the browser closes), so the store keeps the idle timeout; every
/// request of a logged-in person saves the session and so moves its end.
fn idle_end() -> OffsetDateTime {
    // The store's records keep the `time` crate's type; the moment is the clock's.
    OffsetDateTime::from_unix_timestamp(app::clock::now().timestamp())
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
        + IDLE_TIMEOUT
}

#[async_trait]
impl SessionStore for Store {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        record.expiry_date = idle_end();
        store_run!(self, |inner| inner.create(record).await)
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        let record = Record {
            expiry_date: idle_end(),
            ..record.clone()
        };
        store_run!(self, |inner| inner.save(&record).await)
    }

    async fn load(&self, session_id: &Id) -> session_store::Result<Option<Record>> {
        store_run!(self, |inner| inner.load(session_id).await)
    }

    async fn delete(&self, session_id: &Id) -> session_store::Result<()> {
        store_run!(self, |inner| inner.delete(session_id).await)
    }
}

#[async_trait]
impl ExpiredDeletion for Store {
    async fn delete_expired(&self) -> session_store::Result<()> {
        store_run!(self, |inner| inner.delete_expired().await)
    }
}

/// The session layer. Over https the cookie is `Secure` and carries the `__Host-` prefix, which
/// browsers only accept from a secure origin, for the whole site, without a domain.
///
/// The cookie has neither `Max-Age` nor `Expires`: staff may log in on a shared computer (in the
/// community house, the library), and closing the browser should end the session there. The
/// server ends it anyway after [`IDLE_TIMEOUT`] without a request (the store's expiry, see
/// [`idle_end`]) and [`ABSOLUTE_TIMEOUT`] after logging in.
pub fn layer(store: Store, https: bool) -> SessionManagerLayer<Store> {
    let name = if https { "__Host-naboskab" } else { "naboskab" };
    SessionManagerLayer::new(store)
        .with_name(name)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(https)
        .with_path("/")
        .with_expiry(Expiry::OnSessionEnd)
        // Save on every request of a logged-in person, so the idle timeout counts from the
        // last request rather than from login. Empty sessions (residents) are never saved.
        .with_always_save(true)
}

/// The fingerprint of a password hash kept in the session.
fn password_mark(hash: &str) -> String {
    let digest = Sha256::digest(hash.as_bytes());
    digest
        .iter()
        .take(8)
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// Starts a session for `account` under a new id (so an id planted before login is worthless).
pub async fn log_in(
    session: &Session,
    account: &app::accounts::queries::Account,
) -> Result<(), tower_sessions::session::Error> {
    session.cycle_id().await?;
    session.remove_value(SECOND_STEP_KEY).await?;
    session
        .insert(
            USER_KEY,
            SessionUser {
                user_id: account.id,
                logged_in_at: app::clock::now(),
                password_mark: account
                    .password_hash
                    .as_ref()
                    .map(|hash| password_mark(hash.as_str()))
                    .unwrap_or_default(),
            },
        )
        .await
}

/// Remembers that `account` typed the right password and must now type a code, under a new
/// session id. Nobody is logged in by it.
pub async fn begin_second_step(
    session: &Session,
    account: &app::accounts::queries::Account,
) -> Result<(), tower_sessions::session::Error> {
    session.cycle_id().await?;
    session.remove_value(USER_KEY).await?;
    session
        .insert(
            SECOND_STEP_KEY,
            SecondStep {
                user_id: account.id,
                password_at: app::clock::now(),
            },
        )
        .await
}

/// The account waiting for its second step in this session, if the password was typed within
/// [`SECOND_STEP_TIMEOUT`].
pub async fn second_step(session: &Session) -> Option<SecondStep> {
    let step = session
        .get::<SecondStep>(SECOND_STEP_KEY)
        .await
        .ok()
        .flatten()?;
    (app::clock::now() - step.password_at < SECOND_STEP_TIMEOUT).then_some(step)
}

/// Ends the session: deletes it from the store and tells the browser to forget the cookie.
pub async fn log_out(session: &Session) -> Result<(), tower_sessions::session::Error> {
    session.flush().await
}

/// Middleware: for a request with a session, checks the account and puts a [`Viewer`] (and for
/// staff the number of submissions [`Waiting`] for review) in the request's extensions. A session whose account is gone, disabled, has a new password or is
/// past the absolute timeout is ended.
pub async fn load_viewer(
    axum::extract::State(db): axum::extract::State<Db>,
    session: Session,
    mut request: Request,
    next: Next,
) -> Response {
    match viewer_of(&db, &session).await {
        Ok(Some(viewer)) => {
            // Staff see how many submissions wait for them in their navigation on every page.
            if viewer.role.is_staff() {
                match db.submissions().waiting().await {
                    Ok(count) => {
                        request.extensions_mut().insert(Waiting(count));
                    }
                    Err(err) => {
                        tracing::error!(error = %err, "could not count waiting submissions")
                    }
                }
            }
            request.extensions_mut().insert(viewer);
        }
        Ok(None) => {}
        Err(err) => {
            // The page still renders, just as for a resident; the cause goes to the log.
            tracing::error!(error = %err, "could not check the session");
        }
    }
    next.run(request).await
}

async fn viewer_of(db: &Db, session: &Session) -> Result<Option<Viewer>, String> {
    let Some(user) = session
        .get::<SessionUser>(USER_KEY)
        .await
        .map_err(|err| err.to_string())?
    else {
        return Ok(None);
    };
    let account = db
        .accounts()
        .account_by_id(user.user_id)
        .await
        .map_err(|err| err.to_string())?;
    let valid = account.as_ref().filter(|account| {
        !account.disabled
            && app::clock::now() - user.logged_in_at < ABSOLUTE_TIMEOUT
            && account
                .password_hash
                .as_ref()
                .is_some_and(|hash| password_mark(hash.as_str()) == user.password_mark)
    });
    match valid {
        Some(account) => Ok(Some(Viewer::of(account))),
        None => {
            session.flush().await.map_err(|err| err.to_string())?;
            Ok(None)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_password_mark_changes_with_the_hash_and_does_not_reveal_it() {
        let a = password_mark("$argon2id$v=19$m=19456,t=2,p=1$abc$def");
        let b = password_mark("$argon2id$v=19$m=19456,t=2,p=1$abc$deg");
        assert_ne!(a, b);
        assert_eq!(a.len(), 16);
        assert!(!a.contains("argon2"));
    }
}
