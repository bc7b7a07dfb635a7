//! The pages of logging in and out, invitations, password resets and the own account.
//!
//! Each form posts to the address of its page; the server handles the post (see the server
//! crate's `forms` module) and either redirects or renders the page again with feedback.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::{
    accounts::{
        api::{check_link, two_factor_state, TwoFactorSetup, TwoFactorStatus},
        new_recovery_codes, safe_next, viewer,
    },
    components::{data::Loaded, errors::set_status},
    forms::{
        feedback_for, notice_from_query, ErrorSummary, Field, FieldKind, FormFeedback, FormFields,
        Notice,
    },
    i18n::{t, Lang},
};

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
        ("sprog", "notice-language-saved"),
    ]);
    // Citizen journalists choose the language of the emails about their submissions (the
    // staff's emails stay Danish, as their pages do).
    let language = viewer()
        .filter(|viewer| !viewer.role.is_staff())
        .map(|viewer| {
            let feedback = feedback_for("language");
            let error = feedback.and_then(|f| f.error_for("email_lang").map(str::to_owned));
            let choices = Lang::all()
                .map(|choice| {
                    let id = format!("email_lang_{}", choice.code());
                    view! {
                        <div class="choice">
                            <input
                                type="radio"
                                id=id.clone()
                                name="email_lang"
                                value=choice.code()
                                checked=choice == viewer.lang
                            />
                            <label for=id lang=choice.code() dir=choice.dir()>
                                {choice.own_name()}
                            </label>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <h2>{t("account-language-title")}</h2>
                <form method="post" action="/konto/sprog" class="form">
                    <fieldset>
                        <legend>{t("account-language-legend")}</legend>
                        {error.map(|error| view! { <p class="field__error">{error}</p> })}
                        {choices}
                    </fieldset>
                    <button type="submit" class="button button--secondary">
                        {t("account-language-submit")}
                    </button>
                </form>
            }
        });
    // Staff choose whether a sent submission reaches them by email.
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
    // Everyone who logs in may turn on the second step; admins must (the server sends them
    // to it before any staff page).
    let two_factor = viewer().map(|viewer| {
        let status = if viewer.two_factor {
            t("two-factor-on")
        } else {
            t("account-two-factor-off")
        };
        let link = if viewer.two_factor {
            t("account-two-factor-see")
        } else {
            t("account-two-factor-set-up")
        };
        view! {
            <h2>{t("two-factor-title")}</h2>
            <p>{status}</p>
            <p>
                <a href="/konto/to-trin">{link}</a>
            </p>
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
        {two_factor}
        {email_settings}
        {language}
    }
}

/// `/konto/to-trin`: turning on the second step of logging in, with an authenticator app; once
/// on, how many recovery codes are left. In answer to turning it on, the recovery codes.
#[component]
pub fn TwoFactorPage() -> impl IntoView {
    let title = t("two-factor-title");
    if let Some(codes) = new_recovery_codes() {
        return view! {
            <Title text=title.clone() />
            <h1>{title}</h1>
            <Notice text=Some(t("two-factor-on")) />
            <h2>{t("two-factor-codes-title")}</h2>
            <p>{t("two-factor-codes-intro")}</p>
            <ol class="recovery-codes">
                {codes
                    .into_iter()
                    .map(|code| {
                        view! {
                            <li>
                                <code>{code}</code>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <p>
                <a href="/konto" class="button">
                    {t("two-factor-codes-done")}
                </a>
            </p>
        }
        .into_any();
    }
    let feedback = feedback_for("two-factor");
    let notice = notice_from_query(&[("kraevet", "two-factor-required")]);
    let kept = feedback
        .as_ref()
        .and_then(|feedback| feedback.value("secret").map(str::to_owned));
    let state = OnceResource::new_blocking(two_factor_state(kept));
    let show = move |state: TwoFactorStatus| match state {
        TwoFactorStatus::On { codes_left } => {
            let left = crate::i18n::t_values(
                "two-factor-codes-left",
                &[("count", crate::i18n::Arg::from(codes_left))],
            );
            view! {
                <p>{t("two-factor-on")}</p>
                <p>{left}</p>
                <p>{t("two-factor-lost")}</p>
                <p>
                    <a href="/konto">{t("two-factor-back")}</a>
                </p>
            }
            .into_any()
        }
        TwoFactorStatus::Off(setup) => {
            view! { <TwoFactorSetupForm setup feedback=feedback.clone() /> }.into_any()
        }
    };
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        <Notice text=notice />
        <Loaded data=state show />
    }
    .into_any()
}

/// The steps of setting up an app, and the form that takes its first code.
#[component]
fn TwoFactorSetupForm(setup: TwoFactorSetup, feedback: Option<FormFeedback>) -> impl IntoView {
    view! {
        <p>{t("two-factor-intro")}</p>
        <ol class="steps">
            <li>{t("two-factor-step-app")}</li>
            <li>
                <p>{t("two-factor-step-scan")}</p>
                <div class="qr-code" inner_html=setup.qr_svg></div>
                <p>
                    <a href=setup.otpauth_url>{t("two-factor-open-link")}</a>
                </p>
                <p>{t("two-factor-secret")} ": " <code class="secret">{setup.grouped}</code></p>
            </li>
            <li>{t("two-factor-step-code")}</li>
        </ol>
        <ErrorSummary feedback=feedback.clone() />
        <form method="post" action="/konto/to-trin" class="form" novalidate>
            <FormFields feedback=feedback.unwrap_or_default()>
                <input type="hidden" name="secret" value=setup.secret />
                <Field
                    name="code"
                    label=t("field-two-factor-code")
                    required=true
                    autocomplete="one-time-code"
                />
                <button type="submit" class="button">
                    {t("two-factor-submit")}
                </button>
            </FormFields>
        </form>
    }
}

/// `/log-ind/kode`: the second step of logging in, after a right password.
#[component]
pub fn SecondStepPage() -> impl IntoView {
    let feedback = feedback_for("second-step");
    let next = safe_next(use_query_map().get_untracked().get("next"));
    view! {
        <Title text=t("second-step-title") />
        <h1>{t("second-step-title")}</h1>
        <p>{t("second-step-intro")}</p>
        <ErrorSummary feedback=feedback.clone() />
        <form method="post" action="/log-ind/kode" class="form" novalidate>
            <FormFields feedback=feedback
                .unwrap_or_default()>
                {next.map(|next| view! { <input type="hidden" name="next" value=next /> })}
                <Field
                    name="code"
                    label=t("field-second-step-code")
                    required=true
                    autocomplete="one-time-code"
                /> <button type="submit" class="button">
                    {t("second-step-submit")}
                </button>
            </FormFields>
        </form>
        <p>
            <a href="/log-ind">{t("second-step-start-again")}</a>
        </p>
    }
}
