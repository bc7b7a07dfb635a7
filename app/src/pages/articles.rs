//! The articles and the magazine for residents: `/nyheder` (the news, paginated),
//! `/nyheder/{slug}` (an article, with canonical and Open Graph tags), `/nyheder/emne/{slug}`
//! (a focus area's archive), `/soeg` (search), `/nordbyposten` (the issues),
//! `/nordbyposten/{slug}` (an issue) and `/nordbyposten/{slug}/udskriv` (the whole issue to
//! print).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::{
    address::PageNumber,
    articles::{
        api::{load_article, load_articles, load_issue, load_issues, load_search, ArticleList},
        Article, MagazineIssue,
    },
    components::{
        articles::{published, ArticleCard, Cover},
        data::{or_not_found, Loaded},
        errors::NotFound,
        photos::PhotoGallery,
        share::{description_of, ShareImage, ShareLinks, ShareMeta},
    },
    dates::date_text,
    i18n::{content_dir, content_lang, t, t_values, t_with},
};

/// Links to the previous and next page of a list.
#[component]
fn Pager(page: i64, pages: i64, base: String) -> impl IntoView {
    if pages <= 1 {
        return ().into_any();
    }
    let link = |page: i64| format!("{base}?side={page}");
    let previous = (page > 1).then(|| {
        view! {
            <a href=link(page - 1) rel="prev">
                {t("news-previous")}
            </a>
        }
    });
    let next = (page < pages).then(|| {
        view! {
            <a href=link(page + 1) rel="next">
                {t("news-next")}
            </a>
        }
    });
    let position = t_with(
        "news-page-of",
        &[("page", page.to_string()), ("pages", pages.to_string())],
    );
    view! {
        <nav class="pager" aria-label=t("news-pages")>
            {previous}
            " "
            <span>{position}</span>
            " "
            {next}
        </nav>
    }
    .into_any()
}

/// The page of a list the address asks for (`?side=`): the first without one, None (the 404
/// page) for one that is not a page number.
fn page_from_query() -> Option<PageNumber> {
    match use_query_map().get_untracked().get("side") {
        None => Some(PageNumber::first()),
        Some(page) => PageNumber::parse(&page),
    }
}

/// `/nyheder`.
#[component]
pub fn ArticlesPage() -> impl IntoView {
    let Some(page) = page_from_query() else {
        return view! { <NotFound /> }.into_any();
    };
    let data = OnceResource::new_blocking(load_articles(page, None));
    view! { <ArticleListPage data base="/nyheder".to_owned() /> }.into_any()
}

/// `/nyheder/emne/{slug}`.
#[component]
pub fn TagPage() -> impl IntoView {
    let slug = use_params_map()
        .get_untracked()
        .get("slug")
        .unwrap_or_default();
    let Some(page) = page_from_query() else {
        return view! { <NotFound /> }.into_any();
    };
    let base = format!("/nyheder/emne/{slug}");
    let data = OnceResource::new_blocking(load_articles(page, Some(slug)));
    view! { <ArticleListPage data base /> }.into_any()
}

#[component]
fn ArticleListPage(
    data: OnceResource<Result<Option<ArticleList>, ServerFnError>>,
    base: String,
) -> impl IntoView {
    let show = or_not_found(move |list| view! { <Articles list base=base.clone() /> });
    view! { <Loaded data show /> }
}

#[component]
fn Articles(list: ArticleList, base: String) -> impl IntoView {
    let title = match &list.tag {
        Some(tag) => t_with("news-tag-title", &[("tag", tag.name.clone())]),
        None => t("news-title"),
    };
    let items = if list.articles.is_empty() {
        view! { <p>{t("news-empty")}</p> }.into_any()
    } else {
        list.articles
            .into_iter()
            .enumerate()
            .map(|(index, article)| view! { <ArticleCard article eager=index == 0 /> })
            .collect_view()
            .into_any()
    };
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        <SearchForm query=String::new() />
        <div class="article-list">{items}</div>
        <Pager page=list.page pages=list.pages base />
        <p>
            <a href="/nordbyposten">{t("magazine-all-issues")}</a>
            " · "
            <a href="/feed.xml">{t("news-feed")}</a>
        </p>
    }
    .into_any()
}

