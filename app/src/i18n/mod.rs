//! Interface text: every visible string is looked up here in Fluent files under `locales/`.
//!
//! Translations are resolved on the server; islands receive their strings already translated as
//! props, so a translation never puts WASM on a page. The language of a page comes from its
//! address (`/kalender`, `/en/kalender`, `/ar/kalender`): the server reads it off the address
//! and provides it as context ([`Lang`]).
//!
//! Adding a language is a folder `locales/<code>/main.ftl` with every message of
//! `locales/da/main.ftl` (a test holds the folders to that) and one line in [`LANGUAGES`].
//! `locales/da/staff.ftl` is the staff's pages, which stay Danish in every language.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use fluent_templates::{fluent_bundle::FluentValue, LanguageIdentifier, Loader};
use leptos::prelude::*;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "../locales",
        fallback_language: "da",
        // Unicode isolation marks around the arguments keep numbers, times, email addresses and
        // Danish names in their own direction inside right-to-left text; left-to-right text
        // needs none.
        customise: |bundle| {
            let right_to_left = bundle
                .locales
                .first()
                .and_then(|id| Lang::from_code(id.language.as_str()))
                .is_some_and(Lang::is_right_to_left);
            bundle.set_use_isolating(right_to_left);
            // `NUMBER()`, for ordinal selectors (`{ NUMBER($n, type: "ordinal") -> … }`).
            if let Err(errors) = bundle.add_builtins() {
                panic!("Fluent's built-in functions: {errors:?}");
            }
        },
    };
}

/// One language of the interface.
struct Language {
    /// The BCP 47 code, which is also the folder in `locales/` and the address prefix.
    code: &'static str,
    right_to_left: bool,
    /// The CLDR locale its dates are written in (a region where the language alone does not
    /// say it: British English writes "3 March").
    dates: &'static str,
}

/// The interface's languages. Danish comes first: its addresses have no prefix, and its text
/// stands in for any text a translation lacks.
const LANGUAGES: &[Language] = &[
    Language {
        code: "da",
        right_to_left: false,
        dates: "da",
    },
    Language {
        code: "en",
        right_to_left: false,
        dates: "en-GB",
    },
    Language {
        code: "ar",
        right_to_left: true,
        dates: "ar",
    },
];

/// The language identifiers of [`LANGUAGES`], in the same order.
static IDENTIFIERS: LazyLock<Vec<LanguageIdentifier>> = LazyLock::new(|| {
    LANGUAGES
        .iter()
        .map(|language| language.code.parse().expect("a valid language code"))
        .collect()
});

/// A language the interface is available in: an index into [`LANGUAGES`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Lang(u8);

impl Lang {
    /// Danish, the site's own language.
    pub const DA: Lang = Lang(0);
    /// English.
    pub const EN: Lang = Lang(1);
    /// Arabic, written right to left.
    pub const AR: Lang = Lang(2);

    /// Every language, Danish first.
    pub fn all() -> impl Iterator<Item = Lang> {
        (0..LANGUAGES.len()).map(|index| Lang(index as u8))
    }

