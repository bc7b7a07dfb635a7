//! Server functions behind the calendar's pages. The views are chosen by the address
//! (`?maaned=2026-12`, `?uge=2026-W49`, or the list of the coming weeks), and every period is
//! worked out on the server in Danish local time.

use chrono::NaiveDate;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::{Activity, Exception, Occurrence};
use crate::{address::DateWindow, visible::Visible};

/// The view of the calendar an address asks for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum View {
    /// The coming weeks, day by day.
    List,
    /// A month: its year and month (1–12).
    Month { year: i32, month: u32 },
    /// An ISO week: its year and number.
    Week { year: i32, week: u32 },
}

/// What the calendar's address asks for, as typed (it is checked on the server).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarQuery {
    pub maaned: Option<String>,
    pub uge: Option<String>,
    pub omraade: Option<String>,
    pub sted: Option<String>,
}

/// A choice in a filter: slug and name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub slug: String,
    pub name: String,
}

/// One period of the calendar with its occurrences.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarData {
    pub view: View,
    pub today: NaiveDate,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub occurrences: Vec<Occurrence>,
    pub focus_areas: Vec<Choice>,
    pub venues: Vec<Choice>,
    /// The filters in force (slugs that exist).
    pub focus_area: Option<String>,
    pub venue: Option<String>,
}

/// How many days the list view shows.
pub const LIST_DAYS: i64 = 28;

/// Works out the view and its first and last day from the address: a month or a week that
/// touches the window of dates an address may name (see [`DateWindow`]), or the list of the
/// coming weeks when neither is asked for. None for a month or week that does not read or lies
/// outside the window: that address names no page.
pub fn period(query: &CalendarQuery, today: NaiveDate) -> Option<(View, NaiveDate, NaiveDate)> {
    use chrono::Datelike;
    let window = DateWindow::around(today);
    fn asked(value: &Option<String>) -> Option<&str> {
        value.as_deref().filter(|text| !text.is_empty())
    }
    if let Some(text) = asked(&query.maaned) {
        let month = window.month(text)?;
        let view = View::Month {
            year: month.first.year(),
            month: month.first.month(),
        };
        return Some((view, month.first, month.last));
    }
    if let Some(text) = asked(&query.uge) {
        let week = window.week(text)?;
        let view = View::Week {
            year: week.year,
            week: week.week,
        };
        return Some((view, week.monday, week.sunday));
    }
    let last = today.checked_add_days(chrono::Days::new(LIST_DAYS as u64 - 1))?;
    Some((View::List, today, last))
}

/// The calendar for an address; None for a period outside the window (the 404 page).
#[server(endpoint = "kalender")]
pub async fn load_calendar(query: CalendarQuery) -> Result<Option<CalendarData>, ServerFnError> {
    use super::occurrences::Filter;
    use crate::errors::{db_from_context, internal};
    let db = db_from_context()?;
    let today = crate::clock::today();
    let Some((view, from, to)) = period(&query, today) else {
        return Ok(None);
    };
    let focus_areas: Vec<Choice> = db
        .site()
        .list_focus_areas()
        .await
        .map_err(internal)?
        .into_iter()
        .map(|area| Choice {
            slug: area.slug,
            name: area.name,
        })
        .collect();
    let venues: Vec<Choice> = db
        .site()
        .list_venues()
        .await
        .map_err(internal)?
        .into_iter()
        .map(|venue| Choice {
            slug: venue.slug,
            name: venue.name,
        })
        .collect();
    let known = |wanted: &Option<String>, choices: &[Choice]| {
        wanted
            .clone()
            .filter(|slug| choices.iter().any(|choice| &choice.slug == slug))
    };
    let filter = Filter {
        focus_area: known(&query.omraade, &focus_areas),
        venue: known(&query.sted, &venues),
    };
    let mut occurrences = db
        .calendar()
        .occurrences_between(from, to, &filter)
        .await
        .map_err(internal)?;
    // The month's grid shows no seats; the list and the week show them on every card.
    if !matches!(view, View::Month { .. }) {
        super::service::count_seats(&db, &mut occurrences)
            .await
            .map_err(internal)?;
    }
    Ok(Some(CalendarData {
        view,
        today,
        from,
        to,
        occurrences,
        focus_areas,
        venues,
        focus_area: filter.focus_area,
        venue: filter.venue,
    }))
}

/// An activity with its coming dates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityData {
    pub activity: Activity,
    pub upcoming: Vec<Occurrence>,
    /// The rule in the page's language, e.g. "Hver tirsdag".
    pub rule_text: String,
    /// The summary staff wrote for the readers of the page's language, if any.
    pub summary: Option<String>,
}

/// How many coming dates an activity page lists.
#[cfg(feature = "ssr")]
const UPCOMING: usize = 12;

