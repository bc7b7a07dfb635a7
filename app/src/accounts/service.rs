//! What the account forms do, apart from HTTP: check the input, change the database, queue the
//! email. Every refusal comes back as a [`FormFeedback`] with Danish messages for the fields;
//! the server turns it into a page and handles sessions, limits and redirects.

use chrono::{DateTime, Duration, Utc};

use super::{
    emails::{self, TwoFactorNews},
    password::{Password, PasswordHash},
    queries::{Account, InviteOutcome, NewInvitation, NewReset, TokenPurpose},
    token::Token,
    two_factor::{self, RecoveryCode, TwoFactorSecret},
    EmailAddress, Role, Viewer,
};
use crate::{db::Db, errors::Refusal, forms::FormFeedback, i18n::Lang, mail::OutgoingEmail};

/// How long an invitation link works.
pub const INVITATION_VALID: Duration = Duration::days(7);
/// How long a password-reset link works.
pub const RESET_VALID: Duration = Duration::hours(1);

/// The addresses and words the emails need.
#[derive(Clone, Debug)]
pub struct Links<'a> {
    /// The public address of the site, ending in `/`.
    pub public_url: &'a str,
    pub site_name: &'a str,
}

impl Links<'_> {
    /// The full address of `path` (which starts with `/`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.public_url.trim_end_matches('/'))
    }

    fn to(&self, path: &str, token: &Token) -> String {
        format!(
            "{}/{path}/{}",
            self.public_url.trim_end_matches('/'),
            token.as_str()
        )
    }
}

impl Viewer {
    /// The viewer for an account that may log in.
    pub fn of(account: &Account) -> Self {
        Self {
            id: account.id,
            name: if account.display_name.is_empty() {
                account.email.clone()
            } else {
                account.display_name.clone()
            },
            email: account.email.clone(),
            role: account.role,
            notify_submissions: account.notify_submissions,
            lang: account.lang,
            two_factor: account.two_factor,
        }
    }
}

/// An email field as it is shown again: trimmed, and no longer than an address may be (320
/// characters; a longer one is refused anyway).
fn shown_address(email: &str) -> &str {
    let email = email.trim();
    email
        .char_indices()
        .nth(320)
        .map_or(email, |(end, _)| &email[..end])
}

/// Hashes within the CPU budget ([`crate::cpu`]): Argon2 takes tens of milliseconds of CPU.
async fn hash_password(password: Password) -> Result<PasswordHash, Refusal> {
    Ok(crate::cpu::run(move || password.hash()).await)
}

/// Checks a password within the CPU budget.
async fn verify_password(hash: PasswordHash, attempt: String) -> Result<bool, Refusal> {
    Ok(crate::cpu::run(move || hash.verify(&attempt)).await)
}

/// A hash to verify against when the account does not exist, so that a wrong address takes as
/// long as a wrong password and does not reveal which addresses have accounts.
fn decoy_hash() -> PasswordHash {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    PasswordHash::from_stored(
        DECOY
            .get_or_init(|| password_auth::generate_hash("not anyone's password"))
            .clone(),
    )
}

/// Checks an email address and password. The same message for every failure, so the form does
/// not tell which addresses have accounts.
pub async fn log_in(
    db: &Db,
    lang: Lang,
    email: &str,
    password: &str,
    now: DateTime<Utc>,
) -> Result<Account, Refusal> {
    let mut feedback = FormFeedback::for_form("login");
    feedback.keep("email", shown_address(email));
    if email.trim().is_empty() {
        feedback.error("email", lang.text("login-email-missing"));
    }
    if password.is_empty() {
        feedback.error("password", lang.text("login-password-missing"));
    }
    if !feedback.is_ok() {
        return Err(feedback.into());
    }
    let account = match EmailAddress::parse(email) {
        Some(address) => db.accounts().account_by_email(&address).await?,
        None => None,
    };
    let hash = account
        .as_ref()
        .and_then(|account| account.password_hash.clone())
        .unwrap_or_else(decoy_hash);
    let matches = verify_password(hash, password.to_owned()).await?;
    match account {
        Some(account) if matches && account.password_hash.is_some() && !account.disabled => {
            db.accounts()
                .record_audit(Some(account.id), "log_in", "", now)
                .await?;
            Ok(account)
        }
        _ => {
            feedback.message(lang.text("login-failed"));
            Err(feedback.into())
        }
    }
}

