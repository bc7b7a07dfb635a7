//! The HTML document around every page, and the routes.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Meta, MetaTags, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

use crate::{
    components::errors::{ForbiddenPage, NotFound, TryLaterPage},
    i18n::{lang, Lang},
    layout::{Footer, Header, LanguageAlternates, SkipLink},
    pages::{
        accounts::{
            AccountPage, ForgotPasswordPage, InvitationPage, LoginPage, ResetPasswordPage,
            SecondStepPage, TwoFactorPage,
        },
        articles::{
            ArticlePage, ArticlesPage, IssuePage, IssuePrintPage, IssuesPage, SearchPage, TagPage,
        },
        calendar::{ActivityPage, CalendarPage, OccurrencePage},
        figures::{FiguresPage, FiguresReportPage},
        home::HomePage,
        info::{AccessibilityPage, PrivacyPage, WritePage},
        newsletter::{
            NewsletterArchivePage, NewsletterWeekPage, SubscriptionLeavePage,
            SubscriptionManagePage,
        },
        plan::{
            AreaEditorPage, MeasureEditorPage, MeasureYearPage, MeasuresPage, PlanPage,
            PlanPeriodEditorPage, PressEditorPage, PressPage,
        },
        report::{ReportPage, ReportTextsPage},
        signups::SignupManagePage,
        staff::{AuditPage, OutboxPage, StaffHome, UsersPage},
        staff_articles::{
            ArticleEditorPage, DeleteArticlePage, IssueEditorPage, StaffArticlesPage,
            StaffIssuesPage,
        },
        staff_attendance::{AttendancePage, SignupPrintPage, StaffOccurrencePage},
        staff_calendar::{StaffActivitiesPage, StaffActivityPage},
        staff_newsletter::StaffNewsletterPage,
        staff_submissions::{ReviewPage, ReviewQueuePage},
        submissions::{JournalistHome, SubmissionPage},
        visits::VisitsPage,
    },
    site::SiteInfo,
};

