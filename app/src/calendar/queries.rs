//! The calendar's queries, for both backends.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use super::{
    occurrences::{occurrences_of, Filter},
    Activity, Exception, ExceptionKind, Occurrence, OccurrenceKey, Place, SignupMode,
};
use crate::{
    accounts::queries::audit_in,
    db::{CalendarQueries, Tx},
    db_run,
    i18n::Lang,
    tx_run,
};

#[derive(sqlx::FromRow)]
struct ActivityRow {
    id: i64,
    slug: String,
    name: String,
    description: String,
    focus_id: Option<i64>,
    focus_slug: Option<String>,
    focus_name: Option<String>,
    venue_id: Option<i64>,
    venue_slug: Option<String>,
    venue_name: Option<String>,
    venue_address: Option<String>,
    venue_accessibility: Option<String>,
    starts_on: NaiveDate,
    start_time: NaiveTime,
    end_time: NaiveTime,
    rule: String,
    capacity: Option<i64>,
    max_party: i64,
    signup_mode: String,
    price_note: String,
    accessibility_note: String,
    contact: String,
    kind: String,
    cover_image_id: Option<i64>,
    cover_alt: String,
    /// The photo's widest variant's size, joined from `images`.
    cover_width: Option<i64>,
    cover_height: Option<i64>,
}

impl ActivityRow {
    /// The activity's picture: its photo (its variants' widths follow from the widest, see
    /// `Image::with_widest`, so no query of the variants is needed) or its kind's illustration.
    fn picture(&self) -> super::Picture {
        let photo = match (self.cover_image_id, self.cover_width, self.cover_height) {
            (Some(id), Some(width), Some(height)) => {
                Some(crate::images::Image::with_widest(id, width, height))
            }
            _ => None,
        };
        super::Picture {
            kind: super::ActivityKind::parse(&self.kind).unwrap_or_default(),
            alt: if photo.is_some() {
                self.cover_alt.clone()
            } else {
                String::new()
            },
            photo,
        }
    }
}

impl From<ActivityRow> for Activity {
    fn from(row: ActivityRow) -> Self {
        let picture = row.picture();
        let place = |id: Option<i64>,
                     slug: Option<String>,
                     name: Option<String>,
                     address,
                     accessibility| {
            Some(Place {
                id: id?,
                slug: slug?,
                name: name?,
                address,
                accessibility,
            })
        };
        Activity {
            id: row.id,
            slug: row.slug,
            name: row.name,
            description: row.description,
            focus_area: place(
                row.focus_id,
                row.focus_slug,
                row.focus_name,
                String::new(),
                String::new(),
            ),
            venue: place(
                row.venue_id,
                row.venue_slug,
                row.venue_name,
                row.venue_address.unwrap_or_default(),
                row.venue_accessibility.unwrap_or_default(),
            ),
            starts_on: row.starts_on,
            start_time: row.start_time,
            end_time: row.end_time,
            rule: row.rule,
            capacity: row.capacity,
            max_party: row.max_party,
            signup_mode: SignupMode::parse(&row.signup_mode).unwrap_or_default(),
            price_note: row.price_note,
            accessibility_note: row.accessibility_note,
            contact: row.contact,
            picture,
        }
    }
}

const ACTIVITY_SELECT: &str = "select a.id, a.slug, a.name, a.description, \
     f.id as focus_id, f.slug as focus_slug, f.name as focus_name, v.id as venue_id, \
     v.slug as venue_slug, v.name as venue_name, \
     v.address as venue_address, v.accessibility as venue_accessibility, a.starts_on, \
     a.start_time, a.end_time, a.rule, a.capacity, a.max_party, a.signup_mode, a.price_note, \
     a.accessibility_note, a.contact, a.kind, a.cover_image_id, a.cover_alt, \
     i.width as cover_width, i.height as cover_height \
     from activities a left join focus_areas f on f.id = a.focus_area_id \
     left join venues v on v.id = a.venue_id left join images i on i.id = a.cover_image_id";

