//! What the plan's forms do: check a plan period, a focus area, a measure's definition, a year's
//! values and a press entry, each with a Danish message by its field and everything typed kept,
//! and save them.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::Deserialize;

use super::{
    queries::{NewMeasure, NewPressItem},
    Measure, MeasureValue, PlanArea, PlanPeriod, PressItem, RecordedPer, PERCENT, PRESS_KINDS,
    UNITS,
};
use crate::{db::Db, errors::Refusal, forms::FormFeedback, i18n::Lang};

/// The longest name of a measure, in characters.
const MAX_NAME: usize = 200;

/// The largest value or target: a typo like 10000000 is caught.
pub const MAX_VALUE: i64 = 1_000_000;

/// The longest plan period, in years.
const LONGEST_PLAN: i64 = 10;

/// The longest goal of a focus area, in characters.
const MAX_GOAL: usize = 5000;

/// The plan period form as posted.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct PlanPeriodForm {
    /// The period's name (a field named `name` would hide the form's own property).
    pub period_name: String,
    pub first_year: String,
    pub last_year: String,
}

impl PlanPeriodForm {
    /// The form filled in from a saved period (or blank).
    pub fn feedback_from(period: Option<&PlanPeriod>) -> FormFeedback {
        let mut feedback = FormFeedback::for_form("plan-period");
        if let Some(period) = period {
            feedback
                .keep("period_name", &period.name)
                .keep("first_year", &period.first_year.to_string())
                .keep("last_year", &period.last_year.to_string());
        }
        feedback
    }
}

/// A year typed in a plan form: from 2000 to 2100.
fn plan_year(text: &str) -> Option<i64> {
    crate::address::Year::parse(text.trim()).map(|year| year.get())
}

/// Checks and saves a plan period (a new one, or `existing`); its id. Periods may not share
/// a year, so every year's report has one set of focus areas.
pub async fn save_plan_period(
    db: &Db,
    lang: Lang,
    form: &PlanPeriodForm,
    existing: Option<&PlanPeriod>,
) -> Result<i64, Refusal> {
    let mut feedback = FormFeedback::for_form("plan-period");
    feedback
        .keep("period_name", &form.period_name)
        .keep("first_year", &form.first_year)
        .keep("last_year", &form.last_year);
    let name = form.period_name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME {
        feedback.error("period_name", lang.text("plan-period-name-missing"));
    }
    let first = plan_year(&form.first_year);
    if first.is_none() {
        feedback.error("first_year", lang.text("plan-year-invalid"));
    }
    let last = plan_year(&form.last_year);
    match (first, last) {
        (_, None) => {
            feedback.error("last_year", lang.text("plan-year-invalid"));
        }
        (Some(first), Some(last)) if last < first || last - first >= LONGEST_PLAN => {
            feedback.error("last_year", lang.text("plan-years-span"));
        }
        _ => {}
    }
    let (Some(first), Some(last)) = (first, last) else {
        return Err(feedback.into());
    };
    if feedback.is_ok() {
        let except = existing.map(|period| period.id);
        if let Some(other) = db.plan().overlapping_period((first, last), except).await? {
            feedback.error(
                "first_year",
                lang.text_with("plan-years-overlap", &[("period", other)]),
            );
        }
    }
    if !feedback.is_ok() {
        return Err(feedback.into());
    }
    let id = existing.map(|period| period.id);
    Ok(db.plan().save_plan_period(id, (name, first, last)).await?)
}

/// The plan period `id`, or the 404 page.
pub async fn plan_period(db: &Db, id: i64) -> Result<PlanPeriod, Refusal> {
    db.plan()
        .plan_periods()
        .await?
        .into_iter()
        .find(|period| period.id == id)
        .ok_or(Refusal::NotFound)
}

/// The focus area form as posted.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct AreaForm {
    /// The plan period's id.
    pub plan_period: String,
    /// The area's name (a field named `name` would hide the form's own property).
    pub area_name: String,
    pub goal: String,
    /// Its place in the period's order: 1 first.
    pub position: String,
}

