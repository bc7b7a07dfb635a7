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
    /// Logging in takes a code from an authenticator app too.
    pub two_factor: bool,
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
            two_factor: account.two_factor,
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

/// What the two-factor page shows a person who has not turned it on: the secret for their app,
/// as text, as an `otpauth://` link and as a QR code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TwoFactorSetup {
    /// The secret as sent back with the form.
    pub secret: String,
    /// The secret in groups of four letters, to type into an app.
    pub grouped: String,
    pub otpauth_url: String,
    /// An SVG element drawn on the server from the secret alone.
    pub qr_svg: String,
}

/// The state of the logged-in person's second step of logging in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TwoFactorStatus {
    /// On, with this many unused recovery codes.
    On { codes_left: i64 },
    /// Off: what setting it up takes.
    Off(TwoFactorSetup),
}

/// The logged-in person's two-factor state. `secret` is the secret a refused form sent back,
/// so that the app the person already set up keeps matching; without one (or with a broken
/// one) a new secret is made. Nothing is stored until a code from the app is typed.
#[server(prefix = "/konto/api", endpoint = "to-trin")]
pub async fn two_factor_state(secret: Option<String>) -> Result<TwoFactorStatus, ServerFnError> {
    use super::two_factor::TwoFactorSecret;
    use crate::errors::{db_from_context, internal};
    let viewer = require(Role::Journalist)?;
    if viewer.two_factor {
        let codes_left = db_from_context()?
            .accounts()
            .recovery_codes_left(viewer.id)
            .await
            .map_err(internal)?;
        return Ok(TwoFactorStatus::On { codes_left });
    }
    let secret = secret
        .as_deref()
        .and_then(TwoFactorSecret::parse)
        .unwrap_or_else(TwoFactorSecret::generate);
    let site = use_context::<crate::site::SiteInfo>()
        .map(|site| site.name)
        .unwrap_or_default();
    let title = crate::i18n::lang().text("two-factor-qr");
    Ok(TwoFactorStatus::Off(TwoFactorSetup {
        secret: secret.as_str().to_owned(),
        grouped: secret.grouped(),
        otpauth_url: secret.otpauth_url(&site, &viewer.email),
        qr_svg: secret.qr_svg(&site, &viewer.email, &title),
    }))
}
