//! The answer that hands staff a CSV file to save: the one shape of every figures download.

use axum::{
    http::header,
    response::{IntoResponse, Response},
};

/// `bytes` (a CSV file) as a download named `file_name`, never kept by a browser or proxy (the
/// figures are staff's alone).
pub fn csv_file(file_name: &str, bytes: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
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
