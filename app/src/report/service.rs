//! What the report's texts form does: check each text (its length) with a Danish message by its
//! field and everything typed kept, and save the texts that changed, each with who changed it.

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::{report_key, text_field, Report, MAX_TEXT};
use crate::{db::Db, errors::Refusal, forms::FormFeedback, i18n::Lang, period::Period};

/// The texts form as posted: the report's period, and its parts (`report_part`; a field named
/// `part` would hide the form's own property) with their texts (`text`) in the same order.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ReportTextsForm {
    pub aar: String,
    pub kvartal: String,
    pub report_part: Vec<String>,
    pub text: Vec<String>,
}

impl ReportTextsForm {
    /// The form filled in from the report's texts.
    pub fn feedback_from(report: &Report) -> FormFeedback {
        let mut feedback = FormFeedback::for_form("report-texts");
        feedback.keep(&text_field(&report.intro.part), &report.intro.body);
        for area in &report.areas {
            feedback.keep(&text_field(&area.part), &area.text.body);
        }
        feedback
    }
}

/// Checks the texts against the parts `report` has, and saves those that changed.
pub async fn save_texts(
    db: &Db,
    lang: Lang,
    actor_id: i64,
    (period, report): (&Period, &Report),
    form: &ReportTextsForm,
    now: DateTime<Utc>,
) -> Result<(), Refusal> {
    let mut feedback = FormFeedback::for_form("report-texts");
    let known: Vec<(&str, &str)> =
        std::iter::once((report.intro.part.as_str(), report.intro.body.as_str()))
            .chain(
                report
                    .areas
                    .iter()
                    .map(|area| (area.part.as_str(), area.text.body.as_str())),
            )
            .collect();
    let mut changed = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for (part, text) in form.report_part.iter().zip(&form.text) {
        // A part the report does not have (made up, or of another plan period) is left alone,
        // and a part sent twice counts once: the form has each part once.
        let Some((_, stored)) = known.iter().find(|(known, _)| known == part) else {
            continue;
        };
        if seen.contains(&part.as_str()) {
            continue;
        }
        seen.push(part);
        let field = text_field(part);
        feedback.keep(&field, text);
        if text.chars().count() > MAX_TEXT {
            feedback.error(&field, lang.text("report-text-too-long"));
        } else if text.trim() != stored.trim() {
            changed.push((part.clone(), text.trim().to_owned()));
        }
    }
    if !feedback.is_ok() {
        return Err(feedback.into());
    }
    db.report()
        .save_texts(&report_key(period), &changed, (Some(actor_id), now))
        .await?;
    Ok(())
}
