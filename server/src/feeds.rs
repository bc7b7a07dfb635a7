//! The iCalendar feeds: `/kalender.ics` (everything), `/aktiviteter/{slug}.ics` (one activity)
//! and `/aktiviteter/{slug}.ics?dato=YYYY-MM-DD` (one date, for "add to my calendar").
//!
//! `/aktiviteter/{slug}.ics` has the shape of the activity page's route, so it is answered by a
//! middleware that looks at the path before routing hands it to the page.

use app::calendar::{
    api::today,
    ics,
    occurrences::{occurrences_of, Filter},
    OccurrenceKey,
};
use axum::{
    extract::{Request, State},
    http::{header, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use chrono::{Duration, NaiveDate};

use crate::AppState;

/// How far back and ahead a feed reaches.
const PAST_DAYS: i64 = 31;
const FUTURE_DAYS: i64 = 366;

fn window() -> (NaiveDate, NaiveDate) {
    let today = today();
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

fn failed(err: sqlx::Error) -> Response {
    tracing::error!(error = %err, "a calendar feed could not be made");
    (StatusCode::INTERNAL_SERVER_ERROR, "Noget gik galt.\n").into_response()
}

/// `/kalender.ics`.
pub async fn whole_calendar(State(state): State<AppState>) -> Response {
    let (from, to) = window();
    match state
        .db
        .occurrences_between(from, to, &Filter::default())
        .await
    {
        Ok(occurrences) => calendar_response(
            ics::feed(&state.site.name, state.public_url.as_str(), &occurrences),
            "kalender.ics",
        ),
        Err(err) => failed(err),
    }
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
    let date = request.uri().query().and_then(|query| {
        url::form_urlencoded::parse(query.as_bytes())
            .find(|(name, _)| name == "dato")
            .and_then(|(_, value)| NaiveDate::parse_from_str(&value, "%Y-%m-%d").ok())
    });
    match activity_feed(&state, &slug, date).await {
        Ok(Some(response)) => response,
        Ok(None) => next.run(request).await,
        Err(err) => failed(err),
    }
}

/// The feed of one activity, or of one of its dates; None if there is no such thing (the
/// request then goes on to the page routes and their 404).
async fn activity_feed(
    state: &AppState,
    slug: &str,
    date: Option<NaiveDate>,
) -> Result<Option<Response>, sqlx::Error> {
    let Some(activity) = state.db.activity_by_slug(slug).await? else {
        return Ok(None);
    };
    let occurrences = match date {
        Some(date) => {
            let key = OccurrenceKey {
                activity_slug: slug.to_owned(),
                date,
            };
            match state.db.occurrence(&key).await? {
                Some((_, occurrence)) => vec![occurrence],
                None => return Ok(None),
            }
        }
        None => {
            let exceptions = state.db.exceptions_of(activity.id).await?;
            let (from, to) = window();
            occurrences_of(&activity, &exceptions, from, to)
        }
    };
    let name = format!("{} – {}", activity.name, state.site.name);
    let filename = match date {
        Some(date) => format!("{slug}-{date}.ics"),
        None => format!("{slug}.ics"),
    };
    Ok(Some(calendar_response(
        ics::feed(&name, state.public_url.as_str(), &occurrences),
        &filename,
    )))
}
