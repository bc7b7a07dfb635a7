//! The staff area (`/personale`) and its admin pages (users, outbox, audit log). The server
//! refuses these addresses to anyone without the right role before a page renders; the server
//! functions check again.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    accounts::{
        api::{list_accounts, list_audit, list_outbox, AccountSummary, AuditLine, OutboxLine},
        role_label, viewer, Role,
    },
    components::{data::Loaded, staff_tools::staff_tools, table::ScrollingTable},
    forms::{feedback_for, notice_from_query, ErrorSummary, Field, FieldKind, FormFields, Notice},
    i18n::{t, t_with},
};

/// A list of links, each with a line saying what is behind it.
#[component]
fn LinkList(links: Vec<(&'static str, String, String)>) -> impl IntoView {
    let items = links
        .into_iter()
        .map(|(href, label, text)| {
            view! {
                <li>
                    <a href=href>{label}</a>
                    <p class="muted">{text}</p>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="link-list">{items}</ul> }
}

/// `/personale`: where staff start.
#[component]
pub fn StaffHome() -> impl IntoView {
    let viewer = viewer();
    let greeting = viewer
        .as_ref()
        .map(|viewer| t_with("staff-greeting", &[("name", viewer.name.clone())]));
    // Every staff tool, each with a line saying what it is for (the header's staff row holds
    // the same tools, from the same list).
    let admin = viewer.is_some_and(|viewer| viewer.role == Role::Admin);
    let links: Vec<(&'static str, String, String)> = staff_tools(admin)
        .map(|tool| (tool.path, tool.label(), tool.description(admin)))
        .collect();
    view! {
        <Title text=t("staff-title") />
        <h1>{t("staff-title")}</h1>
        <p>{greeting}</p>
        <p class="muted">{t("staff-danish-only")}</p>
        {admin.then(BackupLine)}
        <Today />
        <LinkList links />
    }
}

/// For admins: the state of the nightly backups, so a failing one is seen.
#[component]
fn BackupLine() -> impl IntoView {
    use crate::site::BackupReport;
    let Some(report) = use_context::<BackupReport>() else {
        return ().into_any();
    };
    let (class, text) = match report {
        BackupReport::Off => ("notice", t("backup-off")),
        BackupReport::Ok {
            file,
            written,
            bytes,
        } => {
            let size = format!("{:.1} MB", bytes as f64 / 1e6).replace('.', ",");
            (
                "notice",
                t_with(
                    "backup-ok",
                    &[("file", file), ("when", written), ("size", size)],
                ),
            )
        }
        BackupReport::Missing { newest } => (
            "notice notice--warning",
            t_with(
                "backup-missing",
                &[("newest", newest.unwrap_or_else(|| t("backup-none")))],
            ),
        ),
        BackupReport::Failed { reason } => (
            "notice notice--warning",
            t_with("backup-failed", &[("reason", reason)]),
        ),
    };
    view! {
        <h2>{t("backup-title")}</h2>
        <p class=class>{text}</p>
    }
    .into_any()
}

/// Today's occurrences, each with its sign-up list and attendance form one tap away.
#[component]
fn Today() -> impl IntoView {
    let today = OnceResource::new_blocking(crate::attendance::api::load_staff_today());
    let show = |occurrences: Vec<(i64, crate::calendar::Occurrence)>| {
        if occurrences.is_empty() {
            return view! {
                <h2>{t("staff-today")}</h2>
                <p>{t("staff-today-empty")}</p>
            }
            .into_any();
        }
        let items = occurrences
            .into_iter()
            .map(|(id, occurrence)| {
                let base = format!("/personale/aktiviteter/{id}/{}", occurrence.key.date);
                let attendance = format!("{base}/fremmoede");
                let when =
                    crate::dates::time_span(occurrence.starts.time(), occurrence.ends.time());
                let cancelled = occurrence
                    .is_cancelled()
                    .then(|| format!(" · {}", t("occurrence-cancelled")));
                view! {
                    <li>
                        <a href=base>{occurrence.activity_name.clone()}</a>
                        <p class="muted">{when} {cancelled}</p>
                        <p>
                            <a href=attendance>{t("staff-attendance-record")}</a>
                        </p>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h2>{t("staff-today")}</h2>
            <ul class="link-list">{items}</ul>
        }
        .into_any()
    };
    view! { <Loaded data=today show /> }
}

/// A table with a header row of `headers` and the rows in `children`, which scrolls sideways on
/// a phone.
#[component]
fn DataTable(label: String, headers: Vec<String>, children: Children) -> impl IntoView {
    let headers = headers
        .into_iter()
        .map(|header| view! { <th scope="col">{header}</th> })
        .collect_view();
    view! {
        <ScrollingTable label>
            <thead>
                <tr>{headers}</tr>
            </thead>
            <tbody>{children()}</tbody>
        </ScrollingTable>
    }
}

/// `/personale/brugere`: invite people and (admins) close accounts. Staff invite citizen
/// journalists; admins choose the role and see every account.
#[component]
pub fn UsersPage() -> impl IntoView {
    let admin = viewer().is_some_and(|viewer| viewer.role == Role::Admin);
    let feedback = feedback_for("invite");
    let notice = notice_from_query(&[
        ("inviteret", "notice-invited"),
        ("deaktiveret", "notice-disabled"),
        ("aktiveret", "notice-enabled"),
        ("to-trin-nulstillet", "notice-two-factor-reset"),
    ]);
    let chosen_role = feedback
        .as_ref()
        .and_then(|feedback| feedback.value("account_role").map(str::to_owned))
        .unwrap_or_else(|| "journalist".to_owned());
    let role_error = feedback
        .as_ref()
        .and_then(|feedback| feedback.error_for("account_role").map(str::to_owned));
    let roles = [Role::Journalist, Role::Staff, Role::Admin]
        .into_iter()
        .map(|role| {
            let id = format!("role-{}", role.as_str());
            let checked = chosen_role == role.as_str();
            view! {
                <div class="choice">
                    <input
                        type="radio"
                        name="account_role"
                        id=id.clone()
                        value=role.as_str()
                        checked=checked
                    />
                    <label for=id>{role_label(role)}</label>
                </div>
            }
        })
        .collect_view();
    let role_field = if admin {
        view! {
            <fieldset class="field" id="account_role">
                <legend>{t("field-role")}</legend>
                {role_error.map(|error| view! { <p class="field__error">{error}</p> })}
                {roles}
            </fieldset>
        }
        .into_any()
    } else {
        view! { <input type="hidden" name="account_role" value=Role::Journalist.as_str() /> }
            .into_any()
    };
    let accounts = admin.then(|| {
        let accounts = OnceResource::new_blocking(list_accounts());
        let show_accounts =
            |accounts: Vec<AccountSummary>| view! { <AccountTable accounts /> }.into_any();
        view! {
            <h2>{t("users-list-title")}</h2>
            <Loaded data=accounts show=show_accounts />
        }
    });
    let (heading, intro) = if admin {
        (t("invite-title"), t("invite-intro"))
    } else {
        (t("invite-journalist-title"), t("invite-journalist-intro"))
    };
    view! {
        <Title text=t("users-title") />
        <h1>{t("users-title")}</h1>
        <Notice text=notice />
        <h2>{heading}</h2>
        <p>{intro}</p>
        <ErrorSummary feedback=feedback.clone() />
        <form method="post" action="/personale/brugere/inviter" class="form" novalidate>
            <FormFields feedback=feedback.clone().unwrap_or_default()>
                <Field name="email" label=t("field-email") kind=FieldKind::Email required=true />
                {role_field}
                <button type="submit" class="button">
                    {t("invite-submit")}
                </button>
            </FormFields>
        </form>
        {accounts}
    }
}

#[component]
fn AccountTable(accounts: Vec<AccountSummary>) -> impl IntoView {
    let me = viewer().map(|viewer| viewer.id);
    let rows = accounts
        .into_iter()
        .map(|account| {
            let status = if account.disabled {
                t("user-status-disabled")
            } else if account.invited {
                t("user-status-invited")
            } else {
                t("user-status-active")
            };
            let (action, label) = if account.disabled {
                ("aktiver", t("user-enable"))
            } else {
                ("deaktiver", t("user-disable"))
            };
            let who = if account.name.is_empty() {
                account.email.clone()
            } else {
                account.name.clone()
            };
            let two_factor = if account.two_factor {
                t("user-two-factor-on")
            } else {
                t("user-two-factor-off")
            };
            let mine = me == Some(account.id);
            let form = (!mine).then(|| {
                let href = format!("/personale/brugere/{}/{action}", account.id);
                view! { <AccountAction href label who=who.clone() /> }
            });
            // An admin resets the second step of someone who lost their phone and codes.
            let reset = (!mine && account.two_factor).then(|| {
                let href = format!("/personale/brugere/{}/nulstil-to-trin", account.id);
                view! { <AccountAction href label=t("user-reset-two-factor") who=who.clone() /> }
            });
            view! {
                <tr>
                    <td>{account.name}</td>
                    <td>{account.email}</td>
                    <td>{role_label(account.role)}</td>
                    <td>{status}</td>
                    <td>{two_factor}</td>
                    <td>{form} {reset}</td>
                </tr>
            }
        })
        .collect_view();
    let headers = vec![
        t("field-name"),
        t("field-email"),
        t("field-role"),
        t("user-status"),
        t("user-two-factor"),
        t("user-actions"),
    ];
    view! {
        <DataTable label=t("users-list-title") headers>
            {rows}
        </DataTable>
    }
}

/// A button of the accounts' table that posts to `href`, named for screen readers with whom it
/// is about.
#[component]
fn AccountAction(href: String, label: String, who: String) -> impl IntoView {
    let button_label = format!("{label}: {who}");
    view! {
        <form method="post" action=href>
            <button type="submit" class="button button--small" aria-label=button_label>
                {label}
            </button>
        </form>
    }
}

/// `/personale/udbakke`: every email, queued, sent or failed.
#[component]
pub fn OutboxPage() -> impl IntoView {
    let entries = OnceResource::new_blocking(list_outbox());
    let show_entries = |entries: Vec<OutboxLine>| view! { <OutboxTable entries /> }.into_any();
    view! {
        <Title text=t("outbox-title") />
        <h1>{t("outbox-title")}</h1>
        <p>{t("outbox-intro")}</p>
        <Loaded data=entries show=show_entries />
    }
}

#[component]
fn OutboxTable(entries: Vec<OutboxLine>) -> impl IntoView {
    if entries.is_empty() {
        return view! { <p>{t("outbox-empty")}</p> }.into_any();
    }
    let rows = entries
        .into_iter()
        .map(|entry| {
            let status = match entry.status.as_str() {
                "sent" => t("outbox-sent"),
                "failed" => t("outbox-failed"),
                _ => t("outbox-queued"),
            };
            view! {
                <tr>
                    <td>{entry.created}</td>
                    <td>{entry.to}</td>
                    <td>{entry.subject}</td>
                    <td>{status}</td>
                    <td>{entry.attempts}</td>
                    <td>{entry.sent}</td>
                    <td>{entry.last_error}</td>
                </tr>
            }
        })
        .collect_view();
    let headers = vec![
        t("outbox-created"),
        t("outbox-to"),
        t("outbox-subject"),
        t("user-status"),
        t("outbox-attempts"),
        t("outbox-sent-at"),
        t("outbox-error"),
    ];
    view! {
        <DataTable label=t("outbox-title") headers>
            {rows}
        </DataTable>
    }
    .into_any()
}

/// `/personale/log`: who did what, and when.
#[component]
pub fn AuditPage() -> impl IntoView {
    let entries = OnceResource::new_blocking(list_audit());
    let show_entries = |entries: Vec<AuditLine>| view! { <AuditTable entries /> }.into_any();
    view! {
        <Title text=t("audit-title") />
        <h1>{t("audit-title")}</h1>
        <p>{t("audit-intro")}</p>
        <Loaded data=entries show=show_entries />
    }
}

#[component]
fn AuditTable(entries: Vec<AuditLine>) -> impl IntoView {
    if entries.is_empty() {
        return view! { <p>{t("audit-empty")}</p> }.into_any();
    }
    let rows = entries
        .into_iter()
        .map(|entry| {
            let action = audit_action(&entry.action);
            let actor = if entry.actor.is_empty() {
                t("audit-system")
            } else {
                entry.actor
            };
            view! {
                <tr>
                    <td>{entry.at}</td>
                    <td>{actor}</td>
                    <td>{action}</td>
                    <td>{entry.details}</td>
                </tr>
            }
        })
        .collect_view();
    let headers = vec![
        t("audit-at"),
        t("audit-actor"),
        t("audit-action"),
        t("audit-details"),
    ];
    view! {
        <DataTable label=t("audit-title") headers>
            {rows}
        </DataTable>
    }
    .into_any()
}

/// The Danish words for an audit action; an unknown action shows as stored.
fn audit_action(action: &str) -> String {
    match action {
        "invite_user" => t("audit-invite-user"),
        "accept_invitation" => t("audit-accept-invitation"),
        "reset_password" => t("audit-reset-password"),
        "change_password" => t("audit-change-password"),
        "disable_user" => t("audit-disable-user"),
        "enable_user" => t("audit-enable-user"),
        "log_in" => t("audit-log-in"),
        "publish_submission" => t("audit-publish-submission"),
        other => other.to_owned(),
    }
}