/// Binds an activity's fields as `$1`…`$14` in the order of the table's columns, `now` as
/// `$15`, and the later columns: the largest party as `$16`, the kind as `$17`, the photo as
/// `$18` and its description as `$19`.
macro_rules! bind_activity {
    ($query:expr, $activity:expr, $now:expr) => {
        $query
            .bind(&$activity.slug)
            .bind(&$activity.name)
            .bind(&$activity.description)
            .bind($activity.focus_area_id)
            .bind($activity.venue_id)
            .bind($activity.starts_on)
            .bind($activity.start_time)
            .bind($activity.end_time)
            .bind(&$activity.rule)
            .bind($activity.capacity)
            .bind($activity.signup_mode.as_str())
            .bind(&$activity.price_note)
            .bind(&$activity.accessibility_note)
            .bind(&$activity.contact)
            .bind($now)
            .bind($activity.max_party)
            .bind($activity.kind.as_str())
            .bind($activity.cover_image_id)
            .bind(&$activity.cover_alt)
    };
}

/// An activity as staff write it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewActivity {
    pub slug: String,
    pub name: String,
    pub description: String,
    pub focus_area_id: Option<i64>,
    pub venue_id: Option<i64>,
    pub starts_on: NaiveDate,
    pub start_time: NaiveTime,
    pub end_time: NaiveTime,
    pub rule: String,
    pub capacity: Option<i64>,
    /// The most persons one sign-up may hold.
    pub max_party: i64,
    pub signup_mode: SignupMode,
    pub price_note: String,
    pub accessibility_note: String,
    pub contact: String,
    /// A short summary for the readers of other languages, by language.
    pub summaries: Vec<(Lang, String)>,
    pub kind: super::ActivityKind,
    pub cover_image_id: Option<i64>,
    pub cover_alt: String,
}

#[derive(sqlx::FromRow)]
struct ExceptionRow {
    id: i64,
    activity_id: i64,
    on_date: NaiveDate,
    kind: String,
    reason: String,
    new_date: Option<NaiveDate>,
    new_start: Option<NaiveTime>,
    new_end: Option<NaiveTime>,
}

impl ExceptionRow {
    /// The exception, with missing times taken from the activity's usual ones.
    fn into_exception(self, usual: (NaiveTime, NaiveTime)) -> Option<(i64, Exception)> {
        let start = self.new_start.unwrap_or(usual.0);
        let end = self.new_end.unwrap_or(usual.1);
        let kind = match self.kind.as_str() {
            "cancelled" => ExceptionKind::Cancelled,
            "moved" => ExceptionKind::Moved {
                to: self.new_date.unwrap_or(self.on_date),
                start,
                end,
            },
            "extra" => ExceptionKind::Extra { start, end },
            _ => return None,
        };
        Some((
            self.activity_id,
            Exception {
                id: self.id,
                on_date: self.on_date,
                kind,
                reason: self.reason,
            },
        ))
    }
}

