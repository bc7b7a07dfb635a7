//! Citizen journalism: a journalist's submission (*indsendelse*) with its text, up to
//! [`MAX_PHOTOS`] photos (each with a caption and a description) and the confirmation that the
//! people in them agreed, on its way from a draft through the staff's review to publication
//! (or rejection), with its history and the conversation between journalist and staff.
//!
//! The states and what may happen in each are plain functions here ([`SubmissionState::after`]),
//! so the rules have one home and their own tests; the queries apply a change only if the
//! submission is still in a state that allows it, so two people acting at once cannot both win.

#[cfg(feature = "ssr")]
pub mod emails;
#[cfg(feature = "ssr")]
pub mod queries;
#[cfg(feature = "ssr")]
pub mod service;

pub mod api;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::images::Image;

/// The most photos one submission may hold.
pub const MAX_PHOTOS: usize = 10;

/// The message with which the database refuses an eleventh photo (see the migration
/// `photo_limit`), also when several uploads race past the form's count.
#[cfg(feature = "ssr")]
pub const PHOTO_LIMIT: &str = "a submission holds at most ten photos";

/// Where a submission stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SubmissionState {
    /// Being written; only the journalist sees it.
    Draft,
    /// Sent for review (for the first time or again); waiting for staff.
    Sent,
    /// Staff asked for changes; the journalist may edit and send it again.
    Changes,
    /// Staff said no, with a reason. Final.
    Rejected,
    /// Published as an article. Final.
    Published,
}

/// What someone does to a submission.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    /// The journalist sends it for review.
    Send,
    /// Staff ask for changes.
    AskChanges,
    Reject,
    Publish,
}

impl SubmissionState {
    pub fn as_str(self) -> &'static str {
        match self {
            SubmissionState::Draft => "draft",
            SubmissionState::Sent => "sent",
            SubmissionState::Changes => "changes",
            SubmissionState::Rejected => "rejected",
            SubmissionState::Published => "published",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        [
            SubmissionState::Draft,
            SubmissionState::Sent,
            SubmissionState::Changes,
            SubmissionState::Rejected,
            SubmissionState::Published,
        ]
        .into_iter()
        .find(|state| state.as_str() == value)
    }

    /// Whether the journalist may change the text and photos: while writing, and when staff
    /// asked for changes.
    pub fn editable(self) -> bool {
        matches!(self, SubmissionState::Draft | SubmissionState::Changes)
    }

    /// The state after `step`, or None if the step is not possible from here.
    pub fn after(self, step: Step) -> Option<SubmissionState> {
        use SubmissionState::*;
        match (self, step) {
            (Draft | Changes, Step::Send) => Some(Sent),
            (Sent, Step::AskChanges) => Some(Changes),
            (Sent | Changes, Step::Reject) => Some(Rejected),
            (Sent | Changes, Step::Publish) => Some(Published),
            _ => None,
        }
    }

    /// Whether staff may still decide (publish or reject): the review page's forms.
    pub fn awaits_decision(self) -> bool {
        self.after(Step::Publish).is_some()
    }

    /// The states `step` may start from (what the queries' `where state in (…)` checks).
    pub fn before(step: Step) -> Vec<SubmissionState> {
        use SubmissionState::*;
        [Draft, Sent, Changes, Rejected, Published]
            .into_iter()
            .filter(|state| state.after(step).is_some())
            .collect()
    }

    /// The key of the state's Danish name.
    pub fn label_key(self) -> &'static str {
        match self {
            SubmissionState::Draft => "submission-state-draft",
            SubmissionState::Sent => "submission-state-sent",
            SubmissionState::Changes => "submission-state-changes",
            SubmissionState::Rejected => "submission-state-rejected",
            SubmissionState::Published => "submission-state-published",
        }
    }
}

/// What a line in a submission's history records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum EventKind {
    Created,
    Sent,
    Comment,
    Changes,
    Rejected,
    Published,
}

impl EventKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Created => "created",
            EventKind::Sent => "sent",
            EventKind::Comment => "comment",
            EventKind::Changes => "changes",
            EventKind::Rejected => "rejected",
            EventKind::Published => "published",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        [
            EventKind::Created,
            EventKind::Sent,
            EventKind::Comment,
            EventKind::Changes,
            EventKind::Rejected,
            EventKind::Published,
        ]
        .into_iter()
        .find(|kind| kind.as_str() == value)
    }

    /// The line a step leaves in the history.
    pub fn of(step: Step) -> Self {
        match step {
            Step::Send => EventKind::Sent,
            Step::AskChanges => EventKind::Changes,
            Step::Reject => EventKind::Rejected,
            Step::Publish => EventKind::Published,
        }
    }

    /// The key of the Danish words for "who did it" (`{ $who }`).
    pub fn label_key(self) -> &'static str {
        match self {
            EventKind::Created => "submission-event-created",
            EventKind::Sent => "submission-event-sent",
            EventKind::Comment => "submission-event-comment",
            EventKind::Changes => "submission-event-changes",
            EventKind::Rejected => "submission-event-rejected",
            EventKind::Published => "submission-event-published",
        }
    }
}

