//! The citizen journalists' forms and the staff's review: saving and sending a submission (with a
//! photo), the journalist's live preview, comments from either side, and the staff's steps
//! (ask for changes, reject, publish). A journalist acts only on their own submissions: any other
//! submission, and every review address, answers with the 403 page and changes nothing. Each
//! account may hand over (send, write in a thread, ask for changes, reject) at most
//! `limits::HANDOVERS_PER_ACCOUNT` times an hour, as each of those emails someone.

use app::{
    accounts::Viewer,
    address::Id,
    submissions::{
        own_path, review_path,
        service::{self, MessageForm, PublishForm, SubmissionForm},
        Step, Submission,
    },
};
use axum::http::{header, StatusCode};

use super::prelude::*;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/borgerjournalist/forhaandsvisning", post(preview))
        .route("/borgerjournalist/indsendelser/ny", post(save_submission))
        .route("/borgerjournalist/indsendelser/{id}", post(save_submission))
        .route(
            "/borgerjournalist/indsendelser/{id}/kommentar",
            post(comment_own),
        )
        .route(
            "/personale/indsendelser/{id}/kommentar",
            post(comment_staff),
        )
        .route("/personale/indsendelser/{id}/udgiv", post(publish))
        // `aendringer` and `afvis`: any other last part is not found.
        .route("/personale/indsendelser/{id}/{step}", post(review_step))
}

/// Saves, sends or previews the journalist's submission.
async fn save_submission(
    cx: Ctx,
    viewer: LoggedIn,
    editing: Editing,
    upload: UploadForm<SubmissionForm>,
) -> Result<Response, PageError> {
    let existing = match editing {
        Editing::New => None,
        Editing::Existing(id) => Some(service::own(&cx.db, &viewer, id).await?),
    };
    let page = editing.page("/borgerjournalist/indsendelser");
    // A submission that may no longer be changed: its page, which says where it stands.
    if let Some(submission) = existing
        .as_ref()
        .filter(|submission| !submission.state.editable())
    {
        return Ok(Redirect::to(&own_path(submission.id)).into_response());
    }
    let form = upload.with_cover(cx.lang, &page).await?;
    if form.action == "preview" {
        return Ok(show_page(
            &page,
            Some(service::preview(cx.lang, &form).await),
            StatusCode::OK,
        ));
    }
    if form.action == "send" {
        within_limit(cx.limits.allow_handover(viewer.id), &page, "submission")?;
    }
    let links = cx.links();
    let saved = service::save(
        &cx.db,
        cx.lang,
        &links,
        &viewer,
        &form,
        existing.as_ref(),
        clock::now(),
    );
    let Some(id) = saved.await.on_page(&page)? else {
        // Sent or decided on in the meantime.
        return Ok(Redirect::to(&page).into_response());
    };
    let notice = if form.action == "send" {
        "sendt"
    } else {
        "gemt"
    };
    Ok(Redirect::to(&format!("{}?besked={notice}", own_path(id))).into_response())
}

/// `POST /borgerjournalist/forhaandsvisning`: the Markdown in the body as readers will see it,
/// for the journalist's live preview (anyone logged in, by the access check).
async fn preview(cx: Ctx, _: LoggedIn, body: String) -> Response {
    (
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        app::articles::markdown::live_preview(cx.lang, &body).await,
    )
        .into_response()
}

async fn comment(
    cx: &Ctx,
    viewer: &Viewer,
    submission: &Submission,
    form: &MessageForm,
    page: &str,
) -> Result<Redirect, PageError> {
    within_limit(cx.limits.allow_handover(viewer.id), page, "comment")?;
    let links = cx.links();
    let done = service::comment(
        &cx.db,
        cx.lang,
        &links,
        viewer,
        submission,
        form,
        clock::now(),
    );
    if !done.await.on_page(page)? {
        return Err(PageError::NotFound);
    }
    Ok(Redirect::to(&format!("{page}?besked=kommenteret")))
}

/// A comment by the journalist on their own submission.
async fn comment_own(
    cx: Ctx,
    viewer: LoggedIn,
    Params(id): Params<Id>,
    PostedForm(form): PostedForm<MessageForm>,
) -> Result<Redirect, PageError> {
    let submission = service::own(&cx.db, &viewer, id.get()).await?;
    comment(&cx, &viewer, &submission, &form, &own_path(submission.id)).await
}

/// A comment by staff on a submission under review.
async fn comment_staff(
    cx: Ctx,
    staff: Staff,
    Params(id): Params<Id>,
    PostedForm(form): PostedForm<MessageForm>,
) -> Result<Redirect, PageError> {
    let submission = service::reviewable(&cx.db, id.get()).await?;
    comment(&cx, &staff, &submission, &form, &review_path(submission.id)).await
}

/// The review steps that send the journalist a message, by the last part of their address.
#[derive(Clone, Copy, Debug, serde::Deserialize)]
enum MessageStep {
    /// `…/aendringer`: what to change.
    #[serde(rename = "aendringer")]
    AskChanges,
    /// `…/afvis`: why not.
    #[serde(rename = "afvis")]
    Reject,
}

/// Asking for changes or rejecting: the submission's page with a notice, or (if someone decided
/// in the meantime) the page as it now stands.
async fn review_step(
    cx: Ctx,
    staff: Staff,
    Params((id, step)): Params<(Id, MessageStep)>,
    PostedForm(form): PostedForm<MessageForm>,
) -> Result<Redirect, PageError> {
    let submission = service::reviewable(&cx.db, id.get()).await?;
    let page = review_path(submission.id);
    let (step, form_name, notice) = match step {
        MessageStep::AskChanges => (Step::AskChanges, "changes", "aendringer"),
        MessageStep::Reject => (Step::Reject, "reject", "afvist"),
    };
    within_limit(cx.limits.allow_handover(staff.id), &page, form_name)?;
    let links = cx.links();
    let done = service::review(
        &cx.db,
        cx.lang,
        &links,
        &staff,
        &submission,
        step,
        &form,
        clock::now(),
    );
    if done.await.on_page(&page)? {
        Ok(Redirect::to(&format!("{page}?besked={notice}")))
    } else {
        Ok(Redirect::to(&page))
    }
}

/// Publishes the submission: to the new article's page.
async fn publish(
    cx: Ctx,
    staff: Staff,
    Params(id): Params<Id>,
    PostedForm(form): PostedForm<PublishForm>,
) -> Result<Redirect, PageError> {
    let submission = service::reviewable(&cx.db, id.get()).await?;
    let page = review_path(submission.id);
    let links = cx.links();
    let published = service::publish(
        &cx.db,
        cx.lang,
        &links,
        &staff,
        &submission,
        &form,
        clock::now(),
    );
    match published.await.on_page(&page)? {
        Some(path) => Ok(Redirect::to(&path)),
        None => Ok(Redirect::to(&page)),
    }
}
