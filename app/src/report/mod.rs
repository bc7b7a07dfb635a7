//! The yearly and quarterly report (`/personale/rapport`), made by the portal: per focus area of
//! the report's own plan period its goal, the staff's paragraph, its activities' attendance
//! sentences with a chart, and its success criteria against their targets with last year
//! beside; then the website's visitors, the citizen journalists' contributions and the press.
//! The same [`Report`] is the page, the print and the Word document (`docx.rs`), whose charts
//! are the page's SVG ([`chart`]) drawn as PNG.

pub mod api;
#[cfg(feature = "ssr")]
pub mod build;
#[cfg(feature = "ssr")]
pub mod chart;
#[cfg(feature = "ssr")]
pub mod docx;
#[cfg(feature = "ssr")]
pub mod queries;
#[cfg(feature = "ssr")]
pub mod service;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::period::{Period, PeriodKind};

/// The part of a report that holds its introduction.
pub const INTRO: &str = "intro";

/// The longest text staff write in one part of a report, in characters.
pub const MAX_TEXT: usize = 20_000;

/// A text staff wrote in a report, with who changed it last and when (none when unwritten).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct ReportText {
    pub part: String,
    pub body: String,
    pub updated_by: String,
    pub updated_at: Option<DateTime<Utc>>,
}

/// A success criterion in the report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasureRow {
    pub name: String,
    /// Its unit in Danish ("personer", "%").
    pub unit: String,
    pub value: Option<i64>,
    /// The same period last year.
    pub previous: Option<i64>,
    pub target: Option<i64>,
    /// Its share of the whole it is part of: "83 % af unge der henvendte sig".
    pub share: Option<String>,
}

/// A focus area's section of the report (or the activities under no area of the period).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaSection {
    /// The part its paragraph is saved under: `area-{id}`, or `others`.
    pub part: String,
    pub name: String,
    pub goal: String,
    pub text: ReportText,
    /// The attendance sentences of its activities.
    pub sentences: Vec<String>,
    /// Participants per activity, this period and last year, as SVG.
    pub chart: Option<String>,
    pub measures: Vec<MeasureRow>,
}

/// The whole report of a year or a quarter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// "Årsrapport 2026", "Kvartalsrapport for 3. kvartal 2026".
    pub title: String,
    pub period: Period,
    pub previous: Period,
    /// The plan period the report's areas come from: "Helhedsplan 2023–2026".
    pub plan: Option<String>,
    pub intro: ReportText,
    /// The attendance of every activity together.
    pub total: String,
    pub areas: Vec<AreaSection>,
    pub visitors: String,
    /// The newsletter's subscribers, newsletters and sign-ups from them.
    pub newsletter: String,
    pub contributors: String,
    pub press: String,
    /// The definitions of the figures, (name, definition).
    pub definitions: Vec<(String, String)>,
}

/// The key a report's texts are saved under: "2026", or "2026-K3" for a quarter.
pub fn report_key(period: &Period) -> String {
    use chrono::Datelike;
    match period.kind {
        PeriodKind::Quarter => format!("{}-K{}", period.from.year(), period.quarter_number()),
        _ => period.from.year().to_string(),
    }
}

/// The form field of a part's text.
pub fn text_field(part: &str) -> String {
    format!("text-{part}")
}

/// The part of a focus area's paragraph.
pub fn area_part(area_id: i64) -> String {
    format!("area-{area_id}")
}

/// The part of the paragraph on activities under no focus area of the period.
pub const OTHERS: &str = "others";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_is_keyed_by_its_year_or_quarter() {
        assert_eq!(report_key(&Period::year(2026).unwrap()), "2026");
        assert_eq!(report_key(&Period::quarter(2026, 3).unwrap()), "2026-K3");
    }
}
