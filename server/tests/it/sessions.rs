//! Logging in and out over HTTP: sessions, cookies, access control, rate limits, the
//! same-origin check, invitations and resets, on both backends.

use app::{accounts::Role, db::Backend, demo::ACCOUNTS};

use crate::{helpers::TestApp, on_both_backends};

/// The demo account with `role`: (email, password).
fn demo(role: Role) -> (&'static str, &'static str) {
    let (email, _, _, password) = ACCOUNTS.iter().find(|account| account.2 == role).unwrap();
    (email, password)
}

/// The first link to `path` in the newest email to `to`.
async fn link_in_mail(app: &TestApp, to: &str, path: &str) -> String {
    let outbox = app.state.db.list_outbox(50).await.unwrap();
    let entry = outbox
        .iter()
        .find(|entry| entry.to_address == to)
        .expect("an email was queued");
    let text: String = match &app.state.db {
        app::db::Db::Sqlite(pool) => {
            sqlx::query_scalar("select text_body from outbox where id = $1")
                .bind(entry.id)
                .fetch_one(pool)
                .await
                .unwrap()
        }
        app::db::Db::Postgres(pool) => {
            sqlx::query_scalar("select text_body from outbox where id = $1")
                .bind(entry.id)
                .fetch_one(pool)
                .await
                .unwrap()
        }
    };
    let start = text
        .find(&format!("/{path}/"))
        .expect("the email holds the link");
    let from_scheme = text[..start].rfind("http").unwrap();
    text[from_scheme..]
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned()
}

/// The path and query of a link to this app.
fn path_of(link: &str) -> String {
    let url = url::Url::parse(link).unwrap();
    url.path().to_owned()
}

