//! Demo content for a newcomer's first look: the site Randers Nordby with its housing areas,
//! focus areas and venues. It is loaded only into an empty database, and only when asked
//! (`NABOSKAB_DEMO=1`). The texts are written for this demo; the contact address is fictional.

use crate::{
    db::Db,
    site::{
        queries::{BaseData, NewVenue},
        SiteInfo,
    },
};

const INTRO: &str = "Her kan du læse nyheder fra kvarteret og Nordbyposten, se hvornår der er \
fællesspisning, babycafé og andre aktiviteter, og tilmelde dig – uden at oprette en profil.\n\n\
Hjemmesiden laves af beboere og af Bysekretariatet sammen.";

const HOUSING_AREAS: &[&str] = &["Gl. Jennumparken", "Glarbjergvej-området", "Vangdalen"];

const FOCUS_AREAS: &[(&str, &str)] = &[
    (
        "uddannelse-beskaeftigelse-og-erhverv",
        "Uddannelse, beskæftigelse og erhverv",
    ),
    ("boern-unge-og-familie", "Børn, unge og familie"),
    (
        "beboernetvaerk-inddragelse-og-demokrati",
        "Beboernetværk, inddragelse og demokrati",
    ),
    ("image-og-kommunikation", "Image og kommunikation"),
    ("udsatte-grupper", "Udsatte grupper"),
    ("sundhed", "Sundhed"),
    ("evaluering", "Evaluering"),
];

const VENUES: &[NewVenue<'static>] = &[
    NewVenue {
        slug: "parkcafeen",
        name: "ParkCafeen",
        address: "Gl. Jennumparken",
        description: "Kvarterets café og køkken. Her holder vi fællesspisning og babycafé.",
        accessibility: "Indgang uden trin. Handicaptoilet.",
    },
    NewVenue {
        slug: "parken",
        name: "Parken",
        address: "Gl. Jennumparken",
        description: "Beboerforeningens værested. Kig ind til en kop kaffe.",
        accessibility: "Indgang uden trin.",
    },
    NewVenue {
        slug: "bysekretariatet",
        name: "Bysekretariatet",
        address: "Randers Nordby",
        description: "Boligsociale medarbejdere. Her kan du få hjælp og stille spørgsmål.",
        accessibility: "Elevator til første sal.",
    },
    NewVenue {
        slug: "nordre-faelled",
        name: "Nordre Fælled",
        address: "Randers Nordby",
        description: "Det store grønne område. Her spiller vi fodbold om sommeren.",
        accessibility: "Stier med grus.",
    },
];

fn site() -> SiteInfo {
    SiteInfo {
        name: "Randers Nordby".into(),
        organisation: "Bysekretariatet".into(),
        magazine_name: "Nordbyposten".into(),
        intro: INTRO.into(),
        contact_email: "bysekretariatet@example.org".into(),
        contact_phone: String::new(),
        contact_address: "Bysekretariatet, Randers Nordby".into(),
    }
}

/// Loads the demo content if the database has no base data yet. Returns whether it did.
pub async fn load_if_empty(db: &Db) -> Result<bool, sqlx::Error> {
    if !db.base_data_is_empty().await? {
        return Ok(false);
    }
    db.insert_base_data(&BaseData {
        site: site(),
        housing_areas: HOUSING_AREAS,
        focus_areas: FOCUS_AREAS,
        venues: VENUES,
    })
    .await?;
    Ok(true)
}
