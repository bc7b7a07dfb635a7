//! Sending email: the transports (SMTP, `.eml` files, memory for tests) and the outbox worker
//! that claims queued messages, sends them and records the outcome, retrying with back-off.

use std::{path::PathBuf, sync::Arc, time::Duration};

use app::{db::Db, mail::queries::QueuedEmail};
use chrono::Utc;
use lettre::{
    message::{
        header::{ContentType, Header, HeaderName, HeaderValue},
        Attachment, Mailbox, MultiPart,
    },
    AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
};
use tokio::sync::Mutex;
use tokio_util::sync::CancellationToken;

/// How long a claimed message is held before another worker may try it (a crashed worker's
/// claims expire after this).
const CLAIM_FOR: Duration = Duration::from_secs(120);

/// How often the worker looks for due messages when the outbox is empty.
const POLL_EVERY: Duration = Duration::from_secs(2);

/// Where email goes.
#[derive(Clone)]
pub enum Mailer {
    /// A mail server, from `SMTP_URL`.
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// `.eml` files in a folder, when no mail server is configured.
    Files(AsyncFileTransport<Tokio1Executor>, PathBuf),
    /// Kept in memory, for tests that need no mail server.
    Memory(Arc<Mutex<Vec<Message>>>),
}

impl Mailer {
    /// An SMTP mailer for `smtp://…` or `smtps://…` (lettre's URL format).
    pub fn smtp(url: &str) -> Result<Self, lettre::transport::smtp::Error> {
        Ok(Self::Smtp(
            AsyncSmtpTransport::<Tokio1Executor>::from_url(url)?
                .timeout(Some(Duration::from_secs(20)))
                .build(),
        ))
    }

    /// A mailer that writes each message as an `.eml` file into `dir`.
    pub fn files(dir: PathBuf) -> std::io::Result<Self> {
        std::fs::create_dir_all(&dir)?;
        Ok(Self::Files(AsyncFileTransport::new(&dir), dir))
    }

    /// A mailer that keeps messages in memory.
    pub fn memory() -> Self {
        Self::Memory(Arc::default())
    }

    /// Where messages go, for the start-up line.
    pub fn describe(&self) -> String {
        match self {
            Mailer::Smtp(_) => "the SMTP server".into(),
            Mailer::Files(_, dir) => format!("files in {}", dir.display()),
            Mailer::Memory(_) => "memory".into(),
        }
    }

    /// Hands one message over; an error says why it did not go, and whether the mail server
    /// refused it for good (a 5xx answer, such as an unknown recipient).
    async fn send(&self, message: Message) -> Result<(), NotSent> {
        match self {
            Mailer::Smtp(transport) => {
                transport
                    .send(message)
                    .await
                    .map(drop)
                    .map_err(|err| NotSent {
                        permanent: err.is_permanent(),
                        reason: err.to_string(),
                    })
            }
            Mailer::Files(transport, dir) => {
                let id = transport
                    .send(message)
                    .await
                    .map_err(|e| NotSent::temporary(e.to_string()))?;
                tracing::info!(
                    "email written to {}",
                    dir.join(format!("{id}.eml")).display()
                );
                Ok(())
            }
            Mailer::Memory(sent) => {
                sent.lock().await.push(message);
                Ok(())
            }
        }
    }
}

/// Why a message did not go.
#[derive(Debug)]
struct NotSent {
    reason: String,
    /// The mail server refused it for good: trying again would be refused again.
    permanent: bool,
}

impl NotSent {
    fn temporary(reason: String) -> Self {
        Self {
            reason,
            permanent: false,
        }
    }
}

/// `List-Unsubscribe: <https://…>`, the private address that unsubscribes a newsletter's
/// recipient, which mail apps offer as their own button. lettre has no type for it.
#[derive(Clone)]
struct ListUnsubscribe(String);

impl Header for ListUnsubscribe {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe")
    }

    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(Self(
            s.trim()
                .trim_start_matches('<')
                .trim_end_matches('>')
                .to_owned(),
        ))
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), format!("<{}>", self.0))
    }
}

/// `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058): the mail app unsubscribes by
/// a POST to the `List-Unsubscribe` address, without opening a page.
#[derive(Clone)]
struct ListUnsubscribePost;

impl Header for ListUnsubscribePost {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe-Post")
    }

    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(Self)
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "List-Unsubscribe=One-Click".to_owned())
    }
}