impl CalendarQueries<'_> {
    /// Every activity, by name.
    pub async fn list_activities(&self) -> Result<Vec<Activity>, sqlx::Error> {
        let rows: Vec<ActivityRow> = db_run!(self.db, |pool| {
            sqlx::query_as(&format!("{ACTIVITY_SELECT} order by a.name, a.id"))
                .fetch_all(pool)
                .await
        })?;
        Ok(rows.into_iter().map(Activity::from).collect())
    }

    /// The activity with this slug.
    pub async fn activity_by_slug(&self, slug: &str) -> Result<Option<Activity>, sqlx::Error> {
        let row: Option<ActivityRow> = db_run!(self.db, |pool| {
            sqlx::query_as(&format!("{ACTIVITY_SELECT} where a.slug = $1"))
                .bind(slug)
                .fetch_optional(pool)
                .await
        })?;
        Ok(row.map(Activity::from))
    }

    /// The activity with this id.
    pub async fn activity_by_id(&self, id: i64) -> Result<Option<Activity>, sqlx::Error> {
        let row: Option<ActivityRow> = db_run!(self.db, |pool| {
            sqlx::query_as(&format!("{ACTIVITY_SELECT} where a.id = $1"))
                .bind(id)
                .fetch_optional(pool)
                .await
        })?;
        Ok(row.map(Activity::from))
    }

    /// Whether another activity than `except_id` has this slug.
    pub async fn activity_slug_taken(
        &self,
        slug: &str,
        except_id: Option<i64>,
    ) -> Result<bool, sqlx::Error> {
        db_run!(self.db, |pool| {
            sqlx::query_scalar(
                "select exists (select 1 from activities where slug = $1 and id <> $2)",
            )
            .bind(slug)
            .bind(except_id.unwrap_or(-1))
            .fetch_one(pool)
            .await
        })
    }

    /// Creates an activity and writes the audit entry; returns its id.
    pub async fn create_activity(
        &self,
        actor_id: Option<i64>,
        activity: &NewActivity,
        now: DateTime<Utc>,
    ) -> Result<i64, sqlx::Error> {
        let mut tx = self.db.begin().await?;
        let id: i64 = tx_run!(&mut tx, |conn| {
            let insert = sqlx::query_scalar(
                "insert into activities (slug, name, description, focus_area_id, venue_id, \
                 starts_on, start_time, end_time, rule, capacity, signup_mode, price_note, \
                 accessibility_note, contact, created_at, updated_at, max_party, kind, \
                 cover_image_id, cover_alt) \
                 values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, \
                 $16, $17, $18, $19) \
                 returning id",
            );
            bind_activity!(insert, activity, now).fetch_one(conn).await
        })?;
        link_focus_area_in(&mut tx, id).await?;
        replace_summaries_in(&mut tx, id, &activity.summaries).await?;
        audit_in(&mut tx, now, actor_id, "create_activity", &activity.name).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Changes an activity and writes the audit entry. False if there is no such activity.
    pub async fn update_activity(
        &self,
        actor_id: Option<i64>,
        id: i64,
        activity: &NewActivity,
        now: DateTime<Utc>,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.db.begin().await?;
        let updated = tx_run!(&mut tx, |conn| {
            let update = sqlx::query(
                "update activities set slug = $1, name = $2, description = $3, \
                 focus_area_id = $4, venue_id = $5, starts_on = $6, start_time = $7, \
                 end_time = $8, rule = $9, capacity = $10, signup_mode = $11, price_note = $12, \
                 accessibility_note = $13, contact = $14, updated_at = $15, max_party = $16, \
                 kind = $17, cover_image_id = $18, cover_alt = $19 \
                 where id = $20",
            );
            bind_activity!(update, activity, now)
                .bind(id)
                .execute(conn)
                .await
                .map(|done| done.rows_affected())
        })?;
        if updated == 0 {
            return Ok(false);
        }
        link_focus_area_in(&mut tx, id).await?;
        replace_summaries_in(&mut tx, id, &activity.summaries).await?;
        audit_in(&mut tx, now, actor_id, "update_activity", &activity.name).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The summaries of activity `activity_id` in other languages than Danish.
    pub async fn activity_summaries(
        &self,
        activity_id: i64,
    ) -> Result<Vec<(Lang, String)>, sqlx::Error> {
        let rows: Vec<(String, String)> = db_run!(self.db, |pool| {
            sqlx::query_as(
                "select lang, summary from activity_summaries where activity_id = $1 \
                 order by lang",
            )
            .bind(activity_id)
            .fetch_all(pool)
            .await
        })?;
        Ok(rows
            .into_iter()
            .filter_map(|(code, text)| Some((Lang::from_code(&code)?, text)))
            .collect())
    }

    /// The summary of activity `activity_id` for the readers of `lang`, if staff wrote one.
    pub async fn activity_summary(
        &self,
        activity_id: i64,
        lang: Lang,
    ) -> Result<Option<String>, sqlx::Error> {
        db_run!(self.db, |pool| {
            sqlx::query_scalar(
                "select summary from activity_summaries where activity_id = $1 and lang = $2",
            )
            .bind(activity_id)
            .bind(lang.code())
            .fetch_optional(pool)
            .await
        })
    }

    /// The exceptions of every activity, as (activity id, exception), by date.
    pub async fn list_exceptions(&self) -> Result<Vec<(i64, Exception)>, sqlx::Error> {
        self.exceptions_where("", None).await
    }

    /// The exceptions of one activity, by date.
    pub async fn exceptions_of(&self, activity_id: i64) -> Result<Vec<Exception>, sqlx::Error> {
        Ok(self
            .exceptions_where("where e.activity_id = $1", Some(activity_id))
            .await?
            .into_iter()
            .map(|(_, exception)| exception)
            .collect())
    }

    async fn exceptions_where(
        &self,
        filter: &str,
        activity_id: Option<i64>,
    ) -> Result<Vec<(i64, Exception)>, sqlx::Error> {
        let sql = format!(
            "select e.id, e.activity_id, e.on_date, e.kind, e.reason, e.new_date, e.new_start, \
             e.new_end, a.start_time, a.end_time from activity_exceptions e \
             join activities a on a.id = e.activity_id {filter} order by e.on_date, e.id"
        );
        let rows: Vec<(ExceptionRow, NaiveTime, NaiveTime)> = db_run!(self.db, |pool| {
            let mut query = sqlx::query(&sql);
            if let Some(id) = activity_id {
                query = query.bind(id);
            }
            let rows = query.fetch_all(pool).await?;
            rows.iter()
                .map(|row| {
                    use sqlx::{FromRow, Row};
                    Ok((
                        ExceptionRow::from_row(row)?,
                        row.try_get("start_time")?,
                        row.try_get("end_time")?,
                    ))
                })
                .collect::<Result<Vec<_>, sqlx::Error>>()
        })?;
        Ok(rows
            .into_iter()
            .filter_map(|(row, start, end)| row.into_exception((start, end)))
            .collect())
    }

    /// Adds (or replaces) the exception for one date of an activity, with an audit entry.
    pub async fn set_exception(
        &self,
        actor_id: Option<i64>,
        activity_id: i64,
        on_date: NaiveDate,
        kind: &ExceptionKind,
        reason: &str,
        now: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        let (name, new_date, new_start, new_end) = match kind {
            ExceptionKind::Cancelled => ("cancelled", None, None, None),
            ExceptionKind::Moved { to, start, end } => {
                ("moved", Some(*to), Some(*start), Some(*end))
            }
            ExceptionKind::Extra { start, end } => ("extra", None, Some(*start), Some(*end)),
        };
        let mut tx = self.db.begin().await?;
        tx_run!(&mut tx, |conn| {
            sqlx::query("delete from activity_exceptions where activity_id = $1 and on_date = $2")
                .bind(activity_id)
                .bind(on_date)
                .execute(&mut *conn)
                .await?;
            sqlx::query(
                "insert into activity_exceptions (activity_id, on_date, kind, reason, new_date, \
                 new_start, new_end) values ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(activity_id)
            .bind(on_date)
            .bind(name)
            .bind(reason)
            .bind(new_date)
            .bind(new_start)
            .bind(new_end)
            .execute(conn)
            .await
            .map(drop)
        })?;
        let details = format!("{activity_id} {on_date} {name}");
        audit_in(&mut tx, now, actor_id, "set_exception", &details).await?;
        tx.commit().await
    }

    /// Removes an exception of an activity, with an audit entry. False if there was none.
    pub async fn delete_exception(
        &self,
        actor_id: Option<i64>,
        activity_id: i64,
        exception_id: i64,
        now: DateTime<Utc>,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.db.begin().await?;
        let deleted = tx_run!(&mut tx, |conn| {
            sqlx::query("delete from activity_exceptions where id = $1 and activity_id = $2")
                .bind(exception_id)
                .bind(activity_id)
                .execute(conn)
                .await
                .map(|done| done.rows_affected())
        })?;
        if deleted == 0 {
            return Ok(false);
        }
        let details = format!("{activity_id} {exception_id}");
        audit_in(&mut tx, now, actor_id, "delete_exception", &details).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Every occurrence in `from..=to` of the activities `filter` admits, by start time.
    pub async fn occurrences_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        filter: &Filter,
    ) -> Result<Vec<Occurrence>, sqlx::Error> {
        Ok(self.schedule().await?.occurrences(from, to, filter))
    }

    /// Every activity with its exceptions: what the occurrences of any period are worked out
    /// from.
    pub async fn schedule(&self) -> Result<Schedule, sqlx::Error> {
        let activities = self.list_activities().await?;
        let mut exceptions: HashMap<i64, Vec<Exception>> = HashMap::new();
        for (activity_id, exception) in self.list_exceptions().await? {
            exceptions.entry(activity_id).or_default().push(exception);
        }
        Ok(Schedule {
            activities,
            exceptions,
        })
    }

    /// One occurrence by its identity, wherever it has been moved to.
    pub async fn occurrence_by_key(
        &self,
        key: &OccurrenceKey,
    ) -> Result<Option<(Activity, Occurrence)>, sqlx::Error> {
        match self.activity_by_slug(&key.activity_slug).await? {
            Some(activity) => self.locate_occurrence(activity, key.date).await,
            None => Ok(None),
        }
    }

    /// The occurrence of activity `activity_id` scheduled on `date`, wherever it has been moved
    /// to: how the staff's pages and a sign-up, which know the activity by its id, find it.
    pub async fn occurrence_by_activity(
        &self,
        activity_id: i64,
        date: NaiveDate,
    ) -> Result<Option<(Activity, Occurrence)>, sqlx::Error> {
        match self.activity_by_id(activity_id).await? {
            Some(activity) => self.locate_occurrence(activity, date).await,
            None => Ok(None),
        }
    }

    /// The occurrence of `activity` scheduled on `date`, looked for at its scheduled date and,
    /// if it was moved, at its new one.
    async fn locate_occurrence(
        &self,
        activity: Activity,
        date: NaiveDate,
    ) -> Result<Option<(Activity, Occurrence)>, sqlx::Error> {
        let exceptions = self.exceptions_of(activity.id).await?;
        // A moved occurrence lives at its new date: look there too.
        let mut dates = vec![date];
        if let Some(ExceptionKind::Moved { to, .. }) = exceptions
            .iter()
            .find(|exception| exception.on_date == date)
            .map(|exception| &exception.kind)
        {
            dates.push(*to);
        }
        let found = dates.into_iter().find_map(|on| {
            occurrences_of(&activity, &exceptions, on, on)
                .into_iter()
                .find(|occurrence| occurrence.key.date == date)
        });
        Ok(found.map(|occurrence| (activity, occurrence)))
    }
}

/// Every activity with its exceptions, as read at one moment: working out the occurrences of a
/// long period (a year, for the feeds) is CPU work, done from this without the database (off
/// the async runtime, see `crate::cpu`).
#[derive(Clone, Debug)]
pub struct Schedule {
    activities: Vec<Activity>,
    exceptions: HashMap<i64, Vec<Exception>>,
}

impl Schedule {
    /// Every activity of the schedule.
    pub fn activities(&self) -> &[Activity] {
        &self.activities
    }

    /// Every occurrence in `from..=to` of the activities `filter` admits, by start time.
    pub fn occurrences(&self, from: NaiveDate, to: NaiveDate, filter: &Filter) -> Vec<Occurrence> {
        let none = Vec::new();
        let mut found: Vec<Occurrence> = self
            .activities
            .iter()
            .filter(|activity| filter.admits(activity))
            .flat_map(|activity| {
                let exceptions = self.exceptions.get(&activity.id).unwrap_or(&none);
                occurrences_of(activity, exceptions, from, to)
            })
            .collect();
        found.sort_by(|a, b| {
            a.starts
                .cmp(&b.starts)
                .then_with(|| a.activity_name.cmp(&b.activity_name))
        });
        found
    }
}

/// Keeps the focus area activity `id` now has as its area in that area's plan period, so a
/// report of an earlier period keeps the area the activity had then.
async fn link_focus_area_in(tx: &mut crate::db::Tx, id: i64) -> Result<(), sqlx::Error> {
    tx_run!(tx, |conn| {
        sqlx::query(
            "insert into activity_focus_areas (activity_id, plan_period_id, focus_area_id) \
             select a.id, f.plan_period_id, f.id from activities a \
             join focus_areas f on f.id = a.focus_area_id where a.id = $1 \
             on conflict (activity_id, plan_period_id) do update \
             set focus_area_id = excluded.focus_area_id",
        )
        .bind(id)
        .execute(conn)
        .await
        .map(|_| ())
    })
}

/// Replaces the summaries of activity `activity_id` in other languages with `summaries`.
async fn replace_summaries_in(
    tx: &mut Tx,
    activity_id: i64,
    summaries: &[(Lang, String)],
) -> Result<(), sqlx::Error> {
    tx_run!(tx, |conn| {
        sqlx::query("delete from activity_summaries where activity_id = $1")
            .bind(activity_id)
            .execute(conn)
            .await
            .map(drop)
    })?;
    for (lang, summary) in summaries {
        tx_run!(tx, |conn| {
            sqlx::query(
                "insert into activity_summaries (activity_id, lang, summary) values ($1, $2, $3)",
            )
            .bind(activity_id)
            .bind(lang.code())
            .bind(summary)
            .execute(conn)
            .await
            .map(drop)
        })?;
    }
    Ok(())
}