    /// The language with the BCP 47 `code` (`"da"`, `"en"`, `"ar"`).
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::all().find(|lang| lang.code() == code)
    }

    fn language(self) -> &'static Language {
        &LANGUAGES[usize::from(self.0)]
    }

    /// The BCP 47 code, for `<html lang>` and `hreflang`.
    pub fn code(self) -> &'static str {
        self.language().code
    }

    pub fn is_right_to_left(self) -> bool {
        self.language().right_to_left
    }

    /// The writing direction, for `<html dir>`.
    pub fn dir(self) -> &'static str {
        if self.is_right_to_left() {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// The locale for ICU4X's dates: Western digits and a 24-hour clock in every language, as
    /// everywhere else on the site.
    pub fn date_locale(self) -> String {
        format!("{}-u-hc-h23-nu-latn", self.language().dates)
    }

    /// The language's name in itself ("Dansk", "English", "العربية"), for the switcher.
    pub fn own_name(self) -> String {
        self.text("language-name")
    }

    /// What the language's addresses start with: nothing for Danish, `/en` for English.
    pub fn prefix(self) -> &'static str {
        ADDRESS_PREFIXES[usize::from(self.0)]
    }

    /// The address of the site's `path` (which starts with `/`) in this language:
    /// `/kalender` becomes `/en/kalender`, and `/` becomes `/en`.
    pub fn address(self, path: &str) -> String {
        match (self.prefix(), path) {
            ("", _) => path.to_owned(),
            (prefix, "/") => prefix.to_owned(),
            (prefix, path) => match path.strip_prefix('/') {
                // The front page with a query: `/?x` becomes `/en?x`.
                Some(rest) if rest.starts_with(['?', '#']) => format!("{prefix}{rest}"),
                _ => format!("{prefix}{path}"),
            },
        }
    }

    /// The language an address is in, and the address without its language: `/en/kalender`
    /// is English `/kalender`, `/ar` is the Arabic front page, `/kalender` is Danish.
    pub fn of_address(path: &str) -> (Lang, &str) {
        for lang in Lang::all().skip(1) {
            if let Some(rest) = path.strip_prefix(lang.prefix()) {
                if rest.is_empty() {
                    return (lang, "/");
                }
                if rest.starts_with('/') {
                    return (lang, rest);
                }
            }
        }
        (Lang::DA, path)
    }

    fn id(self) -> &'static LanguageIdentifier {
        &IDENTIFIERS[usize::from(self.0)]
    }

    /// The text for `key`; the key itself if no translation has it, so a gap is visible
    /// rather than fatal.
    pub fn text(self, key: &str) -> String {
        LOCALES
            .try_lookup(self.id(), key)
            .unwrap_or_else(|| key.to_owned())
    }

    /// The text for `key` with Fluent arguments that are text, e.g. `{ $name }`. A number the
    /// text chooses its form by goes through [`Lang::text_with_values`].
    pub fn text_with(self, key: &str, args: &[(&'static str, String)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'_>> = args
            .iter()
            .map(|(name, value)| (Cow::Borrowed(*name), FluentValue::from(value.clone())))
            .collect();
        LOCALES
            .try_lookup_with_args(self.id(), key, &args)
            .unwrap_or_else(|| key.to_owned())
    }

    /// The text for `key` with arguments that may be numbers, so that the text can choose its
    /// plural form (`{ $held -> [one] … *[other] … }`).
    pub fn text_with_values(self, key: &str, args: &[(&'static str, Arg)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'_>> = args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    Arg::Text(text) => FluentValue::from(text.clone()),
                    Arg::Number(number) => FluentValue::from(*number),
                };
                (Cow::Borrowed(*name), value)
            })
            .collect();
        LOCALES
            .try_lookup_with_args(self.id(), key, &args)
            .unwrap_or_else(|| key.to_owned())
    }
}

/// Whether the site's `path` has an address in every language. The pages residents and
/// citizen journalists meet do; the staff's pages (which stay Danish), the server functions and
/// the files (a calendar feed, an image, the stylesheet) are the same in every language and
/// keep their one address.
pub fn has_languages(path: &str) -> bool {
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let last = path.rsplit('/').next().unwrap_or_default();
    let shared = path == "/personale"
        || path.starts_with("/personale/")
        || path.starts_with("/pkg/")
        || path.starts_with("/billeder/")
        || path.starts_with("/api/")
        || path.contains("/api/")
        || path == "/healthz"
        || last.contains('.');
    path.starts_with('/') && !path.starts_with("//") && !shared
}

/// A language is stored and sent as its code (`"ar"`); an unknown code is refused.
impl serde::Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> serde::Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Lang::from_code(&code).ok_or_else(|| serde::de::Error::custom("not a language of the site"))
    }
}

