//! The articles' addresses beyond their pages: the staff's article and issue editors (which
//! take a photo), `/feed.xml` (Atom, built with the `atom_syndication` crate), `/sitemap.xml`
//! (every public page, for search engines), the images `/billeder/{id}/{width}.jpg`, and the
//! HTML the editor's live preview asks for.

use app::{
    accounts::Viewer,
    articles::{
        service::{self as articles, ArticleForm, IssueForm},
        Article,
    },
    components::live_preview::PREVIEW_ADDRESS,
    i18n::Lang,
    images::CoverForm,
};
use atom_syndication::{Content, Entry, Feed, Link, Person, Text};
use axum::{
    http::{header, HeaderMap, StatusCode},
    Extension,
};

use super::prelude::*;
use crate::access::{allows, Requirement};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/feed.xml", get(atom_feed))
        .route("/sitemap.xml", get(sitemap))
        .route("/billeder/{id}/{file}", get(image))
        .route(PREVIEW_ADDRESS, post(preview))
        .route("/personale/artikler/ny", post(save_article))
        .route("/personale/artikler/{id}", post(save_article))
        .route("/personale/artikler/{id}/slet", post(delete_article))
        .route("/personale/udgaver/ny", post(save_issue))
        .route("/personale/udgaver/{id}", post(save_issue))
}

/// What both editors do first: load the thing being changed with `load` (or answer with its
/// refusal's page), work out the editor's page under `base`, and take the form with its photo
/// (or show the editor again if the photo was too large).
async fn open_editor<T, F: CoverForm>(
    cx: &Ctx,
    editing: Editing,
    base: &str,
    upload: UploadForm<F>,
    load: impl AsyncFnOnce(i64) -> Result<T, app::errors::Refusal>,
) -> Result<(Option<T>, String, F), PageError> {
    let existing = editing.existing(load).await?;
    let page = editing.page(base);
    let form = upload.with_cover(cx.lang, &page).await?;
    Ok((existing, page, form))
}

/// Saves an article from the editor, or shows the editor again with a preview.
async fn save_article(
    cx: Ctx,
    staff: Staff,
    editing: Editing,
    upload: UploadForm<ArticleForm>,
) -> Result<Response, PageError> {
    let load = async |id| articles::article(&cx.db, id).await;
    let (existing, page, form) =
        open_editor(&cx, editing, "/personale/artikler", upload, load).await?;
    if form.action == "preview" {
        return Ok(show_page(
            &page,
            Some(articles::preview(cx.lang, &form).await),
            StatusCode::OK,
        ));
    }
    let id = articles::save(
        &cx.db,
        cx.lang,
        staff.id,
        &form,
        existing.as_ref(),
        clock::now(),
    )
    .await
    .on_page(&page)?
    .ok_or(PageError::NotFound)?;
    Ok(Redirect::to(&format!("/personale/artikler/{id}?besked=gemt")).into_response())
}

async fn delete_article(
    cx: Ctx,
    staff: Staff,
    Params(id): Params<i64>,
) -> Result<Redirect, PageError> {
    let deleted = articles::delete(&cx.db, staff.id, id, clock::now())
        .await
        .on_page("/personale/artikler")?;
    if !deleted {
        return Err(PageError::NotFound);
    }
    Ok(Redirect::to("/personale/artikler?besked=slettet"))
}

/// Saves a magazine issue from its form.
async fn save_issue(
    cx: Ctx,
    staff: Staff,
    editing: Editing,
    upload: UploadForm<IssueForm>,
) -> Result<Redirect, PageError> {
    let load = async |id| articles::issue(&cx.db, id).await;
    let (existing, page, form) =
        open_editor(&cx, editing, "/personale/udgaver", upload, load).await?;
    let saved = articles::save_issue(
        &cx.db,
        cx.lang,
        staff.id,
        &form,
        existing.as_ref(),
        clock::now(),
    );
    let id = saved.await.on_page(&page)?.ok_or(PageError::NotFound)?;
    Ok(Redirect::to(&format!(
        "/personale/udgaver/{id}?besked=gemt"
    )))
}

/// `POST /personale/artikler/forhaandsvisning` (staff only, by the access check): the
/// Markdown in the request's body as the article page will show it, sanitized the same way as
/// when an article is saved. The editor's live preview island asks for it while staff type.
async fn preview(cx: Ctx, _: Staff, body: String) -> Response {
    (
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        app::articles::markdown::live_preview(cx.lang, &body).await,
    )
        .into_response()
}

/// How many articles the feed carries.
const FEED_SIZE: i64 = 20;

fn base(state: &AppState) -> String {
    state.public_url.as_str().trim_end_matches('/').to_owned()
}

fn entry(base: &str, organisation: &str, article: &Article) -> Entry {
    let url = format!("{base}{}", article.path());
    let published = article.publish_at.unwrap_or(article.updated_at);
    let author = if article.byline.is_empty() {
        organisation
    } else {
        &article.byline
    };
    let mut content = Content::default();
    content.set_content_type(Some("html".to_owned()));
    content.set_value(Some(article.body_html.clone()));
    let mut entry = Entry::default();
    entry.set_id(url.clone());
    entry.set_title(Text::plain(article.title.clone()));
    entry.set_updated(article.updated_at.max(published).fixed_offset());
    entry.set_published(Some(published.fixed_offset()));
    entry.set_summary(Some(Text::plain(article.lead.clone())));
    entry.set_content(Some(content));
    entry.set_authors(vec![Person {
        name: author.to_owned(),
        ..Person::default()
    }]);
    entry.set_links(vec![Link {
        href: url,
        rel: "alternate".to_owned(),
        ..Link::default()
    }]);
    entry
}

