//! The sign-ups' queries, for both backends.
//!
//! Every change that can take or free seats runs in a transaction that first takes the
//! occurrence's write lock: `BEGIN IMMEDIATE` on SQLite (one writer at a time for the whole
//! file), `SELECT … FOR UPDATE` on the occurrence's row on PostgreSQL (one writer at a time per
//! occurrence, across app instances). Counting the seats and writing the sign-up happen under
//! that lock, so two parties can never both take the last seat.

use chrono::{DateTime, NaiveDate, Utc};

use super::{fits_after_change, place_for, promotions, NewSignup, Signup, SignupStatus};
use crate::{
    accounts::{queries::audit_in, token::TokenHash},
    db::{Db, SignupQueries, Tx},
    i18n::Lang,
    mail::{queries::enqueue_in, OutgoingEmail},
    tx_run,
};

#[derive(sqlx::FromRow)]
struct SignupRow {
    id: i64,
    occurrence_id: i64,
    name: String,
    adults: i64,
    children: i64,
    email: String,
    phone: String,
    note: String,
    status: String,
    attended: Option<bool>,
    lang: String,
}

impl From<SignupRow> for Signup {
    fn from(row: SignupRow) -> Self {
        Signup {
            id: row.id,
            occurrence_id: row.occurrence_id,
            name: row.name,
            adults: row.adults,
            children: row.children,
            email: row.email,
            phone: row.phone,
            note: row.note,
            status: SignupStatus::from_stored(&row.status),
            attended: row.attended,
            lang: Lang::from_code(&row.lang).unwrap_or_default(),
        }
    }
}

const SIGNUP_COLUMNS: &str =
    "id, occurrence_id, name, adults, children, email, phone, note, status, attended, lang";

/// Begins a transaction holding occurrence `occurrence_id`'s write lock: on SQLite the whole
/// file's (`BEGIN IMMEDIATE`, one writer at a time), on PostgreSQL the occurrence's row
/// (`for update`, one writer at a time per occurrence, across app instances).
async fn lock_occurrence(db: &Db, occurrence_id: i64) -> Result<Tx, sqlx::Error> {
    let mut tx = db.begin().await?;
    tx_run!(&mut tx,
        sqlite: |_conn| Ok::<_, sqlx::Error>(()),
        postgres: |conn| {
            sqlx::query("select id from occurrences where id = $1 for update")
                .bind(occurrence_id)
                .execute(conn)
                .await
                .map(drop)
        }
    )?;
    Ok(tx)
}

/// The persons already confirmed for an occurrence, inside its locked transaction `tx`.
async fn confirmed_persons_in(tx: &mut Tx, occurrence_id: i64) -> Result<i64, sqlx::Error> {
    tx_run!(tx, |conn| {
        sqlx::query_scalar(
            "select cast(coalesce(sum(adults + children), 0) as bigint) from signups \
             where occurrence_id = $1 and status = 'confirmed'",
        )
        .bind(occurrence_id)
        .fetch_one(conn)
        .await
    })
}

/// Confirms the earliest waiting parties of an occurrence that fit in the seats left (see
/// [`promotions`]) inside its locked transaction `tx`, queuing `mail` for each. Returns the
/// promoted sign-ups.
async fn promote_in(
    tx: &mut Tx,
    occurrence_id: i64,
    capacity: Option<i64>,
    mail: &PromotionMail<'_>,
    now: DateTime<Utc>,
) -> Result<Vec<Signup>, sqlx::Error> {
    let Some(capacity) = capacity else {
        return Ok(Vec::new());
    };
    let taken = confirmed_persons_in(tx, occurrence_id).await?;
    let waiting: Vec<SignupRow> = tx_run!(&mut *tx, |conn| {
        sqlx::query_as(&format!(
            "select {SIGNUP_COLUMNS} from signups \
             where occurrence_id = $1 and status = 'waitlisted' order by id"
        ))
        .bind(occurrence_id)
        .fetch_all(conn)
        .await
    })?;
    let waiting: Vec<Signup> = waiting.into_iter().map(Signup::from).collect();
    let sizes: Vec<(i64, i64)> = waiting
        .iter()
        .map(|party| (party.id, party.persons()))
        .collect();
    let mut promoted = Vec::new();
    for id in promotions(capacity - taken, &sizes) {
        tx_run!(&mut *tx, |conn| {
            sqlx::query("update signups set status = 'confirmed', promoted_at = $2 where id = $1")
                .bind(id)
                .bind(now)
                .execute(conn)
                .await
                .map(drop)
        })?;
        if let Some(mut party) = waiting.iter().find(|party| party.id == id).cloned() {
            party.status = SignupStatus::Confirmed;
            if let Some(mail) = mail(&party) {
                enqueue_in(tx, &mail, now).await?;
            }
            promoted.push(party);
        }
    }
    Ok(promoted)
}

