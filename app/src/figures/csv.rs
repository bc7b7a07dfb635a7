//! The figures as CSV for Excel (written by [`crate::spreadsheet`], with decimal commas): one
//! row per activity and period, then one per citizen journalist and period. One rectangular
//! table: an activity's row leaves the journalists' columns empty and the reverse, so Excel
//! can filter by the group.

use super::{decimal, Counts, Line, Report};
use crate::{i18n::Lang, period::Period, spreadsheet::ExcelCsv};

/// The columns' Fluent keys, in order.
pub const COLUMNS: [&str; 21] = [
    "figures-csv-group",
    "figures-csv-name",
    "figures-csv-focus-area",
    "figures-csv-venue",
    "figures-csv-period",
    "figures-held",
    "figures-not-held",
    "figures-participants",
    "figures-adults",
    "figures-children",
    "figures-average",
    "figures-volunteers",
    "figures-first-timers",
    "figures-walk-ins",
    "figures-signups",
    "figures-cancellations",
    "figures-no-shows",
    "figures-promotions",
    "figures-submissions-sent",
    "figures-contributions",
    "figures-photos",
];

/// The report as CSV bytes, byte-order mark first. Each line appears twice: this period, then
/// the same period last year.
pub fn to_csv(lang: Lang, report: &Report) -> Result<Vec<u8>, csv::Error> {
    let mut file = ExcelCsv::new(lang, &COLUMNS)?;
    let groups = [
        ("figures-csv-activity", &report.by_activity),
        ("figures-csv-area", &report.by_focus_area),
        ("figures-csv-total", &vec![report.total.clone()]),
    ];
    for (group, lines) in groups {
        for line in lines.iter() {
            for (period, counts) in [
                (&report.period, &line.current),
                (&report.previous, &line.previous),
            ] {
                file.row(row(lang, group, line, period, counts))?;
            }
        }
    }
    let contributors = &report.contributors;
    let lines = contributors
        .by_journalist
        .iter()
        .map(|line| {
            (
                "figures-csv-journalist",
                line.name.clone(),
                line.current,
                line.previous,
            )
        })
        .chain(std::iter::once((
            "figures-csv-total",
            lang.text("figures-total"),
            contributors.total,
            contributors.previous_total,
        )));
    for (group, name, current, previous) in lines {
        for (period, counts) in [(&report.period, current), (&report.previous, previous)] {
            let mut row = vec![String::new(); COLUMNS.len()];
            row[0] = lang.text(group);
            row[1] = name.clone();
            row[4] = period.label();
            row[18] = counts.sent.to_string();
            row[19] = counts.published.to_string();
            row[20] = counts.photos.to_string();
            file.row(row)?;
        }
    }
    file.finish()
}

fn row(lang: Lang, group: &str, line: &Line, period: &Period, counts: &Counts) -> Vec<String> {
    vec![
        lang.text(group),
        line.name.clone(),
        line.focus_area.clone(),
        line.venue.clone(),
        period.label(),
        counts.held.to_string(),
        counts.not_held.to_string(),
        counts.participants().to_string(),
        counts.adults.to_string(),
        counts.children.to_string(),
        decimal(counts.average_participants()),
        decimal(counts.volunteers_per_occurrence()),
        counts.first_timers.to_string(),
        counts.walk_ins.to_string(),
        counts.signups.to_string(),
        counts.cancellations.to_string(),
        counts.no_shows.to_string(),
        counts.promotions.to_string(),
        // The journalists' columns.
        String::new(),
        String::new(),
        String::new(),
    ]
}
