//! The staff's pages of the plan: `/personale/helhedsplan` (the plan's periods with their focus
//! areas and goals), `…/perioder/ny`, `…/perioder/{id}` (a period) and `…/omraader/ny?periode=`,
//! `…/omraader/{id}` (a focus area); the success criteria: `/personale/succeskriterier` (every
//! measure with this year's and last year's figure against its target),
//! `/personale/succeskriterier/ny` and `…/{id}` (a measure's definition), and `…/{id}/tal`
//! (a year's values, one field per month or quarter, with the history of every entry); and the
//! press log: `/personale/presse` (the entries of a year or quarter, of one kind or focus area,
//! with their counts) and `/personale/presse/ny`, `…/{id}` (an entry).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    address::Year,
    components::{
        data::{edit_page, or_refused, Loaded},
        figures::PeriodForm,
        table::ScrollingTable,
    },
    dates::{date_text, moment_text, month_name},
    forms::{
        feedback_for, notice_from_query, ChoiceGroup, Field, FieldKind, FormFeedback, Notice,
        PostForm, SelectField, TextArea,
    },
    i18n::{t, t_with, Arg},
    plan::{
        api::{
            load_area_editor, load_measure_editor, load_measure_year, load_measures, load_plan,
            load_plan_period_editor, load_press, load_press_editor, AreaEditor, MeasureEditor,
            MeasureList, MeasureYear, PlanOverview, PressEditor, PressLog,
        },
        Measure, PlanPeriod, RecordedPer, PRESS_KINDS, UNITS,
    },
};

/// A figure, or a dash when nothing is recorded.
fn figure(value: Option<i64>) -> String {
    value.map_or_else(|| "–".to_owned(), |value| value.to_string())
}

/// A measure's unit as Danish words.
fn unit_name(measure: &Measure) -> String {
    UNITS
        .iter()
        .find(|(unit, _)| *unit == measure.unit)
        .map(|(_, key)| t(key))
        .unwrap_or_default()
}

/// `/personale/succeskriterier`.
#[component]
pub fn MeasuresPage() -> impl IntoView {
    let data = OnceResource::new_blocking(load_measures());
    let show = |list: MeasureList| {
        if list.lines.is_empty() {
            return view! { <p>{t("measures-empty")}</p> }.into_any();
        }
        let rows = list
            .lines
            .into_iter()
            .map(|line| {
                let href = format!("/personale/succeskriterier/{}/tal", line.measure.id);
                let target = line.measure.yearly_target;
                view! {
                    <tr>
                        <th scope="row">
                            <a href=href>{line.measure.name.clone()}</a>
                        </th>
                        <td>{line.measure.owner_name.clone()}</td>
                        <td>{unit_name(&line.measure)}</td>
                        <td class="number">{figure(line.this_year)}</td>
                        <td class="number">{figure(target)}</td>
                        <td class="number">{figure(line.last_year)}</td>
                    </tr>
                }
            })
            .collect_view();
        let this_year = list.year.to_string();
        let last_year = (list.year - 1).to_string();
        view! {
            <ScrollingTable label=t("measures-title")>
                <thead>
                    <tr>
                        <th scope="col">{t("measure-field-name")}</th>
                        <th scope="col">{t("measure-field-owner")}</th>
                        <th scope="col">{t("measure-field-unit")}</th>
                        <th scope="col" class="number">
                            {this_year}
                        </th>
                        <th scope="col" class="number">
                            {t("measure-target")}
                        </th>
                        <th scope="col" class="number">
                            {last_year}
                        </th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </ScrollingTable>
        }
        .into_any()
    };
    view! {
        <Title text=t("measures-title") />
        <h1>{t("measures-title")}</h1>
        <p>{t("measures-intro")}</p>
        <p>
            <a href="/personale/succeskriterier/ny" class="button">
                {t("measure-new")}
            </a>
        </p>
        <Loaded data show />
    }
}

/// `/personale/succeskriterier/ny` and `/personale/succeskriterier/{id}`.
#[component]
pub fn MeasureEditorPage() -> impl IntoView {
    edit_page(|id| {
        let data = OnceResource::new_blocking(load_measure_editor(id));
        let show = or_refused(|editor| view! { <MeasureEditorForm editor /> });
        view! { <Loaded data show /> }
    })
}

