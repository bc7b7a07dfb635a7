//! What the journalist's form and the staff's review do: check the input with a Danish
//! message by each field, store a new photo, move the submission on, and write the email to the
//! other side. The server turns a refusal into the page again with what was typed.

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::{
    emails::{handover, Handover},
    queries::DraftChange,
    Step, Submission, MAX_PHOTOS,
};
use crate::{
    accounts::{service::Links, Viewer},
    articles::{markdown, queries::NewArticle, ArticleStatus, PREVIEW},
    calendar::service::slugify,
    db::Db,
    errors::Refusal,
    forms::{ticked, FormFeedback},
    i18n::Lang,
    images::{CoverForm, Processed},
    mail::OutgoingEmail,
};

const MAX_TITLE: usize = 200;
const MAX_CAPTION: usize = 500;
const MAX_MESSAGE: usize = 5_000;

/// The journalist's form as posted. A submission's photos each post their id, caption and
/// description (in the same order); one new photo comes in the `photo` file field.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct SubmissionForm {
    /// Posted as `heading`: a control named `title` would hide the form's own `title`.
    #[serde(rename = "heading")]
    pub title: String,
    pub body: String,
    /// The people recognisable in the photos agreed (for children, their parents).
    #[serde(deserialize_with = "ticked")]
    pub consent: bool,
    pub photo_id: Vec<i64>,
    pub photo_caption: Vec<String>,
    pub photo_alt: Vec<String>,
    /// The ids of the photos ticked for removal.
    pub remove_photo: Vec<i64>,
    pub new_caption: String,
    pub new_alt: String,
    /// "preview", "save" or "send" (posted as `intent`, as `action` would hide the form's
    /// own `action`).
    #[serde(rename = "intent")]
    pub action: String,
    /// The new photo, processed, if a file was chosen.
    #[serde(skip)]
    pub photo_file: Option<Processed>,
}

impl SubmissionForm {
    /// The form filled in from a saved submission.
    pub fn feedback_from(submission: &Submission) -> FormFeedback {
        let mut feedback = FormFeedback::for_form("submission");
        feedback
            .keep("heading", &submission.title)
            .keep("body", &submission.body)
            .keep("consent", if submission.consent { "on" } else { "" });
        for photo in &submission.photos {
            feedback
                .keep(&format!("photo_caption_{}", photo.id), &photo.caption)
                .keep(&format!("photo_alt_{}", photo.id), &photo.alt);
        }
        feedback
    }

    /// The captions and descriptions posted for the submission's photos, by photo id.
    fn photo_texts(&self) -> Vec<(i64, String, String)> {
        self.photo_id
            .iter()
            .enumerate()
            .map(|(n, id)| {
                let text = |list: &[String]| list.get(n).map(|t| t.trim().to_owned());
                (
                    *id,
                    text(&self.photo_caption).unwrap_or_default(),
                    text(&self.photo_alt).unwrap_or_default(),
                )
            })
            .collect()
    }
}

impl CoverForm for SubmissionForm {
    fn set_cover(&mut self, file: Option<Processed>) {
        self.photo_file = file;
    }

    fn kept(&self) -> FormFeedback {
        let mut feedback = FormFeedback::for_form("submission");
        feedback
            .keep("heading", &self.title)
            .keep("body", &self.body)
            .keep("consent", if self.consent { "on" } else { "" })
            .keep("new_caption", &self.new_caption)
            .keep("new_alt", &self.new_alt);
        for (id, caption, alt) in self.photo_texts() {
            feedback
                .keep(&format!("photo_caption_{id}"), &caption)
                .keep(&format!("photo_alt_{id}"), &alt);
        }
        feedback
    }

    fn photo_too_large(&self, lang: Lang) -> Refusal {
        let mut kept = self.kept();
        kept.error("photo", lang.text("image-too-large"));
        kept.into()
    }
}

/// Checks a submission's title (required, not too long) and text (not too long, not nested too
/// deep), and gives the text's cleaned HTML.
async fn check_text(lang: Lang, title: &str, body: &str, feedback: &mut FormFeedback) -> String {
    if title.is_empty() {
        feedback.error("heading", lang.text("submission-title-missing"));
    } else if title.chars().count() > MAX_TITLE {
        feedback.error("heading", lang.text("article-title-too-long"));
    }
    markdown::check_body(lang, body, feedback).await
}

