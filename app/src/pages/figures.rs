//! `/personale/tal` (the figures of a period beside the same period last year, with charts and
//! tables) and `/personale/tal/rapport` (the printable report with the definitions and the
//! Danish sentences). The CSV export is served by the server at `/personale/tal.csv`.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    components::{
        chart::chart_frame,
        data::Loaded,
        figures::{FigureActions, PeriodForm},
        table::{named_row, ScrollingTable},
    },
    figures::{
        api::{load_figures, FiguresPage},
        decimal, Contributions, Contributors, Counts, Line, CONTRIBUTOR_DEFINITIONS, DEFINITIONS,
    },
    forms::SelectField,
    i18n::{t, t_with},
    period::PeriodQuery,
};

/// Loads the figures of the address's period and shows them with `show`.
#[component]
fn WithFigures(show: fn(FiguresPage) -> AnyView) -> impl IntoView {
    let data = OnceResource::new_blocking(load_figures(PeriodQuery::from_address()));
    view! { <Loaded data show /> }
}

/// `/personale/tal`.
#[component]
pub fn FiguresPage() -> impl IntoView {
    view! {
        <Title text=t("figures-title") />
        <h1>{t("figures-title")}</h1>
        <WithFigures show=|page| view! { <Figures page /> }.into_any() />
    }
}

#[component]
fn Figures(page: FiguresPage) -> impl IntoView {
    let FiguresPage {
        report,
        form,
        years,
    } = page;
    let quarters: Vec<(String, String)> = [
        ("", "figures-whole-year"),
        ("1", "figures-q1"),
        ("2", "figures-q2"),
        ("3", "figures-q3"),
        ("4", "figures-q4"),
    ]
    .into_iter()
    .map(|(value, key)| (value.to_owned(), t(key)))
    .collect();
    let query = report.period.query();
    let csv_href = format!("/personale/tal.csv?{query}");
    let report_href = format!("/personale/tal/rapport?{query}");
    let heading = t_with(
        "figures-period-heading",
        &[
            ("period", report.period.label()),
            ("previous", report.previous.label()),
        ],
    );
    let (current, previous) = (report.period.label(), report.previous.label());
    let charted = [
        ("figures-by-activity", "activities", report.by_activity),
        ("figures-by-focus-area", "areas", report.by_focus_area),
    ]
    .into_iter()
    .map(|(heading, chart, lines)| {
        view! { <ChartedFigures heading chart lines current=current.clone() previous=previous.clone() /> }
    })
    .collect_view();
    view! {
        <PeriodForm
            action="/personale/tal"
            feedback=form
            legend=t("figures-choose-year")
            years
            dates=true
        >
            <SelectField name="kvartal" label=t("figures-quarter") options=quarters />
        </PeriodForm>
        <h2>{heading}</h2>
        <FigureActions csv_href csv_label=t("figures-csv") report_href />
        <FigureTable
            caption=t("figures-total")
            lines=vec![report.total.clone()]
            current=current.clone()
            previous=previous.clone()
        />
        {charted}
        <ContributorFigures contributors=report.contributors current=current.clone() previous />
        <NewsletterFigureList figures=report.newsletter period=current />
        <Definitions />
    }
    .into_any()
}

