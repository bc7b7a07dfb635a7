//! The measures' queries, for both backends.

use chrono::{DateTime, NaiveDate, Utc};

use super::{Measure, MeasureValue, PlanArea, PlanPeriod, PressItem, ValueChange};
use crate::{db::PlanQueries, db_run, tx_run};

/// A measure as the form gives it, before it has an id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewMeasure {
    pub focus_area_id: Option<i64>,
    pub activity_id: Option<i64>,
    pub name: String,
    pub unit: String,
    pub recorded_per: String,
    pub yearly_target: Option<i64>,
    pub part_of: Option<i64>,
}

/// An entry of the press log as the form gives it, before it has an id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewPressItem {
    pub kind: String,
    pub published_on: NaiveDate,
    pub outlet: String,
    pub title: String,
    pub url: String,
    pub focus_area_id: Option<i64>,
}

/// Which entries of the press log a list shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PressFilter {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// "release" or "mention"; None for both.
    pub kind: Option<String>,
    pub focus_area_id: Option<i64>,
}

const PRESS_ITEM: &str = "select p.id, p.kind, p.published_on, p.outlet, p.title, p.url, \
     p.focus_area_id, coalesce(f.name, '') as focus_area from press_items p \
     left join focus_areas f on f.id = p.focus_area_id";

const MEASURE: &str = "select m.id, m.focus_area_id, m.activity_id, \
     coalesce(f.name, a.name, '') as owner_name, m.name, m.unit, m.recorded_per, \
     m.yearly_target, m.part_of from measures m \
     left join focus_areas f on f.id = m.focus_area_id \
     left join activities a on a.id = m.activity_id";

