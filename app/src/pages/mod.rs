//! The pages, one module per kind of page.

pub mod accounts;
pub mod articles;
pub mod calendar;
pub mod data;
pub mod errors;
pub mod figures;
pub mod home;
pub mod info;
pub mod signups;
pub mod staff;
pub mod staff_articles;
pub mod staff_attendance;
pub mod staff_calendar;
pub mod staff_submissions;
pub mod submissions;
pub mod visits;

use leptos::prelude::*;

/// Splits plain text into paragraphs at blank lines, each with the CSS `class` (or none).
pub fn paragraphs(text: &str, class: &'static str) -> impl IntoView {
    text.split("\n\n")
        .map(str::trim)
        .filter(|paragraph| !paragraph.is_empty())
        .map(|paragraph| {
            let class = (!class.is_empty()).then_some(class);
            view! { <p class=class>{paragraph.to_owned()}</p> }
        })
        .collect_view()
}
