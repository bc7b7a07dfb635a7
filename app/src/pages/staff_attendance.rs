//! The staff's pages of one occurrence: `/personale/aktiviteter/{id}/{date}` (the sign-up
//! list), `…/udskriv` (the list to print and tick off on paper) and `…/fremmoede` (the
//! attendance form, made for a phone at the door). Plain forms: they work without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::{
    address::{parse_date, Id},
    attendance::{
        api::{load_staff_occurrence, StaffOccurrence},
        Attendance,
    },
    calendar::SignupMode,
    components::{
        data::{or_refused, Loaded},
        table::ScrollingTable,
    },
    dates::{long_date, time_span},
    forms::{
        feedback_for, notice_from_query, ChoiceGroup, ErrorSummary, Field, FieldKind, Notice,
        PostForm,
    },
    i18n::{t, t_values, t_with},
    signups::{Signup, SignupStatus},
    visible::Visible,
};

/// Loads the occurrence of the address's `id` and `date` and shows it with `show`.
#[component]
fn WithOccurrence(show: fn(StaffOccurrence) -> AnyView) -> impl IntoView {
    let params = use_params_map().get_untracked();
    let id = params.get("id").and_then(|id| Id::parse(&id));
    // The server function checks the date against the window of dates an address may name.
    let date = params.get("date").and_then(|date| parse_date(&date));
    let data = OnceResource::new_blocking(async move {
        match (id, date) {
            (Some(id), Some(date)) => load_staff_occurrence(id.get(), date).await,
            _ => Ok(Visible::NotFound),
        }
    });
    view! { <Loaded data show=or_refused(show) /> }
}

/// "Fællesspisning i ParkCafeen, torsdag 26. november 2026, 17.30–19.30".
fn heading(data: &StaffOccurrence) -> (String, String) {
    let when = format!(
        "{}, {}",
        long_date(data.occurrence.starts.date()),
        time_span(data.occurrence.starts.time(), data.occurrence.ends.time())
    );
    (data.activity.name.clone(), when)
}

fn base_path(data: &StaffOccurrence) -> String {
    format!(
        "/personale/aktiviteter/{}/{}",
        data.activity.id, data.occurrence.key.date
    )
}

/// "2 voksne og 1 barn" as a short "2 + 1".
fn party_size(signup: &Signup) -> String {
    t_values(
        "signup-party",
        &[
            ("adults", signup.adults.into()),
            ("children", signup.children.into()),
        ],
    )
}

/// A name, or a note that the retention job has deleted it.
fn name_of(signup: &Signup) -> String {
    if signup.name.is_empty() {
        t("staff-signup-name-deleted")
    } else {
        signup.name.clone()
    }
}

fn persons(signups: &[Signup], status: SignupStatus) -> i64 {
    signups
        .iter()
        .filter(|signup| signup.status == status)
        .map(Signup::persons)
        .sum()
}

/// What was recorded, in one line.
fn attendance_summary(attendance: Option<Attendance>, signups: &[Signup]) -> String {
    match attendance {
        None => t("staff-attendance-none"),
        Some(attendance) if !attendance.held => t("staff-attendance-not-held"),
        Some(attendance) => {
            let came: i64 = signups
                .iter()
                .filter(|signup| signup.took_part())
                .map(Signup::persons)
                .sum();
            t_with(
                "staff-attendance-summary",
                &[
                    (
                        "participants",
                        (came + attendance.walkin_adults + attendance.walkin_children).to_string(),
                    ),
                    ("volunteers", attendance.volunteers.to_string()),
                ],
            )
        }
    }
}

/// `/personale/aktiviteter/{id}/{date}`.
#[component]
pub fn StaffOccurrencePage() -> impl IntoView {
    view! { <WithOccurrence show=|data| view! { <SignupList data /> }.into_any() /> }
}

