//! The calendar's parts that more than one page shows: an occurrence as a line (the month grid)
//! and as a card (the lists, the front page's "Denne uge", an activity's dates), an activity's
//! picture, the seats' chip, and the button that puts a date into the visitor's own calendar.

use chrono::Datelike;
use leptos::prelude::*;

use crate::{
    calendar::{api::load_this_week, Occurrence, Picture, Seats, Status, SHARE_IMAGE_SIZE},
    components::data::Loaded,
    dates::{long_date, month_name, time_span, weekday_name},
    i18n::{content_dir, content_lang, lang, t, t_with, Lang},
};

/// What a date's chip says about its seats, in `lang`: the same words on screen and for screen
/// readers.
pub fn seats_text(lang: Lang, seats: Seats) -> String {
    match seats {
        Seats::JustCome => lang.text("seats-just-come"),
        Seats::Open => lang.text("seats-open"),
        Seats::Free(count) => lang.text_with_values("seats-free", &[("count", count.into())]),
        Seats::Full => lang.text("seats-full"),
        Seats::Cancelled => lang.text("seats-cancelled"),
    }
}

/// The chip of a date's seats: its words, and a colour by how it stands.
#[component]
pub fn SeatsChip(seats: Seats) -> impl IntoView {
    let modifier = match seats {
        Seats::JustCome | Seats::Open => "chip--open",
        Seats::Free(_) => "chip--free",
        Seats::Full => "chip--full",
        Seats::Cancelled => "chip--cancelled",
    };
    view! { <span class=format!("chip {modifier}")>{seats_text(lang(), seats)}</span> }
}

/// An activity's picture: its photo from the stored variants (`srcset`, `sizes`), or its kind's
/// illustration, always with its width and height so nothing moves while it loads. `eager` for
/// the page's first picture; the others load when they come near the screen.
#[component]
pub fn ActivityPicture(
    picture: Picture,
    sizes: &'static str,
    #[prop(optional)] eager: bool,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let loading = if eager { "eager" } else { "lazy" };
    match picture.photo {
        Some(photo) => view! {
            <img
                class=class
                src=photo.src(800)
                srcset=photo.srcset()
                sizes=sizes
                width=photo.width.to_string()
                height=photo.height.to_string()
                alt=picture.alt
                loading=loading
                fetchpriority=eager.then_some("high")
                decoding="async"
            />
        }
        .into_any(),
        None => {
            let (width, height) = SHARE_IMAGE_SIZE;
            view! {
                <img
                    class=class
                    src=picture.kind.illustration()
                    width=width.to_string()
                    height=height.to_string()
                    alt=""
                    loading=loading
                    decoding="async"
                />
            }
            .into_any()
        }
    }
}

/// One date as a card: its picture with the date on it, the activity's name (linked to the
/// date's page), time, place, what has changed, and the seats' chip. `nested` puts its heading
/// a level down (below a day's heading); `of_activity` is for the activity's own page, where
/// the name and picture are the page's: the date is the card's heading instead.
#[component]
pub fn DateCard(
    occurrence: Occurrence,
    #[prop(optional)] nested: bool,
    #[prop(optional)] of_activity: bool,
) -> impl IntoView {
    let href = occurrence.key.path();
    let day = occurrence.starts.date();
    let time = time_span(occurrence.starts.time(), occurrence.ends.time());
    let note = match occurrence.status {
        Status::Moved => Some(t_with(
            "occurrence-moved-from",
            &[("date", long_date(occurrence.key.date))],
        )),
        Status::Cancelled | Status::Scheduled | Status::Extra => None,
    };
    let cancelled = occurrence.is_cancelled();
    let seats = occurrence.seats();
    let (title, title_lang) = if of_activity {
        (long_date(day), None)
    } else {
        (occurrence.activity_name.clone(), Some(content_lang()))
    };
    let link = view! {
        <a href=href class="date-card__link" lang=title_lang dir=title_lang.map(|_| content_dir())>
            {title}
        </a>
    };
    let heading = if nested {
        view! { <h4 class="date-card__title">{link}</h4> }.into_any()
    } else {
        view! { <h3 class="date-card__title">{link}</h3> }.into_any()
    };
    let picture = (!of_activity).then(|| {
        view! {
            <ActivityPicture
                picture=occurrence.picture.clone()
                sizes="5rem"
                class="date-card__picture"
            />
        }
    });
    // The date on the picture, for the eye; screen readers hear it once, in the line below.
    view! {
        <li class="date-card" class:date-card--cancelled=cancelled>
            <div class="date-card__visual" aria-hidden="true">
                {picture}
                <span class="date-card__badge">
                    <span class="date-card__weekday">{weekday_name(day.weekday())}</span>
                    <span class="date-card__day">{day.day()}</span>
                    <span class="date-card__month">{month_name(day.month())}</span>
                </span>
            </div>
            <div class="date-card__body">
                {heading}
                <p class="date-card__when">
                    {(!of_activity)
                        .then(|| view! { <span class="visually-hidden">{long_date(day)} ", "</span> })}
                    {time}
                    {occurrence.venue.map(|venue| format!(" · {venue}"))}
                </p>
                {note.map(|note| view! { <p class="date-card__note">{note}</p> })}
                <p class="date-card__seats">
                    <SeatsChip seats />
                </p>
            </div>
        </li>
    }
    .into_any()
}

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
            .map(|occurrence| view! { <DateCard occurrence /> })
            .collect_view();
        view! { <ul class="date-cards">{items}</ul> }.into_any()
    };
    view! {
        <section aria-labelledby="denne-uge" class="this-week">
            <h2 id="denne-uge">{t("home-this-week")}</h2>
            // A failure here says so in the section and leaves the front page (and its status) be.
            <Loaded data show on_error=|| view! { <p>{t("home-this-week-error")}</p> } />
        </section>
    }
}
