//! Putting a report together from what the portal counts: the attendance of each activity under
//! the focus area it had in the report's plan period, the success criteria's values, the
//! visitors, the contributions and the press, and the texts staff wrote.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::{
    area_part, chart::bar_chart, report_key, AreaSection, MeasureRow, Report, ReportText, INTRO,
    OTHERS,
};
use crate::{
    db::Db,
    figures::{
        compute::{counts_by_activity, sentences},
        Counts, Line,
    },
    i18n::{Arg, Lang},
    period::{Period, PeriodKind},
    plan::{part_figure, share, Measure, MeasureValue, PlanArea, RecordedPer, UNITS},
};

/// The figures' definitions the report prints, (name key, definition key).
const DEFINITIONS: [(&str, &str); 9] = [
    ("figures-participants", "figures-participants-definition"),
    ("figures-average", "figures-average-definition"),
    ("figures-volunteers", "figures-volunteers-definition"),
    ("report-measures", "report-measures-definition"),
    ("visits-per-month", "visits-per-month-definition"),
    ("figures-contributions", "figures-contributions-definition"),
    ("report-press", "report-press-definition"),
    crate::newsletter::DEFINITIONS[0],
    crate::newsletter::DEFINITIONS[2],
];

/// A success criterion's figure in `period`: of its year's values, the quarter's months or
/// quarter, or the whole year.
fn figure_in(measure: &Measure, values: &[MeasureValue], period: &Period) -> Option<i64> {
    let year = i64::from(period.from.year());
    let of_year: Vec<MeasureValue> = values
        .iter()
        .filter(|value| value.year == year)
        .copied()
        .collect();
    let (first, last) = match (period.kind, measure.per()) {
        (PeriodKind::Quarter, RecordedPer::Quarter) => {
            let quarter = i64::from(period.quarter_number());
            (quarter, quarter)
        }
        (PeriodKind::Quarter, RecordedPer::Month) => {
            let quarter = i64::from(period.quarter_number());
            (quarter * 3 - 2, quarter * 3)
        }
        _ => (1, i64::from(measure.per().parts())),
    };
    part_figure(measure, &of_year, first, last)
}

