//! The server function behind the private page of a sign-up (`/tilmelding/{token}`): anyone
//! with the link may see it, nobody without it can find it.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::Signup;
use crate::{
    calendar::{Activity, Occurrence},
    visible::Visible,
};

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

/// The sign-up of a private link, as `service::linked` loads it.
#[server(endpoint = "tilmelding")]
pub async fn load_signup(token: String) -> Result<Visible<SignupPage>, ServerFnError> {
    use crate::{
        clock,
        errors::{db_from_context, visible},
    };
    let linked = super::service::linked(&db_from_context()?, &token).await;
    visible(linked.map(|linked| {
        SignupPage {
            can_change: linked
                .signup
                .can_change(&linked.occurrence, clock::local(clock::now())),
            activity: linked.activity,
            occurrence: linked.occurrence,
            signup: linked.signup,
        }
    }))
}