/// A column of a comparison table: its header's key, and how it shows a line's number.
type Column<T> = (&'static str, fn(&T) -> String);

/// The citizen journalists' figures: how many were active and delivered, and per journalist
/// the submissions sent, published and their photos, this period with last year beside.
#[component]
fn ContributorFigures(
    contributors: Contributors,
    current: String,
    previous: String,
) -> impl IntoView {
    let Contributors {
        by_journalist,
        total,
        previous_total,
        active,
        delivering,
    } = contributors;
    let columns: [Column<Contributions>; 3] = [
        ("figures-submissions-sent", |c| c.sent.to_string()),
        ("figures-contributions", |c| c.published.to_string()),
        ("figures-photos", |c| c.photos.to_string()),
    ];
    let lines = by_journalist
        .into_iter()
        .map(|line| (line.name, line.current, line.previous))
        .chain(std::iter::once((t("figures-total"), total, previous_total)))
        .collect();
    let counts = t_with(
        "figures-journalists-summary",
        &[
            ("active", active.0.to_string()),
            ("delivering", delivering.0.to_string()),
            ("previous", previous.clone()),
            ("active_before", active.1.to_string()),
            ("delivering_before", delivering.1.to_string()),
        ],
    );
    let table = comparison_table(
        t("figures-journalists"),
        t("figures-journalist"),
        &columns,
        lines,
        current,
        previous,
    );
    view! {
        <h2>{t("figures-journalists")}</h2>
        <p>{counts}</p>
        {table}
    }
}

/// The figures of `lines`, this period's number with last year's beside it.
#[component]
fn FigureTable(
    caption: String,
    lines: Vec<Line>,
    current: String,
    previous: String,
) -> impl IntoView {
    if lines.is_empty() {
        return view! { <p>{t("figures-empty")}</p> }.into_any();
    }
    let columns: [Column<Counts>; 10] = [
        ("figures-held", |c| c.held.to_string()),
        ("figures-participants", |c| c.participants().to_string()),
        ("figures-average", |c| decimal(c.average_participants())),
        ("figures-volunteers", |c| {
            decimal(c.volunteers_per_occurrence())
        }),
        ("figures-first-timers", |c| c.first_timers.to_string()),
        ("figures-walk-ins", |c| c.walk_ins.to_string()),
        ("figures-signups", |c| c.signups.to_string()),
        ("figures-cancellations", |c| c.cancellations.to_string()),
        ("figures-no-shows", |c| c.no_shows.to_string()),
        ("figures-promotions", |c| c.promotions.to_string()),
    ];
    let lines = lines
        .into_iter()
        .map(|line| (line.name, line.current, line.previous))
        .collect();
    comparison_table(
        caption,
        t("figures-name"),
        &columns,
        lines,
        current,
        previous,
    )
}

/// A table of named lines (name, this period, last year) with one column per figure, each
/// cell this period's number with last year's under it; `columns` are (header key, figure).
fn comparison_table<T>(
    caption: String,
    name_header: String,
    columns: &[Column<T>],
    lines: Vec<(String, T, T)>,
    current: String,
    previous: String,
) -> AnyView {
    let headers = columns
        .iter()
        .map(|(key, _)| view! { <th scope="col">{t(key)}</th> })
        .collect_view();
    let rows = lines
        .into_iter()
        .map(|(name, now, before)| {
            let cells = columns
                .iter()
                .map(|(_, value)| {
                    let label = previous.clone();
                    view! {
                        <td>
                            <span class="figure">{value(&now)}</span>
                            <span class="figure-previous">
                                <span class="visually-hidden">{label} ": "</span>
                                {value(&before)}
                            </span>
                        </td>
                    }
                })
                .collect_view();
            named_row(name, cells)
        })
        .collect_view();
    let legend = t_with(
        "figures-table-legend",
        &[("current", current), ("previous", previous.clone())],
    );
    view! {
        <ScrollingTable label=caption.clone() class="figures">
            <caption>{caption} <span class="muted">" – " {legend}</span></caption>
            <thead>
                <tr>
                    <th scope="col">{name_header}</th>
                    {headers}
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </ScrollingTable>
    }
    .into_any()
}

/// A section of the figures: its heading, the bar chart (`chart-{chart}`, titled by the message
/// `figures-chart-{chart}`), and the table of the same lines.
#[component]
fn ChartedFigures(
    heading: &'static str,
    chart: &'static str,
    lines: Vec<Line>,
    current: String,
    previous: String,
) -> impl IntoView {
    view! {
        <h2>{t(heading)}</h2>
        <BarChart
            id=format!("chart-{chart}")
            title=t(&format!("figures-chart-{chart}"))
            lines=lines.clone()
            current=current.clone()
            previous=previous.clone()
        />
        <FigureTable caption=t(heading) lines current previous />
    }
}

/// A horizontal bar chart of participants per line, this period and last year, drawn as SVG on
/// the server. Written by hand rather than with a charting crate: a dozen bars with their
/// labels are a few lines of markup that Leptos escapes and the stylesheet colours, while
/// the chart crates draw text as positioned glyphs that screen readers and CSS cannot use.
/// The table below the chart holds the same numbers for screen readers.
#[component]
fn BarChart(
    id: String,
    title: String,
    lines: Vec<Line>,
    current: String,
    previous: String,
) -> impl IntoView {
    if lines.is_empty() {
        return ().into_any();
    }
    const BAR: f64 = 14.0;
    const ROW: f64 = 2.0 * BAR + 26.0;
    const WIDTH: f64 = 400.0;
    const TOP: f64 = 44.0;
    const LEFT: f64 = 8.0;
    let largest = lines
        .iter()
        .flat_map(|line| [line.current.participants(), line.previous.participants()])
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let scale = (WIDTH - LEFT - 50.0) / largest;
    let height = ROW * lines.len() as f64 + TOP;
    let bars = lines
        .iter()
        .enumerate()
        .map(|(index, line)| {
            let top = TOP + ROW * index as f64;
            let now = line.current.participants();
            let before = line.previous.participants();
            let now_width = (now as f64 * scale).max(1.0);
            let before_width = (before as f64 * scale).max(1.0);
            view! {
                <text x=LEFT y=top + 12.0 class="chart__label">
                    {line.name.clone()}
                </text>
                <rect x=LEFT y=top + 16.0 width=now_width height=BAR class="chart__bar" />
                <text x=LEFT + now_width + 4.0 y=top + 16.0 + BAR - 2.0 class="chart__value">
                    {now}
                </text>
                <rect
                    x=LEFT
                    y=top + 16.0 + BAR
                    width=before_width
                    height=BAR - 2.0
                    class="chart__bar chart__bar--previous"
                />
                <text
                    x=LEFT + before_width + 4.0
                    y=top + 16.0 + 2.0 * BAR - 4.0
                    class="chart__value chart__value--previous"
                >
                    {before}
                </text>
            }
        })
        .collect_view();
    let view_box = format!("0 0 {WIDTH} {height}");
    chart_frame(
        &id,
        "chart",
        view_box,
        title,
        (current, previous),
        bars.into_any(),
    )
}

/// The newsletter's figures: the sentence of the report, and the subscribers at each month's end.
#[component]
fn NewsletterFigureList(
    figures: crate::newsletter::NewsletterFigures,
    period: String,
) -> impl IntoView {
    let sentence = figures.sentence(crate::i18n::lang(), &period);
    let months = figures
        .months
        .iter()
        .map(|(month, count)| {
            view! {
                <tr>
                    <th scope="row">{month.clone()}</th>
                    <td>{count.to_string()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2>{t("newsletter-figures-title")}</h2>
        <p>{sentence}</p>
        <table class="figures">
            <caption>{t("newsletter-figures-months")}</caption>
            <thead>
                <tr>
                    <th scope="col">{t("newsletter-figures-month")}</th>
                    <th scope="col">{t("newsletter-figures-subscribers")}</th>
                </tr>
            </thead>
            <tbody>{months}</tbody>
        </table>
    }
}

/// What each figure means, as the report states it.
#[component]
fn Definitions() -> impl IntoView {
    let items = DEFINITIONS
        .iter()
        .chain(CONTRIBUTOR_DEFINITIONS.iter())
        // The report's sentence on the website's visitors uses these two.
        .chain(crate::visits::DEFINITIONS.iter().take(2))
        .chain(crate::newsletter::DEFINITIONS.iter())
        .map(|(name, definition)| {
            view! {
                <dt>{t(name)}</dt>
                <dd>{t(definition)}</dd>
            }
        })
        .collect_view();
    view! {
        <h2>{t("figures-definitions")}</h2>
        <dl class="definitions">{items}</dl>
    }
}

/// `/personale/tal/rapport`: the report to print or copy into the yearly report.
#[component]
pub fn FiguresReportPage() -> impl IntoView {
    view! {
        <Title text=t("figures-report") />
        <WithFigures show=|page| view! { <Report page /> }.into_any() />
    }
}

#[component]
fn Report(page: FiguresPage) -> impl IntoView {
    let report = page.report;
    let heading = t_with(
        "figures-report-heading",
        &[("period", report.period.label())],
    );
    let sentences = report
        .sentences
        .iter()
        .map(|sentence| view! { <li>{sentence.clone()}</li> })
        .collect_view();
    let back = format!("/personale/tal?{}", report.period.query());
    let (current, previous) = (report.period.label(), report.previous.label());
    view! {
        <p class="no-print">
            <a href=back>{t("figures-back")}</a>
        </p>
        <h1>{heading}</h1>
        <ul class="report-sentences">{sentences}</ul>
        <FigureTable
            caption=t("figures-total")
            lines=vec![report.total.clone()]
            current=current.clone()
            previous=previous.clone()
        />
        <FigureTable
            caption=t("figures-by-activity")
            lines=report.by_activity
            current=current.clone()
            previous=previous.clone()
        />
        <FigureTable
            caption=t("figures-by-focus-area")
            lines=report.by_focus_area
            current=current.clone()
            previous=previous.clone()
        />
        <ContributorFigures contributors=report.contributors current=current.clone() previous />
        <NewsletterFigureList figures=report.newsletter period=current />
        <Definitions />
    }
    .into_any()
}
