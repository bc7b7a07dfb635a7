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

impl Attendance {
    /// What staff recorded: whether it was `held`, and the counts of walk-in adults and
    /// children, volunteers and first-timers. Nobody came to what did not take place, so a date
    /// not held has no counts.
    pub fn recorded(
        held: bool,
        [walkin_adults, walkin_children, volunteers, first_timers]: [i64; 4],
    ) -> Self {
        if !held {
            return Attendance::default();
        }
        Attendance {
            held,
            walkin_adults,
            walkin_children,
            volunteers,
            first_timers,
        }
    }
}