impl AreaForm {
    /// The form filled in from a saved area (or blank, in period `period`).
    pub fn feedback_from(area: Option<&PlanArea>, period: Option<i64>) -> FormFeedback {
        let mut feedback = FormFeedback::for_form("plan-area");
        match area {
            Some(area) => feedback
                .keep("plan_period", &area.plan_period_id.to_string())
                .keep("area_name", &area.name)
                .keep("goal", &area.goal)
                .keep("position", &area.position.to_string()),
            None => feedback.keep(
                "plan_period",
                &period.map(|id| id.to_string()).unwrap_or_default(),
            ),
        };
        feedback
    }
}

/// The focus area `id`, or the 404 page.
pub async fn plan_area(db: &Db, id: i64) -> Result<PlanArea, Refusal> {
    db.plan()
        .plan_areas()
        .await?
        .into_iter()
        .find(|area| area.id == id)
        .ok_or(Refusal::NotFound)
}

/// Checks and saves a focus area (a new one, or `existing`); its id. A new area's slug is
/// made from its name, with the period's first year if another period has the name.
pub async fn save_plan_area(
    db: &Db,
    lang: Lang,
    form: &AreaForm,
    existing: Option<&PlanArea>,
) -> Result<i64, Refusal> {
    let mut feedback = FormFeedback::for_form("plan-area");
    feedback
        .keep("plan_period", &form.plan_period)
        .keep("area_name", &form.area_name)
        .keep("goal", &form.goal)
        .keep("position", &form.position);
    let periods = db.plan().plan_periods().await?;
    let period = form
        .plan_period
        .trim()
        .parse::<i64>()
        .ok()
        .and_then(|id| periods.iter().find(|period| period.id == id));
    if period.is_none() {
        feedback.error("plan_period", lang.text("plan-area-period-missing"));
    }
    let name = form.area_name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME {
        feedback.error("area_name", lang.text("plan-area-name-missing"));
    }
    if form.goal.chars().count() > MAX_GOAL {
        feedback.error("goal", lang.text("plan-area-goal-too-long"));
    }
    let position = match form.position.trim() {
        "" => Ok(0),
        text => text
            .parse::<i64>()
            .ok()
            .filter(|position| (0..=1000).contains(position))
            .ok_or(()),
    };
    if position.is_err() {
        feedback.error("position", lang.text("plan-area-position-invalid"));
    }
    let (Some(period), Ok(position)) = (period, position) else {
        return Err(feedback.into());
    };
    let except = existing.map(|area| area.id);
    if feedback.is_ok() && db.plan().area_name_taken(period.id, name, except).await? {
        feedback.error("area_name", lang.text("plan-area-name-taken"));
    }
    if !feedback.is_ok() {
        return Err(feedback.into());
    }
    let slug = match existing {
        Some(area) => area.slug.clone(),
        None => free_area_slug(db, name, period).await?,
    };
    let area = PlanArea {
        id: except.unwrap_or_default(),
        plan_period_id: period.id,
        slug,
        name: name.to_owned(),
        goal: form.goal.trim().to_owned(),
        position,
    };
    Ok(db.plan().save_plan_area(except, &area).await?)
}

/// A slug for a new focus area named `name` in `period` that no area has.
async fn free_area_slug(db: &Db, name: &str, period: &PlanPeriod) -> Result<String, Refusal> {
    let base = match crate::calendar::service::slugify(name) {
        slug if slug.is_empty() => "omraade".to_owned(),
        slug => slug,
    };
    let with_year = format!("{base}-{}", period.first_year);
    for candidate in [base.clone(), with_year.clone()] {
        if !db.plan().area_slug_taken(&candidate, None).await? {
            return Ok(candidate);
        }
    }
    // At most a hundred tries, one query each.
    for n in 2..100 {
        let candidate = format!("{with_year}-{n}");
        if !db.plan().area_slug_taken(&candidate, None).await? {
            return Ok(candidate);
        }
    }
    Err(Refusal::internal("no free slug for a focus area"))
}

/// The measure form as posted.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct MeasureForm {
    /// The measure's name (a field named `name` would hide the form's own property).
    pub measure_name: String,
    /// `omraade-{id}` or `aktivitet-{id}`.
    pub owner: String,
    pub unit: String,
    /// "month" or "quarter"; read for a new measure only.
    pub recorded_per: String,
    pub yearly_target: String,
    /// Another measure's id, or empty.
    pub part_of: String,
}

