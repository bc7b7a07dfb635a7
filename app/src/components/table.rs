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

/// A row of a table whose first cell names it (a header cell for the row), then `cells`.
pub fn named_row(name: String, cells: impl IntoView + 'static) -> AnyView {
    view! {
        <tr>
            <th scope="row">{name}</th>
            {cells}
        </tr>
    }
    .into_any()
}
