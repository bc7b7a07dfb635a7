//! The site itself and the base data every feature shares: housing areas, focus areas
//! (indsatsområder) and venues (steder). All of it is data, so one build serves any neighbourhood.

#[cfg(feature = "ssr")]
pub mod queries;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The site's name, organisation and contact details, shown in the page shell.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct SiteInfo {
    pub name: String,
    pub organisation: String,
    pub magazine_name: String,
    pub intro: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub contact_address: String,
}

/// The site's public address (no trailing slash), for canonical and Open Graph tags.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PublicUrl(pub String);

/// What the admin's staff home says about the nightly backups. The server, which knows the
/// backup folder, puts it in the context of an admin's pages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupReport {
    /// No backup folder is set.
    Off,
    /// The newest copy is recent: its file name, when it was written (Danish local time) and
    /// its size in bytes.
    Ok {
        file: String,
        written: String,
        bytes: u64,
    },
    /// No copy within the last day and night; the newest there is, if any.
    Missing { newest: Option<String> },
    /// The last run failed, for this reason.
    Failed { reason: String },
}

/// A housing area (boligområde) of the neighbourhood.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct HousingArea {
    pub id: i64,
    pub name: String,
    pub position: i64,
}

/// A focus area (indsatsområde) of the neighbourhood's plan; activities report under one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct FocusArea {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub position: i64,
}

/// A place where activities happen (sted).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Venue {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub address: String,
    pub description: String,
    pub accessibility: String,
}

/// What the front page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrontPage {
    pub housing_areas: Vec<HousingArea>,
    pub venues: Vec<Venue>,
}

/// Loads what the front page shows.
#[server(endpoint = "forside")]
pub async fn load_front_page() -> Result<FrontPage, ServerFnError> {
    use crate::errors::internal;
    let db = crate::errors::db_from_context()?;
    let housing_areas = db.site().list_housing_areas().await.map_err(internal)?;
    let venues = db.site().list_venues().await.map_err(internal)?;
    Ok(FrontPage {
        housing_areas,
        venues,
    })
}
