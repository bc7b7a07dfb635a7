//! Demo content for a newcomer's first look: the site Randers Nordby with its housing areas,
//! focus areas and venues, the calendar's activities as such a neighbourhood has them (communal
//! dinners, a weekly baby café, courses), and an admin, a staff member and a citizen journalist
//! to log in as, with two submissions of the journalist (one waiting for review, one a draft),
//! a year and a half of the website's visitor figures, and the report's material of last year
//! and this: the focus areas' goals, success criteria with targets and values, the press log, an
//! introduction, and sixteen more citizen journalists' published contributions (about 90 a
//! year), with pictures drawn by the portal's own code. It is loaded only into an empty database,
//! and only when asked (`NABOSKAB_DEMO=1`). The texts are written for this demo; the contact
//! address is fictional.

use std::collections::HashMap;

use crate::{
    accounts::{password::Password, EmailAddress, Role},
    calendar::{queries::NewActivity, ExceptionKind, SignupMode},
    db::Db,
    images::{
        drawn,
        process::{self, Variant},
    },
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

/// The demo admin's authenticator key (README.md gives it too): admins must log in with a
/// second step, so the demo's admin has one an app can be set up with.
pub const ADMIN_TWO_FACTOR_KEY: &str = "NORDBYNORDBYNORDBYNORDBYNORDBY22";

/// A demo activity, with its focus area and venue by slug and its times as numbers.
struct DemoActivity {
    slug: &'static str,
    name: &'static str,
    description: &'static str,
    focus_area: &'static str,
    venue: Option<&'static str>,
    starts_on: (i32, u32, u32),
    start: (u32, u32),
    end: (u32, u32),
    rule: &'static str,
    capacity: Option<i64>,
    signup: SignupMode,
    price: &'static str,
}

const ACTIVITIES: &[DemoActivity] = &[
    DemoActivity {
        slug: "faellesspisning-parkcafeen",
        name: "Fællesspisning i ParkCafeen",
        description:
            "Vi laver mad sammen og spiser sammen. Alle er velkomne, også hvis du ikke kender \
nogen endnu. Fortæl os gerne om allergi, når du tilmelder dig.",
        focus_area: "beboernetvaerk-inddragelse-og-demokrati",
        venue: Some("parkcafeen"),
        starts_on: (2025, 1, 30),
        start: (17, 30),
        end: (19, 30),
        rule: "FREQ=MONTHLY;BYDAY=-1TH",
        capacity: Some(40),
        signup: SignupMode::Required,
        price: "20 kr. for voksne, gratis for børn",
    },
    DemoActivity {
        slug: "babycafe",
        name: "Babycafé",
        description: "For forældre på barsel og deres babyer. Vi drikker kaffe, snakker og leger. \
Nogle gange kommer en sundhedsplejerske og fortæller om et emne, fx førstehjælp til små børn, \
babymassage eller mad og sundhed.",
        focus_area: "boern-unge-og-familie",
        venue: Some("parkcafeen"),
        starts_on: (2025, 1, 7),
        start: (9, 30),
        end: (11, 30),
        rule: "FREQ=WEEKLY;BYDAY=TU",
        capacity: None,
        signup: SignupMode::None,
        price: "Gratis",
    },
    DemoActivity {
        slug: "nabofest",
        name: "Nabofest",
        description: "Den store julefest for hele kvarteret, med mad, musik og juletræ. Sidste år \
kom over 70 naboer.",
        focus_area: "beboernetvaerk-inddragelse-og-demokrati",
        venue: Some("parken"),
        starts_on: (2026, 12, 12),
        start: (14, 0),
        end: (18, 0),
        rule: "",
        capacity: Some(120),
        signup: SignupMode::Optional,
        price: "Gratis",
    },
    DemoActivity {
        slug: "lektiehjaelp-for-voksne",
        name: "Lektiehjælp for voksne",
        description:
            "Hjælp til lektier, breve fra kommunen og ansøgninger. Frivillige hjælper dig.",
        focus_area: "uddannelse-beskaeftigelse-og-erhverv",
        venue: Some("bysekretariatet"),
        starts_on: (2025, 1, 8),
        start: (16, 0),
        end: (18, 0),
        rule: "FREQ=WEEKLY;BYDAY=WE",
        capacity: None,
        signup: SignupMode::None,
        price: "Gratis",
    },
    DemoActivity {
        slug: "jobklub",
        name: "Jobklub",
        description: "Vi skriver ansøgninger og CV sammen og øver os til jobsamtaler.",
        focus_area: "uddannelse-beskaeftigelse-og-erhverv",
        venue: Some("bysekretariatet"),
        starts_on: (2025, 1, 9),
        start: (10, 0),
        end: (12, 0),
        rule: "FREQ=WEEKLY;BYDAY=TH",
        capacity: None,
        signup: SignupMode::None,
        price: "Gratis",
    },
    DemoActivity {
        slug: "pc-undervisning",
        name: "PC-undervisning",
        description: "Lær at bruge computer, MitID, e-Boks og borger.dk. Tag gerne din egen \
computer eller telefon med.",
        focus_area: "uddannelse-beskaeftigelse-og-erhverv",
        venue: Some("bysekretariatet"),
        starts_on: (2025, 1, 6),
        start: (13, 0),
        end: (15, 0),
        rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO",
        capacity: Some(8),
        signup: SignupMode::Required,
        price: "Gratis",
    },
    DemoActivity {
        slug: "danskundervisning",
        name: "Danskundervisning",
        description: "Vi taler dansk sammen og øver ord til hverdagen. Alle niveauer.",
        focus_area: "uddannelse-beskaeftigelse-og-erhverv",
        venue: Some("parken"),
        starts_on: (2025, 1, 6),
        start: (10, 0),
        end: (12, 0),
        rule: "FREQ=WEEKLY;BYDAY=MO,WE",
        capacity: None,
        signup: SignupMode::None,
        price: "Gratis",
    },
    DemoActivity {
        slug: "madklub-for-boern-og-unge",
        name: "Madklub for børn og unge",
        description: "Børn og unge fra 10 til 15 år laver mad sammen og spiser den bagefter.",
        focus_area: "boern-unge-og-familie",
        venue: Some("parkcafeen"),
        starts_on: (2025, 1, 8),
        start: (15, 30),
        end: (17, 30),
        rule: "FREQ=WEEKLY;BYDAY=WE",
        capacity: Some(15),
        signup: SignupMode::Required,
        price: "Gratis",
    },
    DemoActivity {
        slug: "fodboldskole",
        name: "Fodboldskole",
        description: "Fodbold for børn hele sommeren. Trænere fra den lokale klub.",
        focus_area: "boern-unge-og-familie",
        venue: Some("nordre-faelled"),
        starts_on: (2027, 6, 7),
        start: (16, 0),
        end: (17, 30),
        rule: "FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20270825T235959Z",
        capacity: Some(25),
        signup: SignupMode::Required,
        price: "Gratis",
    },
    DemoActivity {
        slug: "tryghedsvandring",
        name: "Tryghedsvandring",
        description: "Vi går en tur i kvarteret sammen med boligselskabet og politiet og ser på, \
hvor der kan blive mere trygt, fx med bedre lys.",
        focus_area: "udsatte-grupper",
        venue: Some("bysekretariatet"),
        starts_on: (2025, 3, 4),
        start: (19, 0),
        end: (20, 30),
        rule: "FREQ=MONTHLY;BYDAY=1TU",
        capacity: None,
        signup: SignupMode::None,
        price: "Gratis",
    },
    DemoActivity {
        slug: "linedance",
        name: "Linedance",
        description: "Beboerforeningens linedance. Ingen erfaring nødvendig.",
        focus_area: "sundhed",
        venue: Some("parken"),
        starts_on: (2025, 1, 9),
        start: (19, 0),
        end: (21, 0),
        rule: "FREQ=WEEKLY;BYDAY=TH",
        capacity: None,
        signup: SignupMode::None,
        price: "10 kr. pr. gang",
    },
    DemoActivity {
        slug: "svoemning",
        name: "Svømning",
        description: "Beboerforeningens svømmehold i Randers Svømmehal. Vi mødes ved indgangen.",
        focus_area: "sundhed",
        venue: None,
        starts_on: (2025, 1, 12),
        start: (10, 0),
        end: (11, 0),
        rule: "FREQ=WEEKLY;BYDAY=SU",
        capacity: None,
        signup: SignupMode::None,
        price: "Egen billet til svømmehallen",
    },
];

/// Loads the demo activities with a few exceptions: the summer break of the communal dinner,
/// the baby café's Christmas break, and the job club moved away from Christmas Eve.
/// The summaries staff wrote for the readers of English and Arabic: the communal dinner and
/// the baby café have them, so a newcomer sees how they show.
fn demo_summaries(slug: &str) -> Vec<(crate::i18n::Lang, String)> {
    use crate::i18n::Lang;
    let texts: &[(Lang, &str)] = match slug {
        "faellesspisning-parkcafeen" => &[
            (
                Lang::EN,
                "We cook and eat together once a month. Everyone is welcome. Adults pay a \
                 little, children eat for free. Sign up so we know how much food to make.",
            ),
            (
                Lang::AR,
                "نطبخ ونأكل معًا مرة في الشهر. الجميع مرحَّب بهم. يدفع البالغون مبلغًا صغيرًا، \
                 ويأكل الأطفال مجانًا. سجِّلوا حتى نعرف كم طعامًا نحضّر.",
            ),
        ],
        "babycafe" => &[
            (
                Lang::EN,
                "For parents with small children. Have a cup of coffee, meet other parents and \
                 ask the health visitor. Just come, no sign-up.",
            ),
            (
                Lang::AR,
                "للآباء والأمهات مع أطفال صغار. اشربوا القهوة، وتعرّفوا على آباء آخرين، واسألوا \
                 الممرضة الصحية. تعالوا فقط، لا حاجة للتسجيل.",
            ),
        ],
        _ => &[],
    };
    texts
        .iter()
        .map(|(lang, text)| (*lang, (*text).to_owned()))
        .collect()
}

/// The kind of each demo activity, by slug: which illustration it shows without a photo.
fn demo_kind(slug: &str) -> crate::calendar::ActivityKind {
    use crate::calendar::ActivityKind;
    match slug {
        "faellesspisning-parkcafeen" | "madklub-for-boern-og-unge" => ActivityKind::Meal,
        "babycafe" => ActivityKind::BabyCafe,
        "nabofest" => ActivityKind::Party,
        "lektiehjaelp-for-voksne" | "pc-undervisning" | "danskundervisning" => {
            ActivityKind::Learning
        }
        "fodboldskole" | "linedance" | "svoemning" => ActivityKind::Sport,
        "tryghedsvandring" => ActivityKind::Walk,
        _ => ActivityKind::Meeting,
    }
}

/// How the demo's pictures are described for those who cannot see them, by their seed's sky
/// (see `images::drawn::demo_scene`).
const SCENE_ALT: [&str; 4] = [
    "Tegning: boligblokke i Randers Nordby en solskinsdag, med træer og en sti",
    "Tegning: boligblokke i Randers Nordby i aftensol, med træer og en sti",
    "Tegning: boligblokke i Randers Nordby i skumringen, med lys i vinduerne",
    "Tegning: boligblokke i Randers Nordby en vinterdag, med træer og en sti",
];

/// The seeds of the demo's pictures: the activities' (see [`ACTIVITY_PICTURES`]) and one per
/// article (4 on).
fn demo_seeds() -> impl Iterator<Item = u32> {
    ACTIVITY_PICTURES
        .iter()
        .map(|(_, seed)| *seed)
        .chain((0..ARTICLES.len() as u32).map(|n| n + 4))
}

/// The variants of every demo picture, drawn once per process (on the CPU budget's threads) and
/// kept: a process that loads the demo into many databases (the tests) draws them once, and
/// loads that start at the same moment wait for the one drawing rather than each drawing.
async fn demo_variants() -> Result<&'static HashMap<u32, Vec<Variant>>, sqlx::Error> {
    static DRAWN: tokio::sync::OnceCell<HashMap<u32, Vec<Variant>>> =
        tokio::sync::OnceCell::const_new();
    DRAWN
        .get_or_try_init(|| async {
            crate::cpu::run(|| {
                demo_seeds()
                    .map(|seed| {
                        let variants =
                            drawn::demo_png(seed).and_then(|png| process::variants(&png).ok());
                        variants.map(|variants| (seed, variants))
                    })
                    .collect::<Option<HashMap<_, _>>>()
            })
            .await
            .ok_or_else(|| sqlx::Error::Protocol("a demo picture did not draw".into()))
        })
        .await
}

