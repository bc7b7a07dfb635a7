//! Images (photos for articles): checked by their content, decoded and encoded again as JPEG in
//! a few widths, so no EXIF or GPS data survives, and stored in the database. Pages show them
//! with width, height, `srcset`, `sizes`, alt text and lazy loading; `/billeder/{id}/{width}.jpg`
//! serves them with an ETag and a long cache lifetime (a variant never changes) while something
//! published uses them (staff see the others, and a journalist the photos they uploaded,
//! uncached). An image is deleted with the change that lets go of it (triggers in the schema),
//! and an hourly sweep deletes uploads that never became a cover or a submission's photo.

#[cfg(feature = "ssr")]
pub mod drawn;
#[cfg(feature = "ssr")]
pub mod process;
#[cfg(feature = "ssr")]
pub mod queries;

use serde::{Deserialize, Serialize};

/// An uploaded photo after [`process_upload`]: its variants, or why it was refused.
#[cfg(feature = "ssr")]
pub type Processed = Result<Vec<process::Variant>, process::Refused>;

/// A form that takes a photo in its `cover` field (the article and issue editors). The server
/// reads the file apart from the text fields, processes it with [`process_upload`] and hands
/// the outcome over here.
#[cfg(feature = "ssr")]
pub trait CoverForm {
    /// Takes the processed upload, if a file was chosen.
    fn set_cover(&mut self, file: Option<Processed>);

    /// What was typed, to show the form again.
    fn kept(&self) -> crate::forms::FormFeedback;

    /// The refusal of a form whose photo was larger than the request may be: the form again,
    /// with what was typed and the message by the photo's field.
    fn photo_too_large(&self, lang: crate::i18n::Lang) -> crate::errors::Refusal {
        let mut kept = self.kept();
        kept.error("cover", lang.text("image-too-large"));
        kept.into()
    }
}

/// Checks an upload and makes its variants ([`process::variants`]) within the CPU budget
/// ([`crate::cpu`]: on blocking threads, one job per core at a time), so the requests of others
/// go on while a photo is scaled.
#[cfg(feature = "ssr")]
pub async fn process_upload(bytes: Vec<u8>) -> Processed {
    crate::cpu::run(move || process::variants(&bytes)).await
}

/// How long an image that nothing uses is kept before the hourly sweep deletes it: long enough
/// for the article or issue it was uploaded with to be saved (the image is stored first).
#[cfg(feature = "ssr")]
pub const UNUSED_KEPT: chrono::TimeDelta = chrono::TimeDelta::hours(1);

/// The kinds of file a photo field offers to choose (its `accept`): the formats
/// `process::variants` reads.
pub const ACCEPTED_TYPES: &str = "image/jpeg,image/png,image/webp,image/gif";

/// A stored image as pages refer to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Image {
    pub id: i64,
    /// The widest variant's size.
    pub width: i64,
    pub height: i64,
    /// The stored widths, narrowest first.
    pub widths: Vec<i64>,
}

impl Image {
    /// An image known by its widest variant's size: its other widths are those of
    /// `process::WIDTHS` narrower than it, as `process::variants` made them (a test holds the
    /// two together). Saves reading the variants where a row joins `images`.
    #[cfg(feature = "ssr")]
    pub fn with_widest(id: i64, width: i64, height: i64) -> Self {
        let mut widths: Vec<i64> = process::WIDTHS
            .iter()
            .map(|w| i64::from(*w))
            .filter(|w| *w < width)
            .collect();
        widths.push(width);
        Image {
            id,
            width,
            height,
            widths,
        }
    }

    pub fn url(&self, width: i64) -> String {
        format!("/billeder/{}/{width}.jpg", self.id)
    }

    /// The `srcset` attribute: every stored width.
    pub fn srcset(&self) -> String {
        self.widths
            .iter()
            .map(|width| format!("{} {width}w", self.url(*width)))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The narrowest variant at least `wanted` wide (or the widest there is).
    pub fn src(&self, wanted: i64) -> String {
        let width = self
            .widths
            .iter()
            .copied()
            .find(|width| *width >= wanted)
            .or_else(|| self.widths.last().copied())
            .unwrap_or(self.width);
        self.url(width)
    }

    /// The height the image has when shown `width` pixels wide (rounded down), for the `height`
    /// attribute that keeps the page from jumping while it loads.
    pub fn height_at(&self, width: i64) -> i64 {
        width * self.height / self.width.max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::Image;

    #[test]
    fn the_height_at_a_width_keeps_the_proportions() {
        let image = Image {
            id: 1,
            width: 1600,
            height: 1200,
            widths: vec![400, 800, 1600],
        };
        assert_eq!(image.height_at(200), 150);
        assert_eq!(image.height_at(800), 600);
    }
}
