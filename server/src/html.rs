//! The HTML of a page as it leaves the server: what Leptos writes for hydration, taken out where
//! nothing hydrates.
//!
//! Leptos 0.8 writes two things for the browser's hydration into every page it renders, also in
//! islands mode on a page without islands: `<!>` markers between pieces of text (an HTML
//! parse error, "bogus comment", to a validator) and `<script>` elements with the resources'
//! data after `</html>` ("stray start tag", since nothing may follow the document). Upstream,
//! `leptos_integration_utils::build_response` renders with `SsrSharedContext::new()` rather
//! than `new_islands()` and always appends the resource scripts after the app's stream. Until
//! that changes, [`tidy`] fixes the page here: on a page without islands both go (nothing reads
//! them), and on a page with islands the markers outside every island (and in an island's
//! children, which are not hydrated either) go and the scripts move
//! before `</body>`, where the islands' start-up still finds them (it runs after parsing).
//!
//! Written here, not with an HTML rewriter such as `lol_html`: the two patterns are Leptos's own
//! fixed output, and a pass over the bytes costs far less than parsing the page.

use std::borrow::Cow;

use app::i18n::{has_languages, Lang};
use axum::{
    body::{Body, Bytes},
    extract::Request,
    http::{header, StatusCode},
    middleware::Next,
    response::Response,
};
use http_body_util::BodyExt;

/// The element Leptos wraps an island in.
const ISLAND_START: &str = "<leptos-island";
const ISLAND_END: &str = "</leptos-island>";
/// The element Leptos wraps an island's children in; they are not hydrated.
const CHILDREN_START: &str = "<leptos-children";
const CHILDREN_END: &str = "</leptos-children>";
const MARKER: &str = "<!>";
const DOCUMENT_END: &str = "</html>";
const BODY_END: &str = "</body>";

/// `html` without the hydration markers and scripts nothing on the page needs.
pub fn tidy(html: &str) -> Cow<'_, str> {
    let has_islands = html.contains(ISLAND_START);
    let (document, after) = match html.rfind(DOCUMENT_END) {
        Some(end) => html.split_at(end + DOCUMENT_END.len()),
        None => (html, ""),
    };
    let trailing_scripts = !after.trim().is_empty();
    if !document.contains(MARKER) && !trailing_scripts && !has_islands {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    // Which of the two is open, innermost last: markers are kept only directly in an island
    // (its children are not hydrated, tachys passes over them).
    let mut open: Vec<bool> = Vec::new();
    let mut rest = document;
    // Walks from one place of interest to the next: a marker, an island's or its children's
    // start or end.
    let patterns = [
        MARKER,
        ISLAND_START,
        ISLAND_END,
        CHILDREN_START,
        CHILDREN_END,
    ];
    while let Some(at) = next_of(rest, &patterns) {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        let found = patterns
            .into_iter()
            .find(|pattern| from.starts_with(pattern))
            .unwrap_or(MARKER);
        match found {
            MARKER => {
                if open.last() == Some(&true) {
                    out.push_str(MARKER);
                }
            }
            ISLAND_START | CHILDREN_START => {
                open.push(found == ISLAND_START);
                out.push_str(found);
            }
            _ => {
                open.pop();
                out.push_str(found);
            }
        }
        rest = from.get(found.len()..).unwrap_or_default();
    }
    out.push_str(rest);
    if has_islands {
        out = with_valid_crossorigin(out);
    }
    if trailing_scripts && has_islands {
        if let Some(body_end) = out.rfind(BODY_END) {
            out.insert_str(body_end, after.trim());
        }
    }
    Cow::Owned(out)
}