/// Stores the demo picture of `seed` (drawn by `images::drawn`) through the same variants as an
/// upload; returns its id and description.
async fn demo_picture(db: &Db, seed: u32) -> Result<(i64, String), sqlx::Error> {
    let variants = demo_variants()
        .await?
        .get(&seed)
        .ok_or_else(|| sqlx::Error::Protocol("no demo picture of this seed".into()))?;
    let id = db
        .images()
        .save_image(None, variants, crate::clock::now())
        .await?;
    Ok((id, SCENE_ALT[seed as usize % SCENE_ALT.len()].to_owned()))
}

/// The demo activities that have a photo of their own, with the seed of its picture; the others
/// show their kind's illustration.
const ACTIVITY_PICTURES: [(&str, u32); 2] = [("nabofest", 2), ("tryghedsvandring", 3)];

async fn load_activities(db: &Db, earlier_years: u32) -> Result<(), sqlx::Error> {
    use chrono::{NaiveDate, NaiveTime};
    let date = |(y, m, d): (i32, u32, u32)| NaiveDate::from_ymd_opt(y, m, d).expect("a demo date");
    let first_date = |(y, m, d): (i32, u32, u32)| {
        let year = y - i32::try_from(earlier_years).unwrap_or(0);
        // The 29th of February moves to the 28th in a year without it.
        NaiveDate::from_ymd_opt(year, m, d)
            .or_else(|| NaiveDate::from_ymd_opt(year, m, d - 1))
            .expect("a demo date")
    };
    let time = |(h, m): (u32, u32)| NaiveTime::from_hms_opt(h, m, 0).expect("a demo time");
    let focus_areas = db.site().list_focus_areas().await?;
    let venues = db.site().list_venues().await?;
    let now = crate::clock::now();
    for demo in ACTIVITIES {
        let picture = match ACTIVITY_PICTURES
            .iter()
            .find(|(slug, _)| *slug == demo.slug)
        {
            Some((_, seed)) => Some(demo_picture(db, *seed).await?),
            None => None,
        };
        let activity = NewActivity {
            slug: demo.slug.into(),
            name: demo.name.into(),
            description: demo.description.into(),
            focus_area_id: focus_areas
                .iter()
                .find(|area| area.slug == demo.focus_area)
                .map(|area| area.id),
            venue_id: demo
                .venue
                .and_then(|slug| venues.iter().find(|venue| venue.slug == slug))
                .map(|venue| venue.id),
            starts_on: first_date(demo.starts_on),
            start_time: time(demo.start),
            end_time: time(demo.end),
            rule: demo.rule.into(),
            capacity: demo.capacity,
            max_party: crate::calendar::DEFAULT_MAX_PARTY,
            signup_mode: demo.signup,
            price_note: demo.price.into(),
            accessibility_note: String::new(),
            contact: "Bysekretariatet".into(),
            summaries: demo_summaries(demo.slug),
            kind: demo_kind(demo.slug),
            cover_image_id: picture.as_ref().map(|(id, _)| *id),
            cover_alt: picture.map(|(_, alt)| alt).unwrap_or_default(),
        };
        let id = db.calendar().create_activity(None, &activity, now).await?;
        let exceptions: &[((i32, u32, u32), ExceptionKind, &str)] = match demo.slug {
            "faellesspisning-parkcafeen" => &[
                ((2025, 7, 31), ExceptionKind::Cancelled, "Sommerferie"),
                ((2026, 7, 30), ExceptionKind::Cancelled, "Sommerferie"),
            ],
            "babycafe" => &[
                ((2025, 12, 23), ExceptionKind::Cancelled, "Juleferie"),
                ((2025, 12, 30), ExceptionKind::Cancelled, "Juleferie"),
                ((2026, 12, 22), ExceptionKind::Cancelled, "Juleferie"),
                ((2026, 12, 29), ExceptionKind::Cancelled, "Juleferie"),
            ],
            "jobklub" => &[(
                (2026, 12, 24),
                ExceptionKind::Moved {
                    to: date((2026, 12, 23)),
                    start: time((10, 0)),
                    end: time((12, 0)),
                },
                "Flyttet til onsdag på grund af juleaften",
            )],
            _ => &[],
        };
        for (on, kind, reason) in exceptions {
            db.calendar()
                .set_exception(None, id, date(*on), kind, reason, now)
                .await?;
        }
    }
    Ok(())
}

