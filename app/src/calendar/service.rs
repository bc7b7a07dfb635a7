//! What the staff's activity forms do: read the posted fields, check them with a Danish message
//! per field, and write the activity, its rule or an exception; and the loader of a date by its
//! address.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc, Weekday};
use serde::Deserialize;

use super::{
    queries::NewActivity,
    recurrence::{is_scheduled, Ends, Repeat, Rule},
    summary_field, Activity, ActivityKind, ExceptionKind, Occurrence, OccurrenceKey, SignupMode,
    MAX_PARTY_CEILING, WEEKDAY_CODES,
};
use crate::{address::DateWindow, db::Db, errors::Refusal, forms::FormFeedback, i18n::Lang};

/// The activity form as posted. Every field is text, so nothing typed is lost on the way back.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ActivityForm {
    /// Posted as `activity_name`: a form control named `name` would hide the form's own `name`.
    #[serde(rename = "activity_name")]
    pub name: String,
    pub slug: String,
    pub description: String,
    pub focus_area: String,
    pub venue: String,
    pub starts_on: String,
    pub start_time: String,
    pub end_time: String,
    /// "once", "weekly" or "monthly".
    pub repeat: String,
    pub interval: String,
    /// The ticked weekdays by their RFC 5545 codes (the checkbox `dag` repeats once per day).
    pub dag: Vec<String>,
    /// 1–4 or -1 (last).
    pub nth: String,
    pub month_day: String,
    /// "never", "until" or "count".
    pub ends: String,
    pub until: String,
    pub count: String,
    pub capacity: String,
    /// The most persons one sign-up may hold.
    pub max_party: String,
    pub signup_mode: String,
    pub price_note: String,
    pub accessibility_note: String,
    pub contact: String,
    /// A short summary for the readers of each other language: one text area `summary` per
    /// language, each after a hidden `summary_lang` with its code, so a new language needs no
    /// new field.
    pub summary: Vec<String>,
    pub summary_lang: Vec<String>,
    /// The kind of activity (`ActivityKind::as_str`): the illustration shown without a photo.
    pub kind: String,
    /// The photo's description, for those who cannot see it.
    pub cover_alt: String,
    /// Ticked to remove the photo.
    #[serde(deserialize_with = "crate::forms::ticked")]
    pub remove_cover: bool,
    /// The uploaded photo, if one was chosen (the handler fills it in from the upload).
    #[serde(skip)]
    pub cover_file: Option<crate::images::Processed>,
}

impl crate::images::CoverForm for ActivityForm {
    fn set_cover(&mut self, file: Option<crate::images::Processed>) {
        self.cover_file = file;
    }

    fn kept(&self) -> FormFeedback {
        self.feedback()
    }
}

/// The longest summary of an activity in another language: a few sentences.
pub const MAX_SUMMARY: usize = 600;

impl ActivityForm {
    /// The summaries as posted, by language; texts for codes that are no language of the site
    /// are left out.
    fn summaries(&self) -> Vec<(Lang, &str)> {
        self.summary_lang
            .iter()
            .zip(&self.summary)
            .filter_map(|(code, text)| Some((Lang::from_code(code)?, text.as_str())))
            .filter(|(lang, _)| *lang != Lang::DA)
            .collect()
    }

    fn days(&self) -> Vec<(&'static str, Weekday)> {
        WEEKDAY_CODES
            .iter()
            .filter(|(code, _)| self.dag.iter().any(|ticked| ticked == code))
            .copied()
            .collect()
    }

