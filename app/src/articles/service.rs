//! What the staff's article editor does: load the article it edits, check the form with a
//! Danish message per field, and turn it into an article to save or to preview; and the same
//! for the magazine's issues.

use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::Copenhagen;
use serde::Deserialize;

use super::{
    markdown::{self, check_body},
    queries::{NewArticle, NewIssue},
    Article, ArticleStatus, MagazineIssue, PREVIEW,
};
use crate::{
    calendar::service::slugify,
    db::Db,
    errors::Refusal,
    forms::{ticked, FormFeedback},
    i18n::Lang,
    images::{process::Variant, CoverForm, Processed},
};

/// The editor's fields as posted.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ArticleForm {
    /// Posted as `heading`: a form control named `title` would hide the form's own `title`.
    #[serde(rename = "heading")]
    pub title: String,
    pub slug: String,
    pub lead: String,
    pub body: String,
    pub byline: String,
    /// "draft", "published", "scheduled" or "unpublished".
    pub status: String,
    pub publish_date: String,
    pub publish_time: String,
    pub issue: String,
    pub issue_position: String,
    /// The ids of the ticked focus areas (the checkbox `omraade` repeats once per area).
    #[serde(rename = "omraade")]
    pub tags: Vec<i64>,
    /// "preview" to see the article before saving it. Posted as `intent`: a button named
    /// `action` would hide the form's own `action`.
    #[serde(rename = "intent")]
    pub action: String,
    pub cover_alt: String,
    /// Ticked to remove the cover image.
    #[serde(deserialize_with = "ticked")]
    pub remove_cover: bool,
    /// The uploaded cover file, if one was chosen (the handler fills it in from the upload).
    #[serde(skip)]
    pub cover_file: Option<Processed>,
}

const MAX_TITLE: usize = 200;
const MAX_LEAD: usize = 1000;
/// The longest description of a photo: a sentence or two, read aloud to those who cannot see it
/// and shown where a link is shared.
const MAX_ALT: usize = 300;

impl ArticleForm {
    /// The form filled in from a saved article.
    pub fn feedback_from(article: &Article) -> FormFeedback {
        let mut feedback = FormFeedback::for_form("article");
        let (date, time) = article
            .publish_at
            .map(|at| {
                let local = at.with_timezone(&Copenhagen);
                (
                    local.format("%Y-%m-%d").to_string(),
                    local.format("%H:%M").to_string(),
                )
            })
            .unwrap_or_default();
        let tags: Vec<String> = article.tags.iter().map(|tag| tag.id.to_string()).collect();
        feedback
            .keep("heading", &article.title)
            .keep("slug", &article.slug)
            .keep("lead", &article.lead)
            .keep("body", &article.body)
            .keep("byline", &article.byline)
            .keep("status", article.status.as_str())
            .keep("publish_date", &date)
            .keep("publish_time", &time)
            .keep("omraade", &tags.join(","))
            .keep("cover_alt", &article.cover_alt)
            .keep(
                "issue",
                &article
                    .issue
                    .as_ref()
                    .map(|issue| issue.id.to_string())
                    .unwrap_or_default(),
            );
        feedback
    }

    fn keep_all(&self, feedback: &mut FormFeedback) {
        let tags: Vec<String> = self.tags.iter().map(i64::to_string).collect();
        feedback
            .keep("heading", &self.title)
            .keep("slug", &self.slug)
            .keep("lead", &self.lead)
            .keep("body", &self.body)
            .keep("byline", &self.byline)
            .keep("status", &self.status)
            .keep("publish_date", &self.publish_date)
            .keep("publish_time", &self.publish_time)
            .keep("issue", &self.issue)
            .keep("issue_position", &self.issue_position)
            .keep("cover_alt", &self.cover_alt)
            .keep("omraade", &tags.join(","));
    }
}

/// Article `id` for its editor: [`Refusal::NotFound`] when there is none. The editor's page,
/// its form and the delete page load it here.
pub async fn article(db: &Db, id: i64) -> Result<Article, Refusal> {
    db.articles()
        .article_by_id(id)
        .await?
        .ok_or(Refusal::NotFound)
}