/// The whole document. The server provides [`SiteInfo`] and [`Lang`] as context.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    // Islands mode: nothing outside an island hydrates. `HydrationScripts` sets this as it
    // renders; it is set here for every page, since only the pages with an island render
    // `IslandScripts`, and every other page loads no script at all.
    #[cfg(feature = "ssr")]
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    let lang = lang();
    view! {
        <!DOCTYPE html>
        <html lang=lang.code() dir=lang.dir()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <link rel="stylesheet" href=format!("/pkg/{}.css", options.output_name) />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The site's description for search engines, on every page but an article (`/nyheder/{slug}`),
/// an activity and a date (`/aktiviteter/{slug}`, `…/{date}`), which describe themselves
/// (`components::share::ShareMeta`; a page may have one description only).
#[component]
fn SiteDescription(text: String) -> impl IntoView {
    let path = leptos_router::hooks::use_location()
        .pathname
        .get_untracked();
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    let describes_itself = matches!(
        segments.as_slice(),
        ["nyheder", slug] | ["aktiviteter", slug] | ["aktiviteter", slug, _] if !slug.is_empty()
    );
    (!describes_itself).then(|| view! { <Meta name="description" content=text /> })
}

/// The page inside `<body>`: skip link, header, the routed page and the footer.
/// leptos_meta 0.8 writes the title into the server's `<head>` as it is, so a title holding
/// `</title><script>` (an article's title is typed by people) would end the element early.
fn escape_title(title: String) -> String {
    crate::forms::escape_unescaped_text(title)
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    if use_context::<Lang>().is_none() {
        provide_context(Lang::default());
    }
    let site = use_context::<SiteInfo>().unwrap_or_default();
    let site_name = site.name.clone();
    // What search engines show under the site's name: the site's own introduction.
    let description = if site.intro.is_empty() {
        site.name.clone()
    } else {
        site.intro.clone()
    };
    view! {
        <Title formatter=move |page: String| {
            let title = if page.is_empty() {
                site_name.clone()
            } else {
                format!("{page} – {site_name}")
            };
            escape_title(title)
        } />
        <Router>
            <SiteDescription text=description />
            <LanguageAlternates />
            <SkipLink />
            <Header site=site.clone() />
            <main id="indhold" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("") view=HomePage ssr=SsrMode::Async />
                    <Route path=path!("nyheder") view=ArticlesPage ssr=SsrMode::Async />
                    <Route path=path!("nyheder/:slug") view=ArticlePage ssr=SsrMode::Async />
                    <Route path=path!("nyheder/emne/:slug") view=TagPage ssr=SsrMode::Async />
                    <Route path=path!("soeg") view=SearchPage ssr=SsrMode::Async />
                    <Route path=path!("nordbyposten") view=IssuesPage ssr=SsrMode::Async />
                    <Route path=path!("nordbyposten/:slug") view=IssuePage ssr=SsrMode::Async />
                    <Route
                        path=path!("nordbyposten/:slug/udskriv")
                        view=IssuePrintPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("personale/artikler")
                        view=StaffArticlesPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("personale/artikler/ny")
                        view=ArticleEditorPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("personale/artikler/:id")
                        view=ArticleEditorPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("personale/artikler/:id/slet")
                        view=DeleteArticlePage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("personale/udgaver")
                        view=StaffIssuesPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("personale/udgaver/ny")
                        view=IssueEditorPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("personale/udgaver/:id")
                        view=IssueEditorPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("kalender") view=CalendarPage ssr=SsrMode::Async />
                    <Route path=path!("aktiviteter/:slug") view=ActivityPage ssr=SsrMode::Async />
                    <Route
                        path=path!("aktiviteter/:slug/:date")
                        view=OccurrencePage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("tilmelding/:token")
                        view=SignupManagePage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("nyhedsbrev") view=NewsletterArchivePage ssr=SsrMode::Async />
                    <Route
                        path=path!("nyhedsbrev/:week")
                        view=NewsletterWeekPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("abonnement/:token")
                        view=SubscriptionManagePage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("abonnement/:token/afmeld")
                        view=SubscriptionLeavePage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("skriv") view=WritePage />
                    <Route path=path!("log-ind") view=LoginPage />
                    <Route path=path!("log-ind/kode") view=SecondStepPage />
                    <Route path=path!("invitation/:token") view=InvitationPage ssr=SsrMode::Async />
                    <Route path=path!("glemt-adgangskode") view=ForgotPasswordPage />
                    <Route path=path!("nulstil/:token") view=ResetPasswordPage ssr=SsrMode::Async />
                    <Route path=path!("konto") view=AccountPage />
                    <Route path=path!("konto/to-trin") view=TwoFactorPage ssr=SsrMode::Async />
                    <Route path=path!("ingen-adgang") view=ForbiddenPage />
                    <Route path=path!("proev-igen-senere") view=TryLaterPage />
                    <Route path=path!("personale") view=StaffHome ssr=SsrMode::Async />
                    <Route path=path!("personale/brugere") view=UsersPage ssr=SsrMode::Async />
                    <Route path=path!("personale/udbakke") view=OutboxPage ssr=SsrMode::Async />
                    <Route path=path!("personale/log") view=AuditPage ssr=SsrMode::Async />
                    <Route
                        path=path!("personale/nyhedsbrev")
                        view=StaffNewsletterPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("personale/aktiviteter")
                        view=StaffActivitiesPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("personale/aktiviteter/ny")
                        view=StaffActivityPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("personale/aktiviteter/:id")
                        view=StaffActivityPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("personale/aktiviteter/:id/:date")
                        view=StaffOccurrencePage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("personale/aktiviteter/:id/:date/udskriv")
                        view=SignupPrintPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("personale/aktiviteter/:id/:date/fremmoede")
                        view=AttendancePage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("personale/tal") view=FiguresPage ssr=SsrMode::Async />
                    <Route path=path!("personale/besoeg") view=VisitsPage ssr=SsrMode::Async />
                    <Route
                        path=path!("personale/succeskriterier")
                        view=MeasuresPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("personale/succeskriterier/ny")
                        view=MeasureEditorPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("personale/succeskriterier/:id")
                        view=MeasureEditorPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("personale/succeskriterier/:id/tal")
                        view=MeasureYearPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("personale/presse") view=PressPage ssr=SsrMode::Async />
                    <Route path=path!("personale/helhedsplan") view=PlanPage ssr=SsrMode::Async />
                    <Route path=path!("personale/rapport") view=ReportPage ssr=SsrMode::Async />
                    <Route
                        path=path!("personale/rapport/tekster")
                        view=ReportTextsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("personale/helhedsplan/perioder/ny")
                        view=PlanPeriodEditorPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("personale/helhedsplan/perioder/:id")
                        view=PlanPeriodEditorPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("personale/helhedsplan/omraader/ny")
                        view=AreaEditorPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("personale/helhedsplan/omraader/:id")
                        view=AreaEditorPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("personale/presse/ny")
                        view=PressEditorPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("personale/presse/:id")
                        view=PressEditorPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("personale/tal/rapport")
                        view=FiguresReportPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("borgerjournalist") view=JournalistHome ssr=SsrMode::Async />
                    <Route
                        path=path!("borgerjournalist/indsendelser/ny")
                        view=SubmissionPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("borgerjournalist/indsendelser/:id")
                        view=SubmissionPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("personale/indsendelser")
                        view=ReviewQueuePage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("personale/indsendelser/:id")
                        view=ReviewPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("was") view=AccessibilityPage />
                    <Route path=path!("privatliv") view=PrivacyPage />
                </Routes>
            </main>
            <Footer site />
        </Router>
    }
}

#[cfg(test)]
mod tests {
    /// Properties of a `<form>` element (HTMLFormElement, HTMLElement, Element, Node, EventTarget
    /// and Object). A control whose name is one of them hides the property: `form.children` is
    /// then the input, and the islands' start-up script (which walks `node.children`) throws, so
    /// no island on the page wakes up.
    #[rustfmt::skip]
    const FORM_PROPERTIES: &[&str] = &[
        // HTMLFormElement
        "acceptCharset", "action", "autocomplete", "elements", "encoding", "enctype", "length",
        "method", "name", "noValidate", "rel", "relList", "target", "submit", "requestSubmit",
        "reset", "checkValidity", "reportValidity",
        // HTMLElement
        "title", "lang", "translate", "dir", "hidden", "inert", "accessKey", "accessKeyLabel",
        "draggable", "spellcheck", "autocapitalize", "autocorrect", "innerText", "outerText",
        "popover", "click", "style", "dataset", "nonce", "autofocus", "tabIndex", "focus", "blur",
        "contentEditable", "isContentEditable", "enterKeyHint", "inputMode", "offsetParent",
        "offsetTop", "offsetLeft", "offsetWidth", "offsetHeight", "attachInternals",
        "showPopover", "hidePopover", "togglePopover",
        // Element
        "id", "className", "classList", "slot", "attributes", "shadowRoot", "part",
        "assignedSlot", "innerHTML", "outerHTML", "tagName", "localName", "namespaceURI",
        "prefix", "role", "children", "firstElementChild", "lastElementChild",
        "childElementCount", "previousElementSibling", "nextElementSibling", "scrollTop",
        "scrollLeft", "scrollWidth", "scrollHeight", "clientTop", "clientLeft", "clientWidth",
        "clientHeight", "closest", "matches", "remove", "before", "after", "append", "prepend",
        "replaceWith", "replaceChildren", "querySelector", "querySelectorAll", "getAttribute",
        "setAttribute", "removeAttribute", "toggleAttribute", "hasAttribute", "hasAttributes",
        "getAttributeNames", "animate", "scroll", "scrollTo", "scrollBy", "scrollIntoView",
        "getBoundingClientRect", "getClientRects", "attachShadow", "insertAdjacentElement",
        "insertAdjacentHTML", "insertAdjacentText",
        // Node
        "nodeType", "nodeName", "nodeValue", "baseURI", "isConnected", "ownerDocument",
        "parentNode", "parentElement", "childNodes", "firstChild", "lastChild",
        "previousSibling", "nextSibling", "textContent", "normalize", "cloneNode",
        "isEqualNode", "isSameNode", "compareDocumentPosition", "contains", "insertBefore",
        "appendChild", "replaceChild", "removeChild", "hasChildNodes", "getRootNode",
        // EventTarget and Object
        "addEventListener", "removeEventListener", "dispatchEvent", "constructor", "toString",
        "valueOf", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString",
        "__proto__",
    ];

    /// Every `name="…"` written in the app's source (controls and the fields' `name` props).
    fn field_names() -> Vec<(String, String)> {
        fn walk(dir: &std::path::Path, found: &mut Vec<(String, String)>) {
            for entry in std::fs::read_dir(dir).expect("the source folder") {
                let path = entry.expect("a source entry").path();
                if path.is_dir() {
                    walk(&path, found);
                } else if path.extension().is_some_and(|ext| ext == "rs") {
                    let text = std::fs::read_to_string(&path).expect("a source file");
                    for (at, _) in text.match_indices("name=\"") {
                        let rest = &text[at + "name=\"".len()..];
                        let name = rest.split('"').next().unwrap_or_default();
                        found.push((path.display().to_string(), name.to_owned()));
                    }
                }
            }
        }
        let mut found = Vec::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut found,
        );
        found
    }

    #[test]
    fn no_form_field_hides_a_property_of_its_form() {
        let names = field_names();
        assert!(
            names.iter().any(|(_, name)| name == "email"),
            "the scan finds the fields"
        );
        let hiding: Vec<String> = names
            .iter()
            .filter(|(_, name)| FORM_PROPERTIES.contains(&name.as_str()))
            .map(|(file, name)| format!("{file}: name=\"{name}\""))
            .collect();
        assert!(
            hiding.is_empty(),
            "form fields named after a property of the form: {hiding:?}"
        );
    }

    #[test]
    #[cfg(feature = "ssr")]
    fn a_title_cannot_end_its_element() {
        assert_eq!(
            super::escape_title("</title><script>a & b</script>".into()),
            "&lt;/title&gt;&lt;script&gt;a &amp; b&lt;/script&gt;"
        );
    }
}
