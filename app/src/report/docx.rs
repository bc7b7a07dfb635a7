//! The report as a Word document (.docx) staff keep editing in Word or LibreOffice, made with
//! `docx-rs`: real headings (Title, Heading 1 and 2, which both programs list in their
//! navigation), each focus area on a new page, the success criteria as tables, and the charts
//! as PNG images drawn from the page's own SVG by `resvg` with a font shipped in the repository
//! (`app/fonts/DejaVuSans.ttf`), so every machine draws them alike.

use std::{
    io::Cursor,
    sync::{Arc, OnceLock},
};

use docx_rs::{
    BreakType, Docx, PageMargin, Paragraph, Pic, Run, RunFonts, Shading, Style, StyleType, Table,
    TableBorders, TableCell, TableRow, WidthType,
};
use resvg::{tiny_skia, usvg};

use super::{chart::FONT, MeasureRow, Report};
use crate::i18n::Lang;

/// The chart's font: DejaVu Sans, under the Bitstream Vera licence (`app/fonts/`).
static FONT_FILE: &[u8] = include_bytes!("../../fonts/DejaVuSans.ttf");

/// How many pixels a chart's PNG has per unit of its SVG: sharp when printed.
const SCALE: f32 = 2.0;

/// The width of an A4 page's text with 2.5 cm margins, in twentieths of a point.
const TEXT_WIDTH: usize = 11906 - 2 * 1418;

/// English Metric Units per twentieth of a point.
const EMU_PER_TWIP: u32 = 635;

/// The fonts a chart may name, loaded once.
fn fonts() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut fonts = usvg::fontdb::Database::new();
            fonts.load_font_data(FONT_FILE.to_vec());
            // Text that names no font, or a generic family, gets the one there is.
            fonts.set_sans_serif_family(FONT);
            fonts.set_serif_family(FONT);
            Arc::new(fonts)
        })
        .clone()
}

/// A chart's SVG as PNG bytes with the PNG's width and height, or None if it does not draw.
pub fn svg_to_png(svg: &str) -> Option<(Vec<u8>, u32, u32)> {
    let options = usvg::Options {
        font_family: FONT.to_owned(),
        fontdb: fonts(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).ok()?;
    let size = tree.size();
    let (width, height) = (
        (size.width() * SCALE).ceil() as u32,
        (size.height() * SCALE).ceil() as u32,
    );
    let mut pixmap = tiny_skia::Pixmap::new(width, height)?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(SCALE, SCALE),
        &mut pixmap.as_mut(),
    );
    Some((pixmap.encode_png().ok()?, width, height))
}

/// The styles the document uses: Word's own names, so both programs see headings.
fn with_styles(document: Docx) -> Docx {
    document
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .based_on("Normal")
                .next("Normal")
                .size(48)
                .bold(),
        )
        .add_style(
            Style::new("Heading1", StyleType::Paragraph)
                .name("heading 1")
                .based_on("Normal")
                .next("Normal")
                .size(32)
                .bold()
                .outline_lvl(0),
        )
        .add_style(
            Style::new("Heading2", StyleType::Paragraph)
                .name("heading 2")
                .based_on("Normal")
                .next("Normal")
                .size(26)
                .bold()
                .outline_lvl(1),
        )
}

/// A paragraph in the document's Normal style, named: docx-rs marks no style as the default,
/// and a reader that looks a paragraph's style up finds none otherwise.
fn normal() -> Paragraph {
    Paragraph::new().style("Normal")
}

fn paragraph(text: &str) -> Paragraph {
    normal().add_run(Run::new().add_text(text))
}

fn heading(style: &str, text: &str) -> Paragraph {
    paragraph(text).style(style)
}

/// A staff text's paragraphs (separated by blank lines), each a paragraph of the document.
fn paragraphs(document: Docx, text: &str) -> Docx {
    text.split("\n\n")
        .map(str::trim)
        .filter(|paragraph| !paragraph.is_empty())
        .fold(document, |document, text| {
            // A line break inside a paragraph stays one.
            let mut run = Run::new();
            for (index, line) in text.lines().enumerate() {
                if index > 0 {
                    run = run.add_break(BreakType::TextWrapping);
                }
                run = run.add_text(line);
            }
            document.add_paragraph(normal().add_run(run))
        })
}

fn cell(text: &str, header: bool) -> TableCell {
    let run = Run::new().add_text(text);
    let run = if header { run.bold() } else { run };
    let cell = TableCell::new().add_paragraph(Paragraph::new().add_run(run));
    if header {
        cell.shading(Shading::new().fill("D9D9D9"))
    } else {
        cell
    }
}

/// A table with a header row and `rows`.
fn table(header: &[String], rows: &[Vec<String>]) -> Table {
    let columns = header.len().max(1);
    let mut table_rows = vec![TableRow::new(
        header.iter().map(|text| cell(text, true)).collect(),
    )];
    table_rows.extend(
        rows.iter()
            .map(|row| TableRow::new(row.iter().map(|text| cell(text, false)).collect())),
    );
    Table::new(table_rows)
        .set_borders(TableBorders::new())
        .set_grid(vec![TEXT_WIDTH / columns; columns])
        .width(TEXT_WIDTH, WidthType::Dxa)
}