impl MeasureForm {
    /// The form filled in from a saved measure (or blank, recorded per quarter).
    pub fn feedback_from(measure: Option<&Measure>) -> FormFeedback {
        let mut feedback = FormFeedback::for_form("measure");
        match measure {
            Some(measure) => feedback
                .keep("measure_name", &measure.name)
                .keep("owner", &measure.owner_choice())
                .keep("unit", &measure.unit)
                .keep("recorded_per", &measure.recorded_per)
                .keep(
                    "yearly_target",
                    &measure
                        .yearly_target
                        .map(|target| target.to_string())
                        .unwrap_or_default(),
                )
                .keep(
                    "part_of",
                    &measure.part_of.map(|id| id.to_string()).unwrap_or_default(),
                ),
            None => feedback
                .keep("unit", "personer")
                .keep("recorded_per", "quarter"),
        };
        feedback
    }
}

/// Reads a whole number from a field: None when empty, else the number or the message key.
fn whole_number(text: &str) -> Result<Option<i64>, &'static str> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let digits = text.strip_prefix('-').unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
        return Err("measure-value-not-whole");
    }
    if text.starts_with('-') {
        return Err("measure-value-negative");
    }
    match digits.parse::<i64>() {
        Ok(value) if value <= MAX_VALUE => Ok(Some(value)),
        _ => Err("measure-value-too-large"),
    }
}

/// Checks the measure form. `existing` is the measure being edited; `choices` what it may
/// belong to; `measures` every measure (for "part of").
pub fn check_measure(
    lang: Lang,
    form: &MeasureForm,
    existing: Option<&Measure>,
    choices: &[(String, String)],
    measures: &[Measure],
) -> Result<NewMeasure, FormFeedback> {
    let mut feedback = FormFeedback::for_form("measure");
    feedback
        .keep("measure_name", &form.measure_name)
        .keep("owner", &form.owner)
        .keep("unit", &form.unit)
        .keep("yearly_target", &form.yearly_target)
        .keep("part_of", &form.part_of);
    let name = form.measure_name.trim();
    if name.is_empty() {
        feedback.error("measure_name", lang.text("measure-name-missing"));
    } else if name.chars().count() > MAX_NAME {
        feedback.error("measure_name", lang.text("measure-name-too-long"));
    }
    let owner_known = choices.iter().any(|(value, _)| *value == form.owner)
        || existing.is_some_and(|measure| measure.owner_choice() == form.owner);
    let owner = owner_known
        .then(|| form.owner.split_once('-'))
        .flatten()
        .and_then(|(kind, id)| Some((kind, id.parse::<i64>().ok()?)));
    if owner.is_none() {
        feedback.error("owner", lang.text("measure-owner-missing"));
    }
    if !UNITS.iter().any(|(unit, _)| *unit == form.unit) {
        feedback.error("unit", lang.text("measure-unit-missing"));
    }
    let is_percent = form.unit == PERCENT;
    let per = match existing {
        Some(measure) => Some(measure.per()),
        None => match form.recorded_per.as_str() {
            "month" | "quarter" => Some(RecordedPer::from_stored(&form.recorded_per)),
            _ => None,
        },
    };
    feedback.keep("recorded_per", per.map_or("", RecordedPer::stored));
    if per.is_none() {
        feedback.error("recorded_per", lang.text("measure-recorded-per-missing"));
    }
    let target = match whole_number(&form.yearly_target) {
        Ok(Some(target)) if is_percent && target > 100 => {
            feedback.error("yearly_target", lang.text("measure-value-over-100"));
            None
        }
        Ok(target) => target,
        Err(key) => {
            feedback.error("yearly_target", lang.text(key));
            None
        }
    };
    let part_of = match form.part_of.trim() {
        "" => None,
        text => {
            let whole = text
                .parse::<i64>()
                .ok()
                .and_then(|id| measures.iter().find(|measure| measure.id == id));
            match whole {
                Some(whole) if !whole_fits(existing, whole, measures, per, is_percent) => {
                    feedback.error("part_of", lang.text("measure-part-of-unfit"));
                    None
                }
                Some(whole) => Some(whole.id),
                None => {
                    feedback.error("part_of", lang.text("measure-part-of-unfit"));
                    None
                }
            }
        }
    };
    match (owner, per) {
        (Some((kind, id)), Some(per)) if feedback.is_ok() => Ok(NewMeasure {
            focus_area_id: (kind == "omraade").then_some(id),
            activity_id: (kind == "aktivitet").then_some(id),
            name: name.to_owned(),
            unit: form.unit.clone(),
            recorded_per: per.stored().to_owned(),
            yearly_target: target,
            part_of,
        }),
        _ => Err(feedback),
    }
}

