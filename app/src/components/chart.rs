//! The frame of the bar charts drawn as SVG on the server: the figures' and the visitors'.

use leptos::prelude::*;

use crate::i18n::t;

/// What every chart of the figures shares: the figure with its SVG, titled for screen readers,
/// the legend of this period (`current`) and last year, the `bars`, and a caption that points
/// to the table with the same numbers.
pub fn chart_frame(
    id: &str,
    class: &'static str,
    view_box: String,
    title: String,
    (current, previous): (String, String),
    bars: AnyView,
) -> AnyView {
    const LEFT: f64 = 8.0;
    let title_id = format!("{id}-title");
    let labelled_by = title_id.clone();
    view! {
        <figure class=class>
            <svg viewBox=view_box role="img" aria-labelledby=labelled_by width="100%">
                <title id=title_id>{title.clone()}</title>
                <rect x=LEFT y="4" width="12" height="12" class="chart__bar" />
                <text x=LEFT + 18.0 y="15" class="chart__legend">
                    {current}
                </text>
                <rect
                    x=LEFT
                    y="22"
                    width="12"
                    height="12"
                    class="chart__bar chart__bar--previous"
                />
                <text x=LEFT + 18.0 y="33" class="chart__legend">
                    {previous}
                </text>
                {bars}
            </svg>
            <figcaption>{title} ". " {t("figures-chart-see-table")}</figcaption>
        </figure>
    }
    .into_any()
}
