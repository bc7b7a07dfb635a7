//! The articles' and magazine issues' queries, for both backends. Full-text search is the one
//! place where the dialects differ: FTS5 on SQLite, `tsvector` with the Danish configuration on
//! PostgreSQL.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};

use super::{Article, ArticleStatus, IssueRef, MagazineIssue, Tag};
use crate::{
    accounts::queries::audit_in,
    db::{ArticleQueries, Pool, Tx},
    tx_run,
};

#[derive(sqlx::FromRow)]
struct ArticleRow {
    id: i64,
    slug: String,
    title: String,
    lead: String,
    body: String,
    body_html: String,
    byline: String,
    status: String,
    publish_at: Option<DateTime<Utc>>,
    issue_id: Option<i64>,
    issue_slug: Option<String>,
    issue_title: Option<String>,
    cover_image_id: Option<i64>,
    cover_alt: String,
    updated_at: DateTime<Utc>,
    author_id: Option<i64>,
}

const ARTICLE_SELECT: &str = "select a.id, a.slug, a.title, a.lead, a.body, a.body_html, \
    a.byline, a.status, a.publish_at, a.issue_id, i.slug as issue_slug, i.title as issue_title, \
    a.cover_image_id, a.cover_alt, a.updated_at, a.author_id \
    from articles a left join magazine_issues i on i.id = a.issue_id";

/// The condition for what residents see at `$1` (the time now), on articles named `a`.
pub(crate) const PUBLIC: &str =
    "a.status in ('published', 'scheduled') and a.publish_at is not null and a.publish_at <= $1";

/// An article as staff write it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewArticle {
    pub slug: String,
    pub title: String,
    pub lead: String,
    pub body: String,
    pub body_html: String,
    pub byline: String,
    pub status: ArticleStatus,
    pub publish_at: Option<DateTime<Utc>>,
    pub issue_id: Option<i64>,
    pub issue_position: i64,
    pub tag_ids: Vec<i64>,
    pub cover_image_id: Option<i64>,
    pub cover_alt: String,
}

impl NewArticle {
    /// What SQLite's search reads: the stems of the title, lead and body.
    fn search_text(&self) -> String {
        super::search::stems(&format!("{} {} {}", self.title, self.lead, self.body))
    }
}

/// Binds an article's fields as `$1`…`$14` (slug, title, lead, body, body_html, byline, status,
/// publish_at, issue_id, issue_position, search_text, now, cover_image_id, cover_alt): the
/// insert and the update take them in the same order.
macro_rules! bind_article {
    ($query:expr, $article:expr, $search_text:expr, $now:expr) => {
        $query
            .bind(&$article.slug)
            .bind(&$article.title)
            .bind(&$article.lead)
            .bind(&$article.body)
            .bind(&$article.body_html)
            .bind(&$article.byline)
            .bind($article.status.as_str())
            .bind($article.publish_at)
            .bind($article.issue_id)
            .bind($article.issue_position)
            .bind(&$search_text)
            .bind($now)
            .bind($article.cover_image_id)
            .bind(&$article.cover_alt)
    };
}

#[derive(sqlx::FromRow)]
struct IssueRow {
    id: i64,
    slug: String,
    title: String,
    published_on: NaiveDate,
    intro: String,
    cover_image_id: Option<i64>,
    cover_alt: String,
}

const ISSUE_COLUMNS: &str = "id, slug, title, published_on, intro, cover_image_id, cover_alt";

/// A magazine issue as staff write it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewIssue {
    pub slug: String,
    pub title: String,
    pub published_on: NaiveDate,
    pub intro: String,
    pub cover_image_id: Option<i64>,
    pub cover_alt: String,
}

