//! The pages of logging in and out, invitations, password resets and the own account.
//!
//! Each form posts to the address of its page; the server handles the post (see the server
//! crate's `forms` module) and either redirects or renders the page again with feedback.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::{
    accounts::{api::check_link, viewer},
    forms::{feedback_for, notice_from_query, ErrorSummary, Field, FieldKind, FormFields, Notice},
    i18n::t,
    pages::{data::Loaded, errors::set_status},
};

/// The longest address to return to after logging in; no page of ours has a longer one.
const LONGEST_NEXT: usize = 2048;

/// Where to go after logging in: only a path on this site, never another site's address.
///
/// `next` is read the way a browser would read it, by a URL parser (WHATWG rules, the `url`
/// crate): resolved against a fixed address of ours, it must stay on that address's origin, and
/// what comes back is the parser's own serialisation of the path and query. So tabs and line
/// breaks that browsers drop, backslashes that browsers read as slashes, dot segments and
/// percent-encodings are all resolved here first, and whatever is emitted means the same to a
/// browser as it meant to this check. It is checked once more by resolving the result against a
/// second origin: a path that normalises to `//host` would leave the site there, and is refused.
pub fn safe_next(next: Option<String>) -> Option<String> {
    let next = next.filter(|next| next.len() <= LONGEST_NEXT)?;
    // Only a path-absolute reference ("/…") is a place on this site; anything else (a scheme,
    // "//host", a relative "page", leading spaces or control characters) is not asked for by
    // any page of ours.
    if !next.starts_with('/') {
        return None;
    }
    let on_site = |base: &str, reference: &str| {
        let base = url::Url::parse(base).ok()?;
        let resolved = base.join(reference).ok()?;
        (resolved.origin() == base.origin()).then_some(resolved)
    };
    let resolved = on_site("http://naboskab.invalid/", &next)?;
    let mut target = resolved.path().to_owned();
    if let Some(query) = resolved.query() {
        target.push('?');
        target.push_str(query);
    }
    let again = on_site("https://nordby.invalid/", &target)?;
    (again.path() == resolved.path()).then_some(target)
}

/// `/log-ind`.
#[component]
pub fn LoginPage() -> impl IntoView {
    let feedback = feedback_for("login");
    let next = safe_next(use_query_map().get_untracked().get("next"));
    let notice = notice_from_query(&[
        ("logget-ud", "notice-logged-out"),
        ("udlobet", "notice-session-ended"),
    ]);
    if let Some(viewer) = viewer() {
        let text = crate::i18n::t_with("login-already", &[("name", viewer.name.clone())]);
        return view! {
            <Title text=t("login-title") />
            <h1>{t("login-title")}</h1>
            <p>{text}</p>
            <p>
                <a href=viewer.home()>{t("login-go-on")}</a>
            </p>
        }
        .into_any();
    }
    view! {
        <Title text=t("login-title") />
        <h1>{t("login-title")}</h1>
        <Notice text=notice />
        <p>{t("login-who")}</p>
        <p>{t("login-residents")}</p>
        <ErrorSummary feedback=feedback.clone() />
        <form method="post" action="/log-ind" class="form" novalidate>
            <FormFields feedback=feedback
                .clone()
                .unwrap_or_default()>
                {next.map(|next| view! { <input type="hidden" name="next" value=next /> })}
                <Field name="email" label=t("field-email") kind=FieldKind::Email required=true />
                <Field
                    name="password"
                    label=t("field-password")
                    kind=FieldKind::CurrentPassword
                    required=true
                /> <button type="submit" class="button">
                    {t("login-submit")}
                </button>
            </FormFields>
        </form>
        <p>
            <a href="/glemt-adgangskode">{t("login-forgot")}</a>
        </p>
    }
    .into_any()
}

/// The field where a new password is chosen, with the policy as its hint.
#[component]
fn NewPasswordField() -> impl IntoView {
    view! {
        <Field
            name="password"
            label=t("field-new-password")
            hint=t("password-hint")
            kind=FieldKind::NewPassword
            required=true
        />
    }
}

