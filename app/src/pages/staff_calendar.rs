//! The staff's calendar pages: `/personale/aktiviteter` (all activities),
//! `/personale/aktiviteter/ny` and `/personale/aktiviteter/{id}` (the activity form, and for an
//! existing activity its exceptions). Plain forms: they work without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    calendar::{
        api::{load_staff_activities, load_staff_activity, FormChoices, StaffActivity},
        summary_field, Activity, ActivityKind, Exception, ExceptionKind, Occurrence,
    },
    components::{
        data::{edit_page, or_refused, Loaded},
        photos::CoverField,
    },
    dates::{long_date, time_span, weekday_name},
    forms::{
        feedback_for, notice_from_query, ChoiceGroup, Field, FieldKind, FormFeedback,
        IntentButtons, Notice, PostForm, SelectField, TextArea, UploadForm,
    },
    i18n::{t, t_with, Lang},
};

/// `/personale/aktiviteter`.
#[component]
pub fn StaffActivitiesPage() -> impl IntoView {
    let data = OnceResource::new_blocking(load_staff_activities());
    view! {
        <Title text=t("staff-activities-title") />
        <h1>{t("staff-activities-title")}</h1>
        <p>
            <a href="/personale/aktiviteter/ny" class="button">
                {t("staff-activity-new")}
            </a>
        </p>
        <Loaded data show=|activities| view! { <ActivityList activities /> } />
    }
}

