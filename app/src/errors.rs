//! How failures cross the edge: details go to the log, the caller gets a plain message.
//!
//! Residents never see a raw error. A domain function answers with a [`Refusal`]: the input
//! needs fixing ([`Refusal::Invalid`], the form again with Danish feedback), the thing is not
//! there for this viewer ([`Refusal::NotFound`], [`Refusal::Forbidden`]: a domain's loader,
//! such as `submissions::service::own`, says so once for the page and the form), or something
//! broke on our side ([`Refusal::Internal`], which keeps its cause for the log). A server
//! function maps every internal failure with [`internal`], which logs the cause and returns a
//! message without details, and a loader's answer with [`visible`]; pages then show the
//! friendly Danish error view from `crate::components::errors`. Handlers turn a refusal into a
//! page in `server::errors`.

use std::fmt::Display;

use leptos::prelude::*;

use crate::{db::Db, forms::FormFeedback, visible::Visible};

/// A failure whose cause is for the log only.
pub type Cause = Box<dyn std::error::Error + Send + Sync + 'static>;

/// Why a form was not carried out.
#[derive(Debug, thiserror::Error)]
pub enum Refusal {
    /// The input needs fixing; show the form again with this feedback.
    #[error("the form needs fixing")]
    Invalid(FormFeedback),
    /// Nothing is there, or nothing this viewer may know of (another's draft, to staff): the
    /// 404 page.
    #[error("not found")]
    NotFound,
    /// It is there, but not for this viewer (another journalist's submission): the 403 page.
    #[error("forbidden")]
    Forbidden,
    /// Something broke on our side; show the 500 page and log the cause.
    #[error("internal failure: {0}")]
    Internal(#[source] Cause),
}

impl Refusal {
    /// An internal failure described in words, where there is no error value to keep.
    pub fn internal(what: impl Into<String>) -> Self {
        Refusal::Internal(what.into().into())
    }