/// Loads whether the link in the address still works, then shows `form` or an explanation.
#[component]
fn LinkPage(reset: bool, title: String, form: fn(String) -> AnyView) -> impl IntoView {
    let token = use_params_map()
        .get_untracked()
        .get("token")
        .unwrap_or_default();
    let status = OnceResource::new_blocking(check_link(token, reset));
    // A link that no longer works is explained here (with status 404), not by the 404 page.
    let show = move |email: Option<String>| match email {
        Some(email) => form(email),
        None => {
            set_status(404);
            view! {
                <p>{t("link-expired")}</p>
                <p>
                    <a href="/glemt-adgangskode">{t("link-ask-again")}</a>
                </p>
            }
            .into_any()
        }
    };
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        <Loaded data=status show />
    }
}

/// `/invitation/{token}`: choose a name and a password.
#[component]
pub fn InvitationPage() -> impl IntoView {
    fn form(email: String) -> AnyView {
        let feedback = feedback_for("invitation");
        let intro = crate::i18n::t_with("invitation-intro", &[("email", email)]);
        view! {
            <p>{intro}</p>
            <ErrorSummary feedback=feedback.clone() />
            <form method="post" class="form" novalidate>
                <FormFields feedback=feedback.clone().unwrap_or_default()>
                    <Field
                        name="full_name"
                        label=t("field-name")
                        hint=t("field-name-hint")
                        required=true
                        autocomplete="name"
                    />
                    <NewPasswordField />
                    <button type="submit" class="button">
                        {t("invitation-submit")}
                    </button>
                </FormFields>
            </form>
        }
        .into_any()
    }
    view! { <LinkPage reset=false title=t("invitation-title") form /> }
}

/// `/glemt-adgangskode`: ask for a reset link.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let feedback = feedback_for("forgot");
    let notice = notice_from_query(&[("sendt", "notice-reset-sent")]);
    view! {
        <Title text=t("forgot-title") />
        <h1>{t("forgot-title")}</h1>
        <Notice text=notice />
        <p>{t("forgot-intro")}</p>
        <ErrorSummary feedback=feedback.clone() />
        <form method="post" action="/glemt-adgangskode" class="form" novalidate>
            <FormFields feedback=feedback.clone().unwrap_or_default()>
                <Field name="email" label=t("field-email") kind=FieldKind::Email required=true />
                <button type="submit" class="button">
                    {t("forgot-submit")}
                </button>
            </FormFields>
        </form>
    }
}

/// `/nulstil/{token}`: choose a new password.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    fn form(email: String) -> AnyView {
        let feedback = feedback_for("reset");
        let intro = crate::i18n::t_with("reset-intro", &[("email", email)]);
        view! {
            <p>{intro}</p>
            <ErrorSummary feedback=feedback.clone() />
            <form method="post" class="form" novalidate>
                <FormFields feedback=feedback.clone().unwrap_or_default()>
                    <NewPasswordField />
                    <button type="submit" class="button">
                        {t("reset-submit")}
                    </button>
                </FormFields>
            </form>
        }
        .into_any()
    }
    view! { <LinkPage reset=true title=t("reset-title") form /> }
}