/// How many came to a demo activity each time: adults, children and volunteers as ranges, and
/// whether residents signed up (then most adults and children came as signed-up parties).
#[derive(Clone)]
struct Turnout {
    adults: (i64, i64),
    children: (i64, i64),
    volunteers: (i64, i64),
    signups: bool,
}

fn turnout(slug: &str) -> Option<Turnout> {
    let (adults, children, volunteers, signups) = match slug {
        // About 34 residents and 2 volunteers each time, as at a real communal dinner.
        "faellesspisning-parkcafeen" => ((20, 26), (6, 12), (2, 3), true),
        "pc-undervisning" => ((4, 8), (0, 0), (1, 1), true),
        // About 8 mothers with their babies.
        "babycafe" => ((6, 10), (6, 10), (1, 1), false),
        "lektiehjaelp-for-voksne" => ((4, 9), (0, 0), (2, 3), false),
        "jobklub" => ((5, 10), (0, 0), (1, 2), false),
        "danskundervisning" => ((6, 14), (0, 0), (2, 2), false),
        "madklub-for-boern-og-unge" => ((0, 0), (10, 15), (2, 2), false),
        "tryghedsvandring" => ((8, 15), (0, 0), (0, 0), false),
        "linedance" => ((10, 18), (0, 0), (1, 1), false),
        "svoemning" => ((6, 12), (2, 6), (1, 1), false),
        _ => return None,
    };
    Some(Turnout {
        adults,
        children,
        volunteers,
        signups,
    })
}

