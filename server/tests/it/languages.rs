//! The site in English and Arabic: the language lives in the address, every link and form of a
//! page stays in it, a refused form comes back in it, and a party's emails are written in the
//! language it signed up in, on both backends.

use app::{accounts::Role, clock, db::Backend, signups::SignupStatus};
use chrono::Duration;

use crate::{
    fixtures::{account, activity},
    helpers::{Answer, TestApp},
    mail::stored_bodies,
    on_both_backends,
};

on_both_backends!(
    a_resident_signs_up_in_arabic_and_is_written_to_in_arabic,
    every_link_and_form_of_an_english_page_stays_in_english,
    a_journalist_gets_the_editors_emails_in_the_language_chosen,
    staff_add_a_summary_for_the_readers_of_each_language,
);

/// The `<html>` start tag of a page.
fn html_tag(answer: &Answer) -> &str {
    let start = answer.body.find("<html").expect("a document");
    let end = start + answer.body[start..].find('>').unwrap();
    &answer.body[start..=end]
}

async fn a_resident_signs_up_in_arabic_and_is_written_to_in_arabic(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    let day = clock::today() + Duration::days(10);
    let dinner = activity("Fællesspisning")
        .starts_on(day)
        .signups_required(3)
        .create(db)
        .await;
    let page = format!("/ar/aktiviteter/{}/{day}", dinner.slug);
    let resident = app.visitor();
    let shown = resident.get(&page).await;
    assert_eq!(shown.status, 200, "{}", shown.body);
    assert_eq!(html_tag(&shown), r#"<html lang="ar" dir="rtl">"#);
    // Arabic text, with the plural form for three (few), the form posting back in Arabic,
    // the activity's Danish name marked as Danish, and the switcher keeping the page.
    assert!(shown.body.contains("مقاعد"), "{}", shown.body);
    let action = format!(r#"action="/ar/aktiviteter/{}/{day}""#, dinner.slug);
    assert!(shown.body.contains(&action), "{}", shown.body);
    let danish = format!(r#"href="/aktiviteter/{}/{day}" hreflang="da""#, dinner.slug);
    let english = format!(
        r#"href="/en/aktiviteter/{}/{day}" hreflang="en""#,
        dinner.slug
    );
    assert!(
        shown.body.contains(&danish) && shown.body.contains(&english),
        "{}",
        shown.body
    );

    // Refused once: the Arabic message by the field, and what was typed kept.
    let refused = resident
        .post_form(
            &page,
            &[("navn", "أمينة"), ("voksne", "0"), ("contact", "amina@")],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert_eq!(html_tag(&refused), r#"<html lang="ar" dir="rtl">"#);
    assert!(
        refused.body.contains(r#"value="أمينة""#),
        "{}",
        refused.body
    );
    assert!(
        refused.body.contains(r#"value="amina@""#),
        "{}",
        refused.body
    );
    assert!(
        !refused.body.contains("Skriv en gyldig e-mailadresse"),
        "no Danish message: {}",
        refused.body
    );

    // Signed up: the private page in Arabic, and the email in Arabic with an Arabic link.
    let party = [
        ("navn", "أمينة"),
        ("voksne", "2"),
        ("boern", "1"),
        ("contact", "amina@example.org"),
    ];
    let answer = resident.post_form(&page, &party).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    let manage = answer.location.unwrap();
    assert!(manage.starts_with("/ar/tilmelding/"), "{manage}");
    let private = resident.get(&manage).await;
    assert_eq!(html_tag(&private), r#"<html lang="ar" dir="rtl">"#);
    let date_id = db
        .signups()
        .ensure_occurrence_row(dinner.id, day)
        .await
        .unwrap();
    let signups = db.signups().signups_of(date_id).await.unwrap();
    assert_eq!(signups[0].lang, app::i18n::Lang::AR);
    let outbox = db.outbox().list_outbox(5).await.unwrap();
    assert!(
        outbox[0].subject.contains("Fællesspisning")
            && !outbox[0].subject.contains("Du er tilmeldt")
            && !outbox[0].subject.contains(['\u{2068}', '\u{2069}']),
        "an Arabic subject without isolation marks: {}",
        outbox[0].subject
    );
    let (text, html) = stored_bodies(db, "amina@example.org").await.unwrap();
    assert!(text.contains("/ar/tilmelding/"), "{text}");
    assert!(
        html.contains(r#"lang="ar""#) && html.contains(r#"dir="rtl""#),
        "{html}"
    );
    assert!(
        text.contains('\u{2068}'),
        "names isolated in the Arabic text: {text}"
    );

    // A Danish party fills the date; when the Arabic party's place frees, the Danish one is
    // promoted and written to in Danish.
    let danish_party = [
        ("navn", "Bo"),
        ("voksne", "2"),
        ("contact", "bo@example.org"),
    ];
    let answer = resident
        .post_form(
            &format!("/aktiviteter/{}/{day}", dinner.slug),
            &danish_party,
        )
        .await;
    assert_eq!(answer.status, 303);
    let token = manage
        .trim_start_matches("/ar/tilmelding/")
        .split('?')
        .next()
        .unwrap();
    let cancelled = resident
        .post_form(&format!("/ar/tilmelding/{token}/afmeld"), &[])
        .await;
    assert_eq!(cancelled.status, 303);
    assert!(
        cancelled
            .location
            .as_deref()
            .is_some_and(|location| location.starts_with("/ar/tilmelding/")),
        "{:?}",
        cancelled.location
    );
    let signups = db.signups().signups_of(date_id).await.unwrap();
    let bo = signups.iter().find(|party| party.name == "Bo").unwrap();
    assert_eq!(bo.status, SignupStatus::Confirmed);
    let (bo_text, _) = stored_bodies(db, "bo@example.org").await.unwrap();
    assert!(bo_text.contains("Der er blevet plads"), "{bo_text}");
}

async fn every_link_and_form_of_an_english_page_stays_in_english(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let day = clock::today() + Duration::days(3);
    activity("Babycafé")
        .starts_on(day)
        .signups_required(10)
        .create(app.db())
        .await;
    let resident = app.visitor();
    // Twice, so the second answer comes from the page cache, which keeps each language apart.
    for _ in 0..2 {
        let danish = resident.get("/kalender").await;
        let english = resident.get("/en/kalender").await;
        assert_eq!(html_tag(&danish), r#"<html lang="da" dir="ltr">"#);
        assert_eq!(html_tag(&english), r#"<html lang="en" dir="ltr">"#);
        assert!(english.body.contains(">Calendar<"), "{}", english.body);
        for link in english.body.split("href=\"").skip(1) {
            let address = &link[..link.find('"').unwrap()];
            let own_language = address.starts_with("/en")
                || !app::i18n::has_languages(address)
                || !address.starts_with('/');
            let switcher = english
                .body
                .contains(&format!("href=\"{address}\" hreflang="));
            assert!(own_language || switcher, "{address} leaves English");
        }
        assert!(english.body.contains(r#"hreflang="x-default""#));
    }
    // The front page is `/en`; `/en/` is the same page, and the staff's pages have one
    // (Danish) address.
    assert_eq!(resident.get("/en").await.status, 200);
    let slash = resident.get("/en/").await;
    assert_eq!(
        (slash.status, slash.location.as_deref()),
        (308, Some("/en"))
    );
    let staff = resident.get("/en/personale/tal?aar=2026").await;
    assert_eq!(
        (staff.status, staff.location.as_deref()),
        (308, Some("/personale/tal?aar=2026"))
    );
    // The sitemap names every page in every language, with its alternates.
    let sitemap = resident.get("/sitemap.xml").await.body;
    for address in ["/kalender", "/en/kalender", "/ar/kalender"] {
        let loc = format!("<loc>{}{address}</loc>", resident.origin());
        let alternate = format!("href=\"{}{address}\"/>", resident.origin());
        assert!(
            sitemap.contains(&loc) && sitemap.contains(&alternate),
            "{sitemap}"
        );
    }
    // A redirect of the site (logging in first) keeps the language.
    let login = resident.get("/en/konto").await;
    assert_eq!(login.status, 303, "{}", login.body);
    assert!(
        login
            .location
            .as_deref()
            .is_some_and(|location| location.starts_with("/en/log-ind")),
        "{:?}",
        login.location
    );
}

async fn a_journalist_gets_the_editors_emails_in_the_language_chosen(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    let journalist = account(Role::Journalist).name("Amina").create(db).await;
    let editor = account(Role::Staff).create(db).await;
    let writer = app.logged_in_as(&journalist).await;
    let staff = app.logged_in_as(&editor).await;

    // The account page offers the languages, each named in itself; a made-up one is refused
    // by the field.
    let page = writer.get("/en/konto").await.body;
    assert!(
        page.contains(">العربية<") && page.contains("action=\"/en/konto/sprog\""),
        "{page}"
    );
    let refused = writer
        .post_form("/en/konto/sprog", &[("email_lang", "xx")])
        .await;
    assert_eq!(refused.status, 422);
    assert!(
        refused.body.contains("Choose one of the languages"),
        "{}",
        refused.body
    );
    let chosen = writer
        .post_form("/en/konto/sprog", &[("email_lang", "en")])
        .await;
    assert_eq!(chosen.location.as_deref(), Some("/en/konto?besked=sprog"));
    let page = writer.get("/en/konto?besked=sprog").await.body;
    assert!(page.contains("Your language is saved."), "{page}");
    assert!(page.contains(r#"value="en" checked"#), "{page}");

    // A submission sent; the editors' comment reaches the journalist in English, with the
    // link to the English page, while the staff's own email stays Danish.
    let form = reqwest::multipart::Form::new()
        .text("heading", "Sommerfest")
        .text("body", "Der var mange med.")
        .text("intent", "send");
    let sent = writer
        .post_multipart("/borgerjournalist/indsendelser/ny", form)
        .await;
    assert_eq!(sent.status, 303, "{}", sent.body);
    let id: i64 = sent
        .location
        .as_deref()
        .and_then(|location| location.split('?').next())
        .and_then(|path| path.rsplit('/').next())
        .and_then(|id| id.parse().ok())
        .expect("the submission's page");
    let (staff_text, _) = stored_bodies(db, &editor.email).await.unwrap();
    assert!(
        staff_text.contains("venter på, at I læser den"),
        "{staff_text}"
    );
    let commented = staff
        .post_form(
            &format!("/personale/indsendelser/{id}/kommentar"),
            &[("message", "Flot!")],
        )
        .await;
    assert_eq!(commented.status, 303, "{}", commented.body);
    let (text, html) = stored_bodies(db, &journalist.email).await.unwrap();
    assert!(text.contains("The editors"), "{text}");
    assert!(
        text.contains(&format!("/en/borgerjournalist/indsendelser/{id}")),
        "{text}"
    );
    assert!(html.contains("Flot!"), "{html}");
}

async fn staff_add_a_summary_for_the_readers_of_each_language(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let editor = account(Role::Staff).create(app.db()).await;
    let staff = app.logged_in_as(&editor).await;
    let page = staff.get("/personale/aktiviteter/ny").await.body;
    assert!(
        page.contains(r#"id="summary_en""#) && page.contains(r#"id="summary_ar""#),
        "one text area per language: {page}"
    );
    let long = "x".repeat(app::calendar::service::MAX_SUMMARY + 1);
    let mut form = vec![
        ("activity_name", "Strikkeklub"),
        ("description", "Vi strikker og drikker kaffe."),
        ("starts_on", "2027-01-05"),
        ("start_time", "18.00"),
        ("end_time", "20.00"),
        ("repeat", "once"),
        ("signup_mode", "none"),
        ("max_party", "10"),
        ("summary_lang", "en"),
        ("summary", "We knit and drink coffee."),
        ("summary_lang", "ar"),
        ("summary", long.as_str()),
    ];
    // Too long: refused by its own field, everything typed kept.
    let refused = staff.post_form("/personale/aktiviteter/ny", &form).await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(
        refused.body.contains("Resuméet må højst være 600 tegn."),
        "{}",
        refused.body
    );
    assert!(refused.body.contains("We knit and drink coffee."));
    form[11] = ("summary", "نحيك ونشرب القهوة.");
    let saved = staff.post_form("/personale/aktiviteter/ny", &form).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let edit = saved.location.unwrap();
    assert!(staff
        .get(&edit)
        .await
        .body
        .contains("We knit and drink coffee."));

    // Each reader gets the summary of their language above the activity's own text, which
    // stays Danish and is marked so; Danish readers get none.
    let resident = app.visitor();
    let english = resident.get("/en/aktiviteter/strikkeklub").await.body;
    assert!(
        english.contains("We knit and drink coffee.") && english.contains("In short"),
        "{english}"
    );
    let own_text = english
        .find("Vi strikker og drikker kaffe.")
        .expect("the own text");
    let tag = &english[english[..own_text].rfind('<').unwrap()..own_text];
    assert!(
        tag.starts_with("<p") && tag.contains(r#"lang="da""#),
        "{tag}"
    );
    let arabic = resident
        .get("/ar/aktiviteter/strikkeklub/2027-01-05")
        .await
        .body;
    assert!(arabic.contains("نحيك ونشرب القهوة."), "{arabic}");
    let danish = resident.get("/aktiviteter/strikkeklub").await.body;
    assert!(
        !danish.contains("We knit") && !danish.contains("Kort fortalt"),
        "{danish}"
    );
}
