//! News on both backends: staff write, schedule and publish an article through the editor's
//! form; residents find it on the front page, in its tag and issue archives, by search (an
//! inflected Danish word finds it) and in `/feed.xml`, read back by Python's feedparser. A corpus
//! of XSS payloads in every text field (title, lead, body, byline, alt text, the issue's name
//! and introduction) stays inert on every page that shows it, and in the editor's live preview.

use app::accounts::Role;
use chrono::{Duration, Utc};
use scraper::{Html, Selector};

use crate::{helpers::TestApp, on_both_backends};

async fn staff_cookie(app: &TestApp) -> String {
    let (email, password) = app::demo::ACCOUNTS
        .iter()
        .find(|a| a.2 == Role::Staff)
        .map(|a| (a.0, a.3))
        .unwrap();
    app.log_in(email, password).await
}

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

on_both_backends! {
    async fn staff_schedule_and_publish_an_article_that_residents_then_find(backend: Backend) {
        let app = TestApp::spawn(backend).await;
        let db = app.state.db.clone();
        let cookie = staff_cookie(&app).await;
        let area = db.list_focus_areas().await.unwrap().into_iter().find(|a| a.slug == "sundhed").unwrap();
        let issue = db.magazine_issues().await.unwrap().remove(0);
        let tag = format!("omraade_{}", area.id);
        let issue_id = issue.id.to_string();
        let tomorrow = (Utc::now() + Duration::days(1)).format("%Y-%m-%d").to_string();
        let mut form = vec![
            ("title", "Fællesspisning i Vangdalen med suppe"),
            ("lead", "Naboerne i Vangdalen lavede suppe til hinanden."),
            ("body", "Efter **fællesspisningen** var der kaffe.\n\nTak til de frivillige."),
            ("byline", "Leyla"),
            (tag.as_str(), "on"),
            ("issue", issue_id.as_str()),
            ("status", "scheduled"),
            ("publish_date", tomorrow.as_str()),
            ("publish_time", "08:00"),
            ("action", "preview"),
        ];

        // The preview shows the rendered body without saving anything.
        let preview = app.post_form("/personale/artikler/ny", &form, Some(&cookie)).await;
        assert_eq!(preview.status, 200, "{}", preview.body);
        assert!(preview.body.contains("<strong>fællesspisningen</strong>") && preview.body.contains("Forhåndsvisning"));
        assert_eq!(db.all_articles().await.unwrap().iter().filter(|a| a.title.contains("Vangdalen med suppe")).count(), 0);

        // A missing title is refused with a message and nothing typed is lost.
        form[0].1 = "";
        form[9].1 = "save";
        let refused = app.post_form("/personale/artikler/ny", &form, Some(&cookie)).await;
        assert_eq!(refused.status, 422);
        assert!(refused.body.contains("Skriv en overskrift.") && refused.body.contains("Naboerne i Vangdalen lavede suppe"));

        // Scheduled for tomorrow: saved, but residents do not see it yet.
        form[0].1 = "Fællesspisning i Vangdalen med suppe";
        let saved = app.post_form("/personale/artikler/ny", &form, Some(&cookie)).await;
        assert_eq!(saved.status, 303, "{}", saved.body);
        let editor = saved.location.unwrap();
        let path = "/nyheder/faellesspisning-i-vangdalen-med-suppe";
        assert_eq!(app.get(path).await.0, 404);
        assert!(!app.get("/nyheder").await.1.contains("Vangdalen med suppe"));
        assert!(!app.get("/sitemap.xml").await.1.contains(path));

        // Published now.
        let mut publish = form.clone();
        publish[6].1 = "published";
        let saved = app.post_form(editor.split('?').next().unwrap(), &publish, Some(&cookie)).await;
        assert_eq!(saved.status, 303, "{}", saved.body);
        let (status, page) = app.get(path).await;
        assert_eq!(status, 200);
        assert!(page.contains("<strong>fællesspisningen</strong>") && page.contains("Af Leyla"));
        assert!(page.contains(r#"rel="canonical""#) && page.contains(r#"property="og:title""#), "{page}");
        for (place, address) in [
            ("front page", "/".to_owned()),
            ("news", "/nyheder".to_owned()),
            ("tag archive", "/nyheder/emne/sundhed".to_owned()),
            ("issue", format!("/nordbyposten/{}", issue.slug)),
            ("issue print", format!("/nordbyposten/{}/udskriv", issue.slug)),
            // An inflected form finds the word.
            ("search", "/soeg?q=f%C3%A6llesspisningerne".to_owned()),
            ("sitemap", "/sitemap.xml".to_owned()),
        ] {
            let (status, body) = app.get(&address).await;
            assert_eq!(status, 200, "{place}");
            assert!(body.contains("Vangdalen med suppe") || body.contains(path), "{place}: {body}");
        }
        let (_, nothing) = app.get("/soeg?q=cykelsmed").await;
        assert!(nothing.contains("Vi fandt ingen nyheder"));

        if let Some(feed) = read_feed(&app).await {
            assert!(!feed.bozo, "a well-formed feed");
            assert_eq!(feed.version, "atom10");
            let entry = feed.entries.iter().find(|e| e.title == "Fællesspisning i Vangdalen med suppe").expect("the article is in the feed");
            assert!(entry.link.ends_with(path));
            assert_eq!(entry.summary, "Naboerne i Vangdalen lavede suppe til hinanden.");
            assert!(entry.content.contains("<strong>fællesspisningen</strong>"));
        }

        // Unpublished, it is gone again; deleted, it is gone for staff too.
        let mut down = form.clone();
        down[6].1 = "unpublished";
        app.post_form(editor.split('?').next().unwrap(), &down, Some(&cookie)).await;
        assert_eq!(app.get(path).await.0, 404);
        let id = editor.trim_start_matches("/personale/artikler/").split('?').next().unwrap().to_owned();
        let confirm = app.get_as(&format!("/personale/artikler/{id}/slet"), Some(&cookie)).await;
        assert!(confirm.body.contains("Vil du slette"));
        let deleted = app.post_form(&format!("/personale/artikler/{id}/slet"), &[], Some(&cookie)).await;
        assert_eq!(deleted.status, 303);
        assert!(db.article_by_id(id.parse().unwrap()).await.unwrap().is_none());
        app.stop().await;
    }
}

/// Posts a staff form as the browser does when a file is chosen: multipart, with a small JPEG
/// as the cover.
async fn post_with_cover(
    app: &TestApp,
    cookie: &str,
    path: &str,
    fields: &[(&str, &str)],
) -> crate::helpers::Answer {
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
    app.post_multipart(path, form, cookie).await
}

/// The scripts, frames and event attributes a page holds, and its links that run script.
fn active_content(html: &str) -> Vec<String> {
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

on_both_backends! {
    async fn xss_payloads_in_every_text_field_are_inert_wherever_shown(backend: Backend) {
        let app = TestApp::spawn(backend).await;
        let db = app.state.db.clone();
        let cookie = staff_cookie(&app).await;
        let payloads: Vec<&str> = include_str!("xss_payloads.txt").lines().filter(|line| !line.is_empty()).collect();
        assert!(payloads.len() >= 50, "a corpus of at least 50 payloads");

        // What the pages hold before any payload: the site's own scripts, meta tags and forms.
        let pages = |issue: &str, slug: &str, id: &str| vec![
            "/".to_owned(),
            "/nyheder".to_owned(),
            format!("/nyheder/{slug}"),
            "/nyheder/emne/sundhed".to_owned(),
            "/nordbyposten".to_owned(),
            format!("/nordbyposten/{issue}"),
            format!("/nordbyposten/{issue}/udskriv"),
            "/soeg?q=xss".to_owned(),
            "/personale/artikler".to_owned(),
            format!("/personale/artikler/{id}"),
        ];
        let baseline: Vec<Vec<String>> = {
            let mut found = Vec::new();
            for page in pages("nordbyposten-3-2026", "mere-lys-paa-stierne", "1") {
                found.push(active_content(&app.get_as(&page, Some(&cookie)).await.body));
            }
            found
        };
        let area = db.list_focus_areas().await.unwrap().into_iter().find(|a| a.slug == "sundhed").unwrap();
        let tag = format!("omraade_{}", area.id);
        for (n, payload) in payloads.iter().enumerate() {
            // The issue is written through the staff's issue form, like the article.
            let issue_slug = format!("xss-{n}");
            let issue_title = format!("{} xss", payload.chars().take(180).collect::<String>());
            // Each with a small cover whose alt text is the payload too.
            let saved = post_with_cover(&app, &cookie, "/personale/udgaver/ny", &[
                ("title", issue_title.as_str()),
                ("slug", issue_slug.as_str()),
                ("published_on", "2026-01-01"),
                ("intro", payload),
                ("cover_alt", payload),
            ]).await;
            assert_eq!(saved.status, 303, "{payload}: {}", saved.body);
            let issue_id = db.magazine_issue(&issue_slug).await.unwrap().unwrap().id.to_string();
            // Titles have at most 200 characters; the longest payloads are cut to fit.
            let title = format!("xss {n} {}", payload.chars().take(180).collect::<String>());
            let slug = format!("xss-{n}");
            let form = [
                ("title", title.as_str()),
                ("slug", slug.as_str()),
                ("lead", payload),
                ("body", payload),
                ("byline", payload),
                ("cover_alt", payload),
                (tag.as_str(), "on"),
                ("issue", issue_id.as_str()),
                ("status", "published"),
                ("action", "save"),
            ];
            let saved = post_with_cover(&app, &cookie, "/personale/artikler/ny", &form).await;
            assert_eq!(saved.status, 303, "{payload}: {}", saved.body);
            let id = saved.location.unwrap().trim_start_matches("/personale/artikler/").split('?').next().unwrap().to_owned();
            for (page, before) in pages(&format!("xss-{n}"), &slug, &id).iter().zip(&baseline) {
                let answer = app.get_as(page, Some(&cookie)).await;
                assert_eq!(answer.status, 200, "{page}");
                let found = active_content(&answer.body);
                assert_eq!(&found, before, "payload {payload:?} became active on {page}");
            }
        }
        // The feed carries them as text: it still parses, every entry with its title intact.
        if let Some(feed) = read_feed(&app).await {
            assert!(!feed.bozo);
            assert!(feed.entries.iter().any(|e| e.title.starts_with("xss ") && e.title.contains("<script>")));
        }
        app.stop().await;
    }
}

/// POSTs `markdown` to the live preview's address as the editor's island does.
async fn ask_preview(
    app: &TestApp,
    markdown: &str,
    cookie: Option<&str>,
) -> crate::helpers::Answer {
    let mut request = app
        .client
        .post(format!(
            "http://{}{}",
            app.addr,
            app::pages::staff_articles::PREVIEW_ADDRESS
        ))
        .header("content-type", "text/plain; charset=utf-8")
        .header("origin", &app.origin)
        .body(markdown.to_owned());
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    crate::helpers::answer(request.send().await.unwrap()).await
}

on_both_backends! {
    async fn the_live_preview_renders_markdown_for_staff_only_and_keeps_payloads_inert(backend: Backend) {
        let app = TestApp::spawn(backend).await;
        let markdown = "Kom til **fællesspisning** i [ParkCafeen](https://example.org).";

        // Logged out, it leads to the login page, like every staff address.
        let refused = ask_preview(&app, markdown, None).await;
        assert_eq!(refused.status, 303, "{}", refused.body);
        assert!(refused.location.as_deref().unwrap_or_default().starts_with("/log-ind"));
        assert!(!refused.body.contains("<strong>"), "{}", refused.body);

        let cookie = staff_cookie(&app).await;
        let shown = ask_preview(&app, markdown, Some(&cookie)).await;
        assert_eq!(shown.status, 200, "{}", shown.body);
        assert!(shown.body.contains("<strong>fællesspisning</strong>"), "{}", shown.body);
        assert!(shown.body.contains(r#"<a href="https://example.org" rel="noopener noreferrer">ParkCafeen</a>"#), "{}", shown.body);

        // The same sanitizing as a saved article: no payload turns into active content.
        let payloads = include_str!("xss_payloads.txt").lines().filter(|line| !line.is_empty());
        for payload in payloads {
            let shown = ask_preview(&app, payload, Some(&cookie)).await;
            assert_eq!(shown.status, 200, "{payload}: {}", shown.body);
            assert_eq!(active_content(&shown.body), Vec::<String>::new(), "{payload} became {}", shown.body);
        }

        // From another site it is refused even with the cookie (the same-origin check).
        let foreign = app
            .client
            .post(format!("http://{}{}", app.addr, app::pages::staff_articles::PREVIEW_ADDRESS))
            .header("origin", "https://evil.example")
            .header("cookie", &cookie)
            .body(markdown)
            .send()
            .await
            .unwrap();
        assert_eq!(foreign.status(), 403);

        // A journalist is not staff.
        let journalist = app::demo::ACCOUNTS.iter().find(|a| a.2 == Role::Journalist).unwrap();
        let cookie = app.log_in(journalist.0, journalist.3).await;
        let refused = ask_preview(&app, markdown, Some(&cookie)).await;
        assert_eq!(refused.status, 403, "{}", refused.body);
        app.stop().await;
    }
}

on_both_backends! {
    async fn a_slug_in_use_is_refused_by_the_field_but_an_item_keeps_its_own(backend: Backend) {
        let app = TestApp::spawn(backend).await;
        let cookie = staff_cookie(&app).await;
        let redirect_id = |answer: &crate::helpers::Answer, prefix: &str| {
            answer.location.as_deref().unwrap().trim_start_matches(prefix).split('?').next().unwrap().to_owned()
        };

        let issue = [("title", "Sommernummer"), ("slug", "sommer"), ("published_on", "2026-06-01"), ("cover_alt", "Forsiden")];
        let saved = post_with_cover(&app, &cookie, "/personale/udgaver/ny", &issue).await;
        assert_eq!(saved.status, 303, "{}", saved.body);
        let id = redirect_id(&saved, "/personale/udgaver/");
        let again = post_with_cover(&app, &cookie, "/personale/udgaver/ny", &[("title", "Andet nummer"), ("slug", "sommer"), ("published_on", "2026-07-01"), ("cover_alt", "Forsiden")]).await;
        assert_eq!(again.status, 422);
        assert!(again.body.contains("Det korte navn bruges allerede af en anden udgave.") && again.body.contains("Andet nummer"), "{}", again.body);
        let kept = post_with_cover(&app, &cookie, &format!("/personale/udgaver/{id}"), &issue).await;
        assert_eq!(kept.status, 303, "{}", kept.body);

        let article = [("title", "Ny bænk"), ("slug", "ny-baenk"), ("status", "draft"), ("cover_alt", "Bænken"), ("action", "save")];
        let saved = post_with_cover(&app, &cookie, "/personale/artikler/ny", &article).await;
        assert_eq!(saved.status, 303, "{}", saved.body);
        let id = redirect_id(&saved, "/personale/artikler/");
        // A demo article's slug is taken too.
        let taken = post_with_cover(&app, &cookie, "/personale/artikler/ny", &[("title", "Lamper"), ("slug", "mere-lys-paa-stierne"), ("status", "draft"), ("cover_alt", "Lys"), ("action", "save")]).await;
        assert_eq!(taken.status, 422);
        assert!(taken.body.contains("Det korte navn bruges allerede af en anden artikel.") && taken.body.contains("Lamper"), "{}", taken.body);
        let kept = post_with_cover(&app, &cookie, &format!("/personale/artikler/{id}"), &article).await;
        assert_eq!(kept.status, 303, "{}", kept.body);
        app.stop().await;
    }
}