const DEMO_NAMES: &[&str] = &[
    "Amina", "Bo", "Fatima", "Jens", "Leyla", "Mette", "Omar", "Sofie", "Yusuf", "Hanne", "Ali",
    "Karin", "Nour", "Peter", "Zainab", "Lise",
];

/// A past of attendance for the figures page: every date of the demo activities before today
/// gets an attendance record (now and then one that was not held), and the communal dinner and
/// the PC course get signed-up parties, most of which came. The numbers are random but the
/// same on every load (a fixed seed). Everything is written in one transaction.
async fn load_attendance(db: &Db, today: chrono::NaiveDate) -> Result<(), sqlx::Error> {
    use rand::{rngs::StdRng, Rng, SeedableRng};

    use crate::{
        attendance::{queries::record_in, Attendance},
        calendar::occurrences::occurrences_of,
        signups::{
            queries::{ensure_occurrence_row_in, record_past_in, PastSignup},
            SignupStatus,
        },
    };
    let mut rng = StdRng::seed_from_u64(2026);
    let now = crate::clock::now();
    let yesterday = today.pred_opt().unwrap_or(today);
    // (activity, its turnout, capacity, scheduled date, start) of every past date held or not.
    let mut dates = Vec::new();
    for activity in db.calendar().list_activities().await? {
        let Some(turnout) = turnout(&activity.slug) else {
            continue;
        };
        let exceptions = db.calendar().exceptions_of(activity.id).await?;
        for occurrence in occurrences_of(&activity, &exceptions, activity.starts_on, yesterday) {
            if !occurrence.is_cancelled() {
                dates.push((activity.id, turnout.clone(), activity.capacity, occurrence));
            }
        }
    }
    let mut tx = db.begin().await?;
    for (activity_id, turnout, capacity, occurrence) in &dates {
        let created = occurrence.starts.and_utc() - chrono::Duration::days(3);
        let occurrence_id =
            ensure_occurrence_row_in(&mut tx, *activity_id, occurrence.key.date).await?;
        // About one date in 25 did not take place after all.
        let held = rng.random_range(0..25) != 0;
        let mut walkin_adults = rng.random_range(turnout.adults.0..=turnout.adults.1);
        let mut walkin_children = rng.random_range(turnout.children.0..=turnout.children.1);
        let volunteers = rng.random_range(turnout.volunteers.0..=turnout.volunteers.1);
        let mut parties_that_came = Vec::new();
        let mut came = 0;
        if turnout.signups {
            // The parties that signed up take most of the seats; the rest walk in.
            let mut seats = capacity.unwrap_or(i64::MAX);
            let mut index = 0;
            while walkin_adults > 2 && seats > 2 {
                let adults = rng.random_range(1..=2).min(walkin_adults);
                let children = rng.random_range(0..=2).min(walkin_children);
                let status = match rng.random_range(0..12) {
                    0 => SignupStatus::Cancelled,
                    _ => SignupStatus::Confirmed,
                };
                let confirmed = status == SignupStatus::Confirmed;
                let attended = held && confirmed && rng.random_range(0..10) != 0;
                if attended {
                    walkin_adults -= adults;
                    walkin_children -= children;
                    came += adults + children;
                }
                if confirmed {
                    seats -= adults + children;
                }
                let promoted = (confirmed && rng.random_range(0..15) == 0).then_some(created);
                let signup = PastSignup {
                    name: DEMO_NAMES[index % DEMO_NAMES.len()],
                    adults,
                    children,
                    status,
                    created_at: created,
                    promoted_at: promoted,
                    cancelled_at: (!confirmed).then_some(created),
                };
                let id = record_past_in(&mut tx, occurrence_id, &signup).await?;
                if attended {
                    parties_that_came.push(id);
                }
                index += 1;
            }
        }
        let participants = came + walkin_adults + walkin_children;
        let first_timers = rng.random_range(0..=(participants / 10).max(1));
        let counts = [walkin_adults, walkin_children, volunteers, first_timers];
        let attendance = Attendance::recorded(held, counts);
        let came = &parties_that_came;
        record_in(&mut tx, occurrence_id, &attendance, came, (None, now)).await?;
    }
    tx.commit().await
}

/// A demo article; `focus_area` is a focus area's slug, `days_ago` when it appeared.
struct DemoArticle {
    slug: &'static str,
    title: &'static str,
    lead: &'static str,
    /// Markdown.
    body: &'static str,
    byline: &'static str,
    focus_area: &'static str,
    in_issue: bool,
    days_ago: i64,
}

const ARTICLES: &[DemoArticle] = &[
    DemoArticle {
        slug: "fuldt-hus-til-faellesspisning",
        title: "Fuldt hus til fællesspisning i ParkCafeen",
        lead: "38 naboer spiste lasagne sammen i torsdags. Næste gang står Vangdalen for maden.",
        body: "Der var duft af lasagne i hele ParkCafeen, da 38 naboer satte sig til bords i \
torsdags. Fire frivillige havde lavet maden, og børnene hjalp med at dække bord.\n\n\
## Næste gang\n\nNæste fællesspisning er den sidste torsdag i måneden. Tilmeld dig i \
[kalenderen](/kalender), så vi ved, hvor meget mad vi skal lave.",
        byline: "Amina Yusuf",
        focus_area: "beboernetvaerk-inddragelse-og-demokrati",
        in_issue: true,
        days_ago: 3,
    },
    DemoArticle {
        slug: "sundhedsplejersken-kommer-i-babycafeen",
        title: "Sundhedsplejersken kommer i babycaféen",
        lead: "Tirsdag fortæller sundhedsplejersken om søvn og mad til de mindste. Alle forældre er \
velkomne.",
        body: "I babycaféen mødes forældre på barsel hver tirsdag. Denne gang kommer \
sundhedsplejersken og svarer på spørgsmål om søvn, mad og gråd.\n\nDu behøver ikke \
tilmelde dig. Tag bare din baby med.",
        byline: "Bysekretariatet",
        focus_area: "boern-unge-og-familie",
        in_issue: false,
        days_ago: 6,
    },
    DemoArticle {
        slug: "mere-lys-paa-stierne",
        title: "Mere lys på stierne i Gl. Jennumparken",
        lead: "Efter tryghedsvandringen i foråret har boligselskabet sat 14 nye lamper op.",
        body: "På tryghedsvandringen pegede beboerne på de mørke steder i kvarteret. Nu er der kommet \
14 nye lamper langs stierne.\n\n> Jeg går gerne en tur om aftenen nu, siger Hanne fra \
blok 7.\n\nNæste tryghedsvandring er den første tirsdag i måneden.",
        byline: "Jens Nielsen",
        focus_area: "udsatte-grupper",
        in_issue: true,
        days_ago: 12,
    },
    DemoArticle {
        slug: "jobklubben-hjalp-seks-i-arbejde",
        title: "Jobklubben hjalp seks i arbejde",
        lead: "Seks deltagere fra jobklubben har fået arbejde eller praktik siden sommerferien.",
        body: "I jobklubben skriver vi ansøgninger og CV sammen og øver jobsamtaler. Siden \
sommerferien har seks deltagere fået arbejde eller praktik.\n\nJobklubben er hver torsdag \
kl. 10 i Bysekretariatet.",
        byline: "Bysekretariatet",
        focus_area: "uddannelse-beskaeftigelse-og-erhverv",
        in_issue: true,
        days_ago: 20,
    },
    DemoArticle {
        slug: "nabofest-i-december",
        title: "Kom til nabofest i december",
        lead: "Den store julefest for hele kvarteret er lørdag den 12. december i Parken.",
        body: "Der bliver mad, musik og juletræ. Sidste år kom over 70 naboer. Tilmeld dig gerne, \
så vi kan købe ind, men du er også velkommen, hvis du bare kommer.",
        byline: "Bysekretariatet",
        focus_area: "beboernetvaerk-inddragelse-og-demokrati",
        in_issue: false,
        days_ago: 1,
    },
];

