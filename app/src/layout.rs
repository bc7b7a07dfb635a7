//! The parts of every page: skip link, header with navigation, and footer.

use leptos::prelude::*;
use leptos_meta::Link;
use leptos_router::{components::A, hooks::use_location};

use crate::{
    accounts::viewer,
    components::staff_tools::staff_tools,
    i18n::{has_languages, lang, t, t_with, Lang},
    site::{PublicUrl, SiteInfo},
};

/// A link that lets keyboard and screen-reader users jump past the navigation.
#[component]
pub fn SkipLink() -> impl IntoView {
    view! {
        <a class="skip-link" href="#indhold">
            {t("skip-to-content")}
        </a>
    }
}

/// The staff's navigation, below the main one on every page a staff member sees: the staff
/// tools that belong in the header.
#[component]
fn StaffNav(admin: bool) -> impl IntoView {
    let items = staff_tools(admin)
        .filter(|tool| tool.in_header)
        .map(|tool| {
            view! {
                <li>
                    <A href=tool.path>{tool.label()}</A>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="staff-nav" aria-label=t("staff-nav-label")>
            <ul class="staff-nav__list">{items}</ul>
        </nav>
    }
}

/// This page's address (without its language) and query, as the router sees it.
fn this_address() -> String {
    let location = use_location();
    let path = location.pathname.get_untracked();
    let query = location.search.get_untracked();
    if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    }
}

/// The page in every language: each language named in itself, linked to the same page in it.
/// Plain links (no script, no cookie): the language lives in the address. Only on the pages
/// that have a version per language; the staff's pages are Danish.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let address = this_address();
    if !has_languages(&address) {
        return None;
    }
    let current = lang();
    let links = Lang::all()
        .map(|other| {
            // `hreflang` also keeps the link as it is when the page's links are sent to its
            // language (`server::html::localise`).
            view! {
                <li>
                    <a
                        href=other.address(&address)
                        hreflang=other.code()
                        lang=other.code()
                        dir=other.dir()
                        aria-current=(other == current).then_some("true")
                    >
                        {other.own_name()}
                    </a>
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <nav class="language-switch" aria-label=t("language-choose")>
            <ul>{links}</ul>
        </nav>
    })
}

/// The page's addresses in every language for search engines (`hreflang` alternates, with
/// Danish as the default), on the pages that have them.
#[component]
pub fn LanguageAlternates() -> impl IntoView {
    let address = this_address();
    if !has_languages(&address) {
        return None;
    }
    let base = use_context::<PublicUrl>()
        .map(|url| url.0)
        .unwrap_or_default();
    let links = Lang::all()
        .map(|other| (other.code(), other.address(&address)))
        .chain(std::iter::once(("x-default", Lang::DA.address(&address))))
        .map(|(code, address)| {
            view! { <Link rel="alternate" hreflang=code href=format!("{base}{address}") /> }
        })
        .collect_view();
    Some(links)
}

/// The header: the site's name and the main navigation.
#[component]
pub fn Header(site: SiteInfo) -> impl IntoView {
    let write_label = t_with("nav-write", &[("magazine", site.magazine_name.clone())]);
    // Logged in: the way to one's own area and a logout button (a form: logging out changes
    // state, so it is a POST). Residents see "Log ind".
    let staff_nav = viewer()
        .filter(|viewer| viewer.role.is_staff())
        .map(|viewer| view! { <StaffNav admin=viewer.role == crate::accounts::Role::Admin /> });
    let account = match viewer() {
        Some(viewer) => {
            let label = if viewer.role.is_staff() {
                t("nav-staff")
            } else {
                t("nav-journalist")
            };
            view! {
                <li>
                    <A href=viewer.home()>{label}</A>
                </li>
                <li>
                    <form method="post" action="/log-ud" class="nav-form">
                        <button type="submit" class="nav-button">
                            {t("nav-logout")}
                        </button>
                    </form>
                </li>
            }
            .into_any()
        }
        None => view! {
            <li>
                <A href="/log-ind">{t("nav-login")}</A>
            </li>
        }
        .into_any(),
    };
    // On a phone the menu folds into a `<details>`: it opens and closes without JavaScript, by
    // touch, mouse or keyboard, and screen readers hear a button that says whether it is open.
    // On a computer the stylesheet shows it as a row (where the browser can style a `<details>`
    // open; elsewhere it stays a button there too).
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <a class="site-name" href="/">
                    {site.name}
                </a>
                <details class="menu">
                    <summary class="menu__button">{t("nav-menu")}</summary>
                    <nav aria-label=t("nav-label") class="menu__nav">
                        <ul class="nav-list">
                            <li>
                                <A href="/" exact=true>
                                    {t("nav-home")}
                                </A>
                            </li>
                            <li>
                                <A href="/nyheder">{t("nav-news")}</A>
                            </li>
                            <li>
                                <A href="/kalender">{t("nav-calendar")}</A>
                            </li>
                            <li>
                                <A href="/skriv">{write_label}</A>
                            </li>
                            {account}
                        </ul>
                    </nav>
                </details>
                <LanguageSwitch />
            </div>
            {staff_nav}
        </header>
    }
}

/// The footer: who runs the site, how to reach them, and the statement pages.
#[component]
pub fn Footer(site: SiteInfo) -> impl IntoView {
    let email = (!site.contact_email.is_empty()).then(|| {
        let href = format!("mailto:{}", site.contact_email);
        view! {
            <a href=href>{site.contact_email.clone()}</a>
            " "
        }
    });
    let phone = (!site.contact_phone.is_empty()).then(|| site.contact_phone.clone());
    let contact = (email.is_some() || phone.is_some())
        .then(|| view! { <p>{t("footer-contact")} " " {email} {phone}</p> });
    let run_by = t_with("footer-run-by", &[("organisation", site.organisation)]);
    view! {
        <footer class="site-footer">
            <div class="site-footer__inner">
                <p>{run_by}</p>
                {contact}
                <ul class="footer-links">
                    <li>
                        <a href="/was">{t("footer-accessibility")}</a>
                    </li>
                    <li>
                        <a href="/privatliv">{t("footer-privacy")}</a>
                    </li>
                </ul>
            </div>
        </footer>
    }
}
