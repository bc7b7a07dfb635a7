//! What more than one page shows: the pages share through here, so no page module imports
//! another page module or the shell (a test below checks it), and only the shell's route table
//! imports pages.

pub mod articles;
pub mod chart;
pub mod data;
pub mod errors;
pub mod figures;
pub mod islands;
pub mod live_preview;
pub mod newsletter;
pub mod occurrences;
pub mod photos;
pub mod share;
pub mod signup_form;
pub mod staff_tools;
pub mod submissions;
pub mod table;
pub mod text;

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// `text` without its comments (from `//` to the end of a line).
    fn without_comments(text: &str) -> String {
        text.lines()
            .map(|line| line.split("//").next().unwrap_or_default())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The code of `file` without its comments and its tests (whose `super::` is the file).
    fn code_of(file: &Path) -> String {
        let text = std::fs::read_to_string(file).expect("a source file");
        let code = text
            .split("#[cfg(test)]\nmod tests")
            .next()
            .unwrap_or_default();
        without_comments(code)
    }

    /// Where `code` names a page module or the shell: a path through `pages::` or `shell::`
    /// (also inside a `use crate::{…}` block), or through `super::`, which in a page is the
    /// pages.
    fn reaches_into_pages(code: &str) -> Vec<String> {
        let mut found = Vec::new();
        for needle in [
            "pages::",
            "shell::",
            "super::",
            "crate::shell",
            "crate::pages",
        ] {
            for (at, _) in code.match_indices(needle) {
                let before = code[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let line = code[..at].lines().count();
                found.push(format!("line {line}: {needle}"));
            }
        }
        found
    }

    /// The `.rs` files in `folder` of the app's source, but its `mod.rs`.
    fn modules_in(folder: &str) -> Vec<std::path::PathBuf> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src")
            .join(folder);
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("the folder")
            .map(|entry| entry.expect("a folder entry").path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
            .filter(|path| path.file_name().is_some_and(|name| name != "mod.rs"))
            .collect();
        files.sort();
        files
    }

    #[test]
    fn no_page_imports_another_page_or_the_shell() {
        let pages = modules_in("pages");
        assert!(pages.len() > 10, "found only {} pages", pages.len());
        let components = modules_in("components");
        assert!(
            components.len() > 10,
            "found only {} components",
            components.len()
        );
        let mut found = Vec::new();
        for file in pages.iter().chain(&components) {
            for place in reaches_into_pages(&code_of(file)) {
                found.push(format!("{}: {place}", file.display()));
            }
        }
        assert!(
            found.is_empty(),
            "pages share through `components`, never through another page or the shell: {found:#?}"
        );
    }

    #[test]
    fn the_check_sees_every_way_of_naming_a_page() {
        for code in [
            "use crate::pages::submissions::PhotoGallery;",
            "use crate::{\n    i18n::t,\n    pages::{data::Loaded},\n};",
            "use crate::shell::IslandScripts;",
            "use super::accounts::ForbiddenPage;",
            "let x = crate::pages::figures::chart_frame;",
        ] {
            assert!(!reaches_into_pages(code).is_empty(), "{code}");
        }
        for code in [
            "use crate::components::data::Loaded;",
            "/// Like the figures' charts (see `pages::figures`).",
            "use crate::staff_pages::Something;",
        ] {
            assert!(
                reaches_into_pages(&without_comments(code)).is_empty(),
                "{code}"
            );
        }
    }
}
