//! The calendar's pages: `/kalender` (a list of the coming weeks, a month or a week, filtered by
//! focus area and venue), `/aktiviteter/{slug}` and `/aktiviteter/{slug}/{date}`. All of it is
//! plain HTML: links and a GET form, no JavaScript needed.

use chrono::{Datelike, Duration, NaiveDate};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::{
    address::DateWindow,
    calendar::{
        api::{
            load_activity, load_calendar, load_occurrence, ActivityData, CalendarData,
            CalendarQuery, Choice, OccurrenceData, View,
        },
        Activity, Occurrence, SignupMode, Status,
    },
    components::{
        data::{or_not_found, or_refused, Loaded},
        newsletter::SubscribeForm,
        occurrences::{ActivityPicture, AddToCalendar, DateCard, OccurrenceLine, SeatsChip},
        share::{description_of, ShareImage, ShareLinks, ShareMeta},
        signup_form::SignupForm,
        text::paragraphs,
    },
    dates::{
        date_text, lang_day_and_time, long_date, month_and_year, time_span, weekday_name, when,
    },
    forms::{feedback_for, ErrorSummary, SelectField},
    i18n::{content_dir, content_lang, lang, t, t_with},
};

/// `/kalender`.
#[component]
pub fn CalendarPage() -> impl IntoView {
    let query = use_query_map().get_untracked();
    let query = CalendarQuery {
        maaned: query.get("maaned"),
        uge: query.get("uge"),
        omraade: query.get("omraade").filter(|slug| !slug.is_empty()),
        sted: query.get("sted").filter(|slug| !slug.is_empty()),
    };
    let data = OnceResource::new_blocking(load_calendar(query));
    // The heading is the calendar's: a period outside the window shows only the 404 page.
    view! { <Loaded data show=or_not_found(|data| view! { <CalendarBody data /> }) /> }
}

/// The address of a view with the filters in force.
fn calendar_href(view: &str, data: &CalendarData) -> String {
    let mut params: Vec<String> = Vec::new();
    if !view.is_empty() {
        params.push(view.to_owned());
    }
    if let Some(area) = &data.focus_area {
        params.push(format!("omraade={area}"));
    }
    if let Some(venue) = &data.venue {
        params.push(format!("sted={venue}"));
    }
    if params.is_empty() {
        "/kalender".to_owned()
    } else {
        format!("/kalender?{}", params.join("&"))
    }
}

fn month_param(date: NaiveDate) -> String {
    format!("maaned={}-{:02}", date.year(), date.month())
}

fn week_param(date: NaiveDate) -> String {
    let iso = date.iso_week();
    format!("uge={}-W{:02}", iso.year(), iso.week())
}

#[component]
fn CalendarBody(data: CalendarData) -> impl IntoView {
    // The pager stops at the window of dates an address may name; beyond it is the 404 page.
    let window = DateWindow::around(data.today);
    let (heading, previous, next) = match &data.view {
        View::List => (t("calendar-coming"), None, None),
        View::Month { year, month } => (
            month_and_year(*year, *month),
            Some(month_param(data.from - Duration::days(1))),
            Some(month_param(data.to + Duration::days(1))),
        ),
        View::Week { year, week } => (
            t_with(
                "calendar-week-heading",
                &[
                    ("week", week.to_string()),
                    ("year", year.to_string()),
                    ("from", date_text(data.from)),
                    ("to", date_text(data.to)),
                ],
            ),
            Some(week_param(data.from - Duration::days(7))),
            Some(week_param(data.from + Duration::days(7))),
        ),
    };
    let tabs = [
        ("", t("calendar-view-list"), matches!(data.view, View::List)),
        (
            "month",
            t("calendar-view-month"),
            matches!(data.view, View::Month { .. }),
        ),
        (
            "week",
            t("calendar-view-week"),
            matches!(data.view, View::Week { .. }),
        ),
    ]
    .into_iter()
    .map(|(kind, label, current)| {
        let param = match kind {
            "month" => month_param(data.from.max(data.today)),
            "week" => week_param(if matches!(data.view, View::List) {
                data.today
            } else {
                data.from
            }),
            _ => String::new(),
        };
        let href = calendar_href(&param, &data);
        view! {
            <li>
                <a href=href aria-current=current.then_some("page")>
                    {label}
                </a>
            </li>
        }
    })
    .collect_view();
    let paging = previous.zip(next).map(|(previous, next)| {
        let previous = (data.from > window.first()).then(|| {
            view! {
                <a href=calendar_href(&previous, &data) rel="prev">
                    {t("calendar-previous")}
                </a>
            }
        });
        let next = (data.to < window.last()).then(|| {
            view! {
                <a href=calendar_href(&next, &data) rel="next">
                    {t("calendar-next")}
                </a>
            }
        });
        view! {
            <nav class="pager" aria-label=t("calendar-pager")>
                {previous}
                {next}
            </nav>
        }
    });
    let body = match data.view {
        View::Month { .. } => view! { <MonthGrid data=data.clone() /> }.into_any(),
        _ => view! { <DayList data=data.clone() /> }.into_any(),
    };
    view! {
        <Title text=t("calendar-title") />
        <h1>{t("calendar-title")}</h1>
        <ul class="view-tabs">{tabs}</ul>
        <Filters data=data.clone() />
        <h2 id="periode">{heading}</h2>
        {paging}
        {body}
        <p class="feed-link">
            <a href="/kalender.ics">{t("calendar-feed")}</a>
            " "
            <span class="muted">{t("calendar-feed-hint")}</span>
        </p>
        <SubscribeForm />
    }
}

