//! The emails of every hand-over of a submission (in Danish to staff, in the journalist's
//! chosen language to the journalist): to staff when a journalist sends it (or
//! sends it again), and to the journalist on a comment, a request for changes, a rejection and
//! publication. Each says in plain words what happened and carries the link to where to act.

use crate::{accounts::emails::compose, i18n::Lang, mail::OutgoingEmail};

/// What the email is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Handover {
    /// To staff: a new submission is waiting (`again`: it was sent once before).
    Sent { again: bool },
    /// To the journalist: staff wrote a comment.
    Comment,
    /// To the journalist: staff ask for changes.
    Changes,
    /// To the journalist: staff said no.
    Rejected,
    /// To the journalist: the submission is published.
    Published,
}

impl Handover {
    /// The keys of the subject, the text and the link's words.
    fn keys(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Handover::Sent { again: false } => (
                "email-submission-sent-subject",
                "email-submission-sent-body",
                "email-submission-open",
            ),
            Handover::Sent { again: true } => (
                "email-submission-resent-subject",
                "email-submission-resent-body",
                "email-submission-open",
            ),
            Handover::Comment => (
                "email-submission-comment-subject",
                "email-submission-comment-body",
                "email-submission-see",
            ),
            Handover::Changes => (
                "email-submission-changes-subject",
                "email-submission-changes-body",
                "email-submission-see",
            ),
            Handover::Rejected => (
                "email-submission-rejected-subject",
                "email-submission-rejected-body",
                "email-submission-see",
            ),
            Handover::Published => (
                "email-submission-published-subject",
                "email-submission-published-body",
                "email-submission-see-article",
            ),
        }
    }
}

/// The email to `to` about submission `title` by `author`; `message` is what staff wrote (the
/// comment, the changes they ask for, the reason), quoted in the email; `link` leads to the
/// submission (or the published article).
#[allow(clippy::too_many_arguments)]
pub fn handover(
    lang: Lang,
    handover: Handover,
    to: &str,
    site_name: &str,
    title: &str,
    author: &str,
    message: &str,
    link: &str,
) -> OutgoingEmail {
    let (subject, body, action) = handover.keys();
    let args = [
        ("title", title.to_owned()),
        ("author", author.to_owned()),
        ("site", site_name.to_owned()),
    ];
    let mut paragraphs = vec![lang.text_with(body, &args)];
    if !message.trim().is_empty() {
        paragraphs.push(format!("»{}«", message.trim()));
    }
    compose(
        lang,
        to,
        lang.text_with(subject, &args),
        &paragraphs,
        lang.text(action),
        link,
        lang.text("email-submission-closing"),
        lang.text_with("email-signature", &[("site", site_name.to_owned())]),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_handover_names_the_submission_quotes_the_message_and_carries_the_link() {
        for handover_kind in [
            Handover::Sent { again: false },
            Handover::Sent { again: true },
            Handover::Comment,
            Handover::Changes,
            Handover::Rejected,
            Handover::Published,
        ] {
            let email = handover(
                Lang::DA,
                handover_kind,
                "a@example.org",
                "Nordby",
                "Sommerfest <i> parken",
                "Amina",
                "Skriv gerne mere om maden",
                "https://x/borgerjournalist/indsendelser/7",
            );
            assert!(email.subject.contains("Sommerfest"), "{handover_kind:?}");
            assert!(email
                .text
                .contains("https://x/borgerjournalist/indsendelser/7"));
            assert!(email.text.contains("Skriv gerne mere om maden"));
            assert!(!email.html.contains("<i> parken"), "escaped in HTML");
            assert!(!email.text.contains("{"), "no Fluent placeables left");
        }
    }
}
