//! Pictures and shared links on both backends: an article, an activity and a date describe
//! themselves in Open Graph and Twitter card tags (title, their own description, a canonical
//! address, a picture whose address answers with an image of the stated size); staff give an
//! activity a kind and a photo through the same pipeline as covers, the photo is public while
//! the activity has it and deleted when it is removed; the lists show dates as cards with the
//! seats' chip.

use app::{accounts::Role, calendar::ActivityKind, db::Backend};
use scraper::{Html, Selector};

use crate::{
    fixtures::{account, plain_jpeg},
    helpers::{TestApp, Visitor},
    on_both_backends,
};

/// The `content` of the `<meta>` whose `property` or `name` is `key`, once.
fn meta(page: &str, key: &str) -> Option<String> {
    let document = Html::parse_document(page);
    let selector =
        Selector::parse(&format!(r#"meta[property="{key}"], meta[name="{key}"]"#)).unwrap();
    let found: Vec<String> = document
        .select(&selector)
        .filter_map(|element| element.value().attr("content").map(str::to_owned))
        .collect();
    assert!(found.len() <= 1, "{key} appears {} times", found.len());
    found.into_iter().next()
}

/// The `href` of the page's canonical link.
fn canonical(page: &str) -> Option<String> {
    let document = Html::parse_document(page);
    let selector = Selector::parse(r#"link[rel="canonical"]"#).unwrap();
    document
        .select(&selector)
        .next()
        .and_then(|link| link.value().attr("href").map(str::to_owned))
}

/// Reads the share card of the page at `path`: checks its title, description and canonical
/// address, fetches its picture and checks that it is an image of the stated size. Returns the
/// picture's path.
async fn share_card(resident: &Visitor, base: &str, path: &str, title: &str) -> String {
    let page = resident.get(path).await;
    assert_eq!(page.status, 200, "{path}");
    let body = page.body;
    assert_eq!(meta(&body, "og:title").as_deref(), Some(title), "{path}");
    assert_eq!(
        meta(&body, "twitter:title").as_deref(),
        Some(title),
        "{path}"
    );
    let description = meta(&body, "og:description").expect("a description");
    assert!(!description.is_empty(), "{path}");
    assert_eq!(
        meta(&body, "description").as_deref(),
        Some(description.as_str()),
        "the page's own description, once: {path}"
    );
    assert_eq!(canonical(&body), Some(format!("{base}{path}")), "{path}");
    assert_eq!(meta(&body, "og:url"), Some(format!("{base}{path}")));
    assert_eq!(meta(&body, "og:locale").as_deref(), Some("da_DK"));
    assert_eq!(
        meta(&body, "twitter:card").as_deref(),
        Some("summary_large_image")
    );
    let image = meta(&body, "og:image").expect("a picture");
    let image_path = image
        .strip_prefix(base)
        .unwrap_or_else(|| panic!("{image} is on the site"))
        .to_owned();
    let width: u32 = meta(&body, "og:image:width").unwrap().parse().unwrap();
    let height: u32 = meta(&body, "og:image:height").unwrap().parse().unwrap();
    let bytes = resident.get_bytes(&image_path).await;
    let picture = image::load_from_memory(&bytes).expect("an image");
    assert_eq!(
        (picture.width(), picture.height()),
        (width, height),
        "{image_path} has the stated size"
    );
    image_path
}

async fn shared_links_carry_their_own_title_description_and_picture(backend: Backend) {
    let app = TestApp::spawn_with_demo(backend).await;
    let base = app.origin.clone();
    let resident = app.visitor();

    // An article with its cover (the demo draws one for each).
    let cover = share_card(
        &resident,
        &base,
        "/nyheder/nabofest-i-december",
        "Kom til nabofest i december",
    )
    .await;
    assert!(cover.starts_with("/billeder/"), "{cover}");
    let article = resident.get("/nyheder/nabofest-i-december").await.body;
    assert_eq!(
        meta(&article, "og:description").as_deref(),
        Some("Den store julefest for hele kvarteret er lørdag den 12. december i Parken.")
    );
    assert_eq!(meta(&article, "og:type").as_deref(), Some("article"));

    // An activity with a photo, and one with its kind's illustration (a PNG for the sites a
    // link is shared on, which do not show SVG).
    let photo = share_card(&resident, &base, "/aktiviteter/nabofest", "Nabofest").await;
    assert!(photo.starts_with("/billeder/"), "{photo}");
    let illustration = share_card(&resident, &base, "/aktiviteter/babycafe", "Babycafé").await;
    assert_eq!(illustration, ActivityKind::BabyCafe.share_image());
    let activity = resident.get("/aktiviteter/babycafe").await.body;
    assert!(
        meta(&activity, "description")
            .unwrap()
            .starts_with("For forældre på barsel og deres babyer."),
        "the activity's own description, not the site's"
    );

    // A date: its own title (name and day) and a description that says when and where.
    let date = app
        .db()
        .calendar()
        .occurrences_between(
            app::clock::today(),
            app::clock::today() + chrono::Duration::days(14),
            &Default::default(),
        )
        .await
        .unwrap()
        .into_iter()
        .find(|occurrence| occurrence.key.activity_slug == "babycafe" && !occurrence.is_cancelled())
        .expect("a baby café in the coming two weeks");
    let path = date.key.path();
    let page = resident.get(&path).await.body;
    let title = meta(&page, "og:title").unwrap();
    assert!(title.starts_with("Babycafé – "), "{title}");
    share_card(&resident, &base, &path, &title).await;
    let description = meta(&page, "og:description").unwrap();
    assert!(description.contains("ParkCafeen"), "{description}");

    // A query (a newsletter's week) names the same page: the canonical address has none.
    let from_newsletter = resident
        .get(&format!("{path}?nyhedsbrev=2026-W50"))
        .await
        .body;
    assert_eq!(canonical(&from_newsletter), Some(format!("{base}{path}")));

    // The share links are plain links; nothing of those services loads with the page.
    assert!(page.contains("https://www.facebook.com/sharer/sharer.php?u="));
    assert!(page.contains("https://wa.me/?text="));
    assert!(page.contains("mailto:?subject="));
    let document = Html::parse_document(&page);
    for (tag, attribute) in [
        ("script", "src"),
        ("img", "src"),
        ("iframe", "src"),
        ("link", "href"),
    ] {
        let selector = Selector::parse(tag).unwrap();
        for element in document.select(&selector) {
            if let Some(address) = element.value().attr(attribute) {
                assert!(
                    !address.contains("facebook") && !address.contains("wa.me"),
                    "{tag} loads {address}"
                );
            }
        }
    }

    // The illustrations answer as SVG and PNG; other names are the 404 page.
    let svg = resident.get("/illustrationer/meal.svg").await;
    assert_eq!(svg.status, 200);
    assert!(svg.body.starts_with("<svg"), "{}", &svg.body[..40]);
    for missing in [
        "/illustrationer/dinner.png",
        "/illustrationer/meal.gif",
        "/illustrationer/meal",
    ] {
        assert_eq!(resident.get(missing).await.status, 404, "{missing}");
    }
}

/// The activity form's fields for a weekly activity on Tuesdays.
fn activity_form(kind: &str, alt: &str) -> reqwest::multipart::Form {
    [
        ("activity_name", "Strikkecafé"),
        ("description", "Vi strikker og drikker kaffe."),
        ("starts_on", "2026-01-06"),
        ("start_time", "18.00"),
        ("end_time", "20.00"),
        ("repeat", "weekly"),
        ("interval", "1"),
        ("dag", "TU"),
        ("ends", "never"),
        ("signup_mode", "required"),
        ("capacity", "12"),
        ("max_party", "10"),
        ("kind", kind),
        ("cover_alt", alt),
        ("intent", "save"),
    ]
    .into_iter()
    .fold(reqwest::multipart::Form::new(), |form, (name, value)| {
        form.text(name, value.to_owned())
    })
}

async fn staff_give_an_activity_a_kind_and_a_photo(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let staff = account(Role::Staff).create(app.db()).await;
    let staff = app.logged_in_as(&staff).await;
    let resident = app.visitor();

    // A kind that is none of the list's: the message by the field, everything typed kept.
    let answer = staff
        .post_multipart("/personale/aktiviteter/ny", activity_form("picnic", ""))
        .await;
    assert_eq!(answer.status, 422);
    assert!(answer.body.contains("Vælg en slags aktivitet fra listen."));
    assert!(answer.body.contains(r#"value="Strikkecafé""#));

    // Without a photo: the kind's illustration, on the page and on its dates' cards.
    let answer = staff
        .post_multipart("/personale/aktiviteter/ny", activity_form("learning", ""))
        .await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    let edit = answer
        .location
        .unwrap()
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    let page = resident.get("/aktiviteter/strikkecafe").await.body;
    assert!(page.contains(r#"src="/illustrationer/learning.svg""#));
    assert!(
        page.contains(r#"class="chip chip--free">12 ledige pladser"#),
        "{page}"
    );

    // A photo without a description is refused by its field.
    let with_photo = |alt: &str| {
        activity_form("learning", alt).part(
            "cover",
            reqwest::multipart::Part::bytes(plain_jpeg(1000, 600))
                .file_name("strik.jpg")
                .mime_str("image/jpeg")
                .unwrap(),
        )
    };
    let answer = staff.post_multipart(&edit, with_photo("")).await;
    assert_eq!(answer.status, 422);
    assert!(answer
        .body
        .contains("Skriv en kort beskrivelse af billedet."));
    let answer = staff
        .post_multipart(&edit, with_photo(&"garn ".repeat(61)))
        .await;
    assert_eq!(answer.status, 422);
    assert!(answer
        .body
        .contains("Beskrivelsen af billedet må højst have 300 tegn."));

    let answer = staff
        .post_multipart(&edit, with_photo("Garnnøgler i mange farver"))
        .await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    let activity = app
        .db()
        .calendar()
        .activity_by_slug("strikkecafe")
        .await
        .unwrap()
        .unwrap();
    let photo = activity.picture.photo.clone().expect("the photo is kept");
    assert_eq!(activity.picture.kind, ActivityKind::Learning);
    assert_eq!(photo.widths, [400, 800, 1000]);
    let page = resident.get("/aktiviteter/strikkecafe").await.body;
    assert!(page.contains(r#"alt="Garnnøgler i mange farver""#));
    assert!(page.contains(&format!("/billeder/{}/400.jpg 400w", photo.id)));
    // Public while the activity has it.
    resident.get_bytes(&photo.url(400)).await;

    // Saving again without a file keeps it; ticking "remove" deletes it.
    let answer = staff
        .post_multipart(
            &edit,
            activity_form("learning", "Garnnøgler i mange farver"),
        )
        .await;
    assert_eq!(answer.status, 303);
    assert_eq!(resident.get(&photo.url(400)).await.status, 200);
    let answer = staff
        .post_multipart(
            &edit,
            activity_form("learning", "").text("remove_cover", "on"),
        )
        .await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    assert_eq!(resident.get(&photo.url(400)).await.status, 404);
    let left = app.db().images().images_by_ids(&[photo.id]).await.unwrap();
    assert!(left.is_empty(), "the photo is deleted with its removal");
}

on_both_backends!(
    shared_links_carry_their_own_title_description_and_picture,
    staff_give_an_activity_a_kind_and_a_photo,
);
