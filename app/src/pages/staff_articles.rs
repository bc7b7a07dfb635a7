//! The staff's article pages: `/personale/artikler` (every article with its status),
//! `/personale/artikler/ny` and `/personale/artikler/{id}` (the editor, with a preview button
//! that works without JavaScript), `/personale/artikler/{id}/slet` (deleting, after a
//! confirmation), and the magazine's issues under `/personale/udgaver`.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    articles::{
        api::{load_editor, load_staff_articles, EditorData},
        Article, ArticleStatus, PREVIEW,
    },
    components::{
        data::{edit_page, or_refused, Loaded},
        errors::NotFound,
        live_preview::{BodyField, PostedPreview, PREVIEW_ADDRESS},
        photos::CoverField,
    },
    forms::{
        feedback_for, notice_from_query, ChoiceGroup, Field, FieldKind, FormFeedback,
        IntentButtons, Notice, SelectField, TextArea, UploadForm,
    },
    i18n::t,
};

fn status_label(article: &Article) -> String {
    match article.status {
        ArticleStatus::Draft => t("article-status-draft"),
        ArticleStatus::Scheduled if article.is_public(crate::clock::now()) => {
            t("article-status-published")
        }
        ArticleStatus::Scheduled => t("article-status-scheduled"),
        ArticleStatus::Published => t("article-status-published"),
        ArticleStatus::Unpublished => t("article-status-unpublished"),
    }
}

