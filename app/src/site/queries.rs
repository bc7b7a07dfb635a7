//! The site's queries, one method per statement, for both backends.

use super::{FocusArea, HousingArea, SiteInfo, Venue};
use crate::{db::SiteQueries, db_run, tx_run};

/// A venue before it has an id.
#[derive(Clone, Debug)]
pub struct NewVenue<'a> {
    pub slug: &'a str,
    pub name: &'a str,
    pub address: &'a str,
    pub description: &'a str,
    pub accessibility: &'a str,
}

/// Everything the base tables hold, written together by [`Db::insert_base_data`].
#[derive(Clone, Debug)]
pub struct BaseData<'a> {
    pub site: SiteInfo,
    pub housing_areas: &'a [&'a str],
    /// Focus areas as (slug, name), in the plan's order, for the plan period `year` lies in
    /// (a period of four years from `year` is made if there is none).
    pub focus_areas: &'a [(&'a str, &'a str)],
    pub year: i32,
    pub venues: &'a [NewVenue<'a>],
}

impl SiteQueries<'_> {
    /// How many times the public pages may have changed, as every instance has counted its
    /// writes ([`SiteQueries::count_page_change`]); an instance's page cache compares it.
    pub async fn page_version(&self) -> Result<i64, sqlx::Error> {
        db_run!(self.db, |pool| {
            sqlx::query_scalar("select version from page_version where id = 1")
                .fetch_one(pool)
                .await
        })
    }

    /// Adds one to the page version after this instance wrote something a public page may
    /// show; returns the new number.
    pub async fn count_page_change(&self) -> Result<i64, sqlx::Error> {
        db_run!(self.db, |pool| {
            sqlx::query_scalar(
                "update page_version set version = version + 1 where id = 1 returning version",
            )
            .fetch_one(pool)
            .await
        })
    }

    /// The site's name and contact details (the single row of `site`).
    pub async fn site_info(&self) -> Result<SiteInfo, sqlx::Error> {
        db_run!(self.db, |pool| {
            sqlx::query_as(
                "select name, organisation, magazine_name, intro, contact_email, contact_phone, \
                 contact_address from site where id = 1",
            )
            .fetch_one(pool)
            .await
        })
    }

    /// Housing areas in their display order.
    pub async fn list_housing_areas(&self) -> Result<Vec<HousingArea>, sqlx::Error> {
        db_run!(self.db, |pool| {
            sqlx::query_as("select id, name, position from housing_areas order by position, name")
                .fetch_all(pool)
                .await
        })
    }

    /// Focus areas in the plan's order.
    pub async fn list_focus_areas(&self) -> Result<Vec<FocusArea>, sqlx::Error> {
        db_run!(self.db, |pool| {
            sqlx::query_as(
                "select id, slug, name, position from focus_areas order by position, name",
            )
            .fetch_all(pool)
            .await
        })
    }

    /// The focus areas as a form's choices, (id, name), in the plan's order.
    pub async fn focus_area_choices(&self) -> Result<Vec<(i64, String)>, sqlx::Error> {
        let areas = self.list_focus_areas().await?;
        Ok(areas.into_iter().map(|area| (area.id, area.name)).collect())
    }

    /// The focus areas of the plan period `year` lies in (or else the latest period) as a
    /// form's choices, (id, name), in the plan's order; with area `keep` first when it is of
    /// another period, so a form never changes an earlier choice by itself.
    pub async fn current_focus_area_choices(
        &self,
        year: i32,
        keep: Option<i64>,
    ) -> Result<Vec<(i64, String)>, sqlx::Error> {
        db_run!(self.db, |pool| {
            sqlx::query_as(
                "select f.id, f.name from focus_areas f where f.id = $2 or f.plan_period_id = \
                 (select id from plan_periods order by \
                  case when first_year <= $1 and last_year >= $1 then 0 else 1 end, \
                  first_year desc limit 1) \
                 order by case when f.id = $2 then 0 else 1 end, f.position, f.name",
            )
            .bind(i64::from(year))
            .bind(keep)
            .fetch_all(pool)
            .await
        })
    }

    /// The venues as a form's choices, (id, name), by name.
    pub async fn venue_choices(&self) -> Result<Vec<(i64, String)>, sqlx::Error> {
        let venues = self.list_venues().await?;
        Ok(venues
            .into_iter()
            .map(|venue| (venue.id, venue.name))
            .collect())
    }

    /// Venues by name.
    pub async fn list_venues(&self) -> Result<Vec<Venue>, sqlx::Error> {
        db_run!(self.db, |pool| {
            sqlx::query_as(
                "select id, slug, name, address, description, accessibility from venues order by name",
            )
            .fetch_all(pool)
            .await
        })
    }

    /// True when no base data has been entered yet: no housing area, focus area or venue.
    pub async fn base_data_is_empty(&self) -> Result<bool, sqlx::Error> {
        let count: i64 = db_run!(self.db, |pool| {
            sqlx::query_scalar(
                "select (select count(*) from housing_areas) + (select count(*) from focus_areas) \
                 + (select count(*) from venues)",
            )
            .fetch_one(pool)
            .await
        })?;
        Ok(count == 0)
    }

    /// Writes the site row and the base tables in one transaction, so a crash leaves either
    /// all of it or none. Rows that already exist (same name or slug) are left as they are.
    pub async fn insert_base_data(&self, data: &BaseData<'_>) -> Result<(), sqlx::Error> {
        let mut tx = self.db.begin().await?;
        tx_run!(&mut tx, |conn| {
            let site = &data.site;
            sqlx::query(
                "update site set name = $1, organisation = $2, magazine_name = $3, intro = $4, \
                 contact_email = $5, contact_phone = $6, contact_address = $7 where id = 1",
            )
            .bind(&site.name)
            .bind(&site.organisation)
            .bind(&site.magazine_name)
            .bind(&site.intro)
            .bind(&site.contact_email)
            .bind(&site.contact_phone)
            .bind(&site.contact_address)
            .execute(&mut *conn)
            .await?;
            for (position, name) in (0_i64..).zip(data.housing_areas) {
                sqlx::query(
                    "insert into housing_areas (name, position) values ($1, $2) \
                     on conflict (name) do nothing",
                )
                .bind(name)
                .bind(position)
                .execute(&mut *conn)
                .await?;
            }
            if !data.focus_areas.is_empty() {
                let year = i64::from(data.year);
                let covering: Option<i64> = sqlx::query_scalar(
                    "select id from plan_periods where first_year <= $1 and last_year >= $1 \
                     order by first_year desc limit 1",
                )
                .bind(year)
                .fetch_optional(&mut *conn)
                .await?;
                let period: i64 = match covering {
                    Some(period) => period,
                    None => {
                        sqlx::query_scalar(
                            "insert into plan_periods (name, first_year, last_year) \
                             values ($1, $2, $3) returning id",
                        )
                        .bind(format!("Helhedsplan {year}–{}", year + 3))
                        .bind(year)
                        .bind(year + 3)
                        .fetch_one(&mut *conn)
                        .await?
                    }
                };
                for (position, (slug, name)) in (0_i64..).zip(data.focus_areas) {
                    sqlx::query(
                        "insert into focus_areas (plan_period_id, slug, name, position) \
                         values ($1, $2, $3, $4) on conflict do nothing",
                    )
                    .bind(period)
                    .bind(slug)
                    .bind(name)
                    .bind(position)
                    .execute(&mut *conn)
                    .await?;
                }
            }
            for venue in data.venues {
                sqlx::query(
                    "insert into venues (slug, name, address, description, accessibility) \
                     values ($1, $2, $3, $4, $5) on conflict (slug) do nothing",
                )
                .bind(venue.slug)
                .bind(venue.name)
                .bind(venue.address)
                .bind(venue.description)
                .bind(venue.accessibility)
                .execute(&mut *conn)
                .await?;
            }
            Ok::<_, sqlx::Error>(())
        })?;
        tx.commit().await
    }
}