    /// The form filled in from a stored activity.
    pub fn from_activity(activity: &super::Activity) -> Self {
        let rule = Rule::parse(&activity.rule).unwrap_or_else(Rule::once);
        let mut form = ActivityForm {
            name: activity.name.clone(),
            slug: activity.slug.clone(),
            description: activity.description.clone(),
            focus_area: activity
                .focus_area
                .as_ref()
                .map(|area| area.id.to_string())
                .unwrap_or_default(),
            venue: activity
                .venue
                .as_ref()
                .map(|venue| venue.id.to_string())
                .unwrap_or_default(),
            starts_on: activity.starts_on.to_string(),
            start_time: activity.start_time.format("%H:%M").to_string(),
            end_time: activity.end_time.format("%H:%M").to_string(),
            repeat: "once".into(),
            interval: "1".into(),
            nth: "1".into(),
            month_day: "MO".into(),
            ends: "never".into(),
            capacity: activity.capacity.map(|c| c.to_string()).unwrap_or_default(),
            max_party: activity.max_party.to_string(),
            signup_mode: activity.signup_mode.as_str().into(),
            price_note: activity.price_note.clone(),
            accessibility_note: activity.accessibility_note.clone(),
            contact: activity.contact.clone(),
            kind: activity.picture.kind.as_str().into(),
            cover_alt: activity.picture.alt.clone(),
            ..Default::default()
        };
        match rule.repeat {
            Repeat::Once => {}
            Repeat::Weekly { interval, days } => {
                form.repeat = "weekly".into();
                form.interval = interval.to_string();
                form.dag = WEEKDAY_CODES
                    .iter()
                    .filter(|(_, weekday)| days.contains(weekday))
                    .map(|(code, _)| (*code).to_owned())
                    .collect();
            }
            Repeat::Monthly { nth, day } => {
                form.repeat = "monthly".into();
                form.nth = nth.to_string();
                form.month_day = WEEKDAY_CODES
                    .iter()
                    .find(|(_, weekday)| *weekday == day)
                    .map(|(code, _)| (*code).to_owned())
                    .unwrap_or_default();
            }
        }
        match rule.ends {
            Ends::Never => {}
            Ends::Until(date) => {
                form.ends = "until".into();
                form.until = date.to_string();
            }
            Ends::Count(count) => {
                form.ends = "count".into();
                form.count = count.to_string();
            }
        }
        form
    }

    /// What the form shows again after a refused post.
    pub fn feedback(&self) -> FormFeedback {
        let mut feedback = FormFeedback::for_form("activity");
        let days: Vec<&str> = self.days().iter().map(|(code, _)| *code).collect();
        for (field, value) in [
            ("activity_name", &self.name),
            ("slug", &self.slug),
            ("description", &self.description),
            ("focus_area", &self.focus_area),
            ("venue", &self.venue),
            ("starts_on", &self.starts_on),
            ("start_time", &self.start_time),
            ("end_time", &self.end_time),
            ("repeat", &self.repeat),
            ("interval", &self.interval),
            ("nth", &self.nth),
            ("month_day", &self.month_day),
            ("ends", &self.ends),
            ("until", &self.until),
            ("count", &self.count),
            ("capacity", &self.capacity),
            ("max_party", &self.max_party),
            ("signup_mode", &self.signup_mode),
            ("price_note", &self.price_note),
            ("accessibility_note", &self.accessibility_note),
            ("contact", &self.contact),
            ("kind", &self.kind),
            ("cover_alt", &self.cover_alt),
        ] {
            feedback.keep(field, value);
        }
        feedback.keep("dag", &days.join(","));
        for (lang, text) in self.summaries() {
            feedback.keep(&summary_field(lang), text);
        }
        feedback
    }
}

/// The activity and date of `/aktiviteter/{slug}/{date}`: [`Refusal::NotFound`] when the date
/// does not read, lies outside the window of dates an address may name around `today`, or is
/// not one of the activity's. The date's page and the sign-up form load it here.
pub async fn occurrence_at(
    db: &Db,
    slug: &str,
    date: &str,
    today: NaiveDate,
) -> Result<(Activity, Occurrence), Refusal> {
    let date = DateWindow::around(today)
        .date(date)
        .ok_or(Refusal::NotFound)?;
    let key = OccurrenceKey {
        activity_slug: slug.to_owned(),
        date,
    };
    db.calendar()
        .occurrence_by_key(&key)
        .await?
        .ok_or(Refusal::NotFound)
}

