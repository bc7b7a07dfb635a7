//! The error pages: 404, 403 and 500 inside the shell, and a bare 500 document for when the
//! shell itself cannot be rendered. None of them ever shows what went wrong inside.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    accounts::viewer,
    forms::feedback_for,
    i18n::{t, Lang},
};

/// Sets the HTTP status of the response being rendered (a no-op in the browser).
pub fn set_status(code: u16) {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        if let Ok(status) = http::StatusCode::from_u16(code) {
            response.set_status(status);
        }
    }
    #[cfg(not(feature = "ssr"))]
    let _ = code;
}

/// "Siden findes ikke", with status 404.
#[component]
pub fn NotFound() -> impl IntoView {
    set_status(404);
    view! {
        <Title text=t("not-found-title") />
        <h1>{t("not-found-title")}</h1>
        <p>{t("not-found-text")}</p>
        <p>
            <a href="/">{t("go-home")}</a>
        </p>
    }
}

/// `/ingen-adgang`: shown with status 403 when a logged-in person opens a page their role may
/// not see, or when a form was posted from another site.
#[component]
pub fn ForbiddenPage() -> impl IntoView {
    set_status(403);
    if feedback_for("csrf").is_some() {
        return view! {
            <Title text=t("csrf-refused-title") />
            <h1>{t("csrf-refused-title")}</h1>
            <p>{t("csrf-refused-text")}</p>
            <p>
                <a href="/">{t("go-home")}</a>
            </p>
        }
        .into_any();
    }
    let home = viewer().map(|viewer| viewer.home()).unwrap_or("/");
    view! {
        <Title text=t("forbidden-title") />
        <h1>{t("forbidden-title")}</h1>
        <p>{t("forbidden-text")}</p>
        <p>
            <a href=home>{t("forbidden-go-on")}</a>
        </p>
    }
    .into_any()
}

/// `/proev-igen-senere`: shown with status 503 when a form could not be saved because the
/// server's disk is full. Nothing of it was saved, and nothing saved before is lost.
#[component]
pub fn TryLaterPage() -> impl IntoView {
    set_status(503);
    view! {
        <Title text=t("try-later-title") />
        <h1>{t("try-later-title")}</h1>
        <p>{t("try-later-text")}</p>
        <p>
            <a href="/">{t("go-home")}</a>
        </p>
    }
}

/// "Noget gik galt", with status 500: shown when a page could not load its data.
#[component]
pub fn ServerError() -> impl IntoView {
    set_status(500);
    view! {
        <Title text=t("server-error-title") />
        <h1>{t("server-error-title")}</h1>
        <p>{t("server-error-text")}</p>
        <p>
            <a href="/">{t("go-home")}</a>
        </p>
    }
}

/// A complete 500 document that needs nothing but the stylesheet: served when rendering failed
/// so badly that the normal shell is not available (a panic in a handler).
pub fn server_error_document(output_name: &str) -> String {
    let lang = Lang::default();
    format!(
        "<!DOCTYPE html><html lang=\"{code}\" dir=\"{dir}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><link rel=\"stylesheet\" href=\"/pkg/{output_name}.css\"></head>\
         <body><main id=\"indhold\"><h1>{title}</h1><p>{text}</p><p><a href=\"/\">{home}</a></p>\
         </main></body></html>",
        code = lang.code(),
        dir = lang.dir(),
        title = lang.text("server-error-title"),
        text = lang.text("server-error-text"),
        home = lang.text("go-home"),
    )
}
