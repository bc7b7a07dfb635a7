//! The submissions' queries, for both backends. Every change of state is one conditional `update`
//! (`… where state in (…)`), in one transaction with its line in the history and its emails:
//! when two people act at once, one wins and the other's change does nothing.

use chrono::{DateTime, Utc};

use super::{Event, EventKind, Photo, Step, Submission, SubmissionState, SubmissionSummary};
use crate::{
    articles::queries::{insert_article_in, NewArticle},
    db::{SubmissionQueries, Tx},
    i18n::Lang,
    mail::{queries::enqueue_in, OutgoingEmail},
    tx_run,
};

/// What the journalist's form saves: the text, the confirmation, the photos' captions and
/// descriptions, the photos to remove and one new photo (already stored as an image).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftChange {
    pub title: String,
    pub body: String,
    /// The body as cleaned HTML (`articles::markdown::check_body`).
    pub body_html: String,
    pub consent: bool,
    /// (photo id, caption, description) of the photos kept.
    pub photos: Vec<(i64, String, String)>,
    pub removed: Vec<i64>,
    /// (image id, caption, description).
    pub new_photo: Option<(i64, String, String)>,
}

/// A submission's contribution to the figures: who wrote it, when it was first sent and published,
/// and how many photos it holds.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct ContributionRow {
    pub author_id: i64,
    pub author_name: String,
    pub first_sent_at: Option<DateTime<Utc>>,
    pub published_at: Option<DateTime<Utc>>,
    pub photos: i64,
}

#[derive(sqlx::FromRow)]
struct SubmissionRow {
    id: i64,
    author_id: i64,
    author_name: String,
    author_email: String,
    author_lang: String,
    title: String,
    body: String,
    body_html: Option<String>,
    consent: bool,
    state: String,
    article_slug: Option<String>,
    updated_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: i64,
    title: String,
    author_name: String,
    state: String,
    photos: i64,
    updated_at: DateTime<Utc>,
    newest_comment: Option<String>,
}

#[derive(sqlx::FromRow)]
struct EventRow {
    kind: String,
    actor: Option<String>,
    role: Option<String>,
    text: String,
    created_at: DateTime<Utc>,
}

/// A user's name as pages show it: the name they chose, or their email address.
const NAME_OF_U: &str = "case when u.display_name = '' then u.email else u.display_name end";

/// The state a stored value names. The column's check allows only the known states, so any
/// other value is a failure to read the row, never a state of its own.
fn state_of(value: &str) -> Result<SubmissionState, sqlx::Error> {
    SubmissionState::parse(value).ok_or_else(|| {
        sqlx::Error::Decode(format!("a submission in an unknown state: {value:?}").into())
    })
}

