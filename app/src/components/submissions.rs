//! The parts of a citizen journalist's piece that both the journalist's pages and the staff's
//! review show: the list of pieces, a piece as sent, and its history with the conversation.

use leptos::prelude::*;

use crate::{
    components::photos::PhotoGallery,
    dates::moment_text,
    forms::{feedback_for, ErrorSummary, FormFeedback, FormFields, TextArea},
    i18n::{t, t_with},
    submissions::{
        own_path, review_path, Event, EventKind, Submission, SubmissionState, SubmissionSummary,
    },
};

/// The Danish name of a piece's state.
pub fn state_label(state: SubmissionState) -> String {
    t(state.label_key())
}

/// A list of pieces, each linking to `href(id)`, with its state, photos and newest comment.
#[component]
pub fn PieceList(pieces: Vec<SubmissionSummary>, staff: bool) -> impl IntoView {
    let items = pieces
        .into_iter()
        .map(|piece| {
            let href = if staff {
                review_path(piece.id)
            } else {
                own_path(piece.id)
            };
            let title = if piece.title.is_empty() {
                t("piece-untitled")
            } else {
                piece.title.clone()
            };
            let mut facts = vec![state_label(piece.state)];
            if staff {
                facts.push(piece.author_name.clone());
            }
            if piece.photos > 0 {
                facts.push(t_with(
                    "piece-photo-count",
                    &[("count", piece.photos.to_string())],
                ));
            }
            facts.push(moment_text(piece.updated_at));
            let comment = piece.newest_comment.map(|comment| {
                view! { <p class="piece-comment">{t("piece-newest-comment")} " " <q>{comment}</q></p> }
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

/// A piece as sent: its title, text and photos.
#[component]
pub fn PieceText(piece: Submission) -> impl IntoView {
    view! {
        <section class="piece" aria-labelledby="piece-title">
            <h2 id="piece-title">{piece.title.clone()}</h2>
            <p class="byline">{t_with("news-byline", &[("name", piece.author_name.clone())])}</p>
            // Sanitized by ammonia when read (`submissions::queries`).
            <div class="article__body" inner_html=piece.body_html.clone()></div>
            <PhotoGallery photos=piece.photos.clone() />
        </section>
    }
}

/// The history of a piece and its conversation, oldest first, with the form to write in it
/// (posting to `action`).
#[component]
pub fn Thread(events: Vec<Event>, action: String) -> impl IntoView {
    let posted = feedback_for("comment");
    let items = events
        .into_iter()
        .map(|event| {
            let who = if event.actor.is_empty() {
                t("piece-someone")
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
            <h2 id="thread-title">{t("piece-thread")}</h2>
            <ol class="thread">{items}</ol>
            <ErrorSummary feedback=posted.clone() />
            <form method="post" action=action class="form">
                <FormFields feedback=posted.unwrap_or_else(|| FormFeedback::for_form("comment"))>
                    <TextArea name="message" label=t("piece-comment-field") />
                    <button type="submit" class="button">
                        {t("piece-comment-submit")}
                    </button>
                </FormFields>
            </form>
        </section>
    }
}