/// `html` with every `crossorigin` of a `<link>` that is not one of the attribute's values made
/// empty (which means `anonymous`, as any unknown value does). Leptos 0.8's `HydrationScripts`
/// gives the preload links of the script and the WASM the nonce as their `crossorigin`; the
/// browser reads that as `anonymous` too, so nothing changes but the page's validity. Only
/// `<link>` tags are looked at: typed text never holds a raw `<link`.
fn with_valid_crossorigin(html: String) -> String {
    const ATTRIBUTE: &str = "crossorigin=\"";
    let mut out = String::with_capacity(html.len());
    let mut rest = html.as_str();
    while let Some(start) = rest.find("<link ") {
        let end = rest[start..]
            .find('>')
            .map_or(rest.len(), |end| start + end);
        let (before, tag) = (&rest[..start], &rest[start..end]);
        out.push_str(before);
        match tag.find(ATTRIBUTE) {
            Some(at) => {
                let value_start = at + ATTRIBUTE.len();
                let value_end = tag[value_start..]
                    .find('"')
                    .map_or(tag.len(), |quote| value_start + quote);
                let value = &tag[value_start..value_end];
                if matches!(value, "" | "anonymous" | "use-credentials") {
                    out.push_str(tag);
                } else {
                    out.push_str(&tag[..value_start]);
                    out.push_str(&tag[value_end..]);
                }
            }
            None => out.push_str(tag),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Where the first of `patterns` starts in `text`.
fn next_of(text: &str, patterns: &[&str]) -> Option<usize> {
    patterns
        .iter()
        .filter_map(|pattern| text.find(pattern))
        .min()
}

/// `html` (a page in `lang`) with its links and forms sent to the same language: a link to
/// `/kalender` on an English page goes to `/en/kalender`. Links that name their language
/// (`hreflang`, the language switcher's and the alternates') and addresses that are the same in
/// every language ([`has_languages`]) are left as they are.
///
/// Rewritten here rather than by every link in the app: pages, components, articles' own
/// Markdown links and the router's `<A>` all write Danish addresses, and the router matches
/// the address without its language (see `crate::language`).
pub fn localise(html: &str, lang: Lang) -> Cow<'_, str> {
    if lang == Lang::DA {
        return Cow::Borrowed(html);
    }
    let localise = |attribute: &'static str| {
        move |element: &mut lol_html::html_content::Element| {
            if let Some(value) = element.get_attribute(attribute) {
                let already = Lang::of_address(&value).0 != Lang::DA;
                if !already && has_languages(&value) {
                    element.set_attribute(attribute, &lang.address(&value))?;
                }
            }
            Ok(())
        }
    };
    let settings = lol_html::RewriteStrSettings {
        element_content_handlers: vec![
            lol_html::element!("a[href]:not([hreflang])", localise("href")),
            lol_html::element!("form[action]", localise("action")),
            lol_html::element!("button[formaction]", localise("formaction")),
        ],
        ..lol_html::RewriteStrSettings::new()
    };
    match lol_html::rewrite_str(html, settings) {
        Ok(localised) => Cow::Owned(localised),
        Err(err) => {
            tracing::warn!(error = %err, "could not send a page's links to its language");
            Cow::Borrowed(html)
        }
    }
}

/// The page as it leaves the server: [`tidy`], and [`localise`] for a page not in Danish.
pub fn finish(html: &str, lang: Lang) -> Cow<'_, str> {
    match tidy(html) {
        Cow::Borrowed(html) => localise(html, lang),
        Cow::Owned(tidied) => Cow::Owned(localise(&tidied, lang).into_owned()),
    }
}

/// The largest page [`tidy_pages`] reads whole to tidy; a larger one passes as it is.
const LARGEST_PAGE: usize = 4 * 1024 * 1024;

/// Middleware: tidies every HTML answer that is not compressed yet (pages from the page cache
/// are stored tidied and say so).
pub async fn tidy_pages(request: Request, next: Next) -> Response {
    let lang = crate::language::of(&request);
    let response = next.run(request).await;
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("text/html"));
    if !html
        || response.headers().contains_key(header::CONTENT_ENCODING)
        || response.extensions().get::<Tidied>().is_some()
        || response.status() == StatusCode::NOT_MODIFIED
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = match read_whole(body, LARGEST_PAGE).await {
        Ok(bytes) => bytes,
        Err(body) => return Response::from_parts(parts, body),
    };
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    let body = match finish(text, lang) {
        Cow::Borrowed(_) => Body::from(bytes),
        Cow::Owned(finished) => Body::from(finished),
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, body)
}

/// The whole of `body`, or (when it is larger than `limit` or fails) a body that gives what was
/// read and then the rest, as if nothing had been read.
pub(crate) async fn read_whole(mut body: Body, limit: usize) -> Result<Bytes, Body> {
    let mut read: Vec<u8> = Vec::new();
    while let Some(frame) = body.frame().await {
        match frame {
            Ok(frame) => {
                if let Ok(data) = frame.into_data() {
                    read.extend_from_slice(&data);
                }
                if read.len() > limit {
                    let head = futures_util::stream::once(async move {
                        Ok::<_, axum::Error>(Bytes::from(read))
                    });
                    let rest = body.into_data_stream();
                    return Err(Body::from_stream(futures_util::StreamExt::chain(
                        head, rest,
                    )));
                }
            }
            Err(err) => {
                let chunks: Vec<Result<Bytes, axum::Error>> = vec![Ok(Bytes::from(read)), Err(err)];
                return Err(Body::from_stream(futures_util::stream::iter(chunks)));
            }
        }
    }
    Ok(Bytes::from(read))
}