/// `'a', 'b'`: the states a step may start from, for `state in (…)`.
fn states_before(step: Step) -> String {
    SubmissionState::before(step)
        .iter()
        .map(|state| format!("'{}'", state.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn summary_select() -> String {
    format!(
        "select s.id, s.title, {NAME_OF_U} as author_name, s.state, s.updated_at, \
         (select count(*) from submission_photos p where p.submission_id = s.id) as photos, \
         (select e.text from submission_events e where e.submission_id = s.id \
          and e.kind in ('comment', 'changes', 'rejected') and e.text <> '' \
          order by e.id desc limit 1) as newest_comment \
         from submissions s join users u on u.id = s.author_id"
    )
}

impl TryFrom<SummaryRow> for SubmissionSummary {
    type Error = sqlx::Error;

    fn try_from(row: SummaryRow) -> Result<Self, sqlx::Error> {
        Ok(SubmissionSummary {
            id: row.id,
            title: row.title,
            author_name: row.author_name,
            state: state_of(&row.state)?,
            photos: row.photos,
            updated_at: row.updated_at,
            newest_comment: row.newest_comment,
        })
    }
}

/// Writes a line of a submission's history inside `tx`.
async fn event_in(
    tx: &mut Tx,
    id: i64,
    actor_id: i64,
    kind: EventKind,
    text: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    tx_run!(tx, |conn| {
        sqlx::query(
            "insert into submission_events (submission_id, actor_id, kind, text, created_at) \
             values ($1, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(actor_id)
        .bind(kind.as_str())
        .bind(text)
        .bind(now)
        .execute(conn)
        .await
        .map(drop)
    })
}

async fn enqueue_all(
    tx: &mut Tx,
    emails: &[OutgoingEmail],
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    for email in emails {
        enqueue_in(tx, email, now).await?;
    }
    Ok(())
}

impl SubmissionQueries<'_> {
    /// A submission with its photos and history; None if there is none.
    pub async fn submission(&self, id: i64) -> Result<Option<Submission>, sqlx::Error> {
        let sql = format!(
            "select s.id, s.author_id, {NAME_OF_U} as author_name, u.email as author_email, u.lang as author_lang, s.title, s.body, s.body_html, s.consent, \
             s.state, a.slug as article_slug, s.updated_at \
             from submissions s join users u on u.id = s.author_id \
             left join articles a on a.id = s.article_id where s.id = $1"
        );
        let row: Option<SubmissionRow> = crate::db_run!(self.db, |pool| {
            sqlx::query_as(&sql).bind(id).fetch_optional(pool).await
        })?;
        let Some(row) = row else {
            return Ok(None);
        };
        let photos = self
            .photos_where("p.submission_id = $1 order by p.position, p.id", id)
            .await?;
        let event_sql = format!(
            "select e.kind, {NAME_OF_U} as actor, u.role, e.text, e.created_at \
             from submission_events e left join users u on u.id = e.actor_id \
             where e.submission_id = $1 order by e.id"
        );
        let event_rows: Vec<EventRow> = crate::db_run!(self.db, |pool| {
            sqlx::query_as(&event_sql).bind(id).fetch_all(pool).await
        })?;
        let events = event_rows
            .into_iter()
            .filter_map(|row| {
                Some(Event {
                    kind: EventKind::parse(&row.kind)?,
                    actor: row.actor.unwrap_or_default(),
                    by_staff: matches!(row.role.as_deref(), Some("staff" | "admin")),
                    text: row.text,
                    at: row.created_at,
                })
            })
            .collect();
        Ok(Some(Submission {
            id: row.id,
            author_id: row.author_id,
            author_name: row.author_name,
            author_email: row.author_email,
            author_lang: Lang::from_code(&row.author_lang).unwrap_or_default(),
            title: row.title,
            // Cleaned when saved; a submission from before that is cleaned at start.
            body_html: row.body_html.unwrap_or_default(),
            body: row.body,
            consent: row.consent,
            state: state_of(&row.state)?,
            article_path: row.article_slug.as_deref().map(crate::articles::path_of),
            photos,
            events,
            updated_at: row.updated_at,
        }))
    }

    /// Up to `limit` submissions saved before their text was stored cleaned: (id, Markdown).
    pub async fn uncleaned(&self, limit: i64) -> Result<Vec<(i64, String)>, sqlx::Error> {
        crate::db_run!(self.db, |pool| {
            sqlx::query_as("select id, body from submissions where body_html is null limit $1")
                .bind(limit)
                .fetch_all(pool)
                .await
        })
    }

    /// Stores the cleaned HTML of submission `id`'s text.
    pub async fn set_body_html(&self, id: i64, html: &str) -> Result<(), sqlx::Error> {
        crate::db_run!(self.db, |pool| {
            sqlx::query("update submissions set body_html = $2 where id = $1")
                .bind(id)
                .bind(html)
                .execute(pool)
                .await
                .map(drop)
        })
    }

    /// The submissions of one journalist, the latest changed first.
    pub async fn of_author(&self, author_id: i64) -> Result<Vec<SubmissionSummary>, sqlx::Error> {
        let sql = format!(
            "{} where s.author_id = $1 order by s.updated_at desc, s.id desc",
            summary_select()
        );
        let rows: Vec<SummaryRow> = crate::db_run!(self.db, |pool| {
            sqlx::query_as(&sql).bind(author_id).fetch_all(pool).await
        })?;
        rows.into_iter().map(TryInto::try_into).collect()
    }

    /// The review queue: the submissions waiting for staff first (the longest waiting first), then
    /// those waiting for their journalist, then the latest decided; drafts are the journalists'
    /// own. At most `limit`.
    pub async fn queue(&self, limit: i64) -> Result<Vec<SubmissionSummary>, sqlx::Error> {
        let sql = format!(
            "{} where s.state <> 'draft' order by case s.state when 'sent' then 0 \
             when 'changes' then 1 else 2 end, \
             case when s.state = 'sent' then s.updated_at end asc, s.updated_at desc, s.id desc \
             limit $1",
            summary_select()
        );
        let rows: Vec<SummaryRow> = crate::db_run!(self.db, |pool| {
            sqlx::query_as(&sql).bind(limit).fetch_all(pool).await
        })?;
        rows.into_iter().map(TryInto::try_into).collect()
    }

    /// How many submissions wait for staff.
    pub async fn waiting(&self) -> Result<i64, sqlx::Error> {
        crate::db_run!(self.db, |pool| {
            sqlx::query_scalar("select count(*) from submissions where state = 'sent'")
                .fetch_one(pool)
                .await
        })
    }

    /// The addresses of the staff who want an email when a submission is sent: active staff and
    /// admins who accepted their invitation and did not turn the emails off.
    pub async fn staff_to_notify(&self) -> Result<Vec<String>, sqlx::Error> {
        crate::db_run!(self.db, |pool| {
            sqlx::query_scalar(
                "select email from users where role in ('staff', 'admin') and not disabled \
                 and password_hash is not null and notify_submissions order by id",
            )
            .fetch_all(pool)
            .await
        })
    }

    /// Saves the journalist's form: a new submission (`id` None) or the author's own submission
    /// while it may be edited; with `send`, it is sent for review in the same transaction, with the
    /// emails `send` makes from the submission's id and whether it was sent before. Returns the
    /// submission's id, or None if there is no such submission of `author_id` that may be edited.
    pub async fn save_draft(
        &self,
        id: Option<i64>,
        author_id: i64,
        change: &DraftChange,
        send: Option<&(dyn Fn(i64, bool) -> Vec<OutgoingEmail> + Sync)>,
        now: DateTime<Utc>,
    ) -> Result<Option<i64>, sqlx::Error> {
        let mut tx = self.db.begin().await?;
        let saved: Option<(i64, Option<DateTime<Utc>>)> = match id {
            None => {
                let id: i64 = tx_run!(&mut tx, |conn| {
                    sqlx::query_scalar(
                        "insert into submissions (author_id, title, body, consent, state, \
                         created_at, updated_at, body_html) \
                         values ($1, $2, $3, $4, 'draft', $5, $5, $6) returning id",
                    )
                    .bind(author_id)
                    .bind(&change.title)
                    .bind(&change.body)
                    .bind(change.consent)
                    .bind(now)
                    .bind(&change.body_html)
                    .fetch_one(conn)
                    .await
                })?;
                event_in(&mut tx, id, author_id, EventKind::Created, "", now).await?;
                Some((id, None))
            }
            Some(id) => tx_run!(&mut tx, |conn| {
                sqlx::query_as(
                    "update submissions set title = $1, body = $2, consent = $3, \
                     updated_at = $4, body_html = $7 where id = $5 and author_id = $6 \
                     and state in ('draft', 'changes') returning id, first_sent_at",
                )
                .bind(&change.title)
                .bind(&change.body)
                .bind(change.consent)
                .bind(now)
                .bind(id)
                .bind(author_id)
                .bind(&change.body_html)
                .fetch_optional(conn)
                .await
            })?,
        };
        let Some((id, first_sent_at)) = saved else {
            return Ok(None);
        };
        tx_run!(&mut tx, |conn| {
            for (photo, caption, alt) in &change.photos {
                sqlx::query(
                    "update submission_photos set caption = $1, alt = $2 \
                     where id = $3 and submission_id = $4",
                )
                .bind(caption)
                .bind(alt)
                .bind(photo)
                .bind(id)
                .execute(&mut *conn)
                .await?;
            }
            for photo in &change.removed {
                sqlx::query("delete from submission_photos where id = $1 and submission_id = $2")
                    .bind(photo)
                    .bind(id)
                    .execute(&mut *conn)
                    .await?;
            }
            if let Some((image_id, caption, alt)) = &change.new_photo {
                sqlx::query(
                    "insert into submission_photos (submission_id, image_id, position, caption, \
                     alt) values ($1, $2, (select coalesce(max(position), 0) + 1 \
                     from submission_photos where submission_id = $1), $3, $4)",
                )
                .bind(id)
                .bind(image_id)
                .bind(caption)
                .bind(alt)
                .execute(&mut *conn)
                .await?;
            }
            Ok::<_, sqlx::Error>(())
        })?;
        if let Some(emails) = send {
            tx_run!(&mut tx, |conn| {
                sqlx::query(
                    "update submissions set state = 'sent', \
                     first_sent_at = coalesce(first_sent_at, $1) where id = $2",
                )
                .bind(now)
                .bind(id)
                .execute(conn)
                .await
                .map(drop)
            })?;
            event_in(&mut tx, id, author_id, EventKind::Sent, "", now).await?;
            enqueue_all(&mut tx, &emails(id, first_sent_at.is_some()), now).await?;
        }
        tx.commit().await?;
        Ok(Some(id))
    }

    /// A comment on submission `id` by `actor_id`, with its emails; false if there is no such
    /// submission.
    pub async fn comment(
        &self,
        id: i64,
        actor_id: i64,
        text: &str,
        emails: &[OutgoingEmail],
        now: DateTime<Utc>,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.db.begin().await?;
        let found: Option<i64> = tx_run!(&mut tx, |conn| {
            sqlx::query_scalar("update submissions set updated_at = $1 where id = $2 returning id")
                .bind(now)
                .bind(id)
                .fetch_optional(conn)
                .await
        })?;
        if found.is_none() {
            return Ok(false);
        }
        event_in(&mut tx, id, actor_id, EventKind::Comment, text, now).await?;
        enqueue_all(&mut tx, emails, now).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Staff ask for changes to submission `id` or reject it, with what they wrote and the email to
    /// the journalist; false if the submission is not (any more) in a state that allows it.
    pub async fn review(
        &self,
        id: i64,
        actor_id: i64,
        step: Step,
        text: &str,
        emails: &[OutgoingEmail],
        now: DateTime<Utc>,
    ) -> Result<bool, sqlx::Error> {
        let Some(state) = SubmissionState::Sent
            .after(step)
            .or_else(|| SubmissionState::Changes.after(step))
        else {
            return Ok(false);
        };
        let sql = format!(
            "update submissions set state = $1, updated_at = $2 \
             where id = $3 and state in ({}) returning id",
            states_before(step)
        );
        let mut tx = self.db.begin().await?;
        let changed: Option<i64> = tx_run!(&mut tx, |conn| {
            sqlx::query_scalar(&sql)
                .bind(state.as_str())
                .bind(now)
                .bind(id)
                .fetch_optional(conn)
                .await
        })?;
        if changed.is_none() {
            return Ok(false);
        }
        event_in(&mut tx, id, actor_id, EventKind::of(step), text, now).await?;
        enqueue_all(&mut tx, emails, now).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Publishes submission `id` as `article` (its author remembered on the article), with the
    /// email to the journalist; returns the article's id, or None if the submission is not (any
    /// more) waiting for a decision.
    pub async fn publish(
        &self,
        id: i64,
        actor_id: i64,
        article: &NewArticle,
        emails: &[OutgoingEmail],
        now: DateTime<Utc>,
    ) -> Result<Option<i64>, sqlx::Error> {
        let sql = format!(
            "update submissions set state = 'published', published_at = $1, updated_at = $1 \
             where id = $2 and state in ({}) returning author_id",
            states_before(Step::Publish)
        );
        let mut tx = self.db.begin().await?;
        let author: Option<i64> = tx_run!(&mut tx, |conn| {
            sqlx::query_scalar(&sql)
                .bind(now)
                .bind(id)
                .fetch_optional(conn)
                .await
        })?;
        let Some(author_id) = author else {
            return Ok(None);
        };
        let article_id = insert_article_in(&mut tx, article, now).await?;
        tx_run!(&mut tx, |conn| {
            sqlx::query("update articles set author_id = $1 where id = $2")
                .bind(author_id)
                .bind(article_id)
                .execute(&mut *conn)
                .await?;
            sqlx::query("update submissions set article_id = $1 where id = $2")
                .bind(article_id)
                .bind(id)
                .execute(&mut *conn)
                .await
                .map(drop)
        })?;
        event_in(&mut tx, id, actor_id, EventKind::Published, "", now).await?;
        crate::accounts::queries::audit_in(
            &mut tx,
            now,
            Some(actor_id),
            "publish_submission",
            &article.slug,
        )
        .await?;
        enqueue_all(&mut tx, emails, now).await?;
        tx.commit().await?;
        Ok(Some(article_id))
    }

    /// The photos of the submission published as article `article_id`, in the submission's order.
    pub async fn photos_of_article(&self, article_id: i64) -> Result<Vec<Photo>, sqlx::Error> {
        self.photos_where(
            "p.submission_id = (select id from submissions where article_id = $1) \
             order by p.position, p.id",
            article_id,
        )
        .await
    }

    /// The photos (of `submission_photos p`) that `condition` on `$1` = `value` selects, with
    /// their images.
    async fn photos_where(&self, condition: &str, value: i64) -> Result<Vec<Photo>, sqlx::Error> {
        let sql = format!(
            "select p.id, p.image_id, p.caption, p.alt from submission_photos p where {condition}"
        );
        let rows: Vec<(i64, i64, String, String)> = crate::db_run!(self.db, |pool| {
            sqlx::query_as(&sql).bind(value).fetch_all(pool).await
        })?;
        let image_ids: Vec<i64> = rows.iter().map(|row| row.1).collect();
        let images = self.db.images().images_by_ids(&image_ids).await?;
        Ok(rows
            .into_iter()
            .filter_map(|(id, image_id, caption, alt)| {
                images.get(&image_id).map(|image| Photo {
                    id,
                    image: image.clone(),
                    caption,
                    alt,
                })
            })
            .collect())
    }

    /// Every submission first sent or published from `from` until before `to`, for the figures.
    pub async fn contributions(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<ContributionRow>, sqlx::Error> {
        let sql = format!(
            "select s.author_id, {NAME_OF_U} as author_name, s.first_sent_at, s.published_at, \
             (select count(*) from submission_photos p where p.submission_id = s.id) as photos \
             from submissions s join users u on u.id = s.author_id \
             where (s.first_sent_at >= $1 and s.first_sent_at < $2) \
             or (s.published_at >= $1 and s.published_at < $2) order by s.id"
        );
        crate::db_run!(self.db, |pool| {
            sqlx::query_as(&sql)
                .bind(from)
                .bind(to)
                .fetch_all(pool)
                .await
        })
    }
}
