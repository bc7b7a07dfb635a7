//! The server function behind the staff's page of one occurrence
//! (`/personale/aktiviteter/{id}/{date}`): its sign-ups, and the attendance form filled in
//! with what was recorded.

use chrono::NaiveDate;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::Attendance;
use crate::{
    calendar::{Activity, Occurrence},
    forms::FormFeedback,
    signups::Signup,
    visible::Visible,
};

/// What the staff's occurrence pages show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffOccurrence {
    pub activity: Activity,
    pub occurrence: Occurrence,
    /// Every sign-up in order of arrival, cancelled ones included.
    pub signups: Vec<Signup>,
    pub attendance: Option<Attendance>,
    /// The attendance form filled in from what was recorded.
    pub form: FormFeedback,
    /// Whether its sign-ups may still change (`Occurrence::open_for_changes` now): staff can
    /// remove one until the date begins.
    pub open_for_changes: bool,
}

/// One occurrence of activity `id` by its scheduled date, for staff, as
/// `calendar::service::dated_occurrence` loads it.
#[server(prefix = "/personale/api", endpoint = "gang")]
pub async fn load_staff_occurrence(
    id: i64,
    date: NaiveDate,
) -> Result<Visible<StaffOccurrence>, ServerFnError> {
    use crate::errors::{db_from_context, internal, visible};
    crate::accounts::api::require(crate::accounts::Role::Staff)?;
    let db = db_from_context()?;
    let found =
        crate::calendar::service::dated_occurrence(&db, id, date, crate::clock::today()).await;
    let (activity, occurrence) = match found {
        Ok(found) => found,
        Err(refused) => return visible::<StaffOccurrence>(Err(refused)),
    };
    let (signups, attendance) = match db
        .attendance()
        .existing_occurrence_id(activity.id, date)
        .await
        .map_err(internal)?
    {
        Some(row) => (
            db.signups().signups_of(row).await.map_err(internal)?,
            db.attendance().attendance_of(row).await.map_err(internal)?,
        ),
        None => (Vec::new(), None),
    };
    let form = super::service::AttendanceForm::feedback_from(attendance.as_ref(), &signups);
    let open_for_changes = occurrence.open_for_changes(crate::clock::local(crate::clock::now()));
    Ok(Visible::Shown(StaffOccurrence {
        activity,
        occurrence,
        signups,
        attendance,
        form,
        open_for_changes,
    }))
}

/// Today's occurrences with their activity's id, for the staff's start page: the way to the
/// attendance form at the door.
#[server(prefix = "/personale/api", endpoint = "i-dag")]
pub async fn load_staff_today() -> Result<Vec<(i64, Occurrence)>, ServerFnError> {
    use crate::{
        calendar::occurrences::Filter,
        clock::today,
        errors::{db_from_context, internal},
    };
    crate::accounts::api::require(crate::accounts::Role::Staff)?;
    let db = db_from_context()?;
    let today = today();
    let activities = db.calendar().list_activities().await.map_err(internal)?;
    let occurrences = db
        .calendar()
        .occurrences_between(today, today, &Filter::default())
        .await
        .map_err(internal)?;
    Ok(occurrences
        .into_iter()
        .filter_map(|occurrence| {
            activities
                .iter()
                .find(|activity| activity.slug == occurrence.key.activity_slug)
                .map(|activity| (activity.id, occurrence))
        })
        .collect())
}
