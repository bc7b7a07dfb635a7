//! Markdown to HTML that is safe to show: pulldown-cmark renders, ammonia removes everything
//! that could run or load something (scripts, event attributes, `javascript:` links, styles,
//! frames). The result is stored with the article, so pages insert it as it is.

use pulldown_cmark::{html, Options, Parser};

/// The sanitized HTML of `markdown`.
pub fn to_safe_html(markdown: &str) -> String {
    let parser = Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    );
    let mut unsafe_html = String::new();
    html::push_html(&mut unsafe_html, parser);
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer"))
        .url_schemes(["http", "https", "mailto", "tel"].into_iter().collect())
        .clean(&unsafe_html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_html_without_anything_that_runs() {
        let html = to_safe_html(
            "# Fællesspisning\n\nVi *spiser* sammen. [Kalender](/kalender)\n\n\
             <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))",
        );
        assert!(html.contains("<h1>Fællesspisning</h1>") && html.contains("<em>spiser</em>"));
        assert!(
            html.contains(r#"<a href="/kalender" rel="noopener noreferrer">"#),
            "{html}"
        );
        for bad in ["<script", "onerror", "href=\"javascript"] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
    }
}