/// Cancels `signup` inside its occurrence's locked transaction `tx` and promotes the earliest
/// waiting parties that now fit, queuing `mail` for each: what a party's cancelling and the
/// staff's removing share. Returns the promoted sign-ups, or None if it was already
/// cancelled (then nothing changed).
async fn cancel_in(
    tx: &mut Tx,
    signup: &Signup,
    capacity: Option<i64>,
    mail: &PromotionMail<'_>,
    now: DateTime<Utc>,
) -> Result<Option<Vec<Signup>>, sqlx::Error> {
    let cancelled = tx_run!(&mut *tx, |conn| {
        sqlx::query(
            "update signups set status = 'cancelled', cancelled_at = $2 \
             where id = $1 and status <> 'cancelled'",
        )
        .bind(signup.id)
        .bind(now)
        .execute(conn)
        .await
        .map(|done| done.rows_affected())
    })?;
    if cancelled == 0 {
        return Ok(None);
    }
    let promoted = promote_in(tx, signup.occurrence_id, capacity, mail, now).await?;
    Ok(Some(promoted))
}

/// The row of the occurrence of `activity_id` scheduled on `date` inside `tx`, created if it
/// is not there yet.
pub async fn ensure_occurrence_row_in(
    tx: &mut Tx,
    activity_id: i64,
    date: NaiveDate,
) -> Result<i64, sqlx::Error> {
    tx_run!(tx, |conn| {
        sqlx::query(
            "insert into occurrences (activity_id, on_date) values ($1, $2) \
             on conflict (activity_id, on_date) do nothing",
        )
        .bind(activity_id)
        .bind(date)
        .execute(&mut *conn)
        .await?;
        sqlx::query_scalar("select id from occurrences where activity_id = $1 and on_date = $2")
            .bind(activity_id)
            .bind(date)
            .fetch_one(conn)
            .await
    })
}

/// A sign-up as it stood in the past, written down as history (demo content's past dates):
/// no capacity is checked, no email is sent, and its private link is never shown.
#[derive(Clone, Debug)]
pub struct PastSignup<'a> {
    pub name: &'a str,
    pub adults: i64,
    pub children: i64,
    pub status: SignupStatus,
    pub created_at: DateTime<Utc>,
    pub promoted_at: Option<DateTime<Utc>>,
    pub cancelled_at: Option<DateTime<Utc>>,
}

/// Writes a [`PastSignup`] of an occurrence inside `tx`; returns its id.
pub async fn record_past_in(
    tx: &mut Tx,
    occurrence_id: i64,
    signup: &PastSignup<'_>,
) -> Result<i64, sqlx::Error> {
    let token = crate::accounts::token::Token::generate().hash();
    tx_run!(tx, |conn| {
        sqlx::query_scalar(
            "insert into signups (occurrence_id, name, adults, children, status, token_hash, \
             created_at, promoted_at, cancelled_at) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id",
        )
        .bind(occurrence_id)
        .bind(signup.name)
        .bind(signup.adults)
        .bind(signup.children)
        .bind(signup.status.as_str())
        .bind(token.as_str())
        .bind(signup.created_at)
        .bind(signup.promoted_at)
        .bind(signup.cancelled_at)
        .fetch_one(conn)
        .await
    })
}

/// The emails that may go out with a sign-up, chosen by where it lands.
#[derive(Debug, Default)]
pub struct SignupMails<'a> {
    pub confirmed: Option<&'a OutgoingEmail>,
    pub waitlisted: Option<&'a OutgoingEmail>,
}

/// Builds the email to a party promoted from the waitlist, if it gave an address.
pub type PromotionMail<'a> = dyn Fn(&Signup) -> Option<OutgoingEmail> + Send + Sync + 'a;

/// What a change of party size came to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartyChange {
    /// Changed; the party now stands here.
    Changed(SignupStatus),
    /// A confirmed party cannot grow: there are not enough seats.
    NoRoom,
    /// The link is unknown or the sign-up cancelled.
    NotFound,
}

