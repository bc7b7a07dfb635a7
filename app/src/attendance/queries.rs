//! The attendance queries, for both backends.

use chrono::{DateTime, NaiveDate, Utc};

use super::Attendance;
use crate::{
    accounts::queries::audit_in,
    db::{AttendanceQueries, Tx},
    tx_run,
};

#[derive(sqlx::FromRow)]
struct AttendanceRow {
    held: bool,
    walkin_adults: i64,
    walkin_children: i64,
    volunteers: i64,
    first_timers: i64,
}

/// Writes the attendance of an occurrence inside `tx` (see
/// [`AttendanceQueries::record_attendance`]); demo content records its history through it.
pub async fn record_in(
    tx: &mut Tx,
    occurrence_id: i64,
    attendance: &Attendance,
    came: &[i64],
    (actor_id, now): (Option<i64>, DateTime<Utc>),
) -> Result<(), sqlx::Error> {
    tx_run!(tx, |conn| {
        sqlx::query(
            "insert into attendance (occurrence_id, held, walkin_adults, walkin_children, \
             volunteers, first_timers, recorded_at, recorded_by) \
             values ($1, $2, $3, $4, $5, $6, $7, $8) \
             on conflict (occurrence_id) do update set held = excluded.held, \
             walkin_adults = excluded.walkin_adults, \
             walkin_children = excluded.walkin_children, volunteers = excluded.volunteers, \
             first_timers = excluded.first_timers, recorded_at = excluded.recorded_at, \
             recorded_by = excluded.recorded_by",
        )
        .bind(occurrence_id)
        .bind(attendance.held)
        .bind(attendance.walkin_adults)
        .bind(attendance.walkin_children)
        .bind(attendance.volunteers)
        .bind(attendance.first_timers)
        .bind(now)
        .bind(actor_id)
        .execute(&mut *conn)
        .await?;
        sqlx::query(
            "update signups set attended = case when status = 'confirmed' and $2 \
             then false else null end where occurrence_id = $1",
        )
        .bind(occurrence_id)
        .bind(attendance.held)
        .execute(&mut *conn)
        .await?;
        if attendance.held {
            for id in came {
                sqlx::query(
                    "update signups set attended = true \
                     where id = $1 and occurrence_id = $2 and status = 'confirmed'",
                )
                .bind(id)
                .bind(occurrence_id)
                .execute(&mut *conn)
                .await?;
            }
        }
        Ok::<_, sqlx::Error>(())
    })
}

impl AttendanceQueries<'_> {
    /// The row of `activity_id`'s occurrence scheduled on `date`, if anything has attached to
    /// it yet (unlike [`Db::occurrence_id`], this never creates one).
    pub async fn existing_occurrence_id(
        &self,
        activity_id: i64,
        date: NaiveDate,
    ) -> Result<Option<i64>, sqlx::Error> {
        crate::db_run!(self.db, |pool| {
            sqlx::query_scalar("select id from occurrences where activity_id = $1 and on_date = $2")
                .bind(activity_id)
                .bind(date)
                .fetch_optional(pool)
                .await
        })
    }

    /// What was recorded for an occurrence, if anything.
    pub async fn attendance_of(
        &self,
        occurrence_id: i64,
    ) -> Result<Option<Attendance>, sqlx::Error> {
        let row: Option<AttendanceRow> = crate::db_run!(self.db, |pool| {
            sqlx::query_as(
                "select held, walkin_adults, walkin_children, volunteers, first_timers \
                 from attendance where occurrence_id = $1",
            )
            .bind(occurrence_id)
            .fetch_optional(pool)
            .await
        })?;
        Ok(row.map(|row| Attendance {
            held: row.held,
            walkin_adults: row.walkin_adults,
            walkin_children: row.walkin_children,
            volunteers: row.volunteers,
            first_timers: row.first_timers,
        }))
    }

    /// Records (or corrects) the attendance of an occurrence: the counts, and which confirmed
    /// parties came (`came`; every other confirmed party did not). For an occurrence that was
    /// not held nobody is marked either way.
    pub async fn record_attendance(
        &self,
        actor_id: Option<i64>,
        occurrence_id: i64,
        attendance: &Attendance,
        came: &[i64],
        now: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.db.begin().await?;
        record_in(&mut tx, occurrence_id, attendance, came, (actor_id, now)).await?;
        let details = format!("occurrence {occurrence_id}");
        audit_in(&mut tx, now, actor_id, "record_attendance", &details).await?;
        tx.commit().await
    }
}
