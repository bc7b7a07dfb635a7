//! The words of an article for SQLite's full-text search, reduced to their Danish stems with
//! the Snowball stemmer (PostgreSQL does the same itself with its `danish` configuration).

use rust_stemmers::{Algorithm, Stemmer};

/// The Danish stems of every word in `text`, lower-cased, separated by spaces.
pub fn stems(text: &str) -> String {
    let stemmer = Stemmer::create(Algorithm::Danish);
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| stemmer.stem(&word.to_lowercase()).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// An FTS5 query that wants every stem of `query`, each quoted so nothing typed is read as
/// FTS5 syntax; None when nothing searchable was typed.
pub fn fts_query(query: &str) -> Option<String> {
    let stems = stems(query);
    let terms: Vec<String> = stems
        .split(' ')
        .filter(|stem| !stem.is_empty())
        .map(|stem| format!("\"{stem}\""))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflected_danish_words_share_a_stem() {
        assert_eq!(stems("fællesspisningen"), stems("Fællesspisning"));
        assert_eq!(
            fts_query("  \"NEAR(\" OR *"),
            Some("\"near\" \"or\"".to_owned())
        );
        assert_eq!(fts_query("!!"), None);
    }
}
