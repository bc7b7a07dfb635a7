//! Turning an upload into stored variants. The content decides what a file is (its first bytes),
//! not its name; the size is checked before anything is decoded, and the pixel count before the
//! pixels are allocated.

use std::io::Cursor;

use image::{
    codecs::jpeg::JpegEncoder, imageops::FilterType, DynamicImage, ImageDecoder, ImageFormat,
    ImageReader, Limits,
};
use sha2::{Digest, Sha256};

use super::WIDTHS;

/// The largest upload, in bytes.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;
/// The most pixels an image may have.
pub const MAX_PIXELS: u64 = 40_000_000;
const JPEG_QUALITY: u8 = 82;

/// Why an upload was refused; each is a Fluent key with a Danish message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    Empty,
    TooLarge,
    NotAnImage,
    TooManyPixels,
    Unreadable,
}

impl Refused {
    pub fn key(self) -> &'static str {
        match self {
            Refused::Empty => "image-empty",
            Refused::TooLarge => "image-too-large",
            Refused::NotAnImage => "image-not-an-image",
            Refused::TooManyPixels => "image-too-many-pixels",
            Refused::Unreadable => "image-unreadable",
        }
    }
}

/// One stored size of an image.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variant {
    pub width: u32,
    pub height: u32,
    /// A JPEG without metadata.
    pub data: Vec<u8>,
    /// The SHA-256 of `data`, for the ETag.
    pub etag: String,
}

/// Checks an upload and makes its variants, upright by its EXIF orientation.
pub fn variants(bytes: &[u8]) -> Result<Vec<Variant>, Refused> {
    if bytes.is_empty() {
        return Err(Refused::Empty);
    }
    if bytes.len() > MAX_BYTES {
        return Err(Refused::TooLarge);
    }
    let format = image::guess_format(bytes).map_err(|_| Refused::NotAnImage)?;
    if !matches!(
        format,
        ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP | ImageFormat::Gif
    ) {
        return Err(Refused::NotAnImage);
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_PIXELS * 4 + 1024);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|_| Refused::Unreadable)?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(Refused::TooManyPixels);
    }
    let orientation = decoder.orientation().map_err(|_| Refused::Unreadable)?;
    let mut picture = DynamicImage::from_decoder(decoder).map_err(|_| Refused::Unreadable)?;
    picture.apply_orientation(orientation);
    // JPEG has no transparency: flatten to RGB.
    let picture = DynamicImage::ImageRgb8(picture.to_rgb8());
    let original = picture.width();
    let mut widths: Vec<u32> = WIDTHS.iter().copied().filter(|w| *w < original).collect();
    if widths.len() < WIDTHS.len() {
        widths.push(original.min(WIDTHS[WIDTHS.len() - 1]));
    }
    widths
        .into_iter()
        .map(|width| {
            let scaled = if width == picture.width() {
                picture.clone()
            } else {
                let height = (u64::from(picture.height()) * u64::from(width)
                    / u64::from(picture.width()))
                .max(1) as u32;
                picture.resize_exact(width, height, FilterType::Triangle)
            };
            let mut data = Vec::new();
            scaled
                .write_with_encoder(JpegEncoder::new_with_quality(&mut data, JPEG_QUALITY))
                .map_err(|_| Refused::Unreadable)?;
            let etag = format!("{:x}", Sha256::digest(&data));
            Ok(Variant {
                width: scaled.width(),
                height: scaled.height(),
                data,
                etag,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use image::{ImageEncoder, RgbImage};

    use super::*;

    fn jpeg(width: u32, height: u32) -> Vec<u8> {
        let mut data = Vec::new();
        JpegEncoder::new(&mut data)
            .write_image(
                RgbImage::new(width, height).as_raw(),
                width,
                height,
                image::ExtendedColorType::Rgb8,
            )
            .unwrap();
        data
    }

    #[test]
    fn an_image_is_stored_in_the_widths_below_its_own() {
        let sizes: Vec<(u32, u32)> = variants(&jpeg(1000, 500))
            .unwrap()
            .iter()
            .map(|v| (v.width, v.height))
            .collect();
        assert_eq!(sizes, [(400, 200), (800, 400), (1000, 500)]);
        let small: Vec<u32> = variants(&jpeg(300, 300))
            .unwrap()
            .iter()
            .map(|v| v.width)
            .collect();
        assert_eq!(small, [300]);
    }

    #[test]
    fn what_is_not_an_image_is_refused_by_its_content() {
        assert_eq!(variants(b""), Err(Refused::Empty));
        assert_eq!(variants(b"%PDF-1.7 not a photo"), Err(Refused::NotAnImage));
        assert_eq!(variants(&vec![0xFF; MAX_BYTES + 1]), Err(Refused::TooLarge));
        // A JPEG header that claims 10000 x 10000 pixels.
        let mut huge = jpeg(8, 8);
        let sof = huge.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
        huge[sof + 5..sof + 9].copy_from_slice(&[0x27, 0x10, 0x27, 0x10]);
        assert_eq!(variants(&huge), Err(Refused::TooManyPixels));
    }
}
