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
    forms::{
        feedback_for, notice_from_query, ChoiceGroup, ErrorSummary, Field, FieldKind, FormFeedback,
        FormFields, Notice, SelectField, TextArea,
    },
    i18n::t,
    images::Image,
    pages::{
        data::{edit_page, or_refused, Loaded},
        errors::NotFound,
    },
    shell::IslandScripts,
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
        view! {
            <section class="preview" aria-labelledby="preview-title">
                <h2 id="preview-title">{t("article-preview-title")}</h2>
                <h3>{f.value("heading").unwrap_or_default().to_owned()}</h3>
                <p class="lead">{f.value("lead").unwrap_or_default().to_owned()}</p>
                // Sanitized by ammonia (`articles::service::preview`).
                <div class="article__body" inner_html=html></div>
            </section>
        }
    });
    // Built here, as the island's children take what they hold.
    let body_field = view! {
        <TextArea
            name="body"
            label=t("article-field-body")
            hint=t("article-field-body-hint")
            feedback=f.clone()
        />
    };
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
        <ErrorSummary feedback=posted />
        <form
            method="post"
            action=action
            class="form form--wide"
            enctype="multipart/form-data"
            novalidate
        >
            <FormFields feedback=f.clone()>
                <Field name="heading" label=t("article-field-title") required=true />
                <Field
                    name="slug"
                    label=t("activity-field-slug")
                    hint=t("article-field-slug-hint")
                />
                <TextArea
                    name="lead"
                    label=t("article-field-lead")
                    hint=t("article-field-lead-hint")
                />
                <LivePreview
                    address=PREVIEW_ADDRESS.to_owned()
                    heading=t("article-live-preview-title")
                    failed=t("article-live-preview-failed")
                >
                    {body_field}
                </LivePreview>
                <IslandScripts />
                <Field name="byline" label=t("article-field-byline") />
                <ChoiceGroup
                    name="omraade"
                    legend=t("article-field-tags")
                    options=tags
                    multiple=true
                />
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
                <p class="actions">
                    <button
                        type="submit"
                        name="intent"
                        value="preview"
                        class="button button--secondary"
                    >
                        {t("article-preview")}
                    </button>
                    " "
                    <button type="submit" name="intent" value="save" class="button">
                        {t("article-save")}
                    </button>
                </p>
            </FormFields>
        </form>
        {delete}
    }
    .into_any()
}

/// How long the live preview waits after the last keystroke before it asks the server.
const PREVIEW_PAUSE: std::time::Duration = std::time::Duration::from_millis(400);

/// Where the live preview posts the body's Markdown and gets its sanitized HTML back (staff
/// only, like the editor).
pub const PREVIEW_ADDRESS: &str = "/personale/artikler/forhaandsvisning";

/// The Markdown `body` as readers will see it, from the server; None if it cannot answer
/// (offline, or the session has run out and the address now leads to the login page).
///
/// A plain POST of the text rather than a server function: the islands of every page share
/// one WASM file, and with a server function's client (its URL and JSON encodings and error
/// types) this island added 21 KB (gzip) to it, which took every page over the 100 KB budget;
/// with this request it adds 12 KB (`cargo bench -p server --bench page_weight`).
async fn rendered(address: &str, body: String) -> Option<String> {
    #[cfg(feature = "hydrate")]
    {
        let response = gloo_net::http::Request::post(address)
            .header("content-type", "text/plain; charset=utf-8")
            .body(body)
            .ok()?
            .send()
            .await
            .ok()?;
        if !response.ok() || response.redirected() {
            return None;
        }
        response.text().await.ok()
    }
    // Islands only ask from the browser; the server never runs this.
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (address, body);
        None
    }
}

