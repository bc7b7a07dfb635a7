//! How failures cross the edge: details go to the log, the caller gets a plain message.
//!
//! Residents never see a raw error. A server function maps every internal failure with
//! [`internal`], which logs the cause and returns a message without details; pages then show
//! the friendly Danish error view from `crate::pages::errors`.

use std::fmt::Display;

use leptos::prelude::*;

use crate::db::Db;

/// Logs `err` and returns an error that says nothing about it.
pub fn internal(err: impl Display) -> ServerFnError {
    tracing::error!(error = %err, "request failed");
    ServerFnError::new("internal error")
}

/// The database handle the server put in the request's context.
pub fn db_from_context() -> Result<Db, ServerFnError> {
    use_context::<Db>().ok_or_else(|| internal("no database in the request context"))
}
