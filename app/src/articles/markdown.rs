//! Markdown to HTML that is safe to show: pulldown-cmark renders, ammonia removes everything
//! that could run or load something (scripts, event attributes, `javascript:` links, styles,
//! frames). The result is stored with the article, so pages insert it as it is.
//!
//! Cleaning costs time in proportion to the length times the depth of the nesting (ammonia's
//! HTML parser looks through the open elements at every tag), so a text of 100,000 `>` or of
//! nested `<blockquote>` would take seconds. A text nested deeper than [`MAX_DEPTH`] is refused
//! before it is cleaned ([`TooDeep`]); the depth is read from the rendered HTML in one pass.
//! Callers run [`to_safe_html`] through [`crate::cpu::run`], never on the async runtime.

use pulldown_cmark::{html, Options, Parser};

use crate::{forms::FormFeedback, i18n::Lang};

/// The longest text, in characters, that an article or a journalist's submission may have.
pub const MAX_BODY: usize = 100_000;

/// The deepest nesting of elements a text may have: quotes in lists in quotes, with room to
/// spare (a real article rarely goes past five).
pub const MAX_DEPTH: usize = 24;

/// The text nests elements deeper than [`MAX_DEPTH`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooDeep;

/// The sanitized HTML of `markdown`, or [`TooDeep`] when it nests deeper than [`MAX_DEPTH`].
pub fn to_safe_html(markdown: &str) -> Result<String, TooDeep> {
    let parser = Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    );
    let mut unsafe_html = String::new();
    html::push_html(&mut unsafe_html, parser);
    if deepest_nesting(&unsafe_html) > MAX_DEPTH {
        return Err(TooDeep);
    }
    Ok(ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer"))
        .url_schemes(["http", "https", "mailto", "tel"].into_iter().collect())
        .clean(&unsafe_html)
        .to_string())
}

/// [`to_safe_html`] within the CPU budget ([`crate::cpu::run`]).
pub async fn clean(markdown: &str) -> Result<String, TooDeep> {
    let markdown = markdown.to_owned();
    crate::cpu::run(move || to_safe_html(&markdown)).await
}

/// Checks a form's text (not longer than [`MAX_BODY`], not nested deeper than [`MAX_DEPTH`])
/// with a message by the `body` field, and gives its sanitized HTML (empty when refused).
pub async fn check_body(lang: Lang, body: &str, feedback: &mut FormFeedback) -> String {
    if body.chars().count() > MAX_BODY {
        feedback.error("body", lang.text("article-body-too-long"));
        return String::new();
    }
    match clean(body).await {
        Ok(html) => html,
        Err(TooDeep) => {
            feedback.error("body", lang.text("article-body-too-deep"));
            String::new()
        }
    }
}

/// The live preview of a text being typed: its sanitized HTML, or a paragraph saying why it
/// cannot be shown (too long, nested too deep), the same messages the form gives when saved.
pub async fn live_preview(lang: Lang, body: &str) -> String {
    let refused = |key: &str| format!("<p class=\"preview__refused\">{}</p>", lang.text(key));
    if body.chars().count() > MAX_BODY {
        return refused("article-body-too-long");
    }
    clean(body)
        .await
        .unwrap_or_else(|TooDeep| refused("article-body-too-deep"))
}

/// The deepest nesting of elements in `html`, counted generously in one pass: every start tag
/// of an element that is not void opens a level, every end tag closes one. It is never less
/// than what an HTML parser builds for the same text (a parser closes what a missing end tag
/// leaves open; this count does not), so a text it lets through is cheap to clean. Written by
/// hand because an HTML tokenizer (html5ever's, inside ammonia) is not exposed by ammonia, and
/// this count needs no more than a look at each byte once.
fn deepest_nesting(html: &str) -> usize {
    const VOID: [&str; 14] = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr",
    ];
    let bytes = html.as_bytes();
    let (mut depth, mut deepest) = (0_usize, 0_usize);
    let mut at = 0;
    while let Some(offset) = bytes[at..].iter().position(|&b| b == b'<') {
        let start = at + offset + 1;
        let closing = bytes.get(start) == Some(&b'/');
        let name_start = start + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        at = name_start + name_len;
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            continue;
        }
        let name = html[name_start..at].to_ascii_lowercase();
        let tag_end = bytes[at..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(bytes.len(), |end| at + end);
        let self_closing = tag_end > 0 && bytes.get(tag_end - 1) == Some(&b'/');
        if !VOID.contains(&name.as_str()) && !self_closing {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_html_without_anything_that_runs() {
        let html = to_safe_html(
            "# Fællesspisning\n\nVi *spiser* sammen. [Kalender](/kalender)\n\n\
             <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))",
        )
        .unwrap();
        assert!(html.contains("<h1>Fællesspisning</h1>") && html.contains("<em>spiser</em>"));
        assert!(
            html.contains(r#"<a href="/kalender" rel="noopener noreferrer">"#),
            "{html}"
        );
        for bad in ["<script", "onerror", "href=\"javascript"] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
    }

    #[test]
    fn nesting_is_counted_from_markdown_and_from_raw_html() {
        assert_eq!(deepest_nesting("<p>a<br>b<img src=x/></p>"), 1);
        assert_eq!(deepest_nesting("<ul><li><p>x</p></li></ul><p>y</p>"), 3);
        assert_eq!(deepest_nesting("a < b and 3<4, </ x"), 0);
        let quotes = ">".repeat(MAX_DEPTH - 1); // and the paragraph inside them
        assert!(to_safe_html(&format!("{quotes} dybt")).is_ok());
        let deeper = ">".repeat(MAX_DEPTH + 1);
        assert_eq!(to_safe_html(&format!("{deeper} for dybt")), Err(TooDeep));
        let raw = "<blockquote>".repeat(MAX_DEPTH + 1);
        assert_eq!(to_safe_html(&raw), Err(TooDeep));
        let lists: String = (0..MAX_DEPTH)
            .map(|level| format!("{}- punkt\n", "  ".repeat(level)))
            .collect();
        assert_eq!(to_safe_html(&lists), Err(TooDeep), "lists nest li in ul");
    }
}