/// Invites someone by email: the account waits for them to choose a name and password.
pub async fn invite(
    db: &Db,
    lang: Lang,
    links: &Links<'_>,
    invited_by: Option<(i64, Role)>,
    email: &str,
    role: &str,
    now: DateTime<Utc>,
) -> Result<(EmailAddress, Token), Refusal> {
    let mut feedback = FormFeedback::for_form("invite");
    feedback
        .keep("email", shown_address(email))
        .keep("account_role", role);
    let address = EmailAddress::parse(email);
    if address.is_none() {
        feedback.error("email", lang.text("email-invalid"));
    }
    let role = Role::parse(role);
    if role.is_none() {
        feedback.error("account_role", lang.text("role-missing"));
    }
    let (Some(address), Some(role)) = (address, role) else {
        return Err(feedback.into());
    };
    let token = Token::generate();
    let mail = emails::invitation(
        lang,
        address.as_str(),
        links.site_name,
        role,
        &links.to("invitation", &token),
    );
    let outcome = db
        .accounts()
        .invite_user(
            &NewInvitation {
                email: &address,
                role,
                token_hash: &token.hash(),
                expires_at: now + INVITATION_VALID,
                invited_by: invited_by.map(|(id, _)| id),
                inviter_role: invited_by.map(|(_, role)| role),
                mail: &mail,
            },
            now,
        )
        .await?;
    match outcome {
        InviteOutcome::Invited { .. } => Ok((address, token)),
        InviteOutcome::AlreadyMember => {
            feedback.error("email", lang.text("invite-already-member"));
            Err(feedback.into())
        }
        InviteOutcome::InvitedWithOtherRole => {
            feedback.error("email", lang.text("invite-pending-other-role"));
            Err(feedback.into())
        }
    }
}

/// The account an invitation or reset link belongs to, if the link still works.
pub async fn account_for_link(
    db: &Db,
    token: &str,
    purpose: TokenPurpose,
    now: DateTime<Utc>,
) -> Result<Option<Account>, sqlx::Error> {
    db.accounts()
        .account_by_token(&Token::from_link(token).hash(), purpose, now)
        .await
}

/// Accepts an invitation: sets the name and password. The caller logs the account in.
pub async fn accept_invitation(
    db: &Db,
    lang: Lang,
    token: &str,
    name: &str,
    password: &str,
    now: DateTime<Utc>,
) -> Result<Account, Refusal> {
    let mut feedback = FormFeedback::for_form("invitation");
    let name = name.trim();
    feedback.keep("full_name", name);
    let Some(account) = account_for_link(db, token, TokenPurpose::Invitation, now).await? else {
        feedback.message(lang.text("link-expired"));
        return Err(feedback.into());
    };
    if name.is_empty() {
        feedback.error("full_name", lang.text("name-missing"));
    } else if name.chars().count() > 100 {
        feedback.error("full_name", lang.text("name-too-long"));
    }
    let password = Password::parse(password, &[&account.email, name]);
    if let Err(problem) = &password {
        feedback.error("password", lang.text(problem.message_key()));
    }
    let (true, Ok(password)) = (feedback.is_ok(), password) else {
        return Err(feedback.into());
    };
    let hash = hash_password(password).await?;
    match db
        .accounts()
        .accept_invitation(&Token::from_link(token).hash(), name, &hash, now)
        .await?
    {
        Some(id) => Ok(db
            .accounts()
            .account_by_id(id)
            .await?
            .ok_or_else(|| Refusal::internal("the account vanished after accepting"))?),
        None => {
            feedback.message(lang.text("link-expired"));
            Err(feedback.into())
        }
    }
}

/// The address typed on the reset form, or the form again when it is not an email address:
/// the only thing the form reports. Checked before anything is looked up.
pub fn reset_address(lang: Lang, email: &str) -> Result<EmailAddress, Refusal> {
    EmailAddress::parse(email).ok_or_else(|| {
        let mut feedback = FormFeedback::for_form("forgot");
        feedback.keep("email", shown_address(email));
        feedback.error("email", lang.text("email-invalid"));
        feedback.into()
    })
}

/// Sends a reset link if `address` belongs to an active account, and does nothing otherwise.
/// The server runs this after it has answered (the page says the same either way), so how long
/// it takes cannot tell anyone whether the address has an account.
pub async fn request_reset(
    db: &Db,
    lang: Lang,
    links: &Links<'_>,
    address: &EmailAddress,
    now: DateTime<Utc>,
) -> Result<(), Refusal> {
    let Some(account) = db.accounts().account_by_email(address).await? else {
        return Ok(());
    };
    if account.disabled || account.password_hash.is_none() {
        return Ok(());
    }
    let token = Token::generate();
    let mail = emails::password_reset(
        lang,
        address.as_str(),
        links.site_name,
        &links.to("nulstil", &token),
    );
    db.accounts()
        .request_password_reset(
            &NewReset {
                user_id: account.id,
                token_hash: &token.hash(),
                expires_at: now + RESET_VALID,
                mail: &mail,
            },
            now,
        )
        .await?;
    Ok(())
}

