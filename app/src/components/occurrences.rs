//! The calendar's parts that more than one page shows: an occurrence as a line, the front
//! page's "Denne uge", and the button that puts a date into the visitor's own calendar.

use chrono::Datelike;
use leptos::prelude::*;

use crate::{
    calendar::{api::load_this_week, Occurrence, Status},
    components::data::Loaded,
    dates::{long_date, time_span, weekday_name},
    i18n::{content_dir, content_lang, t, t_with},
};

/// "Tilføj til min kalender": the date as an iCalendar file (`/aktiviteter/{slug}.ics?dato=…`),
/// on a date's page and on a sign-up's private page. Nothing for a cancelled date.
#[component]
pub fn AddToCalendar(occurrence: Occurrence) -> impl IntoView {
    (!occurrence.is_cancelled()).then(|| {
        let href = format!(
            "/aktiviteter/{}.ics?dato={}",
            occurrence.key.activity_slug, occurrence.key.date
        );
        view! {
            <p>
                <a href=href class="button">
                    {t("occurrence-add-to-calendar")}
                </a>
            </p>
        }
    })
}

/// One occurrence as a line: time, name (linked), place and what has changed.
#[component]
pub fn OccurrenceLine(occurrence: Occurrence) -> impl IntoView {
    let href = occurrence.key.path();
    let time = time_span(occurrence.starts.time(), occurrence.ends.time());
    let note = match occurrence.status {
        Status::Cancelled => Some(t("occurrence-cancelled")),
        Status::Moved => Some(t_with(
            "occurrence-moved-from",
            &[("date", long_date(occurrence.key.date))],
        )),
        Status::Scheduled | Status::Extra => None,
    };
    let cancelled = occurrence.is_cancelled();
    view! {
        <li class="occurrence" class:occurrence--cancelled=cancelled>
            <span class="occurrence__time">{time}</span>
            " "
            <a href=href class="occurrence__name" lang=content_lang() dir=content_dir()>
                {occurrence.activity_name}
            </a>
            {occurrence.venue.map(|venue| view! { <span class="occurrence__venue">{venue}</span> })}
            {note.map(|note| view! { <strong class="occurrence__note">{note}</strong> })}
        </li>
    }
    // The month grid nests many of these: erasing the type keeps the compiler's type depth low.
    .into_any()
}

/// What [`ThisWeek`] shows, asked for by the page (see `HomePage`).
pub fn this_week() -> OnceResource<Result<Vec<Occurrence>, ServerFnError>> {
    OnceResource::new_blocking(load_this_week())
}

/// The front page's "Denne uge": what happens from now to Sunday.
#[component]
pub fn ThisWeek(data: OnceResource<Result<Vec<Occurrence>, ServerFnError>>) -> impl IntoView {
    let show = |occurrences: Vec<Occurrence>| {
        if occurrences.is_empty() {
            return view! { <p>{t("home-this-week-empty")}</p> }.into_any();
        }
        let items = occurrences
            .into_iter()
            .map(|occurrence| {
                let day = weekday_name(occurrence.starts.date().weekday());
                view! {
                    <li class="this-week__item">
                        <span class="this-week__day">{day}</span>
                        <ul class="occurrences">
                            <OccurrenceLine occurrence />
                        </ul>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="this-week__list">{items}</ul> }.into_any()
    };
    view! {
        <section aria-labelledby="denne-uge" class="this-week">
            <h2 id="denne-uge">{t("home-this-week")}</h2>
            // A failure here says so in the section and leaves the front page (and its status) be.
            <Loaded data show on_error=|| view! { <p>{t("home-this-week-error")}</p> } />
        </section>
    }
}