/// Whether `whole` may hold the measure being defined: counted in the same rhythm, neither a
/// percentage, and not the measure itself or one of its own parts (no circle).
fn whole_fits(
    existing: Option<&Measure>,
    whole: &Measure,
    measures: &[Measure],
    per: Option<RecordedPer>,
    is_percent: bool,
) -> bool {
    if is_percent || whole.is_percent() || Some(whole.per()) != per {
        return false;
    }
    let Some(this) = existing else {
        return true;
    };
    // Up from the whole, at most as many steps as there are measures.
    let mut next = Some(whole);
    for _ in 0..=measures.len() {
        match next {
            Some(measure) if measure.id == this.id => return false,
            Some(measure) => {
                next = measure
                    .part_of
                    .and_then(|id| measures.iter().find(|other| other.id == id));
            }
            None => return true,
        }
    }
    false
}

/// The measure `id`, or the 404 page.
pub async fn measure(db: &Db, id: i64) -> Result<Measure, Refusal> {
    db.plan().measure(id).await?.ok_or(Refusal::NotFound)
}

/// Checks the form and saves the measure; its id.
pub async fn save_measure(
    db: &Db,
    lang: Lang,
    form: &MeasureForm,
    existing: Option<&Measure>,
    (year, now): (i32, DateTime<Utc>),
) -> Result<i64, Refusal> {
    let choices = db.plan().owner_choices(year).await?;
    let measures = db.plan().measures().await?;
    let measure = check_measure(lang, form, existing, &choices, &measures)?;
    match existing {
        Some(existing) => {
            db.plan().update_measure(existing.id, &measure, now).await?;
            Ok(existing.id)
        }
        None => Ok(db.plan().insert_measure(&measure, now).await?),
    }
}

/// A year's values as posted: the year, the values in order of the parts (`v`, one per month or
/// quarter) and the values the form showed (`was`), so that what someone entered is told from
/// what was there.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ValuesForm {
    pub aar: String,
    pub v: Vec<String>,
    pub was: Vec<String>,
}

impl ValuesForm {
    /// The form filled in from a year's recorded values.
    pub fn feedback_from(measure: &Measure, values: &[MeasureValue]) -> FormFeedback {
        let mut feedback = FormFeedback::for_form("values");
        for part in 1..=i64::from(measure.per().parts()) {
            let shown = values
                .iter()
                .find(|value| value.part == part)
                .map(|value| value.value.to_string())
                .unwrap_or_default();
            feedback
                .keep(&format!("v{part}"), &shown)
                .keep(&format!("was{part}"), &shown);
        }
        feedback
    }
}

/// The measures around the one being recorded, with their values in the same year: the
/// whole it is part of, and its own parts.
#[derive(Clone, Debug, Default)]
pub struct Related {
    pub whole: Option<(Measure, Vec<MeasureValue>)>,
    pub parts: Vec<(Measure, Vec<MeasureValue>)>,
}

/// Checks a year's values: each a whole number from 0, a percentage at most 100, not larger
/// than the whole it is part of nor smaller than one of its parts in the same month or
/// quarter. The changes as `(part, value)`: every field whose value differs from what the
/// form showed.
pub fn check_values(
    lang: Lang,
    measure: &Measure,
    form: &ValuesForm,
    related: &Related,
) -> Result<Vec<(i64, Option<i64>)>, FormFeedback> {
    let mut feedback = FormFeedback::for_form("values");
    let mut entered = Vec::new();
    for part in 1..=measure.per().parts() as usize {
        let field = format!("v{part}");
        let typed = form.v.get(part - 1).map(String::as_str).unwrap_or("");
        let shown = form.was.get(part - 1).map(String::as_str).unwrap_or("");
        feedback
            .keep(&field, typed)
            .keep(&format!("was{part}"), shown);
        let part = part as i64;
        let value = match whole_number(typed) {
            Ok(value) => value,
            Err(key) => {
                feedback.error(&field, lang.text(key));
                continue;
            }
        };
        if let Some(value) = value {
            if let Some(message) = out_of_bounds(lang, measure, related, part, value) {
                feedback.error(&field, message);
                continue;
            }
        }
        if typed.trim() != shown.trim() {
            entered.push((part, value));
        }
    }
    if feedback.is_ok() {
        Ok(entered)
    } else {
        Err(feedback)
    }
}

