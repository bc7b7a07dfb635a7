//! Who may reach what, checked on the server before any page or form handler runs:
//!
//! - **Areas by address**: `/personale/…` is for staff (its user, outbox and log pages for
//!   admins), `/borgerjournalist` and `/konto` for anyone logged in. A logged-out person is sent
//!   to `/log-ind?next=…` and back afterwards; a logged-in person with the wrong role gets 403.
//!   Server functions check the role themselves as well (`app::accounts::api::require`).
//! - **Cross-site requests**: every request that can change something (anything but GET, HEAD
//!   and OPTIONS) must come from a page of this site, judged by its `Origin` header (or its
//!   `Referer` where a browser sends no `Origin`). The session cookie's `SameSite=Lax` is the
//!   second line of defence.

use app::accounts::{Role, Viewer};
use axum::{
    extract::{Request, State},
    http::{header, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
};
use url::Url;

use crate::{paths::loggable_path, render, state::AppState};

/// What an address requires.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Requirement {
    Anyone,
    LoggedIn,
    Staff,
    Admin,
}

/// The requirement of a path. Prefixes match whole segments: `/personalet` is not staff-only.
/// The staff pages' server functions answer under `/personale/api` and the admin pages' under
/// `/personale/api/admin`, so they are covered like the pages.
pub fn requirement(path: &str) -> Requirement {
    let under = |prefix: &str| {
        path == prefix
            || path
                .strip_prefix(prefix)
                .is_some_and(|rest| rest.starts_with('/'))
    };
    // Staff invite citizen journalists from the users page; the rest of it (the accounts'
    // list, closing accounts) is the admins'.
    let staff_invites = path == "/personale/brugere" || path == "/personale/brugere/inviter";
    if (under("/personale/brugere") && !staff_invites)
        || under("/personale/udbakke")
        || under("/personale/log")
        || under("/personale/api/admin")
    {
        Requirement::Admin
    } else if under("/personale") {
        Requirement::Staff
    } else if under("/borgerjournalist") || under("/konto") {
        Requirement::LoggedIn
    } else {
        Requirement::Anyone
    }
}

/// Whether `viewer` meets `requirement`.
pub fn allows(requirement: Requirement, viewer: Option<&Viewer>) -> bool {
    match (requirement, viewer) {
        (Requirement::Anyone, _) => true,
        (_, None) => false,
        (Requirement::LoggedIn, Some(_)) => true,
        (Requirement::Staff, Some(viewer)) => viewer.role.is_staff(),
        (Requirement::Admin, Some(viewer)) => viewer.role == Role::Admin,
    }
}

/// Where an admin without a second step is sent.
pub const SET_UP_SECOND_STEP: &str = "/konto/to-trin?besked=kraevet";

/// Whether `viewer` must turn on two-factor login before reaching an address that needs
/// `requirement`: admins must, before any staff page (their accounts open everything).
pub fn needs_second_step_first(requirement: Requirement, viewer: Option<&Viewer>) -> bool {
    matches!(requirement, Requirement::Staff | Requirement::Admin)
        && viewer.is_some_and(|viewer| viewer.role == Role::Admin && !viewer.two_factor)
}

/// Middleware: enforces [`requirement`] for the request's path. Runs after the session check.
pub async fn guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let requirement = requirement(request.uri().path());
    let viewer = request.extensions().get::<Viewer>();
    if needs_second_step_first(requirement, viewer) {
        return Redirect::to(SET_UP_SECOND_STEP).into_response();
    }
    if allows(requirement, viewer) {
        return next.run(request).await;
    }
    if viewer.is_none() {
        // Back to the page after logging in; a form's POST target comes back as its page.
        let back = match request.method() {
            &Method::GET | &Method::HEAD => request
                .uri()
                .path_and_query()
                .map(|path| path.as_str().to_owned())
                .unwrap_or_else(|| "/".to_owned()),
            _ => request
                .headers()
                .get(header::REFERER)
                .and_then(|referer| referer.to_str().ok())
                .and_then(|referer| Url::parse(referer).ok())
                .filter(|referer| same_origin(referer, &state.public_url))
                .map(|referer| referer.path().to_owned())
                .unwrap_or_else(|| "/".to_owned()),
        };
        let next: String = url::form_urlencoded::byte_serialize(back.as_bytes()).collect();
        let target = format!("/log-ind?next={next}");
        return Redirect::to(&target).into_response();
    }
    let (parts, _) = request.into_parts();
    render::page(&state, &parts, "/ingen-adgang", None, StatusCode::FORBIDDEN).await
}

/// Whether two URLs share scheme, host and port.
fn same_origin(a: &Url, b: &Url) -> bool {
    a.origin() == b.origin()
}

/// Whether a request that changes something comes from this site's own pages.
pub fn from_own_site(request: &Request, public_url: &Url) -> bool {
    let header_url = |name| {
        request
            .headers()
            .get(name)
            .and_then(|value| value.to_str().ok())
            .filter(|value| *value != "null")
            .and_then(|value| Url::parse(value).ok())
    };
    match header_url(header::ORIGIN).or_else(|| header_url(header::REFERER)) {
        Some(url) => same_origin(&url, public_url),
        // Browsers send Origin with every cross-site POST; a request with neither header did
        // not come from a page of ours, so it is refused rather than trusted.
        None => false,
    }
}

/// Whether `path` is a newsletter's one-click unsubscribe address, `/abonnement/{token}/afmeld`
/// (RFC 8058), in any language. A mail app posts to it from no page of ours, so it has no
/// `Origin` of ours; it needs none, since only the secret in the address can unsubscribe, and a
/// forged post could only unsubscribe the one who sent it.
fn is_one_click_unsubscribe(path: &str) -> bool {
    let (_, path) = app::i18n::Lang::of_address(path);
    path.strip_prefix("/abonnement/")
        .and_then(|rest| rest.strip_suffix("/afmeld"))
        .is_some_and(|token| !token.is_empty() && !token.contains('/'))
}

