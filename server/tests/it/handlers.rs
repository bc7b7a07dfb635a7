//! The edge of the forms: a post to something that is gone gets the Danish 404 page, never a
//! bare status; the sign-up rules hold when the form is posted, whatever the page showed.

use app::{
    accounts::{token::Token, Role},
    calendar::SignupMode,
    clock,
    db::Backend,
    signups::{queries::SignupMails, NewSignup, SignupStatus},
};
use chrono::{Duration, NaiveTime};

use crate::{
    fixtures::{account, activity, article, time},
    helpers::{assert_link_closed, Answer, TestApp},
    on_both_backends,
};

/// Asserts that `answer` is the Danish "not found" page inside the site's shell.
fn assert_not_found(what: &str, answer: &Answer) {
    assert_eq!(answer.status, 404, "{what}: {}", answer.body);
    assert!(
        answer.body.contains("Siden findes ikke") && answer.body.contains("<nav"),
        "{what} shows the Danish 404 page in the shell: {}",
        answer.body
    );
}

on_both_backends!(
    a_post_to_something_gone_gets_the_danish_404_page,
    sign_up_closes_when_the_date_starts,
);

async fn a_post_to_something_gone_gets_the_danish_404_page(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    let first_tuesday = clock::today() + Duration::days(30);
    let weekly = |starts_on| {
        activity("Babycafé")
            .starts_on(starts_on)
            .rule("FREQ=WEEKLY")
            .signups_required(20)
    };
    let cafe = weekly(first_tuesday).create(db).await;
    let resident = app.visitor();
    let party = [("navn", "Amina"), ("voksne", "1"), ("boern", "1")];

    // A date that was never in the calendar, an unreadable date and an unknown activity.
    let day_after = first_tuesday + Duration::days(1);
    let gone = [
        format!("/aktiviteter/{}/{day_after}", cafe.slug),
        format!("/aktiviteter/{}/ikke-en-dato", cafe.slug),
        format!("/aktiviteter/findes-ikke/{first_tuesday}"),
    ];
    for path in &gone {
        assert_not_found(path, &resident.post_form(path, &party).await);
    }

    // A date that was there when the page was read, and is gone when the form arrives: staff
    // moved the activity's start a day later meanwhile.
    let page = format!("/aktiviteter/{}/{first_tuesday}", cafe.slug);
    assert_eq!(resident.get(&page).await.status, 200);
    weekly(day_after).update(db, cafe.id).await;
    assert_not_found(
        "a date that has gone",
        &resident.post_form(&page, &party).await,
    );

    // Private links that name no sign-up.
    for path in ["/tilmelding/ukendt/afmeld", "/tilmelding/ukendt/aendr"] {
        let answer = resident.post_form(path, &[("voksne", "2")]).await;
        assert_not_found(path, &answer);
    }

    // An article that staff deleted in another tab, and addresses that name no article.
    let staff = account(Role::Staff).create(db).await;
    let staff = app.logged_in_as(&staff).await;
    let deleted = article("Sommerfest i gården").create(db).await;
    db.articles()
        .delete_article(None, deleted.id, clock::now())
        .await
        .unwrap();
    let editor = [("heading", "Sommerfest"), ("status", "draft")];
    for path in [
        format!("/personale/artikler/{}", deleted.id),
        format!("/personale/artikler/{}/slet", deleted.id),
        "/personale/artikler/ikke-et-tal".to_owned(),
        format!("/personale/udgaver/{}", deleted.id + 1000),
        format!(
            "/personale/aktiviteter/{}/{}/fremmoede",
            cafe.id,
            day_after + Duration::days(1)
        ),
        format!("/personale/aktiviteter/{}", cafe.id + 1000),
    ] {
        assert_not_found(&path, &staff.post_form(&path, &editor).await);
    }
}

async fn sign_up_closes_when_the_date_starts(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    // Today from midnight: it has started (unless this runs in the very first second).
    let today = clock::today();
    let dinner = activity("Fællesspisning")
        .starts_on(today)
        .time(NaiveTime::MIN, time(23, 59))
        .signups_required(40)
        .create(db)
        .await;
    assert_eq!(dinner.signup_mode, SignupMode::Required);
    let page = format!("/aktiviteter/{}/{today}", dinner.slug);
    let resident = app.visitor();
    let shown = resident.get(&page).await;
    assert_eq!(shown.status, 200);
    assert!(
        !shown.body.contains(r#"name="voksne""#),
        "no form once it has started"
    );

    // A form posted from a page that was opened before the start is refused with a message.
    let party = [("navn", "Amina"), ("voksne", "2"), ("boern", "0")];
    let refused = resident.post_form(&page, &party).await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused
        .body
        .contains("Man kan ikke tilmelde sig denne dato."));
    let occurrence = db
        .signups()
        .ensure_occurrence_row(dinner.id, today)
        .await
        .unwrap();
    assert!(db
        .signups()
        .signups_of(occurrence)
        .await
        .unwrap()
        .is_empty());

    // A family that signed up in time cannot cancel or change once the dinner has begun: the
    // seats are counted for the evening.
    let token = Token::generate();
    let family = NewSignup {
        lang: app::i18n::Lang::DA,
        name: "Familien Hansen".into(),
        adults: 2,
        children: 2,
        email: String::new(),
        phone: String::new(),
        note: String::new(),
        via_newsletter: String::new(),
    };
    let mails = SignupMails::default();
    let signups = db.signups();
    let hash = token.hash();
    signups
        .sign_up(occurrence, Some(40), &family, &hash, &mails, clock::now())
        .await
        .unwrap();
    let link = format!("/tilmelding/{}", token.as_str());
    assert_link_closed(&resident, &link).await;
    let kept = signups.signup_by_token(&hash).await.unwrap().unwrap();
    assert_eq!((kept.status, kept.persons()), (SignupStatus::Confirmed, 4));
}