/// The body field with its text shown as readers will see it, redrawn shortly after the writer
/// stops typing. The Markdown is rendered and sanitized on the server (at `address`:
/// [`PREVIEW_ADDRESS`] for staff, the journalists' own for them), the same way as when the
/// article is saved, so the browser needs no Markdown code of its own. Without JavaScript only
/// the field is there, and the preview button does the same job.
#[island]
pub fn LivePreview(
    address: String,
    heading: String,
    failed: String,
    children: Children,
) -> impl IntoView {
    let address = StoredValue::new(address);
    // None until there is something to show.
    let (html, set_html) = signal(None::<String>);
    let (broken, set_broken) = signal(false);
    // Answers can arrive out of order: only the newest request's answer is shown.
    let newest = StoredValue::new(0_u64);
    let waiting = StoredValue::new(None::<TimeoutHandle>);
    let wrapper = NodeRef::<leptos::html::Div>::new();

    let render = move |body: String| {
        newest.update_value(|count| *count += 1);
        let ticket = newest.get_value();
        leptos::task::spawn_local(async move {
            let answer = rendered(&address.get_value(), body).await;
            if newest.get_value() != ticket {
                return;
            }
            match answer {
                Some(html) => {
                    set_broken.set(false);
                    set_html.set(Some(html));
                }
                None => {
                    set_broken.set(true);
                    set_html.set(None);
                }
            }
        });
    };
    // Once the island wakes up, show the text the field already holds.
    Effect::new(move |_| {
        use leptos::wasm_bindgen::JsCast;
        let field = wrapper
            .get()
            .and_then(|wrapper| wrapper.query_selector("textarea").ok().flatten());
        if let Some(field) = field {
            let body = field
                .unchecked_into::<leptos::web_sys::HtmlTextAreaElement>()
                .value();
            if !body.trim().is_empty() {
                render(body);
            }
        }
    });
    // Typing bubbles `input` events up from the field to this wrapper.
    let typed = move |event: leptos::ev::Event| {
        let body = event_target_value(&event);
        if let Some(handle) = waiting.get_value() {
            handle.clear();
        }
        waiting.set_value(set_timeout_with_handle(move || render(body), PREVIEW_PAUSE).ok());
    };
    let shown = move || html.with(Option::is_some) || broken.get();
    // Marks the island as awake once it runs in the browser (the browser tests wait for it).
    let (awake, set_awake) = signal(false);
    Effect::new(move |_| set_awake.set(true));
    view! {
        <div class="live-preview" class:island--awake=move || awake.get() node_ref=wrapper on:input=typed>
            {children()}
            <section class="preview" aria-labelledby="live-preview-title" hidden=move || !shown()>
                <h2 id="live-preview-title">{heading}</h2>
                <p class="field__error" hidden=move || !broken.get()>
                    {failed}
                </p>
                <div class="article__body" inner_html=move || html.get().unwrap_or_default()></div>
            </section>
        </div>
    }
}

/// The cover image of an article or issue: the current one (with a box to remove it), a file to
/// choose, and its description.
#[component]
fn CoverField(current: Option<Image>, feedback: FormFeedback) -> impl IntoView {
    let current = current.map(|cover| {
        let height = (200 * cover.height / cover.width.max(1)).to_string();
        view! {
            <figure class="cover-current">
                <img src=cover.src(400) alt=t("article-current-cover") width="200" height=height />
                <div class="choice">
                    <input type="checkbox" id="remove_cover" name="remove_cover" value="on" />
                    <label for="remove_cover">{t("article-remove-cover")}</label>
                </div>
            </figure>
        }
    });
    let error = feedback.error_for("cover").map(str::to_owned);
    let described = if error.is_some() {
        "cover-hint cover-error"
    } else {
        "cover-hint"
    };
    view! {
        <fieldset class="group">
            <legend>{t("article-field-cover")}</legend>
            {current}
            <div class="field" class:field--error=error.is_some()>
                <label for="cover">{t("article-field-cover-file")}</label>
                <p class="field__hint" id="cover-hint">{t("article-field-cover-hint")}</p>
                {error.clone().map(|error| view! { <p class="field__error" id="cover-error">{error}</p> })}
                <input type="file" id="cover" name="cover" accept="image/jpeg,image/png,image/webp,image/gif"
                    aria-describedby=described aria-invalid=error.is_some().then_some("true") />
            </div>
            <Field name="cover_alt" label=t("article-field-cover-alt") hint=t("article-field-cover-alt-hint") feedback />
        </fieldset>
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
        <ErrorSummary feedback=posted />
        <form
            method="post"
            action=action
            class="form form--wide"
            enctype="multipart/form-data"
            novalidate
        >
            <FormFields feedback=f.clone()>
                <Field
                    name="heading"
                    label=t("issue-field-title")
                    hint=t("issue-field-title-hint")
                    required=true
                />
                <Field
                    name="slug"
                    label=t("activity-field-slug")
                    hint=t("article-field-slug-hint")
                />
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
            </FormFields>
        </form>
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