on_both_backends! {
    async fn a_journalist_logs_in_is_kept_out_of_the_staff_area_and_logs_out(backend: Backend) {
        let app = TestApp::spawn(backend).await;
        let (email, password) = demo(Role::Journalist);

        // Residents get no cookie, on any page.
        for path in ["/", "/log-ind", "/nyheder", "/findes/ikke", "/personale"] {
            let answer = app.get_as(path, None).await;
            assert!(answer.set_cookie.is_none(), "{path} set a cookie for a visitor");
        }

        let answer = app.post_form("/log-ind", &[("email", email), ("password", password)], None).await;
        assert_eq!(answer.status, 303);
        assert_eq!(answer.location.as_deref(), Some("/borgerjournalist"));
        let set_cookie = answer.set_cookie.clone().unwrap();
        assert!(set_cookie.starts_with("naboskab="), "{set_cookie}");
        assert!(set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Lax"), "{set_cookie}");
        assert!(set_cookie.contains("Path=/") && set_cookie.contains("Max-Age="), "{set_cookie}");
        assert!(!set_cookie.contains("Secure"), "plain http cannot keep a Secure cookie");
        let cookie = answer.cookie();

        let home = app.get_as("/borgerjournalist", Some(&cookie)).await;
        assert_eq!(home.status, 200);
        assert!(home.body.contains("<h1>Mine sider</h1>") && home.body.contains("Yusuf Ali"));
        assert!(home.body.contains("Log ud"), "the header offers logging out");

        // The staff area and a staff server function both refuse a journalist.
        let staff = app.get_as("/personale", Some(&cookie)).await;
        assert_eq!(staff.status, 403);
        assert!(staff.body.contains("Ingen adgang"));
        let admin_page = app.get_as("/personale/brugere", Some(&cookie)).await;
        assert_eq!(admin_page.status, 403);
        let api = app.post_form("/personale/api/admin/brugere", &[], Some(&cookie)).await;
        assert_eq!(api.status, 403, "{}", api.body);
        // The address check answers with the 403 page (whose footer has the site's contact
        // address) before the function runs.
        assert!(!api.body.contains("admin@nordby.example"), "no account data leaks: {}", api.body);
        let invite = app
            .post_form("/personale/brugere/inviter", &[("email", "x@example.org"), ("role", "admin")], Some(&cookie))
            .await;
        assert_eq!(invite.status, 403);
        assert!(app.state.db.account_by_email(&app::accounts::EmailAddress::parse("x@example.org").unwrap()).await.unwrap().is_none());

        // After logging out, the old cookie is worth nothing.
        let out = app.post_form("/log-ud", &[], Some(&cookie)).await;
        assert_eq!(out.status, 303);
        assert!(out.set_cookie.unwrap().contains("Max-Age=0"), "the browser is told to forget it");
        let again = app.get_as("/borgerjournalist", Some(&cookie)).await;
        assert_eq!(again.status, 303);
        assert_eq!(again.location.as_deref(), Some("/log-ind?next=%2Fborgerjournalist"));

        app.stop().await;
    }
}

on_both_backends! {
    async fn a_logged_out_person_is_sent_to_log_in_and_back(backend: Backend) {
        let app = TestApp::spawn(backend).await;
        let answer = app.get_as("/personale/udbakke", None).await;
        assert_eq!(answer.status, 303);
        assert_eq!(answer.location.as_deref(), Some("/log-ind?next=%2Fpersonale%2Fudbakke"));

        let (_, page) = app.get("/log-ind?next=%2Fpersonale%2Fudbakke").await;
        assert!(page.contains(r#"name="next" value="/personale/udbakke""#), "{page}");

        let (email, password) = demo(Role::Admin);
        let answer = app
            .post_form("/log-ind", &[("email", email), ("password", password), ("next", "/personale/udbakke")], None)
            .await;
        assert_eq!(answer.location.as_deref(), Some("/personale/udbakke"));
        let outbox = app.get_as("/personale/udbakke", Some(&answer.cookie())).await;
        assert_eq!(outbox.status, 200);
        assert!(outbox.body.contains("<h1>Udbakke</h1>"));

        // Another site's address is never followed.
        let answer = app
            .post_form("/log-ind", &[("email", email), ("password", password), ("next", "https://evil.example/")], None)
            .await;
        assert_eq!(answer.location.as_deref(), Some("/personale"));

        app.stop().await;
    }
}

on_both_backends! {
    async fn a_wrong_password_shows_the_form_again_with_a_danish_message(backend: Backend) {
        let app = TestApp::spawn(backend).await;
        let (email, _) = demo(Role::Staff);
        let answer = app.post_form("/log-ind", &[("email", email), ("password", "forkert-kodeord")], None).await;
        assert_eq!(answer.status, 422);
        assert!(answer.set_cookie.is_none());
        assert!(answer.body.contains("Forkert e-mail eller adgangskode"), "{}", answer.body);
        assert!(answer.body.contains(&format!(r#"value="{email}""#)), "the email is kept");
        assert!(!answer.body.contains("forkert-kodeord"), "the password is never sent back");

        let answer = app.post_form("/log-ind", &[("email", ""), ("password", "")], None).await;
        assert_eq!(answer.status, 422);
        assert!(answer.body.contains("Skriv din e-mailadresse."));
        assert!(answer.body.contains("Skriv din adgangskode."));
        assert!(answer.body.contains(r#"aria-invalid="true""#));
        assert!(answer.body.contains(r##"href="#email""##), "the summary links to the field");

        app.stop().await;
    }
}

on_both_backends! {
    async fn the_26th_failed_login_from_one_address_gets_429(backend: Backend) {
        let app = TestApp::spawn(backend).await;
        for attempt in 1..=25 {
            let email = format!("gæt{attempt}@example.org");
            let answer = app.post_form("/log-ind", &[("email", &email), ("password", "gaetter-paa-kodeord")], None).await;
            assert_eq!(answer.status, 422, "attempt {attempt}");
        }
        let (email, password) = demo(Role::Staff);
        let answer = app.post_form("/log-ind", &[("email", email), ("password", password)], None).await;
        assert_eq!(answer.status, 429, "even the right password waits");
        assert!(answer.body.contains("for mange forsøg"), "{}", answer.body);
        assert!(answer.set_cookie.is_none());
        app.stop().await;
    }
}

on_both_backends! {
    async fn a_post_from_another_site_is_refused(backend: Backend) {
        let app = TestApp::spawn(backend).await;
        let (email, password) = demo(Role::Admin);
        let form = [("email", email), ("password", password)];
        for origin in [Some("https://evil.example"), Some("null"), None] {
            let answer = app.post_form_from("/log-ind", &form, None, origin).await;
            assert_eq!(answer.status, 403, "origin {origin:?}");
            assert!(answer.set_cookie.is_none());
            assert!(answer.body.contains("Formularen kunne ikke sendes"), "{}", answer.body);
        }

        // A logged-in admin's cookie does not help a forged invitation either.
        let cookie = app.log_in(email, password).await;
        let answer = app
            .post_form_from(
                "/personale/brugere/inviter",
                &[("email", "forged@example.org"), ("role", "admin")],
                Some(&cookie),
                Some("https://evil.example"),
            )
            .await;
        assert_eq!(answer.status, 403);
        assert_eq!(app.state.db.count_accounts().await.unwrap(), ACCOUNTS.len() as i64);
        app.stop().await;
    }
}

on_both_backends! {
    async fn a_session_survives_a_restart(backend: Backend) {
        let app = TestApp::spawn(backend).await;
        let (email, password) = demo(Role::Staff);
        let cookie = app.log_in(email, password).await;
        let app = app.restart().await;
        let answer = app.get_as("/personale", Some(&cookie)).await;
        assert_eq!(answer.status, 200, "{}", answer.body);
        assert!(answer.body.contains("Mette Jensen"));
        app.stop().await;
    }
}

on_both_backends! {
    async fn disabling_an_account_ends_its_sessions_at_once(backend: Backend) {
        let app = TestApp::spawn(backend).await;
        let (admin_email, admin_password) = demo(Role::Admin);
        let (staff_email, staff_password) = demo(Role::Staff);
        let admin = app.log_in(admin_email, admin_password).await;
        let staff = app.log_in(staff_email, staff_password).await;
        assert_eq!(app.get_as("/personale", Some(&staff)).await.status, 200);

        let staff_id = app
            .state
            .db
            .account_by_email(&app::accounts::EmailAddress::parse(staff_email).unwrap())
            .await
            .unwrap()
            .unwrap()
            .id;
        let answer = app.post_form(&format!("/personale/brugere/{staff_id}/deaktiver"), &[], Some(&admin)).await;
        assert_eq!(answer.status, 303);
        assert_eq!(answer.location.as_deref(), Some("/personale/brugere?besked=deaktiveret"));

        let answer = app.get_as("/personale", Some(&staff)).await;
        assert_eq!(answer.status, 303, "the disabled account's session ended");
        let answer = app.post_form("/log-ind", &[("email", staff_email), ("password", staff_password)], None).await;
        assert_eq!(answer.status, 422, "and it cannot log in again");

        let audit = app.state.db.list_audit(10).await.unwrap();
        assert!(audit.iter().any(|entry| entry.action == "disable_user" && entry.actor == "Lars Holm" && entry.details == staff_email));
        app.stop().await;
    }
}

on_both_backends! {
    async fn an_invitation_and_a_password_reset_go_by_email(backend: Backend) {
        let app = TestApp::spawn(backend).await;
        let (admin_email, admin_password) = demo(Role::Admin);
        let admin = app.log_in(admin_email, admin_password).await;

        // A typo comes back next to the field; nothing is sent.
        let answer = app.post_form("/personale/brugere/inviter", &[("email", "fatima@"), ("role", "journalist")], Some(&admin)).await;
        assert_eq!(answer.status, 422);
        assert!(answer.body.contains("Skriv en gyldig e-mailadresse"), "{}", answer.body);
        assert!(answer.body.contains(r#"value="fatima@""#));

        let answer = app.post_form("/personale/brugere/inviter", &[("email", "Fatima@Example.org"), ("role", "journalist")], Some(&admin)).await;
        assert_eq!(answer.status, 303, "{}", answer.body);
        let users = app.get_as("/personale/brugere?besked=inviteret", Some(&admin)).await;
        assert!(users.body.contains("Invitationen er sendt") && users.body.contains("fatima@example.org"));

        let link = link_in_mail(&app, "fatima@example.org", "invitation").await;
        assert!(link.starts_with(&app.origin), "{link}");
        let path = path_of(&link);
        let page = app.get_as(&path, None).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("fatima@example.org"));

        let answer = app.post_form(&path, &[("name", "Fatima Hassan"), ("password", "password")], None).await;
        assert_eq!(answer.status, 422);
        assert!(answer.body.contains("for let at gætte"), "{}", answer.body);
        assert!(answer.body.contains(r#"value="Fatima Hassan""#), "the name is kept");

        let answer = app.post_form(&path, &[("name", "Fatima Hassan"), ("password", "blå cykel under broen")], None).await;
        assert_eq!(answer.status, 303);
        assert_eq!(answer.location.as_deref(), Some("/borgerjournalist"));
        let journalist = answer.cookie();
        assert_eq!(app.get_as("/borgerjournalist", Some(&journalist)).await.status, 200);
        assert_eq!(app.get_as("/personale", Some(&journalist)).await.status, 403);

        // The link works once.
        assert_eq!(app.get_as(&path, None).await.status, 404);
        let answer = app.post_form(&path, &[("name", "Mallory"), ("password", "en anden lang sætning")], None).await;
        assert_eq!(answer.status, 404);
        assert!(answer.body.contains("Linket virker ikke længere"));

        // A reset link logs in with the new password and ends the old session.
        let answer = app.post_form("/glemt-adgangskode", &[("email", "fatima@example.org")], None).await;
        assert_eq!(answer.location.as_deref(), Some("/glemt-adgangskode?besked=sendt"));
        let link = link_in_mail(&app, "fatima@example.org", "nulstil").await;
        let answer = app.post_form(&path_of(&link), &[("password", "grøn kaffe på altanen")], None).await;
        assert_eq!(answer.status, 303);
        assert_eq!(app.get_as("/borgerjournalist", Some(&journalist)).await.status, 303, "the old session ended");
        app.log_in("fatima@example.org", "grøn kaffe på altanen").await;

        // Unknown addresses get the same answer and no email.
        let before = app.state.db.list_outbox(100).await.unwrap().len();
        let answer = app.post_form("/glemt-adgangskode", &[("email", "nobody@example.org")], None).await;
        assert_eq!(answer.location.as_deref(), Some("/glemt-adgangskode?besked=sendt"));
        assert_eq!(app.state.db.list_outbox(100).await.unwrap().len(), before);

        // The sixth request for one address in half an hour waits.
        for _ in 0..4 {
            app.post_form("/glemt-adgangskode", &[("email", "nobody@example.org")], None).await;
        }
        let answer = app.post_form("/glemt-adgangskode", &[("email", "nobody@example.org")], None).await;
        assert_eq!(answer.status, 429);

        app.stop().await;
    }
}

on_both_backends! {
    async fn the_first_admin_is_invited_from_the_command_line(backend: Backend) {
        let app = TestApp::spawn(backend).await;
        let config = app.db.config();
        let link = server::cli::create_admin(&config, "chef@example.org").await.unwrap();
        let page = app.get_as(&path_of(&link), None).await;
        assert_eq!(page.status, 200, "{link}");
        assert!(page.body.contains("chef@example.org"));
        let again = server::cli::create_admin(&config, "chef@example.org").await;
        assert!(again.is_ok(), "an unaccepted invitation can be sent again");
        let bad = server::cli::create_admin(&config, "chef").await.unwrap_err();
        assert!(bad.to_string().contains("gyldig e-mailadresse"), "{bad}");
        app.stop().await;
    }
}

#[tokio::test]
async fn over_https_the_cookie_is_secure_and_host_prefixed() {
    let app = TestApp::spawn_with_public_url(Backend::Sqlite, "https://nordby.example").await;
    let (email, password) = demo(Role::Staff);
    let answer = app
        .post_form(
            "/log-ind",
            &[("email", email), ("password", password)],
            None,
        )
        .await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    let set_cookie = answer.set_cookie.unwrap();
    assert!(set_cookie.starts_with("__Host-naboskab="), "{set_cookie}");
    assert!(set_cookie.contains("Secure") && set_cookie.contains("Path=/"));
    assert!(
        !set_cookie.contains("Domain="),
        "__Host- cookies have no domain"
    );
    app.stop().await;
}