/// Marks an answer whose HTML is tidied already.
#[derive(Clone, Copy, Debug)]
pub struct Tidied;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_without_islands_loses_markers_and_scripts() {
        let page = "<!DOCTYPE html><html><head></head><body><p>Der er <!>12<!> ledige \
                    pladser.</p></body></html><script nonce=\"n\">__RESOLVED_RESOURCES=[];\
                    </script><script nonce=\"n\">__INCOMPLETE_CHUNKS=[];</script>";
        assert_eq!(
            tidy(page),
            "<!DOCTYPE html><html><head></head><body><p>Der er 12 ledige pladser.</p>\
             </body></html>"
        );
    }

    #[test]
    fn an_island_keeps_its_markers_and_its_data_moves_into_the_body() {
        let page = "<!DOCTYPE html><html><body><p>a<!>b</p><leptos-island data-component=\"x\">\
                    <p>c<!>d</p><leptos-children><p>g<!>h</p></leptos-children><p>i<!>j</p>\
                    </leptos-island><p>e<!>f</p></body></html>\
                    <script>__RESOLVED_RESOURCES=[];</script>";
        assert_eq!(
            tidy(page),
            "<!DOCTYPE html><html><body><p>ab</p><leptos-island data-component=\"x\">\
             <p>c<!>d</p><leptos-children><p>gh</p></leptos-children><p>i<!>j</p>\
             </leptos-island><p>ef</p><script>__RESOLVED_RESOURCES=[];</script>\
             </body></html>"
        );
    }

    #[test]
    fn the_preload_links_get_a_valid_crossorigin() {
        let page = "<html><head><link rel=\"modulepreload\" href=\"/pkg/a.js\" \
                    crossorigin=\"Zq3x_9\"><link rel=\"stylesheet\" href=\"/a.css\">\
                    <link rel=\"preload\" crossorigin=\"anonymous\"></head><body>\
                    <leptos-island><p>crossorigin=\"x\"</p></leptos-island></body></html>";
        assert_eq!(
            tidy(page),
            "<html><head><link rel=\"modulepreload\" href=\"/pkg/a.js\" crossorigin=\"\">\
             <link rel=\"stylesheet\" href=\"/a.css\"><link rel=\"preload\" \
             crossorigin=\"anonymous\"></head><body><leptos-island><p>crossorigin=\"x\"</p>\
             </leptos-island></body></html>"
        );
    }

    #[test]
    fn a_page_in_english_links_to_english_pages() {
        let page = "<html><head><link rel=\"stylesheet\" href=\"/pkg/a.css\"></head><body>\
                    <a href=\"/\">Home</a><a href=\"/kalender?uge=2026-W49&amp;x=1\">C</a>\
                    <a href=\"/kalender\" hreflang=\"da\">Dansk</a><a href=\"/en/nyheder\">N</a>\
                    <a href=\"/kalender.ics\">Feed</a><a href=\"/personale\">Staff</a>\
                    <a href=\"https://digst.dk\">Out</a><a href=\"#indhold\">Skip</a>\
                    <form method=\"post\" action=\"/aktiviteter/x/2026-12-08\"></form>\
                    <p>href=\"/kalender\"</p></body></html>";
        assert_eq!(
            localise(page, Lang::EN),
            "<html><head><link rel=\"stylesheet\" href=\"/pkg/a.css\"></head><body>\
             <a href=\"/en\">Home</a><a href=\"/en/kalender?uge=2026-W49&amp;x=1\">C</a>\
             <a href=\"/kalender\" hreflang=\"da\">Dansk</a><a href=\"/en/nyheder\">N</a>\
             <a href=\"/kalender.ics\">Feed</a><a href=\"/personale\">Staff</a>\
             <a href=\"https://digst.dk\">Out</a><a href=\"#indhold\">Skip</a>\
             <form method=\"post\" action=\"/en/aktiviteter/x/2026-12-08\"></form>\
             <p>href=\"/kalender\"</p></body></html>"
        );
        assert!(matches!(localise(page, Lang::DA), Cow::Borrowed(_)));
    }

    #[test]
    fn a_tidy_page_is_left_as_it_is() {
        let page = "<!DOCTYPE html><html><body><p>Tilmeld dig &lt;!&gt;</p></body></html>";
        assert!(matches!(tidy(page), Cow::Borrowed(_)));
        let once = tidy("<html><body><p>a<!>b</p></body></html><script></script>").into_owned();
        assert_eq!(tidy(&once), once);
    }
}
