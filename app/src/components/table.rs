//! The tables of the staff pages, which scroll sideways on a phone.

use leptos::prelude::*;

/// A table that scrolls sideways on a phone; `children` are its caption, head and body. The
/// scrolling region is focusable and named by `label`, so keyboard users can scroll it too.
#[component]
pub fn ScrollingTable(
    label: String,
    /// The table's CSS class, if it has one.
    #[prop(optional)]
    class: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="table-wrap" role="region" aria-label=label tabindex="0">
            <table class=class>{children()}</table>
        </div>
    }
}
