//! The answer that hands staff a file to save: the one shape of every figures download (the
//! CSV files and the report's Word document).

use axum::{
    http::header,
    response::{IntoResponse, Response},
};

/// `bytes` (a CSV file) as a download named `file_name`, never kept by a browser or proxy (the
/// figures are staff's alone).
pub fn csv_file(file_name: &str, bytes: Vec<u8>) -> Response {
    file(file_name, "text/csv; charset=utf-8", bytes)
}

/// The media type of a Word document.
pub const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// `bytes` of `content_type` as a download named `file_name`, never kept by a browser or proxy.
pub fn file(file_name: &str, content_type: &str, bytes: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_name}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        bytes,
    )
        .into_response()
}