/// Middleware: refuses state-changing requests from other sites with a Danish 403 page.
pub async fn same_origin_only(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if safe
        || is_one_click_unsubscribe(request.uri().path())
        || from_own_site(&request, &state.public_url)
    {
        return next.run(request).await;
    }
    tracing::warn!(
        path = %loggable_path(request.uri().path()),
        origin = ?request.headers().get(header::ORIGIN),
        "refused a cross-site request"
    );
    let feedback = app::forms::FormFeedback::for_form("csrf");
    let (parts, _) = request.into_parts();
    let mut response = render::page(
        &state,
        &parts,
        "/ingen-adgang",
        Some(feedback),
        StatusCode::FORBIDDEN,
    )
    .await;
    *response.status_mut() = StatusCode::FORBIDDEN;
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn areas_are_matched_by_whole_segments() {
        assert_eq!(requirement("/personale"), Requirement::Staff);
        assert_eq!(requirement("/personale/tal"), Requirement::Staff);
        assert_eq!(requirement("/personale/brugere"), Requirement::Staff);
        assert_eq!(
            requirement("/personale/brugere/inviter"),
            Requirement::Staff
        );
        assert_eq!(
            requirement("/personale/brugere/3/deaktiver"),
            Requirement::Admin
        );
        assert_eq!(requirement("/personale/udbakke"), Requirement::Admin);
        assert_eq!(requirement("/personale/log"), Requirement::Admin);
        assert_eq!(
            requirement("/personale/api/aktiviteter"),
            Requirement::Staff
        );
        assert_eq!(
            requirement("/personale/api/admin/brugere"),
            Requirement::Admin
        );
        assert_eq!(
            requirement("/personale/api/administration"),
            Requirement::Staff
        );
        assert_eq!(requirement("/personalet"), Requirement::Anyone);
        assert_eq!(requirement("/borgerjournalist"), Requirement::LoggedIn);
        assert_eq!(requirement("/konto/adgangskode"), Requirement::LoggedIn);
        assert_eq!(requirement("/"), Requirement::Anyone);
        assert_eq!(requirement("/log-ind"), Requirement::Anyone);
    }

    fn viewer(role: Role, two_factor: bool) -> Viewer {
        Viewer {
            id: 1,
            name: "A".into(),
            email: "a@example.org".into(),
            role,
            notify_submissions: false,
            lang: app::i18n::Lang::DA,
            two_factor,
        }
    }

    #[test]
    fn roles_meet_requirements() {
        let journalist = viewer(Role::Journalist, false);
        let staff = viewer(Role::Staff, false);
        let admin = viewer(Role::Admin, true);
        assert!(allows(Requirement::Anyone, None));
        assert!(!allows(Requirement::LoggedIn, None));
        assert!(allows(Requirement::LoggedIn, Some(&journalist)));
        assert!(!allows(Requirement::Staff, Some(&journalist)));
        assert!(allows(Requirement::Staff, Some(&staff)));
        assert!(!allows(Requirement::Admin, Some(&staff)));
        assert!(allows(Requirement::Admin, Some(&admin)));
    }

    #[test]
    fn admins_set_up_a_second_step_before_any_staff_page_and_nobody_else_must() {
        let admin_without = viewer(Role::Admin, false);
        assert!(needs_second_step_first(
            Requirement::Staff,
            Some(&admin_without)
        ));
        assert!(needs_second_step_first(
            Requirement::Admin,
            Some(&admin_without)
        ));
        assert!(!needs_second_step_first(
            Requirement::LoggedIn,
            Some(&admin_without)
        ));
        assert!(!needs_second_step_first(
            Requirement::Staff,
            Some(&viewer(Role::Admin, true))
        ));
        assert!(!needs_second_step_first(
            Requirement::Staff,
            Some(&viewer(Role::Staff, false))
        ));
        assert!(!needs_second_step_first(Requirement::Staff, None));
    }

    #[test]
    fn a_mail_apps_one_click_unsubscribe_needs_no_origin() {
        assert!(is_one_click_unsubscribe("/abonnement/abc/afmeld"));
        assert!(is_one_click_unsubscribe("/en/abonnement/abc/afmeld"));
        for other in [
            "/abonnement/abc",
            "/abonnement//afmeld",
            "/abonnement/a/b/afmeld",
            "/tilmelding/abc/afmeld",
            "/nyhedsbrev/tilmeld",
        ] {
            assert!(!is_one_click_unsubscribe(other), "{other}");
        }
    }

    #[test]
    fn only_requests_from_the_own_origin_pass() {
        let public = Url::parse("https://nordby.example/").unwrap();
        let post = |header: Option<(&str, &str)>| {
            let mut builder = Request::builder().method("POST").uri("/log-ind");
            if let Some((name, value)) = header {
                builder = builder.header(name, value);
            }
            from_own_site(&builder.body(axum::body::Body::empty()).unwrap(), &public)
        };
        assert!(post(Some(("origin", "https://nordby.example"))));
        assert!(post(Some(("referer", "https://nordby.example/log-ind"))));
        assert!(!post(Some(("origin", "https://evil.example"))));
        assert!(!post(Some(("origin", "http://nordby.example"))));
        assert!(!post(Some(("origin", "null"))));
        assert!(!post(Some((
            "referer",
            "https://nordby.example.evil.example/"
        ))));
        assert!(!post(None));
    }
}
