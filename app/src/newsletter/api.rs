//! The server functions of the newsletter's pages: a subscriber's private page (anyone with the
//! link, nobody without it), a sent newsletter's web page and the archive (public), and the
//! staff's page.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::{Edition, Settings, Subscriber};
use crate::visible::Visible;

/// What a subscriber's private page shows: the subscriber with its choice, and what it may
/// choose from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubscriptionPage {
    pub subscriber: Subscriber,
    pub activities: Vec<(i64, String)>,
    pub focus_areas: Vec<(i64, String)>,
}

/// The subscriber of a private link, as `service::linked` loads it.
#[server(endpoint = "abonnement")]
pub async fn load_subscription(token: String) -> Result<Visible<SubscriptionPage>, ServerFnError> {
    use crate::errors::{db_from_context, internal, visible};
    let db = db_from_context()?;
    let now = crate::clock::now();
    let subscriber = match super::service::linked(&db, &token, now).await {
        Ok(subscriber) => subscriber,
        Err(refusal) => return visible(Err(refusal)),
    };
    let mut activities: Vec<(i64, String)> = db
        .calendar()
        .list_activities()
        .await
        .map_err(internal)?
        .into_iter()
        .map(|activity| (activity.id, activity.name))
        .collect();
    activities.sort_by(|a, b| a.1.cmp(&b.1));
    let year = chrono::Datelike::year(&crate::clock::local_date(now));
    let focus_areas = db
        .site()
        .current_focus_area_choices(year, None)
        .await
        .map_err(internal)?;
    Ok(Visible::Shown(SubscriptionPage {
        subscriber,
        activities,
        focus_areas,
    }))
}

/// A sent newsletter as its web page shows it: everything, not one subscriber's choice.
#[server(endpoint = "nyhedsbrev")]
pub async fn load_newsletter(week: String) -> Result<Option<Edition>, ServerFnError> {
    use crate::errors::{db_from_context, internal};
    let Some(week) = super::Week::parse(&week) else {
        return Ok(None);
    };
    let db = db_from_context()?;
    let Some(sent) = db.newsletter().newsletter(week).await.map_err(internal)? else {
        return Ok(None);
    };
    super::service::edition(&db, week, sent.note, (sent.news_since, sent.queued_at))
        .await
        .map(Some)
        .map_err(internal)
}

/// One newsletter in the archive.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArchivedNewsletter {
    pub week: super::Week,
}

/// Every newsletter sent, the newest first.
#[server(endpoint = "nyhedsbreve")]
pub async fn load_archive() -> Result<Vec<ArchivedNewsletter>, ServerFnError> {
    use crate::errors::{db_from_context, internal};
    let sent = db_from_context()?
        .newsletter()
        .newsletters()
        .await
        .map_err(internal)?;
    Ok(sent
        .into_iter()
        .filter_map(|sent| {
            Some(ArchivedNewsletter {
                week: super::Week::parse(&sent.week)?,
            })
        })
        .collect())
}

/// What the staff's newsletter page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffNewsletterPage {
    pub settings: Settings,
    pub subscribers: i64,
    /// The paused addresses, with the Danish date each was paused.
    pub paused: Vec<(String, chrono::NaiveDate)>,
    /// The newsletters sent, the newest first, with their recipients.
    pub sent: Vec<(super::Week, i64)>,
    /// The next newsletter as it would go now (every date), for the preview.
    pub next: Edition,
}

/// The staff's newsletter page.
#[server(prefix = "/personale/api", endpoint = "nyhedsbrev")]
pub async fn load_staff_newsletter() -> Result<StaffNewsletterPage, ServerFnError> {
    use crate::{
        accounts::{api::require, Role},
        errors::{db_from_context, internal},
    };
    require(Role::Staff)?;
    let db = db_from_context()?;
    let queries = db.newsletter();
    let settings = queries.settings().await.map_err(internal)?;
    let (subscribers, _) = queries.subscriber_counts().await.map_err(internal)?;
    let paused = queries
        .paused()
        .await
        .map_err(internal)?
        .into_iter()
        .map(|paused| (paused.email, crate::clock::local_date(paused.paused_at)))
        .collect();
    let newsletters = queries.newsletters().await.map_err(internal)?;
    let now = crate::clock::now();
    let since = newsletters
        .first()
        .map_or(now - chrono::Duration::days(7), |last| last.queued_at);
    let sent = newsletters
        .into_iter()
        .filter_map(|sent| Some((super::Week::parse(&sent.week)?, sent.recipients)))
        .collect();
    // The next newsletter: this week's if it has not gone yet, else next week's.
    let today = crate::clock::local_date(now);
    let this_week = super::Week::of(today);
    let week = if queries
        .newsletter(this_week)
        .await
        .map_err(internal)?
        .is_some()
    {
        super::Week::of(today + chrono::Duration::days(7))
    } else {
        this_week
    };
    let mut next = super::service::edition(&db, week, settings.note.clone(), (since, now))
        .await
        .map_err(internal)?;
    next.sent_on = None;
    Ok(StaffNewsletterPage {
        settings,
        subscribers,
        paused,
        sent,
        next,
    })
}