impl PlanQueries<'_> {
    /// The plan's periods, the latest first.
    pub async fn plan_periods(&self) -> Result<Vec<PlanPeriod>, sqlx::Error> {
        db_run!(self.db, |pool| {
            sqlx::query_as(
                "select id, name, first_year, last_year from plan_periods \
                 order by first_year desc",
            )
            .fetch_all(pool)
            .await
        })
    }

    /// Every period's focus areas, in each period's order.
    pub async fn plan_areas(&self) -> Result<Vec<PlanArea>, sqlx::Error> {
        db_run!(self.db, |pool| {
            sqlx::query_as(
                "select id, plan_period_id, slug, name, goal, position from focus_areas \
                 order by plan_period_id, position, name",
            )
            .fetch_all(pool)
            .await
        })
    }

    /// The period other than `except` that shares a year with `first..=last`, by name.
    pub async fn overlapping_period(
        &self,
        (first, last): (i64, i64),
        except: Option<i64>,
    ) -> Result<Option<String>, sqlx::Error> {
        db_run!(self.db, |pool| {
            sqlx::query_scalar(
                "select name from plan_periods where first_year <= $2 and last_year >= $1 \
                 and id <> $3 order by first_year limit 1",
            )
            .bind(first)
            .bind(last)
            .bind(except.unwrap_or(-1))
            .fetch_optional(pool)
            .await
        })
    }

    /// Adds a period (`id` None) or changes one; its id.
    pub async fn save_plan_period(
        &self,
        id: Option<i64>,
        (name, first, last): (&str, i64, i64),
    ) -> Result<i64, sqlx::Error> {
        db_run!(self.db, |pool| {
            match id {
                Some(id) => sqlx::query_scalar(
                    "update plan_periods set name = $2, first_year = $3, last_year = $4 \
                     where id = $1 returning id",
                )
                .bind(id),
                None => sqlx::query_scalar(
                    "insert into plan_periods (name, first_year, last_year) \
                     values ($1, $2, $3) returning id",
                ),
            }
            .bind(name)
            .bind(first)
            .bind(last)
            .fetch_one(pool)
            .await
        })
    }

    /// Whether a focus area other than `except` has `slug`.
    pub async fn area_slug_taken(
        &self,
        slug: &str,
        except: Option<i64>,
    ) -> Result<bool, sqlx::Error> {
        db_run!(self.db, |pool| {
            sqlx::query_scalar(
                "select exists (select 1 from focus_areas where slug = $1 and id <> $2)",
            )
            .bind(slug)
            .bind(except.unwrap_or(-1))
            .fetch_one(pool)
            .await
        })
    }

    /// Whether period `period` has a focus area named `name` other than `except`.
    pub async fn area_name_taken(
        &self,
        period: i64,
        name: &str,
        except: Option<i64>,
    ) -> Result<bool, sqlx::Error> {
        db_run!(self.db, |pool| {
            sqlx::query_scalar(
                "select exists (select 1 from focus_areas where plan_period_id = $1 \
                 and name = $2 and id <> $3)",
            )
            .bind(period)
            .bind(name)
            .bind(except.unwrap_or(-1))
            .fetch_one(pool)
            .await
        })
    }

    /// Adds a focus area (`id` None, with `area.slug`) or changes one (its slug stays, since
    /// addresses use it); its id.
    pub async fn save_plan_area(
        &self,
        id: Option<i64>,
        area: &PlanArea,
    ) -> Result<i64, sqlx::Error> {
        let mut tx = self.db.begin().await?;
        let id = tx_run!(&mut tx, |conn| {
            match id {
                Some(id) => {
                    sqlx::query_scalar(
                        "update focus_areas set plan_period_id = $2, name = $3, goal = $4, \
                         position = $5 where id = $1 returning id",
                    )
                    .bind(id)
                    .bind(area.plan_period_id)
                    .bind(&area.name)
                    .bind(&area.goal)
                    .bind(area.position)
                    .fetch_one(&mut *conn)
                    .await
                }
                None => {
                    sqlx::query_scalar(
                        "insert into focus_areas (plan_period_id, name, goal, position, slug) \
                         values ($1, $2, $3, $4, $5) returning id",
                    )
                    .bind(area.plan_period_id)
                    .bind(&area.name)
                    .bind(&area.goal)
                    .bind(area.position)
                    .bind(&area.slug)
                    .fetch_one(&mut *conn)
                    .await
                }
            }
        })?;
        tx.commit().await?;
        Ok(id)
    }

    /// Every measure, by what it belongs to and then by name.
    pub async fn measures(&self) -> Result<Vec<Measure>, sqlx::Error> {
        let sql = format!("{MEASURE} order by owner_name, m.position, m.name, m.id");
        db_run!(self.db, |pool| {
            sqlx::query_as(&sql).fetch_all(pool).await
        })
    }

    pub async fn measure(&self, id: i64) -> Result<Option<Measure>, sqlx::Error> {
        let sql = format!("{MEASURE} where m.id = $1");
        db_run!(self.db, |pool| {
            sqlx::query_as(&sql).bind(id).fetch_optional(pool).await
        })
    }

    /// Adds a measure; its id.
    pub async fn insert_measure(
        &self,
        measure: &NewMeasure,
        now: DateTime<Utc>,
    ) -> Result<i64, sqlx::Error> {
        db_run!(self.db, |pool| {
            sqlx::query_scalar(
                "insert into measures (focus_area_id, activity_id, name, unit, recorded_per, \
                 yearly_target, part_of, created_at, updated_at) \
                 values ($1, $2, $3, $4, $5, $6, $7, $8, $8) returning id",
            )
            .bind(measure.focus_area_id)
            .bind(measure.activity_id)
            .bind(&measure.name)
            .bind(&measure.unit)
            .bind(&measure.recorded_per)
            .bind(measure.yearly_target)
            .bind(measure.part_of)
            .bind(now)
            .fetch_one(pool)
            .await
        })
    }

    /// Changes a measure; how often it is recorded stays as it was made.
    pub async fn update_measure(
        &self,
        id: i64,
        measure: &NewMeasure,
        now: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        db_run!(self.db, |pool| {
            sqlx::query(
                "update measures set focus_area_id = $2, activity_id = $3, name = $4, unit = $5, \
                 yearly_target = $6, part_of = $7, updated_at = $8 where id = $1",
            )
            .bind(id)
            .bind(measure.focus_area_id)
            .bind(measure.activity_id)
            .bind(&measure.name)
            .bind(&measure.unit)
            .bind(measure.yearly_target)
            .bind(measure.part_of)
            .bind(now)
            .execute(pool)
            .await
            .map(|_| ())
        })
    }

    /// The values of measure `id` in `year`, by part.
    pub async fn values_of(&self, id: i64, year: i64) -> Result<Vec<MeasureValue>, sqlx::Error> {
        db_run!(self.db, |pool| {
            sqlx::query_as(
                "select year, part, value from measure_values \
                 where measure_id = $1 and year = $2 order by part",
            )
            .bind(id)
            .bind(year)
            .fetch_all(pool)
            .await
        })
    }

    /// The measures whose values are part of measure `id`'s.
    pub async fn parts_of(&self, id: i64) -> Result<Vec<Measure>, sqlx::Error> {
        let sql = format!("{MEASURE} where m.part_of = $1 order by m.name");
        db_run!(self.db, |pool| {
            sqlx::query_as(&sql).bind(id).fetch_all(pool).await
        })
    }

    /// The history of measure `id`'s values in `year`, the last saved first.
    pub async fn history_of(&self, id: i64, year: i64) -> Result<Vec<ValueChange>, sqlx::Error> {
        db_run!(self.db, |pool| {
            sqlx::query_as(
                "select h.year, h.part, h.value, coalesce(u.display_name, '') as changed_by, \
                 h.changed_at from measure_value_history h \
                 left join users u on u.id = h.changed_by \
                 where h.measure_id = $1 and h.year = $2 order by h.id desc",
            )
            .bind(id)
            .bind(year)
            .fetch_all(pool)
            .await
        })
    }

    /// Writes the entered values of measure `id` in `year`, each `(part, value)` (None clears
    /// it), with a history line each, in one transaction. Two staff saving the same part at
    /// once end with one value (the last saved) and a line each.
    pub async fn save_values(
        &self,
        id: i64,
        year: i64,
        entered: &[(i64, Option<i64>)],
        (actor_id, now): (Option<i64>, DateTime<Utc>),
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.db.begin_unseen().await?;
        for &(part, value) in entered {
            tx_run!(&mut tx, |conn| {
                match value {
                    Some(value) => {
                        sqlx::query(
                            "insert into measure_values \
                             (measure_id, year, part, value, updated_by, updated_at) \
                             values ($1, $2, $3, $4, $5, $6) \
                             on conflict (measure_id, year, part) do update set \
                             value = excluded.value, updated_by = excluded.updated_by, \
                             updated_at = excluded.updated_at",
                        )
                        .bind(id)
                        .bind(year)
                        .bind(part)
                        .bind(value)
                        .bind(actor_id)
                        .bind(now)
                        .execute(&mut *conn)
                        .await?;
                    }
                    None => {
                        sqlx::query(
                            "delete from measure_values \
                             where measure_id = $1 and year = $2 and part = $3",
                        )
                        .bind(id)
                        .bind(year)
                        .bind(part)
                        .execute(&mut *conn)
                        .await?;
                    }
                }
                sqlx::query(
                    "insert into measure_value_history \
                     (measure_id, year, part, value, changed_by, changed_at) \
                     values ($1, $2, $3, $4, $5, $6)",
                )
                .bind(id)
                .bind(year)
                .bind(part)
                .bind(value)
                .bind(actor_id)
                .bind(now)
                .execute(&mut *conn)
                .await
                .map(|_| ())
            })?;
        }
        tx.commit().await
    }

    /// The press log's entries `filter` names, newest first.
    pub async fn press_items(&self, filter: &PressFilter) -> Result<Vec<PressItem>, sqlx::Error> {
        let sql = format!(
            "{PRESS_ITEM} where ($1 is null or p.published_on >= $1) \
             and ($2 is null or p.published_on <= $2) and ($3 is null or p.kind = $3) \
             and ($4 is null or p.focus_area_id = $4) order by p.published_on desc, p.id desc"
        );
        db_run!(self.db, |pool| {
            sqlx::query_as(&sql)
                .bind(filter.from)
                .bind(filter.to)
                .bind(filter.kind.as_deref())
                .bind(filter.focus_area_id)
                .fetch_all(pool)
                .await
        })
    }

    pub async fn press_item(&self, id: i64) -> Result<Option<PressItem>, sqlx::Error> {
        let sql = format!("{PRESS_ITEM} where p.id = $1");
        db_run!(self.db, |pool| {
            sqlx::query_as(&sql).bind(id).fetch_optional(pool).await
        })
    }

    /// Adds an entry to the press log, or changes entry `id`; its id.
    pub async fn save_press_item(
        &self,
        id: Option<i64>,
        item: &NewPressItem,
        (actor_id, now): (Option<i64>, DateTime<Utc>),
    ) -> Result<i64, sqlx::Error> {
        db_run!(self.db, |pool| {
            match id {
                Some(id) => sqlx::query_scalar(
                    "update press_items set kind = $2, published_on = $3, outlet = $4, \
                     title = $5, url = $6, focus_area_id = $7, updated_by = $8, updated_at = $9 \
                     where id = $1 returning id",
                )
                .bind(id),
                None => sqlx::query_scalar(
                    "insert into press_items (kind, published_on, outlet, title, url, \
                     focus_area_id, created_by, created_at, updated_by, updated_at) \
                     values ($1, $2, $3, $4, $5, $6, $7, $8, $7, $8) returning id",
                ),
            }
            .bind(&item.kind)
            .bind(item.published_on)
            .bind(&item.outlet)
            .bind(&item.title)
            .bind(&item.url)
            .bind(item.focus_area_id)
            .bind(actor_id)
            .bind(now)
            .fetch_one(pool)
            .await
        })
    }

    /// The choices of what a measure belongs to, as (form value, name): the focus areas of
    /// the plan period `year` lies in (or else the latest), then the activities.
    pub async fn owner_choices(&self, year: i32) -> Result<Vec<(String, String)>, sqlx::Error> {
        let areas = self
            .db
            .site()
            .current_focus_area_choices(year, None)
            .await?;
        let activities: Vec<(i64, String)> = db_run!(self.db, |pool| {
            sqlx::query_as("select id, name from activities order by name, id")
                .fetch_all(pool)
                .await
        })?;
        Ok(areas
            .into_iter()
            .map(|(id, name)| (format!("omraade-{id}"), name))
            .chain(
                activities
                    .into_iter()
                    .map(|(id, name)| (format!("aktivitet-{id}"), name)),
            )
            .collect())
    }
}
