//! The newsletter's queries, for both backends: subscribing (with its email, in one
//! transaction), the private links, the subscriber's choice, leaving, the staff's settings, and
//! the weekly run, which claims its week once and queues its subscribers in batches.

use chrono::{DateTime, NaiveTime, Utc, Weekday};

use super::{EditionNews, NewsletterFigures, Schedule, Settings, Subscriber, Week, LINKS_KEPT};
use crate::{
    accounts::token::TokenHash,
    db::{NewsletterQueries, Tx},
    db_run,
    i18n::Lang,
    mail::{queries::enqueue_in, OutgoingEmail},
    tx_run,
};

#[derive(sqlx::FromRow)]
struct SubscriberRow {
    id: i64,
    email: String,
    lang: String,
    confirmed_at: Option<DateTime<Utc>>,
    paused_at: Option<DateTime<Utc>>,
    everything: bool,
}

impl SubscriberRow {
    fn into_subscriber(self) -> Subscriber {
        Subscriber {
            id: self.id,
            email: self.email,
            lang: Lang::from_code(&self.lang).unwrap_or_default(),
            confirmed: self.confirmed_at.is_some(),
            paused: self.paused_at.is_some(),
            everything: self.everything,
            activities: Vec::new(),
            focus_areas: Vec::new(),
        }
    }
}

const SUBSCRIBER: &str = "s.id, s.email, s.lang, s.confirmed_at, s.paused_at, s.everything";

/// Where an address stood when it subscribed again, which decides the email it gets (the page
/// says the same in every case).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// New, or still unconfirmed: it gets the link to confirm.
    Unconfirmed,
    /// Already subscribed: it gets the link to its choice.
    Subscribed,
}

/// A newsletter as sent.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct SentNewsletter {
    pub id: i64,
    pub week: String,
    pub note: String,
    pub news_since: DateTime<Utc>,
    pub queued_at: DateTime<Utc>,
    pub recipients: i64,
}

/// A paused address, as staff see it.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct PausedAddress {
    pub email: String,
    pub paused_at: DateTime<Utc>,
}

async fn add_link_in(
    tx: &mut Tx,
    subscriber_id: i64,
    link: &TokenHash,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    tx_run!(tx, |conn| {
        sqlx::query(
            "insert into subscriber_links (token_hash, subscriber_id, created_at) values ($1, $2, $3)",
        )
        .bind(link.as_str())
        .bind(subscriber_id)
        .bind(now)
        .execute(conn)
        .await
        .map(drop)
    })
}

