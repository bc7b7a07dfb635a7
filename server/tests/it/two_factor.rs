//! Two-factor login over HTTP, on both backends: turning it on from the account page,
//! logging in with a code, wrong and reused codes refused and limited, recovery codes used
//! once, admins sent to set it up before any staff page, and an admin's reset.

use app::{
    accounts::{two_factor::TwoFactorSecret, Role},
    db::Backend,
};

use crate::{
    fixtures::{account, TestAccount},
    helpers::{TestApp, Visitor},
    on_both_backends,
};

/// The subjects of the emails queued to `to`, oldest first.
async fn subjects_to(app: &TestApp, to: &str) -> Vec<String> {
    app::db_run!(app.db(), |pool| {
        sqlx::query_scalar("select subject from outbox where to_address = $1 order by id")
            .bind(to)
            .fetch_all(pool)
            .await
    })
    .unwrap()
}

/// The audit log's actions and details, oldest first.
async fn audit(app: &TestApp) -> Vec<(String, String)> {
    app::db_run!(app.db(), |pool| {
        sqlx::query_as("select action, details from audit_log order by id")
            .fetch_all(pool)
            .await
    })
    .unwrap()
}

/// The value of the hidden field `name` in `html`.
fn hidden(html: &str, name: &str) -> String {
    let marker = format!(r#"name="{name}" value=""#);
    let start = html.find(&marker).expect("the hidden field") + marker.len();
    html[start..].split('"').next().unwrap().to_owned()
}

/// The recovery codes on the page that answers turning two-factor login on.
fn recovery_codes(html: &str) -> Vec<String> {
    html.split("<li><code>")
        .skip(1)
        .map(|rest| rest.split("</code>").next().unwrap().to_owned())
        .collect()
}

/// Turns two-factor login on for the logged-in `browser` of `person` as a person would: reads
/// the key off the page, types the app's code, and gets the recovery codes.
async fn turn_on(browser: &Visitor, person: &TestAccount) -> (TwoFactorSecret, Vec<String>) {
    let page = browser.get("/konto/to-trin").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("<svg role=\"img\""), "the QR code");
    assert!(page.body.contains("otpauth://totp/"));
    let secret = TwoFactorSecret::parse(&hidden(&page.body, "secret")).unwrap();
    assert!(
        page.body.contains(&secret.grouped()),
        "the key as text, for typing"
    );
    let code = secret.code_at(now_seconds());
    let answer = browser
        .post_form(
            "/konto/to-trin",
            &[("secret", secret.as_str()), ("code", &code)],
        )
        .await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    let codes = recovery_codes(&answer.body);
    assert_eq!(codes.len(), 10, "{}", answer.body);
    assert!(
        answer.body.contains("Dine reservekoder"),
        "{}: {}",
        person.email,
        answer.body
    );
    (secret, codes)
}

fn now_seconds() -> u64 {
    u64::try_from(chrono::Utc::now().timestamp()).unwrap()
}

/// The code of the step after the current one (accepted as a phone's clock running ahead), so
/// a test need not wait thirty seconds to log in again.
fn next_step_code(secret: &TwoFactorSecret) -> String {
    secret.code_at(now_seconds() + 30)
}

