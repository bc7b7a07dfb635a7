//! The accounts' queries, for both backends.

use chrono::{DateTime, Utc};

use super::{password::PasswordHash, token::TokenHash, EmailAddress, Role};
use crate::{db::Db, db_run, enqueue_email_in, mail::OutgoingEmail};

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
}

#[derive(sqlx::FromRow)]
struct AccountRow {
    id: i64,
    email: String,
    display_name: String,
    role: String,
    password_hash: Option<String>,
    disabled: bool,
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
    pub mail: &'a OutgoingEmail,
}

/// What came of an invitation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InviteOutcome {
    /// Invited (again, if an earlier invitation was never accepted).
    Invited { user_id: i64 },
    /// The address already belongs to an active account: nothing was written.
    AlreadyMember,
}

const ACCOUNT_COLUMNS: &str = "id, email, display_name, role, password_hash, disabled";

impl Db {
    /// Creates the account (or reuses one whose invitation was never accepted), stores the
    /// token's hash, queues the email and writes the audit entry, all in one transaction.
    pub async fn invite_user(
        &self,
        invitation: &NewInvitation<'_>,
        now: DateTime<Utc>,
    ) -> Result<InviteOutcome, sqlx::Error> {
        db_run!(self, |pool| {
            let mut tx = pool.begin().await?;
            sqlx::query(
                "insert into users (email, role, created_at) values ($1, $2, $3) \
                 on conflict (email) do nothing",
            )
            .bind(invitation.email.as_str())
            .bind(invitation.role.as_str())
            .bind(now)
            .execute(&mut *tx)
            .await?;
            let (user_id, has_password): (i64, bool) =
                sqlx::query_as("select id, password_hash is not null from users where email = $1")
                    .bind(invitation.email.as_str())
                    .fetch_one(&mut *tx)
                    .await?;
            if has_password {
                return Ok(InviteOutcome::AlreadyMember);
            }
            sqlx::query("update users set role = $2 where id = $1")
                .bind(user_id)
                .bind(invitation.role.as_str())
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "insert into auth_tokens (user_id, purpose, token_hash, expires_at, created_at) \
                 values ($1, 'invitation', $2, $3, $4)",
            )
            .bind(user_id)
            .bind(invitation.token_hash.as_str())
            .bind(invitation.expires_at)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            enqueue_email_in!(tx, invitation.mail, now)?;
            sqlx::query(
                "insert into audit_log (at, actor_id, action, details) \
                 values ($1, $2, 'invite_user', $3)",
            )
            .bind(now)
            .bind(invitation.invited_by)
            .bind(format!(
                "{} ({})",
                invitation.email.as_str(),
                invitation.role.as_str()
            ))
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(InviteOutcome::Invited { user_id })
        })
    }

    /// The account with this email address.
    pub async fn account_by_email(
        &self,
        email: &EmailAddress,
    ) -> Result<Option<Account>, sqlx::Error> {
        let row: Option<AccountRow> = db_run!(self, |pool| {
            sqlx::query_as(&format!(
                "select {ACCOUNT_COLUMNS} from users where email = $1"
            ))
            .bind(email.as_str())
            .fetch_optional(pool)
            .await
        })?;
        row.map(Account::try_from).transpose()
    }

    /// The account a token belongs to, if the token is unused and has not expired.
    pub async fn account_by_token(
        &self,
        token: &TokenHash,
        purpose: TokenPurpose,
        now: DateTime<Utc>,
    ) -> Result<Option<Account>, sqlx::Error> {
        let row: Option<AccountRow> = db_run!(self, |pool| {
            sqlx::query_as(
                "select u.id, u.email, u.display_name, u.role, u.password_hash, u.disabled \
                 from auth_tokens t join users u on u.id = t.user_id \
                 where t.token_hash = $1 and t.purpose = $2 and t.used_at is null \
                 and t.expires_at > $3 and not u.disabled",
            )
            .bind(token.as_str())
            .bind(purpose.as_str())
            .bind(now)
            .fetch_optional(pool)
            .await
        })?;
        row.map(Account::try_from).transpose()
    }

    /// Uses up an invitation token and sets the account's name and password. Returns the
    /// account's id, or None if the token is unknown, used or expired.
    pub async fn accept_invitation(
        &self,
        token: &TokenHash,
        display_name: &str,
        password_hash: &PasswordHash,
        now: DateTime<Utc>,
    ) -> Result<Option<i64>, sqlx::Error> {
        db_run!(self, |pool| {
            let mut tx = pool.begin().await?;
            let user_id: Option<i64> = sqlx::query_scalar(
                "update auth_tokens set used_at = $2 where token_hash = $1 \
                 and purpose = 'invitation' and used_at is null and expires_at > $2 \
                 returning user_id",
            )
            .bind(token.as_str())
            .bind(now)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(user_id) = user_id else {
                return Ok(None);
            };
            let updated = sqlx::query(
                "update users set display_name = $2, password_hash = $3 \
                 where id = $1 and not disabled",
            )
            .bind(user_id)
            .bind(display_name)
            .bind(password_hash.as_str())
            .execute(&mut *tx)
            .await?;
            if updated.rows_affected() == 0 {
                return Ok(None);
            }
            sqlx::query(
                "insert into audit_log (at, actor_id, action, details) \
                 values ($1, $2, 'accept_invitation', '')",
            )
            .bind(now)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(Some(user_id))
        })
    }
}
