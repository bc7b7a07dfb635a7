//! The sign-ups' page: `/tilmelding/{token}`, the private page of a sign-up, reached from the
//! confirmation email or right after signing up, which shows where the party stands and lets
//! them change the party size or cancel. The form on a date's page is
//! `components::signup_form`.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::{
    components::{
        data::{or_refused, Loaded},
        occurrences::AddToCalendar,
    },
    dates::when,
    forms::{
        feedback_for, notice_from_query, ErrorSummary, Field, FieldKind, FormFeedback, FormFields,
        Notice,
    },
    i18n::{t, t_values},
    signups::{
        api::{load_signup, SignupPage},
        fields, SignupStatus,
    },
};

/// `/tilmelding/{token}`.
#[component]
pub fn SignupManagePage() -> impl IntoView {
    let token = use_params_map()
        .get_untracked()
        .get("token")
        .unwrap_or_default();
    let data = OnceResource::new_blocking(load_signup(token.clone()));
    let show = or_refused(move |page| view! { <SignupDetails page token=token.clone() /> });
    view! { <Loaded data show /> }
}

#[component]
fn SignupDetails(page: SignupPage, token: String) -> impl IntoView {
    let SignupPage {
        activity,
        occurrence,
        signup,
        can_change,
    } = page;
    let notice = notice_from_query(&[
        ("tilmeldt", "notice-signed-up"),
        ("afmeldt", "notice-signup-cancelled"),
        ("aendret", "notice-party-changed"),
    ]);
    let status = match signup.status {
        SignupStatus::Confirmed => t("signup-status-confirmed"),
        SignupStatus::Waitlisted => t("signup-status-waitlisted"),
        SignupStatus::Cancelled => t("signup-status-cancelled"),
    };
    let when = when(
        occurrence.starts.date(),
        occurrence.starts.time(),
        occurrence.ends.time(),
    );
    let party = t_values(
        "signup-party",
        &[
            ("adults", signup.adults.into()),
            ("children", signup.children.into()),
        ],
    );
    let max_party = t_values(
        "signup-max-party-hint",
        &[("max", activity.max_party.into())],
    );
    let change = can_change.then(|| {
        let action = format!("/tilmelding/{token}/aendr");
        let posted = feedback_for("party");
        let feedback = posted
            .clone()
            .unwrap_or_else(|| FormFeedback::for_form("party"));
        view! {
            <form method="post" action=action class="form" novalidate>
                <FormFields feedback=feedback.clone()>
                    <h2>{t("signup-change-title")}</h2>
                    <ErrorSummary feedback=posted />
                    <Field
                        name=fields::ADULTS
                        label=t("signup-field-adults")
                        kind=FieldKind::Number
                        value=signup.adults.to_string()
                        hint=max_party
                    />
                    <Field
                        name=fields::CHILDREN
                        label=t("signup-field-children")
                        kind=FieldKind::Number
                        value=signup.children.to_string()
                    />
                    <button type="submit" class="button">
                        {t("signup-change-submit")}
                    </button>
                </FormFields>
            </form>
        }
        .into_any()
    });
    // A change refused because the date has started (or the party was cancelled meanwhile):
    // the forms are gone, so the message stands alone.
    let closed = (!can_change).then(|| view! { <ErrorSummary feedback=feedback_for("party") /> });
    let cancel = can_change.then(|| {
        let action = format!("/tilmelding/{token}/afmeld");
        view! {
            <form method="post" action=action class="form">
                <p>{t("signup-cancel-hint")}</p>
                <button type="submit" class="button button--secondary">
                    {t("signup-cancel")}
                </button>
            </form>
        }
    });
    let occurrence_href = occurrence.key.path();
    // A party with a seat may put the date into its calendar (the confirmation email carries
    // the same file).
    let add = (signup.status == SignupStatus::Confirmed)
        .then(|| view! { <AddToCalendar occurrence=occurrence.clone() /> });
    view! {
        <Title text=t("signup-manage-title") />
        <h1>{t("signup-manage-title")}</h1>
        <Notice text=notice />
        <p class="lead">
            <strong>{status}</strong>
        </p>
        <dl class="facts">
            <dt>{t("signup-what")}</dt>
            <dd>
                <a href=occurrence_href>{activity.name.clone()}</a>
            </dd>
            <dt>{t("signup-when")}</dt>
            <dd>{when}</dd>
            {activity
                .venue
                .clone()
                .map(|venue| {
                    view! {
                        <dt>{t("activity-venue")}</dt>
                        <dd>{venue.name}</dd>
                    }
                })}
            <dt>{t("signup-field-name")}</dt>
            <dd>{signup.name.clone()}</dd>
            <dt>{t("signup-who")}</dt>
            <dd>{party}</dd>
        </dl>
        {add}
        <p class="muted">{t("signup-keep-link")}</p>
        {closed}
        {change}
        {cancel}
    }
}
