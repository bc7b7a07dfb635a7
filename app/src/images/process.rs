//! Turning an upload into stored variants. The content decides what a file is (its first bytes),
//! not its name; the size is checked before anything is decoded, and the pixel count and the
//! length of each side (read from the file's header) before the pixels are allocated. The work
//! is heavy (a photo of 40 megapixels takes a few hundred MB and a second of CPU), so the server
//! runs it off the async runtime through [`super::process_upload`].

use std::io::Cursor;

use image::{
    codecs::jpeg::JpegEncoder, imageops::FilterType, DynamicImage, ImageDecoder, ImageError,
    ImageFormat, ImageReader, Limits,
};
use sha2::{Digest, Sha256};

/// The largest upload, in bytes.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;
/// The most pixels an image may have.
pub const MAX_PIXELS: u64 = 40_000_000;
/// The longest side an image may have, in pixels. Within the pixel count alone a long thin
/// image (40,000,000 x 1) would be scaled through buffers as wide as the original and hundreds
/// of MB large; no camera or phone makes a side longer than this.
pub const MAX_SIDE: u32 = 8000;
const JPEG_QUALITY: u8 = 82;

/// The widths an image is stored in (narrower originals get only the widths below their own,
/// and their own).
pub const WIDTHS: [u32; 3] = [400, 800, 1600];

/// Why an upload was refused; each is a Fluent key with a Danish message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    Empty,
    TooLarge,
    NotAnImage,
    TooManyPixels,
    SideTooLong,
    Unreadable,
}

impl Refused {
    pub fn key(self) -> &'static str {
        match self {
            Refused::Empty => "image-empty",
            Refused::TooLarge => "image-too-large",
            Refused::NotAnImage => "image-not-an-image",
            Refused::TooManyPixels => "image-too-many-pixels",
            Refused::SideTooLong => "image-side-too-long",
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

/// What the decoders may do: no side longer than [`MAX_SIDE`], and no more memory than the
/// largest picture needs. The decoders check the sides against their header when they are made,
/// before they read any pixels.
fn limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_PIXELS * 4 + 1024);
    limits
}

/// Checks an image's size from its header alone (nothing is decoded): the pixel count, then
/// each side.
pub fn check_dimensions(width: u32, height: u32) -> Result<(), Refused> {
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(Refused::TooManyPixels);
    }
    if width > MAX_SIDE || height > MAX_SIDE {
        return Err(Refused::SideTooLong);
    }
    Ok(())
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
    // The header first (no pixels are read), so that a refusal can say which bound it breaks.
    let (width, height) = ImageReader::with_format(Cursor::new(bytes), format)
        .into_dimensions()
        .map_err(|_| Refused::Unreadable)?;
    check_dimensions(width, height)?;
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits());
    let mut decoder = reader.into_decoder().map_err(|err| match err {
        ImageError::Limits(_) => Refused::SideTooLong,
        _ => Refused::Unreadable,
    })?;
    let orientation = decoder.orientation().map_err(|_| Refused::Unreadable)?;
    let mut picture = DynamicImage::from_decoder(decoder).map_err(|_| Refused::Unreadable)?;
    picture.apply_orientation(orientation);
    // JPEG has no transparency: flatten to RGB (without a copy when it is RGB already).
    let picture = DynamicImage::ImageRgb8(picture.into_rgb8());
    let original = picture.width();
    let mut widths: Vec<u32> = WIDTHS.iter().copied().filter(|w| *w < original).collect();
    if widths.len() < WIDTHS.len() {
        widths.push(original.min(WIDTHS[WIDTHS.len() - 1]));
    }
    // Widest first, each variant scaled from the one before it: the original is scaled once,
    // and the narrower variants from a picture at most 1600 pixels wide.
    let mut source = picture;
    let mut made = Vec::with_capacity(widths.len());
    for width in widths.into_iter().rev() {
        if width != source.width() {
            let height = (u64::from(source.height()) * u64::from(width) / u64::from(source.width()))
                .max(1) as u32;
            source = source.resize_exact(width, height, FilterType::Triangle);
        }
        let mut data = Vec::new();
        source
            .write_with_encoder(JpegEncoder::new_with_quality(&mut data, JPEG_QUALITY))
            .map_err(|_| Refused::Unreadable)?;
        let etag = format!("{:x}", Sha256::digest(&data));
        made.push(Variant {
            width: source.width(),
            height: source.height(),
            data,
            etag,
        });
    }
    made.reverse();
    Ok(made)
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
    fn the_widths_follow_from_the_widest_as_stored() {
        for original in [300, 400, 800, 1000, 1600, 2400] {
            let made = variants(&jpeg(original, 20)).expect("an acceptable upload");
            let widest = made.last().unwrap();
            let known = crate::images::Image::with_widest(
                1,
                i64::from(widest.width),
                i64::from(widest.height),
            );
            let widths: Vec<i64> = made.iter().map(|v| i64::from(v.width)).collect();
            assert_eq!(known.widths, widths, "{original}");
        }
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

    fn png(width: u32, height: u32) -> Vec<u8> {
        let mut data = Vec::new();
        image::codecs::png::PngEncoder::new(&mut data)
            .write_image(
                &vec![128; (width * height) as usize],
                width,
                height,
                image::ExtendedColorType::L8,
            )
            .unwrap();
        data
    }

    /// The PNG with the first bytes of its pixel data (the IDAT chunk) overwritten, so that
    /// anything that decodes the pixels fails.
    fn with_broken_pixels(mut png: Vec<u8>) -> Vec<u8> {
        let idat = png.windows(4).position(|w| w == b"IDAT").unwrap();
        png[idat + 4..idat + 12].copy_from_slice(&[0xAB; 8]);
        png
    }

    #[test]
    fn a_long_thin_image_is_refused_by_its_header_before_decoding() {
        // 20,000 x 1 is far inside the pixel count, and a file of a few hundred bytes.
        let long = png(20_000, 1);
        assert!(long.len() < 1000, "{} bytes", long.len());
        assert_eq!(variants(&long), Err(Refused::SideTooLong));
        assert_eq!(variants(&png(1, 20_000)), Err(Refused::SideTooLong));
        // Refused from the header alone: its pixels are never read, or the broken ones would
        // make it unreadable, as they do for an image of an allowed size.
        assert_eq!(
            variants(&with_broken_pixels(png(20_000, 1))),
            Err(Refused::SideTooLong)
        );
        assert_eq!(
            variants(&with_broken_pixels(png(2_000, 1))),
            Err(Refused::Unreadable)
        );
        // The decoders are given the same bound: they refuse the long side when they are made.
        let mut reader = ImageReader::with_format(Cursor::new(&long), ImageFormat::Png);
        reader.limits(limits());
        assert!(matches!(
            reader.into_decoder().err(),
            Some(ImageError::Limits(_))
        ));
        // The longest side allowed is accepted.
        let widths: Vec<u32> = variants(&png(MAX_SIDE, 2))
            .unwrap()
            .iter()
            .map(|v| v.width)
            .collect();
        assert_eq!(widths, [400, 800, 1600]);
    }
}
