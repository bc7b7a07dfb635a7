//! The visitor counting's queries, for both backends: the day's salt, adding a batch of views,
//! summing up finished days (and deleting their salts and hashes), and reading the figures.
//!
//! The days still being counted live in `visit_hits` (one row per visitor, page and day); the
//! readers add them to the finished days' rows, so the figures are as fresh as the last batch.

use chrono::NaiveDate;

use super::{ArticleCount, Batch, DaySummary, PageCount, ReferrerCount, VisitDay};
use crate::{db::VisitQueries, tx_run};

/// The live days' figures, computed from their hashes the way [`VisitQueries::finish_days_before`]
/// stores them. `sum` is cast because PostgreSQL sums `bigint` into `numeric`.
const LIVE_DAYS: &str = "select day, count(distinct visitor) as visitors, \
     cast(sum(views) as bigint) as views, \
     count(distinct case when device = 'phone' then visitor end) as phones, \
     count(distinct case when device = 'tablet' then visitor end) as tablets, \
     count(distinct case when device = 'computer' then visitor end) as computers \
     from visit_hits";

impl VisitQueries<'_> {
    /// The first day visitors were counted, if any: where the years the page offers begin.
    pub async fn first_day(&self) -> Result<Option<NaiveDate>, sqlx::Error> {
        crate::db_run!(self.db, |pool| {
            sqlx::query_scalar(
                "select min(day) from (select min(day) as day from visit_days \
                 union all select min(day) as day from visit_hits) as firsts",
            )
            .fetch_one(pool)
            .await
        })
    }

    /// The salt of `day`: the stored one, or `fresh`, stored now. Every instance asks here, so
    /// they all hash with the same salt and a visitor seen by two of them is one.
    pub async fn salt(&self, day: NaiveDate, fresh: &[u8; 32]) -> Result<Vec<u8>, sqlx::Error> {
        crate::db_run!(self.db, |pool| {
            sqlx::query(
                "insert into visit_salts (day, salt) values ($1, $2) \
                 on conflict (day) do nothing",
            )
            .bind(day)
            .bind(&fresh[..])
            .execute(pool)
            .await?;
            sqlx::query_scalar("select salt from visit_salts where day = $1")
                .bind(day)
                .fetch_one(pool)
                .await
        })
    }

    /// Adds a batch of views in one transaction: a visitor's views of a page are added to the
    /// row another instance may already have written.
    pub async fn add(&self, batch: &Batch) -> Result<(), sqlx::Error> {
        let mut tx = self.db.begin_unseen().await?;
        tx_run!(&mut tx, |conn| {
            for (key, (device, views)) in &batch.hits {
                sqlx::query(
                    "insert into visit_hits (day, visitor, path, device, views) \
                     values ($1, $2, $3, $4, $5) \
                     on conflict (day, visitor, path) \
                     do update set views = visit_hits.views + excluded.views",
                )
                .bind(key.day)
                .bind(&key.visitor[..])
                .bind(&key.path)
                .bind(device.as_str())
                .bind(views)
                .execute(&mut *conn)
                .await?;
            }
            for ((day, domain), visits) in &batch.referrers {
                sqlx::query(
                    "insert into visit_referrers (day, domain, visits) values ($1, $2, $3) \
                     on conflict (day, domain) \
                     do update set visits = visit_referrers.visits + excluded.visits",
                )
                .bind(day)
                .bind(domain)
                .bind(visits)
                .execute(&mut *conn)
                .await?;
            }
            Ok::<_, sqlx::Error>(())
        })?;
        tx.commit().await
    }

    /// Sums up every day before `day` that is still being counted into the finished days'
    /// figures, and deletes its hashes and its salt, in one transaction. Answers how many days
    /// it finished. Two instances may do this at once: the second finds the first's rows and
    /// leaves them, as both computed them from the same hashes.
    pub async fn finish_days_before(&self, day: NaiveDate) -> Result<u64, sqlx::Error> {
        let mut tx = self.db.begin_unseen().await?;
        let finished = tx_run!(&mut tx, |conn| {
            let finished = sqlx::query(&format!(
                "insert into visit_days (day, visitors, views, phones, tablets, computers) \
                 {LIVE_DAYS} where day < $1 group by day \
                 on conflict (day) do nothing"
            ))
            .bind(day)
            .execute(&mut *conn)
            .await?
            .rows_affected();
            sqlx::query(
                "insert into visit_pages (day, path, views, visitors) \
                 select day, path, cast(sum(views) as bigint), count(*) from visit_hits \
                 where day < $1 group by day, path \
                 on conflict (day, path) do nothing",
            )
            .bind(day)
            .execute(&mut *conn)
            .await?;
            sqlx::query("delete from visit_hits where day < $1")
                .bind(day)
                .execute(&mut *conn)
                .await?;
            sqlx::query("delete from visit_salts where day < $1")
                .bind(day)
                .execute(&mut *conn)
                .await?;
            Ok::<_, sqlx::Error>(finished)
        })?;
        tx.commit().await?;
        Ok(finished)
    }

    /// Every counted day in `from..=to`, finished or still being counted, in date order.
    pub async fn days(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<VisitDay>, sqlx::Error> {
        crate::db_run!(self.db, |pool| {
            sqlx::query_as(&format!(
                "select day, visitors, views, phones, tablets, computers from visit_days \
                 where day between $1 and $2 \
                 union all {LIVE_DAYS} where day between $1 and $2 group by day \
                 order by day"
            ))
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await
        })
    }

    /// The `limit` most viewed pages in `from..=to`.
    pub async fn pages(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        limit: i64,
    ) -> Result<Vec<PageCount>, sqlx::Error> {
        crate::db_run!(self.db, |pool| {
            sqlx::query_as(&format!(
                "select path, cast(sum(views) as bigint) as views, \
                 cast(sum(visitors) as bigint) as visitors \
                 from ({PAGES_OF_PERIOD}) as counted \
                 group by path order by views desc, path limit $3"
            ))
            .bind(from)
            .bind(to)
            .bind(limit)
            .fetch_all(pool)
            .await
        })
    }

    /// The `limit` most viewed articles in `from..=to`, by their pages `/nyheder/{slug}`.
    pub async fn articles(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        limit: i64,
    ) -> Result<Vec<ArticleCount>, sqlx::Error> {
        crate::db_run!(self.db, |pool| {
            sqlx::query_as(&format!(
                "select a.title, a.slug, cast(sum(counted.views) as bigint) as views, \
                 cast(sum(counted.visitors) as bigint) as visitors \
                 from ({PAGES_OF_PERIOD}) as counted \
                 join articles a on counted.path = '/nyheder/' || a.slug \
                 group by a.id, a.title, a.slug order by views desc, a.title limit $3"
            ))
            .bind(from)
            .bind(to)
            .bind(limit)
            .fetch_all(pool)
            .await
        })
    }

    /// The `limit` domains that sent the most views in `from..=to`.
    pub async fn referrers(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        limit: i64,
    ) -> Result<Vec<ReferrerCount>, sqlx::Error> {
        crate::db_run!(self.db, |pool| {
            sqlx::query_as(
                "select domain, cast(sum(visits) as bigint) as visits from visit_referrers \
                 where day between $1 and $2 \
                 group by domain order by visits desc, domain limit $3",
            )
            .bind(from)
            .bind(to)
            .bind(limit)
            .fetch_all(pool)
            .await
        })
    }

    /// Stores finished days as they are (the demo content's past), in one transaction.
    pub async fn insert_finished_days(&self, days: &[DaySummary]) -> Result<(), sqlx::Error> {
        let mut tx = self.db.begin_unseen().await?;
        tx_run!(&mut tx, |conn| {
            for summary in days {
                let day = &summary.day;
                sqlx::query(
                    "insert into visit_days (day, visitors, views, phones, tablets, computers) \
                     values ($1, $2, $3, $4, $5, $6)",
                )
                .bind(day.day)
                .bind(day.visitors)
                .bind(day.views)
                .bind(day.phones)
                .bind(day.tablets)
                .bind(day.computers)
                .execute(&mut *conn)
                .await?;
                for page in &summary.pages {
                    sqlx::query(
                        "insert into visit_pages (day, path, views, visitors) \
                         values ($1, $2, $3, $4)",
                    )
                    .bind(day.day)
                    .bind(&page.path)
                    .bind(page.views)
                    .bind(page.visitors)
                    .execute(&mut *conn)
                    .await?;
                }
                for referrer in &summary.referrers {
                    sqlx::query(
                        "insert into visit_referrers (day, domain, visits) values ($1, $2, $3)",
                    )
                    .bind(day.day)
                    .bind(&referrer.domain)
                    .bind(referrer.visits)
                    .execute(&mut *conn)
                    .await?;
                }
            }
            Ok::<_, sqlx::Error>(())
        })?;
        tx.commit().await
    }
}

/// Every page row of the period `$1..=$2`: the finished days' and the live days' (where each
/// hash row is one visitor of its page that day).
const PAGES_OF_PERIOD: &str = "select path, views, visitors from visit_pages \
     where day between $1 and $2 \
     union all select path, views, 1 as visitors from visit_hits where day between $1 and $2";