/// Magazine issue `id` for its editor: [`Refusal::NotFound`] when there is none.
pub async fn issue(db: &Db, id: i64) -> Result<MagazineIssue, Refusal> {
    db.articles()
        .magazine_issue_by_id(id)
        .await?
        .ok_or(Refusal::NotFound)
}

/// Checks the form and saves the article (with its new cover image, if one was uploaded);
/// returns its id, or None if the article being edited is gone.
pub async fn save(
    db: &Db,
    lang: Lang,
    actor_id: i64,
    form: &ArticleForm,
    existing: Option<&Article>,
    now: DateTime<Utc>,
) -> Result<Option<i64>, Refusal> {
    let (mut article, variants) = check(db, lang, form, existing, now).await?;
    if let Some(variants) = variants {
        article.cover_image_id = Some(
            db.images()
                .save_image(Some(actor_id), &variants, now)
                .await?,
        );
    }
    // The slug was free when checked; another save may have taken it since.
    db.articles()
        .save_article(Some(actor_id), existing.map(|a| a.id), &article, now)
        .await
        .map_err(|err| {
            Refusal::slug_taken_or_internal(err, || {
                let mut feedback = FormFeedback::for_form("article");
                form.keep_all(&mut feedback);
                feedback.error("slug", lang.text("article-slug-taken"));
                feedback
            })
        })
}

/// Checks the form: the article to save, and the variants of a newly uploaded cover (stored by
/// [`save`] only when everything else is right too). `existing` is the article being edited
/// (its first publishing time and its cover are kept).
pub async fn check(
    db: &Db,
    lang: Lang,
    form: &ArticleForm,
    existing: Option<&Article>,
    now: DateTime<Utc>,
) -> Result<(NewArticle, Option<Vec<Variant>>), Refusal> {
    let mut feedback = FormFeedback::for_form("article");
    form.keep_all(&mut feedback);
    let title = form.title.trim();
    let slug = match title_and_slug(
        lang,
        title,
        &form.slug,
        "article-title-missing",
        &mut feedback,
    ) {
        Some(slug)
            if db
                .articles()
                .article_slug_taken(&slug, existing.map(|article| article.id))
                .await? =>
        {
            feedback.error("slug", lang.text("article-slug-taken"));
            slug
        }
        slug => slug.unwrap_or_default(),
    };
    if form.lead.chars().count() > MAX_LEAD {
        feedback.error("lead", lang.text("article-lead-too-long"));
    }
    let body_html = check_body(lang, &form.body, &mut feedback).await;
    let status = ArticleStatus::parse(&form.status);
    if status.is_none() {
        feedback.error("status", lang.text("article-status-missing"));
    }
    let scheduled_at = match status {
        Some(ArticleStatus::Scheduled) => {
            let date = NaiveDate::parse_from_str(form.publish_date.trim(), "%Y-%m-%d").ok();
            let time = NaiveTime::parse_from_str(form.publish_time.trim(), "%H:%M").ok();
            match (date, time) {
                (Some(date), Some(time)) => Copenhagen
                    .from_local_datetime(&date.and_time(time))
                    .earliest()
                    .map(|at| at.with_timezone(&Utc)),
                (date, time) => {
                    if date.is_none() {
                        feedback.error("publish_date", lang.text("date-invalid"));
                    }
                    if time.is_none() {
                        feedback.error("publish_time", lang.text("time-invalid"));
                    }
                    None
                }
            }
        }
        _ => None,
    };
    let kept_cover = existing
        .and_then(|article| article.cover.as_ref())
        .filter(|_| !form.remove_cover)
        .map(|cover| cover.id);
    let (variants, kept_cover) = cover_of(
        lang,
        &form.cover_file,
        kept_cover,
        &form.cover_alt,
        &mut feedback,
    );
    let has_cover = variants.is_some() || kept_cover.is_some();
    let issue_id = match form.issue.trim() {
        "" => None,
        id => id.parse::<i64>().ok(),
    };
    let issue_position = form.issue_position.trim().parse::<i64>().unwrap_or(0);
    let Some(status) = status.filter(|_| feedback.is_ok()) else {
        return Err(feedback.into());
    };
    let publish_at = match status {
        ArticleStatus::Scheduled => scheduled_at,
        // Published again, it keeps the time it first appeared.
        ArticleStatus::Published => Some(
            existing
                .and_then(|article| article.publish_at)
                .filter(|at| *at <= now)
                .unwrap_or(now),
        ),
        ArticleStatus::Draft | ArticleStatus::Unpublished => {
            existing.and_then(|article| article.publish_at)
        }
    };
    let article = NewArticle {
        slug,
        title: title.to_owned(),
        lead: form.lead.trim().to_owned(),
        body: form.body.clone(),
        body_html,
        byline: form.byline.trim().to_owned(),
        status,
        publish_at,
        issue_id,
        issue_position,
        tag_ids: form.tags.clone(),
        cover_image_id: kept_cover,
        cover_alt: if has_cover {
            form.cover_alt.trim().to_owned()
        } else {
            String::new()
        },
    };
    Ok((article, variants))
}