/// The form again with the text as readers will see it.
pub async fn preview(lang: Lang, form: &SubmissionForm) -> FormFeedback {
    let mut feedback = form.kept();
    let html = markdown::check_body(lang, &form.body, &mut feedback).await;
    feedback.keep(PREVIEW, &html);
    feedback
}

/// Cleans, once, the text of every submission saved before texts were stored cleaned (run at
/// start). A text nested too deep to clean is kept as plain text.
pub async fn clean_stored_texts(db: &Db) -> Result<(), sqlx::Error> {
    loop {
        let submissions = db.submissions().uncleaned(100).await?;
        if submissions.is_empty() {
            return Ok(());
        }
        for (id, body) in submissions {
            let html = match markdown::clean(&body).await {
                Ok(html) => html,
                Err(markdown::TooDeep) => format!("<p>{}</p>", ammonia::clean_text(&body)),
            };
            db.submissions().set_body_html(id, &html).await?;
        }
    }
}

/// Checks and saves the journalist's form (`existing`: the submission being edited, which must be
/// theirs and editable); with `send` it goes to staff, who get an email. Returns the submission's
/// id, or None if the submission can no longer be changed.
pub async fn save(
    db: &Db,
    lang: Lang,
    links: &Links<'_>,
    author: &Viewer,
    form: &SubmissionForm,
    existing: Option<&Submission>,
    now: DateTime<Utc>,
) -> Result<Option<i64>, Refusal> {
    let send = form.action == "send";
    let mut feedback = form.kept();
    let title = form.title.trim();
    let body_html = check_text(lang, title, &form.body, &mut feedback).await;
    // Only the submission's own photos can be changed or removed.
    let own: Vec<i64> = existing
        .map(|submission| submission.photos.iter().map(|photo| photo.id).collect())
        .unwrap_or_default();
    let photos: Vec<(i64, String, String)> = form
        .photo_texts()
        .into_iter()
        .filter(|(id, _, _)| own.contains(id) && !form.remove_photo.contains(id))
        .collect();
    for (id, caption, alt) in &photos {
        if alt.is_empty() {
            feedback.error(
                &format!("photo_alt_{id}"),
                lang.text("submission-photo-alt-missing"),
            );
        }
        if caption.chars().count() > MAX_CAPTION || alt.chars().count() > MAX_CAPTION {
            feedback.error(
                &format!("photo_alt_{id}"),
                lang.text("submission-photo-text-too-long"),
            );
        }
    }
    let kept_count = own
        .iter()
        .filter(|id| !form.remove_photo.contains(id))
        .count();
    let new_variants = match &form.photo_file {
        Some(Ok(_)) if kept_count >= MAX_PHOTOS => {
            feedback.error("photo", lang.text("submission-photo-too-many"));
            None
        }
        Some(Ok(variants)) => {
            if form.new_alt.trim().is_empty() {
                feedback.error("new_alt", lang.text("submission-photo-alt-missing"));
            }
            Some(variants.clone())
        }
        Some(Err(refused)) => {
            feedback.error("photo", lang.text(refused.key()));
            None
        }
        None => None,
    };
    if form.new_caption.chars().count() > MAX_CAPTION || form.new_alt.chars().count() > MAX_CAPTION
    {
        feedback.error("new_alt", lang.text("submission-photo-text-too-long"));
    }
    let photo_count = kept_count + usize::from(form.photo_file.is_some());
    if photo_count > 0 && !form.consent {
        feedback.error("consent", lang.text("submission-consent-missing"));
    }
    if send && form.body.trim().is_empty() && kept_count + usize::from(new_variants.is_some()) == 0
    {
        feedback.error("body", lang.text("submission-empty"));
    }
    if !feedback.is_ok() {
        return Err(feedback.into());
    }
    let new_photo = match new_variants {
        Some(variants) => Some((
            db.images()
                .save_image(Some(author.id), &variants, now)
                .await?,
            form.new_caption.trim().to_owned(),
            form.new_alt.trim().to_owned(),
        )),
        None => None,
    };
    let change = DraftChange {
        title: title.to_owned(),
        body: form.body.clone(),
        body_html,
        consent: form.consent,
        photos,
        removed: form.remove_photo.clone(),
        new_photo,
    };
    let staff = if send {
        db.submissions().staff_to_notify().await?
    } else {
        Vec::new()
    };
    let emails = |id: i64, again: bool| -> Vec<OutgoingEmail> {
        staff
            .iter()
            .map(|to| {
                // To staff, whose pages and emails are Danish whatever language the journalist
                // writes from.
                handover(
                    Lang::DA,
                    Handover::Sent { again },
                    to,
                    links.site_name,
                    title,
                    &author.name,
                    "",
                    &links.url(&super::review_path(id)),
                )
            })
            .collect()
    };
    db.submissions()
        .save_draft(
            existing.map(|submission| submission.id),
            author.id,
            &change,
            send.then_some(&emails as &(dyn Fn(i64, bool) -> Vec<OutgoingEmail> + Sync)),
            now,
        )
        .await
        .map_err(|err| match &err {
            // Another upload filled the submission since the form counted its photos.
            sqlx::Error::Database(refused) if refused.message().contains(super::PHOTO_LIMIT) => {
                let mut kept = form.kept();
                kept.error("photo", lang.text("submission-photo-too-many"));
                kept.into()
            }
            _ => Refusal::from(err),
        })
}