#[component]
fn SignupList(data: StaffOccurrence) -> impl IntoView {
    let (name, when) = heading(&data);
    let base = base_path(&data);
    let notice = notice_from_query(&[
        ("fremmoede-gemt", "notice-attendance-saved"),
        ("tilmelding-fjernet", "notice-signup-removed"),
    ]);
    let confirmed = persons(&data.signups, SignupStatus::Confirmed);
    let waiting = persons(&data.signups, SignupStatus::Waitlisted);
    let seats = match data.activity.capacity {
        Some(capacity) => t_with(
            "staff-signups-seats",
            &[
                ("confirmed", confirmed.to_string()),
                ("capacity", capacity.to_string()),
                ("waiting", waiting.to_string()),
            ],
        ),
        None => t_with(
            "staff-signups-count",
            &[
                ("confirmed", confirmed.to_string()),
                ("waiting", waiting.to_string()),
            ],
        ),
    };
    let summary = attendance_summary(data.attendance, &data.signups);
    let cancelled = data.occurrence.is_cancelled().then(|| {
        view! {
            <p class="alert" role="note">
                <strong>{t("occurrence-cancelled-long")}</strong>
            </p>
        }
    });
    let list = if data.activity.signup_mode == SignupMode::None {
        view! { <p>{t("staff-signups-drop-in")}</p> }.into_any()
    } else if data.signups.is_empty() {
        view! { <p>{t("staff-signups-empty")}</p> }.into_any()
    } else {
        // Until the date begins, each party can be removed in one step (its seats go to the
        // waitlist); after that the list stays as it was.
        let remove_base = data
            .open_for_changes
            .then(|| format!("{base}/tilmeldinger"));
        view! { <SignupTable signups=data.signups.clone() remove_base /> }.into_any()
    };
    let title = format!("{name} – {when}");
    let activity_href = format!("/personale/aktiviteter/{}", data.activity.id);
    let attendance_href = format!("{base}/fremmoede");
    let print_href = format!("{base}/udskriv");
    view! {
        <Title text=title />
        <p>
            <a href=activity_href>
                {t_with("staff-back-to-activity", &[("activity", name.clone())])}
            </a>
        </p>
        <h1>{name}</h1>
        <p class="lead">{when}</p>
        <Notice text=notice />
        {cancelled}
        <dl class="facts">
            <dt>{t("staff-signups-title")}</dt>
            <dd>{seats}</dd>
            <dt>{t("staff-attendance-title")}</dt>
            <dd>{summary}</dd>
        </dl>
        <p class="actions">
            <a href=attendance_href class="button">
                {t("staff-attendance-record")}
            </a>
            " "
            <a href=print_href class="button button--secondary">
                {t("staff-signups-print")}
            </a>
        </p>
        <h2>{t("staff-signups-title")}</h2>
        <ErrorSummary feedback=feedback_for("remove") />
        {list}
    }
    .into_any()
}

/// The sign-ups of a date; with `remove_base` (`…/{date}/tilmeldinger`) each party that has not
/// cancelled gets a button that removes it.
#[component]
fn SignupTable(signups: Vec<Signup>, remove_base: Option<String>) -> impl IntoView {
    let removable = remove_base.is_some();
    let headers = [
        "staff-signups-name",
        "staff-signups-party",
        "staff-signups-contact",
        "staff-signups-note",
        "staff-signups-status",
    ]
    .map(|key| view! { <th scope="col">{t(key)}</th> });
    let remove_header =
        removable.then(|| view! { <th scope="col">{t("staff-signups-remove-column")}</th> });
    let rows = signups
        .into_iter()
        .map(|signup| {
            let status = match signup.status {
                SignupStatus::Confirmed => t("staff-status-confirmed"),
                SignupStatus::Waitlisted => t("staff-status-waitlisted"),
                SignupStatus::Cancelled => t("staff-status-cancelled"),
            };
            let contact = [signup.email.clone(), signup.phone.clone()]
                .into_iter()
                .filter(|value| !value.is_empty())
                .collect::<Vec<_>>()
                .join(", ");
            let muted = signup.status == SignupStatus::Cancelled;
            let remove = remove_base.as_ref().map(|base| {
                let button = (!muted).then(|| {
                    let action = format!("{base}/{}/fjern", signup.id);
                    view! {
                        <form method="post" action=action>
                            <button type="submit" class="button button--small button--secondary">
                                {t("staff-signup-remove")}
                                <span class="visually-hidden">" " {name_of(&signup)}</span>
                            </button>
                        </form>
                    }
                });
                view! { <td>{button}</td> }
            });
            view! {
                <tr class:muted=muted>
                    <td>{name_of(&signup)}</td>
                    <td>{party_size(&signup)}</td>
                    <td>{contact}</td>
                    <td>{signup.note.clone()}</td>
                    <td>{status}</td>
                    {remove}
                </tr>
            }
        })
        .collect_view();
    view! {
        <ScrollingTable label=t("staff-signups-title")>
            <thead>
                <tr>{headers} {remove_header}</tr>
            </thead>
            <tbody>{rows}</tbody>
        </ScrollingTable>
    }
    .into_any()
}

/// `/personale/aktiviteter/{id}/{date}/udskriv`: the confirmed and waiting parties with an
/// empty box to tick on paper.
#[component]
pub fn SignupPrintPage() -> impl IntoView {
    view! { <WithOccurrence show=|data| view! { <PrintList data /> }.into_any() /> }
}