/// Deletes an article; false if there is no such article.
pub async fn delete(db: &Db, actor_id: i64, id: i64, now: DateTime<Utc>) -> Result<bool, Refusal> {
    Ok(db
        .articles()
        .delete_article(Some(actor_id), id, now)
        .await?)
}

impl CoverForm for ArticleForm {
    fn set_cover(&mut self, file: Option<Processed>) {
        self.cover_file = file;
    }

    fn kept(&self) -> FormFeedback {
        let mut feedback = FormFeedback::for_form("article");
        self.keep_all(&mut feedback);
        feedback
    }
}

/// The editor again with what was typed and the article's sanitized HTML to look at.
pub async fn preview(lang: Lang, form: &ArticleForm) -> FormFeedback {
    let mut feedback = form.kept();
    let html = markdown::check_body(lang, &form.body, &mut feedback).await;
    feedback.keep(PREVIEW, &html);
    feedback
}

/// The magazine issue form as posted.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct IssueForm {
    /// Posted as `heading`, like the article's title.
    #[serde(rename = "heading")]
    pub title: String,
    pub slug: String,
    pub published_on: String,
    pub intro: String,
    pub cover_alt: String,
    #[serde(deserialize_with = "ticked")]
    pub remove_cover: bool,
    /// The uploaded cover file, if one was chosen.
    #[serde(skip)]
    pub cover_file: Option<Processed>,
}

impl CoverForm for IssueForm {
    fn set_cover(&mut self, file: Option<Processed>) {
        self.cover_file = file;
    }

    fn kept(&self) -> FormFeedback {
        let mut feedback = FormFeedback::for_form("issue");
        feedback
            .keep("heading", &self.title)
            .keep("slug", &self.slug)
            .keep("published_on", &self.published_on)
            .keep("intro", &self.intro)
            .keep("cover_alt", &self.cover_alt);
        feedback
    }
}

impl IssueForm {
    /// The form filled in from a saved issue.
    pub fn feedback_from(issue: &MagazineIssue) -> FormFeedback {
        IssueForm {
            title: issue.title.clone(),
            slug: issue.slug.clone(),
            published_on: issue.published_on.to_string(),
            intro: issue.intro.clone(),
            cover_alt: issue.cover_alt.clone(),
            ..IssueForm::default()
        }
        .kept()
    }
}

/// Checks a title (`missing` is the message's key when there is none) and makes its slug from
/// the slug field, or from the title when that is empty. Returns the slug to look up, or None
/// when there is none to check.
fn title_and_slug(
    lang: Lang,
    title: &str,
    slug: &str,
    missing: &str,
    feedback: &mut FormFeedback,
) -> Option<String> {
    if title.is_empty() {
        feedback.error("heading", lang.text(missing));
    } else if title.chars().count() > MAX_TITLE {
        feedback.error("heading", lang.text("article-title-too-long"));
    }
    let slug = slugify(if slug.trim().is_empty() { title } else { slug });
    if !title.is_empty() && slug.is_empty() {
        feedback.error("slug", lang.text("activity-slug-invalid"));
    }
    (!slug.is_empty()).then_some(slug)
}

