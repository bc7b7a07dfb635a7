//! The staff pages' server functions answer under `/personale/api` and the admin pages' under
//! `/personale/api/admin`, behind the same address check as the pages, on both backends.

use app::{accounts::Role, db::Backend};

use crate::{
    fixtures::{account, activity},
    helpers::TestApp,
    on_both_backends,
};

on_both_backends!(staff_server_functions_answer_under_the_staff_address);

async fn staff_server_functions_answer_under_the_staff_address(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.db();
    activity("Strikkeklub").create(db).await;
    let staff_account = account(Role::Staff).create(db).await;
    let staff = app.logged_in_as(&staff_account).await;
    let admin = app
        .logged_in_as(&account(Role::Admin).create(db).await)
        .await;
    let journalist = app
        .logged_in_as(&account(Role::Journalist).create(db).await)
        .await;

    // Staff get the activities as JSON from the staff address.
    let activities = staff.post_form("/personale/api/aktiviteter", &[]).await;
    assert_eq!(activities.status, 200, "{}", activities.body);
    let json: serde_json::Value = serde_json::from_str(&activities.body).expect("JSON");
    assert!(
        json.to_string().contains("Strikkeklub"),
        "the activity is listed: {json}"
    );

    // Admins get the accounts from the admin address; staff are refused there.
    let accounts = admin.post_form("/personale/api/admin/brugere", &[]).await;
    assert_eq!(accounts.status, 200, "{}", accounts.body);
    assert!(
        accounts.body.contains(&staff_account.email),
        "{}",
        accounts.body
    );
    let refused = staff.post_form("/personale/api/admin/brugere", &[]).await;
    assert_eq!(refused.status, 403);
    assert!(
        !refused.body.contains(&staff_account.email),
        "{}",
        refused.body
    );

    // A journalist is refused and a visitor sent to log in, before the function runs.
    let refused = journalist
        .post_form("/personale/api/aktiviteter", &[])
        .await;
    assert_eq!(refused.status, 403);
    let visitor = app
        .visitor()
        .post_form("/personale/api/aktiviteter", &[])
        .await;
    assert_eq!(visitor.status, 303);
    assert!(visitor.location.unwrap().starts_with("/log-ind"));

    // The old addresses are gone.
    for old in ["/api/personale-aktiviteter", "/api/brugere"] {
        let answer = admin.post_form(old, &[]).await;
        assert_eq!(answer.status, 404, "{old}");
    }
}
