//! The report's bar chart as a standalone SVG document: the page shows it inline, and the Word
//! document draws the same markup as PNG (`docx.rs`). Colours and fonts are attributes, not
//! the page's stylesheet, so both draw it alike. Written by hand like the figures' charts: a
//! few bars with their labels are a few lines of markup.

/// The chart's colours: this period (the site's brand colour) and last year, and the text.
const CURRENT: &str = "#0b5d4b";
const PREVIOUS: &str = "#8c8a80";
const INK: &str = "#1d1d1b";
const MUTED: &str = "#545450";

/// The font the chart names first: the one the Word document's drawing ships with.
pub const FONT: &str = "DejaVu Sans";

/// Escapes text for XML: the chart's labels are names staff typed.
fn escaped(text: &str) -> String {
    html_escape::encode_text(text)
        .replace('"', "&quot;")
        .to_string()
}

/// A horizontal bar chart titled `title`, with a legend of `current` and `previous` and one
/// row per `(label, this period, last year)`. The SVG has its own size, so it can be drawn
/// outside a page.
pub fn bar_chart(
    title: &str,
    (current, previous): (&str, &str),
    rows: &[(String, i64, i64)],
) -> String {
    const BAR: f64 = 14.0;
    const ROW: f64 = 2.0 * BAR + 26.0;
    const WIDTH: f64 = 480.0;
    const TOP: f64 = 64.0;
    const LEFT: f64 = 8.0;
    let largest = rows
        .iter()
        .flat_map(|(_, now, before)| [*now, *before])
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let scale = (WIDTH - LEFT - 60.0) / largest;
    let height = ROW * rows.len() as f64 + TOP;
    let text = |x: f64, y: f64, size: u32, fill: &str, content: &str| {
        format!(
            r#"<text x="{x}" y="{y}" font-size="{size}" fill="{fill}">{}</text>"#,
            escaped(content)
        )
    };
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" aria-label="{}" font-family="{FONT}, sans-serif">"#,
        escaped(title)
    );
    svg.push_str(&format!(
        r##"<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>"##
    ));
    svg.push_str(&text(LEFT, 16.0, 14, INK, title));
    svg.push_str(&format!(
        r#"<rect x="{LEFT}" y="26" width="12" height="12" fill="{CURRENT}"/>"#
    ));
    svg.push_str(&text(LEFT + 18.0, 37.0, 13, INK, current));
    svg.push_str(&format!(
        r#"<rect x="{LEFT}" y="44" width="12" height="12" fill="{PREVIOUS}"/>"#
    ));
    svg.push_str(&text(LEFT + 18.0, 55.0, 13, INK, previous));
    for (index, (label, now, before)) in rows.iter().enumerate() {
        let top = TOP + ROW * index as f64;
        let now_width = (*now as f64 * scale).max(1.0);
        let before_width = (*before as f64 * scale).max(1.0);
        svg.push_str(&text(LEFT, top + 12.0, 13, INK, label));
        svg.push_str(&format!(
            r#"<rect x="{LEFT}" y="{}" width="{now_width:.1}" height="{BAR}" fill="{CURRENT}"/>"#,
            top + 16.0
        ));
        svg.push_str(&text(
            LEFT + now_width + 4.0,
            top + 16.0 + BAR - 2.0,
            12,
            INK,
            &now.to_string(),
        ));
        svg.push_str(&format!(
            r#"<rect x="{LEFT}" y="{}" width="{before_width:.1}" height="{}" fill="{PREVIOUS}"/>"#,
            top + 16.0 + BAR,
            BAR - 2.0
        ));
        svg.push_str(&text(
            LEFT + before_width + 4.0,
            top + 16.0 + 2.0 * BAR - 4.0,
            12,
            MUTED,
            &before.to_string(),
        ));
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_escaped_and_every_row_has_its_bars() {
        let svg = bar_chart(
            "Deltagere <i alt>",
            ("2026", "2025"),
            &[
                ("Fællesspisning & kaffe".into(), 120, 80),
                ("Babycafé".into(), 0, 12),
            ],
        );
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains("Deltagere &lt;i alt&gt;"));
        assert!(svg.contains("Fællesspisning &amp; kaffe"));
        assert_eq!(svg.matches("<rect").count(), 3 + 2 * 2);
        assert!(svg.ends_with("</svg>"));
    }
}