/// The demo's articles and one magazine issue holding three of them.
async fn load_news(db: &Db) -> Result<(), sqlx::Error> {
    use crate::articles::{
        markdown::to_safe_html,
        queries::{NewArticle, NewIssue},
        ArticleStatus,
    };
    let now = crate::clock::now();
    let issue = NewIssue {
        slug: "nordbyposten-3-2026".into(),
        title: "Nordbyposten nr. 3, 2026".into(),
        published_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 1).expect("a demo date"),
        intro: "Efterårets blad: fællesspisning, lys på stierne og nyt fra jobklubben.".into(),
        cover_image_id: None,
        cover_alt: String::new(),
    };
    let issue_id = db
        .articles()
        .save_magazine_issue(None, None, &issue, now)
        .await?
        .expect("a new issue gets an id");
    let focus_areas = db.site().list_focus_areas().await?;
    for (position, demo) in ARTICLES.iter().enumerate() {
        // Every demo article has a picture drawn for it, each its own.
        let (cover, alt) = demo_picture(db, position as u32 + 4).await?;
        let article = NewArticle {
            slug: demo.slug.into(),
            title: demo.title.into(),
            lead: demo.lead.into(),
            body: demo.body.into(),
            body_html: to_safe_html(demo.body).unwrap_or_default(),
            byline: demo.byline.into(),
            status: ArticleStatus::Published,
            publish_at: Some(now - chrono::Duration::days(demo.days_ago)),
            issue_id: demo.in_issue.then_some(issue_id),
            issue_position: position as i64,
            tag_ids: focus_areas
                .iter()
                .filter(|focus| focus.slug == demo.focus_area)
                .map(|focus| focus.id)
                .collect(),
            cover_image_id: Some(cover),
            cover_alt: alt,
        };
        db.articles()
            .save_article(None, None, &article, now)
            .await?;
    }
    Ok(())
}

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

/// The demo journalist's submissions: one sent for review, one still a draft.
async fn load_submissions(
    db: &Db,
    journalist: i64,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), sqlx::Error> {
    use crate::{articles::markdown::to_safe_html, submissions::queries::DraftChange};
    let text = |body: &str| DraftChange {
        body: body.to_owned(),
        body_html: to_safe_html(body).unwrap_or_default(),
        ..DraftChange::default()
    };
    let sent = DraftChange {
        title: "Loppemarked i gården".into(),
        ..text(
            "Søndag var der loppemarked i gården ved blok 7. Over tyve naboer havde en bod, \
             og børnene solgte saftevand.\n\nNæste loppemarked er i foråret.",
        )
    };
    let id = db
        .submissions()
        .save_draft(None, journalist, &sent, None, now)
        .await?;
    let no_emails = |_: i64, _: bool| Vec::new();
    db.submissions()
        .save_draft(id, journalist, &sent, Some(&no_emails), now)
        .await?;
    let draft = DraftChange {
        title: "Nye bænke i Parken".into(),
        ..text("Kommunen har sat tre nye bænke op ved legepladsen.")
    };
    db.submissions()
        .save_draft(None, journalist, &draft, None, now)
        .await?;
    Ok(())
}

/// The demo's other citizen journalists, who write for the magazine and the website: about 16
/// of them deliver about 90 contributions a year, as in the reference year's report.
const JOURNALISTS: &[&str] = &[
    "Amina Hassan",
    "Bent Madsen",
    "Fatima Omar",
    "Hodan Warsame",
    "Ib Sørensen",
    "Jamal Haddad",
    "Karen Nielsen",
    "Layla Karim",
    "Mads Poulsen",
    "Nour Saleh",
    "Ole Kristensen",
    "Rania Aziz",
    "Sahra Farah",
    "Tove Larsen",
    "Ulla Pedersen",
    "Zainab Musa",
];

/// What the contributions are about, in turn.
const TOPICS: &[(&str, &str)] = &[
    (
        "Loppemarked i gården",
        "Naboerne solgte ting, de ikke bruger mere, og børnene solgte saft.",
    ),
    (
        "Nye frivillige i lektiecaféen",
        "Tre nye frivillige hjælper med lektier hver tirsdag.",
    ),
    (
        "Fællesspisning med mad fra hele verden",
        "Hver familie tog en ret med hjemmefra.",
    ),
    (
        "Oprydning i det grønne område",
        "Tyve naboer samlede affald en lørdag formiddag.",
    ),
    (
        "Sommerfest ved blok 4",
        "Der var hoppeborg, grill og musik til sent.",
    ),
    (
        "Jobklubben holder åbent hus",
        "Kom og hør, hvordan jobklubben kan hjælpe dig.",
    ),
    (
        "Babycaféen har fået nyt legetøj",
        "Legetøjet er givet af beboerne i Vangdalen.",
    ),
    (
        "Sådan sparer du på varmen",
        "Energivejlederen gav gode råd på beboermødet.",
    ),
    (
        "Fodbold for piger hver torsdag",
        "Holdet søger flere spillere mellem 10 og 14 år.",
    ),
];