/// Builds the MIME message for a queued email: plain text with an HTML alternative, a date as
/// a `text/calendar` attachment when it has one, and a newsletter's one-click unsubscribe
/// headers.
fn build_message(from: &Mailbox, email: &QueuedEmail) -> Result<Message, String> {
    let to: Mailbox = email
        .to_address
        .parse()
        .map_err(|err| format!("bad recipient address: {err}"))?;
    let mut builder = Message::builder()
        .from(from.clone())
        .to(to)
        .subject(email.subject.clone());
    if !email.unsubscribe_url.is_empty() {
        builder = builder
            .header(ListUnsubscribe(email.unsubscribe_url.clone()))
            .header(ListUnsubscribePost);
    }
    let text_and_html =
        MultiPart::alternative_plain_html(email.text_body.clone(), email.html_body.clone());
    let body = if email.calendar.is_empty() {
        text_and_html
    } else {
        let calendar = ContentType::parse("text/calendar; charset=utf-8; method=PUBLISH")
            .map_err(|err| format!("cannot build the message: {err}"))?;
        MultiPart::mixed().multipart(text_and_html).singlepart(
            Attachment::new("kalender.ics".into()).body(email.calendar.clone(), calendar),
        )
    };
    builder
        .multipart(body)
        .map_err(|err| format!("cannot build the message: {err}"))
}

/// Sends every message that is due, then returns how many were handled.
pub async fn drain_outbox(db: &Db, mailer: &Mailer, from: &Mailbox) -> Result<usize, sqlx::Error> {
    drain_outbox_at(db, mailer, from, app::clock::now).await
}

/// [`drain_outbox`] with a clock of the caller's, so tests can step past a retry delay.
pub async fn drain_outbox_at(
    db: &Db,
    mailer: &Mailer,
    from: &Mailbox,
    clock: impl Fn() -> chrono::DateTime<Utc>,
) -> Result<usize, sqlx::Error> {
    drain_outbox_until(db, mailer, from, clock, &CancellationToken::new()).await
}

/// [`drain_outbox_at`] that stops between two emails once `stop` is cancelled: an email is
/// either sent and marked sent, or left for the next run.
async fn drain_outbox_until(
    db: &Db,
    mailer: &Mailer,
    from: &Mailbox,
    clock: impl Fn() -> chrono::DateTime<Utc>,
    stop: &CancellationToken,
) -> Result<usize, sqlx::Error> {
    let mut handled = 0;
    loop {
        if stop.is_cancelled() {
            return Ok(handled);
        }
        let now = clock();
        let lock_until = now + chrono::Duration::from_std(CLAIM_FOR).expect("a short duration");
        let Some(email) = db.outbox().claim_due_email(now, lock_until).await? else {
            return Ok(handled);
        };
        handled += 1;
        let outcome = match build_message(from, &email) {
            Ok(message) => mailer.send(message).await,
            Err(err) => Err(NotSent::temporary(err)),
        };
        match (outcome, email.subscriber_id) {
            (Ok(()), subscriber) => {
                db.outbox().mark_email_sent(email.id, clock()).await?;
                if let Some(subscriber) = subscriber {
                    db.outbox().subscriber_reached(subscriber).await?;
                }
            }
            (Err(err), Some(subscriber)) if err.permanent => {
                tracing::warn!(id = email.id, error = %err.reason, "a newsletter's recipient was refused for good");
                db.outbox()
                    .mark_email_rejected(&email, subscriber, &err.reason, clock())
                    .await?;
            }
            (Err(err), _) => {
                tracing::warn!(id = email.id, attempt = email.attempts, error = %err.reason, "email not sent; will retry");
                db.outbox()
                    .mark_email_failed(&email, &err.reason, clock())
                    .await?;
            }
        }
    }
}

/// Deletes the outbox's messages `days` days after they were queued, sent or failed (a sent
/// message lost its text when it went): what staff need to follow a delivery is kept that long
/// and no longer. `days` is the sign-ups' retention period (`NABOSKAB_RETENTION_DAYS`): every
/// email about a sign-up is queued on or before the day it is about, so its recipient is gone
/// no later than the sign-up's own details. Returns how many were deleted.
pub async fn forget_old_emails(
    db: &Db,
    days: u32,
    now: chrono::DateTime<Utc>,
) -> Result<u64, sqlx::Error> {
    db.outbox()
        .forget_old_emails(now - chrono::Duration::days(i64::from(days)))
        .await
}

/// Runs the outbox worker until `stop` is cancelled; it then finishes the email it is sending.
pub fn spawn_outbox_worker(
    db: Db,
    mailer: Mailer,
    from: Mailbox,
    stop: CancellationToken,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        while !stop.is_cancelled() {
            if let Err(err) = drain_outbox_until(&db, &mailer, &from, app::clock::now, &stop).await
            {
                tracing::warn!(error = %err, "the outbox could not be read; trying again");
            }
            tokio::select! {
                () = tokio::time::sleep(POLL_EVERY) => {},
                () = stop.cancelled() => {},
            }
        }
    })
}