/// A photo of a submission.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Photo {
    /// The photo's own id within its submission (not the image's).
    pub id: i64,
    pub image: Image,
    pub caption: String,
    /// The description for those who cannot see it (alt text).
    pub alt: String,
}

/// One line of a submission's history: who did what and when, with what they wrote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub kind: EventKind,
    /// The name of who did it; empty if their account is gone.
    pub actor: String,
    /// Whether staff did it (for how the thread shows it).
    pub by_staff: bool,
    pub text: String,
    pub at: DateTime<Utc>,
}

/// A submission with everything its pages show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Submission {
    pub id: i64,
    pub author_id: i64,
    pub author_name: String,
    /// Where the emails to the journalist go.
    pub author_email: String,
    /// The language the journalist chose for them.
    pub author_lang: crate::i18n::Lang,
    pub title: String,
    /// The Markdown as written.
    pub body: String,
    /// The body as sanitized HTML, cleaned when saved; safe to insert as it is.
    pub body_html: String,
    pub consent: bool,
    pub state: SubmissionState,
    /// The published article's page, once published.
    pub article_path: Option<String>,
    pub photos: Vec<Photo>,
    /// Oldest first.
    pub events: Vec<Event>,
    pub updated_at: DateTime<Utc>,
}

/// A submission as the lists show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmissionSummary {
    pub id: i64,
    pub title: String,
    pub author_name: String,
    pub state: SubmissionState,
    pub photos: i64,
    pub updated_at: DateTime<Utc>,
    /// The newest comment (or request for changes, or reason for a rejection), if any.
    pub newest_comment: Option<String>,
}

/// How many submissions wait for staff, counted for each request of a staff member (the staff
/// navigation shows it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Waiting(pub i64);

/// The number of submissions waiting for staff, when a staff member's page is being rendered.
pub fn waiting() -> Option<i64> {
    #[cfg(feature = "ssr")]
    {
        leptos::prelude::use_context::<http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<Waiting>().map(|waiting| waiting.0))
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

/// The journalist's page of submission `id`.
pub fn own_path(id: i64) -> String {
    format!("/borgerjournalist/indsendelser/{id}")
}

/// The staff's page of submission `id`.
pub fn review_path(id: i64) -> String {
    format!("/personale/indsendelser/{id}")
}

#[cfg(test)]
mod tests {
    use super::{Step::*, SubmissionState::*, *};

    #[test]
    fn a_submission_goes_from_draft_through_review() {
        assert_eq!(Draft.after(Send), Some(Sent));
        assert_eq!(Sent.after(AskChanges), Some(Changes));
        assert_eq!(Changes.after(Send), Some(Sent));
        assert_eq!(Sent.after(Publish), Some(Published));
        assert_eq!(Changes.after(Reject), Some(Rejected));
    }

    #[test]
    fn drafts_cannot_be_reviewed_and_final_states_stay() {
        for step in [AskChanges, Reject, Publish] {
            assert_eq!(Draft.after(step), None, "{step:?} on a draft");
        }
        for state in [Rejected, Published] {
            for step in [Send, AskChanges, Reject, Publish] {
                assert_eq!(state.after(step), None, "{step:?} on {state:?}");
            }
        }
        assert_eq!(Sent.after(Send), None);
        assert_eq!(Changes.after(AskChanges), None);
    }

    #[test]
    fn only_drafts_and_submissions_with_changes_asked_are_editable() {
        let editable: Vec<_> = [Draft, Sent, Changes, Rejected, Published]
            .into_iter()
            .filter(|state| state.editable())
            .collect();
        assert_eq!(editable, vec![Draft, Changes]);
        assert_eq!(SubmissionState::before(Publish), vec![Sent, Changes]);
        let deciding: Vec<_> = [Draft, Sent, Changes, Rejected, Published]
            .into_iter()
            .filter(|state| state.awaits_decision())
            .collect();
        assert_eq!(deciding, vec![Sent, Changes]);
    }

    #[test]
    fn names_round_trip() {
        for state in [Draft, Sent, Changes, Rejected, Published] {
            assert_eq!(SubmissionState::parse(state.as_str()), Some(state));
        }
        for kind in [
            EventKind::Created,
            EventKind::Sent,
            EventKind::Comment,
            EventKind::Changes,
            EventKind::Rejected,
            EventKind::Published,
        ] {
            assert_eq!(EventKind::parse(kind.as_str()), Some(kind));
        }
    }
}
