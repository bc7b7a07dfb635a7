//! The newsletter's parts that more than one place shows: the subscription form (the front
//! page, the calendar and the archive), and a week's newsletter as HTML, which the email and its
//! web page both are.

use leptos::prelude::*;

use crate::{
    components::occurrences::seats_text,
    components::signup_form::Honeypot,
    dates::lang_when,
    forms::{feedback_for, Field, FieldKind, FormFeedback, PostForm},
    i18n::{t, Lang},
    newsletter::{fields, Edition, EditionDate, Seats, Week},
};

/// The address the subscription form posts to; a refused form comes back on the archive's page.
pub const SUBSCRIBE_ADDRESS: &str = "/nyhedsbrev/tilmeld";

/// "Få nyhedsbrevet": an address and a button, without an account, as a section of the page
/// with its own heading.
#[component]
pub fn SubscribeForm() -> impl IntoView {
    let posted = feedback_for("newsletter");
    let feedback = posted
        .clone()
        .unwrap_or_else(|| FormFeedback::for_form("newsletter"));
    view! {
        <section aria-labelledby="nyhedsbrev-tilmeld" class="newsletter-signup">
            <h2 id="nyhedsbrev-tilmeld">{t("newsletter-subscribe-title")}</h2>
            <p>{t("newsletter-subscribe-intro")}</p>
            <PostForm
                action=SUBSCRIBE_ADDRESS.to_owned()
                posted
                feedback
                button=t("newsletter-subscribe-submit")
            >
                <Field
                    name=fields::EMAIL
                    label=t("newsletter-field-email")
                    kind=FieldKind::Email
                    hint=t("newsletter-field-email-hint")
                    required=true
                />
                <Honeypot />
            </PostForm>
        </section>
    }
}

/// A week's newsletter in `lang`: the staff's note, `dates` (the subscriber's choice, or all of
/// them on the web page) and the news. Links start with `base` (the site's address in an email,
/// nothing on the web page); a date's link carries the week, so a sign-up from it is counted as
/// the newsletter's without saying whose.
#[component]
pub fn EditionBody(
    lang: Lang,
    edition: Edition,
    dates: Vec<EditionDate>,
    base: String,
) -> impl IntoView {
    let week = edition.week;
    let note = (!edition.note.trim().is_empty()).then(|| {
        let paragraphs = edition
            .note
            .split("\n\n")
            .map(|paragraph| paragraph.trim().to_owned())
            .filter(|paragraph| !paragraph.is_empty())
            .map(|paragraph| view! { <p>{paragraph}</p> })
            .collect_view();
        view! { <div class="newsletter-note">{paragraphs}</div> }
    });
    let dates = if dates.is_empty() {
        view! { <p>{lang.text("newsletter-no-dates")}</p> }.into_any()
    } else {
        let items = dates
            .into_iter()
            .map(|date| edition_date(lang, date, &base, week))
            .collect_view();
        view! { <ul class="newsletter-dates">{items}</ul> }.into_any()
    };
    let news = if edition.news.is_empty() {
        view! { <p>{lang.text("newsletter-no-news")}</p> }.into_any()
    } else {
        let items = edition
            .news
            .into_iter()
            .map(|news| {
                let href = format!("{base}{}", news.path);
                view! {
                    <li>
                        <a href=href>{news.title}</a>
                        <br />
                        {news.lead}
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="newsletter-news">{items}</ul> }.into_any()
    };
    view! {
        {note}
        <h2>{lang.text("newsletter-dates-title")}</h2>
        {dates}
        <h2>{lang.text("newsletter-news-title")}</h2>
        {news}
    }
}

fn edition_date(lang: Lang, date: EditionDate, base: &str, week: Week) -> impl IntoView {
    let when = lang_when(
        lang,
        date.starts.date(),
        date.starts.time(),
        date.ends.time(),
    );
    let href = format!(
        "{base}{}?{}={}",
        date.path,
        fields::FROM_NEWSLETTER,
        week.key()
    );
    let seats = seats_text(lang, date.seats);
    let sign_up = matches!(date.seats, Seats::Open | Seats::Free(_) | Seats::Full).then(|| {
        let href = href.clone();
        view! {
            <br />
            <a href=href>{lang.text("newsletter-sign-up")}</a>
        }
    });
    view! {
        <li>
            <strong>
                <a href=href>{date.name}</a>
            </strong>
            <br />
            {when}
            {date.venue.map(|venue| view! { {format!(" · {venue}")} })}
            <br />
            <span class="chip">{seats}</span>
            {sign_up}
        </li>
    }
}