/// `/feed.xml`: the latest published articles.
async fn atom_feed(cx: Ctx) -> Result<Response, PageError> {
    let now = clock::now();
    let (articles, _) = cx
        .db
        .articles()
        .public_articles(now, None, None, FEED_SIZE, 0)
        .await?;
    let base = base(&cx);
    let mut feed = Feed::default();
    feed.set_id(format!("{base}/feed.xml"));
    feed.set_title(Text::plain(
        cx.lang
            .text_with("feed-title", &[("site", cx.site.name.clone())]),
    ));
    feed.set_lang(Some("da".to_owned()));
    feed.set_updated(
        articles
            .iter()
            .map(|article| article.updated_at)
            .max()
            .unwrap_or(now)
            .fixed_offset(),
    );
    feed.set_links(vec![
        Link {
            href: format!("{base}/feed.xml"),
            rel: "self".to_owned(),
            ..Link::default()
        },
        Link {
            href: format!("{base}/nyheder"),
            rel: "alternate".to_owned(),
            ..Link::default()
        },
    ]);
    feed.set_entries(
        articles
            .iter()
            .map(|article| entry(&base, &cx.site.organisation, article))
            .collect::<Vec<_>>(),
    );
    Ok((
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        feed.to_string(),
    )
        .into_response())
}

/// `/sitemap.xml`: the public pages and every published article and issue, in every language.
async fn sitemap(cx: Ctx) -> Result<Response, PageError> {
    let articles = cx.db.articles().public_article_slugs(clock::now()).await?;
    let issues = cx.db.articles().magazine_issues().await?;
    let base = base(&cx);
    let mut paths: Vec<String> = [
        "/",
        "/nyheder",
        "/kalender",
        "/nordbyposten",
        "/was",
        "/privatliv",
    ]
    .iter()
    .map(|path| (*path).to_owned())
    .collect();
    paths.extend(articles.iter().map(|slug| app::articles::path_of(slug)));
    paths.extend(
        issues
            .iter()
            .map(|issue| format!("/nordbyposten/{}", issue.slug)),
    );
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let url = |lang: Lang, path: &str| {
        quick_xml::escape::escape(format!("{base}{}", lang.address(path))).into_owned()
    };
    // Every page in every language, each naming all of its languages (`hreflang`), as the
    // pages' own alternates do.
    for path in paths {
        let alternates: String = Lang::all()
            .map(|lang| {
                format!(
                    "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                    lang.code(),
                    url(lang, &path)
                )
            })
            .collect();
        for lang in Lang::all() {
            xml.push_str(&format!(
                "<url><loc>{}</loc>{alternates}</url>\n",
                url(lang, &path)
            ));
        }
    }
    xml.push_str("</urlset>\n");
    Ok((
        [(header::CONTENT_TYPE, "application/xml; charset=utf-8")],
        xml,
    )
        .into_response())
}

/// `/billeder/{id}/{width}.jpg`: one stored variant, while something residents see uses the
/// image (a published article's or a magazine issue's cover, a published submission's photo). A
/// variant never changes, so browsers may keep a public one for a year; the ETag answers a
/// revalidation with 304. Staff also see the others (a draft's cover, a taken-down article's,
/// a submission's under review), and a journalist the photos they uploaded, never cached, so
/// nothing keeps them once they are gone; everyone else gets the 404 page for those.
async fn image(
    cx: Ctx,
    viewer: Option<Extension<Viewer>>,
    Params((id, file)): Params<(i64, String)>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let width = file
        .strip_suffix(".jpg")
        .and_then(|width| width.parse::<i64>().ok())
        .ok_or(PageError::NotFound)?;
    let variant = cx
        .db
        .images()
        .image_variant(id, width, clock::now())
        .await?
        .ok_or(PageError::NotFound)?;
    let cache = if variant.public {
        "public, max-age=31536000, immutable"
    } else if allows(Requirement::Staff, viewer.as_deref())
        || viewer
            .as_deref()
            .is_some_and(|viewer| variant.uploaded_by == Some(viewer.id))
    {
        "private, no-store"
    } else {
        return Err(PageError::NotFound);
    };
    let etag = format!("\"{}\"", variant.etag);
    let matches = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.split(',').any(|tag| tag.trim() == etag));
    if matches {
        return Ok((
            StatusCode::NOT_MODIFIED,
            [
                (header::ETAG, etag),
                (header::CACHE_CONTROL, cache.to_owned()),
            ],
        )
            .into_response());
    }
    Ok((
        [
            (header::CONTENT_TYPE, "image/jpeg".to_owned()),
            (header::ETAG, etag),
            (header::CACHE_CONTROL, cache.to_owned()),
        ],
        variant.data,
    )
        .into_response())
}
