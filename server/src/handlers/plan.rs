//! The staff's forms of the plan: a plan period (`/personale/helhedsplan/perioder/ny`,
//! `…/{id}`), a focus area (`/personale/helhedsplan/omraader/ny`, `…/{id}`), a measure's definition (`/personale/succeskriterier/ny`,
//! `…/{id}`) and its values in a year (`…/{id}/tal`), and an entry of the press log
//! (`/personale/presse/ny`, `…/{id}`).

use app::{
    address::{Id, Year},
    plan::service::{self as plan, AreaForm, MeasureForm, PlanPeriodForm, PressForm, ValuesForm},
};
use chrono::Datelike;

use super::prelude::*;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/personale/succeskriterier/ny", post(save_measure))
        .route("/personale/succeskriterier/{id}", post(save_measure))
        .route("/personale/succeskriterier/{id}/tal", post(save_values))
        .route("/personale/helhedsplan/perioder/ny", post(save_plan_period))
        .route(
            "/personale/helhedsplan/perioder/{id}",
            post(save_plan_period),
        )
        .route("/personale/helhedsplan/omraader/ny", post(save_area))
        .route("/personale/helhedsplan/omraader/{id}", post(save_area))
        .route("/personale/presse/ny", post(save_press_item))
        .route("/personale/presse/{id}", post(save_press_item))
}

/// Defines a measure (`…/ny`) or changes one, then shows its values.
async fn save_measure(
    cx: Ctx,
    _: Staff,
    editing: Editing,
    PostedForm(form): PostedForm<MeasureForm>,
) -> Result<Redirect, PageError> {
    let page = editing.page("/personale/succeskriterier");
    let existing = editing
        .existing(async |id| plan::measure(&cx.db, id).await)
        .await?;
    let year = clock::today().year();
    let saved = plan::save_measure(
        &cx.db,
        cx.lang,
        &form,
        existing.as_ref(),
        (year, clock::now()),
    );
    let id = saved.await.on_page(&page)?;
    Ok(Redirect::to(&format!(
        "/personale/succeskriterier/{id}/tal?besked=gemt"
    )))
}

/// Records a year's values of a measure; the year is the form's `aar`.
async fn save_values(
    cx: Ctx,
    staff: Staff,
    Params(id): Params<Id>,
    PostedForm(form): PostedForm<ValuesForm>,
) -> Result<Redirect, PageError> {
    let measure = plan::measure(&cx.db, id.get()).await?;
    let year = Year::parse(&form.aar).ok_or(PageError::NotFound)?.get();
    let page = format!("/personale/succeskriterier/{}/tal?aar={year}", measure.id);
    plan::save_values(
        &cx.db,
        cx.lang,
        staff.id,
        &measure,
        (year, &form),
        clock::now(),
    )
    .await
    .on_page(&page)?;
    Ok(Redirect::to(&format!(
        "/personale/succeskriterier/{}/tal?aar={year}&besked=tal-gemt",
        measure.id
    )))
}

/// Adds an entry to the press log (`…/ny`) or changes one, then shows it.
async fn save_press_item(
    cx: Ctx,
    staff: Staff,
    editing: Editing,
    PostedForm(form): PostedForm<PressForm>,
) -> Result<Redirect, PageError> {
    let page = editing.page("/personale/presse");
    let existing = editing
        .existing(async |id| plan::press_item(&cx.db, id).await)
        .await?;
    let saved = plan::save_press_item(
        &cx.db,
        cx.lang,
        staff.id,
        &form,
        existing.as_ref(),
        (clock::today(), clock::now()),
    );
    let id = saved.await.on_page(&page)?;
    Ok(Redirect::to(&format!("/personale/presse/{id}?besked=gemt")))
}

/// Adds a plan period (`…/ny`) or changes one, then shows the plan.
async fn save_plan_period(
    cx: Ctx,
    _: Staff,
    editing: Editing,
    PostedForm(form): PostedForm<PlanPeriodForm>,
) -> Result<Redirect, PageError> {
    let page = editing.page("/personale/helhedsplan/perioder");
    let existing = editing
        .existing(async |id| plan::plan_period(&cx.db, id).await)
        .await?;
    plan::save_plan_period(&cx.db, cx.lang, &form, existing.as_ref())
        .await
        .on_page(&page)?;
    Ok(Redirect::to("/personale/helhedsplan?besked=gemt"))
}

/// Adds a focus area (`…/ny`) or changes one, then shows the plan.
async fn save_area(
    cx: Ctx,
    _: Staff,
    editing: Editing,
    PostedForm(form): PostedForm<AreaForm>,
) -> Result<Redirect, PageError> {
    let page = editing.page("/personale/helhedsplan/omraader");
    let existing = editing
        .existing(async |id| plan::plan_area(&cx.db, id).await)
        .await?;
    plan::save_plan_area(&cx.db, cx.lang, &form, existing.as_ref())
        .await
        .on_page(&page)?;
    Ok(Redirect::to("/personale/helhedsplan?besked=gemt"))
}
