//! What the figures pages (`/personale/tal`, `/personale/besoeg`) share: the form that chooses a
//! period and the buttons to download or print what is shown.

use leptos::prelude::*;

use crate::{
    forms::{ErrorSummary, Field, FieldKind, FormFeedback, FormFields, SelectField},
    i18n::t,
};

/// The form at the top of a figures page that chooses the period to show: sent with GET to
/// `action`, so the period is in the address. Under `legend` it offers the `years` and then
/// `children` (the parts of a year a page offers); with `dates`, also a period by its first and
/// last day. A mistake is listed above the fields and shown by its field.
#[component]
pub fn PeriodForm(
    action: &'static str,
    feedback: FormFeedback,
    legend: String,
    years: Vec<i32>,
    #[prop(optional)] dates: bool,
    children: Children,
) -> impl IntoView {
    let years: Vec<(String, String)> = years
        .into_iter()
        .map(|year| (year.to_string(), year.to_string()))
        .collect();
    view! {
        <form method="get" action=action class="form form--inline">
            <FormFields feedback=feedback.clone()>
                <ErrorSummary feedback=Some(feedback) />
                <fieldset class="field-row">
                    <legend>{legend}</legend>
                    <SelectField name="aar" label=t("figures-year") options=years />
                    {children()}
                </fieldset>
                // Made here, inside `FormFields`, so that the fields show its feedback.
                {dates
                    .then(|| {
                        view! {
                            <fieldset class="field-row">
                                <legend>{t("figures-choose-dates")}</legend>
                                <Field name="fra" label=t("figures-from") kind=FieldKind::Date />
                                <Field name="til" label=t("figures-to") kind=FieldKind::Date />
                            </fieldset>
                        }
                    })}
                <button type="submit" class="button">
                    {t("figures-show")}
                </button>
            </FormFields>
        </form>
    }
}

/// The buttons under a period's heading: the CSV file of what the page shows (`csv_label`), and
/// the printable report of the same period.
#[component]
pub fn FigureActions(csv_href: String, csv_label: String, report_href: String) -> impl IntoView {
    view! {
        <p class="actions">
            <a href=csv_href class="button button--secondary" download="">
                {csv_label}
            </a>
            " "
            <a href=report_href class="button button--secondary">
                {t("figures-report")}
            </a>
        </p>
    }
}
