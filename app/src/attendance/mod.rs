//! Attendance (fremmøde): for each occurrence staff record whether it was held, tick off the
//! signed-up parties that came, and count everyone else — adults and children who came without
//! signing up, volunteers and first-timers. Drop-in activities have no sign-ups, so all who came
//! are counted as walk-ins. The figures (`crate::figures`) are computed from these records.

pub mod api;
#[cfg(feature = "ssr")]
pub mod queries;
#[cfg(feature = "ssr")]
pub mod service;

use serde::{Deserialize, Serialize};

/// What staff recorded for one occurrence.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendance {
    /// False when it did not take place after all.
    pub held: bool,
    /// Adults who came without a sign-up (for a drop-in activity: every adult).
    pub walkin_adults: i64,
    /// Children who came without a sign-up (for a drop-in activity: every child).
    pub walkin_children: i64,
    pub volunteers: i64,
    /// Participants who came for the first time.
    pub first_timers: i64,
}
