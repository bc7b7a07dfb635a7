//! The calendar's addresses beyond its pages: the staff's activity and exception forms, and
//! the iCalendar feeds `/kalender.ics` (everything), `/aktiviteter/{slug}.ics` (one activity)
//! and `/aktiviteter/{slug}.ics?dato=YYYY-MM-DD` (one date, for "add to my calendar").
//!
//! `/aktiviteter/{slug}.ics` has the shape of the activity page's route, so it is answered by a
//! middleware that looks at the path before routing hands it to the page.

use app::{
    address::{DateWindow, Id},
    calendar::{
        ics,
        occurrences::{occurrences_of, Filter},
        service::{self as calendar, ActivityForm, ExceptionForm},
        OccurrenceKey,
    },
};
use axum::{
    extract::{Request, State},
    http::header,
    middleware::Next,
};
use chrono::{Duration, NaiveDate};

use super::prelude::*;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/kalender.ics", get(whole_calendar))
        .route("/illustrationer/{file}", get(illustration))
        .route("/personale/aktiviteter/ny", post(save_activity))
        .route("/personale/aktiviteter/{id}", post(save_activity))
        .route(
            "/personale/aktiviteter/{id}/undtagelser",
            post(add_exception),
        )
        .route(
            "/personale/aktiviteter/{id}/undtagelser/{exception}/slet",
            post(delete_exception),
        )
}

/// `/illustrationer/{kind}.svg` and `/illustrationer/{kind}.png`: the illustration of a kind of
/// activity (`app::calendar::ActivityKind`), as pages show it and, as PNG, for the sites a link
/// is shared on. Any other name is the 404 page; the PNGs are drawn once, on the CPU budget's
/// threads.
async fn illustration(Params(file): Params<String>) -> Result<Response, PageError> {
    use app::{calendar::ActivityKind, images::drawn};
    let (name, extension) = file.rsplit_once('.').ok_or(PageError::NotFound)?;
    let kind = ActivityKind::parse(name).ok_or(PageError::NotFound)?;
    let (content_type, body) = match extension {
        "svg" => (
            "image/svg+xml",
            drawn::illustration(kind).as_bytes().to_vec(),
        ),
        "png" => (
            "image/png",
            app::cpu::run(move || drawn::share_png(kind))
                .await
                .ok_or(PageError::NotFound)?,
        ),
        _ => return Err(PageError::NotFound),
    };
    Ok((
        [
            (header::CONTENT_TYPE, content_type),
            // They change only with a new version of the portal.
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        body,
    )
        .into_response())
}

/// Creates an activity (`…/ny`) or changes one, then shows it.
async fn save_activity(
    cx: Ctx,
    staff: Staff,
    editing: Editing,
    upload: UploadForm<ActivityForm>,
) -> Result<Redirect, PageError> {
    let page = editing.page("/personale/aktiviteter");
    let id = editing.id();
    let form = upload.with_cover(cx.lang, &page).await?;
    let saved = calendar::save_activity(&cx.db, cx.lang, staff.id, &form, id, clock::now());
    let id = saved.await.on_page(&page)?.ok_or(PageError::NotFound)?;
    let notice = if editing == Editing::New {
        "oprettet"
    } else {
        "gemt"
    };
    Ok(Redirect::to(&format!(
        "/personale/aktiviteter/{id}?besked={notice}"
    )))
}

async fn add_exception(
    cx: Ctx,
    staff: Staff,
    Params(id): Params<Id>,
    PostedForm(form): PostedForm<ExceptionForm>,
) -> Result<Redirect, PageError> {
    let id = id.get();
    let activity = calendar::activity(&cx.db, id).await?;
    let page = format!("/personale/aktiviteter/{id}");
    calendar::add_exception(&cx.db, cx.lang, staff.id, &activity, &form, clock::now())
        .await
        .on_page(&page)?;
    Ok(Redirect::to(&format!(
        "{page}?besked=undtagelse-gemt#undtagelser"
    )))
}

async fn delete_exception(
    cx: Ctx,
    staff: Staff,
    Params((id, exception)): Params<(Id, Id)>,
) -> Result<Redirect, PageError> {
    let (id, exception) = (id.get(), exception.get());
    let page = format!("/personale/aktiviteter/{id}");
    let deleted = calendar::delete_exception(&cx.db, staff.id, id, exception, clock::now())
        .await
        .on_page(&page)?;
    if !deleted {
        return Err(PageError::NotFound);
    }
    Ok(Redirect::to(&format!(
        "{page}?besked=undtagelse-slettet#undtagelser"
    )))
}

/// How far back and ahead a feed reaches.
const PAST_DAYS: i64 = 31;
const FUTURE_DAYS: i64 = 366;

fn feed_window() -> (NaiveDate, NaiveDate) {
    let today = clock::today();
    (
        today - Duration::days(PAST_DAYS),
        today + Duration::days(FUTURE_DAYS),
    )
}

fn calendar_response(body: String, filename: &str) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{filename}\""),
            ),
            (header::CACHE_CONTROL, "public, max-age=300".to_owned()),
        ],
        body,
    )
        .into_response()
}

