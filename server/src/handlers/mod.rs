//! The HTTP handlers beyond Leptos's pages and server functions, one module per domain: each
//! domain's form handlers (POST to the address of the form's page) and its other addresses
//! (feeds, exports, images). Each module has a `routes()`; [`routes`] joins them and wraps
//! them in the layer that turns a [`crate::errors::PageError`] into a Danish page.
//!
//! A handler reads as a few `?` lines: extractors (`crate::extract`) check the role and read
//! the form, the domain's `service` does the work, and the handler redirects (303, so a reload
//! does not post again) or returns a `PageError`. They are plain axum handlers rather than
//! Leptos server functions: a form posted without JavaScript must come back as a whole page
//! with what was typed and what to fix, and must be able to set the session cookie.

pub mod accounts;
pub mod articles;
pub mod attendance;
pub mod calendar;
pub mod download;
pub mod figures;
pub mod newsletter;
pub mod plan;
pub mod report;
pub mod signups;
pub mod submissions;
pub mod visits;

mod prelude;

use axum::{middleware, Router};

use crate::{errors::render_error_pages, state::AppState};

/// Every domain's routes, with their errors rendered as pages.
pub fn routes(state: &AppState) -> Router<AppState> {
    Router::new()
        .merge(accounts::routes())
        .merge(articles::routes())
        .merge(attendance::routes())
        .merge(calendar::routes())
        .merge(figures::routes())
        .merge(newsletter::routes())
        .merge(plan::routes())
        .merge(report::routes())
        .merge(signups::routes())
        .merge(submissions::routes())
        .merge(visits::routes())
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            render_error_pages,
        ))
}
