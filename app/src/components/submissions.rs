//! The parts of a citizen journalist's submission that both the journalist's pages and the staff's
//! review show: the list of submissions, a submission as sent, and its history with the
//! conversation.

use leptos::prelude::*;

use crate::{
    components::photos::PhotoGallery,
    dates::moment_text,
    forms::{feedback_for, ErrorSummary, FormFeedback, FormFields, TextArea},
    i18n::{t, t_values, t_with},
    submissions::{
        own_path, review_path, Event, EventKind, Submission, SubmissionState, SubmissionSummary,
    },
};

/// The Danish name of a submission's state.
pub fn state_label(state: SubmissionState) -> String {
    t(state.label_key())
}

/// A list of submissions, each linking to `href(id)`, with its state, photos and newest comment.
#[component]
pub fn SubmissionList(submissions: Vec<SubmissionSummary>, staff: bool) -> impl IntoView {
    let items = submissions
        .into_iter()
        .map(|submission| {
            let href = if staff {
                review_path(submission.id)
            } else {
                own_path(submission.id)
            };
            let title = if submission.title.is_empty() {
                t("submission-untitled")
            } else {
                submission.title.clone()
            };
            let mut facts = vec![state_label(submission.state)];
            if staff {
                facts.push(submission.author_name.clone());
            }
            if submission.photos > 0 {
                facts.push(t_values(
                    "submission-photo-count",
                    &[("count", submission.photos.into())],
                ));
            }
            facts.push(moment_text(submission.updated_at));
            let comment = submission.newest_comment.map(|comment| {
                view! { <p class="submission-comment">{t("submission-newest-comment")} " " <q>{comment}</q></p> }
            });
            view! {
                <li>
                    <a href=href>{title}</a>
                    <p class="muted">{facts.join(" · ")}</p>
                    {comment}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="link-list">{items}</ul> }
}

/// A submission as sent: its title, text and photos.
#[component]
pub fn SubmissionText(submission: Submission) -> impl IntoView {
    view! {
        <section class="submission" aria-labelledby="submission-title">
            <h2 id="submission-title">{submission.title.clone()}</h2>
            <p class="byline">
                {t_with("news-byline", &[("name", submission.author_name.clone())])}
            </p>
            // Sanitized by ammonia when read (`submissions::queries`).
            <div class="article__body" inner_html=submission.body_html.clone()></div>
            <PhotoGallery photos=submission.photos.clone() />
        </section>
    }
}

/// The history of a submission and its conversation, oldest first, with the form to write in it
/// (posting to `action`).
#[component]
pub fn Thread(events: Vec<Event>, action: String) -> impl IntoView {
    let posted = feedback_for("comment");
    let items = events
        .into_iter()
        .map(|event| {
            let who = if event.actor.is_empty() {
                t("submission-someone")
            } else {
                event.actor.clone()
            };
            let line = t_with(event.kind.label_key(), &[("who", who)]);
            let text = (!event.text.is_empty()).then(|| {
                view! { <p class="thread__text">{event.text.clone()}</p> }
            });
            let said = matches!(
                event.kind,
                EventKind::Comment | EventKind::Changes | EventKind::Rejected
            );
            view! {
                <li class="thread__item" class:thread__item--staff=event.by_staff class:thread__item--said=said>
                    <p class="thread__meta">
                        <strong>{line}</strong>
                        " · "
                        {moment_text(event.at)}
                    </p>
                    {text}
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="thread-title">
            <h2 id="thread-title">{t("submission-thread")}</h2>
            <ol class="thread">{items}</ol>
            <ErrorSummary feedback=posted.clone() />
            <form method="post" action=action class="form">
                <FormFields feedback=posted.unwrap_or_else(|| FormFeedback::for_form("comment"))>
                    <TextArea name="message" label=t("submission-comment-field") />
                    <button type="submit" class="button">
                        {t("submission-comment-submit")}
                    </button>
                </FormFields>
            </form>
        </section>
    }
}
