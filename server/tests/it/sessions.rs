//! Logging in and out over HTTP: sessions, cookies, access control, rate limits, the
//! same-origin check, invitations and resets, on both backends.

use app::{
    accounts::{EmailAddress, Role},
    db::Backend,
};

use crate::{fixtures::account, helpers::TestApp, on_both_backends};

/// The first link to `path` in the newest email to `to` that has one. A reset link is written
/// after the form is answered (so its timing tells nothing), so this waits a little for it.
async fn link_in_mail(app: &TestApp, to: &str, path: &str) -> String {
    for _ in 0..100 {
        let texts: Vec<String> = app::db_run!(app.db(), |pool| {
            sqlx::query_scalar(
                "select text_body from outbox where to_address = $1 order by id desc",
            )
            .bind(to)
            .fetch_all(pool)
            .await
        })
        .unwrap();
        if let Some(link) = texts.iter().find_map(|text| {
            let start = text.find(&format!("/{path}/"))?;
            let from_scheme = text[..start].rfind("http")?;
            Some(text[from_scheme..].split_whitespace().next()?.to_owned())
        }) {
            return link;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("no email to {to} with a link to /{path}/");
}

/// [`link_paths_in_mails`] once there are at least `count` (reset links are written after the
/// answer), or what there is after five seconds.
async fn link_paths_when_written(app: &TestApp, to: &str, path: &str, count: usize) -> Vec<String> {
    for _ in 0..100 {
        let links = link_paths_in_mails(app, to, path).await;
        if links.len() >= count {
            return links;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    link_paths_in_mails(app, to, path).await
}

/// The paths of every link to `/{path}/…` in the emails to `to`, oldest first.
async fn link_paths_in_mails(app: &TestApp, to: &str, path: &str) -> Vec<String> {
    let texts: Vec<String> = app::db_run!(app.db(), |pool| {
        sqlx::query_scalar("select text_body from outbox where to_address = $1 order by id")
            .bind(to)
            .fetch_all(pool)
            .await
    })
    .unwrap();
    texts
        .iter()
        .filter_map(|text| {
            let start = text.find(&format!("/{path}/"))?;
            let from_scheme = text[..start].rfind("http")?;
            let link = text[from_scheme..].split_whitespace().next()?;
            Some(path_of(link))
        })
        .collect()
}

/// The path and query of a link to this app.
fn path_of(link: &str) -> String {
    let url = url::Url::parse(link).unwrap();
    url.path().to_owned()
}

/// Whether an account with `email` exists.
async fn has_account(app: &TestApp, email: &str) -> bool {
    let email = EmailAddress::parse(email).unwrap();
    app.db()
        .accounts()
        .account_by_email(&email)
        .await
        .unwrap()
        .is_some()
}

async fn a_journalist_logs_in_is_kept_out_of_the_staff_area_and_logs_out(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let journalist = account(Role::Journalist)
        .name("Yasmin Skribent")
        .create(app.db())
        .await;
    let browser = app.visitor();

    // Residents get no cookie, on any page.
    for path in ["/", "/log-ind", "/nyheder", "/findes/ikke", "/personale"] {
        let answer = browser.get(path).await;
        assert!(
            answer.set_cookie.is_none(),
            "{path} set a cookie for a visitor"
        );
    }
    assert_eq!(browser.cookie(), None);

    let answer = browser
        .log_in(&journalist.email, &journalist.password)
        .await;
    assert_eq!(answer.status, 303);
    assert_eq!(answer.location.as_deref(), Some("/borgerjournalist"));
    let set_cookie = answer.set_cookie.clone().unwrap();
    assert!(set_cookie.starts_with("naboskab="), "{set_cookie}");
    assert!(
        set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Lax"),
        "{set_cookie}"
    );
    // A cookie that ends when the browser closes (a shared computer); the server ends the
    // session after 4 idle hours.
    assert!(
        set_cookie.contains("Path=/")
            && !set_cookie.contains("Max-Age=")
            && !set_cookie.contains("Expires="),
        "{set_cookie}"
    );
    assert!(
        !set_cookie.contains("Secure"),
        "plain http cannot keep a Secure cookie"
    );
    let cookie = browser
        .cookie()
        .expect("the browser keeps the session cookie");

    let home = browser.get("/borgerjournalist").await;
    assert_eq!(home.status, 200);
    assert!(home.body.contains("<h1>Mine sider</h1>") && home.body.contains(&journalist.name));
    assert!(
        home.body.contains("Log ud"),
        "the header offers logging out"
    );

    // The staff area and a staff server function both refuse a journalist.
    let staff = browser.get("/personale").await;
    assert_eq!(staff.status, 403);
    assert!(staff.body.contains("Ingen adgang"));
    let admin_page = browser.get("/personale/brugere").await;
    assert_eq!(admin_page.status, 403);
    let api = browser.post_form("/personale/api/admin/brugere", &[]).await;
    assert_eq!(api.status, 403, "{}", api.body);
    // The address check answers with the 403 page before the function runs; the list of
    // accounts (with the journalist's own address in it) never reaches them.
    assert!(
        !api.body.contains(&journalist.email),
        "no account data leaks: {}",
        api.body
    );
    let invite = browser
        .post_form(
            "/personale/brugere/inviter",
            &[("email", "x@example.org"), ("account_role", "admin")],
        )
        .await;
    assert_eq!(invite.status, 403);
    assert!(!has_account(&app, "x@example.org").await);

    // After logging out the browser forgets the cookie, and a copy kept of it is worth nothing.
    let out = browser.post_form("/log-ud", &[]).await;
    assert_eq!(out.status, 303);
    assert!(
        out.set_cookie.unwrap().contains("Max-Age=0"),
        "the browser is told to forget it"
    );
    assert_eq!(browser.cookie(), None);
    let again = app
        .visitor_with_cookie(&cookie)
        .get("/borgerjournalist")
        .await;
    assert_eq!(again.status, 303);
    assert_eq!(
        again.location.as_deref(),
        Some("/log-ind?next=%2Fborgerjournalist")
    );
}

on_both_backends!(a_journalist_logs_in_is_kept_out_of_the_staff_area_and_logs_out);

async fn a_logged_out_person_is_sent_to_log_in_and_back(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = account(Role::Admin).create(app.db()).await;
    let browser = app.visitor();
    let answer = browser.get("/personale/udbakke").await;
    assert_eq!(answer.status, 303);
    assert_eq!(
        answer.location.as_deref(),
        Some("/log-ind?next=%2Fpersonale%2Fudbakke")
    );

    let page = browser
        .get("/log-ind?next=%2Fpersonale%2Fudbakke")
        .await
        .body;
    assert!(
        page.contains(r#"name="next" value="/personale/udbakke""#),
        "{page}"
    );

    let form = [
        ("email", admin.email.as_str()),
        ("password", admin.password.as_str()),
        ("next", "/personale/udbakke"),
    ];
    let answer = browser.post_form("/log-ind", &form).await;
    // The admin's second step keeps the page to go back to.
    assert_eq!(
        answer.location.as_deref(),
        Some("/log-ind/kode?next=%2Fpersonale%2Fudbakke")
    );
    let page = browser.get(answer.location.as_deref().unwrap()).await.body;
    assert!(
        page.contains(r#"name="next" value="/personale/udbakke""#),
        "{page}"
    );
    let code = admin.next_code();
    let step = [("code", code.as_str()), ("next", "/personale/udbakke")];
    let answer = browser.post_form("/log-ind/kode", &step).await;
    assert_eq!(answer.location.as_deref(), Some("/personale/udbakke"));
    let outbox = browser.get("/personale/udbakke").await;
    assert_eq!(outbox.status, 200);
    assert!(outbox.body.contains("<h1>Udbakke</h1>"));

    // Another site's address is never followed.
    let form = [
        ("email", admin.email.as_str()),
        ("password", admin.password.as_str()),
        ("next", "https://evil.example/"),
    ];
    let elsewhere = app.visitor();
    elsewhere.post_form("/log-ind", &form).await;
    let code = admin.next_code();
    let step = [("code", code.as_str()), ("next", "https://evil.example/")];
    let answer = elsewhere.post_form("/log-ind/kode", &step).await;
    assert_eq!(answer.location.as_deref(), Some("/personale"));
}

on_both_backends!(a_logged_out_person_is_sent_to_log_in_and_back);

async fn a_wrong_password_shows_the_form_again_with_a_danish_message(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let staff = account(Role::Staff)
        .email("mette@example.org")
        .password("kaffe i gården hver tirsdag")
        .create(app.db())
        .await;
    let browser = app.visitor();
    let answer = browser.log_in(&staff.email, "forkert-kodeord").await;
    assert_eq!(answer.status, 422);
    assert!(answer.set_cookie.is_none());
    assert!(
        answer.body.contains("Forkert e-mail eller adgangskode"),
        "{}",
        answer.body
    );
    let typed = r#"value="mette@example.org""#;
    assert!(answer.body.contains(typed), "the email is kept");
    assert!(
        !answer.body.contains("forkert-kodeord"),
        "the password is never sent back"
    );

    let answer = browser.log_in("", "").await;
    assert_eq!(answer.status, 422);
    assert!(answer.body.contains("Skriv din e-mailadresse."));
    assert!(answer.body.contains("Skriv din adgangskode."));
    assert!(answer.body.contains(r#"aria-invalid="true""#));
    assert!(
        answer.body.contains(r##"href="#email""##),
        "the summary links to the field"
    );
    assert_eq!(browser.cookie(), None);

    // The right password works.
    let answer = browser.log_in(&staff.email, &staff.password).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
}

on_both_backends!(a_wrong_password_shows_the_form_again_with_a_danish_message);

async fn the_26th_failed_login_from_one_address_gets_429(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let staff = account(Role::Staff).create(app.db()).await;
    let guesser = app.visitor();
    for attempt in 1..=25 {
        let email = format!("gæt{attempt}@example.org");
        let answer = guesser.log_in(&email, "gaetter-paa-kodeord").await;
        assert_eq!(answer.status, 422, "attempt {attempt}");
    }
    let answer = guesser.log_in(&staff.email, &staff.password).await;
    assert_eq!(answer.status, 429, "even the right password waits");
    assert!(answer.body.contains("for mange forsøg"), "{}", answer.body);
    assert!(answer.set_cookie.is_none());
}

on_both_backends!(the_26th_failed_login_from_one_address_gets_429);

async fn a_post_from_another_site_is_refused(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = account(Role::Admin).create(app.db()).await;
    let form = [
        ("email", admin.email.as_str()),
        ("password", admin.password.as_str()),
    ];
    let browser = app.visitor();
    for origin in [Some("https://evil.example"), Some("null"), None] {
        let answer = browser.post_form_from("/log-ind", &form, origin).await;
        assert_eq!(answer.status, 403, "origin {origin:?}");
        assert!(answer.set_cookie.is_none());
        assert!(
            answer.body.contains("Formularen kunne ikke sendes"),
            "{}",
            answer.body
        );
    }

    // A logged-in admin's cookie does not help a forged invitation either.
    let before = app.db().accounts().count_accounts().await.unwrap();
    let browser = app.logged_in_as(&admin).await;
    let answer = browser
        .post_form_from(
            "/personale/brugere/inviter",
            &[("email", "forged@example.org"), ("account_role", "admin")],
            Some("https://evil.example"),
        )
        .await;
    assert_eq!(answer.status, 403);
    assert_eq!(app.db().accounts().count_accounts().await.unwrap(), before);
    assert!(!has_account(&app, "forged@example.org").await);
}

on_both_backends!(a_post_from_another_site_is_refused);

async fn a_session_survives_a_restart(backend: Backend) {
    let mut app = TestApp::spawn(backend).await;
    let staff = account(Role::Staff)
        .name("Mona Medarbejder")
        .create(app.db())
        .await;
    let browser = app.logged_in_as(&staff).await;
    app.restart().await;
    let answer = browser.visiting(&app).get("/personale").await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert!(answer.body.contains(&staff.name));
}

on_both_backends!(a_session_survives_a_restart);

async fn disabling_an_account_ends_its_sessions_at_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = account(Role::Admin)
        .name("Lone Leder")
        .create(app.db())
        .await;
    let staff = account(Role::Staff).create(app.db()).await;
    let admin_browser = app.logged_in_as(&admin).await;
    let staff_browser = app.logged_in_as(&staff).await;
    assert_eq!(staff_browser.get("/personale").await.status, 200);

    let answer = admin_browser
        .post_form(&format!("/personale/brugere/{}/deaktiver", staff.id), &[])
        .await;
    assert_eq!(answer.status, 303);
    assert_eq!(
        answer.location.as_deref(),
        Some("/personale/brugere?besked=deaktiveret")
    );

    let answer = staff_browser.get("/personale").await;
    assert_eq!(answer.status, 303, "the disabled account's session ended");
    let answer = app.visitor().log_in(&staff.email, &staff.password).await;
    assert_eq!(answer.status, 422, "and it cannot log in again");

    let audit = app.db().accounts().list_audit(10).await.unwrap();
    assert!(audit.iter().any(|entry| entry.action == "disable_user"
        && entry.actor == admin.name
        && entry.details == staff.email));
}

on_both_backends!(disabling_an_account_ends_its_sessions_at_once);

async fn an_invitation_and_a_password_reset_go_by_email(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = account(Role::Admin).create(app.db()).await;
    let admin = app.logged_in_as(&admin).await;

    // A typo comes back next to the field; nothing is sent.
    let answer = admin
        .post_form(
            "/personale/brugere/inviter",
            &[("email", "fatima@"), ("account_role", "journalist")],
        )
        .await;
    assert_eq!(answer.status, 422);
    assert!(
        answer.body.contains("Skriv en gyldig e-mailadresse"),
        "{}",
        answer.body
    );
    assert!(answer.body.contains(r#"value="fatima@""#));

    let answer = admin
        .post_form(
            "/personale/brugere/inviter",
            &[
                ("email", "Fatima@Example.org"),
                ("account_role", "journalist"),
            ],
        )
        .await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    let users = admin.get("/personale/brugere?besked=inviteret").await;
    assert!(
        users.body.contains("Invitationen er sendt") && users.body.contains("fatima@example.org")
    );

    let link = link_in_mail(&app, "fatima@example.org", "invitation").await;
    assert!(link.starts_with(&app.origin), "{link}");
    let path = path_of(&link);
    let fatima = app.visitor();
    let page = fatima.get(&path).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("fatima@example.org"));

    let answer = fatima
        .post_form(
            &path,
            &[("full_name", "Fatima Hassan"), ("password", "password")],
        )
        .await;
    assert_eq!(answer.status, 422);
    assert!(answer.body.contains("for let at gætte"), "{}", answer.body);
    assert!(
        answer.body.contains(r#"value="Fatima Hassan""#),
        "the name is kept"
    );

    let answer = fatima
        .post_form(
            &path,
            &[
                ("full_name", "Fatima Hassan"),
                ("password", "blå cykel under broen"),
            ],
        )
        .await;
    assert_eq!(answer.status, 303);
    assert_eq!(answer.location.as_deref(), Some("/borgerjournalist"));
    assert_eq!(fatima.get("/borgerjournalist").await.status, 200);
    assert_eq!(fatima.get("/personale").await.status, 403);

    // The link works once.
    let mallory = app.visitor();
    assert_eq!(mallory.get(&path).await.status, 404);
    let answer = mallory
        .post_form(
            &path,
            &[
                ("full_name", "Mallory"),
                ("password", "en anden lang sætning"),
            ],
        )
        .await;
    assert_eq!(answer.status, 404);
    assert!(answer.body.contains("Linket virker ikke længere"));

    // A reset link logs in with the new password and ends the old session.
    let forgetful = app.visitor();
    let answer = forgetful
        .post_form("/glemt-adgangskode", &[("email", "fatima@example.org")])
        .await;
    assert_eq!(
        answer.location.as_deref(),
        Some("/glemt-adgangskode?besked=sendt")
    );
    let link = link_in_mail(&app, "fatima@example.org", "nulstil").await;
    let answer = forgetful
        .post_form(&path_of(&link), &[("password", "grøn kaffe på altanen")])
        .await;
    assert_eq!(answer.status, 303);
    assert_eq!(
        fatima.get("/borgerjournalist").await.status,
        303,
        "the old session ended"
    );
    let answer = app
        .visitor()
        .log_in("fatima@example.org", "grøn kaffe på altanen")
        .await;
    assert_eq!(answer.status, 303, "{}", answer.body);

    // Unknown addresses get the same answer and no email.
    let before = app.db().outbox().list_outbox(100).await.unwrap().len();
    let stranger = app.visitor();
    let answer = stranger
        .post_form("/glemt-adgangskode", &[("email", "nobody@example.org")])
        .await;
    assert_eq!(
        answer.location.as_deref(),
        Some("/glemt-adgangskode?besked=sendt")
    );
    assert_eq!(
        app.db().outbox().list_outbox(100).await.unwrap().len(),
        before
    );

    // The sixth request for one address in half an hour waits.
    for _ in 0..4 {
        stranger
            .post_form("/glemt-adgangskode", &[("email", "nobody@example.org")])
            .await;
    }
    let answer = stranger
        .post_form("/glemt-adgangskode", &[("email", "nobody@example.org")])
        .await;
    assert_eq!(answer.status, 429);
}

on_both_backends!(an_invitation_and_a_password_reset_go_by_email);

async fn the_first_admin_is_invited_from_the_command_line(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let config = app.test_db.config();
    let link = server::cli::create_admin(&config, "chef@example.org")
        .await
        .unwrap();
    let page = app.visitor().get(&path_of(&link)).await;
    assert_eq!(page.status, 200, "{link}");
    assert!(page.body.contains("chef@example.org"));
    let again = server::cli::create_admin(&config, "chef@example.org").await;
    assert!(again.is_ok(), "an unaccepted invitation can be sent again");
    let bad = server::cli::create_admin(&config, "chef")
        .await
        .unwrap_err();
    assert!(bad.to_string().contains("gyldig e-mailadresse"), "{bad}");
}

on_both_backends!(the_first_admin_is_invited_from_the_command_line);

#[tokio::test]
async fn over_https_the_cookie_is_secure_and_host_prefixed() {
    let app = TestApp::spawn_with_public_url(Backend::Sqlite, "https://nordby.example").await;
    let staff = account(Role::Staff).create(app.db()).await;
    let answer = app.visitor().log_in(&staff.email, &staff.password).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    let set_cookie = answer.set_cookie.unwrap();
    assert!(set_cookie.starts_with("__Host-naboskab="), "{set_cookie}");
    assert!(set_cookie.contains("Secure") && set_cookie.contains("Path=/"));
    assert!(
        !set_cookie.contains("Domain="),
        "__Host- cookies have no domain"
    );
}

async fn a_next_address_that_leaves_the_site_is_never_followed(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let staff = account(Role::Staff).create(app.db()).await;
    let log_in_then = |next: &'static str| {
        let (browser, staff) = (app.visitor(), &staff);
        async move {
            let form = [
                ("email", staff.email.as_str()),
                ("password", staff.password.as_str()),
                ("next", next),
            ];
            let answer = browser.post_form("/log-ind", &form).await;
            assert_eq!(answer.status, 303, "next={next:?}: {}", answer.body);
            answer.location.unwrap()
        }
    };
    // Each of these is read by a browser as another site, or as a script: the person lands on
    // their own start page instead.
    for next in [
        "/\t/evil.example",
        "/\r\n/evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "//evil.example",
        "/..//evil.example",
        "/%2e%2e//evil.example",
        "https://evil.example/",
        "javascript:alert(1)",
        "%09//evil.example",
    ] {
        assert_eq!(log_in_then(next).await, "/personale", "next={next:?}");
    }
    // An encoded slash stays a path on this site, in the parser's own spelling.
    assert_eq!(log_in_then("/%2F/evil.example").await, "/%2F/evil.example");
    assert_eq!(
        log_in_then("/personale/artikler?x=1").await,
        "/personale/artikler?x=1"
    );

    // The form does not carry such an address along either.
    let page = app
        .visitor()
        .get("/log-ind?next=%2F%09%2Fevil.example")
        .await;
    assert_eq!(page.status, 200);
    assert!(!page.body.contains("name=\"next\""), "{}", page.body);
    let page = app
        .visitor()
        .get("/log-ind?next=%2Fpersonale%2Fartikler%3Fx%3D1")
        .await;
    assert!(
        page.body
            .contains(r#"name="next" value="/personale/artikler?x=1""#),
        "{}",
        page.body
    );
}

on_both_backends!(a_next_address_that_leaves_the_site_is_never_followed);

async fn an_invitation_is_void_once_the_account_has_a_password(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = account(Role::Admin).create(app.db()).await;
    let admin = app.logged_in_as(&admin).await;
    let to = "yusuf@example.org";

    // Invited twice: both links work until one of them is used.
    for _ in 0..2 {
        let answer = admin
            .post_form(
                "/personale/brugere/inviter",
                &[("email", to), ("account_role", "staff")],
            )
            .await;
        assert_eq!(answer.status, 303, "{}", answer.body);
    }
    let links = link_paths_in_mails(&app, to, "invitation").await;
    let [first, second] = links.as_slice() else {
        panic!("two invitations: {links:?}");
    };
    assert_eq!(app.visitor().get(first).await.status, 200);
    assert_eq!(app.visitor().get(second).await.status, 200);

    let yusuf = app.visitor();
    let answer = yusuf
        .post_form(
            second,
            &[
                ("full_name", "Yusuf"),
                ("password", "tre små fugle på taget"),
            ],
        )
        .await;
    assert_eq!(answer.status, 303, "{}", answer.body);

    // The first link now explains that it no longer works, and sets nothing.
    let mallory = app.visitor();
    let page = mallory.get(first).await;
    assert_eq!(page.status, 404);
    assert!(
        page.body.contains("Linket virker ikke længere"),
        "{}",
        page.body
    );
    let answer = mallory
        .post_form(
            first,
            &[
                ("full_name", "Mallory"),
                ("password", "en helt anden lang sætning"),
            ],
        )
        .await;
    assert_eq!(answer.status, 404, "{}", answer.body);
    assert!(answer.body.contains("Linket virker ikke længere"));
    assert!(answer.set_cookie.is_none(), "nobody was logged in");
    let wrong = app.visitor().log_in(to, "en helt anden lang sætning").await;
    assert_eq!(wrong.status, 422, "the first link's password was not set");
    assert_eq!(yusuf.get("/personale").await.status, 200);
    let account = app
        .db()
        .accounts()
        .account_by_email(&EmailAddress::parse(to).unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(account.display_name, "Yusuf");

    // Two reset links: using one voids the other.
    for _ in 0..2 {
        let answer = app
            .visitor()
            .post_form("/glemt-adgangskode", &[("email", to)])
            .await;
        assert_eq!(answer.status, 303, "{}", answer.body);
    }
    let resets = link_paths_when_written(&app, to, "nulstil", 2).await;
    let [older, newer] = resets.as_slice() else {
        panic!("two reset links: {resets:?}");
    };
    let answer = app
        .visitor()
        .post_form(older, &[("password", "fire store heste i haven")])
        .await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    assert_eq!(app.visitor().get(newer).await.status, 404);
    let answer = app
        .visitor()
        .post_form(newer, &[("password", "fem våde katte i kælderen")])
        .await;
    assert_eq!(answer.status, 404, "{}", answer.body);
    assert_eq!(
        app.visitor()
            .log_in(to, "fem våde katte i kælderen")
            .await
            .status,
        422
    );

    // A reset link asked for and then not needed dies when the password is changed.
    let answer = app
        .visitor()
        .post_form("/glemt-adgangskode", &[("email", to)])
        .await;
    assert_eq!(answer.status, 303);
    let unused = link_paths_when_written(&app, to, "nulstil", 3)
        .await
        .pop()
        .unwrap();
    assert_eq!(app.visitor().get(&unused).await.status, 200);
    let yusuf = app.visitor();
    assert_eq!(
        yusuf.log_in(to, "fire store heste i haven").await.status,
        303
    );
    let answer = yusuf
        .post_form(
            "/konto/adgangskode",
            &[
                ("current", "fire store heste i haven"),
                ("password", "seks glade geder på bakken"),
            ],
        )
        .await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    assert_eq!(app.visitor().get(&unused).await.status, 404);
}

on_both_backends!(an_invitation_is_void_once_the_account_has_a_password);

async fn reset_links_are_limited_per_network(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let script = app.visitor();
    for n in 0..10 {
        let email = format!("someone{n}@example.org");
        let answer = script
            .post_form("/glemt-adgangskode", &[("email", email.as_str())])
            .await;
        assert_eq!(answer.status, 303, "request {n}");
    }
    let answer = script
        .post_form("/glemt-adgangskode", &[("email", "one-more@example.org")])
        .await;
    assert_eq!(answer.status, 429);
    assert!(answer.body.contains("for mange forsøg"), "{}", answer.body);
    // Someone on another network (127.0.0.2 is loopback too) is not held up by it.
    let neighbour = reqwest::Client::builder()
        .local_address(std::net::IpAddr::from([127, 0, 0, 2]))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let answer = neighbour
        .post(format!("{}/glemt-adgangskode", app.origin))
        .header("origin", &app.origin)
        .form(&[("email", "neighbour@example.org")])
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 303);
}

on_both_backends!(reset_links_are_limited_per_network);

/// A guesser on another network spends neither the owner's attempts nor their resets: empty
/// passwords count for nothing, and what counts is counted per account and network.
async fn a_guesser_elsewhere_cannot_lock_the_owner_out(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let owner = account(Role::Staff).create(app.db()).await;
    let guesser = app.visitor();
    for attempt in 0..30 {
        let answer = guesser.log_in(&owner.email, "").await;
        assert_eq!(
            answer.status, 422,
            "an empty password is refused, {attempt}"
        );
    }
    for attempt in 0..25 {
        let answer = guesser.log_in(&owner.email, "gaetter-paa-kodeord").await;
        assert_eq!(answer.status, 422, "guess {attempt}");
    }
    let answer = guesser.log_in(&owner.email, "gaetter-igen").await;
    assert_eq!(answer.status, 429, "the guesser is held up");
    for n in 0..5 {
        let asked = guesser
            .post_form("/glemt-adgangskode", &[("email", owner.email.as_str())])
            .await;
        assert_eq!(asked.status, 303, "reset {n}");
    }
    let asked = guesser
        .post_form("/glemt-adgangskode", &[("email", owner.email.as_str())])
        .await;
    assert_eq!(asked.status, 429);

    let home = app.visitor_from(std::net::IpAddr::from([127, 0, 0, 3]));
    let answer = home.log_in(&owner.email, &owner.password).await;
    assert_eq!(
        answer.status, 303,
        "the owner logs in from home: {}",
        answer.body
    );
    let asked = home
        .post_form("/glemt-adgangskode", &[("email", owner.email.as_str())])
        .await;
    assert_eq!(asked.status, 303, "and may ask for a reset: {}", asked.body);
}

on_both_backends!(a_guesser_elsewhere_cannot_lock_the_owner_out);

/// The reset form answers before it looks anything up, so an address with an account (a token
/// and an email written) answers as soon as one without: here the outbox is locked, and the
/// answer for the account still comes at once; the email follows when the lock goes.
async fn a_reset_is_answered_before_anything_is_looked_up(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let owner = account(Role::Journalist).create(app.db()).await;
    let mut lock = app.db().begin().await.unwrap();
    // SQLite: the transaction holds the write lock from its start. PostgreSQL: lock the outbox.
    if backend == Backend::Postgres {
        app::tx_run!(&mut lock, |conn| {
            sqlx::query("lock table outbox in exclusive mode")
                .execute(conn)
                .await
                .map(drop)
        })
        .unwrap();
    }
    let answer = tokio::time::timeout(
        std::time::Duration::from_secs(5),
        app.visitor()
            .post_form("/glemt-adgangskode", &[("email", owner.email.as_str())]),
    )
    .await
    .expect("the answer did not wait for the write");
    assert_eq!(answer.status, 303);
    assert!(
        link_paths_in_mails(&app, &owner.email, "nulstil")
            .await
            .is_empty(),
        "nothing written yet"
    );
    drop(lock);
    let link = link_in_mail(&app, &owner.email, "nulstil").await;
    assert!(link.contains("/nulstil/"));
}

on_both_backends!(a_reset_is_answered_before_anything_is_looked_up);

/// Staff invite citizen journalists from the users page; inviting staff or admins, the list of
/// accounts and closing accounts stay the admins'.
async fn staff_invite_journalists_and_only_journalists(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let staff_account = account(Role::Staff).create(app.db()).await;
    let journalist = account(Role::Journalist).create(app.db()).await;
    let staff = app.logged_in_as(&staff_account).await;

    let page = staff.get("/personale/brugere").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Invitér en borgerjournalist"));
    assert!(
        !page.body.contains(&journalist.email),
        "staff do not get the list of accounts"
    );
    assert!(
        !page.body.contains(r#"value="admin""#),
        "nor the choice of role"
    );

    let invited = staff
        .post_form(
            "/personale/brugere/inviter",
            &[
                ("email", "ny-skribent@example.org"),
                ("account_role", "journalist"),
            ],
        )
        .await;
    assert_eq!(invited.status, 303, "{}", invited.body);
    assert!(has_account(&app, "ny-skribent@example.org").await);
    let link = link_in_mail(&app, "ny-skribent@example.org", "invitation").await;
    assert!(link.contains("/invitation/"));

    for role in ["staff", "admin"] {
        let address = format!("ny-{role}@example.org");
        let refused = staff
            .post_form(
                "/personale/brugere/inviter",
                &[("email", address.as_str()), ("account_role", role)],
            )
            .await;
        assert_eq!(refused.status, 403, "{role}");
        assert!(!has_account(&app, &address).await, "{role}");
    }
    let closed = staff
        .post_form(
            &format!("/personale/brugere/{}/deaktiver", journalist.id),
            &[],
        )
        .await;
    assert_eq!(closed.status, 403);
    let api = staff.post_form("/personale/api/admin/brugere", &[]).await;
    assert_eq!(api.status, 403);

    // An admin's pending invitation cannot be turned into a journalist's by staff.
    let admin = app
        .logged_in_as(&account(Role::Admin).create(app.db()).await)
        .await;
    let to = "kommende-admin@example.org";
    let invited = admin
        .post_form(
            "/personale/brugere/inviter",
            &[("email", to), ("account_role", "admin")],
        )
        .await;
    assert_eq!(invited.status, 303, "{}", invited.body);
    let downgraded = staff
        .post_form(
            "/personale/brugere/inviter",
            &[("email", to), ("account_role", "journalist")],
        )
        .await;
    assert_eq!(downgraded.status, 422);
    assert!(downgraded
        .body
        .contains("allerede inviteret med en anden rolle"));
    let pending = app
        .db()
        .accounts()
        .account_by_email(&EmailAddress::parse(to).unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(pending.role, Role::Admin);
    assert_eq!(
        link_paths_in_mails(&app, to, "invitation").await.len(),
        1,
        "and no journalist's link was sent"
    );
}

on_both_backends!(staff_invite_journalists_and_only_journalists);
