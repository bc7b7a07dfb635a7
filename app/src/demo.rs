//! Demo content for a newcomer's first look: the site Randers Nordby with its housing areas,
//! focus areas and venues, and an admin, a staff member and a citizen journalist to log in as.
//! It is loaded only into an empty database, and only when asked (`NABOSKAB_DEMO=1`). The texts
//! are written for this demo; the contact address is fictional.

use crate::{
    accounts::{password::Password, EmailAddress, Role},
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

/// The demo accounts: email, name, role and password. README.md lists them; never load demo
/// content into a site that is open to the public.
pub const ACCOUNTS: &[(&str, &str, Role, &str)] = &[
    (
        "admin@nordby.example",
        "Lars Holm",
        Role::Admin,
        "kaffe-i-parkcafeen-admin",
    ),
    (
        "medarbejder@nordby.example",
        "Mette Jensen",
        Role::Staff,
        "kaffe-i-parkcafeen",
    ),
    (
        "journalist@nordby.example",
        "Yusuf Ali",
        Role::Journalist,
        "nordbyposten-skriver",
    ),
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

/// Loads the demo content into what is empty: the base data if there is none, the demo
/// accounts if there are no accounts. Returns whether it loaded anything.
pub async fn load_if_empty(db: &Db) -> Result<bool, sqlx::Error> {
    let mut loaded = false;
    if db.base_data_is_empty().await? {
        db.insert_base_data(&BaseData {
            site: site(),
            housing_areas: HOUSING_AREAS,
            focus_areas: FOCUS_AREAS,
            venues: VENUES,
        })
        .await?;
        loaded = true;
    }
    if db.count_accounts().await? == 0 {
        let now = chrono::Utc::now();
        for (email, name, role, password) in ACCOUNTS {
            let email = EmailAddress::parse(email).expect("a valid demo address");
            let hash = Password::parse(password, &[])
                .expect("demo passwords meet the policy")
                .hash();
            db.create_account(&email, name, *role, &hash, now).await?;
        }
        loaded = true;
    }
    Ok(loaded)
}