/// What staff (or the journalist) write in the thread (`message`), and what staff write when
/// they ask for changes (`changes`) or reject a submission (`reason`): one field per form, each
/// with its own name so the review page's fields have ids of their own.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct MessageForm {
    #[serde(alias = "changes", alias = "reason")]
    pub message: String,
}

/// Checks a message posted in field `field` of form `form`: required (`missing` is the key
/// of the message when empty), and not endless.
fn message_of(
    lang: Lang,
    (form, field): (&'static str, &str),
    message: &str,
    missing: &str,
) -> Result<String, Refusal> {
    let text = message.trim();
    let mut feedback = FormFeedback::for_form(form);
    feedback.keep(field, message);
    if text.is_empty() {
        feedback.error(field, lang.text(missing));
    } else if text.chars().count() > MAX_MESSAGE {
        feedback.error(field, lang.text("submission-message-too-long"));
    }
    if feedback.is_ok() {
        Ok(text.to_owned())
    } else {
        Err(feedback.into())
    }
}

/// The email to the journalist about `submission`, leading to `path`, in the language the
/// journalist chose.
fn to_author(
    links: &Links<'_>,
    submission: &Submission,
    kind: Handover,
    message: &str,
    path: &str,
) -> OutgoingEmail {
    handover(
        submission.author_lang,
        kind,
        &submission.author_email,
        links.site_name,
        &submission.title,
        &submission.author_name,
        message,
        // The page in the journalist's language (an article's address has one too).
        &links.url(&submission.author_lang.address(path)),
    )
}

/// A comment in the submission's thread by `actor` (staff, or the journalist on their own
/// submission). The journalist gets an email when staff write; false if the submission is gone.
pub async fn comment(
    db: &Db,
    lang: Lang,
    links: &Links<'_>,
    actor: &Viewer,
    submission: &Submission,
    form: &MessageForm,
    now: DateTime<Utc>,
) -> Result<bool, Refusal> {
    let text = message_of(
        lang,
        ("comment", "message"),
        &form.message,
        "submission-comment-missing",
    )?;
    let emails: Vec<OutgoingEmail> = (actor.id != submission.author_id)
        .then(|| {
            to_author(
                links,
                submission,
                Handover::Comment,
                &text,
                &super::own_path(submission.id),
            )
        })
        .into_iter()
        .collect();
    Ok(db
        .submissions()
        .comment(submission.id, actor.id, &text, &emails, now)
        .await?)
}

/// Staff ask for changes (`Step::AskChanges`) or reject the submission (`Step::Reject`), saying
/// what or why; the journalist gets an email. False if the submission is not waiting for that.
#[allow(clippy::too_many_arguments)] // The same context as `comment`, and the step.
pub async fn review(
    db: &Db,
    lang: Lang,
    links: &Links<'_>,
    staff: &Viewer,
    submission: &Submission,
    step: Step,
    form: &MessageForm,
    now: DateTime<Utc>,
) -> Result<bool, Refusal> {
    let (form_and_field, missing, kind) = match step {
        Step::Reject => (
            ("reject", "reason"),
            "submission-reason-missing",
            Handover::Rejected,
        ),
        _ => (
            ("changes", "changes"),
            "submission-changes-missing",
            Handover::Changes,
        ),
    };
    let text = message_of(lang, form_and_field, &form.message, missing)?;
    let email = to_author(
        links,
        submission,
        kind,
        &text,
        &super::own_path(submission.id),
    );
    Ok(db
        .submissions()
        .review(submission.id, staff.id, step, &text, &[email], now)
        .await?)
}

/// The staff's publishing form: the submission as they may have edited it, and the magazine
/// issue to place it in.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct PublishForm {
    #[serde(rename = "heading")]
    pub title: String,
    pub lead: String,
    pub body: String,
    pub issue: String,
}

