//! The staff's newsletter page (`/personale/nyhedsbrev`): when it goes, the note of the next
//! one with a preview of it as it would go now, how many subscribe, the addresses paused after
//! three rejections in a row, and the newsletters sent.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    components::{data::Loaded, newsletter::EditionBody},
    dates::{long_date, weekday_name},
    forms::{
        feedback_for, notice_from_query, Field, FieldKind, FormFeedback, Notice, PostForm,
        SelectField, TextArea,
    },
    i18n::{lang, t, t_with},
    newsletter::{
        api::{load_staff_newsletter, StaffNewsletterPage},
        fields,
    },
};

/// `/personale/nyhedsbrev`.
#[component]
pub fn StaffNewsletterPage() -> impl IntoView {
    let data = OnceResource::new_blocking(load_staff_newsletter());
    view! {
        <Title text=t("staff-newsletter-title") />
        <h1>{t("staff-newsletter-title")}</h1>
        <Loaded data show=|page| view! { <Newsletter page /> }.into_any() />
    }
}

#[component]
fn Newsletter(page: StaffNewsletterPage) -> impl IntoView {
    let StaffNewsletterPage {
        settings,
        subscribers,
        paused,
        sent,
        next,
    } = page;
    let notice = notice_from_query(&[("gemt", "staff-newsletter-saved")]);
    let posted = feedback_for("newsletter-settings");
    let feedback = posted
        .clone()
        .unwrap_or_else(|| FormFeedback::for_form("newsletter-settings"));
    let weekdays: Vec<(String, String)> = (1..=7_u8)
        .filter_map(|day| {
            let weekday = chrono::Weekday::try_from(day - 1).ok()?;
            Some((day.to_string(), weekday_name(weekday)))
        })
        .collect();
    let paused = if paused.is_empty() {
        view! { <p>{t("staff-newsletter-none-paused")}</p> }.into_any()
    } else {
        let rows = paused
            .into_iter()
            .map(|(email, day)| {
                view! { <li>{email} " – " {long_date(day)}</li> }
            })
            .collect_view();
        view! { <ul>{rows}</ul> }.into_any()
    };
    let sent = if sent.is_empty() {
        view! { <p>{t("staff-newsletter-none-sent")}</p> }.into_any()
    } else {
        let rows = sent
            .into_iter()
            .map(|(week, recipients)| {
                let label = t_with(
                    "staff-newsletter-sent-line",
                    &[
                        ("week", week.number().to_string()),
                        ("year", week.year().to_string()),
                        ("recipients", recipients.to_string()),
                    ],
                );
                view! {
                    <li>
                        <a href=week.path()>{label}</a>
                    </li>
                }
            })
            .collect_view();
        view! { <ul>{rows}</ul> }.into_any()
    };
    let dates = next.dates.clone();
    let time = settings.schedule.at.format("%H:%M").to_string();
    let weekday = settings.schedule.weekday.number_from_monday().to_string();
    view! {
        <Notice text=notice />
        <p class="lead">
            {t_with("staff-newsletter-subscribers", &[("count", subscribers.to_string())])}
        </p>
        <PostForm
            action="/personale/nyhedsbrev".to_owned()
            posted
            feedback
            button=t("staff-newsletter-save")
        >
            <SelectField
                name=fields::WEEKDAY
                label=t("staff-newsletter-weekday")
                options=weekdays
                value=weekday
            />
            <Field
                name=fields::TIME
                label=t("staff-newsletter-time")
                kind=FieldKind::Time
                value=time
            />
            <TextArea
                name=fields::NOTE
                label=t("staff-newsletter-note")
                hint=t("staff-newsletter-note-hint")
                value=settings.note.clone()
            />
        </PostForm>
        <section aria-labelledby="forhaandsvisning" class="preview">
            <h2 id="forhaandsvisning">
                {t_with("staff-newsletter-preview", &[("week", next.week.number().to_string())])}
            </h2>
            <EditionBody lang=lang() edition=next dates base=String::new() />
        </section>
        <section aria-labelledby="pause">
            <h2 id="pause">{t("staff-newsletter-paused")}</h2>
            <p>{t("staff-newsletter-paused-hint")}</p>
            {paused}
        </section>
        <section aria-labelledby="sendt">
            <h2 id="sendt">{t("staff-newsletter-sent")}</h2>
            {sent}
        </section>
    }
}
