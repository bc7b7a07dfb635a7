//! The figures' queries, for both backends: the raw rows of a period, which
//! [`super::compute`] adds up. Adding up in Rust keeps the SQL the same on both backends and
//! the definitions in one place.

use chrono::NaiveDate;

use crate::{db::FigureQueries, signups::SignupStatus};

/// One occurrence with what was recorded for it (nothing if attendance was not recorded).
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct OccurrenceFigures {
    pub occurrence_id: i64,
    pub activity_id: i64,
    pub on_date: NaiveDate,
    pub held: Option<bool>,
    pub walkin_adults: Option<i64>,
    pub walkin_children: Option<i64>,
    pub volunteers: Option<i64>,
    pub first_timers: Option<i64>,
}

/// One sign-up's counts; no personal detail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignupFigures {
    pub occurrence_id: i64,
    pub adults: i64,
    pub children: i64,
    pub status: SignupStatus,
    pub attended: Option<bool>,
    pub promoted: bool,
}

/// [`SignupFigures`] as stored.
#[derive(sqlx::FromRow)]
struct SignupFiguresRow {
    occurrence_id: i64,
    adults: i64,
    children: i64,
    status: String,
    attended: Option<bool>,
    promoted: bool,
}

impl From<SignupFiguresRow> for SignupFigures {
    fn from(row: SignupFiguresRow) -> Self {
        SignupFigures {
            occurrence_id: row.occurrence_id,
            adults: row.adults,
            children: row.children,
            status: SignupStatus::from_stored(&row.status),
            attended: row.attended,
            promoted: row.promoted,
        }
    }
}

impl FigureQueries<'_> {
    /// Every occurrence row scheduled in `from..=to` with its attendance, and the counts of
    /// their sign-ups.
    pub async fn figure_rows(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<(Vec<OccurrenceFigures>, Vec<SignupFigures>), sqlx::Error> {
        let occurrences = crate::db_run!(self.db, |pool| {
            sqlx::query_as(
                "select o.id as occurrence_id, o.activity_id, o.on_date, a.held, \
                 a.walkin_adults, a.walkin_children, a.volunteers, a.first_timers \
                 from occurrences o left join attendance a on a.occurrence_id = o.id \
                 where o.on_date between $1 and $2 order by o.on_date, o.id",
            )
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await
        })?;
        let signups: Vec<SignupFiguresRow> = crate::db_run!(self.db, |pool| {
            sqlx::query_as(
                "select s.occurrence_id, s.adults, s.children, s.status, s.attended, \
                 (s.promoted_at is not null) as promoted \
                 from signups s join occurrences o on o.id = s.occurrence_id \
                 where o.on_date between $1 and $2 order by s.id",
            )
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await
        })?;
        Ok((occurrences, signups.into_iter().map(Into::into).collect()))
    }

    /// The first day anything was planned or recorded for, if any: where the years the figures
    /// offer begin.
    pub async fn first_recorded_day(&self) -> Result<Option<NaiveDate>, sqlx::Error> {
        crate::db_run!(self.db, |pool| {
            sqlx::query_scalar("select min(on_date) from occurrences")
                .fetch_one(pool)
                .await
        })
    }
}
