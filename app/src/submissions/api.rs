//! The server functions behind the journalists' area (`/borgerjournalist/api/…`: anyone
//! logged in, and only their own submissions) and the staff's review (`/personale/api/…`: staff).
//! Each checks the caller again, as a server function can be called directly.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::{Submission, SubmissionSummary};
use crate::{forms::FormFeedback, visible::Visible};

/// How many submissions the review queue lists.
pub const QUEUE_SIZE: i64 = 200;

/// The journalist's page of one of their submissions: the submission (None for a new one) and its
/// form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnSubmission {
    pub submission: Option<Box<Submission>>,
    pub form: FormFeedback,
}

/// The staff's page of one submission.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewData {
    pub submission: Submission,
    /// The publishing form, filled in from the submission.
    pub publish: FormFeedback,
    /// The magazine issues (id, title) to place it in.
    pub issues: Vec<(i64, String)>,
}

/// The logged-in journalist's submissions.
#[server(prefix = "/borgerjournalist/api", endpoint = "indsendelser")]
pub async fn load_my_submissions() -> Result<Vec<SubmissionSummary>, ServerFnError> {
    use crate::errors::{db_from_context, internal};
    let viewer = crate::accounts::api::require(crate::accounts::Role::Journalist)?;
    db_from_context()?
        .submissions()
        .of_author(viewer.id)
        .await
        .map_err(internal)
}

/// The journalist's submission `id` (None: a new one), as `service::own` loads it.
#[server(prefix = "/borgerjournalist/api", endpoint = "indsendelse")]
pub async fn load_my_submission(id: Option<i64>) -> Result<Visible<OwnSubmission>, ServerFnError> {
    use crate::errors::{db_from_context, visible};
    let viewer = crate::accounts::api::require(crate::accounts::Role::Journalist)?;
    let Some(id) = id else {
        return Ok(Visible::Shown(OwnSubmission {
            submission: None,
            form: FormFeedback::for_form("submission"),
        }));
    };
    let own = super::service::own(&db_from_context()?, &viewer, id).await;
    visible(own.map(|submission| OwnSubmission {
        form: super::service::SubmissionForm::feedback_from(&submission),
        submission: Some(Box::new(submission)),
    }))
}

/// The review queue.
#[server(prefix = "/personale/api", endpoint = "indsendelser")]
pub async fn load_queue() -> Result<Vec<SubmissionSummary>, ServerFnError> {
    use crate::errors::{db_from_context, internal};
    crate::accounts::api::require(crate::accounts::Role::Staff)?;
    db_from_context()?
        .submissions()
        .queue(QUEUE_SIZE)
        .await
        .map_err(internal)
}

/// Submission `id` for review, as `service::reviewable` loads it (a draft only its journalist
/// sees).
#[server(prefix = "/personale/api", endpoint = "indsendelse")]
pub async fn load_review(id: Option<i64>) -> Result<Visible<ReviewData>, ServerFnError> {
    use crate::errors::{db_from_context, visible, Refusal};
    crate::accounts::api::require(crate::accounts::Role::Staff)?;
    let Some(id) = id else {
        return Ok(Visible::NotFound);
    };
    let db = db_from_context()?;
    let loaded = match super::service::reviewable(&db, id).await {
        Ok(submission) => db
            .articles()
            .issue_choices()
            .await
            .map(|issues| (submission, issues))
            .map_err(Refusal::from),
        Err(refused) => Err(refused),
    };
    visible(loaded.map(|(submission, issues)| ReviewData {
        publish: super::service::PublishForm::feedback_from(&submission),
        submission,
        issues,
    }))
}