/// The message for `value` in `part` when it is above 100 % or breaks "part of".
fn out_of_bounds(
    lang: Lang,
    measure: &Measure,
    related: &Related,
    part: i64,
    value: i64,
) -> Option<String> {
    if measure.is_percent() && value > 100 {
        return Some(lang.text("measure-value-over-100"));
    }
    let in_part = |values: &[MeasureValue]| {
        values
            .iter()
            .find(|recorded| recorded.part == part)
            .map(|recorded| recorded.value)
    };
    if let Some((whole, values)) = &related.whole {
        if let Some(whole_value) = in_part(values).filter(|whole_value| value > *whole_value) {
            return Some(lang.text_with(
                "measure-value-over-whole",
                &[
                    ("whole", whole.name.clone()),
                    ("value", whole_value.to_string()),
                ],
            ));
        }
    }
    related.parts.iter().find_map(|(part_measure, values)| {
        in_part(values)
            .filter(|part_value| value < *part_value)
            .map(|part_value| {
                lang.text_with(
                    "measure-value-under-part",
                    &[
                        ("part", part_measure.name.clone()),
                        ("value", part_value.to_string()),
                    ],
                )
            })
    })
}

/// The measures around `measure` with their values in `year`.
pub async fn related(db: &Db, measure: &Measure, year: i64) -> Result<Related, Refusal> {
    let whole = match measure.part_of {
        Some(id) => match db.plan().measure(id).await? {
            Some(whole) => {
                let values = db.plan().values_of(whole.id, year).await?;
                Some((whole, values))
            }
            None => None,
        },
        None => None,
    };
    let mut parts = Vec::new();
    for part in db.plan().parts_of(measure.id).await? {
        let values = db.plan().values_of(part.id, year).await?;
        parts.push((part, values));
    }
    Ok(Related { whole, parts })
}

/// Checks and saves a year's values of `measure`, with a history line per value entered.
pub async fn save_values(
    db: &Db,
    lang: Lang,
    actor_id: i64,
    measure: &Measure,
    (year, form): (i64, &ValuesForm),
    now: DateTime<Utc>,
) -> Result<(), Refusal> {
    let related = related(db, measure, year).await?;
    let entered = check_values(lang, measure, form, &related)?;
    db.plan()
        .save_values(measure.id, year, &entered, (Some(actor_id), now))
        .await?;
    Ok(())
}

/// The longest outlet, title and address of a press entry, in characters.
const MAX_OUTLET: usize = 200;
const MAX_TITLE: usize = 300;
const MAX_URL: usize = 1000;

/// The press entry form as posted.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct PressForm {
    /// "release" or "mention".
    pub kind: String,
    pub published_on: String,
    pub outlet: String,
    /// The headline (a field named `title` would hide the form's own property).
    pub heading: String,
    pub url: String,
    /// A focus area's id, or empty.
    pub focus_area: String,
}

impl PressForm {
    /// The form filled in from a saved entry (or blank, a mention dated `today`).
    pub fn feedback_from(item: Option<&PressItem>, today: NaiveDate) -> FormFeedback {
        let mut feedback = FormFeedback::for_form("press");
        match item {
            Some(item) => feedback
                .keep("kind", &item.kind)
                .keep("published_on", &item.published_on.to_string())
                .keep("outlet", &item.outlet)
                .keep("heading", &item.title)
                .keep("url", &item.url)
                .keep(
                    "focus_area",
                    &item
                        .focus_area_id
                        .map(|id| id.to_string())
                        .unwrap_or_default(),
                ),
            None => feedback
                .keep("kind", "mention")
                .keep("published_on", &today.to_string()),
        };
        feedback
    }
}

