//! Images on both backends: a photo with GPS data in its EXIF is stored and served without any
//! EXIF; files that are not images, empty or too large get a Danish message by the field, and
//! what was typed stays; the article page shows the image with its sizes, `srcset` and alt text;
//! bodies over 1 MB are refused everywhere but the editors.

use app::accounts::Role;
use image::{codecs::jpeg::JpegEncoder, ImageDecoder, ImageEncoder, RgbImage};

use crate::{helpers::TestApp, on_both_backends};

/// A 1200 x 800 JPEG whose EXIF holds a GPS position (latitude reference "N").
fn photo_with_gps() -> Vec<u8> {
    let mut jpeg = Vec::new();
    JpegEncoder::new(&mut jpeg)
        .write_image(
            RgbImage::from_pixel(1200, 800, image::Rgb([200, 120, 40])).as_raw(),
            1200,
            800,
            image::ExtendedColorType::Rgb8,
        )
        .unwrap();
    // TIFF, little-endian: IFD0 with one entry pointing to the GPS IFD, which has one entry.
    let mut tiff = b"II\x2a\x00\x08\x00\x00\x00".to_vec();
    tiff.extend_from_slice(&[1, 0, 0x25, 0x88, 4, 0, 1, 0, 0, 0, 26, 0, 0, 0, 0, 0, 0, 0]);
    tiff.extend_from_slice(&[1, 0, 1, 0, 2, 0, 2, 0, 0, 0, b'N', 0, 0, 0, 0, 0, 0, 0]);
    let mut app1 = b"Exif\x00\x00".to_vec();
    app1.extend_from_slice(&tiff);
    let length = (app1.len() + 2) as u16;
    let mut with_exif = jpeg[..2].to_vec();
    with_exif.extend_from_slice(&[0xFF, 0xE1]);
    with_exif.extend_from_slice(&length.to_be_bytes());
    with_exif.extend_from_slice(&app1);
    with_exif.extend_from_slice(&jpeg[2..]);
    with_exif
}

fn exif_of(jpeg: &[u8]) -> Option<Vec<u8>> {
    let mut decoder = image::codecs::jpeg::JpegDecoder::new(std::io::Cursor::new(jpeg)).unwrap();
    decoder.exif_metadata().unwrap()
}

async fn upload(
    app: &TestApp,
    cookie: &str,
    title: &str,
    file: (&str, Vec<u8>),
    alt: &str,
) -> crate::helpers::Answer {
    let form = reqwest::multipart::Form::new()
        .text("title", title.to_owned())
        .text("lead", "Et billede fra kvarteret.")
        .text("body", "Tekst.")
        .text("status", "published")
        .text("cover_alt", alt.to_owned())
        .text("action", "save")
        .part(
            "cover",
            reqwest::multipart::Part::bytes(file.1)
                .file_name(file.0.to_owned())
                .mime_str("image/jpeg")
                .unwrap(),
        );
    app.post_multipart("/personale/artikler/ny", form, cookie)
        .await
}