#[component]
fn MeasureEditorForm(editor: MeasureEditor) -> impl IntoView {
    let posted = feedback_for("measure");
    let feedback = posted.clone().unwrap_or(editor.form);
    let (title, action) = match &editor.measure {
        Some(measure) => (
            measure.name.clone(),
            format!("/personale/succeskriterier/{}", measure.id),
        ),
        None => (t("measure-new"), "/personale/succeskriterier/ny".to_owned()),
    };
    let units = UNITS
        .iter()
        .map(|(unit, key)| ((*unit).to_owned(), t(key)))
        .collect();
    let rhythm = match &editor.measure {
        // How often it is recorded is fixed once values may exist.
        Some(measure) => {
            let key = match measure.per() {
                RecordedPer::Month => "measure-per-month",
                RecordedPer::Quarter => "measure-per-quarter",
            };
            view! { <p>{t("measure-field-recorded-per")} ": " <strong>{t(key)}</strong></p> }
                .into_any()
        }
        None => view! {
            <ChoiceGroup
                name="recorded_per"
                legend=t("measure-field-recorded-per")
                options=vec![
                    ("quarter".to_owned(), t("measure-per-quarter")),
                    ("month".to_owned(), t("measure-per-month")),
                ]
            />
        }
        .into_any(),
    };
    let mut owners = vec![(String::new(), t("measure-owner-choose"))];
    owners.extend(editor.owners);
    let mut wholes = vec![(String::new(), t("measure-part-of-none"))];
    wholes.extend(editor.wholes);
    let values_link = editor.measure.as_ref().map(|measure| {
        let href = format!("/personale/succeskriterier/{}/tal", measure.id);
        view! {
            <p>
                <a href=href>{t("measure-record-values")}</a>
            </p>
        }
    });
    view! {
        <Title text=title.clone() />
        <p>
            <a href="/personale/succeskriterier">{t("measures-back")}</a>
        </p>
        <h1>{title}</h1>
        {values_link}
        <PostForm action posted feedback button=t("measure-save")>
            <Field
                name="measure_name"
                label=t("measure-field-name")
                hint=t("measure-field-name-hint")
                required=true
            />
            <SelectField name="owner" label=t("measure-field-owner") options=owners />
            <SelectField name="unit" label=t("measure-field-unit") options=units />
            {rhythm}
            <Field
                name="yearly_target"
                label=t("measure-field-target")
                hint=t("measure-field-target-hint")
                kind=FieldKind::Number
            />
            <SelectField
                name="part_of"
                label=t("measure-field-part-of")
                hint=t("measure-field-part-of-hint")
                options=wholes
            />
        </PostForm>
    }
}

/// `/personale/succeskriterier/{id}/tal?aar=`: a year's values (this year without `aar`).
#[component]
pub fn MeasureYearPage() -> impl IntoView {
    let year = leptos_router::hooks::use_query_map()
        .get_untracked()
        .get("aar")
        .and_then(|year| Year::parse(&year))
        .map(|year| year.get() as i32);
    edit_page(move |id| {
        let data = OnceResource::new_blocking(load_measure_year(id.unwrap_or_default(), year));
        let show = or_refused(|page| view! { <MeasureYearForm page /> });
        view! { <Loaded data show /> }
    })
}

