//! Builders for the data a test needs: accounts, focus areas, venues, activities, magazine
//! issues and articles. Each writes through the app's own queries (a password is hashed as in
//! production), starts from plain defaults, and lets the test choose what it asserts on.

use app::{
    accounts::{password::Password, two_factor::TwoFactorSecret, EmailAddress, Role},
    articles::{
        markdown::to_safe_html,
        queries::{NewArticle, NewIssue},
        Article, ArticleStatus, MagazineIssue,
    },
    calendar::{queries::NewActivity, service::slugify, Activity, SignupMode},
    db::Db,
    signups::NewSignup,
    site::{
        queries::{BaseData, NewVenue},
        FocusArea, Venue,
    },
};
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc};
use std::sync::{
    atomic::{AtomicU64, Ordering},
    Arc,
};

/// An account that can log in, with the password it was given (and for an account with
/// two-factor login, its authenticator's secret).
#[derive(Clone, Debug)]
pub struct TestAccount {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub password: String,
    pub two_factor: Option<TwoFactorSecret>,
    /// The step of the last code [`TestAccount::next_code`] gave.
    last_step: Arc<AtomicU64>,
}

impl TestAccount {
    /// A code its app would show and the portal has not accepted yet: the current step's, or
    /// when a code of it was given already, the next step's (the portal accepts one step
    /// either side), so a test can log in twice within thirty seconds.
    pub fn next_code(&self) -> String {
        let secret = self
            .two_factor
            .as_ref()
            .expect("an account with two-factor login");
        let now = u64::try_from(Utc::now().timestamp()).unwrap() / 30;
        let last = self.last_step.load(Ordering::SeqCst);
        let step = if last < now { now } else { last + 1 };
        assert!(
            step <= now + 1,
            "more than two logins within thirty seconds"
        );
        self.last_step.store(step, Ordering::SeqCst);
        secret.code_at(step * 30)
    }
}

/// Starts an account with `role`: a fresh address, a name that says the role, and a password
/// that meets the policy.
pub fn account(role: Role) -> AccountBuilder {
    let name = match role {
        Role::Admin => "Anne Administrator",
        Role::Staff => "Søren Medarbejder",
        Role::Journalist => "Nour Skribent",
    };
    let unique = uuid::Uuid::new_v4().simple().to_string();
    AccountBuilder {
        email: format!("{}-{}@example.org", role.as_str(), &unique[..8]),
        name: name.to_owned(),
        role,
        password: "en lang sætning om kaffe i gården".to_owned(),
        // Admins must have a second step; others may.
        two_factor: role == Role::Admin,
    }
}

pub struct AccountBuilder {
    email: String,
    name: String,
    role: Role,
    password: String,
    two_factor: bool,
}

impl AccountBuilder {
    pub fn email(mut self, email: &str) -> Self {
        email.clone_into(&mut self.email);
        self
    }

    pub fn name(mut self, name: &str) -> Self {
        name.clone_into(&mut self.name);
        self
    }

    pub fn password(mut self, password: &str) -> Self {
        password.clone_into(&mut self.password);
        self
    }

    /// With (or without) two-factor login turned on (admins have it unless told otherwise).
    pub fn two_factor(mut self, on: bool) -> Self {
        self.two_factor = on;
        self
    }

    /// Writes the account (`Db::create_account`), ready to log in.
    pub async fn create(self, db: &Db) -> TestAccount {
        let email = EmailAddress::parse(&self.email).expect("a valid address");
        let hash = Password::parse(&self.password, &[])
            .expect("the password meets the policy")
            .hash();
        let id = db
            .accounts()
            .create_account(&email, &self.name, self.role, &hash, Utc::now())
            .await
            .expect("the account is written");
        let two_factor = self.two_factor.then(TwoFactorSecret::generate);
        if let Some(secret) = &two_factor {
            db.accounts()
                .enable_two_factor(id, secret, 0, &[], None, Utc::now())
                .await
                .expect("two-factor login is turned on");
        }
        TestAccount {
            id,
            email: email.as_str().to_owned(),
            name: self.name,
            password: self.password,
            two_factor,
            last_step: Arc::default(),
        }
    }
}

