//! The report's pages: `/personale/rapport?aar=&kvartal=` (the yearly or quarterly report,
//! printable on A4 with each focus area on a new page, and downloadable as a Word document) and
//! `/personale/rapport/tekster` (the form of its introduction and of a paragraph per focus area).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    components::{data::Loaded, figures::PeriodForm, table::ScrollingTable, text::paragraphs},
    dates::moment_text,
    forms::{feedback_for, notice_from_query, Notice, PostForm, SelectField, TextArea},
    i18n::{t, t_with},
    period::PeriodQuery,
    report::{
        api::{load_report, LoadedReport},
        text_field, AreaSection, MeasureRow, Report, ReportText,
    },
};

/// The quarters a report may be made for, after the whole year.
fn quarter_options() -> Vec<(String, String)> {
    std::iter::once((String::new(), t("figures-whole-year")))
        .chain((1..=4).map(|quarter| {
            (
                quarter.to_string(),
                t_with("measure-quarter", &[("quarter", quarter.to_string())]),
            )
        }))
        .collect()
}

/// Who changed a text last, and when.
fn changed_line(text: &ReportText) -> Option<impl IntoView + use<>> {
    let at = text.updated_at?;
    let who = if text.updated_by.is_empty() {
        t("measure-history-unknown")
    } else {
        text.updated_by.clone()
    };
    Some(view! {
        <p class="report__changed no-print">
            {t_with("report-changed", &[("who", who), ("at", moment_text(at))])}
        </p>
    })
}

/// `/personale/rapport`.
#[component]
pub fn ReportPage() -> impl IntoView {
    let data = OnceResource::new_blocking(load_report(PeriodQuery::from_address()));
    let notice = notice_from_query(&[("tekster-gemt", "notice-report-texts-saved")]);
    let show = move |page: LoadedReport| {
        let query = page.report.period.query();
        let docx = format!("/personale/rapport.docx?{query}");
        let texts = format!("/personale/rapport/tekster?{query}");
        view! {
            <Title text=page.report.title.clone() />
            <div class="no-print">
                <PeriodForm
                    action="/personale/rapport"
                    feedback=page.form
                    legend=t("report-choose")
                    years=page.years
                >
                    <SelectField
                        name="kvartal"
                        label=t("figures-quarter")
                        options=quarter_options()
                    />
                </PeriodForm>
                <Notice text=notice.clone() />
                <p class="actions">
                    <a href=docx class="button">
                        {t("report-download")}
                    </a>
                    " "
                    <a href=texts class="button button--secondary">
                        {t("report-write")}
                    </a>
                </p>
                <p>{t("report-print-hint")}</p>
            </div>
            <ReportBody report=page.report />
        }
    };
    view! { <Loaded data show /> }
}

#[component]
fn ReportBody(report: Report) -> impl IntoView {
    let plan = report
        .plan
        .clone()
        .map(|plan| view! { <p class="lead">{plan}</p> });
    let no_plan = report
        .plan
        .is_none()
        .then(|| view! { <p class="notice">{t("report-no-plan")}</p> });
    let (current, previous) = (report.period.label(), report.previous.label());
    let areas = report
        .areas
        .into_iter()
        .map(|area| {
            view! { <AreaPart area current=current.clone() previous=previous.clone() /> }
        })
        .collect_view();
    let definitions = report
        .definitions
        .into_iter()
        .map(|(name, definition)| {
            view! {
                <dt>{name}</dt>
                <dd>{definition}</dd>
            }
        })
        .collect_view();
    view! {
        <article class="report">
            <h1>{report.title}</h1>
            {plan}
            {no_plan}
            <section class="report__part">
                <h2>{t("report-intro")}</h2>
                {paragraphs(&report.intro.body, "")}
                {changed_line(&report.intro)}
                <p>{report.total}</p>
            </section>
            {areas}
            <section class="report__part report__area">
                <h2>{t("report-communication")}</h2>
                <p>{report.visitors}</p>
                <p>{report.newsletter}</p>
                <p>{report.contributors}</p>
                <p>{report.press}</p>
                <h3>{t("report-definitions")}</h3>
                <dl class="definitions">{definitions}</dl>
            </section>
        </article>
    }
}