/// The demo's published contributions: last year's, and this year's until a month ago (so the
/// demo's own news stay first), each sent by one of [`JOURNALISTS`] and published by `staff`.
async fn load_contributions(
    db: &Db,
    staff: i64,
    today: chrono::NaiveDate,
) -> Result<(), sqlx::Error> {
    use chrono::{Datelike, TimeZone};

    use crate::{
        articles::{markdown::to_safe_html, queries::NewArticle, ArticleStatus},
        submissions::queries::DraftChange,
    };
    let now = crate::clock::now();
    // Nobody logs in as these journalists: one random password's hash serves them all.
    let password = format!(
        "demo-{}",
        crate::accounts::token::Token::generate().as_str()
    );
    let hash = Password::parse(&password, &[])
        .expect("a long random password meets the policy")
        .hash();
    let mut authors = Vec::new();
    for (n, name) in JOURNALISTS.iter().enumerate() {
        let email = EmailAddress::parse(&format!("borgerjournalist-{}@nordby.example", n + 1))
            .expect("a valid demo address");
        let id = db
            .accounts()
            .create_account(&email, name, Role::Journalist, &hash, now)
            .await?;
        // Ten of them deliver six a year, six of them five: 90 in all.
        authors.push((id, *name, if n < 10 { 6 } else { 5 }));
    }
    let no_emails = |_: i64, _: bool| Vec::new();
    let mut count = 0_usize;
    for year in [today.year() - 1, today.year()] {
        let first = chrono::NaiveDate::from_ymd_opt(year, 1, 1).expect("a new year's day");
        let last = if year == today.year() {
            today - chrono::Days::new(30)
        } else {
            chrono::NaiveDate::from_ymd_opt(year, 12, 31).expect("a new year's eve")
        };
        let days = (last - first).num_days().max(0);
        // This year's share of the year's contributions: as much of the year as is over.
        let total: i64 = authors.iter().map(|(_, _, per_year)| per_year).sum();
        let due = total * days / 365;
        for k in 0..due {
            let (author, name, _) = authors[k as usize % authors.len()];
            let (topic, text) = TOPICS[count % TOPICS.len()];
            let day = first + chrono::Days::new((k * days / due.max(1)) as u64);
            let sent = chrono::Utc.from_utc_datetime(&day.and_hms_opt(9, 0, 0).expect("nine"));
            let published = sent + chrono::Duration::days(1);
            let body = format!("{text}\n\nSkrevet af {name}.");
            let draft = DraftChange {
                title: topic.to_owned(),
                body_html: to_safe_html(&body).unwrap_or_default(),
                body,
                consent: true,
                ..DraftChange::default()
            };
            let id = db
                .submissions()
                .save_draft(None, author, &draft, None, sent)
                .await?;
            db.submissions()
                .save_draft(id, author, &draft, Some(&no_emails), sent)
                .await?;
            let Some(id) = id else { continue };
            count += 1;
            let article = NewArticle {
                slug: format!("bidrag-{year}-{}", k + 1),
                title: topic.to_owned(),
                lead: text.to_owned(),
                body: draft.body.clone(),
                body_html: draft.body_html.clone(),
                byline: name.to_owned(),
                status: ArticleStatus::Published,
                publish_at: Some(published),
                issue_id: None,
                issue_position: 0,
                tag_ids: Vec::new(),
                cover_image_id: None,
                cover_alt: String::new(),
            };
            db.submissions()
                .publish(id, staff, &article, &[], published)
                .await?;
        }
    }
    Ok(())
}

/// Loads the demo content into what is empty: the base data if there is none, the demo
/// accounts if there are no accounts. Returns whether it loaded anything.
pub async fn load_if_empty(db: &Db) -> Result<bool, sqlx::Error> {
    load_with_history(db, 0).await
}

/// [`load_if_empty`], with the activities begun `earlier_years` years before their usual first
/// date and every date since then held and counted: the benchmark's site with a long history.
pub async fn load_with_history(db: &Db, earlier_years: u32) -> Result<bool, sqlx::Error> {
    let mut loaded = false;
    if db.site().base_data_is_empty().await? {
        db.site()
            .insert_base_data(&BaseData {
                site: site(),
                housing_areas: HOUSING_AREAS,
                focus_areas: FOCUS_AREAS,
                // A plan period that holds last year and this, the years the demo reports on.
                year: chrono::Datelike::year(&crate::clock::today()) - 1,
                venues: VENUES,
            })
            .await?;
        loaded = true;
    }
    if db.calendar().list_activities().await?.is_empty() {
        load_activities(db, earlier_years).await?;
        load_attendance(db, crate::clock::today()).await?;
        loaded = true;
    }
    if db.articles().all_articles().await?.is_empty() {
        load_news(db).await?;
        loaded = true;
    }
    if db.accounts().count_accounts().await? == 0 {
        let now = crate::clock::now();
        let mut journalist = None;
        for (email, name, role, password) in ACCOUNTS {
            let email = EmailAddress::parse(email).expect("a valid demo address");
            let hash = Password::parse(password, &[])
                .expect("demo passwords meet the policy")
                .hash();
            let id = db
                .accounts()
                .create_account(&email, name, *role, &hash, now)
                .await?;
            if *role == Role::Journalist {
                journalist = Some(id);
            }
            if *role == Role::Admin {
                let key = crate::accounts::two_factor::TwoFactorSecret::parse(ADMIN_TWO_FACTOR_KEY)
                    .expect("the demo key is a valid secret");
                db.accounts()
                    .enable_two_factor(id, &key, 0, &[], None, now)
                    .await?;
            }
        }
        if let Some(journalist) = journalist {
            load_submissions(db, journalist, now).await?;
        }
        let staff = db
            .accounts()
            .account_by_email(&EmailAddress::parse(ACCOUNTS[1].0).expect("a valid demo address"))
            .await?;
        if let Some(staff) = staff {
            load_contributions(db, staff.id, crate::clock::today()).await?;
        }
        loaded = true;
    }
    let today = crate::clock::today();
    if db.plan().measures().await?.is_empty() {
        load_plan(db, today).await?;
        loaded = true;
    }
    if db.newsletter().newsletters().await?.is_empty() {
        load_newsletter(db, today).await?;
        loaded = true;
    }
    if db
        .visits()
        .days(today - chrono::Days::new(600), today)
        .await?
        .is_empty()
    {
        db.visits()
            .insert_finished_days(&visitor_history(today))
            .await?;
        loaded = true;
    }
    Ok(loaded)
}