impl NewsletterQueries<'_> {
    /// Subscribes `email` (trimmed and lower-cased) in `lang`, or finds it subscribed, gives it
    /// the private link `link`, and queues the email `mail` writes for where it stands, all in
    /// one transaction.
    pub async fn subscribe(
        &self,
        email: &str,
        lang: Lang,
        link: &TokenHash,
        mail: impl Fn(i64, Standing) -> OutgoingEmail,
        now: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.db.begin_unseen().await?;
        tx_run!(&mut tx, |conn| {
            sqlx::query(
                "insert into subscribers (email, lang, created_at) values ($1, $2, $3) \
                 on conflict (email) do nothing",
            )
            .bind(email)
            .bind(lang.code())
            .bind(now)
            .execute(conn)
            .await
            .map(drop)
        })?;
        let (id, confirmed): (i64, Option<DateTime<Utc>>) = tx_run!(&mut tx, |conn| {
            sqlx::query_as("select id, confirmed_at from subscribers where email = $1")
                .bind(email)
                .fetch_one(conn)
                .await
        })?;
        add_link_in(&mut tx, id, link, now).await?;
        let standing = match confirmed {
            Some(_) => Standing::Subscribed,
            None => Standing::Unconfirmed,
        };
        enqueue_in(&mut tx, &mail(id, standing), now).await?;
        tx.commit().await
    }

    /// The subscriber a private link belongs to, with its choice; None for an unknown link or
    /// one older than [`LINKS_KEPT`].
    pub async fn subscriber_by_link(
        &self,
        link: &TokenHash,
        now: DateTime<Utc>,
    ) -> Result<Option<Subscriber>, sqlx::Error> {
        let row: Option<SubscriberRow> = db_run!(self.db, |pool| {
            sqlx::query_as(&format!(
                "select {SUBSCRIBER} from subscribers s \
                 join subscriber_links l on l.subscriber_id = s.id \
                 where l.token_hash = $1 and l.created_at > $2"
            ))
            .bind(link.as_str())
            .bind(now - LINKS_KEPT)
            .fetch_optional(pool)
            .await
        })?;
        let Some(row) = row else {
            return Ok(None);
        };
        Ok(self.with_choices(vec![row.into_subscriber()]).await?.pop())
    }

    /// `subscribers` with the activities and focus areas each chose, in two queries.
    async fn with_choices(
        &self,
        mut subscribers: Vec<Subscriber>,
    ) -> Result<Vec<Subscriber>, sqlx::Error> {
        let ids: Vec<i64> = subscribers
            .iter()
            .filter(|s| !s.everything)
            .map(|s| s.id)
            .collect();
        if ids.is_empty() {
            return Ok(subscribers);
        }
        // (subscriber, chosen) pairs of each table, and what one subscriber chose of them.
        let mut chosen = Vec::new();
        for (table, column) in [
            ("subscriber_activities", "activity_id"),
            ("subscriber_focus_areas", "focus_area_id"),
        ] {
            let sql = format!(
                "select subscriber_id, {column} from {table} where subscriber_id in ({{ids}})"
            );
            let rows: Vec<(i64, i64)> = self.db.rows_for_ids(&sql, &ids).await?;
            chosen.push(rows);
        }
        let of = |rows: &[(i64, i64)], id: i64| -> Vec<i64> {
            rows.iter()
                .filter(|(subscriber, _)| *subscriber == id)
                .map(|(_, chosen)| *chosen)
                .collect()
        };
        for subscriber in &mut subscribers {
            subscriber.activities = of(&chosen[0], subscriber.id);
            subscriber.focus_areas = of(&chosen[1], subscriber.id);
        }
        Ok(subscribers)
    }

    /// Saves a subscriber's choice; it also confirms the address (the first save is the
    /// confirmation) and takes up a paused one again. The chosen ids that name no activity or
    /// focus area are left out.
    pub async fn save_choice(
        &self,
        id: i64,
        everything: bool,
        (activities, areas): (&[i64], &[i64]),
        now: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.db.begin_unseen().await?;
        tx_run!(&mut tx, |conn| {
            sqlx::query(
                "update subscribers set everything = $2, confirmed_at = coalesce(confirmed_at, $3), \
                 paused_at = null, rejections = 0 where id = $1",
            )
            .bind(id)
            .bind(everything)
            .bind(now)
            .execute(conn)
            .await
            .map(drop)
        })?;
        for table in ["subscriber_activities", "subscriber_focus_areas"] {
            let sql = format!("delete from {table} where subscriber_id = $1");
            tx_run!(&mut tx, |conn| {
                sqlx::query(&sql).bind(id).execute(conn).await.map(drop)
            })?;
        }
        let chosen = [
            (
                "subscriber_activities",
                "activity_id",
                "activities",
                activities,
            ),
            (
                "subscriber_focus_areas",
                "focus_area_id",
                "focus_areas",
                areas,
            ),
        ];
        for (table, column, named, ids) in chosen {
            let sql = format!(
                "insert into {table} (subscriber_id, {column}) select $1, id from {named} \
                 where id = $2 on conflict do nothing"
            );
            for chosen in ids {
                tx_run!(&mut tx, |conn| {
                    sqlx::query(&sql)
                        .bind(id)
                        .bind(chosen)
                        .execute(conn)
                        .await
                        .map(drop)
                })?;
            }
        }
        tx.commit().await
    }

    /// Deletes a subscriber at once: its address, links, choice and the emails to it (the
    /// outbox's rows cascade). Only the months' counts keep it, as a number. False if it was
    /// already gone.
    pub async fn leave(&self, id: i64) -> Result<bool, sqlx::Error> {
        db_run!(self.db, |pool| {
            sqlx::query("delete from subscribers where id = $1")
                .bind(id)
                .execute(pool)
                .await
                .map(|done| done.rows_affected() == 1)
        })
    }

    /// Forgets the addresses never confirmed that subscribed before `before`, and the private
    /// links made before `links_before`; returns how many addresses went.
    pub async fn forget_stale(
        &self,
        before: DateTime<Utc>,
        links_before: DateTime<Utc>,
    ) -> Result<u64, sqlx::Error> {
        let mut tx = self.db.begin_unseen().await?;
        let forgotten = tx_run!(&mut tx, |conn| {
            sqlx::query("delete from subscribers where confirmed_at is null and created_at < $1")
                .bind(before)
                .execute(conn)
                .await
                .map(|done| done.rows_affected())
        })?;
        tx_run!(&mut tx, |conn| {
            sqlx::query("delete from subscriber_links where created_at < $1")
                .bind(links_before)
                .execute(conn)
                .await
                .map(drop)
        })?;
        tx.commit().await?;
        Ok(forgotten)
    }

    /// Writes the number of confirmed subscribers as `month`'s (`2026-12`): run every hour, the
    /// last run of a month leaves its count at the month's end.
    pub async fn count_month(&self, month: &str) -> Result<(), sqlx::Error> {
        db_run!(self.db, |pool| {
            sqlx::query(
                "insert into newsletter_months (month, subscribers) \
                 select $1, count(*) from subscribers where confirmed_at is not null \
                 on conflict (month) do update set subscribers = excluded.subscribers",
            )
            .bind(month)
            .execute(pool)
            .await
            .map(drop)
        })
    }

    /// The subscribers counted at the end of each month from `from` to `to` (`2026-01`).
    pub async fn months(&self, from: &str, to: &str) -> Result<Vec<(String, i64)>, sqlx::Error> {
        db_run!(self.db, |pool| {
            sqlx::query_as(
                "select month, subscribers from newsletter_months \
                 where month >= $1 and month <= $2 order by month",
            )
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await
        })
    }

    /// The newsletter's figures from `from` until `to` (moments), with the months `months`
    /// (`2026-01` to `2026-12`) of subscribers.
    pub async fn figures(
        &self,
        (from, to): (DateTime<Utc>, DateTime<Utc>),
        (first_month, last_month): (&str, &str),
    ) -> Result<NewsletterFigures, sqlx::Error> {
        let (newsletters, recipients): (i64, i64) = db_run!(self.db, |pool| {
            sqlx::query_as(
                "select count(*), cast(coalesce(sum(recipients), 0) as bigint) from newsletters \
                 where queued_at >= $1 and queued_at < $2",
            )
            .bind(from)
            .bind(to)
            .fetch_one(pool)
            .await
        })?;
        let (signups, from_newsletter): (i64, i64) = db_run!(self.db, |pool| {
            sqlx::query_as(
                "select count(*), cast(coalesce(sum(case when via_newsletter <> '' then 1 else 0 \
                 end), 0) as bigint) from signups where created_at >= $1 and created_at < $2",
            )
            .bind(from)
            .bind(to)
            .fetch_one(pool)
            .await
        })?;
        Ok(NewsletterFigures {
            months: self.months(first_month, last_month).await?,
            newsletters,
            recipients,
            signups,
            from_newsletter,
        })
    }

    /// The staff's settings and the next newsletter's note.
    pub async fn settings(&self) -> Result<Settings, sqlx::Error> {
        let (weekday, send_at, note): (i64, String, String) = db_run!(self.db, |pool| {
            sqlx::query_as("select weekday, send_at, note from newsletter_settings where id = 1")
                .fetch_one(pool)
                .await
        })?;
        let default = Schedule::default();
        let weekday = u8::try_from(weekday.clamp(1, 7) - 1)
            .ok()
            .and_then(|day| Weekday::try_from(day).ok())
            .unwrap_or(default.weekday);
        let at = NaiveTime::parse_from_str(&send_at, "%H:%M").unwrap_or(default.at);
        Ok(Settings {
            schedule: Schedule { weekday, at },
            note,
        })
    }

    /// Saves the staff's settings and the next newsletter's note.
    pub async fn save_settings(&self, settings: &Settings) -> Result<(), sqlx::Error> {
        let weekday = i64::from(settings.schedule.weekday.number_from_monday());
        let at = settings.schedule.at.format("%H:%M").to_string();
        db_run!(self.db, |pool| {
            sqlx::query(
                "update newsletter_settings set weekday = $1, send_at = $2, note = $3 where id = 1",
            )
            .bind(weekday)
            .bind(&at)
            .bind(&settings.note)
            .execute(pool)
            .await
            .map(drop)
        })
    }

    /// Claims the newsletter of `week` for this run: written once, whoever comes first (two
    /// instances at the same moment make one). It takes the staff's note, which is cleared for
    /// the next one, and holds the news published since the last newsletter (or the last seven
    /// days, for the first). Returns the newsletter.
    pub async fn claim_week(
        &self,
        week: Week,
        now: DateTime<Utc>,
    ) -> Result<SentNewsletter, sqlx::Error> {
        if let Some(newsletter) = self.newsletter(week).await? {
            return Ok(newsletter);
        }
        let mut tx = self.db.begin().await?;
        let since: Option<DateTime<Utc>> = tx_run!(&mut tx, |conn| {
            sqlx::query_scalar("select max(queued_at) from newsletters")
                .fetch_one(conn)
                .await
        })?;
        let since = since.unwrap_or(now - chrono::Duration::days(7));
        let claimed = tx_run!(&mut tx, |conn| {
            sqlx::query(
                "insert into newsletters (week, note, news_since, queued_at) \
                 values ($1, (select note from newsletter_settings where id = 1), $2, $3) \
                 on conflict (week) do nothing",
            )
            .bind(week.key())
            .bind(since)
            .bind(now)
            .execute(conn)
            .await
            .map(|done| done.rows_affected() == 1)
        })?;
        if claimed {
            tx_run!(&mut tx, |conn| {
                sqlx::query("update newsletter_settings set note = '' where id = 1")
                    .execute(conn)
                    .await
                    .map(drop)
            })?;
        }
        tx.commit().await?;
        self.newsletter(week).await?.ok_or(sqlx::Error::RowNotFound)
    }

    /// The newsletter of `week`, if it went.
    pub async fn newsletter(&self, week: Week) -> Result<Option<SentNewsletter>, sqlx::Error> {
        db_run!(self.db, |pool| {
            sqlx::query_as(
                "select id, week, note, news_since, queued_at, recipients from newsletters \
                 where week = $1",
            )
            .bind(week.key())
            .fetch_optional(pool)
            .await
        })
    }

    /// Every newsletter sent, the newest first.
    pub async fn newsletters(&self) -> Result<Vec<SentNewsletter>, sqlx::Error> {
        db_run!(self.db, |pool| {
            sqlx::query_as(
                "select id, week, note, news_since, queued_at, recipients from newsletters \
                 order by week desc",
            )
            .fetch_all(pool)
            .await
        })
    }

    /// The news residents could read from after `since` until `until`, the oldest first.
    pub async fn news_between(
        &self,
        since: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<Vec<EditionNews>, sqlx::Error> {
        let rows: Vec<(String, String, String)> = db_run!(self.db, |pool| {
            sqlx::query_as(&format!(
                "select a.title, a.lead, a.slug from articles a \
                 where {} and a.publish_at > $2 order by a.publish_at, a.id limit 50",
                crate::articles::queries::PUBLIC
            ))
            .bind(until)
            .bind(since)
            .fetch_all(pool)
            .await
        })?;
        Ok(rows
            .into_iter()
            .map(|(title, lead, slug)| EditionNews {
                title,
                lead,
                path: crate::articles::path_of(&slug),
            })
            .collect())
    }

    /// Up to `limit` confirmed subscribers, not paused, that have not had the newsletter of
    /// `week`, with their choices.
    pub async fn waiting_for(
        &self,
        week: Week,
        limit: usize,
    ) -> Result<Vec<Subscriber>, sqlx::Error> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows: Vec<SubscriberRow> = db_run!(self.db, |pool| {
            sqlx::query_as(&format!(
                "select {SUBSCRIBER} from subscribers s where s.confirmed_at is not null \
                 and s.paused_at is null and s.last_week <> $1 order by s.id limit $2"
            ))
            .bind(week.key())
            .bind(limit)
            .fetch_all(pool)
            .await
        })?;
        self.with_choices(
            rows.into_iter()
                .map(SubscriberRow::into_subscriber)
                .collect(),
        )
        .await
    }

    /// Queues a batch of the newsletter of `week` in one transaction: each subscriber is marked
    /// as having had it by a conditional update, and only those this run marked get their email
    /// and link, so a subscriber gets it once however many runs (or instances) queue at once.
    /// Returns how many were queued.
    pub async fn queue_batch(
        &self,
        week: Week,
        newsletter_id: i64,
        prepared: &[(i64, TokenHash, OutgoingEmail)],
        now: DateTime<Utc>,
    ) -> Result<usize, sqlx::Error> {
        let mut tx = self.db.begin_unseen().await?;
        let mut queued = 0_i64;
        for (id, link, email) in prepared {
            let marked = tx_run!(&mut tx, |conn| {
                sqlx::query(
                    "update subscribers set last_week = $2 where id = $1 and last_week <> $2 \
                     and confirmed_at is not null and paused_at is null",
                )
                .bind(id)
                .bind(week.key())
                .execute(conn)
                .await
                .map(|done| done.rows_affected() == 1)
            })?;
            if !marked {
                continue;
            }
            add_link_in(&mut tx, *id, link, now).await?;
            enqueue_in(&mut tx, email, now).await?;
            queued += 1;
        }
        tx_run!(&mut tx, |conn| {
            sqlx::query("update newsletters set recipients = recipients + $2 where id = $1")
                .bind(newsletter_id)
                .bind(queued)
                .execute(conn)
                .await
                .map(drop)
        })?;
        tx.commit().await?;
        Ok(usize::try_from(queued).unwrap_or_default())
    }

    /// The paused addresses, for staff.
    pub async fn paused(&self) -> Result<Vec<PausedAddress>, sqlx::Error> {
        db_run!(self.db, |pool| {
            sqlx::query_as(
                "select email, paused_at from subscribers where paused_at is not null \
                 order by paused_at desc",
            )
            .fetch_all(pool)
            .await
        })
    }

    /// The confirmed subscribers now, and those of them paused.
    pub async fn subscriber_counts(&self) -> Result<(i64, i64), sqlx::Error> {
        db_run!(self.db, |pool| {
            sqlx::query_as(
                "select count(*), cast(coalesce(sum(case when paused_at is null then 0 else 1 end), 0) \
                 as bigint) from subscribers where confirmed_at is not null",
            )
            .fetch_one(pool)
            .await
        })
    }
}
