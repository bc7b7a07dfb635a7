//! News and the magazine *Nordbyposten*: articles (title, lead, Markdown body rendered to
//! sanitized HTML, byline, focus-area tags, an optional magazine issue) with a status and the
//! time they appear, and the magazine's issues.
//!
//! An article is shown to residents when it is published or scheduled and its time has come;
//! nothing has to run at that time, the queries compare with the clock.

pub mod api;
#[cfg(feature = "ssr")]
pub mod markdown;
#[cfg(feature = "ssr")]
pub mod queries;
#[cfg(feature = "ssr")]
pub mod search;
#[cfg(feature = "ssr")]
pub mod service;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The key under which a preview's HTML travels back to the editor in its
/// [`crate::forms::FormFeedback`].
pub const PREVIEW: &str = "preview_html";

/// The most words of a search that are looked for.
pub const SEARCH_TERMS: usize = 8;
/// The most characters of a search that are read.
pub const SEARCH_LENGTH: usize = 200;

/// What is searched for when `typed` is typed: its first [`SEARCH_TERMS`] words within its
/// first [`SEARCH_LENGTH`] characters, separated by single spaces. Nobody types more into a
/// search field, and it bounds the cost of a search (stemming, and PostgreSQL's parsing of
/// the query) whatever arrives; the search page shows this, so what it says it looked for is
/// what it looked for.
pub fn search_terms(typed: &str) -> String {
    let head = typed
        .char_indices()
        .nth(SEARCH_LENGTH)
        .map_or(typed, |(end, _)| &typed[..end]);
    head.split_whitespace()
        .take(SEARCH_TERMS)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Where an article stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ArticleStatus {
    Draft,
    /// Appears by itself at its time.
    Scheduled,
    Published,
    /// Taken down again; kept for staff.
    Unpublished,
}

impl ArticleStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ArticleStatus::Draft => "draft",
            ArticleStatus::Scheduled => "scheduled",
            ArticleStatus::Published => "published",
            ArticleStatus::Unpublished => "unpublished",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "draft" => Some(ArticleStatus::Draft),
            "scheduled" => Some(ArticleStatus::Scheduled),
            "published" => Some(ArticleStatus::Published),
            "unpublished" => Some(ArticleStatus::Unpublished),
            _ => None,
        }
    }
}

/// A focus area as an article's tag.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tag {
    pub id: i64,
    pub slug: String,
    pub name: String,
}

/// A magazine issue as an article refers to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssueRef {
    pub id: i64,
    pub slug: String,
    pub title: String,
}

/// An article with everything its page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub lead: String,
    /// The Markdown as written.
    pub body: String,
    /// The body as sanitized HTML; safe to insert as it is.
    pub body_html: String,
    pub byline: String,
    pub status: ArticleStatus,
    pub publish_at: Option<DateTime<Utc>>,
    pub tags: Vec<Tag>,
    pub issue: Option<IssueRef>,
    pub cover: Option<crate::images::Image>,
    /// The cover's alt text, for those who cannot see it.
    pub cover_alt: String,
    pub updated_at: DateTime<Utc>,
    /// The citizen journalist who wrote it, when it came in as their submission (None for the
    /// staff's own articles, and once the account is deleted; the byline stays).
    pub author_id: Option<i64>,
}

/// The page of the article with `slug`.
pub fn path_of(slug: &str) -> String {
    format!("/nyheder/{slug}")
}

impl Article {
    /// Whether residents see it at `now`.
    pub fn is_public(&self, now: DateTime<Utc>) -> bool {
        matches!(
            self.status,
            ArticleStatus::Published | ArticleStatus::Scheduled
        ) && self.publish_at.is_some_and(|at| at <= now)
    }

    /// The article's page.
    pub fn path(&self) -> String {
        path_of(&self.slug)
    }
}

/// A magazine issue (udgave) with its articles in order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MagazineIssue {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub published_on: chrono::NaiveDate,
    pub intro: String,
    pub cover: Option<crate::images::Image>,
    pub cover_alt: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_round_trip() {
        for status in [
            ArticleStatus::Draft,
            ArticleStatus::Scheduled,
            ArticleStatus::Published,
            ArticleStatus::Unpublished,
        ] {
            assert_eq!(ArticleStatus::parse(status.as_str()), Some(status));
        }
    }

    #[test]
    fn a_search_is_its_first_words_within_its_first_characters() {
        assert_eq!(search_terms("  fælles   spisning "), "fælles spisning");
        let many = "ord ".repeat(100_000);
        assert_eq!(search_terms(&many), ["ord"; SEARCH_TERMS].join(" "));
        let long = "ø".repeat(1_000_000);
        assert_eq!(search_terms(&long).chars().count(), SEARCH_LENGTH);
        assert_eq!(search_terms(""), "");
    }
}