impl PublishForm {
    /// The form filled in from the submission as the journalist sent it.
    pub fn feedback_from(submission: &Submission) -> FormFeedback {
        let mut feedback = FormFeedback::for_form("publish");
        feedback
            .keep("heading", &submission.title)
            .keep("body", &submission.body);
        feedback
    }
}

/// Publishes the submission as an article now, under the journalist's name, with its first photo
/// as the cover; the journalist gets an email. Returns the article's page, or None if the
/// submission is not waiting for a decision.
pub async fn publish(
    db: &Db,
    lang: Lang,
    links: &Links<'_>,
    staff: &Viewer,
    submission: &Submission,
    form: &PublishForm,
    now: DateTime<Utc>,
) -> Result<Option<String>, Refusal> {
    let mut feedback = FormFeedback::for_form("publish");
    feedback
        .keep("heading", &form.title)
        .keep("lead", &form.lead)
        .keep("body", &form.body)
        .keep("issue", &form.issue);
    let title = form.title.trim();
    let body_html = check_text(lang, title, &form.body, &mut feedback).await;
    if form.lead.chars().count() > 1000 {
        feedback.error("lead", lang.text("article-lead-too-long"));
    }
    let issue_id = match form.issue.trim() {
        "" => None,
        id => match id.parse::<i64>() {
            Ok(id) if db.articles().magazine_issue_by_id(id).await?.is_some() => Some(id),
            _ => {
                feedback.error("issue", lang.text("submission-issue-unknown"));
                None
            }
        },
    };
    let base = slugify(title);
    if !title.is_empty() && base.is_empty() {
        feedback.error("heading", lang.text("activity-slug-invalid"));
    }
    if !feedback.is_ok() {
        return Err(feedback.into());
    }
    // The first free slug of `base`, `base-2`, `base-3`, …
    let mut slug = base.clone();
    let mut n = 1;
    while db.articles().article_slug_taken(&slug, None).await? {
        n += 1;
        if n > 1000 {
            return Err(Refusal::internal("no free slug for a submission"));
        }
        slug = format!("{base}-{n}");
    }
    let cover = submission.photos.first();
    let article = NewArticle {
        slug: slug.clone(),
        title: title.to_owned(),
        lead: form.lead.trim().to_owned(),
        body: form.body.clone(),
        body_html,
        byline: submission.author_name.clone(),
        status: ArticleStatus::Published,
        publish_at: Some(now),
        issue_id,
        issue_position: 0,
        tag_ids: Vec::new(),
        cover_image_id: cover.map(|photo| photo.image.id),
        cover_alt: cover.map(|photo| photo.alt.clone()).unwrap_or_default(),
    };
    let path = crate::articles::path_of(&slug);
    let email = to_author(links, submission, Handover::Published, "", &path);
    let published = db
        .submissions()
        .publish(submission.id, staff.id, &article, &[email], now)
        .await?;
    Ok(published.map(|_| path))
}

/// Submission `id` as its journalist's own, which only they see and act on:
/// [`Refusal::NotFound`] when there is none, [`Refusal::Forbidden`] when it is someone else's.
/// The journalist's page and each of their forms load it here.
pub async fn own(db: &Db, viewer: &Viewer, id: i64) -> Result<Submission, Refusal> {
    let submission = db
        .submissions()
        .submission(id)
        .await?
        .ok_or(Refusal::NotFound)?;
    if submission.author_id != viewer.id {
        return Err(Refusal::Forbidden);
    }
    Ok(submission)
}

/// Submission `id` as staff review it: [`Refusal::NotFound`] when there is none, or when it
/// is still a draft, which only its journalist sees. The review page and each of the staff's
/// forms load it here.
pub async fn reviewable(db: &Db, id: i64) -> Result<Submission, Refusal> {
    db.submissions()
        .submission(id)
        .await?
        .filter(|submission| submission.state != super::SubmissionState::Draft)
        .ok_or(Refusal::NotFound)
}
