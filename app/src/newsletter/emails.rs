//! The newsletter's emails, in the subscriber's language: the link to confirm (or, for an
//! address that already subscribes, the link to its choice), and the weekly newsletter itself,
//! as plain text and as HTML rendered by Leptos (so every name in it is escaped), with no
//! tracking pixel and no rewritten link.

use leptos::prelude::*;

use super::{queries::Standing, Edition, EditionDate, Week};
use crate::{
    accounts::emails::compose,
    components::{newsletter::EditionBody, occurrences::seats_text},
    dates::lang_when,
    i18n::{without_isolation, Lang},
    mail::{ListMembership, OutgoingEmail},
};

/// The email after subscribing: for a new or unconfirmed address the link that confirms it and
/// chooses what it gets; for a subscribed one the link to change that or leave.
pub fn subscribed(
    lang: Lang,
    to: &str,
    site_name: &str,
    standing: Standing,
    subscriber_id: i64,
    link: &str,
) -> OutgoingEmail {
    let site = ("site", site_name.to_owned());
    let one = std::slice::from_ref(&site);
    let (subject, paragraphs, action, closing) = match standing {
        Standing::Unconfirmed => (
            lang.text_with("newsletter-email-confirm-subject", one),
            vec![
                lang.text_with("newsletter-email-confirm-body", one),
                lang.text("newsletter-email-confirm-choose"),
            ],
            lang.text("newsletter-email-confirm-action"),
            lang.text("newsletter-email-confirm-ignore"),
        ),
        Standing::Subscribed => (
            lang.text_with("newsletter-email-already-subject", one),
            vec![lang.text_with("newsletter-email-already-body", one)],
            lang.text("newsletter-email-already-action"),
            lang.text("newsletter-email-already-ignore"),
        ),
    };
    let mut email = compose(
        lang,
        to,
        subject,
        &paragraphs,
        action,
        link,
        closing,
        lang.text_with("email-signature", &[site]),
    );
    // Tied to the subscriber, so that leaving deletes it with the address.
    email.list = Some(ListMembership {
        subscriber_id,
        unsubscribe_url: String::new(),
    });
    email
}

/// Where a newsletter's links go: the site's address (ending without `/`), the subscriber's
/// private page and its page to leave.
pub struct NewsletterLinks<'a> {
    pub base: &'a str,
    pub choice: String,
    pub leave: String,
}

/// The week's newsletter to one subscriber: `dates` are the ones it chose.
pub fn newsletter(
    lang: Lang,
    to: &str,
    site_name: &str,
    (edition, dates): (&Edition, Vec<&EditionDate>),
    subscriber_id: i64,
    links: &NewsletterLinks<'_>,
) -> OutgoingEmail {
    let week = edition.week;
    let subject = lang.text_with_values(
        "newsletter-email-subject",
        &[
            ("week", i64::from(week.number()).into()),
            ("site", site_name.to_owned().into()),
        ],
    );
    let web = format!("{}{}", links.base, week.path());
    let text = text_part(lang, site_name, edition, &dates, links, &web);
    let dates: Vec<EditionDate> = dates.into_iter().cloned().collect();
    let title = subject.clone();
    let html = view! {
        <html lang=lang.code() dir=lang.dir()>
            <head>
                <meta charset="utf-8" />
                <title>{title.clone()}</title>
            </head>
            <body style="font-family: sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; max-width: 40em;">
                <h1 style="font-size: 22px;">{title}</h1>
                <EditionBody lang edition=edition.clone() dates base=links.base.to_owned() />
                <hr />
                <p style="font-size: 14px;">
                    <a href=links.choice.clone()>{lang.text("newsletter-email-change")}</a>
                    " · "
                    <a href=links.leave.clone()>{lang.text("newsletter-email-leave")}</a>
                    " · "
                    <a href=web>{lang.text("newsletter-email-web")}</a>
                </p>
                <p style="font-size: 14px;">
                    {lang.text_with("email-signature", &[("site", site_name.to_owned())])}
                </p>
            </body>
        </html>
    }
    .to_html();
    OutgoingEmail {
        to: to.to_owned(),
        subject: without_isolation(&subject),
        text,
        html: format!("<!DOCTYPE html>{html}"),
        calendar: None,
        list: Some(ListMembership {
            subscriber_id,
            unsubscribe_url: links.leave.clone(),
        }),
    }
}

/// The newsletter as plain text: the same parts as the HTML, links written out.
fn text_part(
    lang: Lang,
    site_name: &str,
    edition: &Edition,
    dates: &[&EditionDate],
    links: &NewsletterLinks<'_>,
    web: &str,
) -> String {
    let week: Week = edition.week;
    let mut text = String::new();
    if !edition.note.trim().is_empty() {
        text.push_str(edition.note.trim());
        text.push_str("\n\n");
    }
    text.push_str(&format!("{}\n\n", lang.text("newsletter-dates-title")));
    if dates.is_empty() {
        text.push_str(&format!("{}\n\n", lang.text("newsletter-no-dates")));
    }
    for date in dates {
        let when = lang_when(
            lang,
            date.starts.date(),
            date.starts.time(),
            date.ends.time(),
        );
        text.push_str(&format!("{}\n{when}\n", date.name));
        if let Some(venue) = &date.venue {
            text.push_str(&format!("{venue}\n"));
        }
        text.push_str(&format!(
            "{}\n{}{}?{}={}\n\n",
            seats_text(lang, date.seats),
            links.base,
            date.path,
            super::fields::FROM_NEWSLETTER,
            week.key()
        ));
    }
    text.push_str(&format!("{}\n\n", lang.text("newsletter-news-title")));
    if edition.news.is_empty() {
        text.push_str(&format!("{}\n\n", lang.text("newsletter-no-news")));
    }
    for news in &edition.news {
        text.push_str(&format!(
            "{}\n{}\n{}{}\n\n",
            news.title, news.lead, links.base, news.path
        ));
    }
    text.push_str(&format!(
        "{}:\n{}\n\n{}:\n{}\n\n{}:\n{web}\n\n{}\n",
        lang.text("newsletter-email-change"),
        links.choice,
        lang.text("newsletter-email-leave"),
        links.leave,
        lang.text("newsletter-email-web"),
        lang.text_with("email-signature", &[("site", site_name.to_owned())]),
    ));
    text
}
