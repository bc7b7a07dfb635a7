//! Plain text as HTML.

use leptos::prelude::*;

/// Splits plain text into paragraphs at blank lines, each with the CSS `class` (or none).
pub fn paragraphs(text: &str, class: &'static str) -> impl IntoView {
    text.split("\n\n")
        .map(str::trim)
        .filter(|paragraph| !paragraph.is_empty())
        .map(|paragraph| {
            let class = (!class.is_empty()).then_some(class);
            view! {
                <p class=class lang=crate::i18n::content_lang() dir=crate::i18n::content_dir()>
                    {paragraph.to_owned()}
                </p>
            }
        })
        .collect_view()
}
