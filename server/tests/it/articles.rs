//! Articles and the magazine on both backends: staff write, schedule and publish an article
//! through the editor's form; residents find it on the front page, in its tag and issue
//! archives, by search (an inflected Danish word finds it) and in `/feed.xml`, read back by
//! Python's feedparser. A corpus of XSS payloads in every text field (title, lead, body, byline,
//! alt text, the issue's name and introduction) stays inert on every page that shows it, and in
//! the editor's live preview. Staff saving the same slug at the same moment get the field's
//! message, not the error page.

use app::{
    accounts::Role, articles::ArticleStatus, components::live_preview::PREVIEW_ADDRESS, db::Backend,
};
use chrono::{Duration, Utc};
use reqwest::Method;
use scraper::{Html, Selector};

use crate::{
    fixtures::{account, article, focus_area, issue},
    helpers::{Answer, TestApp, Visitor},
    on_both_backends,
};

#[derive(serde::Deserialize, Debug)]
struct ParsedFeed {
    bozo: bool,
    version: String,
    entries: Vec<ParsedEntry>,
}

#[derive(serde::Deserialize, Debug)]
struct ParsedEntry {
    title: String,
    link: String,
    summary: String,
    content: String,
}

/// `/feed.xml` as Python's feedparser reads it; None without `TEST_PYTHON`.
async fn read_feed(app: &TestApp) -> Option<ParsedFeed> {
    crate::helpers::read_with_python(
        app,
        "/feed.xml",
        "application/atom+xml; charset=utf-8",
        "read_feed.py",
    )
    .await
}

