//! How a page looks where its link is shared (a neighbourhood's Facebook group, WhatsApp, an
//! email): its canonical address, its own description, and the Open Graph and Twitter card tags
//! with its picture; and the plain share links under an article, an activity and a date. The
//! links are ordinary addresses of those services: nothing of theirs loads until a resident
//! follows one.

use leptos::prelude::*;
use leptos_meta::{Link, Meta};

use crate::{
    i18n::{lang, t, Lang},
    site::{PublicUrl, SiteInfo},
};

/// The picture of a shared link: its address on this site and its size in pixels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareImage {
    /// The picture's path (`/billeder/…` or `/illustrationer/….png`).
    pub path: String,
    pub width: i64,
    pub height: i64,
    pub alt: String,
}

impl ShareImage {
    /// The widest stored variant of a photo.
    pub fn photo(image: &crate::images::Image, alt: &str) -> Self {
        ShareImage {
            path: image.url(image.width),
            width: image.width,
            height: image.height,
            alt: alt.to_owned(),
        }
    }

    /// An activity's picture: its photo, or its kind's illustration as PNG.
    pub fn of(picture: &crate::calendar::Picture) -> Self {
        match &picture.photo {
            Some(photo) => Self::photo(photo, &picture.alt),
            None => {
                let (width, height) = crate::calendar::SHARE_IMAGE_SIZE;
                ShareImage {
                    path: picture.kind.share_image(),
                    width: width.into(),
                    height: height.into(),
                    alt: String::new(),
                }
            }
        }
    }
}

/// The Open Graph locale of a language (Facebook's names).
fn og_locale(lang: Lang) -> &'static str {
    match lang.code() {
        "en" => "en_GB",
        "ar" => "ar_AR",
        _ => "da_DK",
    }
}

/// The most characters of a description: what search engines and link previews show.
const DESCRIPTION_CHARS: usize = 160;

/// `text` as a description: its first paragraph on one line, cut at a word before
/// [`DESCRIPTION_CHARS`] with "…".
pub fn description_of(text: &str) -> String {
    let first = text
        .split("\n\n")
        .map(str::trim)
        .find(|paragraph| !paragraph.is_empty())
        .unwrap_or_default();
    let line = first.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= DESCRIPTION_CHARS {
        return line;
    }
    let cut: String = line.chars().take(DESCRIPTION_CHARS - 1).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > DESCRIPTION_CHARS / 2 => &cut[..space],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', '.', ';', ':', ' ']))
}

/// The public site's address (`NABOSKAB_PUBLIC_URL`), without a slash at its end.
fn public_base() -> String {
    use_context::<PublicUrl>()
        .map(|url| url.0)
        .unwrap_or_default()
}

/// The address of page `path` in the page's language on the public site.
fn public_address(path: &str) -> String {
    format!("{}{}", public_base(), lang().address(path))
}

/// The page's canonical address, description and share card. `path` is the page's own
/// (without its language or query), `kind` Open Graph's type ("article" or "website").
#[component]
pub fn ShareMeta(
    title: String,
    description: String,
    path: String,
    image: Option<ShareImage>,
    #[prop(default = "website")] kind: &'static str,
) -> impl IntoView {
    let url = public_address(&path);
    let site = use_context::<SiteInfo>().unwrap_or_default();
    let card = if image.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    let image = image.map(|image| {
        // Pictures have no language.
        let src = format!("{}{}", public_base(), image.path);
        let alt = (!image.alt.is_empty()).then(|| {
            view! {
                <Meta property="og:image:alt" content=image.alt.clone() />
                <Meta name="twitter:image:alt" content=image.alt.clone() />
            }
        });
        view! {
            <Meta property="og:image" content=src.clone() />
            <Meta property="og:image:width" content=image.width.to_string() />
            <Meta property="og:image:height" content=image.height.to_string() />
            {alt}
            <Meta name="twitter:image" content=src />
        }
    });
    view! {
        <Link rel="canonical" href=url.clone() />
        <Meta name="description" content=description.clone() />
        <Meta property="og:type" content=kind />
        <Meta property="og:site_name" content=site.name />
        <Meta property="og:locale" content=og_locale(lang()) />
        <Meta property="og:title" content=title.clone() />
        <Meta property="og:description" content=description.clone() />
        <Meta property="og:url" content=url />
        {image}
        <Meta name="twitter:card" content=card />
        <Meta name="twitter:title" content=title />
        <Meta name="twitter:description" content=description />
    }
}

/// "Del": plain links to share the page on Facebook, on WhatsApp or by email. Nothing of those
/// services loads with the page.
#[component]
pub fn ShareLinks(title: String, path: String) -> impl IntoView {
    let url = public_address(&path);
    let encode =
        |text: &str| url::form_urlencoded::byte_serialize(text.as_bytes()).collect::<String>();
    // `byte_serialize` writes spaces as `+`, which a `mailto:` address keeps as a plus.
    let mail = |text: &str| encode(text).replace('+', "%20");
    let facebook = format!(
        "https://www.facebook.com/sharer/sharer.php?u={}",
        encode(&url)
    );
    let whatsapp = format!("https://wa.me/?text={}", mail(&format!("{title} {url}")));
    let email = format!("mailto:?subject={}&body={}", mail(&title), mail(&url));
    view! {
        <section class="share" aria-labelledby="del">
            <h2 id="del" class="share__title">
                {t("share-title")}
            </h2>
            <ul class="share__links">
                <li>
                    <a href=facebook rel="noreferrer">
                        "Facebook"
                    </a>
                </li>
                <li>
                    <a href=whatsapp rel="noreferrer">
                        "WhatsApp"
                    </a>
                </li>
                <li>
                    <a href=email>{t("share-email")}</a>
                </li>
            </ul>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::description_of;

    #[test]
    fn a_description_is_the_first_paragraph_cut_at_a_word() {
        assert_eq!(
            description_of("  Kom og spis.\n\nAnden del."),
            "Kom og spis."
        );
        let long = "ord ".repeat(100);
        let cut = description_of(&long);
        assert!(cut.chars().count() <= 160, "{cut}");
        assert!(cut.ends_with("ord…"), "{cut}");
        assert_eq!(description_of(""), "");
    }
}
