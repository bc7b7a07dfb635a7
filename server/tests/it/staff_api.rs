//! The staff pages' server functions answer under `/personale/api` and the admin pages' under
//! `/personale/api/admin`, behind the same address check as the pages, on both backends.

use app::{accounts::Role, demo::ACCOUNTS};

use crate::{helpers::TestApp, on_both_backends};

/// Logs in as the demo account with `role` and returns the session cookie.
async fn log_in_as(app: &TestApp, role: Role) -> String {
    let (email, _, _, password) = ACCOUNTS.iter().find(|account| account.2 == role).unwrap();
    app.log_in(email, password).await
}

on_both_backends! {
    async fn staff_server_functions_answer_under_the_staff_address(backend: Backend) {
        let app = TestApp::spawn(backend).await;
        let staff = log_in_as(&app, Role::Staff).await;
        let admin = log_in_as(&app, Role::Admin).await;
        let journalist = log_in_as(&app, Role::Journalist).await;

        // Staff get the activities as JSON from the staff address.
        let activities = app.post_form("/personale/api/aktiviteter", &[], Some(&staff)).await;
        assert_eq!(activities.status, 200, "{}", activities.body);
        let json: serde_json::Value = serde_json::from_str(&activities.body).expect("JSON");
        assert!(json.as_array().is_some_and(|list| !list.is_empty()), "{json}");

        // Admins get the accounts from the admin address; staff are refused there.
        let accounts = app.post_form("/personale/api/admin/brugere", &[], Some(&admin)).await;
        assert_eq!(accounts.status, 200, "{}", accounts.body);
        assert!(accounts.body.contains("medarbejder@nordby.example"), "{}", accounts.body);
        let refused = app.post_form("/personale/api/admin/brugere", &[], Some(&staff)).await;
        assert_eq!(refused.status, 403);
        assert!(!refused.body.contains("@nordby.example"), "{}", refused.body);

        // A journalist is refused and a visitor sent to log in, before the function runs.
        let refused = app.post_form("/personale/api/aktiviteter", &[], Some(&journalist)).await;
        assert_eq!(refused.status, 403);
        let visitor = app.post_form("/personale/api/aktiviteter", &[], None).await;
        assert_eq!(visitor.status, 303);
        assert!(visitor.location.unwrap().starts_with("/log-ind"));

        // The old addresses are gone.
        for old in ["/api/personale-aktiviteter", "/api/brugere"] {
            let answer = app.post_form(old, &[], Some(&admin)).await;
            assert_eq!(answer.status, 404, "{old}");
        }
        app.stop().await;
    }
}