impl ArticleQueries<'_> {
    /// Articles from their rows, with their tags and covers: two queries for the whole list,
    /// not two per article.
    async fn complete(&self, rows: Vec<ArticleRow>) -> Result<Vec<Article>, sqlx::Error> {
        let ids: Vec<i64> = rows.iter().map(|row| row.id).collect();
        let found: Vec<(i64, i64, String, String)> = self
            .db
            .rows_for_ids(
                "select t.article_id, f.id, f.slug, f.name from article_focus_areas t \
                 join focus_areas f on f.id = t.focus_area_id \
                 where t.article_id in ({ids}) order by f.position, f.name",
                &ids,
            )
            .await?;
        let mut tags: HashMap<i64, Vec<Tag>> = HashMap::new();
        for (article, id, slug, name) in found {
            tags.entry(article)
                .or_default()
                .push(Tag { id, slug, name });
        }
        let cover_ids: Vec<i64> = rows.iter().filter_map(|row| row.cover_image_id).collect();
        let covers = self.db.images().images_by_ids(&cover_ids).await?;
        Ok(rows
            .into_iter()
            .map(|row| Article {
                id: row.id,
                slug: row.slug,
                title: row.title,
                lead: row.lead,
                body: row.body,
                body_html: row.body_html,
                byline: row.byline,
                status: ArticleStatus::parse(&row.status).unwrap_or(ArticleStatus::Draft),
                publish_at: row.publish_at,
                tags: tags.remove(&row.id).unwrap_or_default(),
                issue: match (row.issue_id, row.issue_slug, row.issue_title) {
                    (Some(id), Some(slug), Some(title)) => Some(IssueRef { id, slug, title }),
                    _ => None,
                },
                cover: row.cover_image_id.and_then(|id| covers.get(&id).cloned()),
                cover_alt: row.cover_alt,
                updated_at: row.updated_at,
                author_id: row.author_id,
            })
            .collect())
    }

    /// A published article by its slug, as residents see it at `now`.
    pub async fn public_article(
        &self,
        slug: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<Article>, sqlx::Error> {
        let rows: Vec<ArticleRow> = crate::db_run!(self.db, |pool| {
            sqlx::query_as(&format!("{ARTICLE_SELECT} where {PUBLIC} and a.slug = $2"))
                .bind(now)
                .bind(slug)
                .fetch_all(pool)
                .await
        })?;
        Ok(self.complete(rows).await?.pop())
    }

    /// The published articles at `now`, newest first: `limit` of them after skipping `offset`,
    /// and how many there are in all. `tag` (a focus area's slug) and `issue` (an issue's id)
    /// narrow the list.
    pub async fn public_articles(
        &self,
        now: DateTime<Utc>,
        tag: Option<&str>,
        issue: Option<i64>,
        limit: i64,
        offset: i64,
    ) -> Result<(Vec<Article>, i64), sqlx::Error> {
        let filter = format!(
            "{PUBLIC} and ($2 is null or exists (select 1 from article_focus_areas t \
             join focus_areas f on f.id = t.focus_area_id where t.article_id = a.id and f.slug = $2)) \
             and ($3 is null or a.issue_id = $3)"
        );
        // An issue lists its articles in the magazine's order; everything else newest first.
        let order = if issue.is_some() {
            "a.issue_position, a.publish_at"
        } else {
            "a.publish_at desc, a.id desc"
        };
        let (rows, count): (Vec<ArticleRow>, i64) = crate::db_run!(self.db, |pool| {
            let rows = sqlx::query_as(&format!(
                "{ARTICLE_SELECT} where {filter} order by {order} limit $4 offset $5"
            ))
            .bind(now)
            .bind(tag)
            .bind(issue)
            .bind(limit)
            .bind(offset)
            .fetch_all(pool)
            .await?;
            let count =
                sqlx::query_scalar(&format!("select count(*) from articles a where {filter}"))
                    .bind(now)
                    .bind(tag)
                    .bind(issue)
                    .fetch_one(pool)
                    .await?;
            Ok::<_, sqlx::Error>((rows, count))
        })?;
        Ok((self.complete(rows).await?, count))
    }

    /// The slugs of every article published at `now`, newest first: all the sitemap needs,
    /// in one query however many articles there are.
    pub async fn public_article_slugs(
        &self,
        now: DateTime<Utc>,
    ) -> Result<Vec<String>, sqlx::Error> {
        crate::db_run!(self.db, |pool| {
            sqlx::query_scalar(&format!(
                "select a.slug from articles a where {PUBLIC} order by a.publish_at desc, a.id desc"
            ))
            .bind(now)
            .fetch_all(pool)
            .await
        })
    }

    /// The published articles that match `query`, best first (at most 50).
    pub async fn search_articles(
        &self,
        query: &str,
        now: DateTime<Utc>,
    ) -> Result<Vec<Article>, sqlx::Error> {
        let rows: Vec<ArticleRow> = match self.db.counted() {
            Pool::Sqlite(pool) => {
                let Some(fts) = super::search::fts_query(query) else {
                    return Ok(Vec::new());
                };
                sqlx::query_as(&format!(
                    "{ARTICLE_SELECT} join articles_fts on articles_fts.rowid = a.id \
                     where {PUBLIC} and articles_fts match $2 order by articles_fts.rank limit 50"
                ))
                .bind(now)
                .bind(fts)
                .fetch_all(pool)
                .await?
            }
            Pool::Postgres(pool) => {
                sqlx::query_as(&format!(
                    "{ARTICLE_SELECT} where {PUBLIC} \
                     and a.search @@ websearch_to_tsquery('danish', $2) \
                     order by ts_rank(a.search, websearch_to_tsquery('danish', $2)) desc limit 50"
                ))
                .bind(now)
                .bind(query)
                .fetch_all(pool)
                .await?
            }
        };
        self.complete(rows).await
    }

    /// Every article for staff, newest change first.
    pub async fn all_articles(&self) -> Result<Vec<Article>, sqlx::Error> {
        let rows: Vec<ArticleRow> = crate::db_run!(self.db, |pool| {
            sqlx::query_as(&format!(
                "{ARTICLE_SELECT} order by a.updated_at desc, a.id desc"
            ))
            .fetch_all(pool)
            .await
        })?;
        self.complete(rows).await
    }

    /// One article by id, whatever its status (for staff).
    pub async fn article_by_id(&self, id: i64) -> Result<Option<Article>, sqlx::Error> {
        let rows: Vec<ArticleRow> = crate::db_run!(self.db, |pool| {
            sqlx::query_as(&format!("{ARTICLE_SELECT} where a.id = $1"))
                .bind(id)
                .fetch_all(pool)
                .await
        })?;
        Ok(self.complete(rows).await?.pop())
    }

    /// Whether another row of `table` than `except` has this slug. `table` is one of this
    /// module's table names, never input.
    async fn slug_taken_in(
        &self,
        table: &'static str,
        slug: &str,
        except: Option<i64>,
    ) -> Result<bool, sqlx::Error> {
        let sql =
            format!("select count(*) from {table} where slug = $1 and ($2 is null or id <> $2)");
        crate::db_run!(self.db, |pool| {
            sqlx::query_scalar::<_, i64>(&sql)
                .bind(slug)
                .bind(except)
                .fetch_one(pool)
                .await
                .map(|count| count > 0)
        })
    }

    /// Whether another article than `except` has this slug.
    pub async fn article_slug_taken(
        &self,
        slug: &str,
        except: Option<i64>,
    ) -> Result<bool, sqlx::Error> {
        self.slug_taken_in("articles", slug, except).await
    }

    /// Creates an article (`id` None) or changes one, with its tags, and records it in the
    /// audit log; returns its id, or None if there is no article `id`.
    pub async fn save_article(
        &self,
        actor_id: Option<i64>,
        id: Option<i64>,
        article: &NewArticle,
        now: DateTime<Utc>,
    ) -> Result<Option<i64>, sqlx::Error> {
        let search_text = article.search_text();
        let mut tx = self.db.begin().await?;
        let saved: Option<i64> = match id {
            None => Some(insert_article_in(&mut tx, article, now).await?),
            Some(id) => tx_run!(&mut tx, |conn| {
                bind_article!(
                    sqlx::query_scalar(
                        "update articles set slug = $1, title = $2, lead = $3, body = $4, \
                         body_html = $5, byline = $6, status = $7, publish_at = $8, \
                         issue_id = $9, issue_position = $10, search_text = $11, \
                         updated_at = $12, cover_image_id = $13, cover_alt = $14 \
                         where id = $15 returning id",
                    ),
                    article,
                    search_text,
                    now
                )
                .bind(id)
                .fetch_optional(conn)
                .await
            })?,
        };
        let Some(saved) = saved else {
            return Ok(None);
        };
        write_tags_in(&mut tx, saved, &article.tag_ids).await?;
        let action = if id.is_some() {
            "update_article"
        } else {
            "create_article"
        };
        audit_in(&mut tx, now, actor_id, action, &article.slug).await?;
        tx.commit().await?;
        Ok(Some(saved))
    }

    /// The published articles of journalist `author_id` other than `except` as (path, title),
    /// newest first, at most `limit`.
    pub async fn public_by_author(
        &self,
        author_id: i64,
        except: i64,
        limit: i64,
        now: DateTime<Utc>,
    ) -> Result<Vec<(String, String)>, sqlx::Error> {
        let sql = format!(
            "select a.slug, a.title from articles a where {PUBLIC} and a.author_id = $2 \
             and a.id <> $3 order by a.publish_at desc, a.id desc limit $4"
        );
        let rows: Vec<(String, String)> = crate::db_run!(self.db, |pool| {
            sqlx::query_as(&sql)
                .bind(now)
                .bind(author_id)
                .bind(except)
                .bind(limit)
                .fetch_all(pool)
                .await
        })?;
        Ok(rows
            .into_iter()
            .map(|(slug, title)| (super::path_of(&slug), title))
            .collect())
    }

    /// Deletes an article; false if there was none.
    pub async fn delete_article(
        &self,
        actor_id: Option<i64>,
        id: i64,
        now: DateTime<Utc>,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.db.begin().await?;
        let slug: Option<String> = tx_run!(&mut tx, |conn| {
            sqlx::query_scalar("delete from articles where id = $1 returning slug")
                .bind(id)
                .fetch_optional(conn)
                .await
        })?;
        if let Some(slug) = &slug {
            audit_in(&mut tx, now, actor_id, "delete_article", slug).await?;
        }
        tx.commit().await?;
        Ok(slug.is_some())
    }

    async fn complete_issues(
        &self,
        rows: Vec<IssueRow>,
    ) -> Result<Vec<MagazineIssue>, sqlx::Error> {
        let cover_ids: Vec<i64> = rows.iter().filter_map(|row| row.cover_image_id).collect();
        let covers = self.db.images().images_by_ids(&cover_ids).await?;
        Ok(rows
            .into_iter()
            .map(|row| MagazineIssue {
                id: row.id,
                slug: row.slug,
                title: row.title,
                published_on: row.published_on,
                intro: row.intro,
                cover: row.cover_image_id.and_then(|id| covers.get(&id).cloned()),
                cover_alt: row.cover_alt,
            })
            .collect())
    }

    /// Every magazine issue, newest first.
    pub async fn magazine_issues(&self) -> Result<Vec<MagazineIssue>, sqlx::Error> {
        let rows: Vec<IssueRow> = crate::db_run!(self.db, |pool| {
            sqlx::query_as(&format!(
                "select {ISSUE_COLUMNS} from magazine_issues order by published_on desc, id desc"
            ))
            .fetch_all(pool)
            .await
        })?;
        self.complete_issues(rows).await
    }

    /// The magazine's issues as (id, title), newest first, for the choices of a form.
    pub async fn issue_choices(&self) -> Result<Vec<(i64, String)>, sqlx::Error> {
        Ok(self
            .magazine_issues()
            .await?
            .into_iter()
            .map(|issue| (issue.id, issue.title))
            .collect())
    }

    /// One magazine issue by its slug.
    pub async fn magazine_issue(&self, slug: &str) -> Result<Option<MagazineIssue>, sqlx::Error> {
        let rows: Vec<IssueRow> = crate::db_run!(self.db, |pool| {
            sqlx::query_as(&format!(
                "select {ISSUE_COLUMNS} from magazine_issues where slug = $1"
            ))
            .bind(slug)
            .fetch_all(pool)
            .await
        })?;
        Ok(self.complete_issues(rows).await?.pop())
    }

    /// One magazine issue by its id.
    pub async fn magazine_issue_by_id(
        &self,
        id: i64,
    ) -> Result<Option<MagazineIssue>, sqlx::Error> {
        let rows: Vec<IssueRow> = crate::db_run!(self.db, |pool| {
            sqlx::query_as(&format!(
                "select {ISSUE_COLUMNS} from magazine_issues where id = $1"
            ))
            .bind(id)
            .fetch_all(pool)
            .await
        })?;
        Ok(self.complete_issues(rows).await?.pop())
    }

    /// Whether another issue than `except` has this slug.
    pub async fn issue_slug_taken(
        &self,
        slug: &str,
        except: Option<i64>,
    ) -> Result<bool, sqlx::Error> {
        self.slug_taken_in("magazine_issues", slug, except).await
    }

    /// Creates a magazine issue (`id` None) or changes one; returns its id, or None if there is
    /// no issue `id`.
    pub async fn save_magazine_issue(
        &self,
        actor_id: Option<i64>,
        id: Option<i64>,
        issue: &NewIssue,
        now: DateTime<Utc>,
    ) -> Result<Option<i64>, sqlx::Error> {
        let mut tx = self.db.begin().await?;
        let saved: Option<i64> = tx_run!(&mut tx, |conn| {
            // Both statements take the issue's fields as $1…$6, then the time or the id.
            macro_rules! bind_issue {
                ($query:expr) => {
                    $query
                        .bind(&issue.slug)
                        .bind(&issue.title)
                        .bind(issue.published_on)
                        .bind(&issue.intro)
                        .bind(issue.cover_image_id)
                        .bind(&issue.cover_alt)
                };
            }
            match id {
                None => {
                    bind_issue!(sqlx::query_scalar(
                        "insert into magazine_issues (slug, title, published_on, intro, \
                     cover_image_id, cover_alt, created_at) values ($1, $2, $3, $4, $5, $6, $7) \
                     returning id",
                    ))
                    .bind(now)
                    .fetch_optional(conn)
                    .await
                }
                Some(id) => {
                    bind_issue!(sqlx::query_scalar(
                        "update magazine_issues set slug = $1, title = $2, published_on = $3, \
                     intro = $4, cover_image_id = $5, cover_alt = $6 where id = $7 returning id",
                    ))
                    .bind(id)
                    .fetch_optional(conn)
                    .await
                }
            }
        })?;
        if saved.is_some() {
            let action = if id.is_some() {
                "update_issue"
            } else {
                "create_issue"
            };
            audit_in(&mut tx, now, actor_id, action, &issue.slug).await?;
        }
        tx.commit().await?;
        Ok(saved)
    }
}