#[component]
fn MeasureYearForm(page: MeasureYear) -> impl IntoView {
    let posted = feedback_for("values");
    let feedback: FormFeedback = posted.clone().unwrap_or(page.form);
    let notice = notice_from_query(&[
        ("gemt", "notice-measure-saved"),
        ("tal-gemt", "notice-measure-values-saved"),
    ]);
    let measure = page.measure;
    let per = measure.per();
    let part_name = move |part: i64| match per {
        RecordedPer::Month => month_name(part as u32),
        RecordedPer::Quarter => t_with("measure-quarter", &[("quarter", part.to_string())]),
    };
    let fields = (1..=i64::from(per.parts()))
        .map(|part| {
            let was = feedback
                .value(&format!("was{part}"))
                .unwrap_or_default()
                .to_owned();
            // Built before the form: the field is given the feedback, as it is outside the
            // form's context here.
            view! {
                <input type="hidden" name="was" value=was />
                <Field
                    name="v"
                    id=format!("v{part}")
                    label=part_name(part)
                    kind=FieldKind::Number
                    feedback=feedback.clone()
                />
            }
        })
        .collect_view();
    let action = format!("/personale/succeskriterier/{}/tal", measure.id);
    let year = page.year;
    let years = page
        .years
        .iter()
        .map(|shown| {
            let href = format!("/personale/succeskriterier/{}/tal?aar={shown}", measure.id);
            let current = (*shown == year).then_some("page");
            view! {
                <li>
                    <a href=href aria-current=current>
                        {shown.to_string()}
                    </a>
                </li>
            }
        })
        .collect_view();
    let whole = page.whole.map(|whole| {
        view! { <p>{t_with("measure-is-part-of", &[("whole", whole)])}</p> }
    });
    let target = measure.yearly_target.map(|target| {
        view! {
            <p>
                {t_with(
                    "measure-target-line",
                    &[("target", target.to_string()), ("unit", unit_name(&measure))],
                )}
            </p>
        }
    });
    let summary = t_with(
        "measure-year-figures",
        &[
            ("year", year.to_string()),
            ("value", figure(page.this_year)),
            ("last_year", (year - 1).to_string()),
            ("last_value", figure(page.last_year)),
        ],
    );
    let history = if page.history.is_empty() {
        view! { <p>{t("measure-history-empty")}</p> }.into_any()
    } else {
        let lines = page
            .history
            .into_iter()
            .map(|change| {
                let value = change
                    .value
                    .map_or_else(|| t("measure-history-cleared"), |value| value.to_string());
                let who = if change.changed_by.is_empty() {
                    t("measure-history-unknown")
                } else {
                    change.changed_by
                };
                view! {
                    <li>
                        {moment_text(change.changed_at)} ": " {part_name(change.part)} " → "
                        <strong>{value}</strong> " (" {who} ")"
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="history">{lines}</ul> }.into_any()
    };
    let edit = format!("/personale/succeskriterier/{}", measure.id);
    let title = t_with(
        "measure-year-title",
        &[("name", measure.name.clone()), ("year", year.to_string())],
    );
    view! {
        <Title text=title.clone() />
        <p>
            <a href="/personale/succeskriterier">{t("measures-back")}</a>
        </p>
        <h1>{title}</h1>
        <Notice text=notice />
        <p>
            {measure.owner_name.clone()} " · " {unit_name(&measure)} " · "
            <a href=edit>{t("measure-edit")}</a>
        </p>
        {whole}
        {target}
        <p>{summary}</p>
        <nav aria-label=t("measure-years")>
            <ul class="link-list link-list--inline">{years}</ul>
        </nav>
        <PostForm action posted feedback button=t("measure-values-save")>
            <input type="hidden" name="aar" value=year.to_string() />
            {fields}
        </PostForm>
        <h2>{t("measure-history")}</h2>
        {history}
    }
}

/// The kinds of press entries as form choices, after `first` (the choice of none, if any).
fn press_kinds(first: Option<String>) -> Vec<(String, String)> {
    first
        .map(|label| (String::new(), label))
        .into_iter()
        .chain(
            PRESS_KINDS
                .iter()
                .map(|(kind, key)| ((*kind).to_owned(), t(key))),
        )
        .collect()
}

/// The focus areas as form choices, after the choice of none.
fn area_choices(none: String, areas: Vec<(i64, String)>) -> Vec<(String, String)> {
    std::iter::once((String::new(), none))
        .chain(areas.into_iter().map(|(id, name)| (id.to_string(), name)))
        .collect()
}

/// `/personale/presse?aar=&kvartal=&type=&omraade=`.
#[component]
pub fn PressPage() -> impl IntoView {
    let query = leptos_router::hooks::use_query_map().get_untracked();
    let data = OnceResource::new_blocking(load_press(
        crate::period::PeriodQuery::from_address(),
        query.get("type"),
        query.get("omraade"),
    ));
    let show = |log: PressLog| {
        let quarters = std::iter::once((String::new(), t("figures-whole-year")))
            .chain((1..=4).map(|quarter| {
                (
                    quarter.to_string(),
                    t_with("measure-quarter", &[("quarter", quarter.to_string())]),
                )
            }))
            .collect();
        let kinds = press_kinds(Some(t("press-kind-all")));
        let areas = area_choices(t("press-area-all"), log.areas);
        let counts = crate::i18n::lang().text_with_values(
            "press-counts",
            &[
                ("period", Arg::Text(log.period.label())),
                ("releases", Arg::Number(log.releases as i64)),
                ("mentions", Arg::Number(log.mentions as i64)),
            ],
        );
        let list = if log.items.is_empty() {
            view! { <p>{t("press-empty")}</p> }.into_any()
        } else {
            let rows = log
                .items
                .into_iter()
                .map(|item| {
                    let href = format!("/personale/presse/{}", item.id);
                    let kind = PRESS_KINDS
                        .iter()
                        .find(|(kind, _)| *kind == item.kind)
                        .map(|(_, key)| t(key))
                        .unwrap_or_default();
                    let link = (!item.url.is_empty()).then(|| {
                        view! {
                            <a href=item.url.clone() rel="noopener noreferrer">
                                {t("press-open")}
                            </a>
                        }
                    });
                    view! {
                        <tr>
                            <td>{date_text(item.published_on)}</td>
                            <td>{kind}</td>
                            <td>{item.outlet.clone()}</td>
                            <th scope="row">
                                <a href=href>{item.title.clone()}</a>
                            </th>
                            <td>{item.focus_area.clone()}</td>
                            <td>{link}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <ScrollingTable label=t("press-title")>
                    <thead>
                        <tr>
                            <th scope="col">{t("press-field-date")}</th>
                            <th scope="col">{t("press-field-kind")}</th>
                            <th scope="col">{t("press-field-outlet")}</th>
                            <th scope="col">{t("press-field-title")}</th>
                            <th scope="col">{t("press-field-area")}</th>
                            <th scope="col">{t("press-field-url")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </ScrollingTable>
            }
            .into_any()
        };
        view! {
            <PeriodForm
                action="/personale/presse"
                feedback=log.form
                legend=t("press-choose")
                years=log.years
            >
                <SelectField name="kvartal" label=t("figures-quarter") options=quarters />
                <SelectField name="type" label=t("press-field-kind") options=kinds />
                <SelectField name="omraade" label=t("press-field-area") options=areas />
            </PeriodForm>
            <p class="lead">{counts}</p>
            {list}
        }
        .into_any()
    };
    view! {
        <Title text=t("press-title") />
        <h1>{t("press-title")}</h1>
        <p>
            <a href="/personale/presse/ny" class="button">
                {t("press-new")}
            </a>
        </p>
        <Loaded data show />
    }
}

/// `/personale/presse/ny` and `/personale/presse/{id}`.
#[component]
pub fn PressEditorPage() -> impl IntoView {
    edit_page(|id| {
        let data = OnceResource::new_blocking(load_press_editor(id));
        let show = or_refused(|editor| view! { <PressEditorForm editor /> });
        view! { <Loaded data show /> }
    })
}

#[component]
fn PressEditorForm(editor: PressEditor) -> impl IntoView {
    let posted = feedback_for("press");
    let feedback = posted.clone().unwrap_or(editor.form);
    let notice = notice_from_query(&[("gemt", "notice-press-saved")]);
    let (title, action) = match &editor.item {
        Some(item) => (item.title.clone(), format!("/personale/presse/{}", item.id)),
        None => (t("press-new"), "/personale/presse/ny".to_owned()),
    };
    let areas = area_choices(t("press-area-none"), editor.areas);
    view! {
        <Title text=title.clone() />
        <p>
            <a href="/personale/presse">{t("press-back")}</a>
        </p>
        <h1>{title}</h1>
        <Notice text=notice />
        <PostForm action posted feedback button=t("press-save")>
            <ChoiceGroup name="kind" legend=t("press-field-kind") options=press_kinds(None) />
            <Field
                name="published_on"
                label=t("press-field-date")
                kind=FieldKind::Date
                required=true
            />
            <Field
                name="outlet"
                label=t("press-field-outlet")
                hint=t("press-field-outlet-hint")
                required=true
            />
            <Field name="heading" label=t("press-field-title") required=true />
            <Field name="url" label=t("press-field-url") hint=t("press-field-url-hint") />
            <SelectField name="focus_area" label=t("press-field-area") options=areas />
        </PostForm>
    }
}

/// `/personale/helhedsplan`.
#[component]
pub fn PlanPage() -> impl IntoView {
    let data = OnceResource::new_blocking(load_plan());
    let notice = notice_from_query(&[("gemt", "notice-plan-saved")]);
    let show = |plan: PlanOverview| {
        if plan.periods.is_empty() {
            return view! { <p>{t("plan-empty")}</p> }.into_any();
        }
        plan.periods
            .into_iter()
            .map(|(period, areas)| {
                let heading = t_with(
                    "plan-period-heading",
                    &[
                        ("name", period.name.clone()),
                        ("first", period.first_year.to_string()),
                        ("last", period.last_year.to_string()),
                    ],
                );
                let current = period.holds(plan.this_year).then(|| {
                    view! { <p class="notice">{t("plan-period-current")}</p> }
                });
                let edit = format!("/personale/helhedsplan/perioder/{}", period.id);
                let new_area = format!("/personale/helhedsplan/omraader/ny?periode={}", period.id);
                let areas = if areas.is_empty() {
                    view! { <p>{t("plan-areas-empty")}</p> }.into_any()
                } else {
                    let items = areas
                        .into_iter()
                        .map(|area| {
                            let href = format!("/personale/helhedsplan/omraader/{}", area.id);
                            let goal =
                                (!area.goal.is_empty()).then(|| view! { <p>{area.goal}</p> });
                            view! {
                                <li>
                                    <a href=href>{area.name}</a>
                                    {goal}
                                </li>
                            }
                        })
                        .collect_view();
                    view! { <ol class="plan-areas">{items}</ol> }.into_any()
                };
                view! {
                    <section>
                        <h2>{heading}</h2>
                        {current}
                        {areas}
                        <p>
                            <a href=new_area>{t("plan-area-new")}</a>
                            " · "
                            <a href=edit>{t("plan-period-edit")}</a>
                        </p>
                    </section>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <Title text=t("plan-title") />
        <h1>{t("plan-title")}</h1>
        <Notice text=notice />
        <p>{t("plan-intro")}</p>
        <p>
            <a href="/personale/helhedsplan/perioder/ny" class="button">
                {t("plan-period-new")}
            </a>
        </p>
        <Loaded data show />
    }
}

/// `/personale/helhedsplan/perioder/ny` and `…/perioder/{id}`.
#[component]
pub fn PlanPeriodEditorPage() -> impl IntoView {
    edit_page(|id| {
        let data = OnceResource::new_blocking(load_plan_period_editor(id));
        let show = or_refused(|(period, form)| view! { <PlanPeriodForm period form /> });
        view! { <Loaded data show /> }
    })
}

#[component]
fn PlanPeriodForm(period: Option<PlanPeriod>, form: FormFeedback) -> impl IntoView {
    let posted = feedback_for("plan-period");
    let feedback = posted.clone().unwrap_or(form);
    let (title, action) = match &period {
        Some(period) => (
            period.name.clone(),
            format!("/personale/helhedsplan/perioder/{}", period.id),
        ),
        None => (
            t("plan-period-new"),
            "/personale/helhedsplan/perioder/ny".to_owned(),
        ),
    };
    view! {
        <Title text=title.clone() />
        <p>
            <a href="/personale/helhedsplan">{t("plan-back")}</a>
        </p>
        <h1>{title}</h1>
        <PostForm action posted feedback button=t("plan-save")>
            <Field
                name="period_name"
                label=t("plan-period-field-name")
                hint=t("plan-period-field-name-hint")
                required=true
            />
            <Field
                name="first_year"
                label=t("plan-period-field-first")
                kind=FieldKind::Number
                required=true
            />
            <Field
                name="last_year"
                label=t("plan-period-field-last")
                kind=FieldKind::Number
                required=true
            />
        </PostForm>
    }
}

/// `/personale/helhedsplan/omraader/ny?periode=` and `…/omraader/{id}`.
#[component]
pub fn AreaEditorPage() -> impl IntoView {
    let period = leptos_router::hooks::use_query_map()
        .get_untracked()
        .get("periode")
        .and_then(|id| crate::address::Id::parse(&id))
        .map(|id| id.get());
    edit_page(move |id| {
        let data = OnceResource::new_blocking(load_area_editor(id, period));
        let show = or_refused(|editor| view! { <AreaEditorForm editor /> });
        view! { <Loaded data show /> }
    })
}

#[component]
fn AreaEditorForm(editor: AreaEditor) -> impl IntoView {
    let posted = feedback_for("plan-area");
    let feedback = posted.clone().unwrap_or(editor.form);
    let (title, action) = match &editor.area {
        Some(area) => (
            area.name.clone(),
            format!("/personale/helhedsplan/omraader/{}", area.id),
        ),
        None => (
            t("plan-area-new"),
            "/personale/helhedsplan/omraader/ny".to_owned(),
        ),
    };
    view! {
        <Title text=title.clone() />
        <p>
            <a href="/personale/helhedsplan">{t("plan-back")}</a>
        </p>
        <h1>{title}</h1>
        <PostForm action posted feedback button=t("plan-save")>
            <SelectField
                name="plan_period"
                label=t("plan-area-field-period")
                options=editor.periods
            />
            <Field name="area_name" label=t("plan-area-field-name") required=true />
            <TextArea
                name="goal"
                label=t("plan-area-field-goal")
                hint=t("plan-area-field-goal-hint")
            />
            <Field
                name="position"
                label=t("plan-area-field-position")
                hint=t("plan-area-field-position-hint")
                kind=FieldKind::Number
            />
        </PostForm>
    }
}
