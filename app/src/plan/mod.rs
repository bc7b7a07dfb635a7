//! The plan behind the yearly and quarterly report: the housing plan's periods, each with its
//! own focus areas and their goals ([`PlanPeriod`], [`PlanArea`]); success criteria (*succeskriterier*,
//! called measures in the code) of a focus area or an activity, with a unit, an optional
//! yearly target and optionally the measure they are part of ("19 of 23"), and their values
//! per month or quarter, each entry and correction kept with who made it and when. Counts
//! only: nothing here names a resident.
//!
//! A year's figure of a measure is the sum of its months or quarters; for a percentage it is
//! the last one recorded ([`year_figure`]).
//!
//! The press log holds the press releases staff send and the press's mentions of the
//! neighbourhood ([`PressItem`]), counted per period for the report.

pub mod api;
#[cfg(feature = "ssr")]
pub mod queries;
#[cfg(feature = "ssr")]
pub mod service;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// A period of the housing plan (about four years), with its own focus areas.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct PlanPeriod {
    pub id: i64,
    pub name: String,
    pub first_year: i64,
    pub last_year: i64,
}

impl PlanPeriod {
    /// Whether `year` lies in the period.
    pub fn holds(&self, year: i64) -> bool {
        (self.first_year..=self.last_year).contains(&year)
    }
}

/// A focus area of a plan period, with its goal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct PlanArea {
    pub id: i64,
    pub plan_period_id: i64,
    pub slug: String,
    pub name: String,
    pub goal: String,
    pub position: i64,
}

/// The units a measure counts in, as stored, with the key of their Danish name.
pub const UNITS: [(&str, &str); 5] = [
    ("personer", "measure-unit-personer"),
    ("henvendelser", "measure-unit-henvendelser"),
    ("familier", "measure-unit-familier"),
    ("forloeb", "measure-unit-forloeb"),
    ("procent", "measure-unit-procent"),
];

/// The unit of a percentage.
pub const PERCENT: &str = "procent";

/// How often a measure's values are recorded, as stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RecordedPer {
    Month,
    Quarter,
}

impl RecordedPer {
    pub fn from_stored(stored: &str) -> Self {
        if stored == "quarter" {
            RecordedPer::Quarter
        } else {
            RecordedPer::Month
        }
    }

    pub fn stored(self) -> &'static str {
        match self {
            RecordedPer::Month => "month",
            RecordedPer::Quarter => "quarter",
        }
    }

    /// How many values a year has: 12 months or 4 quarters.
    pub fn parts(self) -> u32 {
        match self {
            RecordedPer::Month => 12,
            RecordedPer::Quarter => 4,
        }
    }

    /// The part (month or quarter) a month of the year lies in.
    pub fn part_of_month(self, month: u32) -> u32 {
        match self {
            RecordedPer::Month => month,
            RecordedPer::Quarter => month.div_ceil(3),
        }
    }
}

/// A success criterion, with the names of what it belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Measure {
    pub id: i64,
    pub focus_area_id: Option<i64>,
    pub activity_id: Option<i64>,
    /// The focus area's or the activity's name.
    pub owner_name: String,
    pub name: String,
    /// One of [`UNITS`].
    pub unit: String,
    /// "month" or "quarter" ([`RecordedPer`]).
    pub recorded_per: String,
    pub yearly_target: Option<i64>,
    pub part_of: Option<i64>,
}

impl Measure {
    pub fn per(&self) -> RecordedPer {
        RecordedPer::from_stored(&self.recorded_per)
    }

    pub fn is_percent(&self) -> bool {
        self.unit == PERCENT
    }

    /// The form's value of its owner: `omraade-{id}` or `aktivitet-{id}`.
    pub fn owner_choice(&self) -> String {
        match (self.focus_area_id, self.activity_id) {
            (Some(area), _) => format!("omraade-{area}"),
            (None, Some(activity)) => format!("aktivitet-{activity}"),
            (None, None) => String::new(),
        }
    }
}

