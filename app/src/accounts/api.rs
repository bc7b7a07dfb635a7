//! Server functions behind the account pages. Each checks who is asking before it reads
//! anything: the pages' addresses are guarded by the server too, but a server function can be
//! called directly, so it must refuse on its own (403 for the wrong role, 401 when logged out).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::Role;

/// An account as the admin's list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountSummary {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub disabled: bool,
    /// The invitation has not been accepted yet.
    pub invited: bool,
}

/// One outbox entry, with its times already in Danish local time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxLine {
    pub id: i64,
    pub to: String,
    pub subject: String,
    pub status: String,
    pub attempts: i64,
    pub last_error: String,
    pub created: String,
    pub sent: Option<String>,
}

/// One audit entry, with its time in Danish local time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditLine {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub details: String,
}

/// Refuses unless the request comes from someone with at least `role`'s rights (admins pass
/// every check, staff pass staff and journalist checks).
#[cfg(feature = "ssr")]
pub fn require(role: Role) -> Result<super::Viewer, ServerFnError> {
    let deny = |status: http::StatusCode, message: &str| {
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(status);
        }
        ServerFnError::new(message)
    };
    let viewer =
        super::viewer().ok_or_else(|| deny(http::StatusCode::UNAUTHORIZED, "not logged in"))?;
    let allowed = match role {
        Role::Admin => viewer.role == Role::Admin,
        Role::Staff => viewer.role.is_staff(),
        Role::Journalist => true,
    };
    if allowed {
        Ok(viewer)
    } else {
        Err(deny(http::StatusCode::FORBIDDEN, "forbidden"))
    }
}

/// Every account, for admins.
#[server(prefix = "/personale/api/admin", endpoint = "brugere")]
pub async fn list_accounts() -> Result<Vec<AccountSummary>, ServerFnError> {
    use crate::errors::{db_from_context, internal};
    require(Role::Admin)?;
    let accounts = db_from_context()?
        .accounts()
        .list_accounts()
        .await
        .map_err(internal)?;
    Ok(accounts
        .into_iter()
        .map(|account| AccountSummary {
            id: account.id,
            name: account.display_name,
            email: account.email,
            role: account.role,
            disabled: account.disabled,
            invited: account.password_hash.is_none(),
        })
        .collect())
}

/// The newest 200 emails of the outbox, for admins.
#[server(prefix = "/personale/api/admin", endpoint = "udbakke")]
pub async fn list_outbox() -> Result<Vec<OutboxLine>, ServerFnError> {
    use crate::{
        clock::local_datetime,
        errors::{db_from_context, internal},
    };
    require(Role::Admin)?;
    let entries = db_from_context()?
        .outbox()
        .list_outbox(200)
        .await
        .map_err(internal)?;
    Ok(entries
        .into_iter()
        .map(|entry| OutboxLine {
            id: entry.id,
            to: entry.to_address,
            subject: entry.subject,
            status: entry.status,
            attempts: entry.attempts,
            last_error: entry.last_error,
            created: local_datetime(entry.created_at),
            sent: entry.sent_at.map(local_datetime),
        })
        .collect())
}

/// The newest 200 audit entries, for admins.
#[server(prefix = "/personale/api/admin", endpoint = "log")]
pub async fn list_audit() -> Result<Vec<AuditLine>, ServerFnError> {
    use crate::{
        clock::local_datetime,
        errors::{db_from_context, internal},
    };
    require(Role::Admin)?;
    let entries = db_from_context()?
        .accounts()
        .list_audit(200)
        .await
        .map_err(internal)?;
    Ok(entries
        .into_iter()
        .map(|entry| AuditLine {
            at: local_datetime(entry.at),
            actor: entry.actor,
            action: entry.action,
            details: entry.details,
        })
        .collect())
}

/// Whether an invitation or reset link still works, and for which address.
#[server(endpoint = "link")]
pub async fn check_link(token: String, reset: bool) -> Result<Option<String>, ServerFnError> {
    use super::{queries::TokenPurpose, service::account_for_link};
    use crate::errors::{db_from_context, internal};
    let purpose = if reset {
        TokenPurpose::PasswordReset
    } else {
        TokenPurpose::Invitation
    };
    let account = account_for_link(&db_from_context()?, &token, purpose, crate::clock::now())
        .await
        .map_err(internal)?;
    Ok(account.map(|account| account.email))
}
