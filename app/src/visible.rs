//! What a page's server function answers for a thing that a domain's loader may refuse: the
//! thing, or which refusal page to show. `crate::errors::visible` makes it from a loader's
//! answer, and `components::data::or_refused` shows it, so every page shows a refusal alike.

use serde::{Deserialize, Serialize};

/// The thing, or why this viewer does not see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Visible<T> {
    Shown(T),
    /// Nothing is there, or nothing this viewer may know of: the 404 page.
    NotFound,
    /// It is there, but not for this viewer: the 403 page.
    Forbidden,
}