/// Writes base data (focus areas, venues) through `Db::insert_base_data`, keeping the site's
/// name and contact details as they are.
async fn insert_base_data(db: &Db, focus_areas: &[(&str, &str)], venues: &[NewVenue<'_>]) {
    let site = db.site().site_info().await.expect("the site row");
    db.site()
        .insert_base_data(&BaseData {
            site,
            housing_areas: &[],
            focus_areas,
            year: app::clock::today().year() - 1,
            venues,
        })
        .await
        .expect("the base data is written");
}

/// Adds a focus area named `name` (its slug made from the name).
pub async fn focus_area(db: &Db, name: &str) -> FocusArea {
    let slug = slugify(name);
    insert_base_data(db, &[(&slug, name)], &[]).await;
    db.site()
        .list_focus_areas()
        .await
        .unwrap()
        .into_iter()
        .find(|area| area.slug == slug)
        .expect("the focus area was written")
}

/// Adds a venue named `name` (its slug made from the name).
pub async fn venue(db: &Db, name: &str) -> Venue {
    let slug = slugify(name);
    let venue = NewVenue {
        slug: &slug,
        name,
        address: "Testvej 1",
        description: "",
        accessibility: "",
    };
    insert_base_data(db, &[], &[venue]).await;
    db.site()
        .list_venues()
        .await
        .unwrap()
        .into_iter()
        .find(|venue| venue.slug == slug)
        .expect("the venue was written")
}

/// Starts an activity named `name`: a one-off on today's date, 17.30–19.30, no venue or focus
/// area, no sign-up.
pub fn activity(name: &str) -> ActivityBuilder {
    ActivityBuilder(NewActivity {
        slug: slugify(name),
        name: name.into(),
        description: String::new(),
        focus_area_id: None,
        venue_id: None,
        starts_on: app::clock::today(),
        start_time: time(17, 30),
        end_time: time(19, 30),
        rule: String::new(),
        capacity: None,
        max_party: app::calendar::DEFAULT_MAX_PARTY,
        signup_mode: SignupMode::None,
        price_note: String::new(),
        accessibility_note: String::new(),
        contact: String::new(),
        summaries: Vec::new(),
        kind: Default::default(),
        cover_image_id: None,
        cover_alt: String::new(),
    })
}

pub struct ActivityBuilder(NewActivity);

impl ActivityBuilder {
    pub fn slug(mut self, slug: &str) -> Self {
        slug.clone_into(&mut self.0.slug);
        self
    }

    pub fn description(mut self, description: &str) -> Self {
        description.clone_into(&mut self.0.description);
        self
    }

    /// The first date (and, without a rule, the only one).
    pub fn starts_on(mut self, date: NaiveDate) -> Self {
        self.0.starts_on = date;
        self
    }

    /// From `start` to `end`, local time.
    pub fn time(mut self, start: NaiveTime, end: NaiveTime) -> Self {
        self.0.start_time = start;
        self.0.end_time = end;
        self
    }

    /// An RFC 5545 `RRULE` value, such as `FREQ=WEEKLY;BYDAY=TU`.
    pub fn rule(mut self, rule: &str) -> Self {
        rule.clone_into(&mut self.0.rule);
        self
    }

    /// Residents must sign up for one of at most `capacity` seats.
    pub fn signups_required(mut self, capacity: i64) -> Self {
        self.0.signup_mode = SignupMode::Required;
        self.0.capacity = Some(capacity);
        self
    }

    pub fn signup_mode(mut self, mode: SignupMode) -> Self {
        self.0.signup_mode = mode;
        self
    }

    pub fn capacity(mut self, capacity: Option<i64>) -> Self {
        self.0.capacity = capacity;
        self
    }

    pub fn venue(mut self, venue: &Venue) -> Self {
        self.0.venue_id = Some(venue.id);
        self
    }

    pub fn focus_area(mut self, area: &FocusArea) -> Self {
        self.0.focus_area_id = Some(area.id);
        self
    }

    pub fn price(mut self, price: &str) -> Self {
        price.clone_into(&mut self.0.price_note);
        self
    }

    /// Writes these values over activity `id`, as staff changing it would.
    pub async fn update(self, db: &Db, id: i64) {
        let found = db
            .calendar()
            .update_activity(None, id, &self.0, Utc::now())
            .await
            .expect("the activity is written");
        assert!(found, "activity {id} exists");
    }

    /// Writes the activity (`Db::create_activity`) and reads it back.
    pub async fn create(self, db: &Db) -> Activity {
        let id = db
            .calendar()
            .create_activity(None, &self.0, Utc::now())
            .await
            .expect("the activity is written");
        db.calendar()
            .activity_by_id(id)
            .await
            .unwrap()
            .expect("the activity")
    }
}

/// Starts a magazine issue titled `title`: its slug made from the title, out today.
pub fn issue(title: &str) -> IssueBuilder {
    IssueBuilder(NewIssue {
        slug: slugify(title),
        title: title.into(),
        published_on: app::clock::today(),
        intro: String::new(),
        cover_image_id: None,
        cover_alt: String::new(),
    })
}

pub struct IssueBuilder(NewIssue);

impl IssueBuilder {
    pub fn slug(mut self, slug: &str) -> Self {
        slug.clone_into(&mut self.0.slug);
        self
    }

    pub fn intro(mut self, intro: &str) -> Self {
        intro.clone_into(&mut self.0.intro);
        self
    }

    pub fn published_on(mut self, date: NaiveDate) -> Self {
        self.0.published_on = date;
        self
    }

    /// Writes the issue (`Db::save_magazine_issue`) and reads it back.
    pub async fn create(self, db: &Db) -> MagazineIssue {
        let id = db
            .articles()
            .save_magazine_issue(None, None, &self.0, Utc::now())
            .await
            .expect("the issue is written")
            .expect("a new issue gets an id");
        db.articles()
            .magazine_issue_by_id(id)
            .await
            .unwrap()
            .expect("the issue")
    }
}

/// Starts an article titled `title`: its slug made from the title, published an hour ago, with
/// an empty lead, body and byline, no tags and in no issue.
pub fn article(title: &str) -> ArticleBuilder {
    ArticleBuilder(NewArticle {
        slug: slugify(title),
        title: title.into(),
        lead: String::new(),
        body: String::new(),
        body_html: String::new(),
        byline: String::new(),
        status: ArticleStatus::Published,
        publish_at: Some(Utc::now() - Duration::hours(1)),
        issue_id: None,
        issue_position: 0,
        tag_ids: Vec::new(),
        cover_image_id: None,
        cover_alt: String::new(),
    })
}

pub struct ArticleBuilder(NewArticle);

impl ArticleBuilder {
    pub fn slug(mut self, slug: &str) -> Self {
        slug.clone_into(&mut self.0.slug);
        self
    }

    pub fn lead(mut self, lead: &str) -> Self {
        lead.clone_into(&mut self.0.lead);
        self
    }

    /// The body in Markdown; its HTML is cleaned as the editor does when it saves.
    pub fn body(mut self, markdown: &str) -> Self {
        markdown.clone_into(&mut self.0.body);
        self.0.body_html = to_safe_html(markdown).expect("a test's text nests shallowly");
        self
    }

    pub fn byline(mut self, byline: &str) -> Self {
        byline.clone_into(&mut self.0.byline);
        self
    }

    /// With `status`, appearing at `publish_at` (None for a draft without a time).
    pub fn status(mut self, status: ArticleStatus, publish_at: Option<DateTime<Utc>>) -> Self {
        self.0.status = status;
        self.0.publish_at = publish_at;
        self
    }

    pub fn tagged(mut self, area: &FocusArea) -> Self {
        self.0.tag_ids.push(area.id);
        self
    }

    pub fn in_issue(mut self, issue: &MagazineIssue) -> Self {
        self.0.issue_id = Some(issue.id);
        self
    }

    /// With a small cover (a 16 × 16 JPEG, stored as an upload would be) described by `alt`.
    pub async fn with_cover(mut self, db: &Db, alt: &str) -> Self {
        let variants = app::images::process::variants(&plain_jpeg(16, 16)).expect("a small JPEG");
        let id = db
            .images()
            .save_image(None, &variants, Utc::now())
            .await
            .expect("the image is stored");
        self.0.cover_image_id = Some(id);
        alt.clone_into(&mut self.0.cover_alt);
        self
    }

    /// Writes the article (`Db::save_article`) and reads it back.
    pub async fn create(self, db: &Db) -> Article {
        let id = db
            .articles()
            .save_article(None, None, &self.0, Utc::now())
            .await
            .expect("the article is written")
            .expect("a new article gets an id");
        db.articles()
            .article_by_id(id)
            .await
            .unwrap()
            .expect("the article")
    }
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

/// A `width` x `height` JPEG in one colour.
pub fn plain_jpeg(width: u32, height: u32) -> Vec<u8> {
    use image::ImageEncoder;
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new(&mut jpeg)
        .write_image(
            image::RgbImage::from_pixel(width, height, image::Rgb([200, 120, 40])).as_raw(),
            width,
            height,
            image::ExtendedColorType::Rgb8,
        )
        .unwrap();
    jpeg
}

/// A `width` x `height` JPEG carrying `tiff` (EXIF's TIFF structure) in an APP1 segment, as a
/// camera writes it.
pub fn jpeg_with_exif(width: u32, height: u32, tiff: &[u8]) -> Vec<u8> {
    let jpeg = plain_jpeg(width, height);
    let mut app1 = b"Exif\x00\x00".to_vec();
    app1.extend_from_slice(tiff);
    let length = u16::try_from(app1.len() + 2).expect("a short EXIF");
    let mut with_exif = jpeg[..2].to_vec();
    with_exif.extend_from_slice(&[0xFF, 0xE1]);
    with_exif.extend_from_slice(&length.to_be_bytes());
    with_exif.extend_from_slice(&app1);
    with_exif.extend_from_slice(&jpeg[2..]);
    with_exif
}

/// The EXIF a JPEG carries, if any.
pub fn exif_of(jpeg: &[u8]) -> Option<Vec<u8>> {
    use image::ImageDecoder;
    let mut decoder = image::codecs::jpeg::JpegDecoder::new(std::io::Cursor::new(jpeg)).unwrap();
    decoder.exif_metadata().unwrap()
}

/// The `n`-th family that signs up: two adults and a child, with an email address of its own.
pub fn family(n: usize) -> NewSignup {
    NewSignup {
        lang: app::i18n::Lang::DA,
        name: format!("Familie {n}"),
        adults: 2,
        children: 1,
        email: format!("familie{n}@example.org"),
        phone: "+45 12 34 56 78".into(),
        note: "Ingen nødder".into(),
        via_newsletter: String::new(),
    }
}

/// Puts `mail` in the outbox on its own, as a change of the app's would in its transaction.
pub async fn queue_email(db: &Db, mail: &app::mail::OutgoingEmail, now: chrono::DateTime<Utc>) {
    let mut tx = db.begin().await.unwrap();
    app::mail::queries::enqueue_in(&mut tx, mail, now)
        .await
        .unwrap();
    tx.commit().await.unwrap();
}