async fn staff_schedule_and_publish_an_article_that_residents_then_find(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    let staff = account(Role::Staff).create(db).await;
    let staff = app.logged_in_as(&staff).await;
    let resident = app.visitor();
    let health = focus_area(db, "Sundhed").await;
    let issue = issue("Nordbyposten nr. 1, 2027").create(db).await;
    let tag = health.id.to_string();
    let issue_id = issue.id.to_string();
    let tomorrow = (Utc::now() + Duration::days(1))
        .format("%Y-%m-%d")
        .to_string();
    let mut form = vec![
        ("heading", "Fællesspisning i Vangdalen med suppe"),
        ("lead", "Naboerne i Vangdalen lavede suppe til hinanden."),
        (
            "body",
            "Efter **fællesspisningen** var der kaffe.\n\nTak til de frivillige.",
        ),
        ("byline", "Leyla"),
        ("omraade", tag.as_str()),
        ("issue", issue_id.as_str()),
        ("status", "scheduled"),
        ("publish_date", tomorrow.as_str()),
        ("publish_time", "08:00"),
        ("intent", "preview"),
    ];

    // The preview shows the rendered body without saving anything.
    let preview = staff.post_form("/personale/artikler/ny", &form).await;
    assert_eq!(preview.status, 200, "{}", preview.body);
    assert!(
        preview.body.contains("<strong>fællesspisningen</strong>")
            && preview.body.contains("Forhåndsvisning")
    );
    assert!(db.articles().all_articles().await.unwrap().is_empty());

    // A missing title is refused with a message and nothing typed is lost.
    form[0].1 = "";
    form[9].1 = "save";
    let refused = staff.post_form("/personale/artikler/ny", &form).await;
    assert_eq!(refused.status, 422);
    assert!(
        refused.body.contains("Skriv en overskrift.")
            && refused.body.contains("Naboerne i Vangdalen lavede suppe")
    );

    // Scheduled for tomorrow: saved, but residents do not see it yet.
    form[0].1 = "Fællesspisning i Vangdalen med suppe";
    let saved = staff.post_form("/personale/artikler/ny", &form).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let editor = saved.location.unwrap();
    let editor = editor.split('?').next().unwrap();
    let path = "/nyheder/faellesspisning-i-vangdalen-med-suppe";
    assert_eq!(resident.get(path).await.status, 404);
    assert!(!resident
        .get("/nyheder")
        .await
        .body
        .contains("Vangdalen med suppe"));
    assert!(!resident.get("/sitemap.xml").await.body.contains(path));

    // Published now.
    let mut publish = form.clone();
    publish[6].1 = "published";
    let saved = staff.post_form(editor, &publish).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let page = resident.get(path).await;
    assert_eq!(page.status, 200);
    let page = page.body;
    assert!(page.contains("<strong>fællesspisningen</strong>") && page.contains("Af Leyla"));
    assert!(
        page.contains(r#"rel="canonical""#) && page.contains(r#"property="og:title""#),
        "{page}"
    );
    for (place, address) in [
        ("front page", "/".to_owned()),
        ("news", "/nyheder".to_owned()),
        ("tag archive", format!("/nyheder/emne/{}", health.slug)),
        ("issue", format!("/nordbyposten/{}", issue.slug)),
        (
            "issue print",
            format!("/nordbyposten/{}/udskriv", issue.slug),
        ),
        // An inflected form finds the word.
        ("search", "/soeg?q=f%C3%A6llesspisningerne".to_owned()),
        ("sitemap", "/sitemap.xml".to_owned()),
    ] {
        let answer = resident.get(&address).await;
        assert_eq!(answer.status, 200, "{place}");
        let body = answer.body;
        assert!(
            body.contains("Vangdalen med suppe") || body.contains(path),
            "{place}: {body}"
        );
    }
    let nothing = resident.get("/soeg?q=cykelsmed").await.body;
    assert!(nothing.contains("Vi fandt ingen nyheder"));

    // A search is its first eight words: the rest of as many terms as an address (8 KB) or the
    // server function's body (32 KB) takes is not looked at, and the page says what was looked
    // for.
    let many = format!("fællesspisningerne {}", "cykelsmed ".repeat(3_000));
    let bounded = resident
        .get(&format!("/soeg?q={}", "fællesspisningerne%20".repeat(250)))
        .await;
    assert_eq!(bounded.status, 200);
    assert!(bounded.body.contains("Vangdalen med suppe"));
    assert!(
        !bounded.body.contains(&"fællesspisningerne ".repeat(9)),
        "the page shows the eight words searched for"
    );
    let api = resident
        .post_form("/api/soeg", &[("query", many.as_str())])
        .await;
    assert_eq!(api.status, 200);
    assert!(
        api.body.len() < 10_000,
        "the answer is the search's, not the terms'"
    );

    if let Some(feed) = read_feed(&app).await {
        assert!(!feed.bozo, "a well-formed feed");
        assert_eq!(feed.version, "atom10");
        let entry = feed
            .entries
            .iter()
            .find(|e| e.title == "Fællesspisning i Vangdalen med suppe")
            .expect("the article is in the feed");
        assert!(entry.link.ends_with(path));
        assert_eq!(
            entry.summary,
            "Naboerne i Vangdalen lavede suppe til hinanden."
        );
        assert!(entry.content.contains("<strong>fællesspisningen</strong>"));
    }

    // Unpublished, it is gone again; deleted, it is gone for staff too.
    let mut down = form.clone();
    down[6].1 = "unpublished";
    staff.post_form(editor, &down).await;
    assert_eq!(resident.get(path).await.status, 404);
    let id = editor.trim_start_matches("/personale/artikler/");
    let confirm = staff.get(&format!("/personale/artikler/{id}/slet")).await;
    assert!(confirm.body.contains("Vil du slette"));
    let deleted = staff
        .post_form(&format!("/personale/artikler/{id}/slet"), &[])
        .await;
    assert_eq!(deleted.status, 303);
    assert!(db
        .articles()
        .article_by_id(id.parse().unwrap())
        .await
        .unwrap()
        .is_none());
}

on_both_backends!(staff_schedule_and_publish_an_article_that_residents_then_find);

/// Posts a staff form as the browser does when a file is chosen: multipart, with a small JPEG
/// as the cover.
async fn post_with_cover(browser: &Visitor, path: &str, fields: &[(&str, &str)]) -> Answer {
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new(&mut jpeg)
        .encode(&[90; 16 * 16 * 3], 16, 16, image::ExtendedColorType::Rgb8)
        .unwrap();
    let mut form = reqwest::multipart::Form::new();
    for (name, value) in fields {
        form = form.text((*name).to_owned(), (*value).to_owned());
    }
    form = form.part(
        "cover",
        reqwest::multipart::Part::bytes(jpeg)
            .file_name("omslag.jpg")
            .mime_str("image/jpeg")
            .unwrap(),
    );
    browser.post_multipart(path, form).await
}

/// The id at the start of a redirect's path after `prefix`, e.g. the new article's.
fn redirect_id(answer: &Answer, prefix: &str) -> String {
    let location = answer.location.as_deref().expect("a redirect");
    let rest = location.trim_start_matches(prefix);
    rest.split('?').next().unwrap().to_owned()
}

/// The scripts, frames and event attributes a page holds, and its links that run script.
pub(crate) fn active_content(html: &str) -> Vec<String> {
    let document = Html::parse_document(html);
    let mut found = Vec::new();
    let everything = Selector::parse("*").unwrap();
    for element in document.select(&everything) {
        let name = element.value().name();
        if [
            "iframe", "frame", "object", "embed", "base", "meta", "link", "style", "form",
        ]
        .contains(&name)
        {
            found.push(format!("<{name}>"));
        }
        if name == "script" {
            // The site's own scripts are served from /pkg; anything else was injected.
            let src = element.value().attr("src").unwrap_or("inline");
            found.push(format!("<script {src}>"));
        }
        for (attribute, value) in element.value().attrs() {
            let value = value.trim().to_ascii_lowercase();
            if attribute.to_ascii_lowercase().starts_with("on")
                || ((attribute == "href"
                    || attribute == "src"
                    || attribute == "action"
                    || attribute == "data")
                    && (value.starts_with("javascript:") || value.starts_with("data:")))
                || attribute == "style"
            {
                found.push(format!("{name} {attribute}={value}"));
            }
        }
    }
    found.sort();
    found
}

async fn xss_payloads_in_every_text_field_are_inert_wherever_shown(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    let staff = account(Role::Staff).create(db).await;
    let staff = app.logged_in_as(&staff).await;
    let payloads: Vec<&str> = include_str!("xss_payloads.txt")
        .lines()
        .filter(|line| !line.is_empty())
        .collect();
    assert!(payloads.len() >= 50, "a corpus of at least 50 payloads");

    // What the pages hold before any payload: the site's own scripts, meta tags and forms, with
    // one plain article in one issue, with a cover like the payloads' articles (its share
    // card's picture tags).
    let health = focus_area(db, "Sundhed").await;
    let plain_issue = issue("Efterårsnummer")
        .slug("efteraar")
        .published_on(crate::fixtures::date(2026, 10, 1))
        .intro("Lys på stierne og nyt fra jobklubben.")
        .create(db)
        .await;
    let plain = article("Mere lys på stierne")
        .lead("Boligselskabet har sat 14 nye lamper op.")
        .body("Nu er der kommet **14 nye lamper** langs stierne.")
        .byline("Jens")
        .tagged(&health)
        .in_issue(&plain_issue)
        .with_cover(db, "En lampe ved stien")
        .await
        .create(db)
        .await;
    let tag_archive = format!("/nyheder/emne/{}", health.slug);
    let pages = |issue: &str, slug: &str, id: &str| {
        vec![
            "/".to_owned(),
            "/nyheder".to_owned(),
            format!("/nyheder/{slug}"),
            tag_archive.clone(),
            "/nordbyposten".to_owned(),
            format!("/nordbyposten/{issue}"),
            format!("/nordbyposten/{issue}/udskriv"),
            "/soeg?q=xss".to_owned(),
            "/personale/artikler".to_owned(),
            format!("/personale/artikler/{id}"),
        ]
    };
    let mut baseline = Vec::new();
    for page in pages(&plain_issue.slug, &plain.slug, &plain.id.to_string()) {
        let answer = staff.get(&page).await;
        assert_eq!(answer.status, 200, "{page}");
        baseline.push(active_content(&answer.body));
    }
    let tag = health.id.to_string();
    for (n, payload) in payloads.iter().enumerate() {
        // The issue is written through the staff's issue form, like the article.
        let issue_slug = format!("xss-{n}");
        let issue_title = format!("{} xss", payload.chars().take(180).collect::<String>());
        // Each with a small cover whose alt text is the payload too (a description has at most
        // 300 characters: the longest payloads are cut to fit).
        let alt: String = payload.chars().take(300).collect();
        let issue_form = [
            ("heading", issue_title.as_str()),
            ("slug", issue_slug.as_str()),
            ("published_on", "2026-01-01"),
            ("intro", payload),
            ("cover_alt", alt.as_str()),
        ];
        let saved = post_with_cover(&staff, "/personale/udgaver/ny", &issue_form).await;
        assert_eq!(saved.status, 303, "{payload}: {}", saved.body);
        let issue = db
            .articles()
            .magazine_issue(&issue_slug)
            .await
            .unwrap()
            .unwrap();
        let issue_id = issue.id.to_string();
        // Titles have at most 200 characters; the longest payloads are cut to fit.
        let title = format!("xss {n} {}", payload.chars().take(180).collect::<String>());
        let slug = format!("xss-{n}");
        let form = [
            ("heading", title.as_str()),
            ("slug", slug.as_str()),
            ("lead", payload),
            ("body", payload),
            ("byline", payload),
            ("cover_alt", alt.as_str()),
            ("omraade", tag.as_str()),
            ("issue", issue_id.as_str()),
            ("status", "published"),
            ("intent", "save"),
        ];
        let saved = post_with_cover(&staff, "/personale/artikler/ny", &form).await;
        assert_eq!(saved.status, 303, "{payload}: {}", saved.body);
        let id = redirect_id(&saved, "/personale/artikler/");
        for (page, before) in pages(&issue_slug, &slug, &id).iter().zip(&baseline) {
            let answer = staff.get(page).await;
            assert_eq!(answer.status, 200, "{page}");
            let found = active_content(&answer.body);
            assert_eq!(
                &found, before,
                "payload {payload:?} became active on {page}"
            );
        }
    }
    // The feed carries them as text: it still parses, every entry with its title intact.
    if let Some(feed) = read_feed(&app).await {
        assert!(!feed.bozo);
        assert!(feed
            .entries
            .iter()
            .any(|e| e.title.starts_with("xss ") && e.title.contains("<script>")));
    }
}

on_both_backends!(xss_payloads_in_every_text_field_are_inert_wherever_shown);

/// POSTs `markdown` to the live preview's address as the editor's island does, from `origin`.
async fn ask_preview(browser: &Visitor, markdown: &str, origin: &str) -> Answer {
    let request = browser
        .request(Method::POST, PREVIEW_ADDRESS)
        .header("content-type", "text/plain; charset=utf-8")
        .header("origin", origin)
        .body(markdown.to_owned());
    browser.send(request).await
}

async fn the_live_preview_renders_markdown_for_staff_only_and_keeps_payloads_inert(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let markdown = "Kom til **fællesspisning** i [ParkCafeen](https://example.org).";

    // Logged out, it leads to the login page, like every staff address.
    let refused = ask_preview(&app.visitor(), markdown, &app.origin).await;
    assert_eq!(refused.status, 303, "{}", refused.body);
    assert!(refused
        .location
        .as_deref()
        .unwrap_or_default()
        .starts_with("/log-ind"));
    assert!(!refused.body.contains("<strong>"), "{}", refused.body);

    let staff = account(Role::Staff).create(app.db()).await;
    let staff = app.logged_in_as(&staff).await;
    let shown = ask_preview(&staff, markdown, &app.origin).await;
    assert_eq!(shown.status, 200, "{}", shown.body);
    let body = shown.body;
    assert!(body.contains("<strong>fællesspisning</strong>"), "{body}");
    let link = r#"<a href="https://example.org" rel="noopener noreferrer">ParkCafeen</a>"#;
    assert!(body.contains(link), "{body}");

    // The same sanitizing as a saved article: no payload turns into active content.
    let payloads = include_str!("xss_payloads.txt")
        .lines()
        .filter(|line| !line.is_empty());
    for payload in payloads {
        let shown = ask_preview(&staff, payload, &app.origin).await;
        assert_eq!(shown.status, 200, "{payload}: {}", shown.body);
        let found = active_content(&shown.body);
        assert_eq!(
            found,
            Vec::<String>::new(),
            "{payload} became {}",
            shown.body
        );
    }

    // From another site it is refused even with the cookie (the same-origin check).
    let foreign = ask_preview(&staff, markdown, "https://evil.example").await;
    assert_eq!(foreign.status, 403);

    // A journalist is not staff.
    let journalist = account(Role::Journalist).create(app.db()).await;
    let journalist = app.logged_in_as(&journalist).await;
    let refused = ask_preview(&journalist, markdown, &app.origin).await;
    assert_eq!(refused.status, 403, "{}", refused.body);
}

on_both_backends!(the_live_preview_renders_markdown_for_staff_only_and_keeps_payloads_inert);

async fn a_slug_in_use_is_refused_by_the_field_but_an_item_keeps_its_own(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let staff = account(Role::Staff).create(app.db()).await;
    let staff = app.logged_in_as(&staff).await;

    let issue = [
        ("heading", "Sommernummer"),
        ("slug", "sommer"),
        ("published_on", "2026-06-01"),
        ("cover_alt", "Forsiden"),
    ];
    let saved = post_with_cover(&staff, "/personale/udgaver/ny", &issue).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let id = redirect_id(&saved, "/personale/udgaver/");
    let other = [
        ("heading", "Andet nummer"),
        ("slug", "sommer"),
        ("published_on", "2026-07-01"),
        ("cover_alt", "Forsiden"),
    ];
    let again = post_with_cover(&staff, "/personale/udgaver/ny", &other).await;
    assert_eq!(again.status, 422);
    assert!(
        again
            .body
            .contains("Det korte navn bruges allerede af en anden udgave.")
            && again.body.contains("Andet nummer"),
        "{}",
        again.body
    );
    let kept = post_with_cover(&staff, &format!("/personale/udgaver/{id}"), &issue).await;
    assert_eq!(kept.status, 303, "{}", kept.body);

    let new_bench = [
        ("heading", "Ny bænk"),
        ("slug", "ny-baenk"),
        ("status", "draft"),
        ("cover_alt", "Bænken"),
        ("intent", "save"),
    ];
    let saved = post_with_cover(&staff, "/personale/artikler/ny", &new_bench).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let id = redirect_id(&saved, "/personale/artikler/");
    // The slug of a draft written some other way is taken too.
    let lamps = article("Lamper langs stierne")
        .slug("mere-lys")
        .status(ArticleStatus::Draft, None)
        .create(app.db())
        .await;
    let taken = [
        ("heading", "Lamper"),
        ("slug", lamps.slug.as_str()),
        ("status", "draft"),
        ("cover_alt", "Lys"),
        ("intent", "save"),
    ];
    let taken = post_with_cover(&staff, "/personale/artikler/ny", &taken).await;
    assert_eq!(taken.status, 422);
    assert!(
        taken
            .body
            .contains("Det korte navn bruges allerede af en anden artikel.")
            && taken.body.contains("Lamper"),
        "{}",
        taken.body
    );
    let kept = post_with_cover(&staff, &format!("/personale/artikler/{id}"), &new_bench).await;
    assert_eq!(kept.status, 303, "{}", kept.body);
}

on_both_backends!(a_slug_in_use_is_refused_by_the_field_but_an_item_keeps_its_own);

/// Eight staff save an item with the same slug at the same moment. The slug is checked before
/// the cover is processed and the item saved, so several checks pass before the first save
/// lands: the saves that lose the race must still get the field's message, not the error page.
async fn the_same_slug_saved_at_the_same_moment_is_one_save_and_messages(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let staff = account(Role::Staff).create(app.db()).await;
    let staff = app.logged_in_as(&staff).await;

    let issue = [
        ("heading", "Vinternummer"),
        ("slug", "vinter"),
        ("published_on", "2026-12-01"),
        ("cover_alt", "Forsiden"),
    ];
    let article = [
        ("heading", "Juletræet tændes"),
        ("slug", "juletraeet"),
        ("status", "draft"),
        ("cover_alt", "Træet"),
        ("intent", "save"),
    ];
    for (path, fields, message) in [
        (
            "/personale/udgaver/ny",
            &issue[..],
            "Det korte navn bruges allerede af en anden udgave.",
        ),
        (
            "/personale/artikler/ny",
            &article[..],
            "Det korte navn bruges allerede af en anden artikel.",
        ),
    ] {
        let answers =
            futures_util::future::join_all((0..8).map(|_| post_with_cover(&staff, path, fields)))
                .await;
        let statuses: Vec<u16> = answers.iter().map(|answer| answer.status).collect();
        assert_eq!(
            statuses.iter().filter(|status| **status == 303).count(),
            1,
            "{path}: {statuses:?}"
        );
        for answer in answers.iter().filter(|answer| answer.status != 303) {
            assert_eq!(answer.status, 422, "{path}: {statuses:?}\n{}", answer.body);
            assert!(
                answer.body.contains(message) && answer.body.contains(fields[0].1),
                "{}",
                answer.body
            );
        }
    }
}

on_both_backends!(the_same_slug_saved_at_the_same_moment_is_one_save_and_messages);

/// One loader per thing: an article or a magazine issue that does not exist is the 404 page on
/// its editor, its delete page and every form posted to them, and `NotFound` from the editors'
/// server functions; and so is an activity on the staff's activity page and its forms.
async fn an_editor_of_nothing_is_refused_alike_everywhere(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let staff = account(Role::Staff).create(app.db()).await;
    let staff = app.logged_in_as(&staff).await;
    let missing = "987654";
    for page in [
        format!("/personale/artikler/{missing}"),
        format!("/personale/artikler/{missing}/slet"),
        format!("/personale/udgaver/{missing}"),
        format!("/personale/aktiviteter/{missing}"),
    ] {
        assert_eq!(staff.get(&page).await.status, 404, "{page}");
    }
    for (form, fields) in [
        (
            format!("/personale/artikler/{missing}"),
            vec![("heading", "Ny titel")],
        ),
        (format!("/personale/artikler/{missing}/slet"), vec![]),
        (
            format!("/personale/udgaver/{missing}"),
            vec![("heading", "Nr. 9")],
        ),
        (
            format!("/personale/aktiviteter/{missing}/undtagelser"),
            vec![("dato", "2026-12-24"), ("kind", "cancelled")],
        ),
    ] {
        let answer = staff.post_form(&form, &fields).await;
        assert_eq!(answer.status, 404, "{form}");
    }
    for api in [
        "/personale/api/artikel",
        "/personale/api/udgave",
        "/personale/api/aktivitet",
    ] {
        let answer = staff.post_form(api, &[("id", missing)]).await;
        assert_eq!(
            (answer.status, answer.body.as_str()),
            (200, "\"NotFound\""),
            "{api}"
        );
    }
}

on_both_backends!(an_editor_of_nothing_is_refused_alike_everywhere);