/// Counts the persons with a seat on each of `occurrences` (into `Occurrence::taken`), in one
/// query for the whole period, so a list can say of each date how many seats are free.
pub async fn count_seats(db: &Db, occurrences: &mut [Occurrence]) -> Result<(), sqlx::Error> {
    let counted = occurrences
        .iter()
        .filter(|occurrence| occurrence.capacity.is_some() && !occurrence.is_cancelled())
        .map(|occurrence| occurrence.key.date);
    let (Some(from), Some(to)) = (counted.clone().min(), counted.max()) else {
        return Ok(());
    };
    let taken = db.signups().confirmed_persons_between(from, to).await?;
    for occurrence in occurrences {
        if let Some(persons) = taken.get(&(occurrence.activity_id, occurrence.key.date)) {
            occurrence.taken = *persons;
        }
    }
    Ok(())
}

/// Activity `id` for the staff's pages: [`Refusal::NotFound`] when there is none. The
/// activity's page and its exception form load it here.
pub async fn activity(db: &Db, id: i64) -> Result<Activity, Refusal> {
    db.calendar()
        .activity_by_id(id)
        .await?
        .ok_or(Refusal::NotFound)
}

/// The date `date` of activity `activity_id`, for the staff's pages of a date:
/// [`Refusal::NotFound`] when it lies outside the window of dates an address may name around
/// `today` or is not one of the activity's. The staff's date page and its forms load it here.
pub async fn dated_occurrence(
    db: &Db,
    activity_id: i64,
    date: NaiveDate,
    today: NaiveDate,
) -> Result<(Activity, Occurrence), Refusal> {
    if !DateWindow::around(today).contains(date) {
        return Err(Refusal::NotFound);
    }
    db.calendar()
        .occurrence_by_activity(activity_id, date)
        .await?
        .ok_or(Refusal::NotFound)
}