/// Inserts `article` with its tags inside `tx` and returns its id.
pub(crate) async fn insert_article_in(
    tx: &mut Tx,
    article: &NewArticle,
    now: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    let search_text = article.search_text();
    let id: i64 = tx_run!(&mut *tx, |conn| {
        bind_article!(
            sqlx::query_scalar(
                "insert into articles (slug, title, lead, body, body_html, byline, \
                 status, publish_at, issue_id, issue_position, search_text, \
                 updated_at, cover_image_id, cover_alt, created_at) values ($1, $2, \
                 $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $12) returning id",
            ),
            article,
            search_text,
            now
        )
        .fetch_one(conn)
        .await
    })?;
    write_tags_in(tx, id, &article.tag_ids).await?;
    Ok(id)
}

/// Replaces the focus-area tags of article `id` inside `tx`.
async fn write_tags_in(tx: &mut Tx, id: i64, tag_ids: &[i64]) -> Result<(), sqlx::Error> {
    tx_run!(tx, |conn| {
        sqlx::query("delete from article_focus_areas where article_id = $1")
            .bind(id)
            .execute(&mut *conn)
            .await?;
        for tag in tag_ids {
            sqlx::query(
                "insert into article_focus_areas (article_id, focus_area_id) values ($1, $2)",
            )
            .bind(id)
            .bind(tag)
            .execute(&mut *conn)
            .await?;
        }
        Ok::<_, sqlx::Error>(())
    })
}