/// One recorded value: month or quarter `part` of `year`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct MeasureValue {
    pub year: i64,
    pub part: i64,
    pub value: i64,
}

/// A line of a measure's history: a value entered, corrected or cleared (`value` None).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct ValueChange {
    pub year: i64,
    pub part: i64,
    pub value: Option<i64>,
    /// The staff member's name; empty when the account is gone.
    pub changed_by: String,
    pub changed_at: DateTime<Utc>,
}

/// The kinds of the press log's entries, as stored, with the key of their Danish name.
pub const PRESS_KINDS: [(&str, &str); 2] = [
    ("release", "press-kind-release"),
    ("mention", "press-kind-mention"),
];

/// An entry of the press log: a press release sent, or a mention in the press.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct PressItem {
    pub id: i64,
    /// "release" or "mention" ([`PRESS_KINDS`]).
    pub kind: String,
    pub published_on: NaiveDate,
    pub outlet: String,
    pub title: String,
    /// Its address, or empty.
    pub url: String,
    pub focus_area_id: Option<i64>,
    /// The focus area's name, or empty.
    pub focus_area: String,
}

/// A year's figure of a measure from its values of that year: their sum, or for a
/// percentage the last one recorded. None when nothing is recorded.
pub fn year_figure(measure: &Measure, values: &[MeasureValue]) -> Option<i64> {
    part_figure(measure, values, 1, i64::from(measure.per().parts()))
}

/// The figure of the parts `first..=last` of a year (a quarter of a monthly measure is three
/// months): their sum, or for a percentage the last one recorded.
pub fn part_figure(
    measure: &Measure,
    values: &[MeasureValue],
    first: i64,
    last: i64,
) -> Option<i64> {
    let mut inside = values
        .iter()
        .filter(|value| (first..=last).contains(&value.part))
        .peekable();
    inside.peek()?;
    if measure.is_percent() {
        inside
            .max_by_key(|value| value.part)
            .map(|value| value.value)
    } else {
        Some(inside.map(|value| value.value).sum())
    }
}

/// `part` as a share of `whole`, in whole percent, rounded: 19 of 23 is 83.
pub fn share(part: i64, whole: i64) -> Option<i64> {
    (whole > 0).then(|| (part * 100 + whole / 2) / whole)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measure(unit: &str, per: RecordedPer) -> Measure {
        Measure {
            id: 1,
            focus_area_id: Some(1),
            activity_id: None,
            owner_name: "Beskæftigelse".into(),
            name: "unge i fritidsjob".into(),
            unit: unit.into(),
            recorded_per: per.stored().into(),
            yearly_target: Some(20),
            part_of: None,
        }
    }

    fn values(parts: &[(i64, i64)]) -> Vec<MeasureValue> {
        parts
            .iter()
            .map(|&(part, value)| MeasureValue {
                year: 2026,
                part,
                value,
            })
            .collect()
    }

    #[test]
    fn a_year_adds_its_counts_and_takes_a_percentage_as_last_recorded() {
        let counts = measure("personer", RecordedPer::Quarter);
        assert_eq!(year_figure(&counts, &values(&[(1, 5), (3, 7)])), Some(12));
        assert_eq!(year_figure(&counts, &[]), None);
        let percent = measure(PERCENT, RecordedPer::Quarter);
        assert_eq!(
            year_figure(&percent, &values(&[(3, 87), (1, 60)])),
            Some(87)
        );
        let monthly = measure("henvendelser", RecordedPer::Month);
        let months = values(&[(1, 2), (2, 3), (3, 4), (4, 10)]);
        assert_eq!(part_figure(&monthly, &months, 1, 3), Some(9));
        assert_eq!(part_figure(&monthly, &months, 7, 9), None);
    }

    #[test]
    fn shares_round_to_whole_percent() {
        assert_eq!(share(19, 23), Some(83));
        assert_eq!(share(29, 60), Some(48));
        assert_eq!(share(1, 0), None);
        assert_eq!(RecordedPer::Quarter.part_of_month(12), 4);
        assert_eq!(RecordedPer::Quarter.part_of_month(1), 1);
    }
}