/// Builds the report of `period` (a year or a quarter).
pub async fn build(
    db: &Db,
    lang: Lang,
    period: Period,
    today: NaiveDate,
) -> Result<Report, sqlx::Error> {
    let previous = period.previous_year();
    let year = i64::from(period.from.year());
    // Attendance per activity, this period and last year.
    let (occurrences, signups) = db.figures().figure_rows(period.from, period.to).await?;
    let current = counts_by_activity(&occurrences, &signups);
    let (occurrences, signups) = db.figures().figure_rows(previous.from, previous.to).await?;
    let earlier = counts_by_activity(&occurrences, &signups);
    let activities = db.calendar().list_activities().await?;
    // The report's plan period and its areas.
    let plan = db
        .plan()
        .plan_periods()
        .await?
        .into_iter()
        .find(|plan| plan.holds(year));
    let areas: Vec<PlanArea> = match &plan {
        Some(plan) => {
            let mut areas: Vec<PlanArea> = db
                .plan()
                .plan_areas()
                .await?
                .into_iter()
                .filter(|area| area.plan_period_id == plan.id)
                .collect();
            areas.sort_by(|a, b| (a.position, &a.name).cmp(&(b.position, &b.name)));
            areas
        }
        None => Vec::new(),
    };
    let area_of: HashMap<i64, i64> = match &plan {
        Some(plan) => db
            .report()
            .activity_areas(plan.id)
            .await?
            .into_iter()
            .collect(),
        None => HashMap::new(),
    };
    // Each activity with figures, under its area's part.
    let mut lines: HashMap<String, Vec<Line>> = HashMap::new();
    let mut all_lines = Vec::new();
    for activity in &activities {
        let now = current.get(&activity.id).copied().unwrap_or_default();
        let before = earlier.get(&activity.id).copied().unwrap_or_default();
        if now.is_empty() && before.is_empty() {
            continue;
        }
        let line = Line {
            name: activity.name.clone(),
            focus_area: String::new(),
            venue: activity
                .venue
                .as_ref()
                .map(|venue| venue.name.clone())
                .unwrap_or_default(),
            current: now,
            previous: before,
        };
        let part = area_of
            .get(&activity.id)
            .map_or_else(|| OTHERS.to_owned(), |area| area_part(*area));
        all_lines.push(line.clone());
        lines.entry(part).or_default().push(line);
    }
    all_lines.sort_by(|a, b| a.name.cmp(&b.name));
    // The success criteria, under their area's part (an activity's under its activity's).
    let values = db.report().measure_values(year - 1, year).await?;
    let mut values_of: HashMap<i64, Vec<MeasureValue>> = HashMap::new();
    for (measure, value) in values {
        values_of.entry(measure).or_default().push(value);
    }
    let measures = db.plan().measures().await?;
    let mut rows: HashMap<String, Vec<MeasureRow>> = HashMap::new();
    for measure in &measures {
        let area = match (measure.focus_area_id, measure.activity_id) {
            (Some(area), _) => areas.iter().any(|own| own.id == area).then_some(area),
            (None, Some(activity)) => area_of.get(&activity).copied(),
            (None, None) => None,
        };
        let part = area.map_or_else(|| OTHERS.to_owned(), area_part);
        let values = values_of
            .get(&measure.id)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let value = figure_in(measure, values, &period);
        let earlier = figure_in(measure, values, &previous);
        // Nothing recorded in either period: a criterion of another time.
        if value.is_none() && earlier.is_none() && measure.yearly_target.is_none() {
            continue;
        }
        let share = measure.part_of.and_then(|whole_id| {
            let whole = measures.iter().find(|whole| whole.id == whole_id)?;
            let whole_values = values_of
                .get(&whole.id)
                .map(Vec::as_slice)
                .unwrap_or_default();
            let percent = share(value?, figure_in(whole, whole_values, &period)?)?;
            Some(lang.text_with_values(
                "report-share",
                &[
                    ("percent", Arg::Number(percent)),
                    ("whole", Arg::Text(whole.name.clone())),
                ],
            ))
        });
        let unit = UNITS
            .iter()
            .find(|(unit, _)| *unit == measure.unit)
            .map(|(_, key)| lang.text(key))
            .unwrap_or_default();
        rows.entry(part).or_default().push(MeasureRow {
            name: measure.name.clone(),
            unit,
            value,
            previous: earlier,
            target: measure.yearly_target,
            share,
        });
    }
    // What staff wrote.
    let key = report_key(&period);
    let mut texts: HashMap<String, ReportText> = db
        .report()
        .texts(&key)
        .await?
        .into_iter()
        .map(|text| (text.part.clone(), text))
        .collect();
    let mut text_of = |part: &str| {
        texts.remove(part).unwrap_or_else(|| ReportText {
            part: part.to_owned(),
            ..ReportText::default()
        })
    };
    let labels = (period.label(), previous.label());
    let mut section = |part: String, name: String, goal: String| {
        let lines = lines.remove(&part).unwrap_or_default();
        let measures = rows.remove(&part).unwrap_or_default();
        area_section(lang, &period, &labels, (part, name, goal), lines, measures)
    };
    let mut sections: Vec<AreaSection> = areas
        .iter()
        .map(|area| section(area_part(area.id), area.name.clone(), area.goal.clone()))
        .collect();
    let others = section(OTHERS.to_owned(), lang.text("report-others"), String::new());
    if !others.sentences.is_empty() || !others.measures.is_empty() {
        sections.push(others);
    }
    for section in &mut sections {
        section.text = text_of(&section.part);
    }
    // The total, the visitors, the journalists and the press.
    let mut total = Line {
        name: lang.text("figures-total"),
        focus_area: String::new(),
        venue: String::new(),
        current: Counts::default(),
        previous: Counts::default(),
    };
    for line in &all_lines {
        total.current += line.current;
        total.previous += line.previous;
    }
    let total = sentences(lang, &period, &[], &total)
        .pop()
        .unwrap_or_default();
    let visitors = crate::visits::api::report_sentence(db, lang, &period, today).await?;
    let (_, contributors) = crate::figures::api::contributors_of(db, lang, &period).await?;
    let newsletter = crate::newsletter::service::figures_of(db, &period)
        .await?
        .sentence(lang, &labels.0);
    let (releases, mentions) = db.report().press_counts(period.from, period.to).await?;
    let (releases_before, mentions_before) =
        db.report().press_counts(previous.from, previous.to).await?;
    let press = lang.text_with_values(
        "report-press-sentence",
        &[
            ("period", Arg::Text(labels.0.clone())),
            ("releases", Arg::Number(releases)),
            ("mentions", Arg::Number(mentions)),
            ("previous", Arg::Text(labels.1.clone())),
            ("releases_before", Arg::Number(releases_before)),
            ("mentions_before", Arg::Number(mentions_before)),
        ],
    );
    let title = match period.kind {
        PeriodKind::Quarter => {
            lang.text_with("report-title-quarter", &[("period", labels.0.clone())])
        }
        _ => lang.text_with("report-title-year", &[("period", labels.0.clone())]),
    };
    Ok(Report {
        title,
        plan: plan.map(|plan| format!("{} ({}–{})", plan.name, plan.first_year, plan.last_year)),
        intro: text_of(INTRO),
        total,
        areas: sections,
        visitors,
        newsletter,
        contributors,
        press,
        definitions: DEFINITIONS
            .iter()
            .map(|(name, definition)| (lang.text(name), lang.text(definition)))
            .collect(),
        period,
        previous,
    })
}

/// A focus area's section: its activities' sentences and chart, and its success criteria.
fn area_section(
    lang: Lang,
    period: &Period,
    (current, previous): &(String, String),
    (part, name, goal): (String, String, String),
    mut lines: Vec<Line>,
    measures: Vec<MeasureRow>,
) -> AreaSection {
    lines.sort_by(|a, b| a.name.cmp(&b.name));
    let empty = Line {
        name: String::new(),
        focus_area: String::new(),
        venue: String::new(),
        current: Counts::default(),
        previous: Counts::default(),
    };
    // The sentences end with a total, which the report says once for every area together.
    let mut said = sentences(lang, period, &lines, &empty);
    said.pop();
    let chart = (!lines.is_empty()).then(|| {
        let rows: Vec<(String, i64, i64)> = lines
            .iter()
            .map(|line| {
                (
                    line.name.clone(),
                    line.current.participants(),
                    line.previous.participants(),
                )
            })
            .collect();
        let title = lang.text_with("report-chart-title", &[("area", name.clone())]);
        bar_chart(&title, (current, previous), &rows)
    });
    AreaSection {
        part,
        name,
        goal,
        text: ReportText::default(),
        sentences: said,
        chart,
        measures,
    }
}