/// A search field that works without JavaScript (a GET form to `/soeg`).
#[component]
fn SearchForm(query: String) -> impl IntoView {
    view! {
        <form method="get" action="/soeg" class="search" role="search">
            <label for="q">{t("search-label")}</label>
            <input id="q" name="q" type="search" value=query />
            <button type="submit" class="button">
                {t("search-submit")}
            </button>
        </form>
    }
}

/// `/nyheder/{slug}`.
#[component]
pub fn ArticlePage() -> impl IntoView {
    let slug = use_params_map()
        .get_untracked()
        .get("slug")
        .unwrap_or_default();
    let data = OnceResource::new_blocking(load_article(slug));
    let show = or_not_found(|page: crate::articles::api::ArticlePage| {
        view! { <ArticleView article=page.article photos=page.photos more=page.more_by_author /> }
    });
    view! { <Loaded data show /> }
}

/// An article; a citizen journalist's has the photos of their submission (but the cover) and links
/// to `more` of their published articles (path, title).
#[component]
fn ArticleView(
    article: Article,
    photos: Vec<crate::submissions::Photo>,
    more: Vec<(String, String)>,
) -> impl IntoView {
    let cover_id = article.cover.as_ref().map(|cover| cover.id);
    let photos: Vec<_> = photos
        .into_iter()
        .filter(|photo| Some(photo.image.id) != cover_id)
        .collect();
    let more = (!more.is_empty()).then(|| {
        let items = more
            .into_iter()
            .map(|(href, title)| {
                view! {
                    <li>
                        <a href=href>{title}</a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section aria-labelledby="more-by-author">
                <h2 id="more-by-author">
                    {t_with("news-more-by", &[("name", article.byline.clone())])}
                </h2>
                <ul>{items}</ul>
            </section>
        }
    });
    let image = article
        .cover
        .as_ref()
        .map(|cover| ShareImage::photo(cover, &article.cover_alt));
    let date = published(&article);
    let tags = (!article.tags.is_empty()).then(|| {
        let items = article
            .tags
            .iter()
            .map(|tag| {
                let href = format!("/nyheder/emne/{}", tag.slug);
                view! {
                    <li>
                        <a href=href>{tag.name.clone()}</a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <ul class="chips" aria-label=t("news-tags")>
                {items}
            </ul>
        }
    });
    let issue = article.issue.clone().map(|issue| {
        let href = format!("/nordbyposten/{}", issue.slug);
        view! { <p>{t("news-from-issue")} " " <a href=href>{issue.title}</a></p> }
    });
    let byline = (!article.byline.is_empty()).then(|| {
        view! { <p class="byline">{t_with("news-byline", &[("name", article.byline.clone())])}</p> }
    });
    view! {
        <Title text=article.title.clone() />
        <ShareMeta
            title=article.title.clone()
            description=description_of(&article.lead)
            path=article.path()
            image
            kind="article"
        />
        <article class="article">
            <h1 lang=content_lang() dir=content_dir()>
                {article.title.clone()}
            </h1>
            <p class="muted">{date}</p>
            {byline}
            <p class="lead" lang=content_lang() dir=content_dir()>
                {article.lead.clone()}
            </p>
            {article
                .cover
                .clone()
                .map(|image| {
                    view! {
                        <figure>
                            <Cover
                                image
                                alt=article.cover_alt.clone()
                                eager=true
                                sizes="(min-width: 45em) 40rem, 100vw"
                            />
                        </figure>
                    }
                })}
            // Sanitized by ammonia when it was saved (`articles::markdown`).
            <div
                class="article__body"
                lang=content_lang()
                dir=content_dir()
                inner_html=article.body_html.clone()
            ></div>
            <PhotoGallery photos />
            {tags}
            {issue}
            <ShareLinks title=article.title.clone() path=article.path() />
            {more}
        </article>
        <p>
            <a href="/nyheder">{t("news-all")}</a>
        </p>
    }
    .into_any()
}

/// `/soeg?q=…`.
#[component]
pub fn SearchPage() -> impl IntoView {
    let typed = use_query_map().get_untracked().get("q").unwrap_or_default();
    let query = crate::articles::search_terms(&typed);
    let data = OnceResource::new_blocking(load_search(query.clone()));
    let show = {
        let query = query.clone();
        move |found: Vec<Article>| {
            let query = query.clone();
            if query.trim().is_empty() {
                ().into_any()
            } else if found.is_empty() {
                view! { <p>{t_with("search-none", &[("query", query)])}</p> }.into_any()
            } else {
                let count = t_values(
                    "search-count",
                    &[("count", found.len().into()), ("query", query.into())],
                );
                let items = found
                    .into_iter()
                    .enumerate()
                    .map(|(index, article)| view! { <ArticleCard article eager=index == 0 /> })
                    .collect_view();
                view! {
                    <p role="status">{count}</p>
                    <div class="article-list">{items}</div>
                }
                .into_any()
            }
        }
    };
    view! {
        <Title text=t("search-title") />
        <h1>{t("search-title")}</h1>
        <SearchForm query />
        <Loaded data show />
    }
}

/// `/nordbyposten`.
#[component]
pub fn IssuesPage() -> impl IntoView {
    let data = OnceResource::new_blocking(load_issues());
    let show = |issues: Vec<MagazineIssue>| {
        if issues.is_empty() {
            return view! { <p>{t("magazine-empty")}</p> }.into_any();
        }
        let items = issues
            .into_iter()
            .map(|issue| {
                let href = format!("/nordbyposten/{}", issue.slug);
                view! {
                    <li>
                        <a href=href>{issue.title}</a>
                        <span class="muted">{date_text(issue.published_on)}</span>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="link-list">{items}</ul> }.into_any()
    };
    view! {
        <Title text=t("magazine-title") />
        <h1>{t("magazine-title")}</h1>
        <p>{t("magazine-intro")}</p>
        <Loaded data show />
    }
}

/// `/nordbyposten/{slug}`.
#[component]
pub fn IssuePage() -> impl IntoView {
    view! { <WithIssue show=|(issue, articles)| view! { <IssueView issue articles /> }.into_any() /> }
}

/// `/nordbyposten/{slug}/udskriv`: every article of the issue in full, to print.
#[component]
pub fn IssuePrintPage() -> impl IntoView {
    view! { <WithIssue show=|(issue, articles)| view! { <IssuePrint issue articles /> }.into_any() /> }
}

#[component]
fn WithIssue(show: fn((MagazineIssue, Vec<Article>)) -> AnyView) -> impl IntoView {
    let slug = use_params_map()
        .get_untracked()
        .get("slug")
        .unwrap_or_default();
    let data = OnceResource::new_blocking(load_issue(slug));
    view! { <Loaded data show=or_not_found(show) /> }
}

#[component]
fn IssueView(issue: MagazineIssue, articles: Vec<Article>) -> impl IntoView {
    let print = format!("/nordbyposten/{}/udskriv", issue.slug);
    let items = articles
        .into_iter()
        .enumerate()
        .map(|(index, article)| view! { <ArticleCard article eager=index == 0 /> })
        .collect_view();
    view! {
        <Title text=issue.title.clone() />
        <h1>{issue.title.clone()}</h1>
        <p class="muted">{date_text(issue.published_on)}</p>
        {issue
            .cover
            .clone()
            .map(|image| {
                view! {
                    <figure class="issue-cover">
                        <Cover
                            image
                            alt=issue.cover_alt.clone()
                            eager=true
                            sizes="(min-width: 48em) 20rem, 100vw"
                        />
                    </figure>
                }
            })}
        <p class="lead">{issue.intro.clone()}</p>
        <p>
            <a href=print class="button button--secondary">
                {t("magazine-print")}
            </a>
        </p>
        <h2>{t("magazine-contents")}</h2>
        <div class="article-list">{items}</div>
    }
    .into_any()
}

#[component]
fn IssuePrint(issue: MagazineIssue, articles: Vec<Article>) -> impl IntoView {
    let back = format!("/nordbyposten/{}", issue.slug);
    let items = articles
        .into_iter()
        .map(|article| {
            let byline = (!article.byline.is_empty())
                .then(|| view! { <p class="byline">{t_with("news-byline", &[("name", article.byline.clone())])}</p> });
            view! {
                <article class="article article--print">
                    <h2>{article.title.clone()}</h2>
                    {byline}
                    <p class="lead">{article.lead.clone()}</p>
                    // Sanitized by ammonia when it was saved.
                    <div class="article__body" inner_html=article.body_html.clone()></div>
                </article>
            }
        })
        .collect_view();
    view! {
        <Title text=issue.title.clone() />
        <p class="no-print">
            <a href=back>{t("staff-print-back")}</a>
        </p>
        <h1>{issue.title.clone()}</h1>
        <p class="lead">{issue.intro.clone()}</p>
        {items}
    }
    .into_any()
}