/// A slug from a name: lower case, Danish letters written out (æ → ae, ø → oe, å → aa), other
/// letters without accents, and hyphens between words.
pub fn slugify(name: &str) -> String {
    let mut slug = String::new();
    for c in name.trim().to_lowercase().chars() {
        let piece = match c {
            'æ' => "ae",
            'ø' => "oe",
            'å' => "aa",
            'é' | 'è' | 'ê' | 'ë' => "e",
            'á' | 'à' | 'â' | 'ä' => "a",
            'ö' | 'ó' | 'ò' | 'ô' => "o",
            'ü' | 'ú' | 'ù' | 'û' => "u",
            'í' | 'ì' | 'î' | 'ï' => "i",
            c if c.is_ascii_alphanumeric() => {
                slug.push(c);
                continue;
            }
            _ => "-",
        };
        slug.push_str(piece);
    }
    slug.split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

fn parse_time(text: &str) -> Option<NaiveTime> {
    let text = text.trim().replace('.', ":");
    NaiveTime::parse_from_str(&text, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(&text, "%H:%M:%S"))
        .ok()
}

/// Checks the form and turns it into an activity (and the variants of a newly uploaded photo,
/// stored by [`save_activity`] only when everything else is right too), or a feedback with a
/// message per field. `existing` is the activity being changed, whose photo is kept unless a
/// new one replaces it or it is removed.
pub async fn check_activity(
    db: &Db,
    lang: Lang,
    form: &ActivityForm,
    existing: Option<&Activity>,
) -> Result<(NewActivity, Option<Vec<crate::images::process::Variant>>), Refusal> {
    let editing = existing.map(|activity| activity.id);
    let mut feedback = form.feedback();
    let name = form.name.trim();
    if name.is_empty() {
        feedback.error("activity_name", lang.text("activity-name-missing"));
    }
    let slug = if form.slug.trim().is_empty() {
        slugify(name)
    } else {
        slugify(&form.slug)
    };
    if !name.is_empty() && slug.is_empty() {
        feedback.error("slug", lang.text("activity-slug-invalid"));
    } else if !slug.is_empty() && db.calendar().activity_slug_taken(&slug, editing).await? {
        feedback.error("slug", lang.text("activity-slug-taken"));
    }
    let id_of = |text: &str| text.trim().parse::<i64>().ok();
    let starts_on = parse_date(&form.starts_on);
    if starts_on.is_none() {
        feedback.error("starts_on", lang.text("date-invalid"));
    }
    let start = parse_time(&form.start_time);
    if start.is_none() {
        feedback.error("start_time", lang.text("time-invalid"));
    }
    let end = parse_time(&form.end_time);
    match (start, end) {
        (_, None) => {
            feedback.error("end_time", lang.text("time-invalid"));
        }
        (Some(start), Some(end)) if end <= start => {
            feedback.error("end_time", lang.text("time-end-before-start"));
        }
        _ => {}
    }
    let number = |text: &str| text.trim().parse::<u32>().ok();
    let repeat = match form.repeat.as_str() {
        "weekly" => Some(Repeat::Weekly {
            interval: number(&form.interval).unwrap_or(0),
            days: form.days().into_iter().map(|(_, day)| day).collect(),
        }),
        "monthly" => {
            let day = WEEKDAY_CODES
                .iter()
                .find(|(code, _)| *code == form.month_day)
                .map(|(_, day)| *day);
            match (form.nth.trim().parse::<i8>().ok(), day) {
                (Some(nth), Some(day)) => Some(Repeat::Monthly { nth, day }),
                _ => {
                    feedback.error("nth", lang.text("rule-bad-nth"));
                    None
                }
            }
        }
        _ => Some(Repeat::Once),
    };
    let ends = match form.ends.as_str() {
        "until" => match parse_date(&form.until) {
            Some(date) => Some(Ends::Until(date)),
            None => {
                feedback.error("until", lang.text("date-invalid"));
                None
            }
        },
        "count" => Some(Ends::Count(number(&form.count).unwrap_or(0))),
        _ => Some(Ends::Never),
    };
    let mut rule = None;
    if let (Some(repeat), Some(ends), Some(starts_on)) = (repeat, ends, starts_on) {
        let candidate = Rule { repeat, ends };
        match candidate.problem(starts_on) {
            Some(problem) => {
                let field = match problem {
                    super::recurrence::RuleProblem::NoWeekday => "dag",
                    super::recurrence::RuleProblem::BadInterval => "interval",
                    super::recurrence::RuleProblem::BadNth => "nth",
                    super::recurrence::RuleProblem::EndsBeforeStart => "until",
                    super::recurrence::RuleProblem::BadCount => "count",
                };
                feedback.error(field, lang.text(problem.message_key()));
            }
            None => rule = Some(candidate),
        }
    }
    let capacity = match form.capacity.trim() {
        "" => None,
        text => match text.parse::<i64>() {
            Ok(capacity) if capacity > 0 => Some(capacity),
            _ => {
                feedback.error("capacity", lang.text("capacity-invalid"));
                None
            }
        },
    };
    let max_party = form
        .max_party
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|max| (1..=MAX_PARTY_CEILING).contains(max));
    if max_party.is_none() {
        feedback.error("max_party", lang.text("max-party-invalid"));
    }
    let mut summaries = Vec::new();
    for (summary_lang, text) in form.summaries() {
        let text = text.trim();
        if text.chars().count() > MAX_SUMMARY {
            feedback.error(
                &summary_field(summary_lang),
                lang.text_with_values("activity-summary-too-long", &[("max", MAX_SUMMARY.into())]),
            );
        } else if !text.is_empty() {
            summaries.push((summary_lang, text.to_owned()));
        }
    }
    let kind = match form.kind.as_str() {
        "" => Some(ActivityKind::default()),
        text => ActivityKind::parse(text),
    };
    if kind.is_none() {
        feedback.error("kind", lang.text("activity-kind-invalid"));
    }
    let kept_cover = existing
        .and_then(|activity| activity.picture.photo.as_ref())
        .filter(|_| !form.remove_cover)
        .map(|photo| photo.id);
    let (variants, kept_cover) = crate::articles::service::cover_of(
        lang,
        &form.cover_file,
        kept_cover,
        &form.cover_alt,
        &mut feedback,
    );
    let has_cover = variants.is_some() || kept_cover.is_some();
    let signup_mode = SignupMode::parse(&form.signup_mode).unwrap_or_default();
    if signup_mode == SignupMode::Required && capacity.is_none() && form.capacity.trim().is_empty()
    {
        feedback.error("capacity", lang.text("capacity-needed"));
    }
    if let (
        true,
        Some(starts_on),
        Some(start),
        Some(end),
        Some(rule),
        Some(max_party),
        Some(kind),
    ) = (
        feedback.is_ok(),
        starts_on,
        start,
        end,
        rule,
        max_party,
        kind,
    ) {
        let activity = NewActivity {
            slug,
            name: name.to_owned(),
            description: form.description.trim().to_owned(),
            focus_area_id: id_of(&form.focus_area),
            venue_id: id_of(&form.venue),
            starts_on,
            start_time: start,
            end_time: end,
            rule: rule.to_rrule(),
            capacity,
            max_party,
            signup_mode,
            price_note: form.price_note.trim().to_owned(),
            accessibility_note: form.accessibility_note.trim().to_owned(),
            contact: form.contact.trim().to_owned(),
            summaries,
            kind,
            cover_image_id: kept_cover,
            cover_alt: if has_cover {
                form.cover_alt.trim().to_owned()
            } else {
                String::new()
            },
        };
        return Ok((activity, variants));
    }
    Err(feedback.into())
}

