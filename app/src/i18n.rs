//! Interface text: every visible string is looked up here in Fluent files under `locales/`.
//!
//! Translations are resolved on the server; islands receive their strings already translated as
//! props, so a translation never puts WASM on a page. Danish is the only language for now; the
//! language will come from the address (`/en/…`, `/ar/…`) when more are added.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::{fluent_bundle::FluentValue, langid, LanguageIdentifier, Loader};
use leptos::prelude::*;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "../locales",
        fallback_language: "da",
        // Unicode isolation marks around arguments are for mixed-direction text; they return
        // with right-to-left languages.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static DA: LanguageIdentifier = langid!("da");

/// A language the interface is available in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Da,
}

impl Lang {
    /// The BCP 47 code, for `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
        }
    }

    /// The writing direction, for `<html dir>`.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Da => "ltr",
        }
    }

    fn id(self) -> &'static LanguageIdentifier {
        match self {
            Lang::Da => &DA,
        }
    }

    /// The text for `key`; the key itself if no translation has it, so a gap is visible
    /// rather than fatal.
    pub fn text(self, key: &str) -> String {
        LOCALES
            .try_lookup(self.id(), key)
            .unwrap_or_else(|| key.to_owned())
    }

    /// The text for `key` with Fluent arguments, e.g. `{ $name }`.
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

/// An argument of [`Lang::text_with_values`].
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Text(String),
    /// A whole number; Fluent chooses plural forms by it.
    Number(i64),
}

/// The language of the page being rendered.
pub fn lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// The text for `key` in the page's language.
pub fn t(key: &str) -> String {
    lang().text(key)
}

/// The text for `key` in the page's language, with arguments.
pub fn t_with(key: &str, args: &[(&'static str, String)]) -> String {
    lang().text_with(key, args)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_up_danish_text() {
        assert_eq!(Lang::Da.text("nav-home"), "Forside");
    }

    #[test]
    fn fills_in_arguments() {
        let text = Lang::Da.text_with("home-title", &[("site", "Randers Nordby".into())]);
        assert_eq!(text, "Velkommen til Randers Nordby");
    }

    #[test]
    fn a_missing_key_shows_itself() {
        let key = format!("no-such-{}", "key");
        assert_eq!(Lang::Da.text(&key), key);
    }

    /// Every key the code asks for exists in the Danish file, so no page shows a bare key.
    #[test]
    fn every_key_used_in_the_code_is_translated() {
        // The server crate renders a few messages of its own (rate limits, refused forms).
        let sources = [
            concat!(env!("CARGO_MANIFEST_DIR"), "/src"),
            concat!(env!("CARGO_MANIFEST_DIR"), "/../server/src"),
        ];
        let danish = include_str!("../../locales/da/main.ftl");
        // Message names are the identifiers that start a line and are followed by " =".
        let defined: Vec<&str> = danish
            .lines()
            .filter_map(|line| line.split_once(" = ").map(|(name, _)| name))
            .filter(|name| !name.starts_with([' ', '#']))
            .collect();
        let mut missing = Vec::new();
        let mut checked = 0;
        for path in sources
            .iter()
            .flat_map(|src| rust_files(std::path::Path::new(src)))
        {
            let code = std::fs::read_to_string(&path).unwrap();
            for key in keys_in(&code) {
                checked += 1;
                if !defined.contains(&key) {
                    missing.push(format!("{}: {key}", path.display()));
                }
            }
        }
        assert!(
            checked > 20,
            "found only {checked} keys: the scan is broken"
        );
        assert!(missing.is_empty(), "keys without Danish text: {missing:#?}");
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

    /// The string literals passed to `t(`, `t_with(`, `.text(` and `.text_with(`.
    fn keys_in(code: &str) -> Vec<&str> {
        let mut keys = Vec::new();
        for opener in ["t(\"", "t_with(\"", "text_with_values(\""] {
            for (at, _) in code.match_indices(opener) {
                // `t(` and `text(`, but not `get(` or `select(`.
                let before = &code[..at];
                let call = before.ends_with("tex")
                    || opener.starts_with("text")
                    || !before
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_alphanumeric() || c == '_');
                if !call {
                    continue;
                }
                let rest = &code[at + opener.len()..];
                if let Some(end) = rest.find('"') {
                    let key = &rest[..end];
                    if !key.is_empty()
                        && key
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit())
                    {
                        keys.push(key);
                    }
                }
            }
        }
        keys
    }
}
