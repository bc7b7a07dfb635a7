//! The report's queries, for both backends: the texts staff wrote in a report, the press
//! log's counts, the success criteria's values of some years, and the areas activities
//! reported under in a plan period.

use chrono::{DateTime, NaiveDate, Utc};

use super::ReportText;
use crate::{db::ReportQueries, db_run, plan::MeasureValue, tx_run};

impl ReportQueries<'_> {
    /// The texts written in report `report` (its key, see `report_key`).
    pub async fn texts(&self, report: &str) -> Result<Vec<ReportText>, sqlx::Error> {
        db_run!(self.db, |pool| {
            sqlx::query_as(
                "select t.part, t.body, coalesce(u.display_name, '') as updated_by, \
                 t.updated_at from report_texts t left join users u on u.id = t.updated_by \
                 where t.report = $1",
            )
            .bind(report)
            .fetch_all(pool)
            .await
        })
    }

    /// Writes the changed texts of report `report`, each `(part, body)`, in one transaction.
    pub async fn save_texts(
        &self,
        report: &str,
        changed: &[(String, String)],
        (actor_id, now): (Option<i64>, DateTime<Utc>),
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.db.begin_unseen().await?;
        for (part, body) in changed {
            tx_run!(&mut tx, |conn| {
                sqlx::query(
                    "insert into report_texts (report, part, body, updated_by, updated_at) \
                     values ($1, $2, $3, $4, $5) on conflict (report, part) do update set \
                     body = excluded.body, updated_by = excluded.updated_by, \
                     updated_at = excluded.updated_at",
                )
                .bind(report)
                .bind(part)
                .bind(body)
                .bind(actor_id)
                .bind(now)
                .execute(&mut *conn)
                .await
                .map(|_| ())
            })?;
        }
        tx.commit().await
    }

    /// The press releases and mentions dated `from` to `to`: (releases, mentions).
    pub async fn press_counts(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<(i64, i64), sqlx::Error> {
        db_run!(self.db, |pool| {
            sqlx::query_as(
                "select coalesce(sum(case when kind = 'release' then 1 else 0 end), 0), \
                 coalesce(sum(case when kind = 'mention' then 1 else 0 end), 0) \
                 from press_items where published_on >= $1 and published_on <= $2",
            )
            .bind(from)
            .bind(to)
            .fetch_one(pool)
            .await
        })
    }

    /// Every success criterion's values in the years `first` to `last`: (measure, value).
    pub async fn measure_values(
        &self,
        first: i64,
        last: i64,
    ) -> Result<Vec<(i64, MeasureValue)>, sqlx::Error> {
        let rows: Vec<(i64, i64, i64, i64)> = db_run!(self.db, |pool| {
            sqlx::query_as(
                "select measure_id, year, part, value from measure_values \
                 where year >= $1 and year <= $2",
            )
            .bind(first)
            .bind(last)
            .fetch_all(pool)
            .await
        })?;
        Ok(rows
            .into_iter()
            .map(|(measure, year, part, value)| (measure, MeasureValue { year, part, value }))
            .collect())
    }

    /// The focus area each activity reported under in plan period `period`: its kept area of
    /// that period, or else its present area if that belongs to the period. (activity, area)
    pub async fn activity_areas(&self, period: i64) -> Result<Vec<(i64, i64)>, sqlx::Error> {
        db_run!(self.db, |pool| {
            sqlx::query_as(
                "select a.id, coalesce(l.focus_area_id, f.id) from activities a \
                 left join activity_focus_areas l \
                 on l.activity_id = a.id and l.plan_period_id = $1 \
                 left join focus_areas f on f.id = a.focus_area_id and f.plan_period_id = $1 \
                 where l.focus_area_id is not null or f.id is not null",
            )
            .bind(period)
            .fetch_all(pool)
            .await
        })
    }
}
