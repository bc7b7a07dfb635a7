//! Pages of mostly fixed text: the statements (`/was`, `/privatliv`), the page for would-be
//! citizen journalists, and the honest empty states of the sections that are not open yet.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    i18n::{t, t_values, t_with},
    site::SiteInfo,
};

fn site() -> SiteInfo {
    use_context::<SiteInfo>().unwrap_or_default()
}

/// A page with a heading and paragraphs of translated text.
#[component]
fn TextPage(title: String, #[prop(into)] paragraphs: Vec<String>) -> impl IntoView {
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        {paragraphs.into_iter().map(|text| view! { <p>{text}</p> }).collect_view()}
    }
}

/// How to reach the organisation behind the site, or nothing if it has left no contact details.
#[component]
fn ContactLine(site: SiteInfo) -> impl IntoView {
    let email = (!site.contact_email.is_empty()).then(|| {
        let href = format!("mailto:{}", site.contact_email);
        view! { <li>{t("contact-email")} " " <a href=href>{site.contact_email.clone()}</a></li> }
    });
    let phone = (!site.contact_phone.is_empty())
        .then(|| view! { <li>{t("contact-phone")} " " {site.contact_phone.clone()}</li> });
    let address = (!site.contact_address.is_empty())
        .then(|| view! { <li>{t("contact-address")} " " {site.contact_address.clone()}</li> });
    view! { <ul class="contact">{email} {phone} {address}</ul> }
}

/// `/skriv`: how to write for the magazine.
#[component]
pub fn WritePage() -> impl IntoView {
    let site = site();
    let magazine = [("magazine", site.magazine_name.clone())];
    let organisation = ("organisation", site.organisation.clone());
    view! {
        <TextPage
            title=t_with("write-title", &magazine)
            paragraphs=vec![
                t_with("write-intro", &magazine),
                t("write-who"),
                t_with("write-how", &[organisation]),
            ]
        />
        <ContactLine site />
    }
}

/// `/was`: the accessibility statement the Danish web-accessibility law asks for.
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let site = site();
    let name = ("site", site.name.clone());
    view! {
        <Title text=t("was-title") />
        <h1>{t("was-title")}</h1>
        <p>{t_with("was-scope", &[name])}</p>
        <h2>{t("was-status-heading")}</h2>
        <p>{t("was-status")}</p>
        <h2>{t("was-how-heading")}</h2>
        <ul>
            <li>{t("was-how-axe")}</li>
            <li>{t("was-how-keyboard")}</li>
            <li>{t("was-how-phone")}</li>
            <li>{t("was-how-nojs")}</li>
        </ul>
        <h2>{t("was-known-heading")}</h2>
        <p>{t("was-known")}</p>
        <h2>{t("was-feedback-heading")}</h2>
        <p>{t_with("was-feedback", &[("organisation", site.organisation.clone())])}</p>
        <ContactLine site />
        <h2>{t("was-complaint-heading")}</h2>
        <p>{t("was-complaint")} " " <a href="https://digst.dk">{t("was-complaint-link")}</a></p>
        <p class="muted">{t("was-date")}</p>
    }
}

/// `/privatliv`: what the site stores about whom, and the reader's rights.
#[component]
pub fn PrivacyPage() -> impl IntoView {
    let site = site();
    let organisation = ("organisation", site.organisation.clone());
    view! {
        <Title text=t("privacy-title") />
        <h1>{t("privacy-title")}</h1>
        <p>{t_with("privacy-controller", &[organisation])}</p>
        <ContactLine site />
        <h2>{t("privacy-reading-heading")}</h2>
        <p>{t("privacy-reading")}</p>
        <p>{t("privacy-no-tracking")}</p>
        <p>{t("privacy-sharing")}</p>
        <p>{t("privacy-login-cookie")}</p>
        <h2>{t("privacy-counting-heading")}</h2>
        <p>{t("privacy-counting")}</p>
        <p>{t("privacy-counting-how")}</p>
        <p>{t("privacy-counting-stored")}</p>
        <p>{t("privacy-counting-never")}</p>
        <p>{t("privacy-counting-loss")}</p>
        <h2>{t("privacy-later-heading")}</h2>
        <p>{t("privacy-later")}</p>
        <p>{t_values("privacy-retention", &[("days", crate::signups::retention_days().into())])}</p>
        <h2>{t("privacy-newsletter-heading")}</h2>
        <p>{t("privacy-newsletter")}</p>
        <h2>{t("privacy-rights-heading")}</h2>
        <p>{t("privacy-rights")}</p>
        <p>
            {t("privacy-complaint")} " "
            <a href="https://www.datatilsynet.dk">{t("privacy-complaint-link")}</a>
        </p>
    }
}