/// A chart as a picture the width of the text.
fn chart(svg: &str) -> Option<Paragraph> {
    let (png, width, height) = svg_to_png(svg)?;
    let emu_width = TEXT_WIDTH as u32 * EMU_PER_TWIP;
    let emu_height = (u64::from(emu_width) * u64::from(height) / u64::from(width.max(1))) as u32;
    let picture = Pic::new_with_dimensions(png, width, height).size(emu_width, emu_height);
    Some(normal().add_run(Run::new().add_image(picture)))
}

/// A figure as the report writes it: the number, or a dash.
fn figure(value: Option<i64>) -> String {
    value.map_or_else(|| "–".to_owned(), |value| value.to_string())
}

/// The success criteria's table: the same columns as the page's.
pub fn measure_table(
    lang: Lang,
    report: &Report,
    rows: &[MeasureRow],
) -> (Vec<String>, Vec<Vec<String>>) {
    let header = vec![
        lang.text("report-measure"),
        report.period.label(),
        report.previous.label(),
        lang.text("report-target"),
        lang.text("report-share-heading"),
    ];
    let rows = rows
        .iter()
        .map(|row| {
            vec![
                row.name.clone(),
                format!("{} {}", figure(row.value), row.unit),
                format!("{} {}", figure(row.previous), row.unit),
                row.target
                    .map(|target| format!("{target} {}", row.unit))
                    .unwrap_or_else(|| "–".to_owned()),
                row.share.clone().unwrap_or_default(),
            ]
        })
        .collect();
    (header, rows)
}

/// The report as a .docx file. Drawing the charts is the costly part: call it within the CPU
/// budget (`cpu::run`).
pub fn to_docx(lang: Lang, report: &Report) -> Result<Vec<u8>, docx_rs::DocxError> {
    let mut document = with_styles(Docx::new())
        .page_size(11906, 16838)
        .page_margin(
            PageMargin::new()
                .top(1418)
                .bottom(1418)
                .left(1418)
                .right(1418),
        )
        .default_fonts(
            RunFonts::new()
                .ascii("Calibri")
                .hi_ansi("Calibri")
                .cs("Calibri"),
        )
        .default_size(22)
        .add_paragraph(heading("Title", &report.title));
    if let Some(plan) = &report.plan {
        document = document.add_paragraph(paragraph(plan));
    }
    document = document.add_paragraph(heading("Heading1", &lang.text("report-intro")));
    document = paragraphs(document, &report.intro.body);
    document = document.add_paragraph(paragraph(&report.total));
    for area in &report.areas {
        document = document.add_paragraph(heading("Heading1", &area.name).page_break_before(true));
        if !area.goal.is_empty() {
            document = document.add_paragraph(heading("Heading2", &lang.text("report-goal")));
            document = paragraphs(document, &area.goal);
        }
        document = paragraphs(document, &area.text.body);
        if !area.sentences.is_empty() {
            document = document.add_paragraph(heading("Heading2", &lang.text("report-activities")));
            for sentence in &area.sentences {
                document = document.add_paragraph(paragraph(sentence));
            }
        }
        if let Some(picture) = area.chart.as_deref().and_then(chart) {
            document = document.add_paragraph(picture);
        }
        if !area.measures.is_empty() {
            document = document.add_paragraph(heading("Heading2", &lang.text("report-measures")));
            let (header, rows) = measure_table(lang, report, &area.measures);
            document = document.add_table(table(&header, &rows));
        }
    }
    document = document
        .add_paragraph(
            heading("Heading1", &lang.text("report-communication")).page_break_before(true),
        )
        .add_paragraph(paragraph(&report.visitors))
        .add_paragraph(paragraph(&report.newsletter))
        .add_paragraph(paragraph(&report.contributors))
        .add_paragraph(paragraph(&report.press))
        .add_paragraph(heading("Heading2", &lang.text("report-definitions")));
    for (name, definition) in &report.definitions {
        document = document.add_paragraph(
            normal()
                .add_run(Run::new().add_text(format!("{name}: ")).bold())
                .add_run(Run::new().add_text(definition)),
        );
    }
    let mut file = Cursor::new(Vec::new());
    document.build().pack(&mut file)?;
    Ok(file.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::chart::bar_chart;

    #[test]
    fn a_chart_is_drawn_with_its_text_in_the_shipped_font() {
        let rows = [("Fællesspisning".to_owned(), 120, 80)];
        let (png, width, height) =
            svg_to_png(&bar_chart("Deltagere", ("2026", "2025"), &rows)).expect("a PNG");
        assert_eq!((width, height), (960, 236));
        assert!(png.starts_with(b"\x89PNG"));
        // Without the font, text is left out silently: the same chart without labels differs.
        let unlabelled = [(String::new(), 120, 80)];
        let (bare, ..) = svg_to_png(&bar_chart("", ("", ""), &unlabelled)).expect("a PNG");
        assert_ne!(png, bare, "the labels are drawn");
    }
}