#[component]
fn AreaPart(area: AreaSection, current: String, previous: String) -> impl IntoView {
    let goal = (!area.goal.is_empty()).then(|| {
        view! {
            <h3>{t("report-goal")}</h3>
            {paragraphs(&area.goal, "")}
        }
    });
    let sentences = (!area.sentences.is_empty()).then(|| {
        let items = area
            .sentences
            .iter()
            .map(|sentence| view! { <li>{sentence.clone()}</li> })
            .collect_view();
        view! {
            <h3>{t("report-activities")}</h3>
            <ul>{items}</ul>
        }
    });
    // The chart is made on the server from the portal's own figures and names, escaped there
    // (`report::chart`); the Word document draws the same markup.
    let chart = area.chart.map(|svg| {
        view! {
            <figure class="report__chart">
                <div inner_html=svg></div>
                <figcaption>{t("report-chart-caption")}</figcaption>
            </figure>
        }
    });
    let measures = (!area.measures.is_empty()).then(|| {
        view! { <MeasureTable rows=area.measures.clone() current previous caption=area.name.clone() /> }
    });
    view! {
        <section class="report__part report__area">
            <h2>{area.name.clone()}</h2>
            {goal}
            {paragraphs(&area.text.body, "")}
            {changed_line(&area.text)}
            {sentences}
            {chart}
            {measures}
        </section>
    }
}

#[component]
fn MeasureTable(
    rows: Vec<MeasureRow>,
    current: String,
    previous: String,
    caption: String,
) -> impl IntoView {
    let rows = rows
        .into_iter()
        .map(|row| {
            let with_unit = |value: Option<i64>| match value {
                Some(value) => format!("{value} {}", row.unit),
                None => "–".to_owned(),
            };
            view! {
                <tr>
                    <th scope="row">{row.name.clone()}</th>
                    <td class="number">{with_unit(row.value)}</td>
                    <td class="number">{with_unit(row.previous)}</td>
                    <td class="number">{with_unit(row.target)}</td>
                    <td>{row.share.clone().unwrap_or_default()}</td>
                </tr>
            }
        })
        .collect_view();
    let label = t_with("report-measures-of", &[("area", caption.clone())]);
    view! {
        <h3>{t("report-measures")}</h3>
        <ScrollingTable label>
            <thead>
                <tr>
                    <th scope="col">{t("report-measure")}</th>
                    <th scope="col" class="number">
                        {current}
                    </th>
                    <th scope="col" class="number">
                        {previous}
                    </th>
                    <th scope="col" class="number">
                        {t("report-target")}
                    </th>
                    <th scope="col">{t("report-share-heading")}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </ScrollingTable>
    }
}

/// `/personale/rapport/tekster?aar=&kvartal=`: the introduction and a paragraph per focus area.
#[component]
pub fn ReportTextsPage() -> impl IntoView {
    let data = OnceResource::new_blocking(load_report(PeriodQuery::from_address()));
    let show = |page: LoadedReport| {
        let posted = feedback_for("report-texts");
        let feedback = posted.clone().unwrap_or(page.texts);
        let report = page.report;
        let back = format!("/personale/rapport?{}", report.period.query());
        let title = t_with("report-write-title", &[("title", report.title.clone())]);
        let year = chrono::Datelike::year(&report.period.from).to_string();
        let quarter = match report.period.kind {
            crate::period::PeriodKind::Quarter => report.period.quarter_number().to_string(),
            _ => String::new(),
        };
        // Built before the form: each field is given the feedback, as it is outside the form's
        // context here.
        let fields = std::iter::once((report.intro.part.clone(), t("report-intro"), None))
            .chain(report.areas.iter().map(|area| {
                let hint = (!area.goal.is_empty())
                    .then(|| t_with("report-write-goal-hint", &[("goal", area.goal.clone())]));
                (area.part.clone(), area.name.clone(), hint)
            }))
            .map(|(part, label, hint)| {
                let id = text_field(&part);
                let area = match hint {
                    Some(hint) => {
                        view! { <TextArea name="text" id label hint feedback=feedback.clone() /> }
                            .into_any()
                    }
                    None => view! { <TextArea name="text" id label feedback=feedback.clone() /> }
                        .into_any(),
                };
                view! {
                    <input type="hidden" name="report_part" value=part />
                    {area}
                }
            })
            .collect_view();
        view! {
            <Title text=title.clone() />
            <p>
                <a href=back>{t("report-back")}</a>
            </p>
            <h1>{title}</h1>
            <p>{t("report-write-intro")}</p>
            <PostForm
                action="/personale/rapport/tekster".to_owned()
                posted
                feedback=feedback.clone()
                button=t("report-write-save")
            >
                <input type="hidden" name="aar" value=year />
                <input type="hidden" name="kvartal" value=quarter />
                {fields}
            </PostForm>
        }
    };
    view! { <Loaded data show /> }
}