/// The focus areas' goals, by slug.
const GOALS: &[(&str, &str)] = &[
    (
        "uddannelse-beskaeftigelse-og-erhverv",
        "Flere unge og voksne i job, praktik eller uddannelse: fritidsjob til de unge og \
         individuel jobvejledning til de voksne.",
    ),
    (
        "boern-unge-og-familie",
        "Børn og unge trives og klarer sig godt i skolen, og familierne støtter hinanden.",
    ),
    (
        "beboernetvaerk-inddragelse-og-demokrati",
        "Flere beboere mødes, tager del i fællesskaberne og er med til at bestemme.",
    ),
    (
        "udsatte-grupper",
        "Beboere i en svær situation får råd og hjælp i tide, også fra eksterne rådgivere.",
    ),
    (
        "sundhed",
        "Familierne lever sundere og oplever, at deres sundhed bliver bedre.",
    ),
];

/// A demo success criterion: its focus area (slug), name, unit, recorded per quarter or month,
/// yearly target, the criterion it is part of (by index in [`MEASURES`]), and a year's values
/// (one per quarter, or one per month).
struct DemoMeasure {
    area: &'static str,
    name: &'static str,
    unit: &'static str,
    per: crate::plan::RecordedPer,
    target: Option<i64>,
    part_of: Option<usize>,
    values: &'static [i64],
}

/// The 2014 report's kind of success criteria.
const MEASURES: &[DemoMeasure] = {
    use crate::plan::RecordedPer::{Month, Quarter};
    &[
        DemoMeasure {
            area: "uddannelse-beskaeftigelse-og-erhverv",
            name: "unge der henvendte sig til fritidsjobformidlingen",
            unit: "personer",
            per: Quarter,
            target: Some(20),
            part_of: None,
            values: &[5, 6, 7, 5],
        },
        DemoMeasure {
            area: "uddannelse-beskaeftigelse-og-erhverv",
            name: "unge der fik et fritidsjob",
            unit: "personer",
            per: Quarter,
            target: Some(15),
            part_of: Some(0),
            values: &[4, 5, 6, 4],
        },
        DemoMeasure {
            area: "uddannelse-beskaeftigelse-og-erhverv",
            name: "voksne i individuel jobvejledning",
            unit: "personer",
            per: Quarter,
            target: Some(60),
            part_of: None,
            values: &[15, 16, 14, 15],
        },
        DemoMeasure {
            area: "uddannelse-beskaeftigelse-og-erhverv",
            name: "voksne der kom i job, praktik eller uddannelse",
            unit: "personer",
            per: Quarter,
            target: Some(25),
            part_of: Some(2),
            values: &[7, 8, 7, 7],
        },
        DemoMeasure {
            area: "udsatte-grupper",
            name: "henvendelser i rådgivningen",
            unit: "henvendelser",
            per: Month,
            target: Some(50),
            part_of: None,
            values: &[4, 5, 4, 5, 4, 3, 2, 5, 5, 6, 5, 4],
        },
        DemoMeasure {
            area: "udsatte-grupper",
            name: "henvist til eksterne rådgivere",
            unit: "henvendelser",
            per: Month,
            target: None,
            part_of: Some(4),
            values: &[2, 3, 2, 3, 2, 2, 1, 3, 3, 4, 3, 2],
        },
        DemoMeasure {
            area: "sundhed",
            name: "familier der oplever bedre sundhed seks måneder efter",
            unit: "procent",
            per: Quarter,
            target: Some(80),
            part_of: None,
            values: &[78, 82, 85, 87],
        },
    ]
};

/// The demo's press log of a year: (day of the year, release or mention, outlet, title).
const PRESS: &[(u32, &str, &str, &str)] = &[
    (
        20,
        "release",
        "Randers Amtsavis",
        "Nyt år med fællesspisning i ParkCafeen",
    ),
    (
        45,
        "mention",
        "Randers Amtsavis",
        "Fuldt hus til fællesspisning",
    ),
    (
        70,
        "mention",
        "TV2 Østjylland",
        "Unge i Nordby får fritidsjob",
    ),
    (95, "release", "Randers Amtsavis", "Babycaféen fylder et år"),
    (
        120,
        "mention",
        "DR P4 Østjylland",
        "Naboer hjælper naboer i Nordby",
    ),
    (
        150,
        "mention",
        "Randers Amtsavis",
        "Loppemarked samlede hele gården",
    ),
    (
        175,
        "mention",
        "Boligen",
        "Helhedsplanen virker i Randers Nordby",
    ),
    (
        200,
        "release",
        "Randers Amtsavis",
        "Sommerferieaktiviteter for alle børn",
    ),
    (
        230,
        "mention",
        "Randers Amtsavis",
        "Sommer i gården med 200 gæster",
    ),
    (
        260,
        "mention",
        "TV2 Østjylland",
        "Jobklubben hjalp 29 i arbejde",
    ),
    (290, "release", "Randers Amtsavis", "Nabofest i december"),
    (
        320,
        "mention",
        "Randers Amtsavis",
        "Lektiecaféen har fået nye frivillige",
    ),
];