/// Sets a new password from a reset link. The caller logs the account in.
pub async fn reset_password(
    db: &Db,
    lang: Lang,
    token: &str,
    password: &str,
    now: DateTime<Utc>,
) -> Result<Account, Refusal> {
    let mut feedback = FormFeedback::for_form("reset");
    let Some(account) = account_for_link(db, token, TokenPurpose::PasswordReset, now).await? else {
        feedback.message(lang.text("link-expired"));
        return Err(feedback.into());
    };
    let password = match Password::parse(password, &[&account.email, &account.display_name]) {
        Ok(password) => password,
        Err(problem) => {
            feedback.error("password", lang.text(problem.message_key()));
            return Err(feedback.into());
        }
    };
    let hash = hash_password(password).await?;
    match db
        .accounts()
        .reset_password(&Token::from_link(token).hash(), &hash, now)
        .await?
    {
        Some(id) => Ok(db
            .accounts()
            .account_by_id(id)
            .await?
            .ok_or_else(|| Refusal::internal("the account vanished after a reset"))?),
        None => {
            feedback.message(lang.text("link-expired"));
            Err(feedback.into())
        }
    }
}

/// Changes the password of the logged-in person, who must know the current one.
pub async fn change_password(
    db: &Db,
    lang: Lang,
    viewer: &Viewer,
    current: &str,
    new: &str,
    now: DateTime<Utc>,
) -> Result<Account, Refusal> {
    let mut feedback = FormFeedback::for_form("change-password");
    let account = db
        .accounts()
        .account_by_id(viewer.id)
        .await?
        .ok_or_else(|| Refusal::internal("the logged-in account is gone"))?;
    let hash = account.password_hash.clone().unwrap_or_else(decoy_hash);
    if !verify_password(hash, current.to_owned()).await? {
        feedback.error("current", lang.text("password-current-wrong"));
    }
    let password = Password::parse(new, &[&account.email, &account.display_name]);
    if let Err(problem) = &password {
        feedback.error("password", lang.text(problem.message_key()));
    }
    let (true, Ok(password)) = (feedback.is_ok(), password) else {
        return Err(feedback.into());
    };
    let hash = hash_password(password).await?;
    db.accounts()
        .change_password(account.id, &hash, now)
        .await?;
    Ok(db
        .accounts()
        .account_by_id(account.id)
        .await?
        .unwrap_or(account))
}

/// Turns the emails about sent submissions on or off for `viewer` (a staff member: only staff
/// review submissions, and only staff are offered the setting).
pub async fn set_email_settings(
    db: &Db,
    viewer: &Viewer,
    notify_submissions: bool,
) -> Result<(), Refusal> {
    db.accounts()
        .set_notify_submissions(viewer.id, notify_submissions)
        .await?;
    Ok(())
}

/// Sets the language of the emails to `viewer` from the account page's choice `code`: one of
/// the site's languages, or the form again with a message.
pub async fn set_language(db: &Db, lang: Lang, viewer: &Viewer, code: &str) -> Result<(), Refusal> {
    let Some(chosen) = Lang::from_code(code) else {
        let mut feedback = FormFeedback::for_form("language");
        feedback.error("email_lang", lang.text("account-language-unknown"));
        return Err(feedback.into());
    };
    db.accounts().set_language(viewer.id, chosen).await?;
    Ok(())
}

/// What came of closing or reopening an account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountChange {
    Done,
    /// There is no such account.
    NotFound,
    /// Admins cannot close their own account (and lock everyone out); the page offers no
    /// button for it either.
    OwnAccount,
}

/// Closes (`disabled`) or reopens an account on an admin's word.
pub async fn set_disabled(
    db: &Db,
    admin: &Viewer,
    user_id: i64,
    disabled: bool,
    now: DateTime<Utc>,
) -> Result<AccountChange, Refusal> {
    if user_id == admin.id {
        return Ok(AccountChange::OwnAccount);
    }
    let found = db
        .accounts()
        .set_account_disabled(admin.id, user_id, disabled, now)
        .await?;
    Ok(if found {
        AccountChange::Done
    } else {
        AccountChange::NotFound
    })
}

