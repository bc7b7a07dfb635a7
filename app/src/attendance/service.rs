//! What the attendance form does: read the ticked parties and the counts, check them with a
//! Danish message per field, and record them.

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::Attendance;
use crate::{
    calendar::{Activity, Occurrence},
    db::Db,
    errors::Refusal,
    forms::FormFeedback,
    i18n::Lang,
    signups::{Signup, SignupStatus},
};

/// The attendance form as posted: every count as typed, so nothing is lost, and the ticked
/// parties (the checkbox `came` repeats once per ticked party, with its id).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct AttendanceForm {
    /// "ja" (held) or "nej" (not held).
    pub held: String,
    pub walkin_adults: String,
    pub walkin_children: String,
    pub volunteers: String,
    pub first_timers: String,
    /// The ids of the parties ticked off as having come.
    pub came: Vec<i64>,
}

/// The most persons one count may hold; a typo like 3000 is caught.
const MAX_COUNT: i64 = 1000;

/// The count fields, in the order the form shows them.
pub const COUNT_FIELDS: [&str; 4] = [
    "walkin_adults",
    "walkin_children",
    "volunteers",
    "first_timers",
];

impl AttendanceForm {
    /// The form filled in from what was recorded (or blank, held, for a first recording).
    pub fn feedback_from(attendance: Option<&Attendance>, signups: &[Signup]) -> FormFeedback {
        let mut feedback = FormFeedback::for_form("attendance");
        let attendance = attendance.copied().unwrap_or(Attendance {
            held: true,
            ..Attendance::default()
        });
        feedback.keep("held", if attendance.held { "ja" } else { "nej" });
        for (field, value) in COUNT_FIELDS.iter().zip([
            attendance.walkin_adults,
            attendance.walkin_children,
            attendance.volunteers,
            attendance.first_timers,
        ]) {
            feedback.keep(field, &value.to_string());
        }
        let came: Vec<String> = signups
            .iter()
            .filter(|signup| signup.took_part())
            .map(|signup| signup.id.to_string())
            .collect();
        feedback.keep("came", &came.join(","));
        feedback
    }
}

/// Checks the form against the occurrence's confirmed parties.
pub fn check(
    lang: Lang,
    form: &AttendanceForm,
    signups: &[Signup],
) -> Result<(Attendance, Vec<i64>), FormFeedback> {
    let mut feedback = FormFeedback::for_form("attendance");
    feedback.keep("held", &form.held);
    let came: Vec<i64> = form
        .came
        .iter()
        .copied()
        .filter(|id| {
            signups
                .iter()
                .any(|signup| signup.id == *id && signup.status == SignupStatus::Confirmed)
        })
        .collect();
    let came_text: Vec<String> = came.iter().map(i64::to_string).collect();
    feedback.keep("came", &came_text.join(","));
    let held = match form.held.as_str() {
        "ja" => Some(true),
        "nej" => Some(false),
        _ => None,
    };
    if held.is_none() {
        feedback.error("held", lang.text("attendance-held-missing"));
    }
    let mut counts = [0i64; 4];
    for (index, (field, value)) in COUNT_FIELDS
        .iter()
        .zip([
            &form.walkin_adults,
            &form.walkin_children,
            &form.volunteers,
            &form.first_timers,
        ])
        .enumerate()
    {
        feedback.keep(field, value);
        match value.trim() {
            "" => {}
            text => match text.parse::<i64>() {
                Ok(count) if (0..=MAX_COUNT).contains(&count) => counts[index] = count,
                _ => {
                    feedback.error(field, lang.text("attendance-count-invalid"));
                }
            },
        }
    }
    match held {
        Some(held) if feedback.is_ok() => {
            let attendance = Attendance::recorded(held, counts);
            Ok((attendance, if held { came } else { Vec::new() }))
        }
        _ => Err(feedback),
    }
}

/// Records the attendance of an occurrence from the posted form.
pub async fn record(
    db: &Db,
    lang: Lang,
    actor_id: i64,
    activity: &Activity,
    occurrence: &Occurrence,
    form: &AttendanceForm,
    now: DateTime<Utc>,
) -> Result<(), Refusal> {
    let occurrence_id = db
        .signups()
        .ensure_occurrence_row(activity.id, occurrence.key.date)
        .await?;
    let signups = db.signups().signups_of(occurrence_id).await?;
    let (attendance, came) = check(lang, form, &signups)?;
    db.attendance()
        .record_attendance(Some(actor_id), occurrence_id, &attendance, &came, now)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::signups::samples::party;

    /// The form as a browser posts it.
    fn posted(body: &str) -> AttendanceForm {
        serde_html_form::from_str(body).unwrap()
    }

    #[test]
    fn ticked_parties_and_counts_are_read() {
        let signups = [
            party(7, SignupStatus::Confirmed),
            party(8, SignupStatus::Waitlisted),
        ];
        let form = posted(
            "held=ja&came=7&came=8&walkin_adults=3&walkin_children=&volunteers=2&first_timers=1",
        );
        let (attendance, came) = check(Lang::DA, &form, &signups).unwrap();
        // A waiting party cannot be ticked off; an empty count is 0.
        assert_eq!(came, [7]);
        assert_eq!(
            attendance,
            Attendance {
                held: true,
                walkin_adults: 3,
                walkin_children: 0,
                volunteers: 2,
                first_timers: 1
            }
        );
    }

    #[test]
    fn bad_counts_get_a_message_and_keep_what_was_typed() {
        let form = posted("held=ja&walkin_adults=-1&volunteers=to&first_timers=5000");
        let refused = check(Lang::DA, &form, &[]).unwrap_err();
        for field in ["walkin_adults", "volunteers", "first_timers"] {
            assert!(refused.error_for(field).is_some(), "{field}");
        }
        assert_eq!(refused.value("volunteers"), Some("to"));
        let refused = check(Lang::DA, &AttendanceForm::default(), &[]).unwrap_err();
        assert!(refused.error_for("held").is_some());
    }

    #[test]
    fn an_occurrence_not_held_has_no_participants() {
        let form = posted("held=nej&came=7&walkin_adults=4");
        let (attendance, came) =
            check(Lang::DA, &form, &[party(7, SignupStatus::Confirmed)]).unwrap();
        assert_eq!((attendance, came.len()), (Attendance::default(), 0));
    }
}