/// `/kalender.ics`.
///
/// A year of every activity's dates is hundreds of events: working them out and writing them
/// is a CPU job (`app::cpu`), so a flood of feed requests waits for its turn instead of taking
/// the async workers from everyone else.
async fn whole_calendar(cx: Ctx) -> Result<Response, PageError> {
    let (from, to) = feed_window();
    let schedule = cx.db.calendar().schedule().await?;
    let (name, public_url) = (cx.site.name.clone(), cx.public_url.to_string());
    let body = app::cpu::run(move || {
        let occurrences = schedule.occurrences(from, to, &Filter::default());
        ics::feed(&name, &public_url, &occurrences)
    })
    .await;
    Ok(calendar_response(body, "kalender.ics"))
}

/// Middleware: answers `/aktiviteter/{slug}.ics` before routing.
pub async fn activity_feeds(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let slug = request
        .uri()
        .path()
        .strip_prefix("/aktiviteter/")
        .and_then(|rest| rest.strip_suffix(".ics"))
        .filter(|slug| !slug.is_empty() && !slug.contains('/'))
        .map(str::to_owned);
    let Some(slug) = slug else {
        return next.run(request).await;
    };
    let asked = request.uri().query().and_then(|query| {
        url::form_urlencoded::parse(query.as_bytes())
            .find(|(name, _)| name == "dato")
            .map(|(_, value)| value.into_owned())
    });
    // A date that does not read, or lies outside the window, names no feed: the page routes
    // answer with the 404 page.
    let date = match asked {
        None => None,
        Some(text) => match DateWindow::today().date(&text) {
            Some(date) => Some(date),
            None => return next.run(request).await,
        },
    };
    match activity_feed(&state, &slug, date).await {
        Ok(Some(response)) => response,
        Ok(None) => next.run(request).await,
        Err(err) => {
            tracing::error!(error = %err, "a calendar feed could not be made");
            crate::render::internal_error(&state)
        }
    }
}

/// The feed of one activity, or of one of its dates; None if there is no such thing (the
/// request then goes on to the page routes and their 404).
async fn activity_feed(
    state: &AppState,
    slug: &str,
    date: Option<NaiveDate>,
) -> Result<Option<Response>, sqlx::Error> {
    let Some(activity) = state.db.calendar().activity_by_slug(slug).await? else {
        return Ok(None);
    };
    let name = format!("{} – {}", activity.name, state.site.name);
    let public_url = state.public_url.to_string();
    let (body, filename) = match date {
        Some(date) => {
            let key = OccurrenceKey {
                activity_slug: slug.to_owned(),
                date,
            };
            let Some((_, occurrence)) = state.db.calendar().occurrence_by_key(&key).await? else {
                return Ok(None);
            };
            let site = &state.site.name;
            let body = ics::date_file(site, &public_url, &activity.name, &occurrence);
            (body, format!("{slug}-{date}.ics"))
        }
        None => {
            let exceptions = state.db.calendar().exceptions_of(activity.id).await?;
            let (from, to) = feed_window();
            // A year of dates: a CPU job, like the whole calendar's.
            let body = app::cpu::run(move || {
                let occurrences = occurrences_of(&activity, &exceptions, from, to);
                ics::feed(&name, &public_url, &occurrences)
            })
            .await;
            (body, format!("{slug}.ics"))
        }
    };
    Ok(Some(calendar_response(body, &filename)))
}
