//! The sign-up form of a date, shown on the calendar's page of that date; the server's
//! sign-up handler reads what it posts.

use leptos::prelude::*;

use crate::{
    calendar::{Activity, Occurrence, SignupMode},
    forms::{feedback_for, ErrorSummary, Field, FieldKind, FormFields},
    i18n::{t, t_values},
    signups::fields,
};

/// The sign-up form of an occurrence: a handful of fields, no account.
#[component]
pub fn SignupForm(
    activity: Activity,
    occurrence: Occurrence,
    seats_left: Option<i64>,
) -> impl IntoView {
    let feedback = feedback_for("signup");
    let f = feedback.clone().unwrap_or_default();
    let seats = seats_left.map(|seats| {
        if seats > 0 {
            t_values("signup-seats-left", &[("seats", seats.into())])
        } else {
            t("signup-full")
        }
    });
    let action = occurrence.key.path();
    // A newsletter's link carries its week (`?nyhedsbrev=2026-W50`); the form passes it on, so
    // the sign-up is counted as the newsletter's. Anything else in the field is dropped.
    let from_newsletter = leptos_router::hooks::use_query_map()
        .get_untracked()
        .get(crate::newsletter::fields::FROM_NEWSLETTER)
        .and_then(|week| crate::newsletter::Week::parse(&week))
        .map(crate::newsletter::Week::key);
    let required = activity.signup_mode == SignupMode::Required;
    let max_party = t_values(
        "signup-max-party-hint",
        &[("max", activity.max_party.into())],
    );
    view! {
        <section aria-labelledby="tilmelding" class="signup">
            <h2 id="tilmelding">{t("signup-title")}</h2>
            {required.then(|| view! { <p>{t("signup-required")}</p> })}
            {seats.map(|seats| view! { <p class="signup__seats">{seats}</p> })}
            <ErrorSummary feedback=feedback />
            <form method="post" action=action class="form" novalidate>
                <FormFields feedback=f.clone()>
                    <Field
                        name=fields::NAME
                        label=t("signup-field-name")
                        required=true
                        autocomplete="name"
                    />
                    <Field
                        name=fields::ADULTS
                        label=t("signup-field-adults")
                        kind=FieldKind::Number
                        value="1"
                        hint=max_party
                    />
                    <Field
                        name=fields::CHILDREN
                        label=t("signup-field-children")
                        kind=FieldKind::Number
                        value="0"
                    />
                    <Field
                        name=fields::CONTACT
                        label=t("signup-field-contact")
                        hint=t("signup-field-contact-hint")
                    />
                    <Field
                        name=fields::NOTE
                        label=t("signup-field-note")
                        hint=t("signup-field-note-hint")
                    />
                    <Honeypot />
                    {from_newsletter
                        .map(|week| {
                            view! {
                                <input
                                    type="hidden"
                                    name=crate::newsletter::fields::FROM_NEWSLETTER
                                    value=week
                                />
                            }
                        })}
                    <p class="muted">
                        {t_values(
                            "signup-data-use",
                            &[("days", crate::signups::retention_days().into())],
                        )} " " <a href="/privatliv">{t("footer-privacy")}</a>
                    </p>
                    <button type="submit" class="button">
                        {t("signup-submit")}
                    </button>
                </FormFields>
            </form>
        </section>
    }
    .into_any()
}

/// The field for robots only: off screen (`.honeypot` in the stylesheet), hidden from screen
/// readers with its label, out of the tab order and never autofilled, and not `type=hidden`,
/// which robots skip. People leave it empty without knowing it is there; a robot that fills
/// every field signs nobody up.
#[component]
pub fn Honeypot() -> impl IntoView {
    view! {
        <div class="honeypot" aria-hidden="true">
            <label for=fields::HONEYPOT>{t("signup-field-honeypot")}</label>
            <input
                id=fields::HONEYPOT
                name=fields::HONEYPOT
                type="text"
                value=""
                tabindex="-1"
                autocomplete="off"
            />
        </div>
    }
}
