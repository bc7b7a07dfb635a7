//! The articles' parts that more than one page shows: an article's date, its cover, its card in
//! a list, and the front page's latest news.

use leptos::prelude::*;

use crate::{
    address::PageNumber,
    articles::{
        api::{load_articles, ArticleList},
        Article,
    },
    components::data::Loaded,
    dates::date_text,
    i18n::{content_dir, content_lang, t},
};

/// "26. november 2026", the day an article appeared, in Danish time. Pages render on the
/// server; the browser build (which has no time-zone database) never shows these dates.
pub fn published(article: &Article) -> Option<String> {
    article.publish_at.map(|at| {
        #[cfg(feature = "ssr")]
        let day = at
            .with_timezone(&chrono_tz::Europe::Copenhagen)
            .date_naive();
        #[cfg(not(feature = "ssr"))]
        let day = at.date_naive();
        date_text(day)
    })
}

/// An article's cover: the variant a phone needs by default, the others in `srcset`, and its
/// size so the page does not jump while it loads.
#[component]
pub fn Cover(
    image: crate::images::Image,
    alt: String,
    #[prop(optional)] eager: bool,
    sizes: &'static str,
) -> impl IntoView {
    let src = image.src(800);
    let srcset = image.srcset();
    view! {
        <img
            class="cover"
            src=src
            srcset=srcset
            sizes=sizes
            width=image.width.to_string()
            height=image.height.to_string()
            alt=alt
            loading=if eager { "eager" } else { "lazy" }
            // The page's first picture is usually its largest paint: fetched first.
            fetchpriority=eager.then_some("high")
            decoding="async"
        />
    }
}

/// An article in a list, as a card: its cover, title as a link, date, lead. Its heading is an h2
/// below the page's h1, and an h3 where the list has a heading of its own (`nested`, the front
/// page's news). The lead story's cover, the page's first picture, loads at once (`eager`);
/// the others when they come near the screen.
#[component]
pub fn ArticleCard(
    article: Article,
    #[prop(optional)] lead_story: bool,
    #[prop(optional)] nested: bool,
    #[prop(optional)] eager: bool,
) -> impl IntoView {
    let href = article.path();
    let date = published(&article);
    let heading = if lead_story {
        view! {
            <h2 class="article-card__title article-card__title--lead">
                <a href=href lang=content_lang() dir=content_dir()>
                    {article.title.clone()}
                </a>
            </h2>
        }
        .into_any()
    } else if !nested {
        view! {
            <h2 class="article-card__title">
                <a href=href lang=content_lang() dir=content_dir()>
                    {article.title.clone()}
                </a>
            </h2>
        }
        .into_any()
    } else {
        view! {
            <h3 class="article-card__title">
                <a href=href lang=content_lang() dir=content_dir()>
                    {article.title.clone()}
                </a>
            </h3>
        }
        .into_any()
    };
    let eager = eager || lead_story;
    let sizes = if lead_story {
        "(min-width: 60rem) 58rem, 100vw"
    } else {
        "(min-width: 48em) 20rem, 100vw"
    };
    let cover = article.cover.clone().map(|image| {
        view! { <Cover image alt=article.cover_alt.clone() sizes eager /> }
    });
    view! {
        <article class="article-card" class:article-card--lead=lead_story>
            {cover} {heading} <p class="muted">{date}</p> <p lang=content_lang() dir=content_dir()>
                {article.lead.clone()}
            </p>
        </article>
    }
    .into_any()
}

/// What [`LatestArticles`] shows, asked for by the page (see `HomePage`).
pub fn latest_articles() -> OnceResource<Result<Option<ArticleList>, ServerFnError>> {
    OnceResource::new_blocking(load_articles(PageNumber::first(), None))
}

/// The front page's articles: the newest article as the lead story and the four after it.
#[component]
pub fn LatestArticles(
    data: OnceResource<Result<Option<ArticleList>, ServerFnError>>,
) -> impl IntoView {
    // No list (or an empty one) shows nothing rather than the 404 page: the front page is there.
    let show = |list: Option<ArticleList>| {
        let Some(list) = list.filter(|list| !list.articles.is_empty()) else {
            return ().into_any();
        };
        let mut articles = list.articles.into_iter().take(5);
        let lead = articles
            .next()
            .map(|article| view! { <ArticleCard article lead_story=true /> });
        let rest = articles
            .map(|article| view! { <ArticleCard article nested=true /> })
            .collect_view();
        view! {
            <section class="front-news" aria-labelledby="nyheder">
                <h2 id="nyheder" class="visually-hidden">
                    {t("news-title")}
                </h2>
                {lead}
                <div class="article-list">{rest}</div>
                <p>
                    <a href="/nyheder">{t("news-all")}</a>
                </p>
            </section>
        }
        .into_any()
    };
    view! { <Loaded data show /> }
}
