//! The accounts' queries, for both backends.

use chrono::{DateTime, Utc};

use super::{
    password::PasswordHash, token::TokenHash, two_factor::TwoFactorSecret, EmailAddress, Role,
};
use crate::{
    db::{AccountQueries, Db, Tx},
    db_run,
    i18n::Lang,
    mail::{queries::enqueue_in, OutgoingEmail},
    tx_run,
};

/// An account as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Account {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    /// None until the invitation has been accepted.
    pub password_hash: Option<PasswordHash>,
    pub disabled: bool,
    /// Staff: an email when a citizen journalist sends a submission.
    pub notify_submissions: bool,
    /// The language of the emails to the account (journalists choose it).
    pub lang: Lang,
    /// Logging in takes a code from an authenticator app as well as the password.
    pub two_factor: bool,
}

#[derive(sqlx::FromRow)]
struct AccountRow {
    id: i64,
    email: String,
    display_name: String,
    role: String,
    password_hash: Option<String>,
    disabled: bool,
    notify_submissions: bool,
    lang: String,
    two_factor: bool,
}

impl TryFrom<AccountRow> for Account {
    type Error = sqlx::Error;

    fn try_from(row: AccountRow) -> Result<Self, Self::Error> {
        let role = Role::parse(&row.role)
            .ok_or_else(|| sqlx::Error::Decode(format!("unknown role {:?}", row.role).into()))?;
        Ok(Account {
            id: row.id,
            email: row.email,
            display_name: row.display_name,
            role,
            password_hash: row.password_hash.map(PasswordHash::from_stored),
            disabled: row.disabled,
            notify_submissions: row.notify_submissions,
            lang: Lang::from_code(&row.lang).unwrap_or_default(),
            two_factor: row.two_factor,
        })
    }
}

/// What a single-use token is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenPurpose {
    Invitation,
    PasswordReset,
}

impl TokenPurpose {
    fn as_str(self) -> &'static str {
        match self {
            TokenPurpose::Invitation => "invitation",
            TokenPurpose::PasswordReset => "password_reset",
        }
    }
}

/// An invitation to write down: the account, its token and the email that carries the link.
#[derive(Debug)]
pub struct NewInvitation<'a> {
    pub email: &'a EmailAddress,
    pub role: Role,
    pub token_hash: &'a TokenHash,
    pub expires_at: DateTime<Utc>,
    /// The admin who invited, for the audit log; None from the command line.
    pub invited_by: Option<i64>,
    /// The role of whoever invites (None: the command line, which may do anything). A pending
    /// invitation's role is changed only by someone who may give the role it has.
    pub inviter_role: Option<Role>,
    pub mail: &'a OutgoingEmail,
}

/// What came of an invitation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InviteOutcome {
    /// Invited (again, if an earlier invitation was never accepted).
    Invited { user_id: i64 },
    /// The address already belongs to an active account: nothing was written.
    AlreadyMember,
    /// The address has a pending invitation with a role the inviter may not give (staff
    /// inviting a journalist where an admin was invited): nothing was written.
    InvitedWithOtherRole,
}

/// Begins a transaction that redeems the token `token` of `purpose`: holding the write lock of
/// its account (the whole file on SQLite, the account's row on PostgreSQL), it uses the token up
/// if it is unused and unexpired, and voids every other outstanding token of the account,
/// invitations and resets alike, so one link used ends all the others. Gives the transaction
/// and the account's id, or None if the token is unknown, used or expired (nothing written).
///
/// Locking the account before any token row means two links of one account redeemed at the
/// same moment take their turns instead of deadlocking, and the second finds its token void.
async fn redeem_token(
    db: &Db,
    token: &TokenHash,
    purpose: TokenPurpose,
    now: DateTime<Utc>,
) -> Result<Option<(Tx, i64)>, sqlx::Error> {
    let mut tx = db.begin().await?;
    let owner: Option<i64> = tx_run!(&mut tx, |conn| {
        sqlx::query_scalar("select user_id from auth_tokens where token_hash = $1 and purpose = $2")
            .bind(token.as_str())
            .bind(purpose.as_str())
            .fetch_optional(conn)
            .await
    })?;
    let Some(owner) = owner else {
        return Ok(None);
    };
    tx_run!(&mut tx,
        sqlite: |_conn| Ok::<_, sqlx::Error>(()),
        postgres: |conn| {
            sqlx::query("select id from users where id = $1 for update")
                .bind(owner)
                .execute(conn)
                .await
                .map(drop)
        }
    )?;
    // Read again under the lock: another link of the account may just have voided this one.
    let used: Option<i64> = tx_run!(&mut tx, |conn| {
        sqlx::query_scalar(
            "update auth_tokens set used_at = $2 where token_hash = $1 \
             and purpose = $3 and used_at is null and expires_at > $2 \
             returning user_id",
        )
        .bind(token.as_str())
        .bind(now)
        .bind(purpose.as_str())
        .fetch_optional(conn)
        .await
    })?;
    let Some(user_id) = used else {
        return Ok(None);
    };
    void_tokens_in(&mut tx, user_id, now).await?;
    Ok(Some((tx, user_id)))
}