/// `/personale/artikler`.
#[component]
pub fn StaffArticlesPage() -> impl IntoView {
    let data = OnceResource::new_blocking(load_staff_articles());
    let show = |articles: Vec<Article>| {
        if articles.is_empty() {
            return view! { <p>{t("news-empty")}</p> }.into_any();
        }
        let items = articles
            .into_iter()
            .map(|article| {
                let href = format!("/personale/artikler/{}", article.id);
                let status = status_label(&article);
                view! {
                    <li>
                        <a href=href>{article.title.clone()}</a>
                        <p class="muted">{status}</p>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="link-list">{items}</ul> }.into_any()
    };
    let notice = notice_from_query(&[("slettet", "notice-article-deleted")]);
    view! {
        <Title text=t("staff-articles-title") />
        <h1>{t("staff-articles-title")}</h1>
        <Notice text=notice />
        <p>
            <a href="/personale/artikler/ny" class="button">
                {t("staff-article-new")}
            </a>
        </p>
        <Loaded data show />
    }
}

/// `/personale/artikler/ny` and `/personale/artikler/{id}`.
#[component]
pub fn ArticleEditorPage() -> impl IntoView {
    edit_page(|id| {
        let data = OnceResource::new_blocking(load_editor(id));
        view! { <Loaded data show=or_refused(|data| view! { <Editor data /> }) /> }
    })
}

#[component]
fn Editor(data: EditorData) -> impl IntoView {
    let posted = feedback_for("article");
    let f = posted.clone().unwrap_or(data.form);
    let preview = f.value(PREVIEW).map(str::to_owned);
    let notice = notice_from_query(&[("gemt", "notice-article-saved")]);
    let (title, action, public, delete) = match &data.article {
        Some(article) => (
            article.title.clone(),
            format!("/personale/artikler/{}", article.id),
            article
                .is_public(crate::clock::now())
                .then(|| article.path()),
            Some(format!("/personale/artikler/{}/slet", article.id)),
        ),
        None => (
            t("staff-article-new"),
            "/personale/artikler/ny".to_owned(),
            None,
            None,
        ),
    };
    let tags: Vec<(String, String)> = data
        .focus_areas
        .iter()
        .map(|(id, name)| (id.to_string(), name.clone()))
        .collect();
    let issues: Vec<(String, String)> = std::iter::once((String::new(), t("article-no-issue")))
        .chain(
            data.issues
                .iter()
                .map(|(id, title)| (id.to_string(), title.clone())),
        )
        .collect();
    let statuses = vec![
        ("draft".to_owned(), t("article-status-draft")),
        ("published".to_owned(), t("article-publish-now")),
        ("scheduled".to_owned(), t("article-publish-later")),
        ("unpublished".to_owned(), t("article-status-unpublished")),
    ];
    let preview = preview.map(|html| {
        let heading = f.value("heading").unwrap_or_default().to_owned();
        let lead = Some(f.value("lead").unwrap_or_default().to_owned());
        view! { <PostedPreview heading lead html /> }
    });
    let public = public.map(|href| {
        view! {
            <p>
                <a href=href>{t("article-see-public")}</a>
            </p>
        }
    });
    let current_cover = data
        .article
        .as_ref()
        .and_then(|article| article.cover.clone());
    let delete = delete.map(|href| {
        view! {
            <p>
                <a href=href class="button button--secondary">
                    {t("article-delete")}
                </a>
            </p>
        }
    });
    view! {
        <Title text=title.clone() />
        <p>
            <a href="/personale/artikler">{t("staff-articles-back")}</a>
        </p>
        <h1>{title}</h1>
        <Notice text=notice />
        {public}
        {preview}
        <UploadForm action posted feedback=f.clone()>
            <Field name="heading" label=t("article-field-title") required=true />
            <Field name="slug" label=t("activity-field-slug") hint=t("article-field-slug-hint") />
            <TextArea name="lead" label=t("article-field-lead") hint=t("article-field-lead-hint") />
            <BodyField
                address=PREVIEW_ADDRESS
                label=t("article-field-body")
                hint=t("article-field-body-hint")
                feedback=f.clone()
            />
            <Field name="byline" label=t("article-field-byline") />
            <ChoiceGroup name="omraade" legend=t("article-field-tags") options=tags multiple=true />
            <CoverField current=current_cover feedback=f.clone() />
            <SelectField name="issue" label=t("article-field-issue") options=issues />
            <Field
                name="issue_position"
                label=t("article-field-issue-position")
                kind=FieldKind::Number
            />
            <fieldset class="group">
                <legend>{t("article-publishing")}</legend>
                <ChoiceGroup name="status" legend=t("article-field-status") options=statuses />
                <Field
                    name="publish_date"
                    label=t("article-field-publish-date")
                    kind=FieldKind::Date
                />
                <Field
                    name="publish_time"
                    label=t("article-field-publish-time")
                    kind=FieldKind::Time
                    hint=t("time-hint")
                />
            </fieldset>
            <IntentButtons buttons=vec![
                ("preview", t("article-preview")),
                ("save", t("article-save")),
            ] />
        </UploadForm>
        {delete}
    }
    .into_any()
}

/// `/personale/udgaver`: the magazine's issues.
#[component]
pub fn StaffIssuesPage() -> impl IntoView {
    let data = OnceResource::new_blocking(crate::articles::api::load_issues());
    let show = |issues: Vec<crate::articles::MagazineIssue>| {
        if issues.is_empty() {
            return view! { <p>{t("magazine-empty")}</p> }.into_any();
        }
        let items = issues
            .into_iter()
            .map(|issue| {
                let href = format!("/personale/udgaver/{}", issue.id);
                view! {
                    <li>
                        <a href=href>{issue.title}</a>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="link-list">{items}</ul> }.into_any()
    };
    view! {
        <Title text=t("staff-issues-title") />
        <h1>{t("staff-issues-title")}</h1>
        <p>
            <a href="/personale/udgaver/ny" class="button">
                {t("staff-issue-new")}
            </a>
        </p>
        <Loaded data show />
    }
}

/// `/personale/udgaver/ny` and `/personale/udgaver/{id}`.
#[component]
pub fn IssueEditorPage() -> impl IntoView {
    edit_page(|id| {
        let data = OnceResource::new_blocking(crate::articles::api::load_issue_editor(id));
        let show = or_refused(|(issue, form)| view! { <IssueEditor issue form /> });
        view! { <Loaded data show /> }
    })
}

#[component]
fn IssueEditor(issue: Option<crate::articles::MagazineIssue>, form: FormFeedback) -> impl IntoView {
    let posted = feedback_for("issue");
    let f = posted.clone().unwrap_or(form);
    let notice = notice_from_query(&[("gemt", "notice-issue-saved")]);
    let (title, action, public) = match &issue {
        Some(issue) => (
            issue.title.clone(),
            format!("/personale/udgaver/{}", issue.id),
            Some(format!("/nordbyposten/{}", issue.slug)),
        ),
        None => (
            t("staff-issue-new"),
            "/personale/udgaver/ny".to_owned(),
            None,
        ),
    };
    let public = public.map(|href| {
        view! {
            <p>
                <a href=href>{t("issue-see-public")}</a>
            </p>
        }
    });
    let cover = issue.and_then(|issue| issue.cover);
    view! {
        <Title text=title.clone() />
        <p>
            <a href="/personale/udgaver">{t("staff-issues-back")}</a>
        </p>
        <h1>{title}</h1>
        <Notice text=notice />
        {public}
        <UploadForm action posted feedback=f.clone()>
            <Field
                name="heading"
                label=t("issue-field-title")
                hint=t("issue-field-title-hint")
                required=true
            />
            <Field name="slug" label=t("activity-field-slug") hint=t("article-field-slug-hint") />
            <Field
                name="published_on"
                label=t("issue-field-published-on")
                kind=FieldKind::Date
                required=true
            />
            <TextArea name="intro" label=t("issue-field-intro") />
            <CoverField current=cover feedback=f />
            <button type="submit" class="button">
                {t("issue-save")}
            </button>
        </UploadForm>
    }
    .into_any()
}

/// `/personale/artikler/{id}/slet`: are you sure?
#[component]
pub fn DeleteArticlePage() -> impl IntoView {
    edit_page(delete_article)
}

fn delete_article(id: Option<i64>) -> impl IntoView {
    let data = OnceResource::new_blocking(load_editor(id));
    // Without an article (an id that is not a number) there is nothing to delete: 404 too.
    let show = or_refused(|data: EditorData| {
        let Some(article) = data.article else {
            return view! { <NotFound /> }.into_any();
        };
        let action = format!("/personale/artikler/{}/slet", article.id);
        let back = format!("/personale/artikler/{}", article.id);
        view! {
            <Title text=t("article-delete") />
            <h1>{t("article-delete")}</h1>
            <p>
                {crate::i18n::t_with("article-delete-confirm", &[("title", article.title.clone())])}
            </p>
            <form method="post" action=action class="form">
                <button type="submit" class="button">
                    {t("article-delete-yes")}
                </button>
            </form>
            <p>
                <a href=back>{t("article-delete-no")}</a>
            </p>
        }
        .into_any()
    });
    view! { <Loaded data show /> }
}
