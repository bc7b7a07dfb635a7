//! `/personale/besoeg`: the website's visitors, month by month this year beside last year (an
//! SVG chart with its table), the days of a chosen month, the most viewed pages and articles,
//! the referring sites and the device classes, with the definition of every figure. The CSV
//! export is served by the server at `/personale/besoeg.csv`.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    components::{
        chart::chart_frame,
        data::Loaded,
        figures::{FigureActions, PeriodForm},
        table::{named_row, ScrollingTable},
    },
    dates::{date_text, month_name},
    forms::SelectField,
    i18n::{t, t_with},
    period::PeriodQuery,
    visits::{
        api::{load_visits, MonthRow, VisitsPage as Visits},
        MonthFigures, DEFINITIONS, OTHER_SITES,
    },
};

/// `/personale/besoeg`.
#[component]
pub fn VisitsPage() -> impl IntoView {
    let data = OnceResource::new_blocking(load_visits(PeriodQuery::from_address()));
    view! {
        <Title text=t("visits-title") />
        <h1>{t("visits-title")}</h1>
        <Loaded data show=|page| view! { <VisitFigures page /> }.into_any() />
    }
}

#[component]
fn VisitFigures(page: Visits) -> impl IntoView {
    let Visits {
        chosen,
        years,
        months,
        days,
        pages,
        articles,
        referrers,
        devices,
        per_month,
        sentence,
        form,
    } = page;
    let chosen_year = chosen.year_number();
    let (year, last_year) = (chosen_year.to_string(), (chosen_year - 1).to_string());
    let month_options: Vec<(String, String)> = (1..=12)
        .map(|month| (month.to_string(), month_name(month)))
        .collect();
    let average =
        |value: Option<i64>| value.map_or_else(|| t("visits-no-figure"), |v| v.to_string());
    let per_month_line = t_with(
        "visits-per-month-line",
        &[
            ("year", year.clone()),
            ("visitors", average(per_month.0)),
            ("previous", last_year.clone()),
            ("visitors_before", average(per_month.1)),
        ],
    );
    let csv_href = format!("/personale/besoeg.csv?aar={chosen_year}");
    let report_href = format!("/personale/tal/rapport?aar={chosen_year}");
    let month_table = {
        let rows = months
            .iter()
            .map(|row| {
                // A month with no counted day was not counted, which is not the same as none.
                let shown = |month: &MonthFigures, figure: i64| match month.counted_days {
                    0 => "–".to_owned(),
                    _ => figure.to_string(),
                };
                vec![
                    month_name(row.month),
                    shown(&row.current, row.current.visitors),
                    shown(&row.previous, row.previous.visitors),
                    shown(&row.current, row.current.views),
                    shown(&row.previous, row.previous.views),
                ]
            })
            .collect();
        let views = t("visits-views");
        let visitors = t("visits-visitors");
        data_table(
            t_with("visits-months-caption", &[("year", year.clone())]),
            vec![
                t("visits-month"),
                format!("{visitors} {year}"),
                format!("{visitors} {last_year}"),
                format!("{views} {year}"),
                format!("{views} {last_year}"),
            ],
            rows,
        )
    };
    let month_label = chosen.label();
    let day_table = data_table(
        t_with("visits-days-caption", &[("month", month_label.clone())]),
        vec![t("visits-date"), t("visits-visitors"), t("visits-views")],
        days.iter()
            .map(|day| {
                vec![
                    date_text(day.day),
                    day.visitors.to_string(),
                    day.views.to_string(),
                ]
            })
            .collect(),
    );
    let page_table = data_table(
        t_with("visits-pages-caption", &[("year", year.clone())]),
        vec![
            t("visits-page"),
            t("visits-views"),
            t("visits-page-visitors"),
        ],
        pages
            .iter()
            .map(|page| {
                vec![
                    page.path.clone(),
                    page.views.to_string(),
                    page.visitors.to_string(),
                ]
            })
            .collect(),
    );
    let article_table = data_table(
        t_with("visits-articles-caption", &[("year", year.clone())]),
        vec![
            t("visits-article"),
            t("visits-views"),
            t("visits-page-visitors"),
        ],
        articles
            .iter()
            .map(|article| {
                vec![
                    article.title.clone(),
                    article.views.to_string(),
                    article.visitors.to_string(),
                ]
            })
            .collect(),
    );
    let referrer_table = data_table(
        t_with("visits-referrers-caption", &[("year", year.clone())]),
        vec![t("visits-site"), t("visits-referrals")],
        referrers
            .iter()
            .map(|referrer| {
                let name = match referrer.domain.as_str() {
                    OTHER_SITES => t("visits-other-sites"),
                    domain => domain.to_owned(),
                };
                vec![name, referrer.visits.to_string()]
            })
            .collect(),
    );
    let device_table = data_table(
        t_with("visits-devices-caption", &[("year", year.clone())]),
        vec![t("visits-device"), t("visits-visitors"), t("visits-share")],
        devices
            .iter()
            .map(|share| {
                let percent = share
                    .percent
                    .map_or_else(|| "–".to_owned(), |percent| format!("{percent} %"));
                vec![t(share.device.key()), share.visitors.to_string(), percent]
            })
            .collect(),
    );
    view! {
        <PeriodForm action="/personale/besoeg" feedback=form legend=t("visits-choose") years>
            <SelectField name="maaned" label=t("visits-month") options=month_options />
        </PeriodForm>
        <p class="lead">{sentence}</p>
        <p>{per_month_line}</p>
        {defined(&["visits-per-month"])}
        <FigureActions csv_href csv_label=t("visits-csv") report_href />
        <h2>{t_with("visits-months-heading", &[("year", year.clone())])}</h2>
        {defined(&["visits-visitors", "visits-views"])}
        <MonthChart months year=year.clone() last_year=last_year.clone() />
        {month_table}
        <h2>{t_with("visits-days-heading", &[("month", month_label)])}</h2>
        {day_table}
        <h2>{t("visits-pages-heading")}</h2>
        {defined(&["visits-page-visitors"])}
        {page_table}
        {article_table}
        <h2>{t("visits-referrers-heading")}</h2>
        {defined(&["visits-referrals"])}
        {referrer_table}
        <h2>{t("visits-devices-heading")}</h2>
        {defined(&["visits-devices"])}
        {device_table}
        <h2>{t("visits-definitions")}</h2>
        <p>
            {t("visits-privacy-before")} " " <a href="/privatliv">{t("visits-privacy-link")}</a> "."
        </p>
    }
}

