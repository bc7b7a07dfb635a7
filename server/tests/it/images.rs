//! Images on both backends: a photo with GPS data in its EXIF is stored and served without any
//! EXIF; files that are not images, empty or too large get a Danish message by the field, and
//! what was typed stays; the article page shows the image with its sizes, `srcset` and alt text;
//! bodies over 1 MB are refused everywhere but the editors; an image is served only while
//! something published uses it (staff see the others, uncached) and is deleted when nothing
//! does; a long thin image is refused by its header.

use app::{accounts::Role, db::Backend, images::Image};
use image::ImageEncoder;
use reqwest::Method;

use crate::{
    fixtures::{account, exif_of, jpeg_with_exif},
    helpers::{Answer, TestApp, Visitor},
    on_both_backends,
};

/// A 1200 x 800 JPEG whose EXIF holds a GPS position (latitude reference "N").
fn photo_with_gps() -> Vec<u8> {
    // TIFF, little-endian: IFD0 with one entry pointing to the GPS IFD, which has one entry.
    let mut tiff = b"II\x2a\x00\x08\x00\x00\x00".to_vec();
    tiff.extend_from_slice(&[1, 0, 0x25, 0x88, 4, 0, 1, 0, 0, 0, 26, 0, 0, 0, 0, 0, 0, 0]);
    tiff.extend_from_slice(&[1, 0, 1, 0, 2, 0, 2, 0, 0, 0, b'N', 0, 0, 0, 0, 0, 0, 0]);
    jpeg_with_exif(1200, 800, &tiff)
}

async fn upload(
    browser: &Visitor,
    title: &str,
    (name, bytes): (&str, Vec<u8>),
    alt: &str,
) -> Answer {
    let form = reqwest::multipart::Form::new()
        .text("heading", title.to_owned())
        .text("lead", "Et billede fra kvarteret.")
        .text("body", "Tekst.")
        .text("status", "published")
        .text("cover_alt", alt.to_owned())
        .text("intent", "save")
        .part(
            "cover",
            reqwest::multipart::Part::bytes(bytes)
                .file_name(name.to_owned())
                .mime_str("image/jpeg")
                .unwrap(),
        );
    browser.post_multipart("/personale/artikler/ny", form).await
}

