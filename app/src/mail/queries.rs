//! The outbox's queries, for both backends.

use chrono::{DateTime, Utc};

use super::{retry_delay, OutgoingEmail, MAX_ATTEMPTS, PAUSE_AFTER_REJECTIONS};
use crate::{
    db::{Backend, OutboxQueries, Tx},
    db_run, tx_run,
};

/// Inserts an email into the outbox inside the transaction `tx` of another change, so the
/// email is kept exactly when the change that caused it is.
pub async fn enqueue_in(
    tx: &mut Tx,
    email: &OutgoingEmail,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let list = email.list.as_ref();
    tx_run!(tx, |conn| {
        sqlx::query(
            "insert into outbox (to_address, subject, text_body, html_body, next_attempt_at, \
             created_at, calendar, unsubscribe_url, subscriber_id) \
             values ($1, $2, $3, $4, $5, $5, $6, $7, $8)",
        )
        .bind(&email.to)
        .bind(&email.subject)
        .bind(&email.text)
        .bind(&email.html)
        .bind(now)
        .bind(email.calendar.as_deref().unwrap_or_default())
        .bind(list.map_or("", |list| list.unsubscribe_url.as_str()))
        .bind(list.map(|list| list.subscriber_id))
        .execute(conn)
        .await
        .map(drop)
    })
}

/// A message the worker has claimed and should send now.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct QueuedEmail {
    pub id: i64,
    pub to_address: String,
    pub subject: String,
    pub text_body: String,
    pub html_body: String,
    /// The attached date as an iCalendar file, or empty.
    pub calendar: String,
    /// A newsletter's address of leaving in one click, or empty.
    pub unsubscribe_url: String,
    /// A newsletter's subscriber.
    pub subscriber_id: Option<i64>,
    /// Attempts including this one.
    pub attempts: i64,
}

/// One row of the outbox as admins see it.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct OutboxEntry {
    pub id: i64,
    pub to_address: String,
    pub subject: String,
    pub status: String,
    pub attempts: i64,
    pub last_error: String,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

impl OutboxQueries<'_> {
    /// Takes the oldest message that is due and not being sent by another worker, and holds it
    /// until `lock_until`. Safe with several app instances: the lock is re-checked by the
    /// update itself, so two workers never claim the same message at once.
    pub async fn claim_due_email(
        &self,
        now: DateTime<Utc>,
        lock_until: DateTime<Utc>,
    ) -> Result<Option<QueuedEmail>, sqlx::Error> {
        // PostgreSQL: `skip locked` lets a second worker pass over the row the first is
        // claiming instead of waiting for it and then finding it taken. SQLite has a single
        // writer, so the statement runs alone there.
        let skip_locked = match self.db.backend() {
            Backend::Sqlite => "",
            Backend::Postgres => " for update skip locked",
        };
        let sql = format!(
            "update outbox set locked_until = $2, attempts = attempts + 1 \
             where id = (select id from outbox where status = 'queued' and next_attempt_at <= $1 \
                         and (locked_until is null or locked_until <= $1) order by id limit 1{skip_locked}) \
             and (locked_until is null or locked_until <= $1) \
             returning id, to_address, subject, text_body, html_body, calendar, unsubscribe_url, \
             subscriber_id, attempts"
        );
        db_run!(self.db, |pool| {
            sqlx::query_as(&sql)
                .bind(now)
                .bind(lock_until)
                .fetch_optional(pool)
                .await
        })
    }

    /// Records that a claimed message was accepted by the mail server, and drops its text in
    /// the same statement: the bodies hold private links (sign-ups, invitations, resets) and
    /// residents' details, and nothing needs them once the message has gone. What staff need
    /// to see its delivery stays (recipient, subject, status, times).
    pub async fn mark_email_sent(&self, id: i64, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
        db_run!(self.db, |pool| {
            sqlx::query(
                "update outbox set status = 'sent', sent_at = $2, locked_until = null, \
                 last_error = '', text_body = '', html_body = '', calendar = '', \
                 unsubscribe_url = '' where id = $1",
            )
            .bind(id)
            .bind(now)
            .execute(pool)
            .await
            .map(drop)
        })
    }

    /// Records that a newsletter's subscriber received one: its count of rejections in a row
    /// starts again.
    pub async fn subscriber_reached(&self, subscriber_id: i64) -> Result<(), sqlx::Error> {
        db_run!(self.db, |pool| {
            sqlx::query("update subscribers set rejections = 0 where id = $1 and rejections > 0")
                .bind(subscriber_id)
                .execute(pool)
                .await
                .map(drop)
        })
    }

    /// Records that the mail server refused a newsletter's recipient for good: the message is
    /// failed at once (trying again would be refused again), and the subscriber, refused
    /// [`PAUSE_AFTER_REJECTIONS`] times in a row, is paused (staff see it) in the same
    /// transaction.
    pub async fn mark_email_rejected(
        &self,
        email: &QueuedEmail,
        subscriber_id: i64,
        error: &str,
        now: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.db.begin_unseen().await?;
        tx_run!(&mut tx, |conn| {
            sqlx::query(
                "update outbox set status = 'failed', locked_until = null, last_error = $2 \
                 where id = $1",
            )
            .bind(email.id)
            .bind(error)
            .execute(&mut *conn)
            .await
            .map(drop)
        })?;
        tx_run!(&mut tx, |conn| {
            sqlx::query(
                "update subscribers set rejections = rejections + 1, \
                 paused_at = case when rejections + 1 >= $2 and paused_at is null then $3 \
                 else paused_at end where id = $1",
            )
            .bind(subscriber_id)
            .bind(PAUSE_AFTER_REJECTIONS)
            .bind(now)
            .execute(&mut *conn)
            .await
            .map(drop)
        })?;
        tx.commit().await
    }

    /// Records a failed attempt: the message waits for its next try, or is marked failed after
    /// [`MAX_ATTEMPTS`].
    pub async fn mark_email_failed(
        &self,
        email: &QueuedEmail,
        error: &str,
        now: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        let status = if email.attempts >= MAX_ATTEMPTS {
            "failed"
        } else {
            "queued"
        };
        let next = now
            + chrono::Duration::from_std(retry_delay(email.attempts))
                .unwrap_or_else(|_| chrono::Duration::hours(1));
        db_run!(self.db, |pool| {
            sqlx::query(
                "update outbox set status = $2, next_attempt_at = $3, locked_until = null, \
                 last_error = $4 where id = $1",
            )
            .bind(email.id)
            .bind(status)
            .bind(next)
            .bind(error)
            .execute(pool)
            .await
            .map(drop)
        })
    }

    /// Deletes the messages queued before `before` that are no longer waiting to go (sent or
    /// failed), recipient and all; returns how many. Messages still queued keep everything
    /// they need to be sent.
    pub async fn forget_old_emails(&self, before: DateTime<Utc>) -> Result<u64, sqlx::Error> {
        db_run!(self.db, |pool| {
            sqlx::query("delete from outbox where status <> 'queued' and created_at < $1")
                .bind(before)
                .execute(pool)
                .await
                .map(|done| done.rows_affected())
        })
    }

    /// The newest outbox entries first.
    pub async fn list_outbox(&self, limit: i64) -> Result<Vec<OutboxEntry>, sqlx::Error> {
        db_run!(self.db, |pool| {
            sqlx::query_as(
                "select id, to_address, subject, status, attempts, last_error, created_at, sent_at \
                 from outbox order by id desc limit $1",
            )
            .bind(limit)
            .fetch_all(pool)
            .await
        })
    }
}
