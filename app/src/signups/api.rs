//! The server function behind the private page of a sign-up (`/tilmelding/{token}`): anyone
//! with the link may see it, nobody without it can find it.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::Signup;
use crate::calendar::{Activity, Occurrence};

/// What the private page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignupPage {
    pub activity: Activity,
    pub occurrence: Occurrence,
    pub signup: Signup,
    /// Whether the party may still change its size or cancel: not cancelled, and the
    /// occurrence has not started.
    pub can_change: bool,
}

/// The sign-up of a private link; None for an unknown link.
#[server(endpoint = "tilmelding")]
pub async fn load_signup(token: String) -> Result<Option<SignupPage>, ServerFnError> {
    use crate::{
        clock,
        errors::{db_from_context, internal},
    };
    let db = db_from_context()?;
    let Some(linked) = super::service::find_by_link(&db, &token)
        .await
        .map_err(internal)?
    else {
        return Ok(None);
    };
    let can_change = linked
        .signup
        .can_change(&linked.occurrence, clock::local(clock::now()));
    Ok(Some(SignupPage {
        activity: linked.activity,
        occurrence: linked.occurrence,
        signup: linked.signup,
        can_change,
    }))
}
