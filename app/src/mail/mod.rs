//! Email: every message is first written to the outbox table, in the same transaction as the
//! change that caused it; a worker in the server sends it with retries. This module holds the
//! message type, the retry schedule and the outbox queries.

pub mod queries;

use std::time::Duration;

/// A message on its way out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OutgoingEmail {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// A date as an iCalendar file (RFC 5545), attached as `text/calendar`, so one tap puts it
    /// in the phone's calendar.
    pub calendar: Option<String>,
    /// A newsletter's subscriber and the address of leaving in one click.
    pub list: Option<ListMembership>,
}

/// What makes an email a newsletter's: the subscriber it goes to (whose leaving deletes it, and
/// whose address is paused after three permanent rejections in a row), and the private address
/// that unsubscribes it, sent as `List-Unsubscribe` with `List-Unsubscribe-Post` (RFC 8058).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListMembership {
    pub subscriber_id: i64,
    pub unsubscribe_url: String,
}

/// After this many failed attempts a message is marked failed and left for an admin to see.
pub const MAX_ATTEMPTS: i64 = 10;

/// A newsletter's address the mail server refuses for good this many times in a row is paused:
/// it gets nothing more until staff or its owner take it up again.
pub const PAUSE_AFTER_REJECTIONS: i64 = 3;

/// How long to wait after the `attempts`-th failed attempt: 30 seconds, doubling each time,
/// at most an hour (about 4.5 hours over all attempts, enough for a mail server's outage).
pub fn retry_delay(attempts: i64) -> Duration {
    let doublings = u32::try_from(attempts.saturating_sub(1).clamp(0, 16)).unwrap_or(16);
    Duration::from_secs(30)
        .saturating_mul(2_u32.saturating_pow(doublings))
        .min(Duration::from_secs(3600))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_to_an_hour() {
        let delays: Vec<u64> = (1..=9).map(|n| retry_delay(n).as_secs()).collect();
        assert_eq!(delays, [30, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
        assert_eq!(retry_delay(0).as_secs(), 30);
        assert_eq!(retry_delay(i64::MAX).as_secs(), 3600);
    }
}