/// The exception form as posted.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ExceptionForm {
    pub on_date: String,
    /// "cancelled", "moved" or "extra".
    pub kind: String,
    pub reason: String,
    pub new_date: String,
    pub new_start: String,
    pub new_end: String,
}

/// Checks the activity form and saves it: a new activity (`editing` None) or a change to one.
/// Returns the activity's id, or None if the activity being changed is gone.
pub async fn save_activity(
    db: &Db,
    lang: Lang,
    actor_id: i64,
    form: &ActivityForm,
    editing: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Option<i64>, Refusal> {
    let existing = match editing {
        Some(id) => match db.calendar().activity_by_id(id).await? {
            Some(activity) => Some(activity),
            None => return Ok(None),
        },
        None => None,
    };
    let (mut activity, variants) = check_activity(db, lang, form, existing.as_ref()).await?;
    if let Some(variants) = variants {
        activity.cover_image_id = Some(
            db.images()
                .save_image(Some(actor_id), &variants, now)
                .await?,
        );
    }
    let saved = match editing {
        None => db
            .calendar()
            .create_activity(Some(actor_id), &activity, now)
            .await
            .map(Some),
        Some(id) => db
            .calendar()
            .update_activity(Some(actor_id), id, &activity, now)
            .await
            .map(|found| found.then_some(id)),
    };
    // The slug was free when checked; another save may have taken it since.
    saved.map_err(|err| {
        Refusal::slug_taken_or_internal(err, || {
            let mut feedback = form.feedback();
            feedback.error("slug", lang.text("activity-slug-taken"));
            feedback
        })
    })
}

/// Deletes an exception of an activity; false if there is no such exception.
pub async fn delete_exception(
    db: &Db,
    actor_id: i64,
    activity_id: i64,
    exception_id: i64,
    now: DateTime<Utc>,
) -> Result<bool, Refusal> {
    Ok(db
        .calendar()
        .delete_exception(Some(actor_id), activity_id, exception_id, now)
        .await?)
}

/// Checks an exception against the activity and writes it.
pub async fn add_exception(
    db: &Db,
    lang: Lang,
    actor_id: i64,
    activity: &super::Activity,
    form: &ExceptionForm,
    now: DateTime<Utc>,
) -> Result<(), Refusal> {
    let mut feedback = FormFeedback::for_form("exception");
    for (field, value) in [
        ("on_date", &form.on_date),
        ("kind", &form.kind),
        ("reason", &form.reason),
        ("new_date", &form.new_date),
        ("new_start", &form.new_start),
        ("new_end", &form.new_end),
    ] {
        feedback.keep(field, value);
    }
    let on_date = parse_date(&form.on_date);
    let scheduled = on_date.map(|date| is_scheduled(activity.starts_on, &activity.rule, date));
    let time_or_usual = |text: &str, usual: NaiveTime| {
        if text.trim().is_empty() {
            Some(usual)
        } else {
            parse_time(text)
        }
    };
    let start = time_or_usual(&form.new_start, activity.start_time);
    let end = time_or_usual(&form.new_end, activity.end_time);
    if start.is_none() {
        feedback.error("new_start", lang.text("time-invalid"));
    }
    if end.is_none() {
        feedback.error("new_end", lang.text("time-invalid"));
    }
    let times = match (start, end) {
        (Some(start), Some(end)) if end > start => Some((start, end)),
        (Some(_), Some(_)) => {
            feedback.error("new_end", lang.text("time-end-before-start"));
            None
        }
        _ => None,
    };
    let kind = match (form.kind.as_str(), scheduled) {
        (_, None) => {
            feedback.error("on_date", lang.text("date-invalid"));
            None
        }
        ("cancelled", Some(true)) => Some(ExceptionKind::Cancelled),
        ("moved", Some(true)) => match (parse_date(&form.new_date), times) {
            (Some(to), Some((start, end))) => Some(ExceptionKind::Moved { to, start, end }),
            (None, _) => {
                feedback.error("new_date", lang.text("date-invalid"));
                None
            }
            _ => None,
        },
        ("cancelled" | "moved", Some(false)) => {
            feedback.error("on_date", lang.text("exception-not-scheduled"));
            None
        }
        ("extra", Some(false)) => times.map(|(start, end)| ExceptionKind::Extra { start, end }),
        ("extra", Some(true)) => {
            feedback.error("on_date", lang.text("exception-already-scheduled"));
            None
        }
        _ => {
            feedback.error("kind", lang.text("exception-kind-missing"));
            None
        }
    };
    match (kind, on_date, feedback.is_ok()) {
        (Some(kind), Some(on_date), true) => {
            db.calendar()
                .set_exception(
                    Some(actor_id),
                    activity.id,
                    on_date,
                    &kind,
                    form.reason.trim(),
                    now,
                )
                .await?;
            Ok(())
        }
        _ => Err(feedback.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticked_weekdays_are_read_from_the_repeated_checkbox() {
        let form: ActivityForm = serde_html_form::from_str("repeat=weekly&dag=TH&dag=MO").unwrap();
        assert_eq!(form.days(), [("MO", Weekday::Mon), ("TH", Weekday::Thu)]);
        assert_eq!(form.feedback().value("dag"), Some("MO,TH"));
        let none: ActivityForm = serde_html_form::from_str("repeat=weekly").unwrap();
        assert!(none.days().is_empty());
    }

    #[test]
    fn slugs_write_out_danish_letters() {
        assert_eq!(
            slugify("Fællesspisning i ParkCafeen"),
            "faellesspisning-i-parkcafeen"
        );
        assert_eq!(
            slugify("  Børnenes Højtid – Åben dag! "),
            "boernenes-hoejtid-aaben-dag"
        );
        assert_eq!(slugify("Café Noël"), "cafe-noel");
        assert_eq!(slugify("!!!"), "");
    }

    #[test]
    fn times_may_be_written_the_danish_way() {
        assert_eq!(parse_time("9.30"), NaiveTime::from_hms_opt(9, 30, 0));
        assert_eq!(parse_time("09:30"), NaiveTime::from_hms_opt(9, 30, 0));
        assert_eq!(parse_time("25:00"), None);
    }
}