/// The cover of a form: a new upload's variants, or the kept cover's id; a message on `cover`
/// for a refused file and on `cover_alt` for a cover without a description or with one over
/// [`MAX_ALT`] characters.
pub(crate) fn cover_of(
    lang: Lang,
    file: &Option<Processed>,
    kept: Option<i64>,
    alt: &str,
    feedback: &mut FormFeedback,
) -> (Option<Vec<Variant>>, Option<i64>) {
    let new = match file {
        Some(Ok(variants)) => Some(variants.clone()),
        Some(Err(refused)) => {
            feedback.error("cover", lang.text(refused.key()));
            None
        }
        None => None,
    };
    if (new.is_some() || kept.is_some()) && alt.trim().is_empty() {
        feedback.error("cover_alt", lang.text("article-cover-alt-missing"));
    } else if alt.chars().count() > MAX_ALT {
        feedback.error(
            "cover_alt",
            lang.text_with_values("article-cover-alt-too-long", &[("max", MAX_ALT.into())]),
        );
    }
    (new, kept)
}

/// Checks the issue form and saves the issue with its new cover; returns its id, or None if the
/// issue being edited is gone.
pub async fn save_issue(
    db: &Db,
    lang: Lang,
    actor_id: i64,
    form: &IssueForm,
    existing: Option<&MagazineIssue>,
    now: DateTime<Utc>,
) -> Result<Option<i64>, Refusal> {
    let mut feedback = form.kept();
    let title = form.title.trim();
    let slug = match title_and_slug(
        lang,
        title,
        &form.slug,
        "issue-title-missing",
        &mut feedback,
    ) {
        Some(slug)
            if db
                .articles()
                .issue_slug_taken(&slug, existing.map(|issue| issue.id))
                .await? =>
        {
            feedback.error("slug", lang.text("issue-slug-taken"));
            slug
        }
        slug => slug.unwrap_or_default(),
    };
    let published_on = NaiveDate::parse_from_str(form.published_on.trim(), "%Y-%m-%d").ok();
    if published_on.is_none() {
        feedback.error("published_on", lang.text("date-invalid"));
    }
    if form.intro.chars().count() > MAX_LEAD {
        feedback.error("intro", lang.text("article-lead-too-long"));
    }
    let kept_cover = existing
        .and_then(|issue| issue.cover.as_ref())
        .filter(|_| !form.remove_cover)
        .map(|cover| cover.id);
    let (new_cover, kept_cover) = cover_of(
        lang,
        &form.cover_file,
        kept_cover,
        &form.cover_alt,
        &mut feedback,
    );
    let Some(published_on) = published_on.filter(|_| feedback.is_ok()) else {
        return Err(feedback.into());
    };
    let cover_image_id = match new_cover {
        Some(variants) => Some(
            db.images()
                .save_image(Some(actor_id), &variants, now)
                .await?,
        ),
        None => kept_cover,
    };
    let issue = NewIssue {
        slug,
        title: title.to_owned(),
        published_on,
        intro: form.intro.trim().to_owned(),
        cover_image_id,
        cover_alt: if cover_image_id.is_some() {
            form.cover_alt.trim().to_owned()
        } else {
            String::new()
        },
    };
    // The slug was free when checked; another save may have taken it since.
    db.articles()
        .save_magazine_issue(Some(actor_id), existing.map(|issue| issue.id), &issue, now)
        .await
        .map_err(|err| {
            Refusal::slug_taken_or_internal(err, || {
                let mut feedback = form.kept();
                feedback.error("slug", lang.text("issue-slug-taken"));
                feedback
            })
        })
}
