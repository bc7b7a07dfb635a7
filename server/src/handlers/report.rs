//! The report's addresses beyond its pages: `/personale/rapport.docx`, the report of a year or a
//! quarter as a Word document, and the form of its texts (`/personale/rapport/tekster`). A
//! period that does not read gets the 404 page.

use app::{
    period::{Period, PeriodQuery},
    report::{
        api::ACCEPTS,
        build::build,
        docx::to_docx,
        service::{self as report, ReportTextsForm},
    },
};
use axum::extract::{rejection::QueryRejection, Query};

use super::{
    download::{file, DOCX},
    prelude::*,
};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/personale/rapport.docx", get(report_docx))
        .route("/personale/rapport/tekster", post(save_texts))
}

/// The period a report's address or form names, or the 404 page.
fn period_of(query: &PeriodQuery) -> Result<Period, PageError> {
    let (period, errors) = query.period(clock::today(), ACCEPTS);
    if errors.is_empty() {
        Ok(period)
    } else {
        Err(PageError::NotFound)
    }
}

async fn report_docx(
    cx: Ctx,
    _: Staff,
    query: Result<Query<PeriodQuery>, QueryRejection>,
) -> Result<Response, PageError> {
    let Query(query) = query.map_err(|_| PageError::NotFound)?;
    let period = period_of(&query)?;
    let report = build(&cx.db, cx.lang, period, clock::today()).await?;
    let name = report.period.file_name("rapport").replace(".csv", ".docx");
    let lang = cx.lang;
    // Drawing the charts and packing the file is CPU work: within the CPU budget.
    let bytes = app::cpu::run(move || to_docx(lang, &report))
        .await
        .map_err(|err| PageError::Internal(Box::new(err)))?;
    Ok(file(&name, DOCX, bytes))
}

/// Saves the report's texts that changed, then shows the report.
async fn save_texts(
    cx: Ctx,
    staff: Staff,
    PostedForm(form): PostedForm<ReportTextsForm>,
) -> Result<Redirect, PageError> {
    let query = PeriodQuery {
        aar: Some(form.aar.clone()),
        kvartal: Some(form.kvartal.clone()).filter(|quarter| !quarter.is_empty()),
        ..PeriodQuery::default()
    };
    let period = period_of(&query)?;
    let built = build(&cx.db, cx.lang, period.clone(), clock::today()).await?;
    let page = format!("/personale/rapport/tekster?{}", period.query());
    report::save_texts(
        &cx.db,
        cx.lang,
        staff.id,
        (&period, &built),
        &form,
        clock::now(),
    )
    .await
    .on_page(&page)?;
    Ok(Redirect::to(&format!(
        "/personale/rapport?{}&besked=tekster-gemt",
        period.query()
    )))
}