/// `/konto`: who you are, and changing your password.
#[component]
pub fn AccountPage() -> impl IntoView {
    let feedback = feedback_for("change-password");
    let notice = notice_from_query(&[
        ("adgangskode-skiftet", "notice-password-changed"),
        ("email-indstillinger", "notice-email-settings-saved"),
    ]);
    // Staff choose whether a sent piece reaches them by email.
    let email_settings = viewer()
        .filter(|viewer| viewer.role.is_staff())
        .map(|viewer| {
            view! {
                <h2>{t("email-settings-title")}</h2>
                <form method="post" action="/konto/email-indstillinger" class="form">
                    <div class="choice">
                        <input
                            type="checkbox"
                            id="notify_submissions"
                            name="notify_submissions"
                            value="on"
                            checked=viewer.notify_submissions
                        />
                        <label for="notify_submissions">{t("email-settings-submissions")}</label>
                    </div>
                    <button type="submit" class="button button--secondary">
                        {t("email-settings-submit")}
                    </button>
                </form>
            }
        });
    let who = viewer().map(|viewer| {
        let role = crate::accounts::role_label(viewer.role);
        view! {
            <dl class="facts">
                <dt>{t("field-name")}</dt>
                <dd>{viewer.name}</dd>
                <dt>{t("field-email")}</dt>
                <dd>{viewer.email}</dd>
                <dt>{t("account-role")}</dt>
                <dd>{role}</dd>
            </dl>
        }
    });
    view! {
        <Title text=t("account-title") />
        <h1>{t("account-title")}</h1>
        <Notice text=notice />
        {who}
        <h2>{t("change-password-title")}</h2>
        <ErrorSummary feedback=feedback.clone() />
        <form method="post" action="/konto/adgangskode" class="form" novalidate>
            <FormFields feedback=feedback.clone().unwrap_or_default()>
                <Field
                    name="current"
                    label=t("field-current-password")
                    kind=FieldKind::CurrentPassword
                    required=true
                />
                <NewPasswordField />
                <button type="submit" class="button">
                    {t("change-password-submit")}
                </button>
            </FormFields>
        </form>
        {email_settings}
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

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_local_paths_are_followed_after_login() {
        let next = |value: &str| safe_next(Some(value.to_owned()));
        assert_eq!(next("/personale").as_deref(), Some("/personale"));
        assert_eq!(
            next("/personale/artikler?x=1").as_deref(),
            Some("/personale/artikler?x=1")
        );
        assert_eq!(
            next("/personale/brugere?besked=inviteret#top").as_deref(),
            Some("/personale/brugere?besked=inviteret"),
            "the fragment never reaches the server anyway"
        );
        assert_eq!(safe_next(None), None);
        for bad in [
            "https://evil.example/",
            "http://naboskab.invalid/personale",
            "//evil.example/",
            "/\t/evil.example",
            "/\r\n/evil.example",
            "/\n/evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "\\/evil.example",
            "/\\/evil.example",
            "/..//evil.example",
            "/.//evil.example",
            "/%2e%2e//evil.example",
            "/%2E//evil.example",
            "/personale/../..//evil.example",
            " //evil.example",
            "\t//evil.example",
            "%09//evil.example",
            "%2F%2Fevil.example",
            "javascript:alert(1)",
            "data:text/html,hej",
            "personale",
            "",
        ] {
            let found = next(bad);
            assert!(
                found.is_none(),
                "{bad:?} was followed to {found:?}, which leaves the site"
            );
        }
    }

    /// Whatever is accepted, a browser resolves on the same site: no tab, line break or
    /// backslash is left for it to reinterpret, and it starts with exactly one slash.
    #[test]
    fn what_is_followed_stays_on_the_site_in_a_browser() {
        for input in [
            "/%2F/evil.example",
            "/\tevil.example",
            "/javascript:alert(1)//evil.example/..//x",
            "/%2f%2fevil.example",
            "/%09/evil.example",
            "/%5Cevil.example",
            "/%0d%0a/evil.example",
            "/a\r\nSet-Cookie: x",
            "/personale/ artikler",
            "/nyheder?q=æble&x=<script>",
            "/;@evil.example",
            "/@evil.example",
            "/:evil.example",
        ] {
            let Some(found) = safe_next(Some(input.to_owned())) else {
                continue;
            };
            assert!(
                found.starts_with('/') && !found.starts_with("//"),
                "{input:?}: {found}"
            );
            assert!(
                !found.contains(['\t', '\r', '\n', '\\', ' ']),
                "{input:?}: {found:?}"
            );
            let base = url::Url::parse("https://nordby.example/konto").unwrap();
            let resolved = base.join(&found).unwrap();
            assert_eq!(resolved.origin(), base.origin(), "{input:?}: {found}");
        }
        assert_eq!(
            safe_next(Some("/%2F/evil.example".to_owned())).as_deref(),
            Some("/%2F/evil.example"),
            "an encoded slash is a path segment here, not a host"
        );
        assert_eq!(
            safe_next(Some("/a\r\nSet-Cookie: x".to_owned())).as_deref(),
            Some("/aSet-Cookie:%20x"),
            "line breaks are dropped as browsers drop them, never sent in a header"
        );
    }
}