/// The report's material of last year and of this year until `today`: the areas' goals, the
/// success criteria with their values (this year's quarters and months that are over), the press
/// log and last year's introduction.
/// Last week's newsletter, so the archive has one to show: with a note from the staff, and
/// sent (to nobody: the demo has no subscribers) at the schedule's time.
async fn load_newsletter(db: &Db, today: chrono::NaiveDate) -> Result<(), sqlx::Error> {
    use crate::newsletter::{Settings, Week};
    let week = Week::of(today - chrono::Days::new(7));
    let settings = Settings {
        note: "Husk fællesspisningen på torsdag. Vi mangler stadig et par hjælpere i køkkenet."
            .into(),
        ..Settings::default()
    };
    db.newsletter().save_settings(&settings).await?;
    let sent = crate::clock::utc_of_local(settings.schedule.moment(week));
    db.newsletter().claim_week(week, sent).await?;
    Ok(())
}

async fn load_plan(db: &Db, today: chrono::NaiveDate) -> Result<(), sqlx::Error> {
    use chrono::Datelike;

    use crate::plan::{queries::NewMeasure, PlanArea};
    let now = crate::clock::now();
    let areas = db.plan().plan_areas().await?;
    for (slug, goal) in GOALS {
        if let Some(area) = areas.iter().find(|area| area.slug == *slug) {
            let with_goal = PlanArea {
                goal: (*goal).to_owned(),
                ..area.clone()
            };
            db.plan().save_plan_area(Some(area.id), &with_goal).await?;
        }
    }
    let this_year = today.year();
    let mut ids: Vec<i64> = Vec::new();
    for measure in MEASURES {
        let Some(area) = areas.iter().find(|area| area.slug == measure.area) else {
            continue;
        };
        let id = db
            .plan()
            .insert_measure(
                &NewMeasure {
                    focus_area_id: Some(area.id),
                    activity_id: None,
                    name: measure.name.to_owned(),
                    unit: measure.unit.to_owned(),
                    recorded_per: measure.per.stored().to_owned(),
                    yearly_target: measure.target,
                    part_of: measure.part_of.and_then(|index| ids.get(index).copied()),
                },
                now,
            )
            .await?;
        ids.push(id);
        // The parts of this year that are over: the quarters or months before today's.
        let over = measure.per.part_of_month(today.month()) - 1;
        for (year, parts) in [(this_year - 1, measure.per.parts()), (this_year, over)] {
            let values: Vec<(i64, Option<i64>)> = (1..=parts)
                .zip(measure.values)
                .map(|(part, value)| (i64::from(part), Some(*value)))
                .collect();
            db.plan()
                .save_values(id, i64::from(year), &values, (None, now))
                .await?;
        }
    }
    let staff = None;
    for year in [this_year - 1, this_year] {
        for (day, kind, outlet, title) in PRESS {
            let Some(published_on) = chrono::NaiveDate::from_yo_opt(year, *day) else {
                continue;
            };
            if published_on >= today {
                continue;
            }
            let item = crate::plan::queries::NewPressItem {
                kind: (*kind).to_owned(),
                published_on,
                outlet: (*outlet).to_owned(),
                title: (*title).to_owned(),
                url: String::new(),
                focus_area_id: None,
            };
            db.plan().save_press_item(None, &item, (staff, now)).await?;
        }
    }
    let intro = "Året bød på mange nye naboer og fællesskaber. Her er tallene for \
                 aktiviteterne, succeskriterierne, hjemmesiden og pressen.";
    let last_year = crate::period::Period::year(this_year - 1).expect("a year");
    db.report()
        .save_texts(
            &crate::report::report_key(&last_year),
            &[(crate::report::INTRO.to_owned(), intro.to_owned())],
            (None, now),
        )
        .await
}

/// The pages of the demo's visitor history with their shares of the views, in thousandths.
const VISITED_PAGES: &[(&str, i64)] = &[
    ("/", 340),
    ("/kalender", 200),
    ("/nyheder", 120),
    ("/aktiviteter/faellesspisning-parkcafeen", 90),
    ("/aktiviteter/babycafe", 70),
    ("/nyheder/fuldt-hus-til-faellesspisning", 60),
    ("/nyheder/nabofest-i-december", 40),
    ("/nordbyposten", 30),
];

/// The referring sites of the demo's visitor history with their shares of the visitors, in
/// thousandths.
const REFERRING_SITES: &[(&str, i64)] = &[
    ("google.com", 120),
    ("m.facebook.com", 80),
    ("randers.dk", 30),
    ("bing.com", 10),
];

/// A year and a half of counted days up to yesterday, as the visitor figures would have summed
/// them up: about 541 visitors a month last year (the reference year's figure) and about 100
/// more this year, more on weekdays than at weekends, with some day-to-day wobble.
fn visitor_history(today: chrono::NaiveDate) -> Vec<crate::visits::DaySummary> {
    use chrono::{Datelike, Weekday};

    use crate::visits::{DaySummary, PageCount, ReferrerCount, VisitDay};

    let first = (today - chrono::Months::new(18))
        .with_day(1)
        .unwrap_or(today);
    first
        .iter_days()
        .take_while(|day| *day < today)
        .map(|day| {
            // Per day: 541 a month is 17.8 a day; this year 21.0, which is 98 more a month.
            let level = if day.year() < today.year() {
                17.8
            } else {
                21.0
            };
            let week = match day.weekday() {
                Weekday::Sat | Weekday::Sun => 0.65,
                _ => 1.14,
            };
            // A fixed wobble between 0.8 and 1.2, the same on every start.
            let wobble =
                0.8 + ((day.num_days_from_ce() as u64 * 2_654_435_761) % 400) as f64 / 1000.0;
            let visitors = ((level * week * wobble).round() as i64).max(1);
            let views = visitors * 5 / 2;
            let phones = visitors * 62 / 100;
            let tablets = visitors * 8 / 100;
            let pages = VISITED_PAGES
                .iter()
                .map(|(path, share)| {
                    let page_views = (views * share / 1000).max(1);
                    PageCount {
                        path: (*path).to_owned(),
                        views: page_views,
                        visitors: (page_views * 4 / 5).max(1),
                    }
                })
                .collect();
            let referrers = REFERRING_SITES
                .iter()
                .map(|(domain, share)| ReferrerCount {
                    domain: (*domain).to_owned(),
                    visits: visitors * share / 1000,
                })
                .filter(|referrer| referrer.visits > 0)
                .collect();
            DaySummary {
                day: VisitDay {
                    day,
                    visitors,
                    views,
                    phones,
                    tablets,
                    computers: visitors - phones - tablets,
                },
                pages,
                referrers,
            }
        })
        .collect()
}