#[component]
fn ActivityList(activities: Vec<(Activity, String)>) -> impl IntoView {
    if activities.is_empty() {
        return view! { <p>{t("staff-activities-empty")}</p> }.into_any();
    }
    let items = activities
        .into_iter()
        .map(|(activity, rule)| {
            let href = format!("/personale/aktiviteter/{}", activity.id);
            let when = format!(
                "{rule}, {}",
                time_span(activity.start_time, activity.end_time)
            );
            let venue = activity.venue.map(|venue| venue.name);
            view! {
                <li>
                    <a href=href>{activity.name}</a>
                    <p class="muted">{when} {venue.map(|venue| format!(" · {venue}"))}</p>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="link-list">{items}</ul> }.into_any()
}

/// `/personale/aktiviteter/ny` and `/personale/aktiviteter/{id}`.
#[component]
pub fn StaffActivityPage() -> impl IntoView {
    edit_page(|id| {
        let data = OnceResource::new_blocking(load_staff_activity(id));
        let show = or_refused(|(existing, choices)| view! { <ActivityEditor existing choices /> });
        view! { <Loaded data show /> }
    })
}

fn weekday_options() -> Vec<(String, String)> {
    crate::calendar::WEEKDAY_CODES
        .iter()
        .map(|(code, day)| ((*code).to_owned(), weekday_name(*day)))
        .collect()
}

#[component]
fn ActivityEditor(existing: Option<StaffActivity>, choices: FormChoices) -> impl IntoView {
    let posted = feedback_for("activity");
    let feedback = posted
        .clone()
        .or_else(|| existing.as_ref().map(|existing| existing.form.clone()))
        .unwrap_or_else(|| {
            let mut blank = FormFeedback::for_form("activity");
            blank
                .keep("repeat", "weekly")
                .keep("interval", "1")
                .keep("nth", "1")
                .keep("month_day", "MO")
                .keep("ends", "never")
                .keep("signup_mode", "none")
                .keep("kind", ActivityKind::default().as_str())
                .keep("max_party", &crate::calendar::DEFAULT_MAX_PARTY.to_string());
            blank
        });
    let notice = notice_from_query(&[
        ("oprettet", "notice-activity-created"),
        ("gemt", "notice-activity-saved"),
        ("undtagelse-gemt", "notice-exception-saved"),
        ("undtagelse-slettet", "notice-exception-deleted"),
    ]);
    let (title, action) = match &existing {
        Some(existing) => (
            existing.activity.name.clone(),
            format!("/personale/aktiviteter/{}", existing.activity.id),
        ),
        None => (
            t("staff-activity-new"),
            "/personale/aktiviteter/ny".to_owned(),
        ),
    };
    let none = |label: String| vec![(String::new(), label)];
    let focus_options: Vec<(String, String)> = none(t("staff-activity-no-focus-area"))
        .into_iter()
        .chain(
            choices
                .focus_areas
                .iter()
                .map(|(id, name)| (id.to_string(), name.clone())),
        )
        .collect();
    let venue_options: Vec<(String, String)> = none(t("staff-activity-no-venue"))
        .into_iter()
        .chain(
            choices
                .venues
                .iter()
                .map(|(id, name)| (id.to_string(), name.clone())),
        )
        .collect();
    let nth_options = [
        ("1", "nth-1"),
        ("2", "nth-2"),
        ("3", "nth-3"),
        ("4", "nth-4"),
        ("-1", "nth-last"),
    ]
    .into_iter()
    .map(|(value, key)| (value.to_owned(), t(key)))
    .collect::<Vec<_>>();
    let pairs = |items: &[(&str, &str)]| {
        items
            .iter()
            .map(|(value, key)| ((*value).to_owned(), t(key)))
            .collect::<Vec<_>>()
    };
    let public = existing.as_ref().map(|existing| {
        let href = format!("/aktiviteter/{}", existing.activity.slug);
        view! {
            <p>
                <a href=href>{t("staff-activity-public-page")}</a>
                " · "
                {existing.rule_text.clone()}
            </p>
        }
    });
    let exceptions = existing
        .clone()
        .map(|existing| view! { <ExceptionsSection existing /> });
    let dates = existing.as_ref().map(
        |existing| view! { <DatesSection id=existing.activity.id dates=existing.dates.clone() /> },
    );
    let f = feedback;
    let save = t("staff-activity-save");
    let kind_options: Vec<(String, String)> = ActivityKind::ALL
        .into_iter()
        .map(|kind| (kind.as_str().to_owned(), t(kind.label_key())))
        .collect();
    let current_photo = existing
        .as_ref()
        .and_then(|existing| existing.activity.picture.photo.clone());
    view! {
        <Title text=title.clone() />
        <p>
            <a href="/personale/aktiviteter">{t("staff-activities-back")}</a>
        </p>
        <h1>{title}</h1>
        <Notice text=notice />
        {public}
        {dates}
        <UploadForm action posted feedback=f.clone()>
            <Field name="activity_name" label=t("activity-field-name") required=true />
            <Field name="slug" label=t("activity-field-slug") hint=t("activity-field-slug-hint") />
            <TextArea name="description" label=t("activity-field-description") />
            <fieldset class="group">
                <legend>{t("activity-summaries")}</legend>
                <p class="field__hint">{t("activity-summaries-hint")}</p>
                {Lang::all()
                    .skip(1)
                    .map(|lang| {
                        view! {
                            <input type="hidden" name="summary_lang" value=lang.code() />
                            <TextArea
                                name="summary"
                                id=summary_field(lang)
                                label=t_with(
                                    "activity-field-summary",
                                    &[("language", lang.own_name())],
                                )
                            />
                        }
                    })
                    .collect_view()}
            </fieldset>
            <SelectField name="focus_area" label=t("activity-focus-area") options=focus_options />
            <SelectField name="venue" label=t("activity-venue") options=venue_options />
            <fieldset class="group">
                <legend>{t("activity-when")}</legend>
                <Field
                    name="starts_on"
                    label=t("activity-field-starts-on")
                    kind=FieldKind::Date
                    required=true
                />
                <Field
                    name="start_time"
                    label=t("activity-field-start")
                    kind=FieldKind::Time
                    hint=t("time-hint")
                    required=true
                />
                <Field
                    name="end_time"
                    label=t("activity-field-end")
                    kind=FieldKind::Time
                    hint=t("time-hint")
                    required=true
                />
            </fieldset>
            <fieldset class="group">
                <legend>{t("activity-repeat")}</legend>
                <ChoiceGroup
                    name="repeat"
                    legend=t("activity-field-repeat")
                    options=pairs(
                        &[
                            ("once", "repeat-once"),
                            ("weekly", "repeat-weekly"),
                            ("monthly", "repeat-monthly"),
                        ],
                    )
                />
                <Field
                    name="interval"
                    label=t("activity-field-interval")
                    kind=FieldKind::Number
                    hint=t("activity-field-interval-hint")
                />
                <ChoiceGroup
                    name="dag"
                    legend=t("activity-field-days")
                    options=weekday_options()
                    multiple=true
                />
                <SelectField name="nth" label=t("activity-field-nth") options=nth_options />
                <SelectField
                    name="month_day"
                    label=t("activity-field-month-day")
                    options=weekday_options()
                />
                <ChoiceGroup
                    name="ends"
                    legend=t("activity-field-ends")
                    options=pairs(
                        &[("never", "ends-never"), ("until", "ends-until"), ("count", "ends-count")],
                    )
                />
                <Field name="until" label=t("activity-field-until") kind=FieldKind::Date />
                <Field name="count" label=t("activity-field-count") kind=FieldKind::Number />
            </fieldset>
            <fieldset class="group">
                <legend>{t("activity-practical")}</legend>
                <ChoiceGroup
                    name="signup_mode"
                    legend=t("activity-signup")
                    options=pairs(
                        &[
                            ("none", "signup-mode-none"),
                            ("optional", "signup-mode-optional"),
                            ("required", "signup-mode-required"),
                        ],
                    )
                />
                <Field
                    name="capacity"
                    label=t("activity-field-capacity")
                    kind=FieldKind::Number
                    hint=t("activity-field-capacity-hint")
                />
                <Field
                    name="max_party"
                    label=t("activity-field-max-party")
                    kind=FieldKind::Number
                    hint=t("activity-field-max-party-hint")
                />
                <Field
                    name="price_note"
                    label=t("activity-price")
                    hint=t("activity-field-price-hint")
                />
                <Field name="accessibility_note" label=t("activity-accessibility") />
                <Field name="contact" label=t("activity-contact") />
            </fieldset>
            <fieldset class="group">
                <legend>{t("activity-picture")}</legend>
                <p class="field__hint">{t("activity-picture-hint")}</p>
                <SelectField name="kind" label=t("activity-field-kind") options=kind_options />
            </fieldset>
            <CoverField
                current=current_photo
                feedback=f.clone()
                current_label=t("activity-current-photo")
            />
            <IntentButtons buttons=vec![("save", save)] />
        </UploadForm>
        {exceptions}
    }
}

/// The dates around today, each linking to its sign-up list and attendance form.
#[component]
fn DatesSection(id: i64, dates: Vec<Occurrence>) -> impl IntoView {
    if dates.is_empty() {
        return ().into_any();
    }
    let items = dates
        .into_iter()
        .map(|occurrence| {
            let href = format!("/personale/aktiviteter/{id}/{}", occurrence.key.date);
            let day = long_date(occurrence.starts.date());
            let cancelled = occurrence
                .is_cancelled()
                .then(|| format!(" · {}", t("occurrence-cancelled")));
            view! {
                <li>
                    <a href=href>{day}</a>
                    {cancelled}
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="dates">
            <summary>{t("staff-activity-dates")}</summary>
            <p class="muted">{t("staff-activity-dates-hint")}</p>
            <ul>{items}</ul>
        </details>
    }
    .into_any()
}

/// The exceptions of an activity and the form to add one.
#[component]
fn ExceptionsSection(existing: StaffActivity) -> impl IntoView {
    let id = existing.activity.id;
    let posted = feedback_for("exception");
    let f = posted.clone().unwrap_or_else(|| {
        let mut blank = FormFeedback::for_form("exception");
        blank.keep("kind", "cancelled");
        blank
    });
    let list = if existing.exceptions.is_empty() {
        view! { <p>{t("exceptions-empty")}</p> }.into_any()
    } else {
        let items = existing
            .exceptions
            .into_iter()
            .map(|exception| view! { <ExceptionLine activity_id=id exception /> })
            .collect_view();
        view! { <ul class="link-list">{items}</ul> }.into_any()
    };
    let action = format!("/personale/aktiviteter/{id}/undtagelser");
    let kinds = [
        ("cancelled", "exception-cancel"),
        ("moved", "exception-move"),
        ("extra", "exception-extra"),
    ]
    .into_iter()
    .map(|(value, key)| (value.to_owned(), t(key)))
    .collect::<Vec<_>>();
    view! {
        <section aria-labelledby="undtagelser">
            <h2 id="undtagelser">{t("exceptions-title")}</h2>
            <p>{t("exceptions-intro")}</p>
            {list}
            <h3>{t("exception-add")}</h3>
            <PostForm action posted feedback=f.clone() button=t("exception-save")>
                <Field
                    name="on_date"
                    label=t("exception-field-date")
                    kind=FieldKind::Date
                    required=true
                />
                <ChoiceGroup name="kind" legend=t("exception-field-kind") options=kinds />
                <Field
                    name="reason"
                    label=t("exception-field-reason")
                    hint=t("exception-field-reason-hint")
                />
                <Field name="new_date" label=t("exception-field-new-date") kind=FieldKind::Date />
                <Field
                    name="new_start"
                    label=t("exception-field-new-start")
                    kind=FieldKind::Time
                    hint=t("exception-field-time-hint")
                />
                <Field
                    name="new_end"
                    label=t("exception-field-new-end")
                    kind=FieldKind::Time
                    hint=t("exception-field-time-hint")
                />
            </PostForm>
        </section>
    }
}

#[component]
fn ExceptionLine(activity_id: i64, exception: Exception) -> impl IntoView {
    let day = long_date(exception.on_date);
    let what = match &exception.kind {
        ExceptionKind::Cancelled => t("occurrence-cancelled"),
        ExceptionKind::Moved { to, start, end } => format!(
            "{} {}, {}",
            t("exception-moved-to"),
            long_date(*to),
            time_span(*start, *end)
        ),
        ExceptionKind::Extra { start, end } => {
            format!("{} {}", t("exception-extra-date"), time_span(*start, *end))
        }
    };
    let action = format!(
        "/personale/aktiviteter/{activity_id}/undtagelser/{}/slet",
        exception.id
    );
    let label = format!("{}: {day}", t("exception-delete"));
    view! {
        <li>
            <strong>{day}</strong>
            ": "
            {what}
            {(!exception.reason.is_empty()).then(|| format!(" ({})", exception.reason))}
            <form method="post" action=action class="inline-form">
                <button
                    type="submit"
                    class="button button--small button--secondary"
                    aria-label=label
                >
                    {t("exception-delete")}
                </button>
            </form>
        </li>
    }
}
