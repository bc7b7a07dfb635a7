//! A kept page: its bytes in the three encodings it is served in (compressed once, behind the
//! answer that kept it), its ETag, and the answer it gives a request (the encoding the browser
//! takes best, or 304 when the browser has it already).

use std::{io::Write, sync::OnceLock, time::Instant};

use axum::{
    body::{Body, Bytes},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};
use leptos::nonce::Nonce;

use crate::html::Tidied;

/// A page as it was rendered, in the encodings it is served in.
pub(super) struct Page {
    /// The cache's generation when rendering began; any later change makes it stale.
    pub(super) generation: u64,
    /// [`Db::writes`](app::db::Db::writes) when rendering began; any later write makes it
    /// stale.
    pub(super) writes: u64,
    /// When it goes stale by the clock.
    pub(super) expires: Instant,
    /// The nonce its scripts carry.
    pub(super) nonce: Nonce,
    pub(super) etag: HeaderValue,
    pub(super) content_type: HeaderValue,
    /// The page as it is sent without compression (tidied).
    pub(super) identity: Bytes,
    /// The page in gzip and brotli, once [`compress`] has made them on the CPU budget's
    /// threads. Until then the page is answered as it is, and the server's compression layer
    /// compresses each answer as it does every page not kept: a request never waits behind the
    /// CPU jobs others' inputs queued.
    pub(super) compressed: OnceLock<(Bytes, Bytes)>,
}

impl Page {
    /// The memory it takes, counted when it is kept, before it is compressed: the page and
    /// half again for its two compressed forms (HTML compresses to well under a quarter of
    /// itself in each).
    pub(super) fn weight(&self) -> u32 {
        let bytes = self.identity.len().saturating_mul(3) / 2;
        u32::try_from(bytes).unwrap_or(u32::MAX)
    }

    /// The answer to a request that accepts `encoding`, or 304 to one that already has it.
    pub(super) fn answer(&self, request: &HeaderMap) -> Response {
        let unchanged = request
            .get(header::IF_NONE_MATCH)
            .is_some_and(|tags| etag_matches(tags, &self.etag));
        let mut response = if unchanged {
            StatusCode::NOT_MODIFIED.into_response()
        } else {
            let encoding = Encoding::preferred(request);
            let (body, name) = match (encoding, self.compressed.get()) {
                (Encoding::Brotli, Some((_, brotli))) => (brotli.clone(), Some("br")),
                (Encoding::Gzip, Some((gzip, _))) => (gzip.clone(), Some("gzip")),
                _ => (self.identity.clone(), None),
            };
            let mut response = Response::new(Body::from(body));
            let headers = response.headers_mut();
            headers.insert(header::CONTENT_TYPE, self.content_type.clone());
            if let Some(name) = name {
                headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(name));
            }
            response
        };
        let headers = response.headers_mut();
        headers.insert(header::ETAG, self.etag.clone());
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        response.extensions_mut().insert(self.nonce.clone());
        response.extensions_mut().insert(Tidied);
        response
    }
}

/// Whether an `If-None-Match` value names `etag` (or is `*`). Weak comparison, as RFC 9110
/// asks for `If-None-Match`.
fn etag_matches(tags: &HeaderValue, etag: &HeaderValue) -> bool {
    let Ok(tags) = tags.to_str() else {
        return false;
    };
    let bare = |tag: &str| tag.trim().trim_start_matches("W/").to_owned();
    let ours = bare(etag.to_str().unwrap_or_default());
    tags.split(',')
        .any(|tag| tag.trim() == "*" || bare(tag) == ours)
}

/// The encodings a kept page is stored in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

impl Encoding {
    /// The best encoding `Accept-Encoding` allows: brotli, then gzip, then none. Written here
    /// because tower-http's negotiation (which compresses the other answers) is not public; it
    /// reads the header the same way (a `q=0` refuses, `*` stands for any other).
    fn preferred(headers: &HeaderMap) -> Self {
        let mut brotli = None;
        let mut gzip = None;
        let mut any = None;
        for value in headers.get_all(header::ACCEPT_ENCODING) {
            let Ok(value) = value.to_str() else { continue };
            for item in value.split(',') {
                let mut parts = item.split(';');
                let name = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
                let accepted = parts
                    .filter_map(|param| param.trim().strip_prefix("q="))
                    .all(|q| q.trim().parse::<f32>().map_or(true, |q| q > 0.0));
                match name.as_str() {
                    "br" => brotli = Some(accepted),
                    "gzip" | "x-gzip" => gzip = Some(accepted),
                    "*" => any = Some(accepted),
                    _ => {}
                }
            }
        }
        if brotli.or(any) == Some(true) {
            Encoding::Brotli
        } else if gzip.or(any) == Some(true) {
            Encoding::Gzip
        } else {
            Encoding::Identity
        }
    }
}

/// `html` gzipped and brotli-compressed. Brotli at quality 5 and gzip at level 6: together
/// they cost about as much as rendering a page (quality 9 and level 9 cost three times that
/// and saved a few per cent of the bytes), so a flood of misses costs little more than having
/// no cache. Run on the CPU budget's threads.
pub(super) fn compress(html: &[u8]) -> (Bytes, Bytes) {
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
    let gzipped = gzip
        .write_all(html)
        .and_then(|()| gzip.finish())
        .unwrap_or_default();
    let mut brotli = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut brotli, 4096, 5, 20);
        let _ = writer.write_all(html);
    }
    (Bytes::from(gzipped), Bytes::from(brotli))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepting(value: &str) -> Encoding {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(value).unwrap(),
        );
        Encoding::preferred(&headers)
    }

    #[test]
    fn the_best_encoding_the_browser_takes() {
        assert_eq!(accepting("gzip, deflate, br, zstd"), Encoding::Brotli);
        assert_eq!(accepting("gzip, deflate"), Encoding::Gzip);
        assert_eq!(accepting("br;q=0, gzip;q=0.5"), Encoding::Gzip);
        assert_eq!(accepting("identity"), Encoding::Identity);
        assert_eq!(accepting("*"), Encoding::Brotli);
        assert_eq!(accepting("br;q=0, *"), Encoding::Gzip);
        assert_eq!(accepting("gzip;q=0, br;q=0"), Encoding::Identity);
        assert_eq!(Encoding::preferred(&HeaderMap::new()), Encoding::Identity);
    }

    #[test]
    fn every_encoding_gives_the_page_back() {
        use std::io::Read;
        let html = Bytes::from("<!DOCTYPE html><p>Fællesspisning</p>".repeat(200));
        let (gzip, brotli) = compress(&html);
        let mut unzipped = Vec::new();
        flate2::read::GzDecoder::new(&gzip[..])
            .read_to_end(&mut unzipped)
            .unwrap();
        assert_eq!(unzipped, html);
        let mut unbrotlied = Vec::new();
        brotli::Decompressor::new(&brotli[..], 4096)
            .read_to_end(&mut unbrotlied)
            .unwrap();
        assert_eq!(unbrotlied, html);
        assert!(brotli.len() < html.len() / 10);
    }

    #[test]
    fn if_none_match_compares_weakly() {
        let ours = HeaderValue::from_static("W/\"abc\"");
        for (tags, matches) in [
            ("W/\"abc\"", true),
            ("\"abc\"", true),
            ("\"x\", W/\"abc\"", true),
            ("*", true),
            ("\"abd\"", false),
        ] {
            assert_eq!(
                etag_matches(&HeaderValue::from_static(tags), &ours),
                matches,
                "{tags}"
            );
        }
    }
}