async fn a_photo_loses_its_exif_and_bad_files_get_a_danish_message(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let staff = account(Role::Staff).create(app.db()).await;
    let staff = app.logged_in_as(&staff).await;
    let resident = app.visitor();
    let photo = photo_with_gps();
    let exif = exif_of(&photo).expect("the test photo carries EXIF");
    assert!(
        exif.windows(2).any(|w| w == [0x25, 0x88]),
        "with a GPS pointer"
    );

    // Not an image, empty, too large: a message by the field, and the title stays.
    for (name, bytes, message) in [
        (
            "ferie.jpg",
            b"%PDF-1.7 dette er ikke et billede".to_vec(),
            "Filen er ikke et billede.",
        ),
        ("tom.jpg", Vec::new(), "Filen er tom."),
        (
            "stor.jpg",
            vec![0xFF; 10 * 1024 * 1024 + 1],
            "Billedet er for stort.",
        ),
    ] {
        let answer = upload(&staff, "Sommer i Parken", (name, bytes), "Børn leger").await;
        assert_eq!(answer.status, 422, "{name}");
        assert!(answer.body.contains(message), "{name}: {message}");
        assert!(answer.body.contains(r#"value="Sommer i Parken""#), "{name}");
    }
    // A cover needs its alt text.
    let answer = upload(&staff, "Sommer i Parken", ("sol.jpg", photo.clone()), "").await;
    assert_eq!(answer.status, 422);
    assert!(answer
        .body
        .contains("Skriv en kort beskrivelse af billedet."));

    let alt = "Børn leger i vandet";
    let answer = upload(&staff, "Sommer i Parken", ("sol.jpg", photo), alt).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    let page = resident.get("/nyheder/sommer-i-parken").await;
    assert_eq!(page.status, 200);
    let document = scraper::Html::parse_document(&page.body);
    let cover = scraper::Selector::parse("img.cover").unwrap();
    let img = document.select(&cover).next().expect("the cover is shown");
    let attr = |name: &str| img.value().attr(name).unwrap_or_default().to_owned();
    assert_eq!(
        (attr("alt"), attr("width"), attr("height")),
        (alt.to_owned(), "1200".to_owned(), "800".to_owned())
    );
    let srcset = attr("srcset");
    assert!(
        srcset.contains(" 400w") && srcset.contains(" 800w") && srcset.contains(" 1200w"),
        "{srcset}"
    );
    assert!(!attr("sizes").is_empty());
    let src = attr("src");

    // Every variant comes back without EXIF, with an ETag and a long cache lifetime.
    for url in srcset
        .split(", ")
        .map(|entry| entry.split(' ').next().unwrap())
    {
        let response = resident.request(Method::GET, url).send().await.unwrap();
        assert_eq!(response.status(), 200, "{url}");
        let headers = response.headers();
        assert_eq!(headers["content-type"], "image/jpeg");
        let cache_control = headers["cache-control"].to_str().unwrap();
        assert!(cache_control.contains("max-age=31536000"));
        let etag = headers["etag"].to_str().unwrap().to_owned();
        let bytes = response.bytes().await.unwrap();
        assert_eq!(exif_of(&bytes), None, "{url} has no EXIF");
        assert!(!bytes.windows(4).any(|w| w == b"Exif"), "{url}");
        let again = resident
            .request(Method::GET, url)
            .header("if-none-match", etag)
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), 304);
    }
    assert!(src.starts_with("/billeder/"));

    // A magazine issue gets its cover the same way.
    let cover = reqwest::multipart::Part::bytes(photo_with_gps())
        .file_name("forside.jpg")
        .mime_str("image/jpeg")
        .unwrap();
    let form = reqwest::multipart::Form::new()
        .text("heading", "Nordbyposten nr. 4, 2026")
        .text("published_on", "2026-12-01")
        .text("cover_alt", "Forsiden med julelys i Parken")
        .part("cover", cover);
    let saved = staff.post_multipart("/personale/udgaver/ny", form).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let page = resident.get("/nordbyposten/nordbyposten-nr-4-2026").await;
    assert_eq!(page.status, 200);
    let body = page.body;
    assert!(
        body.contains(r#"alt="Forsiden med julelys i Parken""#) && body.contains("srcset="),
        "{body}"
    );

    // Only the editors take large bodies: elsewhere more than 1 MB is refused at once, by its
    // length and before it is read. The server may then close the connection while the body is
    // still on its way, and the client sees a broken pipe instead of the answer; it tries again.
    let big = "a".repeat(2 * 1024 * 1024);
    let form = [("email", big.as_str()), ("password", "x")];
    let mut refused = None;
    for _ in 0..5 {
        let request = resident
            .request(Method::POST, "/log-ind")
            .header("origin", &app.origin)
            .form(&form);
        if let Ok(answer) = resident.try_send(request).await {
            refused = Some(answer);
            break;
        }
    }
    assert_eq!(refused.expect("an answer to one of five tries").status, 413);
}

on_both_backends!(a_photo_loses_its_exif_and_bad_files_get_a_danish_message);

/// Saves the article at `page` (`/personale/artikler/ny` or `…/{id}`) as `status`, with a new
/// cover if one is given; returns the article's id.
async fn save_article(staff: &Visitor, page: &str, status: &str, cover: Option<Vec<u8>>) -> i64 {
    let mut form = reqwest::multipart::Form::new()
        .text("heading", "Høstfest i Parken")
        .text("slug", "hoestfest")
        .text("lead", "Billeder fra festen.")
        .text("body", "Tekst.")
        .text("status", status.to_owned())
        .text("cover_alt", "Lanterner i træerne")
        .text("intent", "save");
    if let Some(bytes) = cover {
        let part = reqwest::multipart::Part::bytes(bytes)
            .file_name("fest.jpg")
            .mime_str("image/jpeg")
            .unwrap();
        form = form.part("cover", part);
    }
    let answer = staff.post_multipart(page, form).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    let location = answer.location.unwrap();
    location
        .trim_start_matches("/personale/artikler/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

async fn cover_of(app: &TestApp, article: i64) -> Image {
    let article = app.db().articles().article_by_id(article).await.unwrap();
    article.unwrap().cover.expect("the article has a cover")
}

/// The status and `Cache-Control` of an image's narrowest variant for `who`.
async fn fetch(who: &Visitor, image: &Image) -> (u16, String) {
    let response = who
        .request(Method::GET, &image.url(image.widths[0]))
        .send()
        .await
        .unwrap();
    let cache = response
        .headers()
        .get("cache-control")
        .map(|value| value.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (response.status().as_u16(), cache)
}

async fn stored(app: &TestApp, image: &Image) -> i64 {
    app::db_run!(app.db(), |pool| {
        sqlx::query_scalar::<_, i64>(
            "select (select count(*) from images where id = $1) \
             + (select count(*) from image_variants where image_id = $1)",
        )
        .bind(image.id)
        .fetch_one(pool)
        .await
    })
    .unwrap()
}

const PUBLIC_CACHE: &str = "public, max-age=31536000, immutable";

async fn an_image_is_public_only_while_something_published_uses_it(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let staff = account(Role::Staff).create(app.db()).await;
    let staff = app.logged_in_as(&staff).await;
    let resident = app.visitor();

    // A draft's cover: staff see it, uncached; residents get the 404 page.
    let id = save_article(
        &staff,
        "/personale/artikler/ny",
        "draft",
        Some(photo_with_gps()),
    )
    .await;
    let draft_cover = cover_of(&app, id).await;
    assert_eq!(fetch(&resident, &draft_cover).await.0, 404);
    let (status, cache) = fetch(&staff, &draft_cover).await;
    assert_eq!(status, 200);
    assert!(
        cache.contains("no-store") && !cache.contains("immutable"),
        "{cache}"
    );

    // Published, the same image is public and may be kept for a year.
    let page = format!("/personale/artikler/{id}");
    save_article(&staff, &page, "published", None).await;
    assert_eq!(cover_of(&app, id).await, draft_cover);
    assert_eq!(
        fetch(&resident, &draft_cover).await,
        (200, PUBLIC_CACHE.to_owned())
    );

    // A new cover replaces it: the old one is deleted with the change, for everyone.
    save_article(&staff, &page, "published", Some(photo_with_gps())).await;
    let new_cover = cover_of(&app, id).await;
    assert_ne!(new_cover.id, draft_cover.id);
    assert_eq!(stored(&app, &draft_cover).await, 0);
    assert_eq!(fetch(&resident, &draft_cover).await.0, 404);
    assert_eq!(fetch(&staff, &draft_cover).await.0, 404);
    assert_eq!(
        fetch(&resident, &new_cover).await,
        (200, PUBLIC_CACHE.to_owned())
    );

    // A magazine issue's cover is public too.
    let cover = reqwest::multipart::Part::bytes(photo_with_gps())
        .file_name("forside.jpg")
        .mime_str("image/jpeg")
        .unwrap();
    let form = reqwest::multipart::Form::new()
        .text("heading", "Nordbyposten nr. 1, 2027")
        .text("published_on", "2027-02-01")
        .text("cover_alt", "Forsiden med sne i Parken")
        .part("cover", cover);
    let saved = staff.post_multipart("/personale/udgaver/ny", form).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let issue = app
        .db()
        .articles()
        .magazine_issue("nordbyposten-nr-1-2027")
        .await;
    let issue = issue.unwrap().unwrap();
    let first_issue_cover = issue.cover.clone().unwrap();
    assert_eq!(
        fetch(&resident, &first_issue_cover).await,
        (200, PUBLIC_CACHE.to_owned())
    );
    // A new cover for the issue: the first one is deleted with the change.
    let cover = reqwest::multipart::Part::bytes(photo_with_gps())
        .file_name("forside-2.jpg")
        .mime_str("image/jpeg")
        .unwrap();
    let form = reqwest::multipart::Form::new()
        .text("heading", "Nordbyposten nr. 1, 2027")
        .text("published_on", "2027-02-01")
        .text("cover_alt", "Forsiden med sne i Parken")
        .part("cover", cover);
    let saved = staff
        .post_multipart(&format!("/personale/udgaver/{}", issue.id), form)
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(stored(&app, &first_issue_cover).await, 0);
    assert_eq!(fetch(&resident, &first_issue_cover).await.0, 404);
    let issue = app.db().articles().magazine_issue_by_id(issue.id).await;
    let issue_cover = issue.unwrap().unwrap().cover.unwrap();
    assert_eq!(
        fetch(&resident, &issue_cover).await,
        (200, PUBLIC_CACHE.to_owned())
    );

    // Taken down, the article's cover is staff's only again.
    save_article(&staff, &page, "unpublished", None).await;
    assert_eq!(fetch(&resident, &new_cover).await.0, 404);
    assert_eq!(fetch(&staff, &new_cover).await.0, 200);

    // The article is deleted: its cover goes with it, row and variants.
    let deleted = staff.post_form(&format!("{page}/slet"), &[]).await;
    assert_eq!(deleted.status, 303, "{}", deleted.body);
    assert_eq!(stored(&app, &new_cover).await, 0);
    assert_eq!(fetch(&resident, &new_cover).await.0, 404);
    assert_eq!(fetch(&staff, &new_cover).await.0, 404);

    // An upload that never became a cover is left to the hourly sweep, which spares it for an
    // hour (its article may be being saved this moment) and then deletes it. What is used
    // stays.
    let now = app::clock::now();
    let variants = app::images::process::variants(&photo_with_gps()).unwrap();
    let orphan = app
        .db()
        .images()
        .save_image(None, &variants, now)
        .await
        .unwrap();
    let orphan = app
        .db()
        .images()
        .images_by_ids(&[orphan])
        .await
        .unwrap()
        .remove(&orphan)
        .unwrap();
    assert_eq!(fetch(&staff, &orphan).await.0, 200);
    assert_eq!(fetch(&resident, &orphan).await.0, 404);
    let sweep = |at: chrono::DateTime<chrono::Utc>| {
        let db = app.db().clone();
        async move {
            db.images()
                .delete_unused_images(at - app::images::UNUSED_KEPT)
                .await
                .unwrap()
        }
    };
    assert_eq!(sweep(now).await, 0);
    assert!(stored(&app, &orphan).await > 0);
    assert_eq!(sweep(now + chrono::Duration::hours(2)).await, 1);
    assert_eq!(stored(&app, &orphan).await, 0);
    assert!(stored(&app, &issue_cover).await > 0);
    assert_eq!(
        fetch(&resident, &issue_cover).await,
        (200, PUBLIC_CACHE.to_owned())
    );
}

on_both_backends!(an_image_is_public_only_while_something_published_uses_it);

/// A grey PNG of `width` x `height` pixels.
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

async fn a_long_thin_image_gets_a_danish_message_and_the_form_is_kept(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let staff = account(Role::Staff).create(app.db()).await;
    let staff = app.logged_in_as(&staff).await;
    let long = png(20_000, 1);
    assert!(long.len() < 1000, "a tiny file: {} bytes", long.len());
    let answer = upload(
        &staff,
        "Et langt panorama",
        ("panorama.png", long),
        "Kvarteret",
    )
    .await;
    assert_eq!(answer.status, 422, "{}", answer.body);
    assert!(
        answer.body.contains(
            "Billedet er for bredt eller for højt. Ingen af siderne må være over 8000 pixel."
        ),
        "{}",
        answer.body
    );
    assert!(answer.body.contains(r#"value="Et langt panorama""#));
    assert!(answer.body.contains(r#"value="Kvarteret""#));
    assert!(app.db().articles().all_articles().await.unwrap().is_empty());
}

on_both_backends!(a_long_thin_image_gets_a_danish_message_and_the_form_is_kept);