impl SignupQueries<'_> {
    /// The row of the occurrence of `activity_id` scheduled on `date`, created on first use.
    pub async fn ensure_occurrence_row(
        &self,
        activity_id: i64,
        date: NaiveDate,
    ) -> Result<i64, sqlx::Error> {
        let mut tx = self.db.begin().await?;
        let id = ensure_occurrence_row_in(&mut tx, activity_id, date).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Signs a party up: confirmed if it fits in `capacity` (persons; None is no limit),
    /// otherwise on the waitlist. The matching email is queued in the same transaction.
    pub async fn sign_up(
        &self,
        occurrence_id: i64,
        capacity: Option<i64>,
        signup: &NewSignup,
        token: &TokenHash,
        mails: &SignupMails<'_>,
        now: DateTime<Utc>,
    ) -> Result<SignupStatus, sqlx::Error> {
        let mut tx = lock_occurrence(self.db, occurrence_id).await?;
        let taken = confirmed_persons_in(&mut tx, occurrence_id).await?;
        let status = place_for(signup.persons(), taken, capacity);
        tx_run!(&mut tx, |conn| {
            sqlx::query(
                "insert into signups (occurrence_id, name, adults, children, email, phone, note, \
                 status, token_hash, created_at, lang, via_newsletter) \
                 values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
            )
            .bind(occurrence_id)
            .bind(&signup.name)
            .bind(signup.adults)
            .bind(signup.children)
            .bind(&signup.email)
            .bind(&signup.phone)
            .bind(&signup.note)
            .bind(status.as_str())
            .bind(token.as_str())
            .bind(now)
            .bind(signup.lang.code())
            .bind(&signup.via_newsletter)
            .execute(conn)
            .await
            .map(drop)
        })?;
        let mail = match status {
            SignupStatus::Confirmed => mails.confirmed,
            _ => mails.waitlisted,
        };
        if let Some(mail) = mail {
            enqueue_in(&mut tx, mail, now).await?;
        }
        tx.commit().await?;
        Ok(status)
    }

    /// The sign-up a private link belongs to.
    pub async fn signup_by_token(&self, token: &TokenHash) -> Result<Option<Signup>, sqlx::Error> {
        let row: Option<SignupRow> = crate::db_run!(self.db, |pool| {
            sqlx::query_as(&format!(
                "select {SIGNUP_COLUMNS} from signups where token_hash = $1"
            ))
            .bind(token.as_str())
            .fetch_optional(pool)
            .await
        })?;
        Ok(row.map(Signup::from))
    }

    /// Every sign-up of an occurrence in order of arrival, cancelled ones included.
    pub async fn signups_of(&self, occurrence_id: i64) -> Result<Vec<Signup>, sqlx::Error> {
        let rows: Vec<SignupRow> = crate::db_run!(self.db, |pool| {
            sqlx::query_as(&format!(
                "select {SIGNUP_COLUMNS} from signups where occurrence_id = $1 order by id"
            ))
            .bind(occurrence_id)
            .fetch_all(pool)
            .await
        })?;
        Ok(rows.into_iter().map(Signup::from).collect())
    }

    /// Cancels the sign-up of a private link and promotes the earliest waiting parties that now
    /// fit (see [`promotions`]), queuing `promotion_mail` for each. Returns the promoted
    /// sign-ups, or None if the link is unknown or already cancelled.
    pub async fn cancel_signup(
        &self,
        token: &TokenHash,
        capacity: Option<i64>,
        promotion_mail: &PromotionMail<'_>,
        now: DateTime<Utc>,
    ) -> Result<Option<Vec<Signup>>, sqlx::Error> {
        let Some(signup) = self.signup_by_token(token).await? else {
            return Ok(None);
        };
        let mut tx = lock_occurrence(self.db, signup.occurrence_id).await?;
        let promoted = cancel_in(&mut tx, &signup, capacity, promotion_mail, now).await?;
        if promoted.is_some() {
            tx.commit().await?;
        }
        Ok(promoted)
    }

    /// Staff remove `signup` from its occurrence's list: cancelled as if the party had
    /// cancelled (the same promotions and emails), with an entry in the log of staff actions
    /// by `actor_id`. None if it was already cancelled.
    pub async fn remove_signup(
        &self,
        actor_id: i64,
        signup: &Signup,
        capacity: Option<i64>,
        promotion_mail: &PromotionMail<'_>,
        now: DateTime<Utc>,
    ) -> Result<Option<Vec<Signup>>, sqlx::Error> {
        let mut tx = lock_occurrence(self.db, signup.occurrence_id).await?;
        let promoted = cancel_in(&mut tx, signup, capacity, promotion_mail, now).await?;
        if promoted.is_some() {
            // The log names the sign-up by its number only: names are deleted after the date,
            // the log is kept.
            let details = format!("signup {} occurrence {}", signup.id, signup.occurrence_id);
            audit_in(&mut tx, now, Some(actor_id), "remove_signup", &details).await?;
            tx.commit().await?;
        }
        Ok(promoted)
    }

    /// Sign-up `signup_id`, if it belongs to the occurrence of `activity_id` scheduled on
    /// `date`.
    pub async fn signup_of_occurrence(
        &self,
        activity_id: i64,
        date: NaiveDate,
        signup_id: i64,
    ) -> Result<Option<Signup>, sqlx::Error> {
        let row: Option<SignupRow> = crate::db_run!(self.db, |pool| {
            sqlx::query_as(&format!(
                "select {SIGNUP_COLUMNS} from signups where id = $1 and occurrence_id in \
                 (select id from occurrences where activity_id = $2 and on_date = $3)"
            ))
            .bind(signup_id)
            .bind(activity_id)
            .bind(date)
            .fetch_optional(pool)
            .await
        })?;
        Ok(row.map(Signup::from))
    }

    /// Changes the party size of the sign-up of a private link. A confirmed party that grows
    /// must still fit; a party that shrinks frees seats for the waitlist, and a waiting party
    /// that now fits is promoted (in order of arrival, like every promotion).
    pub async fn change_party(
        &self,
        token: &TokenHash,
        capacity: Option<i64>,
        (adults, children): (i64, i64),
        promotion_mail: &PromotionMail<'_>,
        now: DateTime<Utc>,
    ) -> Result<PartyChange, sqlx::Error> {
        let Some(signup) = self.signup_by_token(token).await? else {
            return Ok(PartyChange::NotFound);
        };
        let occurrence_id = signup.occurrence_id;
        let mut tx = lock_occurrence(self.db, occurrence_id).await?;
        // Read again under the lock: the party may have changed since.
        let current: Option<SignupRow> = tx_run!(&mut tx, |conn| {
            sqlx::query_as(&format!(
                "select {SIGNUP_COLUMNS} from signups where token_hash = $1"
            ))
            .bind(token.as_str())
            .fetch_optional(conn)
            .await
        })?;
        let current = match current.map(Signup::from) {
            Some(current) if current.status != SignupStatus::Cancelled => current,
            _ => return Ok(PartyChange::NotFound),
        };
        let taken = confirmed_persons_in(&mut tx, occurrence_id).await?;
        let grows_past_capacity = current.status == SignupStatus::Confirmed
            && !fits_after_change(current.persons(), adults + children, taken, capacity);
        if grows_past_capacity {
            return Ok(PartyChange::NoRoom);
        }
        tx_run!(&mut tx, |conn| {
            sqlx::query("update signups set adults = $2, children = $3 where id = $1")
                .bind(current.id)
                .bind(adults)
                .bind(children)
                .execute(conn)
                .await
                .map(drop)
        })?;
        let promoted = promote_in(&mut tx, occurrence_id, capacity, promotion_mail, now).await?;
        tx.commit().await?;
        let status = if promoted.iter().any(|party| party.id == current.id) {
            SignupStatus::Confirmed
        } else {
            current.status
        };
        Ok(PartyChange::Changed(status))
    }

    /// The persons confirmed for the occurrence of `activity_id` on `date` (none if nobody has
    /// signed up yet).
    pub async fn confirmed_persons(
        &self,
        activity_id: i64,
        date: NaiveDate,
    ) -> Result<i64, sqlx::Error> {
        crate::db_run!(self.db, |pool| {
            sqlx::query_scalar(
                "select cast(coalesce(sum(s.adults + s.children), 0) as bigint) from signups s \
                 join occurrences o on o.id = s.occurrence_id \
                 where o.activity_id = $1 and o.on_date = $2 and s.status = 'confirmed'",
            )
            .bind(activity_id)
            .bind(date)
            .fetch_one(pool)
            .await
        })
    }

    /// The persons with a seat on every date from `from` to `to` (scheduled dates) that has any,
    /// by activity id and date.
    pub async fn confirmed_persons_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<std::collections::HashMap<(i64, NaiveDate), i64>, sqlx::Error> {
        let rows: Vec<(i64, NaiveDate, i64)> = crate::db_run!(self.db, |pool| {
            sqlx::query_as(
                "select o.activity_id, o.on_date, \
                 cast(coalesce(sum(s.adults + s.children), 0) as bigint) from signups s \
                 join occurrences o on o.id = s.occurrence_id \
                 where o.on_date >= $1 and o.on_date <= $2 and s.status = 'confirmed' \
                 group by o.activity_id, o.on_date",
            )
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await
        })?;
        Ok(rows
            .into_iter()
            .map(|(activity, date, persons)| ((activity, date), persons))
            .collect())
    }

    /// The sign-up of a private link with its activity's id and the occurrence's date.
    pub async fn signup_with_occurrence(
        &self,
        token: &TokenHash,
    ) -> Result<Option<(Signup, i64, NaiveDate)>, sqlx::Error> {
        let row: Option<(i64, NaiveDate)> = crate::db_run!(self.db, |pool| {
            sqlx::query_as(
                "select o.activity_id, o.on_date from signups s \
                 join occurrences o on o.id = s.occurrence_id where s.token_hash = $1",
            )
            .bind(token.as_str())
            .fetch_optional(pool)
            .await
        })?;
        let Some((activity_id, date)) = row else {
            return Ok(None);
        };
        Ok(self
            .signup_by_token(token)
            .await?
            .map(|signup| (signup, activity_id, date)))
    }

    /// The confirmed parties of `activity_id`'s occurrence scheduled on `date` that gave an
    /// email address and have not had a reminder.
    pub async fn parties_to_remind(
        &self,
        activity_id: i64,
        date: NaiveDate,
    ) -> Result<Vec<Signup>, sqlx::Error> {
        let rows: Vec<SignupRow> = crate::db_run!(self.db, |pool| {
            sqlx::query_as(&format!(
                "select {SIGNUP_COLUMNS} from signups where occurrence_id in \
                 (select id from occurrences where activity_id = $1 and on_date = $2) \
                 and status = 'confirmed' and email <> '' and reminded_at is null order by id"
            ))
            .bind(activity_id)
            .bind(date)
            .fetch_all(pool)
            .await
        })?;
        Ok(rows.into_iter().map(Signup::from).collect())
    }

    /// Queues the reminder of one sign-up, once: marking it and queuing the email happen in one
    /// transaction, and a sign-up already marked (by another run or instance) is skipped.
    /// Returns whether this call queued it.
    pub async fn queue_reminder(
        &self,
        signup_id: i64,
        mail: &OutgoingEmail,
        now: DateTime<Utc>,
    ) -> Result<bool, sqlx::Error> {
        // No public page shows whether a reminder went.
        let mut tx = self.db.begin_unseen().await?;
        let marked = tx_run!(&mut tx, |conn| {
            sqlx::query(
                "update signups set reminded_at = $2 \
                 where id = $1 and reminded_at is null and status = 'confirmed'",
            )
            .bind(signup_id)
            .bind(now)
            .execute(conn)
            .await
            .map(|done| done.rows_affected() == 1)
        })?;
        if marked {
            enqueue_in(&mut tx, mail, now).await?;
        }
        tx.commit().await?;
        Ok(marked)
    }

    /// Deletes the name, email, phone and note of every sign-up for an occurrence that took
    /// place before `before`: on the date it was moved to, if it was moved, else on its
    /// scheduled date. The counts (adults, children, status) stay for the figures. Returns how
    /// many sign-ups were cleared.
    pub async fn forget_old_signups(&self, before: NaiveDate) -> Result<u64, sqlx::Error> {
        crate::db_run!(self.db, |pool| {
            sqlx::query(
                "update signups set name = '', email = '', phone = '', note = '' \
                 where occurrence_id in (select o.id from occurrences o \
                 left join activity_exceptions e on e.activity_id = o.activity_id \
                 and e.on_date = o.on_date and e.kind = 'moved' \
                 where coalesce(e.new_date, o.on_date) < $1) \
                 and (name <> '' or email <> '' or phone <> '' or note <> '')",
            )
            .bind(before)
            .execute(pool)
            .await
            .map(|done| done.rows_affected())
        })
    }
}