/// The filter form: a GET form, so it works without JavaScript and its result can be bookmarked.
#[component]
fn Filters(data: CalendarData) -> impl IntoView {
    // "Alle" first, then the choices, for the form's usual drop-down field.
    let options = |choices: &[Choice]| {
        std::iter::once((String::new(), t("calendar-filter-all")))
            .chain(
                choices
                    .iter()
                    .map(|choice| (choice.slug.clone(), choice.name.clone())),
            )
            .collect::<Vec<_>>()
    };
    let keep = match &data.view {
        View::List => None,
        View::Month { .. } => Some((
            "maaned",
            month_param(data.from)["maaned=".len()..].to_owned(),
        )),
        View::Week { .. } => Some(("uge", week_param(data.from)["uge=".len()..].to_owned())),
    };
    view! {
        <form method="get" action="/kalender" class="filters">
            {keep.map(|(name, value)| view! { <input type="hidden" name=name value=value /> })}
            <SelectField
                name="omraade"
                label=t("calendar-filter-area")
                options=options(&data.focus_areas)
                value=data.focus_area.clone().unwrap_or_default()
            />
            <SelectField
                name="sted"
                label=t("calendar-filter-venue")
                options=options(&data.venues)
                value=data.venue.clone().unwrap_or_default()
            />
            <button type="submit" class="button button--secondary">
                {t("calendar-filter-submit")}
            </button>
        </form>
    }
}

/// The occurrences that start on `day`.
fn on_day(data: &CalendarData, day: NaiveDate) -> Vec<Occurrence> {
    let on_day = |occurrence: &&Occurrence| occurrence.starts.date() == day;
    data.occurrences.iter().filter(on_day).cloned().collect()
}

/// Days with their occurrences (the list and week views); empty days are left out of the
/// list and shown as empty in a week.
#[component]
fn DayList(data: CalendarData) -> impl IntoView {
    let show_empty = matches!(data.view, View::Week { .. });
    let mut days = Vec::new();
    let mut day = data.from;
    while day <= data.to {
        let todays = on_day(&data, day);
        if show_empty || !todays.is_empty() {
            days.push((day, todays));
        }
        day += Duration::days(1);
    }
    if days.is_empty() {
        return view! { <p>{t("calendar-nothing")}</p> }.into_any();
    }
    let today = data.today;
    days.into_iter()
        .map(|(day, occurrences)| {
            let heading = if day == today {
                format!("{} – {}", t("calendar-today"), long_date(day))
            } else {
                long_date(day)
            };
            let list = if occurrences.is_empty() {
                view! { <p class="muted">{t("calendar-day-empty")}</p> }.into_any()
            } else {
                let items = occurrences
                    .into_iter()
                    .map(|occurrence| view! { <DateCard occurrence nested=true /> })
                    .collect_view();
                view! { <ul class="date-cards">{items}</ul> }.into_any()
            };
            view! {
                <section class="day">
                    <h3 class="day__heading">{heading}</h3>
                    {list}
                </section>
            }
        })
        .collect_view()
        .into_any()
}