/// Voids every outstanding invitation and reset link of an account, inside `tx`.
async fn void_tokens_in(tx: &mut Tx, user_id: i64, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    tx_run!(tx, |conn| {
        sqlx::query("update auth_tokens set used_at = $2 where user_id = $1 and used_at is null")
            .bind(user_id)
            .bind(now)
            .execute(conn)
            .await
            .map(drop)
    })
}

/// Writes an audit entry inside `tx`, with the change it records.
pub async fn audit_in(
    tx: &mut Tx,
    now: DateTime<Utc>,
    actor_id: Option<i64>,
    action: &str,
    details: &str,
) -> Result<(), sqlx::Error> {
    tx_run!(tx, |conn| {
        sqlx::query("insert into audit_log (at, actor_id, action, details) values ($1, $2, $3, $4)")
            .bind(now)
            .bind(actor_id)
            .bind(action)
            .bind(details)
            .execute(conn)
            .await
            .map(drop)
    })
}

/// Ends the use of a token of `user_id`'s after the account's row was updated (`updated` rows):
/// with the audit line `action` and the commit. When the account no longer fitted the token (no
/// row updated), the transaction is rolled back and there is no account.
async fn redeemed(
    mut tx: Tx,
    updated: u64,
    now: DateTime<Utc>,
    user_id: i64,
    action: &str,
) -> Result<Option<i64>, sqlx::Error> {
    if updated == 0 {
        return Ok(None);
    }
    audit_in(&mut tx, now, Some(user_id), action, "").await?;
    tx.commit().await?;
    Ok(Some(user_id))
}

/// What finds one account: its id or its email address.
#[derive(Clone, Copy)]
enum AccountKey<'a> {
    Id(i64),
    Email(&'a str),
}

const ACCOUNT_COLUMNS: &str = "id, email, display_name, role, password_hash, disabled, \
     notify_submissions, lang, totp_secret is not null as two_factor";

/// A password-reset request to write down: the token's hash and the email with the link.
#[derive(Debug)]
pub struct NewReset<'a> {
    pub user_id: i64,
    pub token_hash: &'a TokenHash,
    pub expires_at: DateTime<Utc>,
    pub mail: &'a OutgoingEmail,
}

/// One line of the audit log as admins read it.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct AuditEntry {
    pub at: DateTime<Utc>,
    /// The actor's name (or email, before they chose a name); empty for the command line.
    pub actor: String,
    pub action: String,
    pub details: String,
}

