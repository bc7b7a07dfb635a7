//! The news as files: `/feed.xml` (Atom, built with the `atom_syndication` crate),
//! `/sitemap.xml` (every public page, for search engines), the images
//! `/billeder/{id}/{width}.jpg`, and the HTML the editor's live preview asks for.

use app::{articles::Article, i18n::Lang};
use atom_syndication::{Content, Entry, Feed, Link, Person, Text};
use axum::{
    extract::{Path, State},
    http::{header, HeaderMap, StatusCode},
    response::{IntoResponse, Response},
};
use chrono::Utc;

use crate::AppState;

/// `POST /personale/artikler/forhaandsvisning` (staff only, by the access check): the
/// Markdown in the request's body as the article page will show it, sanitized the same way as
/// when an article is saved. The editor's live preview island asks for it while staff type.
pub async fn preview(body: String) -> Response {
    (
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        app::articles::markdown::to_safe_html(&body),
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
pub async fn atom_feed(State(state): State<AppState>) -> Response {
    let now = Utc::now();
    let articles = match state
        .db
        .public_articles(now, None, None, FEED_SIZE, 0)
        .await
    {
        Ok((articles, _)) => articles,
        Err(err) => {
            tracing::error!(error = %err, "could not read the articles for the feed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let base = base(&state);
    let mut feed = Feed::default();
    feed.set_id(format!("{base}/feed.xml"));
    feed.set_title(Text::plain(
        Lang::default().text_with("feed-title", &[("site", state.site.name.clone())]),
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
            .map(|article| entry(&base, &state.site.organisation, article))
            .collect::<Vec<_>>(),
    );
    (
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        feed.to_string(),
    )
        .into_response()
}

/// `/sitemap.xml`: the public pages and every published article and issue.
pub async fn sitemap(State(state): State<AppState>) -> Response {
    let now = Utc::now();
    let found = async {
        let articles = state.db.public_article_slugs(now).await?;
        let issues = state.db.magazine_issues().await?;
        Ok::<_, sqlx::Error>((articles, issues))
    };
    let (articles, issues) = match found.await {
        Ok(found) => found,
        Err(err) => {
            tracing::error!(error = %err, "could not read the pages for the sitemap");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let base = base(&state);
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
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for path in paths {
        let url = format!("{base}{path}");
        xml.push_str(&format!(
            "<url><loc>{}</loc></url>\n",
            quick_xml::escape::escape(url.as_str())
        ));
    }
    xml.push_str("</urlset>\n");
    (
        [(header::CONTENT_TYPE, "application/xml; charset=utf-8")],
        xml,
    )
        .into_response()
}

/// `/billeder/{id}/{width}.jpg`: one stored variant. A variant never changes, so browsers may
/// keep it for a year; the ETag answers a revalidation with 304.
pub async fn image(
    State(state): State<AppState>,
    Path((id, file)): Path<(i64, String)>,
    headers: HeaderMap,
) -> Response {
    let Some(width) = file
        .strip_suffix(".jpg")
        .and_then(|width| width.parse::<i64>().ok())
    else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let (data, etag) = match state.db.image_variant(id, width).await {
        Ok(Some(found)) => found,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(err) => {
            tracing::error!(error = %err, "could not read an image");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let etag = format!("\"{etag}\"");
    let cache = "public, max-age=31536000, immutable";
    let matches = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.split(',').any(|tag| tag.trim() == etag));
    if matches {
        return (
            StatusCode::NOT_MODIFIED,
            [
                (header::ETAG, etag),
                (header::CACHE_CONTROL, cache.to_owned()),
            ],
        )
            .into_response();
    }
    (
        [
            (header::CONTENT_TYPE, "image/jpeg".to_owned()),
            (header::ETAG, etag),
            (header::CACHE_CONTROL, cache.to_owned()),
        ],
        data,
    )
        .into_response()
}
