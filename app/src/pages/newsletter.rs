//! The newsletter's pages: the archive with the subscription form (`/nyhedsbrev`), a sent
//! newsletter's web page (`/nyhedsbrev/2026-50`), a subscriber's private page where it confirms,
//! chooses and leaves (`/abonnement/{token}`), and the page that asks before leaving
//! (`/abonnement/{token}/afmeld`, the newsletter's visible link).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::{
    components::{
        data::{or_not_found, or_refused, Loaded},
        newsletter::{EditionBody, SubscribeForm},
    },
    dates::long_date,
    forms::{feedback_for, notice_from_query, ChoiceGroup, FormFeedback, Notice, PostForm},
    i18n::{lang, t, t_values, t_with},
    newsletter::{
        api::{load_archive, load_newsletter, load_subscription, SubscriptionPage},
        fields,
    },
};

/// `/nyhedsbrev`.
#[component]
pub fn NewsletterArchivePage() -> impl IntoView {
    let data = OnceResource::new_blocking(load_archive());
    let notice = notice_from_query(&[
        ("tjek-mail", "newsletter-notice-check-mail"),
        ("afmeldt", "newsletter-notice-left"),
    ]);
    let show = move |sent: Vec<crate::newsletter::api::ArchivedNewsletter>| {
        let list = if sent.is_empty() {
            view! { <p>{t("newsletter-archive-empty")}</p> }.into_any()
        } else {
            let items = sent
                .into_iter()
                .map(|sent| {
                    let label = week_title(sent.week);
                    view! {
                        <li>
                            <a href=sent.week.path()>{label}</a>
                        </li>
                    }
                })
                .collect_view();
            view! { <ul>{items}</ul> }.into_any()
        };
        view! {
            <Title text=t("newsletter-title") />
            <h1>{t("newsletter-title")}</h1>
            <Notice text=notice.clone() />
            <p class="lead">{t("newsletter-intro")}</p>
            <SubscribeForm />
            <section aria-labelledby="nyhedsbrev-arkiv">
                <h2 id="nyhedsbrev-arkiv">{t("newsletter-archive-title")}</h2>
                {list}
            </section>
        }
    };
    view! { <Loaded data show /> }
}

/// "Nyhedsbrev uge 50, 2026".
fn week_title(week: crate::newsletter::Week) -> String {
    t_values(
        "newsletter-week-title",
        &[
            ("week", week.number().into()),
            // The year as text: a number would be written with a thousands separator.
            ("year", week.year().to_string().into()),
        ],
    )
}

/// `/nyhedsbrev/{week}`.
#[component]
pub fn NewsletterWeekPage() -> impl IntoView {
    let params = use_params_map();
    let week = params.read_untracked().get("week").unwrap_or_default();
    let data = OnceResource::new_blocking(load_newsletter(week));
    let show = or_not_found(|edition: crate::newsletter::Edition| {
        let title = week_title(edition.week);
        let sent = edition
            .sent_on
            .map(|day| t_with("newsletter-sent-on", &[("date", long_date(day))]));
        let dates = edition.dates.clone();
        view! {
            <Title text=title.clone() />
            <h1>{title}</h1>
            <p class="muted">{sent}</p>
            <EditionBody lang=lang() edition dates base=String::new() />
            <p>
                <a href="/nyhedsbrev">{t("newsletter-archive-link")}</a>
            </p>
        }
    });
    view! { <Loaded data show /> }
}

/// `/abonnement/{token}`.
#[component]
pub fn SubscriptionManagePage() -> impl IntoView {
    let params = use_params_map();
    let token = params.read_untracked().get("token").unwrap_or_default();
    let data = OnceResource::new_blocking(load_subscription(token.clone()));
    let show = or_refused(move |page| view! { <Subscription page token=token.clone() /> });
    view! { <Loaded data show /> }
}

#[component]
fn Subscription(page: SubscriptionPage, token: String) -> impl IntoView {
    let SubscriptionPage {
        subscriber,
        activities,
        focus_areas,
    } = page;
    let notice = notice_from_query(&[("gemt", "newsletter-notice-saved")]);
    let (title, button) = if subscriber.confirmed {
        (t("newsletter-manage-title"), t("newsletter-manage-save"))
    } else {
        (t("newsletter-confirm-title"), t("newsletter-confirm-save"))
    };
    let paused = subscriber
        .paused
        .then(|| view! { <p class="notice">{t("newsletter-manage-paused")}</p> });
    let posted = feedback_for("choice");
    let feedback = posted
        .clone()
        .unwrap_or_else(|| FormFeedback::for_form("choice"));
    let what = if subscriber.everything {
        "alt"
    } else {
        "valgte"
    };
    let chosen = |ids: &[i64]| ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    let options = |list: Vec<(i64, String)>| {
        list.into_iter()
            .map(|(id, name)| (id.to_string(), name))
            .collect::<Vec<_>>()
    };
    let areas = (!focus_areas.is_empty()).then(|| {
        view! {
            <ChoiceGroup
                name=fields::FOCUS_AREA
                legend=t("newsletter-choose-areas")
                multiple=true
                options=options(focus_areas)
                value=chosen(&subscriber.focus_areas)
            />
        }
    });
    let leave = format!("/abonnement/{token}/afmeld");
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        <Notice text=notice />
        {paused}
        <p>{t_with("newsletter-manage-address", &[("email", subscriber.email.clone())])}</p>
        <PostForm action=format!("/abonnement/{token}") posted feedback button>
            <ChoiceGroup
                name=fields::WHAT
                legend=t("newsletter-choose-legend")
                options=vec![
                    ("alt".to_owned(), t("newsletter-choose-everything")),
                    ("valgte".to_owned(), t("newsletter-choose-some")),
                ]
                value=what
            />
            <ChoiceGroup
                name=fields::ACTIVITY
                legend=t("newsletter-choose-activities")
                hint=t("newsletter-choose-activities-hint")
                multiple=true
                options=options(activities)
                value=chosen(&subscriber.activities)
            />
            {areas}
        </PostForm>
        <section aria-labelledby="afmeld">
            <h2 id="afmeld">{t("newsletter-leave-title")}</h2>
            <p>{t("newsletter-leave-intro")}</p>
            <form method="post" action=leave class="form">
                <button type="submit" class="button button--secondary">
                    {t("newsletter-leave-submit")}
                </button>
            </form>
        </section>
    }
}

/// `/abonnement/{token}/afmeld`: the newsletter's visible link asks once, with one button (a
/// link that left by itself would be followed by mail scanners).
#[component]
pub fn SubscriptionLeavePage() -> impl IntoView {
    let params = use_params_map();
    let token = params.read_untracked().get("token").unwrap_or_default();
    let data = OnceResource::new_blocking(load_subscription(token.clone()));
    let show = or_refused(move |page: SubscriptionPage| {
        let action = format!("/abonnement/{token}/afmeld");
        let manage = format!("/abonnement/{token}");
        view! {
            <Title text=t("newsletter-leave-title") />
            <h1>{t("newsletter-leave-title")}</h1>
            <p>
                {t_with("newsletter-manage-address", &[("email", page.subscriber.email.clone())])}
            </p>
            <p>{t("newsletter-leave-intro")}</p>
            <form method="post" action=action class="form">
                <button type="submit" class="button">
                    {t("newsletter-leave-submit")}
                </button>
            </form>
            <p>
                <a href=manage>{t("newsletter-leave-instead")}</a>
            </p>
        }
    });
    view! { <Loaded data show /> }
}