/// The address prefixes of [`LANGUAGES`] (`/en`; none for Danish), made once.
static ADDRESS_PREFIXES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    std::iter::once("")
        .chain(
            LANGUAGES[1..]
                .iter()
                .map(|language| &*format!("/{}", language.code).leak()),
        )
        .collect()
});

/// Text without the Unicode isolation marks Fluent puts around arguments in right-to-left
/// languages: for places that show no direction, such as an email's subject or a spreadsheet.
pub fn without_isolation(text: &str) -> String {
    text.replace(['\u{2068}', '\u{2069}'], "")
}

/// An argument of [`Lang::text_with_values`].
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Text(String),
    /// A whole number; Fluent chooses plural forms by it.
    Number(i64),
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_owned())
    }
}

impl From<i64> for Arg {
    fn from(number: i64) -> Self {
        Arg::Number(number)
    }
}

impl From<u32> for Arg {
    fn from(number: u32) -> Self {
        Arg::Number(i64::from(number))
    }
}

impl From<usize> for Arg {
    fn from(number: usize) -> Self {
        Arg::Number(i64::try_from(number).unwrap_or(i64::MAX))
    }
}

/// The language of the page being rendered.
pub fn lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// The text for `key` in the page's language.
pub fn t(key: &str) -> String {
    lang().text(key)
}

