//! The server functions behind the journalists' area (`/borgerjournalist/api/…`: anyone
//! logged in, and only their own pieces) and the staff's review (`/personale/api/…`: staff).
//! Each checks the caller again, as a server function can be called directly.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::{Submission, SubmissionSummary};
use crate::forms::FormFeedback;

/// How many pieces the review queue lists.
pub const QUEUE_SIZE: i64 = 200;

/// The journalist's page of one piece.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OwnPiece {
    /// Their own piece (None for a new one) and its form.
    Mine {
        piece: Option<Box<Submission>>,
        form: FormFeedback,
    },
    /// Someone else's: the 403 page.
    NotMine,
}

/// The staff's page of one piece.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewData {
    pub piece: Submission,
    /// The publishing form, filled in from the piece.
    pub publish: FormFeedback,
    /// The magazine issues (id, title) to place it in.
    pub issues: Vec<(i64, String)>,
}

/// The logged-in journalist's pieces.
#[server(prefix = "/borgerjournalist/api", endpoint = "indsendelser")]
pub async fn load_my_pieces() -> Result<Vec<SubmissionSummary>, ServerFnError> {
    use crate::errors::{db_from_context, internal};
    let viewer = crate::accounts::api::require(crate::accounts::Role::Journalist)?;
    db_from_context()?
        .submissions()
        .of_author(viewer.id)
        .await
        .map_err(internal)
}

/// The journalist's piece `id` (None: a new one); None if there is no such piece.
#[server(prefix = "/borgerjournalist/api", endpoint = "indsendelse")]
pub async fn load_my_piece(id: Option<i64>) -> Result<Option<OwnPiece>, ServerFnError> {
    use crate::errors::{db_from_context, internal};
    let viewer = crate::accounts::api::require(crate::accounts::Role::Journalist)?;
    let Some(id) = id else {
        return Ok(Some(OwnPiece::Mine {
            piece: None,
            form: FormFeedback::for_form("piece"),
        }));
    };
    let found = db_from_context()?
        .submissions()
        .submission(id)
        .await
        .map_err(internal)?;
    Ok(found.map(|piece| {
        if piece.author_id == viewer.id {
            let form = super::service::PieceForm::feedback_from(&piece);
            OwnPiece::Mine {
                piece: Some(Box::new(piece)),
                form,
            }
        } else {
            OwnPiece::NotMine
        }
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

/// Piece `id` for review; None if there is none (or it is still a draft, which only its
/// journalist sees).
#[server(prefix = "/personale/api", endpoint = "indsendelse")]
pub async fn load_review(id: Option<i64>) -> Result<Option<ReviewData>, ServerFnError> {
    use crate::errors::{db_from_context, internal};
    crate::accounts::api::require(crate::accounts::Role::Staff)?;
    let Some(id) = id else {
        return Ok(None);
    };
    let db = db_from_context()?;
    let piece = db.submissions().submission(id).await.map_err(internal)?;
    let Some(piece) = piece.filter(|piece| piece.state != super::SubmissionState::Draft) else {
        return Ok(None);
    };
    let issues = db.articles().issue_choices().await.map_err(internal)?;
    Ok(Some(ReviewData {
        publish: super::service::PublishForm::feedback_from(&piece),
        piece,
        issues,
    }))
}