/// The activity page's data; None if there is no such activity.
#[server(endpoint = "aktivitet")]
pub async fn load_activity(slug: String) -> Result<Option<ActivityData>, ServerFnError> {
    use crate::errors::{db_from_context, internal};
    let db = db_from_context()?;
    let calendar = db.calendar();
    let found = calendar.activity_by_slug(&slug).await.map_err(internal)?;
    let Some(activity) = found else {
        return Ok(None);
    };
    let exceptions = calendar
        .exceptions_of(activity.id)
        .await
        .map_err(internal)?;
    let today = crate::clock::today();
    let mut upcoming = super::occurrences::occurrences_of(
        &activity,
        &exceptions,
        today,
        today + chrono::Duration::days(366),
    );
    upcoming.truncate(UPCOMING);
    super::service::count_seats(&db, &mut upcoming)
        .await
        .map_err(internal)?;
    let rule_text = super::describe_rule(&activity);
    let summary = summary_for_the_reader(&db, activity.id).await?;
    Ok(Some(ActivityData {
        activity,
        upcoming,
        rule_text,
        summary,
    }))
}

/// What an occurrence's page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OccurrenceData {
    pub activity: Activity,
    pub occurrence: Occurrence,
    /// Seats left (persons), if the activity has a capacity.
    pub seats_left: Option<i64>,
    /// Whether residents can sign up now: sign-up is on, the date is not cancelled or past.
    pub open_for_signup: bool,
    /// The summary staff wrote for the readers of the page's language, if any.
    pub summary: Option<String>,
}

/// The activity's summary for the readers of the page's language; none for Danish, whose
/// readers read the activity's own text.
#[cfg(feature = "ssr")]
async fn summary_for_the_reader(
    db: &crate::db::Db,
    activity_id: i64,
) -> Result<Option<String>, ServerFnError> {
    let lang = crate::i18n::lang();
    if lang == crate::i18n::Lang::DA {
        return Ok(None);
    }
    db.calendar()
        .activity_summary(activity_id, lang)
        .await
        .map_err(crate::errors::internal)
}

/// The occurrence page's data, as `service::occurrence_at` loads the date.
#[server(endpoint = "forekomst")]
pub async fn load_occurrence(
    slug: String,
    date: String,
) -> Result<Visible<OccurrenceData>, ServerFnError> {
    use crate::errors::{db_from_context, internal, visible};
    let db = db_from_context()?;
    let found = super::service::occurrence_at(&db, &slug, &date, crate::clock::today()).await;
    let (activity, occurrence) = match found {
        Ok(found) => found,
        Err(refused) => return visible::<OccurrenceData>(Err(refused)),
    };
    let date = occurrence.key.date;
    let seats_left = match activity.capacity {
        Some(capacity) => {
            let taken = db
                .signups()
                .confirmed_persons(activity.id, date)
                .await
                .map_err(internal)?;
            Some((capacity - taken).max(0))
        }
        None => None,
    };
    let open_for_signup = occurrence.open_for_signup(crate::clock::local(crate::clock::now()));
    let summary = summary_for_the_reader(&db, activity.id).await?;
    Ok(Visible::Shown(OccurrenceData {
        activity,
        occurrence,
        seats_left,
        open_for_signup,
        summary,
    }))
}

/// What happens from today to Sunday (and, late in the week, the next week too), for the front
/// page.
#[server(endpoint = "denne-uge")]
pub async fn load_this_week() -> Result<Vec<Occurrence>, ServerFnError> {
    use crate::errors::{db_from_context, internal};
    use chrono::Datelike;
    let now = crate::clock::now();
    let today = crate::clock::local_date(now);
    let days_left = 6 - i64::from(today.weekday().num_days_from_monday());
    let to = today + chrono::Duration::days(days_left.max(3));
    let now = crate::clock::local(now);
    let db = db_from_context()?;
    let occurrences = db
        .calendar()
        .occurrences_between(today, to, &Default::default())
        .await
        .map_err(internal)?;
    let mut occurrences: Vec<Occurrence> = occurrences
        .into_iter()
        .filter(|occurrence| occurrence.ends >= now)
        .collect();
    super::service::count_seats(&db, &mut occurrences)
        .await
        .map_err(internal)?;
    Ok(occurrences)
}

/// An activity and its exceptions, for the staff's edit page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffActivity {
    pub activity: Activity,
    pub exceptions: Vec<Exception>,
    /// The form's fields filled in from the activity.
    pub form: crate::forms::FormFeedback,
    pub rule_text: String,
    /// The dates from five weeks back to five weeks ahead, for the sign-up lists and the
    /// attendance forms.
    pub dates: Vec<Occurrence>,
}

/// The choices of the activity form: focus areas and venues by id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormChoices {
    pub focus_areas: Vec<(i64, String)>,
    pub venues: Vec<(i64, String)>,
}