async fn two_factor_is_turned_on_and_used_to_log_in(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let staff = account(Role::Staff).create(app.db()).await;
    let browser = app.logged_in_as(&staff).await;
    let account_page = browser.get("/konto").await.body;
    assert!(account_page.contains("Totrinsbekræftelse er ikke slået til."));

    // A wrong code is refused by the field, and the same key is offered again.
    let page = browser.get("/konto/to-trin").await.body;
    let secret = hidden(&page, "secret");
    let refused = browser
        .post_form("/konto/to-trin", &[("secret", &secret), ("code", "000000")])
        .await;
    assert_eq!(refused.status, 422);
    assert!(
        refused.body.contains("Koden passer ikke."),
        "{}",
        refused.body
    );
    assert_eq!(hidden(&refused.body, "secret"), secret, "the key is kept");

    let (secret, codes) = turn_on(&browser, &staff).await;
    assert!(codes
        .iter()
        .all(|code| code.len() == 11 && code.contains('-')));
    let subjects = subjects_to(&app, &staff.email).await;
    assert_eq!(subjects.len(), 1);
    assert!(subjects[0].starts_with("Totrinsbekræftelse er slået til på "));
    assert!(audit(&app)
        .await
        .contains(&("two_factor_on".to_owned(), String::new())));
    let shown = browser.get("/konto/to-trin").await.body;
    assert!(shown.contains("Du har 10 reservekoder tilbage."), "{shown}");
    assert!(!shown.contains(&codes[0]), "the codes are shown only once");

    // Logging in again: the password alone opens nothing.
    let phone = app.visitor();
    let answer = phone.log_in(&staff.email, &staff.password).await;
    assert_eq!(answer.status, 303);
    assert_eq!(answer.location.as_deref(), Some("/log-ind/kode"));
    let kept_out = phone.get("/personale").await;
    assert_eq!(kept_out.status, 303, "not logged in between the steps");
    let page = phone.get("/log-ind/kode").await;
    assert!(page.body.contains(r#"autocomplete="one-time-code""#));

    let wrong = phone.second_step("123456").await;
    assert_eq!(wrong.status, 422);
    assert!(wrong.body.contains("Koden passer ikke."));
    let code = next_step_code(&secret);
    let answer = phone.second_step(&code).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    assert_eq!(answer.location.as_deref(), Some("/personale"));
    assert_eq!(phone.get("/personale").await.status, 200);

    // The same code a second time (someone who saw it over the shoulder) is refused.
    let other = app.visitor();
    other.log_in(&staff.email, &staff.password).await;
    let replayed = other.second_step(&code).await;
    assert_eq!(replayed.status, 422);
    assert_eq!(other.get("/personale").await.status, 303);
}

on_both_backends!(two_factor_is_turned_on_and_used_to_log_in);

async fn wrong_codes_are_limited_per_account_and_network(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let staff = account(Role::Staff).two_factor(true).create(app.db()).await;
    let guesser = app.visitor_from("127.0.0.9".parse().unwrap());
    guesser.log_in(&staff.email, &staff.password).await;
    for guess in 0..app::accounts::two_factor::RECOVERY_CODES {
        let answer = guesser.second_step(&format!("{guess:06}")).await;
        assert_eq!(answer.status, 422, "guess {guess}");
    }
    let limited = guesser.second_step("999999").await;
    assert_eq!(limited.status, 429, "{}", limited.body);
    // Even the right code waits now, from that network.
    let limited = guesser.second_step(&staff.next_code()).await;
    assert_eq!(limited.status, 429);

    // The owner, at home, has their own allowance.
    let owner = app.visitor_from("127.0.0.7".parse().unwrap());
    owner.log_in(&staff.email, &staff.password).await;
    let answer = owner.second_step(&staff.next_code()).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
}

on_both_backends!(wrong_codes_are_limited_per_account_and_network);

async fn a_recovery_code_works_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let journalist = account(Role::Journalist).create(app.db()).await;
    let browser = app.logged_in_as(&journalist).await;
    let (_, codes) = turn_on(&browser, &journalist).await;

    // The phone is lost: a recovery code, typed as it reads, with spaces and capitals.
    let laptop = app.visitor();
    laptop.log_in(&journalist.email, &journalist.password).await;
    let typed = format!(" {} ", codes[3].to_uppercase().replace('-', " "));
    let answer = laptop.second_step(&typed).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    assert_eq!(answer.location.as_deref(), Some("/borgerjournalist"));
    let subjects = subjects_to(&app, &journalist.email).await;
    assert!(subjects
        .last()
        .is_some_and(|subject| subject.starts_with("En reservekode er brugt på ")));
    let texts: Vec<String> = app::db_run!(app.db(), |pool| {
        sqlx::query_scalar("select text_body from outbox where to_address = $1 order by id")
            .bind(&journalist.email)
            .fetch_all(pool)
            .await
    })
    .unwrap();
    assert!(
        texts
            .last()
            .unwrap()
            .contains("Du har 9 reservekoder tilbage."),
        "{}",
        texts.last().unwrap()
    );
    assert!(laptop
        .get("/konto/to-trin")
        .await
        .body
        .contains("Du har 9 reservekoder tilbage."));

    // The same code again is refused.
    let again = app.visitor();
    again.log_in(&journalist.email, &journalist.password).await;
    let refused = again.second_step(&codes[3]).await;
    assert_eq!(refused.status, 422);
    assert_eq!(again.get("/borgerjournalist").await.status, 303);
    // Another one still works.
    assert_eq!(again.second_step(&codes[4]).await.status, 303);
}

on_both_backends!(a_recovery_code_works_once);

async fn an_admin_sets_up_a_second_step_before_any_staff_page(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = account(Role::Admin)
        .two_factor(false)
        .create(app.db())
        .await;
    let browser = app.logged_in_as(&admin).await;
    for page in ["/personale", "/personale/brugere", "/personale/log"] {
        let answer = browser.get(page).await;
        assert_eq!(answer.status, 303, "{page}");
        assert_eq!(
            answer.location.as_deref(),
            Some("/konto/to-trin?besked=kraevet"),
            "{page}"
        );
    }
    // The admin pages' server functions are closed too.
    let api = browser.post_form("/personale/api/admin/brugere", &[]).await;
    assert_eq!(api.status, 303);
    let page = browser.get("/konto/to-trin?besked=kraevet").await.body;
    assert!(page.contains("Du er administrator. Slå totrinsbekræftelse til"));

    turn_on(&browser, &admin).await;
    assert_eq!(browser.get("/personale/brugere").await.status, 200);
}

on_both_backends!(an_admin_sets_up_a_second_step_before_any_staff_page);

async fn an_admin_resets_a_second_step(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = account(Role::Admin).create(app.db()).await;
    let journalist = account(Role::Journalist)
        .two_factor(true)
        .create(app.db())
        .await;
    let browser = app.logged_in_as(&admin).await;
    let users = browser.get("/personale/brugere").await.body;
    let reset = format!("/personale/brugere/{}/nulstil-to-trin", journalist.id);
    assert!(users.contains(&reset), "{users}");
    // Not for the admin's own account.
    assert!(!users.contains(&format!("/personale/brugere/{}/nulstil-to-trin", admin.id)));

    let answer = browser.post_form(&reset, &[]).await;
    assert_eq!(answer.status, 303);
    assert_eq!(
        answer.location.as_deref(),
        Some("/personale/brugere?besked=to-trin-nulstillet")
    );
    assert!(audit(&app)
        .await
        .contains(&("two_factor_reset".to_owned(), journalist.email.clone())));
    let subjects = subjects_to(&app, &journalist.email).await;
    assert_eq!(subjects.len(), 1);
    assert!(subjects[0].starts_with("Din totrinsbekræftelse er nulstillet på "));
    // The password alone logs the journalist in now.
    let answer = app
        .visitor()
        .log_in(&journalist.email, &journalist.password)
        .await;
    assert_eq!(answer.location.as_deref(), Some("/borgerjournalist"));
    // Staff may not reset anyone's.
    let staff = account(Role::Staff).create(app.db()).await;
    let staff_browser = app.logged_in_as(&staff).await;
    assert_eq!(staff_browser.post_form(&reset, &[]).await.status, 403);
}

on_both_backends!(an_admin_resets_a_second_step);