on_both_backends! {
    async fn a_photo_loses_its_exif_and_bad_files_get_a_danish_message(backend: Backend) {
        let app = TestApp::spawn(backend).await;
        let (email, password) = app::demo::ACCOUNTS.iter().find(|a| a.2 == Role::Staff).map(|a| (a.0, a.3)).unwrap();
        let cookie = app.log_in(email, password).await;
        let photo = photo_with_gps();
        let exif = exif_of(&photo).expect("the test photo carries EXIF");
        assert!(exif.windows(2).any(|w| w == [0x25, 0x88]), "with a GPS pointer");

        // Not an image, empty, too large: a message by the field, and the title stays.
        for (name, bytes, message) in [
            ("ferie.jpg", b"%PDF-1.7 dette er ikke et billede".to_vec(), "Filen er ikke et billede."),
            ("tom.jpg", Vec::new(), "Filen er tom."),
            ("stor.jpg", vec![0xFF; 10 * 1024 * 1024 + 1], "Billedet er for stort."),
        ] {
            let answer = upload(&app, &cookie, "Sommer i Parken", (name, bytes), "Børn leger").await;
            assert_eq!(answer.status, 422, "{name}");
            assert!(answer.body.contains(message), "{name}: {message}");
            assert!(answer.body.contains(r#"value="Sommer i Parken""#), "{name}");
        }
        // A cover needs its alt text.
        let answer = upload(&app, &cookie, "Sommer i Parken", ("sol.jpg", photo.clone()), "").await;
        assert_eq!(answer.status, 422);
        assert!(answer.body.contains("Skriv en kort beskrivelse af billedet."));

        let answer = upload(&app, &cookie, "Sommer i Parken", ("sol.jpg", photo), "Børn leger i vandet").await;
        assert_eq!(answer.status, 303, "{}", answer.body);
        let (status, page) = app.get("/nyheder/sommer-i-parken").await;
        assert_eq!(status, 200);
        let document = scraper::Html::parse_document(&page);
        let img = document.select(&scraper::Selector::parse("img.cover").unwrap()).next().expect("the cover is shown");
        let attr = |name: &str| img.value().attr(name).unwrap_or_default().to_owned();
        assert_eq!((attr("alt"), attr("width"), attr("height")), ("Børn leger i vandet".to_owned(), "1200".to_owned(), "800".to_owned()));
        assert!(attr("srcset").contains(" 400w") && attr("srcset").contains(" 800w") && attr("srcset").contains(" 1200w"), "{}", attr("srcset"));
        assert!(!attr("sizes").is_empty());
        let src = attr("src");

        // Every variant comes back without EXIF, with an ETag and a long cache lifetime.
        for url in attr("srcset").split(", ").map(|entry| entry.split(' ').next().unwrap().to_owned()) {
            let response = app.client.get(format!("http://{}{url}", app.addr)).send().await.unwrap();
            assert_eq!(response.status(), 200, "{url}");
            assert_eq!(response.headers()["content-type"], "image/jpeg");
            assert!(response.headers()["cache-control"].to_str().unwrap().contains("max-age=31536000"));
            let etag = response.headers()["etag"].to_str().unwrap().to_owned();
            let bytes = response.bytes().await.unwrap();
            assert_eq!(exif_of(&bytes), None, "{url} has no EXIF");
            assert!(!bytes.windows(4).any(|w| w == b"Exif"), "{url}");
            let again = app.client.get(format!("http://{}{url}", app.addr)).header("if-none-match", etag).send().await.unwrap();
            assert_eq!(again.status(), 304);
        }
        assert!(src.starts_with("/billeder/"));

        // A magazine issue gets its cover the same way.
        let form = reqwest::multipart::Form::new()
            .text("title", "Nordbyposten nr. 4, 2026")
            .text("published_on", "2026-12-01")
            .text("cover_alt", "Forsiden med julelys i Parken")
            .part("cover", reqwest::multipart::Part::bytes(photo_with_gps()).file_name("forside.jpg").mime_str("image/jpeg").unwrap());
        let saved = app.post_multipart("/personale/udgaver/ny", form, &cookie).await;
        assert_eq!(saved.status, 303, "{}", saved.body);
        let (status, page) = app.get("/nordbyposten/nordbyposten-nr-4-2026").await;
        assert_eq!(status, 200);
        assert!(page.contains(r#"alt="Forsiden med julelys i Parken""#) && page.contains("srcset="), "{page}");

        // Only the editors take large bodies: elsewhere more than 1 MB is refused at once.
        let big = "a".repeat(2 * 1024 * 1024);
        let refused = app.post_form("/log-ind", &[("email", big.as_str()), ("password", "x")], None).await;
        assert_eq!(refused.status, 413);
        app.stop().await;
    }
}
