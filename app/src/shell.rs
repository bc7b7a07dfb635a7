//! The HTML document around every page, and the routes.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

use crate::{
    i18n::{lang, Lang},
    layout::{Footer, Header, SkipLink},
    pages::{
        accounts::{
            AccountPage, ForbiddenPage, ForgotPasswordPage, InvitationPage, LoginPage,
            ResetPasswordPage,
        },
        articles::{
            ArticlePage, ArticlesPage, IssuePage, IssuePrintPage, IssuesPage, SearchPage, TagPage,
        },
        calendar::{ActivityPage, CalendarPage, OccurrencePage},
        errors::NotFound,
        figures::{FiguresPage, FiguresReportPage},
        home::HomePage,
        info::{AccessibilityPage, PrivacyPage, WritePage},
        signups::SignupManagePage,
        staff::{AuditPage, JournalistHome, OutboxPage, StaffHome, UsersPage},
        staff_articles::{
            ArticleEditorPage, DeleteArticlePage, IssueEditorPage, StaffArticlesPage,
            StaffIssuesPage,
        },
        staff_attendance::{AttendancePage, SignupPrintPage, StaffOccurrencePage},
        staff_calendar::{StaffActivitiesPage, StaffActivityPage},
    },
    site::SiteInfo,
};

/// The whole document. The server provides [`SiteInfo`] and [`Lang`] as context.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = lang();
    view! {
        <!DOCTYPE html>
        <html lang=lang.code() dir=lang.dir()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <link rel="stylesheet" href=format!("/pkg/{}.css", options.output_name) />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <HydrationScripts options islands=true />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
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
                    <Route path=path!("skriv") view=WritePage />
                    <Route path=path!("log-ind") view=LoginPage />
                    <Route path=path!("invitation/:token") view=InvitationPage ssr=SsrMode::Async />
                    <Route path=path!("glemt-adgangskode") view=ForgotPasswordPage />
                    <Route path=path!("nulstil/:token") view=ResetPasswordPage ssr=SsrMode::Async />
                    <Route path=path!("konto") view=AccountPage />
                    <Route path=path!("ingen-adgang") view=ForbiddenPage />
                    <Route path=path!("personale") view=StaffHome ssr=SsrMode::Async />
                    <Route path=path!("personale/brugere") view=UsersPage ssr=SsrMode::Async />
                    <Route path=path!("personale/udbakke") view=OutboxPage ssr=SsrMode::Async />
                    <Route path=path!("personale/log") view=AuditPage ssr=SsrMode::Async />
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
                    <Route
                        path=path!("personale/tal/rapport")
                        view=FiguresReportPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("borgerjournalist") view=JournalistHome />
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
    #[test]
    #[cfg(feature = "ssr")]
    fn a_title_cannot_end_its_element() {
        assert_eq!(
            super::escape_title("</title><script>a & b</script>".into()),
            "&lt;/title&gt;&lt;script&gt;a &amp; b&lt;/script&gt;"
        );
    }
}
