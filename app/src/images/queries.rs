//! The images' queries, for both backends.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::{process::Variant, Image};
use crate::{articles::queries::PUBLIC, db::ImageQueries, tx_run};

impl ImageQueries<'_> {
    /// Stores an image's variants (the widest last) and returns its id.
    pub async fn save_image(
        &self,
        uploaded_by: Option<i64>,
        variants: &[Variant],
        now: DateTime<Utc>,
    ) -> Result<i64, sqlx::Error> {
        let (width, height) = variants
            .last()
            .map(|v| (i64::from(v.width), i64::from(v.height)))
            .unwrap_or_default();
        let mut tx = self.db.begin().await?;
        let id = tx_run!(&mut tx, |conn| {
            let id: i64 = sqlx::query_scalar(
                "insert into images (width, height, uploaded_by, created_at) \
                 values ($1, $2, $3, $4) returning id",
            )
            .bind(width)
            .bind(height)
            .bind(uploaded_by)
            .bind(now)
            .fetch_one(&mut *conn)
            .await?;
            for variant in variants {
                sqlx::query(
                    "insert into image_variants (image_id, width, height, etag, data) \
                     values ($1, $2, $3, $4, $5)",
                )
                .bind(id)
                .bind(i64::from(variant.width))
                .bind(i64::from(variant.height))
                .bind(&variant.etag)
                .bind(&variant.data)
                .execute(&mut *conn)
                .await?;
            }
            Ok::<_, sqlx::Error>(id)
        })?;
        tx.commit().await?;
        Ok(id)
    }

    /// The images of `ids` with their stored widths, by id; ids without an image are left out.
    pub async fn images_by_ids(&self, ids: &[i64]) -> Result<HashMap<i64, Image>, sqlx::Error> {
        let rows: Vec<(i64, i64, i64)> = self
            .db
            .rows_for_ids(
                "select image_id, width, height from image_variants \
                 where image_id in ({ids}) order by image_id, width",
                ids,
            )
            .await?;
        let mut images: HashMap<i64, Image> = HashMap::new();
        // Ordered by width, so the last variant of each image is its widest.
        for (id, width, height) in rows {
            let image = images.entry(id).or_insert_with(|| Image {
                id,
                width,
                height,
                widths: Vec::new(),
            });
            image.width = width;
            image.height = height;
            image.widths.push(width);
        }
        Ok(images)
    }

    /// One variant's JPEG and ETag, and whether residents may see it at `now`.
    pub async fn image_variant(
        &self,
        id: i64,
        width: i64,
        now: DateTime<Utc>,
    ) -> Result<Option<StoredVariant>, sqlx::Error> {
        // An image is public while a published article, a magazine issue (issues have no
        // drafts: every issue is on the public pages) or an activity (every activity is in the
        // calendar) has it as its cover, or it is a photo of
        // a journalist's submission that is a published article.
        let sql = format!(
            "select v.data, v.etag, \
             (select count(*) from articles a where a.cover_image_id = v.image_id and {PUBLIC}) \
             + (select count(*) from magazine_issues i where i.cover_image_id = v.image_id) \
             + (select count(*) from activities c where c.cover_image_id = v.image_id) \
             + (select count(*) from submission_photos p \
                join submissions s on s.id = p.submission_id \
                join articles a on a.id = s.article_id \
                where p.image_id = v.image_id and {PUBLIC}) as public_uses, \
             (select uploaded_by from images where id = v.image_id) as uploaded_by \
             from image_variants v where v.image_id = $2 and v.width = $3"
        );
        crate::db_run!(self.db, |pool| {
            sqlx::query_as::<_, (Vec<u8>, String, i64, Option<i64>)>(&sql)
                .bind(now)
                .bind(id)
                .bind(width)
                .fetch_optional(pool)
                .await
        })
        .map(|found| {
            found.map(|(data, etag, public_uses, uploaded_by)| StoredVariant {
                data,
                etag,
                public: public_uses > 0,
                uploaded_by,
            })
        })
    }

    /// Deletes the images that no article, magazine issue, activity or submission uses and that were stored
    /// before `before`, with their variants; returns how many. A cover that is let go of is deleted
    /// at once (by the schema's triggers), so this finds uploads that never became a cover (their
    /// article was not saved after all). The time spares an upload whose article is being saved
    /// this moment (the image is stored just before the article that uses it).
    pub async fn delete_unused_images(&self, before: DateTime<Utc>) -> Result<u64, sqlx::Error> {
        crate::db_run!(self.db, |pool| {
            sqlx::query(
                "delete from images where created_at < $1 \
                 and id not in (select cover_image_id from articles \
                                where cover_image_id is not null) \
                 and id not in (select cover_image_id from magazine_issues \
                                where cover_image_id is not null) \
                 and id not in (select cover_image_id from activities \
                                where cover_image_id is not null) \
                 and id not in (select image_id from submission_photos)",
            )
            .bind(before)
            .execute(pool)
            .await
            .map(|done| done.rows_affected())
        })
    }
}

/// One stored variant as the image address serves it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredVariant {
    /// The JPEG.
    pub data: Vec<u8>,
    pub etag: String,
    /// Whether something residents see uses the image; only staff (and the one who uploaded
    /// it) may see it otherwise.
    pub public: bool,
    /// The account that uploaded it (a journalist sees the photos of their own submissions).
    pub uploaded_by: Option<i64>,
}