/// Checks the press entry form; `areas` are the focus areas it may name, (id, name).
pub fn check_press(
    lang: Lang,
    form: &PressForm,
    areas: &[(i64, String)],
    today: NaiveDate,
) -> Result<NewPressItem, FormFeedback> {
    let mut feedback = FormFeedback::for_form("press");
    feedback
        .keep("kind", &form.kind)
        .keep("published_on", &form.published_on)
        .keep("outlet", &form.outlet)
        .keep("heading", &form.heading)
        .keep("url", &form.url)
        .keep("focus_area", &form.focus_area);
    if !PRESS_KINDS.iter().any(|(kind, _)| *kind == form.kind) {
        feedback.error("kind", lang.text("press-kind-missing"));
    }
    // From 2000 to a year ahead: a press release may be planned.
    let window = crate::address::DateWindow::between(
        NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(NaiveDate::MIN),
        today + chrono::Months::new(12),
    );
    let date = window.date(form.published_on.trim());
    if date.is_none() {
        feedback.error("published_on", lang.text("press-date-invalid"));
    }
    let outlet = form.outlet.trim();
    if outlet.is_empty() || outlet.chars().count() > MAX_OUTLET {
        feedback.error("outlet", lang.text("press-outlet-missing"));
    }
    let title = form.heading.trim();
    if title.is_empty() || title.chars().count() > MAX_TITLE {
        feedback.error("heading", lang.text("press-title-missing"));
    }
    let url = form.url.trim();
    let url_reads = url.is_empty()
        || (url.chars().count() <= MAX_URL
            && (url.starts_with("https://") || url.starts_with("http://"))
            && !url.chars().any(char::is_whitespace));
    if !url_reads {
        feedback.error("url", lang.text("press-url-invalid"));
    }
    let focus_area_id = match form.focus_area.trim() {
        "" => None,
        text => {
            let area = text
                .parse::<i64>()
                .ok()
                .filter(|id| areas.iter().any(|(area, _)| area == id));
            if area.is_none() {
                feedback.error("focus_area", lang.text("press-area-unknown"));
            }
            area
        }
    };
    match date {
        Some(published_on) if feedback.is_ok() => Ok(NewPressItem {
            kind: form.kind.clone(),
            published_on,
            outlet: outlet.to_owned(),
            title: title.to_owned(),
            url: url.to_owned(),
            focus_area_id,
        }),
        _ => Err(feedback),
    }
}

/// The press entry `id`, or the 404 page.
pub async fn press_item(db: &Db, id: i64) -> Result<PressItem, Refusal> {
    db.plan().press_item(id).await?.ok_or(Refusal::NotFound)
}

/// Checks the form and saves the press entry (a new one, or `existing`); its id.
pub async fn save_press_item(
    db: &Db,
    lang: Lang,
    actor_id: i64,
    form: &PressForm,
    existing: Option<&PressItem>,
    (today, now): (NaiveDate, DateTime<Utc>),
) -> Result<i64, Refusal> {
    let keep = existing.and_then(|item| item.focus_area_id);
    let areas = db
        .site()
        .current_focus_area_choices(today.year(), keep)
        .await?;
    let item = check_press(lang, form, &areas, today)?;
    let id = existing.map(|item| item.id);
    Ok(db
        .plan()
        .save_press_item(id, &item, (Some(actor_id), now))
        .await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_a_whole_number_from_zero() {
        assert_eq!(whole_number(""), Ok(None));
        assert_eq!(whole_number(" 23 "), Ok(Some(23)));
        assert_eq!(whole_number("2,5"), Err("measure-value-not-whole"));
        assert_eq!(whole_number("2.5"), Err("measure-value-not-whole"));
        assert_eq!(whole_number("-3"), Err("measure-value-negative"));
        assert_eq!(whole_number("-"), Err("measure-value-not-whole"));
        assert_eq!(whole_number("１２"), Err("measure-value-not-whole"));
        assert_eq!(whole_number("1000001"), Err("measure-value-too-large"));
        assert_eq!(
            whole_number("99999999999999999999999"),
            Err("measure-value-too-large")
        );
    }
}