    /// The refusal for a failed save: when another save took the same slug between the form's
    /// check and this save (a unique constraint on a `slug` column), the form again with
    /// `taken`'s feedback; otherwise an internal failure.
    pub fn slug_taken_or_internal(err: sqlx::Error, taken: impl FnOnce() -> FormFeedback) -> Self {
        if is_slug_taken(&err) {
            Refusal::Invalid(taken())
        } else {
            err.into()
        }
    }
}

/// Whether `err` is a unique constraint failing on a `slug` column. PostgreSQL names the
/// constraint (`articles_slug_key`); SQLite names the column in its message
/// (`UNIQUE constraint failed: articles.slug`).
fn is_slug_taken(err: &sqlx::Error) -> bool {
    err.as_database_error().is_some_and(|err| {
        err.is_unique_violation()
            && err.constraint().map_or_else(
                || err.message().ends_with(".slug"),
                |name| name.ends_with("_slug_key"),
            )
    })
}

impl From<sqlx::Error> for Refusal {
    fn from(err: sqlx::Error) -> Self {
        Refusal::Internal(Box::new(err))
    }
}

impl From<tokio::task::JoinError> for Refusal {
    fn from(err: tokio::task::JoinError) -> Self {
        Refusal::Internal(Box::new(err))
    }
}

impl From<FormFeedback> for Refusal {
    fn from(feedback: FormFeedback) -> Self {
        Refusal::Invalid(feedback)
    }
}

/// Whether `err`, or anything that caused it, is a full disk: SQLite's `SQLITE_FULL` (13, also
/// when a database reaches its `max_page_count`), PostgreSQL's `disk_full` (53100), or the
/// operating system's "no space left on device".
pub fn is_disk_full(err: &(dyn std::error::Error + 'static)) -> bool {
    let mut current = Some(err);
    while let Some(err) = current {
        if let Some(sqlx::Error::Database(database)) = err.downcast_ref::<sqlx::Error>() {
            let code = database.code().unwrap_or_default();
            // SQLite reports extended codes; their low byte is the primary one.
            let sqlite_full = code.parse::<i64>().is_ok_and(|code| code & 0xff == 13);
            if sqlite_full || code == "53100" {
                return true;
            }
        }
        if let Some(io) = err.downcast_ref::<std::io::Error>() {
            if io.kind() == std::io::ErrorKind::StorageFull || io.raw_os_error() == Some(28) {
                return true;
            }
        }
        current = err.source();
    }
    false
}

/// The minute in which a full disk was last logged (minutes since 1970).
static DISK_FULL_LOGGED: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(0);

/// Whether `err` is a full disk ([`is_disk_full`]); if so, logs why at most once a minute, so a
/// full disk under load writes one line a minute rather than one per request.
pub fn note_disk_full(err: &(dyn std::error::Error + 'static)) -> bool {
    if !is_disk_full(err) {
        return false;
    }
    if first_in_its_minute(&DISK_FULL_LOGGED, crate::clock::now().timestamp()) {
        tracing::error!(
            error = %err,
            "the disk is full: writes are refused with a \"try again later\" page until there \
             is space again (this is logged once a minute)"
        );
    }
    true
}

/// Whether `unix_seconds` falls in a later minute than the one `last` holds, which it then
/// holds: true once a minute however often it is asked.
fn first_in_its_minute(last: &std::sync::atomic::AtomicI64, unix_seconds: i64) -> bool {
    let minute = unix_seconds / 60;
    last.fetch_max(minute, std::sync::atomic::Ordering::Relaxed) < minute
}

/// Logs `err` and returns an error that says nothing about it.
pub fn internal(err: impl Display) -> ServerFnError {
    tracing::error!(error = %err, "request failed");
    ServerFnError::new("internal error")
}

/// A loader's answer as a server function's: the thing or the refusal page to show
/// ([`Visible`]); an internal failure is logged and answered without details. The one place a
/// [`Refusal`] becomes a server function's answer.
pub fn visible<T>(loaded: Result<T, Refusal>) -> Result<Visible<T>, ServerFnError> {
    match loaded {
        Ok(found) => Ok(Visible::Shown(found)),
        Err(Refusal::NotFound) => Ok(Visible::NotFound),
        Err(Refusal::Forbidden) => Ok(Visible::Forbidden),
        Err(Refusal::Invalid(_)) => Err(internal("a loader answered with a form's feedback")),
        Err(Refusal::Internal(cause)) => Err(internal(cause)),
    }
}

/// The database handle the server put in the request's context.
pub fn db_from_context() -> Result<Db, ServerFnError> {
    use_context::<Db>().ok_or_else(|| internal("no database in the request context"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_disk_is_logged_once_a_minute() {
        let last = std::sync::atomic::AtomicI64::new(0);
        let start = 1_780_000_020;
        let logged: Vec<bool> = (0..300)
            .map(|second| first_in_its_minute(&last, start + second))
            .collect();
        // Five minutes of requests, one a second: five lines.
        assert_eq!(logged.iter().filter(|logged| **logged).count(), 5);
        assert!(logged[0] && !logged[1] && !logged[59] && logged[60]);
    }

    #[test]
    fn a_full_disk_is_known_through_the_causes() {
        let enospc = std::io::Error::from_raw_os_error(28);
        assert!(is_disk_full(&enospc));
        let refusal = Refusal::Internal(Box::new(std::io::Error::from_raw_os_error(28)));
        assert!(is_disk_full(&refusal));
        assert!(!is_disk_full(&sqlx::Error::RowNotFound));
        assert!(!is_disk_full(&std::io::Error::from_raw_os_error(2)));
    }

    #[test]
    fn an_internal_refusal_keeps_its_cause() {
        let refusal = Refusal::from(sqlx::Error::RowNotFound);
        let Refusal::Internal(cause) = &refusal else {
            panic!("a database error is internal");
        };
        assert!(cause.downcast_ref::<sqlx::Error>().is_some());
        assert!(std::error::Error::source(&refusal).is_some());
    }
}