/// The text for `key` in the page's language, with arguments that are text.
pub fn t_with(key: &str, args: &[(&'static str, String)]) -> String {
    lang().text_with(key, args)
}

/// The text for `key` in the page's language, with arguments that may be numbers the text
/// chooses its plural form by.
pub fn t_values(key: &str, args: &[(&'static str, Arg)]) -> String {
    lang().text_with_values(key, args)
}

/// The `lang` of what staff and journalists wrote (articles, activities' names and
/// descriptions), which is shown as written, in Danish: set on a page in another language, so
/// screen readers pronounce it as Danish, and left out on a Danish page.
pub fn content_lang() -> Option<&'static str> {
    (lang() != Lang::DA).then_some(Lang::DA.code())
}

/// The `dir` of what people wrote in Danish, beside [`content_lang`]: left to right inside a
/// right-to-left page, so a Danish sentence's full stop stays at its end.
pub fn content_dir() -> Option<&'static str> {
    (lang() != Lang::DA).then_some(Lang::DA.dir())
}

#[cfg(test)]
mod translations;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_up_danish_text() {
        assert_eq!(Lang::DA.text("nav-home"), "Forside");
    }

    #[test]
    fn fills_in_arguments() {
        let text = Lang::DA.text_with("home-title", &[("site", "Randers Nordby".into())]);
        assert_eq!(text, "Velkommen til Randers Nordby");
    }

    #[test]
    fn addresses_carry_their_language() {
        assert_eq!(
            Lang::EN.address("/kalender?uge=2026-W49"),
            "/en/kalender?uge=2026-W49"
        );
        assert_eq!(Lang::AR.address("/"), "/ar");
        assert_eq!(Lang::AR.address("/?side=2"), "/ar?side=2");
        assert_eq!(Lang::DA.address("/kalender"), "/kalender");
        assert_eq!(Lang::of_address("/en/kalender"), (Lang::EN, "/kalender"));
        assert_eq!(Lang::of_address("/ar"), (Lang::AR, "/"));
        assert_eq!(Lang::of_address("/ar/"), (Lang::AR, "/"));
        assert_eq!(Lang::of_address("/english"), (Lang::DA, "/english"));
        assert_eq!(Lang::of_address("/arkiv"), (Lang::DA, "/arkiv"));
        assert!(has_languages("/aktiviteter/baby-cafe/2026-12-08"));
        assert!(has_languages("/"));
        for shared in [
            "/personale",
            "/personale/tal",
            "/kalender.ics",
            "/pkg/naboskab.css",
        ] {
            assert!(!has_languages(shared), "{shared}");
        }
        for shared in [
            "/billeder/3/480.jpg",
            "/api/tilmelding",
            "/borgerjournalist/api/x",
        ] {
            assert!(!has_languages(shared), "{shared}");
        }
    }

    #[test]
    fn every_language_names_itself() {
        let names: Vec<String> = Lang::all().map(Lang::own_name).collect();
        assert_eq!(names, ["Dansk", "English", "العربية"]);
    }

    #[test]
    fn a_missing_key_shows_itself() {
        let key = format!("no-such-{}", "key");
        assert_eq!(Lang::DA.text(&key), key);
    }

    /// Every key the code asks for exists in the Danish files, so no page shows a bare key.
    #[test]
    fn every_key_used_in_the_code_is_translated() {
        let danish = [
            include_str!("../../../locales/da/main.ftl"),
            include_str!("../../../locales/da/staff.ftl"),
        ]
        .join("\n");
        // Message names are the identifiers that start a line and are followed by " =".
        let defined: Vec<&str> = danish
            .lines()
            .filter_map(|line| line.split_once(" = ").map(|(name, _)| name))
            .filter(|name| !name.starts_with([' ', '#']))
            .collect();
        let uses = keys_used_in_the_code();
        assert!(
            uses.len() > 400,
            "found only {} keys: the scan is broken",
            uses.len()
        );
        let missing: Vec<String> = uses
            .iter()
            .filter(|used| !defined.contains(&used.key.as_str()))
            .map(|used| format!("{}: {}", used.file, used.key))
            .collect();
        assert!(missing.is_empty(), "keys without Danish text: {missing:#?}");
    }

    /// A key the code asks for, where and how.
    pub(super) struct KeyUse {
        pub file: String,
        pub key: String,
        /// The function it is passed to: `t`, `t_with`, `t_values`, `text`, `text_with` or
        /// `text_with_values`.
        pub function: &'static str,
    }

    /// The keys the app's and the server's code ask for.
    pub(super) fn keys_used_in_the_code() -> Vec<KeyUse> {
        // The server crate renders a few messages of its own (rate limits, refused forms).
        let sources = [
            concat!(env!("CARGO_MANIFEST_DIR"), "/src"),
            concat!(env!("CARGO_MANIFEST_DIR"), "/../server/src"),
        ];
        let mut uses = Vec::new();
        for path in sources
            .iter()
            .flat_map(|src| rust_files(std::path::Path::new(src)))
        {
            let code = std::fs::read_to_string(&path).unwrap();
            for (function, key) in keys_in(&code) {
                uses.push(KeyUse {
                    file: path.display().to_string(),
                    key: key.to_owned(),
                    function,
                });
            }
        }
        uses
    }

    fn rust_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
        let mut files = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                files.extend(rust_files(&path));
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                files.push(path);
            }
        }
        files
    }

    /// The string literals passed first to the lookup functions, also when rustfmt put the key
    /// on the next line.
    fn keys_in(code: &str) -> Vec<(&'static str, &str)> {
        const FUNCTIONS: [&str; 6] = [
            "text_with_values",
            "text_with",
            "text",
            "t_values",
            "t_with",
            "t",
        ];
        let mut keys = Vec::new();
        for (at, _) in code.match_indices('(') {
            let before = &code[..at];
            // The longest name first, so `t_with(` is not taken for `t(`.
            let Some(function) = FUNCTIONS.into_iter().find(|name| {
                before.ends_with(name)
                    && !before[..before.len() - name.len()]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_alphanumeric() || c == '_')
            }) else {
                continue;
            };
            let Some(rest) = code[at + 1..].trim_start().strip_prefix('"') else {
                continue;
            };
            if let Some(end) = rest.find('"') {
                let key = &rest[..end];
                let looks_like_a_key = !key.is_empty()
                    && key
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit());
                if looks_like_a_key {
                    keys.push((function, key));
                }
            }
        }
        keys
    }
}