/// Every activity with its rule in words, for staff.
#[server(prefix = "/personale/api", endpoint = "aktiviteter")]
pub async fn load_staff_activities() -> Result<Vec<(Activity, String)>, ServerFnError> {
    use crate::errors::{db_from_context, internal};
    crate::accounts::api::require(crate::accounts::Role::Staff)?;
    let activities = db_from_context()?
        .calendar()
        .list_activities()
        .await
        .map_err(internal)?;
    Ok(activities
        .into_iter()
        .map(|activity| {
            let rule = super::describe_rule(&activity);
            (activity, rule)
        })
        .collect())
}

/// One activity with its exceptions and the form's choices, for staff, as
/// `service::activity` loads it; None for a new one.
#[server(prefix = "/personale/api", endpoint = "aktivitet")]
pub async fn load_staff_activity(
    id: Option<i64>,
) -> Result<Visible<(Option<StaffActivity>, FormChoices)>, ServerFnError> {
    use crate::errors::{db_from_context, internal, visible};
    crate::accounts::api::require(crate::accounts::Role::Staff)?;
    let db = db_from_context()?;
    let activity = match id {
        Some(id) => match super::service::activity(&db, id).await {
            Ok(activity) => Some(activity),
            Err(refused) => {
                return visible::<(Option<StaffActivity>, FormChoices)>(Err(refused));
            }
        },
        None => None,
    };
    // The current plan period's areas, and the activity's own if it is of an earlier one.
    let keep = activity
        .as_ref()
        .and_then(|activity| activity.focus_area.as_ref())
        .map(|area| area.id);
    let year = chrono::Datelike::year(&crate::clock::today());
    let choices = FormChoices {
        focus_areas: db
            .site()
            .current_focus_area_choices(year, keep)
            .await
            .map_err(internal)?,
        venues: db.site().venue_choices().await.map_err(internal)?,
    };
    let Some(activity) = activity else {
        return Ok(Visible::Shown((None, choices)));
    };
    let id = activity.id;
    let exceptions = db.calendar().exceptions_of(id).await.map_err(internal)?;
    let mut form = super::service::ActivityForm::from_activity(&activity).feedback();
    for (lang, summary) in db
        .calendar()
        .activity_summaries(id)
        .await
        .map_err(internal)?
    {
        form.keep(&super::summary_field(lang), &summary);
    }
    let rule_text = super::describe_rule(&activity);
    let today = crate::clock::today();
    let dates = super::occurrences::occurrences_of(
        &activity,
        &exceptions,
        today - chrono::Duration::weeks(5),
        today + chrono::Duration::weeks(5),
    );
    Ok(Visible::Shown((
        Some(StaffActivity {
            activity,
            exceptions,
            form,
            rule_text,
            dates,
        }),
        choices,
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_address_chooses_the_period() {
        let today = date(2026, 11, 26);
        let query = |maaned: Option<&str>, uge: Option<&str>| CalendarQuery {
            maaned: maaned.map(str::to_owned),
            uge: uge.map(str::to_owned),
            ..Default::default()
        };
        assert_eq!(
            period(&query(Some("2026-12"), None), today),
            Some((
                View::Month {
                    year: 2026,
                    month: 12
                },
                date(2026, 12, 1),
                date(2026, 12, 31)
            ))
        );
        assert_eq!(
            period(&query(Some("2027-02"), None), today).map(|period| period.2),
            Some(date(2027, 2, 28))
        );
        assert_eq!(
            period(&query(None, Some("2026-W49")), today),
            Some((
                View::Week {
                    year: 2026,
                    week: 49
                },
                date(2026, 11, 30),
                date(2026, 12, 6)
            ))
        );
        assert_eq!(
            period(&query(None, None), today),
            Some((View::List, today, date(2026, 12, 23)))
        );
        assert_eq!(
            period(&query(Some(""), Some("")), today).map(|period| period.0),
            Some(View::List)
        );
    }

    #[test]
    fn a_period_outside_the_window_names_no_page() {
        let today = date(2026, 11, 26);
        let query = |maaned: Option<&str>, uge: Option<&str>| CalendarQuery {
            maaned: maaned.map(str::to_owned),
            uge: uge.map(str::to_owned),
            ..Default::default()
        };
        for maaned in [
            "2026-13",
            "9999-12",
            "2032-01",
            "2021-10",
            "262143-12",
            "maj",
        ] {
            assert_eq!(period(&query(Some(maaned), None), today), None, "{maaned}");
        }
        for uge in ["uge", "262143-W01", "2026-W54", "2032-W01", "-262144-W01"] {
            assert_eq!(period(&query(None, Some(uge)), today), None, "{uge}");
        }
        assert!(period(&query(Some("2031-11"), None), today).is_some());
        assert!(period(&query(None, Some("2021-W47")), today).is_some());
    }
}