impl AccountQueries<'_> {
    /// Creates the account (or reuses one whose invitation was never accepted), stores the
    /// token's hash, queues the email and writes the audit entry, all in one transaction.
    pub async fn invite_user(
        &self,
        invitation: &NewInvitation<'_>,
        now: DateTime<Utc>,
    ) -> Result<InviteOutcome, sqlx::Error> {
        let mut tx = self.db.begin().await?;
        let (user_id, has_password, pending_role): (i64, bool, String) =
            tx_run!(&mut tx, |conn| {
                sqlx::query(
                    "insert into users (email, role, created_at) values ($1, $2, $3) \
                 on conflict (email) do nothing",
                )
                .bind(invitation.email.as_str())
                .bind(invitation.role.as_str())
                .bind(now)
                .execute(&mut *conn)
                .await?;
                sqlx::query_as(
                    "select id, password_hash is not null, role from users where email = $1",
                )
                .bind(invitation.email.as_str())
                .fetch_one(conn)
                .await
            })?;
        if has_password {
            return Ok(InviteOutcome::AlreadyMember);
        }
        let may_give_pending = match (invitation.inviter_role, Role::parse(&pending_role)) {
            (Some(inviter), Some(pending)) => inviter.may_invite(pending),
            (Some(_), None) => false,
            (None, _) => true,
        };
        if !may_give_pending {
            return Ok(InviteOutcome::InvitedWithOtherRole);
        }
        tx_run!(&mut tx, |conn| {
            sqlx::query("update users set role = $2 where id = $1")
                .bind(user_id)
                .bind(invitation.role.as_str())
                .execute(&mut *conn)
                .await?;
            sqlx::query(
                "insert into auth_tokens (user_id, purpose, token_hash, expires_at, created_at) \
                 values ($1, 'invitation', $2, $3, $4)",
            )
            .bind(user_id)
            .bind(invitation.token_hash.as_str())
            .bind(invitation.expires_at)
            .bind(now)
            .execute(conn)
            .await
            .map(drop)
        })?;
        enqueue_in(&mut tx, invitation.mail, now).await?;
        let details = format!(
            "{} ({})",
            invitation.email.as_str(),
            invitation.role.as_str()
        );
        audit_in(&mut tx, now, invitation.invited_by, "invite_user", &details).await?;
        tx.commit().await?;
        Ok(InviteOutcome::Invited { user_id })
    }

    /// The account with this email address.
    pub async fn account_by_email(
        &self,
        email: &EmailAddress,
    ) -> Result<Option<Account>, sqlx::Error> {
        self.account_where(AccountKey::Email(email.as_str())).await
    }

    /// The account a token belongs to, if the token is unused and has not expired, and still
    /// fits the account: an invitation only while the account has no password (once one is
    /// chosen, every invitation of it is void), a reset only once it has one.
    pub async fn account_by_token(
        &self,
        token: &TokenHash,
        purpose: TokenPurpose,
        now: DateTime<Utc>,
    ) -> Result<Option<Account>, sqlx::Error> {
        let password = match purpose {
            TokenPurpose::Invitation => "password_hash is null",
            TokenPurpose::PasswordReset => "password_hash is not null",
        };
        let sql = format!(
            "select {ACCOUNT_COLUMNS} from users where not disabled and {password} and id in \
             (select user_id from auth_tokens where token_hash = $1 and purpose = $2 \
             and used_at is null and expires_at > $3)"
        );
        let row: Option<AccountRow> = db_run!(self.db, |pool| {
            sqlx::query_as(&sql)
                .bind(token.as_str())
                .bind(purpose.as_str())
                .bind(now)
                .fetch_optional(pool)
                .await
        })?;
        row.map(Account::try_from).transpose()
    }

    /// Uses up an invitation token and sets the account's name and password; every other
    /// invitation (and any reset link) of the account is void from then on. Returns the
    /// account's id, or None if the token is unknown, used or expired, or the account already
    /// has a password.
    pub async fn accept_invitation(
        &self,
        token: &TokenHash,
        display_name: &str,
        password_hash: &PasswordHash,
        now: DateTime<Utc>,
    ) -> Result<Option<i64>, sqlx::Error> {
        let Some((mut tx, user_id)) =
            redeem_token(self.db, token, TokenPurpose::Invitation, now).await?
        else {
            return Ok(None);
        };
        let updated = tx_run!(&mut tx, |conn| {
            sqlx::query(
                "update users set display_name = $2, password_hash = $3 \
                 where id = $1 and not disabled and password_hash is null",
            )
            .bind(user_id)
            .bind(display_name)
            .bind(password_hash.as_str())
            .execute(conn)
            .await
            .map(|done| done.rows_affected())
        })?;
        redeemed(tx, updated, now, user_id, "accept_invitation").await
    }

    /// The account with this id.
    pub async fn account_by_id(&self, id: i64) -> Result<Option<Account>, sqlx::Error> {
        self.account_where(AccountKey::Id(id)).await
    }

    /// The account `key` names.
    async fn account_where(&self, key: AccountKey<'_>) -> Result<Option<Account>, sqlx::Error> {
        let column = match key {
            AccountKey::Id(_) => "id",
            AccountKey::Email(_) => "email",
        };
        let sql = format!("select {ACCOUNT_COLUMNS} from users where {column} = $1");
        let row: Option<AccountRow> = db_run!(self.db, |pool| {
            let query = sqlx::query_as(&sql);
            let query = match key {
                AccountKey::Id(id) => query.bind(id),
                AccountKey::Email(email) => query.bind(email),
            };
            query.fetch_optional(pool).await
        })?;
        row.map(Account::try_from).transpose()
    }

    /// Every account, admins first, then by email.
    pub async fn list_accounts(&self) -> Result<Vec<Account>, sqlx::Error> {
        let rows: Vec<AccountRow> = db_run!(self.db, |pool| {
            sqlx::query_as(&format!(
                "select {ACCOUNT_COLUMNS} from users \
                 order by case role when 'admin' then 0 when 'staff' then 1 else 2 end, email"
            ))
            .fetch_all(pool)
            .await
        })?;
        rows.into_iter().map(Account::try_from).collect()
    }

    /// Stores a reset token and queues its email in one transaction.
    pub async fn request_password_reset(
        &self,
        reset: &NewReset<'_>,
        now: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.db.begin().await?;
        tx_run!(&mut tx, |conn| {
            sqlx::query(
                "insert into auth_tokens (user_id, purpose, token_hash, expires_at, created_at) \
                 values ($1, 'password_reset', $2, $3, $4)",
            )
            .bind(reset.user_id)
            .bind(reset.token_hash.as_str())
            .bind(reset.expires_at)
            .bind(now)
            .execute(conn)
            .await
            .map(drop)
        })?;
        enqueue_in(&mut tx, reset.mail, now).await?;
        tx.commit().await
    }

    /// Uses up a reset token and sets the new password; every other outstanding link of the
    /// account (resets and invitations) is void from then on. Returns the account's id, or None
    /// if the token is unknown, used or expired.
    pub async fn reset_password(
        &self,
        token: &TokenHash,
        password_hash: &PasswordHash,
        now: DateTime<Utc>,
    ) -> Result<Option<i64>, sqlx::Error> {
        let Some((mut tx, user_id)) =
            redeem_token(self.db, token, TokenPurpose::PasswordReset, now).await?
        else {
            return Ok(None);
        };
        let updated = tx_run!(&mut tx, |conn| {
            sqlx::query(
                "update users set password_hash = $2 where id = $1 and not disabled \
                 and password_hash is not null",
            )
            .bind(user_id)
            .bind(password_hash.as_str())
            .execute(conn)
            .await
            .map(|done| done.rows_affected())
        })?;
        redeemed(tx, updated, now, user_id, "reset_password").await
    }

    /// Sets a new password for a logged-in account. Reset links asked for earlier are void:
    /// the person knows their password again, and a link lying in a mailbox should not undo it.
    pub async fn change_password(
        &self,
        user_id: i64,
        password_hash: &PasswordHash,
        now: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.db.begin().await?;
        tx_run!(&mut tx, |conn| {
            sqlx::query("update users set password_hash = $2 where id = $1")
                .bind(user_id)
                .bind(password_hash.as_str())
                .execute(conn)
                .await
                .map(drop)
        })?;
        void_tokens_in(&mut tx, user_id, now).await?;
        audit_in(&mut tx, now, Some(user_id), "change_password", "").await?;
        tx.commit().await
    }

    /// Turns the emails about sent submissions on or off for account `user_id`.
    pub async fn set_notify_submissions(
        &self,
        user_id: i64,
        notify: bool,
    ) -> Result<(), sqlx::Error> {
        crate::db_run!(self.db, |pool| {
            sqlx::query("update users set notify_submissions = $2 where id = $1")
                .bind(user_id)
                .bind(notify)
                .execute(pool)
                .await
                .map(drop)
        })
    }

    /// Sets the language of the emails to account `user_id`.
    pub async fn set_language(&self, user_id: i64, lang: Lang) -> Result<(), sqlx::Error> {
        crate::db_run!(self.db, |pool| {
            sqlx::query("update users set lang = $2 where id = $1")
                .bind(user_id)
                .bind(lang.code())
                .execute(pool)
                .await
                .map(drop)
        })
    }

    /// Disables or re-enables an account, with an audit entry; disabling voids its outstanding
    /// links. Returns false if there is no such account.
    pub async fn set_account_disabled(
        &self,
        actor_id: i64,
        user_id: i64,
        disabled: bool,
        now: DateTime<Utc>,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.db.begin().await?;
        let email: Option<String> = tx_run!(&mut tx, |conn| {
            sqlx::query_scalar("update users set disabled = $2 where id = $1 returning email")
                .bind(user_id)
                .bind(disabled)
                .fetch_optional(conn)
                .await
        })?;
        let Some(email) = email else {
            return Ok(false);
        };
        // A closed account's links die with it, and do not come back if it is reopened.
        if disabled {
            void_tokens_in(&mut tx, user_id, now).await?;
        }
        let action = if disabled {
            "disable_user"
        } else {
            "enable_user"
        };
        audit_in(&mut tx, now, Some(actor_id), action, &email).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Writes one audit entry on its own.
    pub async fn record_audit(
        &self,
        actor_id: Option<i64>,
        action: &str,
        details: &str,
        now: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.db.begin().await?;
        audit_in(&mut tx, now, actor_id, action, details).await?;
        tx.commit().await
    }

    /// The newest audit entries first.
    pub async fn list_audit(&self, limit: i64) -> Result<Vec<AuditEntry>, sqlx::Error> {
        db_run!(self.db, |pool| {
            sqlx::query_as(
                "select a.at, coalesce(case when u.display_name = '' then u.email \
                 else u.display_name end, '') as actor, a.action, a.details \
                 from audit_log a left join users u on u.id = a.actor_id \
                 order by a.id desc limit $1",
            )
            .bind(limit)
            .fetch_all(pool)
            .await
        })
    }

    /// How many accounts there are, invited ones included.
    pub async fn count_accounts(&self) -> Result<i64, sqlx::Error> {
        db_run!(self.db, |pool| {
            sqlx::query_scalar("select count(*) from users")
                .fetch_one(pool)
                .await
        })
    }

    /// Creates an account that can log in at once (demo content and tests; people are invited).
    pub async fn create_account(
        &self,
        email: &EmailAddress,
        display_name: &str,
        role: Role,
        password_hash: &PasswordHash,
        now: DateTime<Utc>,
    ) -> Result<i64, sqlx::Error> {
        db_run!(self.db, |pool| {
            sqlx::query_scalar(
                "insert into users (email, display_name, role, password_hash, created_at) \
                 values ($1, $2, $3, $4, $5) returning id",
            )
            .bind(email.as_str())
            .bind(display_name)
            .bind(role.as_str())
            .bind(password_hash.as_str())
            .bind(now)
            .fetch_one(pool)
            .await
        })
    }
    /// Turns two-factor login on for `user_id` with `secret` (whose code of `step` was just
    /// typed, so that code is spent) and the hashes of its new recovery codes, queues the email
    /// saying so (none for demo content) and writes the audit entry, all in one transaction.
    /// False when it was on already (nothing written).
    pub async fn enable_two_factor(
        &self,
        user_id: i64,
        secret: &TwoFactorSecret,
        step: u64,
        recovery_hashes: &[String],
        mail: Option<&OutgoingEmail>,
        now: DateTime<Utc>,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.db.begin_unseen().await?;
        let updated = tx_run!(&mut tx, |conn| {
            sqlx::query(
                "update users set totp_secret = $2, totp_last_step = $3 \
                 where id = $1 and totp_secret is null",
            )
            .bind(user_id)
            .bind(secret.as_str())
            .bind(step as i64)
            .execute(conn)
            .await
            .map(|done| done.rows_affected())
        })?;
        if updated == 0 {
            return Ok(false);
        }
        replace_recovery_codes_in(&mut tx, user_id, recovery_hashes).await?;
        if let Some(mail) = mail {
            enqueue_in(&mut tx, mail, now).await?;
        }
        audit_in(&mut tx, now, Some(user_id), "two_factor_on", "").await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The authenticator secret of `user_id`, if two-factor login is on.
    pub async fn two_factor_secret(
        &self,
        user_id: i64,
    ) -> Result<Option<TwoFactorSecret>, sqlx::Error> {
        let stored: Option<Option<String>> = db_run!(self.db, |pool| {
            sqlx::query_scalar("select totp_secret from users where id = $1")
                .bind(user_id)
                .fetch_optional(pool)
                .await
        })?;
        Ok(stored.flatten().as_deref().and_then(TwoFactorSecret::parse))
    }

    /// Spends the code of `step` for `user_id`: true when the step is later than that of the
    /// last code accepted (one conditional update, so two requests with one code cannot both
    /// pass), and the login is written in the audit log.
    pub async fn spend_code_step(
        &self,
        user_id: i64,
        step: u64,
        now: DateTime<Utc>,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.db.begin_unseen().await?;
        let updated = tx_run!(&mut tx, |conn| {
            sqlx::query(
                "update users set totp_last_step = $2 where id = $1 and totp_secret is not null \
                 and (totp_last_step is null or totp_last_step < $2)",
            )
            .bind(user_id)
            .bind(step as i64)
            .execute(conn)
            .await
            .map(|done| done.rows_affected())
        })?;
        if updated == 0 {
            return Ok(false);
        }
        audit_in(&mut tx, now, Some(user_id), "log_in", "two_factor").await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Spends the recovery code with `hash` of `user_id`: true when it was unused, and then the
    /// email `mail` is queued and the login written in the audit log, in one transaction.
    pub async fn spend_recovery_code(
        &self,
        user_id: i64,
        hash: &str,
        mail: &OutgoingEmail,
        now: DateTime<Utc>,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.db.begin_unseen().await?;
        let updated = tx_run!(&mut tx, |conn| {
            sqlx::query(
                "update recovery_codes set used_at = $3 \
                 where user_id = $1 and code_hash = $2 and used_at is null",
            )
            .bind(user_id)
            .bind(hash)
            .bind(now)
            .execute(conn)
            .await
            .map(|done| done.rows_affected())
        })?;
        if updated == 0 {
            return Ok(false);
        }
        enqueue_in(&mut tx, mail, now).await?;
        audit_in(&mut tx, now, Some(user_id), "log_in", "recovery_code").await?;
        tx.commit().await?;
        Ok(true)
    }

    /// How many unused recovery codes `user_id` has.
    pub async fn recovery_codes_left(&self, user_id: i64) -> Result<i64, sqlx::Error> {
        db_run!(self.db, |pool| {
            sqlx::query_scalar(
                "select count(*) from recovery_codes where user_id = $1 and used_at is null",
            )
            .bind(user_id)
            .fetch_one(pool)
            .await
        })
    }

    /// Turns two-factor login off for `user_id` (an admin's reset): forgets the secret and the
    /// recovery codes, queues the email `mail` to the person and writes the audit entry with
    /// `actor_id`. False when it was off (nothing written).
    pub async fn reset_two_factor(
        &self,
        actor_id: i64,
        user_id: i64,
        mail: &OutgoingEmail,
        now: DateTime<Utc>,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.db.begin_unseen().await?;
        let email: Option<String> = tx_run!(&mut tx, |conn| {
            sqlx::query_scalar(
                "update users set totp_secret = null, totp_last_step = null \
                 where id = $1 and totp_secret is not null returning email",
            )
            .bind(user_id)
            .fetch_optional(conn)
            .await
        })?;
        let Some(email) = email else {
            return Ok(false);
        };
        replace_recovery_codes_in(&mut tx, user_id, &[]).await?;
        enqueue_in(&mut tx, mail, now).await?;
        audit_in(&mut tx, now, Some(actor_id), "two_factor_reset", &email).await?;
        tx.commit().await?;
        Ok(true)
    }
}

/// Replaces the recovery codes of `user_id` by `hashes`, inside `tx`.
async fn replace_recovery_codes_in(
    tx: &mut Tx,
    user_id: i64,
    hashes: &[String],
) -> Result<(), sqlx::Error> {
    tx_run!(tx, |conn| {
        sqlx::query("delete from recovery_codes where user_id = $1")
            .bind(user_id)
            .execute(&mut *conn)
            .await?;
        for hash in hashes {
            sqlx::query("insert into recovery_codes (user_id, code_hash) values ($1, $2)")
                .bind(user_id)
                .bind(hash)
                .execute(&mut *conn)
                .await?;
        }
        Ok::<_, sqlx::Error>(())
    })
}
