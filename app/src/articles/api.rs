//! The server functions behind the news pages (`/nyheder`, `/nyheder/{slug}`, tag and issue
//! archives, search, the front page's news) and the staff's article editor.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::{Article, MagazineIssue, Tag};
use crate::{address::PageNumber, forms::FormFeedback, visible::Visible};

/// How many articles a page of the news list shows.
pub const PAGE_SIZE: i64 = 10;

/// One page of a list of articles.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleList {
    pub articles: Vec<Article>,
    /// 1-based.
    pub page: i64,
    pub pages: i64,
    /// The tag the list is narrowed to, if any.
    pub tag: Option<Tag>,
}

/// Page `page` of the published news, optionally only those tagged with a focus area's slug.
/// An unknown tag gives None.
#[server(endpoint = "nyheder")]
pub async fn load_articles(
    page: PageNumber,
    tag: Option<String>,
) -> Result<Option<ArticleList>, ServerFnError> {
    use crate::errors::{db_from_context, internal};
    let db = db_from_context()?;
    let tag = match tag {
        None => None,
        Some(slug) => {
            let areas = db.site().list_focus_areas().await.map_err(internal)?;
            match areas.into_iter().find(|area| area.slug == slug) {
                Some(area) => Some(Tag {
                    id: area.id,
                    slug: area.slug,
                    name: area.name,
                }),
                None => return Ok(None),
            }
        }
    };
    // A bounded page number (at most 10 000), so the offset cannot overflow.
    let page = page.get();
    let (articles, count) = db
        .articles()
        .public_articles(
            crate::clock::now(),
            tag.as_ref().map(|tag| tag.slug.as_str()),
            None,
            PAGE_SIZE,
            (page - 1) * PAGE_SIZE,
        )
        .await
        .map_err(internal)?;
    Ok(Some(ArticleList {
        articles,
        page,
        pages: ((count + PAGE_SIZE - 1) / PAGE_SIZE).max(1),
        tag,
    }))
}

/// A published article with what its page shows beside it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticlePage {
    pub article: Article,
    /// The photos of the journalist's submission it came from, in their order.
    pub photos: Vec<crate::submissions::Photo>,
    /// The journalist's other published articles (path, title), newest first.
    pub more_by_author: Vec<(String, String)>,
}

/// How many of the journalist's other articles an article links to.
#[cfg(feature = "ssr")]
const MORE_BY_AUTHOR: i64 = 5;

/// A published article by its slug; None if there is none (or not yet).
#[server(endpoint = "artikel")]
pub async fn load_article(slug: String) -> Result<Option<ArticlePage>, ServerFnError> {
    use crate::errors::{db_from_context, internal};
    let db = db_from_context()?;
    let now = crate::clock::now();
    let Some(article) = db
        .articles()
        .public_article(&slug, now)
        .await
        .map_err(internal)?
    else {
        return Ok(None);
    };
    let photos = db
        .submissions()
        .photos_of_article(article.id)
        .await
        .map_err(internal)?;
    let more_by_author = match article.author_id {
        Some(author) => db
            .articles()
            .public_by_author(author, article.id, MORE_BY_AUTHOR, now)
            .await
            .map_err(internal)?,
        None => Vec::new(),
    };
    Ok(Some(ArticlePage {
        article,
        photos,
        more_by_author,
    }))
}

/// The published articles matching `query`.
#[server(endpoint = "soeg")]
pub async fn load_search(query: String) -> Result<Vec<Article>, ServerFnError> {
    use crate::errors::{db_from_context, internal};
    // Bounded here too: the server function can be called with a megabyte of terms.
    let query = super::search_terms(&query);
    if query.is_empty() {
        return Ok(Vec::new());
    }
    db_from_context()?
        .articles()
        .search_articles(&query, crate::clock::now())
        .await
        .map_err(internal)
}

/// The magazine's issues, newest first.
#[server(endpoint = "udgaver")]
pub async fn load_issues() -> Result<Vec<MagazineIssue>, ServerFnError> {
    use crate::errors::{db_from_context, internal};
    db_from_context()?
        .articles()
        .magazine_issues()
        .await
        .map_err(internal)
}

/// One issue with its published articles in the magazine's order.
#[server(endpoint = "udgave")]
pub async fn load_issue(
    slug: String,
) -> Result<Option<(MagazineIssue, Vec<Article>)>, ServerFnError> {
    use crate::errors::{db_from_context, internal};
    let db = db_from_context()?;
    let queries = db.articles();
    let found = queries.magazine_issue(&slug).await.map_err(internal)?;
    let Some(issue) = found else {
        return Ok(None);
    };
    let (articles, _) = queries
        .public_articles(crate::clock::now(), None, Some(issue.id), 200, 0)
        .await
        .map_err(internal)?;
    Ok(Some((issue, articles)))
}

/// Every article, for staff.
#[server(prefix = "/personale/api", endpoint = "artikler")]
pub async fn load_staff_articles() -> Result<Vec<Article>, ServerFnError> {
    use crate::errors::{db_from_context, internal};
    crate::accounts::api::require(crate::accounts::Role::Staff)?;
    db_from_context()?
        .articles()
        .all_articles()
        .await
        .map_err(internal)
}

/// What the editor needs: the article (None for a new one) with its form filled in, and the
/// choices of focus areas and issues.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditorData {
    pub article: Option<Article>,
    pub form: FormFeedback,
    pub focus_areas: Vec<(i64, String)>,
    pub issues: Vec<(i64, String)>,
}

/// The editor's data for article `id` (None for a new one), as `service::article` loads it.
#[server(prefix = "/personale/api", endpoint = "artikel")]
pub async fn load_editor(id: Option<i64>) -> Result<Visible<EditorData>, ServerFnError> {
    use crate::errors::{db_from_context, internal, visible};
    crate::accounts::api::require(crate::accounts::Role::Staff)?;
    let db = db_from_context()?;
    let (article, form) = match id {
        None => {
            let mut form = FormFeedback::for_form("article");
            form.keep("status", "draft");
            (None, form)
        }
        Some(id) => match super::service::article(&db, id).await {
            Ok(article) => {
                let form = super::service::ArticleForm::feedback_from(&article);
                (Some(article), form)
            }
            Err(refused) => return visible::<EditorData>(Err(refused)),
        },
    };
    Ok(Visible::Shown(EditorData {
        article,
        form,
        focus_areas: db.site().focus_area_choices().await.map_err(internal)?,
        issues: db.articles().issue_choices().await.map_err(internal)?,
    }))
}

/// The issue form's data for issue `id` (None for a new one), as `service::issue` loads it.
#[server(prefix = "/personale/api", endpoint = "udgave")]
pub async fn load_issue_editor(
    id: Option<i64>,
) -> Result<Visible<(Option<MagazineIssue>, FormFeedback)>, ServerFnError> {
    use crate::errors::{db_from_context, visible};
    crate::accounts::api::require(crate::accounts::Role::Staff)?;
    let Some(id) = id else {
        return Ok(Visible::Shown((None, FormFeedback::for_form("issue"))));
    };
    let issue = super::service::issue(&db_from_context()?, id).await;
    visible(issue.map(|issue| {
        let form = super::service::IssueForm::feedback_from(&issue);
        (Some(issue), form)
    }))
}