/// A month as a table of weeks (Monday first); on a phone the stylesheet turns it into a list of
/// the days that have something on.
#[component]
fn MonthGrid(data: CalendarData) -> impl IntoView {
    let first = data.from;
    let start = first - Duration::days(i64::from(first.weekday().num_days_from_monday()));
    let mut weeks = Vec::new();
    let mut day = start;
    while day <= data.to {
        let mut week = Vec::new();
        for _ in 0..7 {
            week.push(day);
            day += Duration::days(1);
        }
        weeks.push(week);
    }
    let headers = (0..7)
        .map(|offset| {
            let name = weekday_name((start + Duration::days(offset)).weekday());
            view! { <th scope="col">{name}</th> }
        })
        .collect_view();
    let rows = weeks
        .into_iter()
        .map(|week| {
            let cells = week
                .into_iter()
                .map(|day| {
                    let inside = (data.from..=data.to).contains(&day);
                    let todays = on_day(&data, day);
                    let empty = todays.is_empty();
                    let label = long_date(day);
                    let items = todays
                        .into_iter()
                        .map(|occurrence| view! { <OccurrenceLine occurrence /> })
                        .collect_view();
                    view! {
                        <td
                            class="month__day"
                            class:month__day--outside=!inside
                            class:month__day--empty=empty
                            class:month__day--today=day == data.today
                        >
                            {inside
                                .then(|| {
                                    view! {
                                        <span class="month__date" aria-hidden="true">{day.day()}</span>
                                        <span class="month__label">{label.clone()}</span>
                                    }
                                })}
                            {(!empty).then(|| view! { <ul class="occurrences">{items}</ul> })}
                        </td>
                    }
                    .into_any()
                })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();
    let nothing = data
        .occurrences
        .is_empty()
        .then(|| view! { <p>{t("calendar-nothing")}</p> });
    view! {
        {nothing}
        <table class="month">
            <caption class="visually-hidden">{t("calendar-month-caption")}</caption>
            <thead>
                <tr>{headers}</tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// The facts of an activity: where, price, sign-up, accessibility, contact. What staff wrote
/// is marked as Danish; how to sign up is the page's own text.
#[component]
fn ActivityFacts(activity: Activity) -> impl IntoView {
    let fact = |label: String, value: String| {
        (!value.is_empty()).then(|| {
            view! {
                <dt>{label}</dt>
                <dd lang=content_lang() dir=content_dir()>
                    {value}
                </dd>
            }
        })
    };
    let venue = activity.venue.clone().map(|venue| {
        let text = if venue.address.is_empty() {
            venue.name
        } else {
            format!("{}, {}", venue.name, venue.address)
        };
        view! {
            <dt>{t("activity-venue")}</dt>
            <dd lang=content_lang() dir=content_dir()>
                {text}
            </dd>
        }
    });
    let access = [
        activity
            .venue
            .as_ref()
            .map(|venue| venue.accessibility.clone())
            .unwrap_or_default(),
        activity.accessibility_note.clone(),
    ]
    .into_iter()
    .filter(|text| !text.is_empty())
    .collect::<Vec<_>>()
    .join(" ");
    let signup = match activity.signup_mode {
        SignupMode::None => t("signup-none"),
        SignupMode::Optional => t("signup-optional"),
        SignupMode::Required => t("signup-required"),
    };
    view! {
        <dl class="facts">
            // The focus area is the staff's word for where an activity reports; residents
            // find activities by it in the calendar's filter ("Emne"), not on the activity.
            {venue} {fact(t("activity-price"), activity.price_note)} <dt>{t("activity-signup")}</dt>
            <dd>{signup}</dd> {fact(t("activity-accessibility"), access)}
            {fact(t("activity-contact"), activity.contact)}
        </dl>
    }
}

/// `/aktiviteter/{slug}`.
#[component]
pub fn ActivityPage() -> impl IntoView {
    let slug = use_params_map()
        .get_untracked()
        .get("slug")
        .unwrap_or_default();
    let data = OnceResource::new_blocking(load_activity(slug));
    view! { <Loaded data show=or_not_found(|data| view! { <ActivityDetails data /> }) /> }
}

/// The summary staff wrote in the reader's language, above the activity's own (Danish) text.
#[component]
fn Summary(summary: Option<String>) -> impl IntoView {
    summary.map(|summary| {
        view! {
            <section class="summary" aria-labelledby="kort-fortalt">
                <h2 id="kort-fortalt">{t("activity-summary-heading")}</h2>
                <p>{summary}</p>
            </section>
        }
    })
}

#[component]
fn ActivityDetails(data: ActivityData) -> impl IntoView {
    let activity = data.activity;
    let feed = format!("/aktiviteter/{}.ics", activity.slug);
    let upcoming = if data.upcoming.is_empty() {
        view! { <p>{t("activity-no-dates")}</p> }.into_any()
    } else {
        let items = data
            .upcoming
            .into_iter()
            .map(|occurrence| view! { <DateCard occurrence of_activity=true /> })
            .collect_view();
        view! { <ul class="date-cards date-cards--dates">{items}</ul> }.into_any()
    };
    let when = lang_day_and_time(
        lang(),
        data.rule_text,
        time_span(activity.start_time, activity.end_time),
    );
    let path = format!("/aktiviteter/{}", activity.slug);
    // The description in the reader's language where staff wrote one, else the activity's own.
    let description = description_of(match &data.summary {
        Some(summary) => summary,
        None if activity.description.trim().is_empty() => &when,
        None => &activity.description,
    });
    view! {
        <Title text=activity.name.clone() />
        <ShareMeta
            title=activity.name.clone()
            description
            path=path.clone()
            image=Some(ShareImage::of(&activity.picture))
        />
        <h1 lang=content_lang() dir=content_dir()>
            {activity.name.clone()}
        </h1>
        <p class="lead">{when}</p>
        <ActivityPicture
            picture=activity.picture.clone()
            sizes="(min-width: 45em) 40rem, 100vw"
            eager=true
            class="activity-picture"
        />
        <Summary summary=data.summary />
        {paragraphs(&activity.description, "")}
        <ActivityFacts activity=activity.clone() />
        <h2>{t("activity-dates")}</h2>
        {upcoming}
        <p>
            <a href=feed class="button button--secondary">
                {t("activity-feed")}
            </a>
        </p>
        <ShareLinks title=activity.name.clone() path />
    }
}

/// `/aktiviteter/{slug}/{date}`: one date of an activity, with "add to my calendar".
#[component]
pub fn OccurrencePage() -> impl IntoView {
    let params = use_params_map().get_untracked();
    let slug = params.get("slug").unwrap_or_default();
    let date = params.get("date").unwrap_or_default();
    let data = OnceResource::new_blocking(load_occurrence(slug, date));
    view! { <Loaded data show=or_refused(|data| view! { <OccurrenceDetails data /> }) /> }
}

#[component]
fn OccurrenceDetails(data: OccurrenceData) -> impl IntoView {
    let OccurrenceData {
        activity,
        occurrence,
        seats_left,
        open_for_signup,
        summary,
    } = data;
    // A sign-up posted after the form was taken away (the date has started or was cancelled
    // meanwhile) comes back here with its message and no form.
    let signup = if open_for_signup {
        let (activity, occurrence) = (activity.clone(), occurrence.clone());
        view! { <SignupForm activity occurrence seats_left /> }.into_any()
    } else {
        view! { <ErrorSummary feedback=feedback_for("signup") /> }.into_any()
    };
    let day = long_date(occurrence.starts.date());
    let title = format!("{} – {}", activity.name, day);
    let when = when(
        occurrence.starts.date(),
        occurrence.starts.time(),
        occurrence.ends.time(),
    );
    let status = match occurrence.status {
        Status::Cancelled => Some(view! {
            <div class="alert" role="note">
                <p>
                    <strong>{t("occurrence-cancelled-long")}</strong>
                </p>
                {(!occurrence.reason.is_empty())
                    .then(|| view! { <p>{occurrence.reason.clone()}</p> })}
            </div>
        }),
        Status::Moved => Some(view! {
            <div class="alert" role="note">
                <p>
                    <strong>
                        {t_with(
                            "occurrence-moved-long",
                            &[("date", long_date(occurrence.key.date))],
                        )}
                    </strong>
                </p>
                {(!occurrence.reason.is_empty())
                    .then(|| view! { <p>{occurrence.reason.clone()}</p> })}
            </div>
        }),
        Status::Scheduled | Status::Extra => None,
    };
    let add = view! { <AddToCalendar occurrence=occurrence.clone() /> };
    let activity_href = format!("/aktiviteter/{}", activity.slug);
    let path = occurrence.key.path();
    // What the date is first (when and where), then what the activity is.
    let place = occurrence
        .venue
        .as_ref()
        .map(|venue| format!(" · {venue}"))
        .unwrap_or_default();
    let about = summary
        .clone()
        .unwrap_or_else(|| activity.description.clone());
    let description = description_of(&format!("{when}{place}. {about}"));
    let mut counted = occurrence.clone();
    counted.taken = seats_left
        .zip(activity.capacity)
        .map(|(left, capacity)| capacity - left)
        .unwrap_or_default();
    let seats = counted.seats();
    view! {
        <Title text=title.clone() />
        <ShareMeta
            title
            description
            path=path.clone()
            image=Some(ShareImage::of(&activity.picture))
        />
        <h1 lang=content_lang() dir=content_dir()>
            {activity.name.clone()}
        </h1>
        <p class="lead">{when}</p>
        <p>
            <SeatsChip seats />
        </p>
        <ActivityPicture
            picture=activity.picture.clone()
            sizes="(min-width: 45em) 40rem, 100vw"
            eager=true
            class="activity-picture"
        />
        {status}
        {add}
        <Summary summary />
        {paragraphs(&activity.description, "")}
        <ActivityFacts activity=activity.clone() />
        {signup}
        <ShareLinks
            title=format!("{} – {}", activity.name, long_date(occurrence.starts.date()))
            path
        />
        <p>
            <a href=activity_href>{t("occurrence-all-dates")}</a>
        </p>
    }
}