#[component]
fn PrintList(data: StaffOccurrence) -> impl IntoView {
    let (name, when) = heading(&data);
    let title = format!("{name} – {when}");
    let back = base_path(&data);
    let rows = data
        .signups
        .iter()
        .filter(|signup| signup.status != SignupStatus::Cancelled)
        .map(|signup| {
            let status = match signup.status {
                SignupStatus::Waitlisted => t("staff-status-waitlisted"),
                _ => String::new(),
            };
            view! {
                <tr>
                    <td class="print-box" aria-hidden="true">
                        "☐"
                    </td>
                    <td>{name_of(signup)}</td>
                    <td>{party_size(signup)}</td>
                    <td>{signup.note.clone()}</td>
                    <td>{status}</td>
                </tr>
            }
        })
        .collect_view();
    let headers = [
        "staff-print-came",
        "staff-signups-name",
        "staff-signups-party",
        "staff-signups-note",
        "staff-signups-status",
    ]
    .map(|key| view! { <th scope="col">{t(key)}</th> });
    let total = t_with(
        "staff-print-total",
        &[(
            "confirmed",
            persons(&data.signups, SignupStatus::Confirmed).to_string(),
        )],
    );
    view! {
        <Title text=title />
        <p class="no-print">
            <a href=back>{t("staff-print-back")}</a>
        </p>
        <h1>{name}</h1>
        <p class="lead">{when}</p>
        <p>{total}</p>
        <table class="print-list">
            <thead>
                <tr>{headers}</tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        <p class="print-lines">{t("staff-print-walk-ins")}</p>
    }
    .into_any()
}

/// `/personale/aktiviteter/{id}/{date}/fremmoede`: tick off the parties that came and count
/// the rest, in seconds on a phone.
#[component]
pub fn AttendancePage() -> impl IntoView {
    view! { <WithOccurrence show=|data| view! { <AttendanceForm data /> }.into_any() /> }
}

#[component]
fn AttendanceForm(data: StaffOccurrence) -> impl IntoView {
    let (name, when) = heading(&data);
    let posted = feedback_for("attendance");
    let feedback = posted.clone().unwrap_or_else(|| data.form.clone());
    let action = format!("{}/fremmoede", base_path(&data));
    let drop_in = data.activity.signup_mode == SignupMode::None;
    let parties: Vec<(String, String)> = data
        .signups
        .iter()
        .filter(|signup| signup.status == SignupStatus::Confirmed)
        .map(|signup| {
            (
                signup.id.to_string(),
                format!("{} – {}", name_of(signup), party_size(signup)),
            )
        })
        .collect();
    let tick = (!drop_in).then(|| {
        if parties.is_empty() {
            view! { <p>{t("staff-signups-empty")}</p> }.into_any()
        } else {
            view! {
                <ChoiceGroup
                    name="came"
                    legend=t("attendance-came")
                    options=parties
                    multiple=true
                    hint=t("attendance-came-hint")
                    feedback=feedback.clone()
                />
            }
            .into_any()
        }
    });
    let (adults_label, children_label) = if drop_in {
        (t("attendance-adults"), t("attendance-children"))
    } else {
        (
            t("attendance-walkin-adults"),
            t("attendance-walkin-children"),
        )
    };
    let held_options = vec![
        ("ja".to_owned(), t("attendance-held-yes")),
        ("nej".to_owned(), t("attendance-held-no")),
    ];
    let title = format!("{} – {name}", t("staff-attendance-title"));
    let save = t("attendance-save");
    let back = base_path(&data);
    view! {
        <Title text=title />
        <p>
            <a href=back>{t("staff-print-back")}</a>
        </p>
        <h1>{t("staff-attendance-title")}</h1>
        <p class="lead">{name} <br /> {when}</p>
        <PostForm action class="attendance" posted feedback=feedback.clone() button=save>
            <ChoiceGroup name="held" legend=t("attendance-held") options=held_options />
            {tick}
            <Field name="walkin_adults" label=adults_label kind=FieldKind::Number />
            <Field name="walkin_children" label=children_label kind=FieldKind::Number />
            // The participants' counts first, the volunteers (who are not participants) last.
            <Field
                name="first_timers"
                label=t("attendance-first-timers")
                kind=FieldKind::Number
                hint=t("attendance-first-timers-hint")
            />
            <Field name="volunteers" label=t("attendance-volunteers") kind=FieldKind::Number />
        </PostForm>
    }
    .into_any()
}
