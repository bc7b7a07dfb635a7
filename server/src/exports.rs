//! `/personale/tal.csv`: the figures of a period as a CSV file for Excel (see
//! `app::figures::csv`). The access guard lets only staff reach `/personale`; the handler
//! checks again, like every staff handler.

use app::{
    accounts::Viewer,
    figures::{api::build_report, csv::to_csv, FiguresQuery, PeriodKind},
    i18n::Lang,
};
use axum::{
    extract::{Query, Request, State},
    http::{header, StatusCode},
    response::{IntoResponse, Response},
};

use crate::{
    access::{allows, Requirement},
    render, AppState,
};

pub async fn figures_csv(
    State(state): State<AppState>,
    Query(query): Query<FiguresQuery>,
    request: Request,
) -> Response {
    let (parts, _) = request.into_parts();
    if !allows(Requirement::Staff, parts.extensions.get::<Viewer>()) {
        return render::page(&state, &parts, "/ingen-adgang", None, StatusCode::FORBIDDEN).await;
    }
    let lang = Lang::default();
    let (period, _) = query.period(app::calendar::api::today());
    let report = match build_report(&state.db, lang, period).await {
        Ok(report) => report,
        Err(err) => return render::internal_error(&state, &parts, &err.to_string()),
    };
    let bytes = match to_csv(lang, &report) {
        Ok(bytes) => bytes,
        Err(err) => return render::internal_error(&state, &parts, &err.to_string()),
    };
    let period = &report.period;
    let name = match period.kind {
        PeriodKind::Year => format!("tal-{}.csv", period.from.format("%Y")),
        PeriodKind::Quarter => format!(
            "tal-{}-kvartal-{}.csv",
            period.from.format("%Y"),
            chrono::Datelike::month(&period.from) / 3 + 1
        ),
        PeriodKind::Chosen => format!("tal-{}-til-{}.csv", period.from, period.to),
    };
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        bytes,
    )
        .into_response()
}
