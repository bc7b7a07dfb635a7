//! The front page: a welcome, the latest news (the newest as the lead story), this week's
//! activities, the housing areas and the places where things happen.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    articles::api::ArticleList,
    calendar::Occurrence,
    components::{
        articles::{latest_articles, LatestArticles},
        data::Loaded,
        newsletter::SubscribeForm,
        occurrences::{this_week, ThisWeek},
        text::paragraphs,
    },
    i18n::{t, t_with},
    site::{load_front_page, FrontPage, SiteInfo},
};

/// `/`.
#[component]
pub fn HomePage() -> impl IntoView {
    let site = use_context::<SiteInfo>().unwrap_or_default();
    let data = OnceResource::new_blocking(load_front_page());
    // The sections' data is asked for here, once. Made inside `Front`, it would be asked for
    // again each time `Loaded` shows the page anew (when its own data arrives after a first
    // look, which happens under load): the test that counts a page's queries caught it.
    let (articles, week) = (latest_articles(), this_week());
    view! { <Loaded data show=move |page| view! { <Front site=site.clone() page articles week /> } /> }
}

#[component]
fn Front(
    site: SiteInfo,
    page: FrontPage,
    articles: OnceResource<Result<Option<ArticleList>, ServerFnError>>,
    week: OnceResource<Result<Vec<Occurrence>, ServerFnError>>,
) -> impl IntoView {
    let intro = paragraphs(&site.intro, "lead");
    let areas = if page.housing_areas.is_empty() {
        None
    } else {
        let items = page
            .housing_areas
            .into_iter()
            .map(|area| view! { <li>{area.name}</li> })
            .collect_view();
        Some(view! {
            <section aria-labelledby="boligomraader">
                <h2 id="boligomraader">{t("home-areas")}</h2>
                <ul class="chips">{items}</ul>
            </section>
        })
    };
    let venues = if page.venues.is_empty() {
        view! { <p>{t("home-no-venues")}</p> }.into_any()
    } else {
        let items = page
            .venues
            .into_iter()
            .map(|venue| {
                let address = (!venue.address.is_empty())
                    .then(|| view! { <p class="muted">{venue.address}</p> });
                let description =
                    (!venue.description.is_empty()).then(|| view! { <p>{venue.description}</p> });
                view! {
                    <li class="card">
                        <h3>{venue.name}</h3>
                        {address}
                        {description}
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="cards">{items}</ul> }.into_any()
    };
    view! {
        <Title text="" />
        <h1>{t_with("home-title", &[("site", site.name)])}</h1>
        {intro}
        <ul class="shortcuts">
            <li>
                <a class="button" href="/kalender">
                    {t("home-see-calendar")}
                </a>
            </li>
            <li>
                <a class="button button--secondary" href="/nyheder">
                    {t("home-read-news")}
                </a>
            </li>
        </ul>
        <LatestArticles data=articles />
        <ThisWeek data=week />
        <SubscribeForm />
        {areas}
        <section aria-labelledby="steder">
            <h2 id="steder">{t("home-venues")}</h2>
            {venues}
        </section>
    }
}