/// The definitions of the figures `names` (keys of [`DEFINITIONS`]), printed beside them.
fn defined(names: &[&str]) -> AnyView {
    let items = DEFINITIONS
        .iter()
        .filter(|(name, _)| names.contains(name))
        .map(|(name, definition)| {
            view! {
                <dt>{t(name)}</dt>
                <dd>{t(definition)}</dd>
            }
        })
        .collect_view();
    view! { <dl class="definitions definitions--beside">{items}</dl> }.into_any()
}

/// A table of `rows` under `headers`, the first cell of each row its name; an empty table is
/// a sentence saying so.
fn data_table(caption: String, headers: Vec<String>, rows: Vec<Vec<String>>) -> AnyView {
    if rows.is_empty() {
        return view! { <p>{caption} ": " {t("visits-none")}</p> }.into_any();
    }
    let headers = headers
        .into_iter()
        .map(|header| view! { <th scope="col">{header}</th> })
        .collect_view();
    let rows = rows
        .into_iter()
        .map(|row| {
            let mut cells = row.into_iter();
            let name = cells.next().unwrap_or_default();
            let cells = cells.map(|cell| view! { <td>{cell}</td> }).collect_view();
            named_row(name, cells)
        })
        .collect_view();
    view! {
        <ScrollingTable label=caption.clone() class="figures">
            <caption>{caption}</caption>
            <thead>
                <tr>{headers}</tr>
            </thead>
            <tbody>{rows}</tbody>
        </ScrollingTable>
    }
    .into_any()
}

/// The visitors of each month, this year and last year side by side, as vertical bars drawn as
/// SVG on the server (like the figures' charts, see `components::chart`); the table after it holds
/// the same numbers.
#[component]
fn MonthChart(months: Vec<MonthRow>, year: String, last_year: String) -> impl IntoView {
    const WIDTH: f64 = 600.0;
    const HEIGHT: f64 = 260.0;
    const TOP: f64 = 44.0;
    const BOTTOM: f64 = 24.0;
    const LEFT: f64 = 8.0;
    const GROUP: f64 = (WIDTH - LEFT) / 12.0;
    const BAR: f64 = 18.0;
    let largest = months
        .iter()
        .flat_map(|row| [row.current.visitors, row.previous.visitors])
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let scale = (HEIGHT - TOP - BOTTOM) / largest;
    let baseline = HEIGHT - BOTTOM;
    let bars = months
        .iter()
        .enumerate()
        .map(|(index, row)| {
            let x = LEFT + GROUP * index as f64 + 4.0;
            let now = (row.current.visitors as f64 * scale).max(1.0);
            let before = (row.previous.visitors as f64 * scale).max(1.0);
            let short: String = month_name(row.month).chars().take(3).collect();
            view! {
                <rect x=x y=baseline - now width=BAR height=now class="chart__bar" />
                <rect
                    x=x + BAR
                    y=baseline - before
                    width=BAR - 2.0
                    height=before
                    class="chart__bar chart__bar--previous"
                />
                <text x=x y=HEIGHT - 6.0 class="chart__label">
                    {short}
                </text>
            }
        })
        .collect_view();
    let title = t_with(
        "visits-chart-title",
        &[("year", year.clone()), ("previous", last_year.clone())],
    );
    let view_box = format!("0 0 {WIDTH} {HEIGHT}");
    chart_frame(
        "visits-chart",
        "chart chart--wide",
        view_box,
        title,
        (year, last_year),
        bars.into_any(),
    )
}
