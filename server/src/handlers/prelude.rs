//! What the handler modules have in common: the extractors, the error type, the responses. Each
//! handler module takes all of it with `use super::prelude::*;`.

pub use app::clock;
pub use axum::{
    response::{IntoResponse, Redirect, Response},
    routing::{get, post},
    Router,
};

pub use crate::{
    errors::{show_page, within_limit, OnPage, PageError},
    extract::{Admin, ClientIp, Ctx, Editing, LoggedIn, Params, PostedForm, Staff, UploadForm},
    state::AppState,
};