/// The account page's form that turns two-factor login on: `secret` is the one the page
/// showed (sent back with the form), `code` what the app shows for it. Gives the recovery codes
/// to show once; they exist nowhere else as text.
pub async fn enable_two_factor(
    db: &Db,
    lang: Lang,
    links: &Links<'_>,
    viewer: &Viewer,
    secret: &str,
    code: &str,
    now: DateTime<Utc>,
) -> Result<Vec<RecoveryCode>, Refusal> {
    let mut feedback = FormFeedback::for_form("two-factor");
    let Some(secret) = TwoFactorSecret::parse(secret) else {
        // Only a changed page sends a broken secret back: start again with a new one.
        feedback.message(lang.text("two-factor-start-again"));
        return Err(feedback.into());
    };
    feedback.keep("secret", secret.as_str());
    if viewer.two_factor {
        feedback.message(lang.text("two-factor-already-on"));
        return Err(feedback.into());
    }
    let step = if code.trim().is_empty() {
        feedback.error("code", lang.text("two-factor-code-missing"));
        None
    } else {
        let step = secret.step_of(code, unix_seconds(now));
        if step.is_none() {
            feedback.error("code", lang.text("two-factor-code-wrong"));
        }
        step
    };
    let Some(step) = step else {
        return Err(feedback.into());
    };
    let codes = RecoveryCode::generate_set();
    let hashes: Vec<String> = codes.iter().map(RecoveryCode::hash).collect();
    let mail = two_factor_email(links, viewer.lang, &viewer.email, TwoFactorNews::On);
    let enabled = db
        .accounts()
        .enable_two_factor(viewer.id, &secret, step, &hashes, Some(&mail), now)
        .await?;
    if !enabled {
        feedback.message(lang.text("two-factor-already-on"));
        return Err(feedback.into());
    }
    Ok(codes)
}

/// The email to `to` (who reads `lang`) about `news`, with a link to their account page.
fn two_factor_email(links: &Links<'_>, lang: Lang, to: &str, news: TwoFactorNews) -> OutgoingEmail {
    let account_page = links.url(&lang.address("/konto"));
    emails::two_factor(lang, to, links.site_name, news, &account_page)
}

/// Seconds since 1970 of `now` (never before it).
fn unix_seconds(now: DateTime<Utc>) -> u64 {
    u64::try_from(now.timestamp()).unwrap_or(0)
}

/// The second step of logging in to account `user_id`, whose password was right: `code` is
/// what their app shows now, or one of their recovery codes (which is then spent, and they get
/// an email about it). The same message for every wrong code.
pub async fn second_step(
    db: &Db,
    lang: Lang,
    links: &Links<'_>,
    user_id: i64,
    code: &str,
    now: DateTime<Utc>,
) -> Result<Account, Refusal> {
    let mut feedback = FormFeedback::for_form("second-step");
    if code.trim().is_empty() {
        feedback.error("code", lang.text("second-step-code-missing"));
        return Err(feedback.into());
    }
    let account = db
        .accounts()
        .account_by_id(user_id)
        .await?
        .filter(|account| !account.disabled && account.two_factor);
    let passed = match &account {
        None => false,
        Some(account) => {
            if two_factor::totp_shaped(code).is_some() {
                let secret = db.accounts().two_factor_secret(account.id).await?;
                match secret.and_then(|secret| secret.step_of(code, unix_seconds(now))) {
                    Some(step) => db.accounts().spend_code_step(account.id, step, now).await?,
                    None => false,
                }
            } else if let Some(hash) = two_factor::typed_recovery_hash(code) {
                let left = db.accounts().recovery_codes_left(account.id).await?;
                let news = TwoFactorNews::RecoveryCodeUsed {
                    left: (left - 1).max(0),
                };
                let mail = two_factor_email(links, account.lang, &account.email, news);
                db.accounts()
                    .spend_recovery_code(account.id, &hash, &mail, now)
                    .await?
            } else {
                false
            }
        }
    };
    match account {
        Some(account) if passed => Ok(account),
        _ => {
            feedback.error("code", lang.text("second-step-wrong"));
            Err(feedback.into())
        }
    }
}

/// An admin turns two-factor login off for account `user_id` (who lost their phone and their
/// recovery codes); the person gets an email, and sets it up again from their account page.
pub async fn reset_two_factor(
    db: &Db,
    links: &Links<'_>,
    admin: &Viewer,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<AccountChange, Refusal> {
    if user_id == admin.id {
        return Ok(AccountChange::OwnAccount);
    }
    let Some(account) = db.accounts().account_by_id(user_id).await? else {
        return Ok(AccountChange::NotFound);
    };
    let mail = two_factor_email(links, account.lang, &account.email, TwoFactorNews::Reset);
    let reset = db
        .accounts()
        .reset_two_factor(admin.id, user_id, &mail, now)
        .await?;
    Ok(if reset {
        AccountChange::Done
    } else {
        AccountChange::NotFound
    })
}
