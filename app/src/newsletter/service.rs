//! What the newsletter's forms do, and the weekly run: subscribing (the same answer for a new,
//! an unconfirmed, a subscribed address and a robot), the loader of a private link, saving a
//! choice, leaving, the staff's settings, and putting a week's newsletter together and queuing
//! it in batches.

use chrono::{DateTime, NaiveTime, Utc, Weekday};
use serde::Deserialize;

use super::{
    emails::{self, NewsletterLinks},
    fields, Edition, EditionDate, Settings, Subscriber, Week, BATCH, LINKS_KEPT, LONGEST_NOTE,
    UNCONFIRMED_KEPT,
};
use crate::{
    accounts::{service::Links, token::Token, EmailAddress},
    calendar::occurrences::Filter,
    clock,
    db::Db,
    errors::Refusal,
    forms::FormFeedback,
    i18n::Lang,
};

/// The subscription form as posted.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct SubscribeForm {
    pub email: String,
    /// The robots' field: a filled one subscribes nobody, and the answer is the same.
    #[serde(rename = "hjemmeside")]
    pub honeypot: String,
}

/// The full address of the private link `/abonnement/{token}` followed by `rest` (nothing, or
/// `/afmeld`), in `lang`, on the site at `base` (its address without the last `/`).
fn private_link(base: &str, lang: Lang, token: &Token, rest: &str) -> String {
    format!(
        "{base}{}",
        lang.address(&format!("/abonnement/{}{rest}", token.as_str()))
    )
}

/// Checks the form; a valid address is subscribed (or, if it already is, sent its link), with
/// its email in the same transaction. The answer does not tell which: only the email does, to
/// the address's owner. A filled honeypot subscribes nobody and answers the same.
pub async fn subscribe(
    db: &Db,
    links: &Links<'_>,
    lang: Lang,
    form: &SubscribeForm,
    now: DateTime<Utc>,
) -> Result<(), Refusal> {
    let email = check(lang, form)?;
    if !form.honeypot.is_empty() {
        return Ok(());
    }
    let token = Token::generate();
    let link = private_link(links.public_url.trim_end_matches('/'), lang, &token, "");
    let site = links.site_name;
    db.newsletter()
        .subscribe(
            email.as_str(),
            lang,
            &token.hash(),
            |id, standing| emails::subscribed(lang, email.as_str(), site, standing, id, &link),
            now,
        )
        .await?;
    Ok(())
}

/// The form's one check: an address that looks like one.
pub fn check(lang: Lang, form: &SubscribeForm) -> Result<EmailAddress, Refusal> {
    let mut feedback = FormFeedback::for_form("newsletter");
    feedback.keep(fields::EMAIL, &form.email);
    if form.email.trim().is_empty() {
        feedback.error(fields::EMAIL, lang.text("newsletter-email-missing"));
        return Err(feedback.into());
    }
    EmailAddress::parse(&form.email).ok_or_else(|| {
        feedback.error(fields::EMAIL, lang.text("email-invalid"));
        feedback.into()
    })
}

/// The form refused by the network's limit, with its address kept.
pub fn too_many(lang: Lang, form: &SubscribeForm) -> FormFeedback {
    let mut feedback = FormFeedback::for_form("newsletter");
    feedback
        .keep(fields::EMAIL, &form.email)
        .error(fields::EMAIL, lang.text("newsletter-too-many"));
    feedback
}

/// The subscriber of a private link (`/abonnement/{token}`): [`Refusal::NotFound`] for an
/// unknown or expired link. The private page and its two forms load it here.
pub async fn linked(db: &Db, token: &str, now: DateTime<Utc>) -> Result<Subscriber, Refusal> {
    db.newsletter()
        .subscriber_by_link(&Token::from_link(token).hash(), now)
        .await?
        .ok_or(Refusal::NotFound)
}

/// The most activities and focus areas one choice holds; a site has far fewer.
const MOST_CHOSEN: usize = 500;

/// The private page's form: everything, or the ticked activities and focus areas.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ChoiceForm {
    #[serde(rename = "hvad")]
    pub what: String,
    #[serde(rename = "aktivitet")]
    pub activities: Vec<String>,
    #[serde(rename = "fokus")]
    pub focus_areas: Vec<String>,
}

/// The ids of a ticked list, at most [`MOST_CHOSEN`]; what is not an id is left out.
fn ids(ticked: &[String]) -> Vec<i64> {
    ticked
        .iter()
        .take(MOST_CHOSEN)
        .filter(|text| text.len() <= 18)
        .filter_map(|text| text.parse().ok())
        .collect()
}

/// Saves the choice of `subscriber` (and so confirms it). Choosing "only some" with nothing
/// ticked is refused with a message: it would be a newsletter of news only, which "everything"
/// or leaving says better.
pub async fn choose(
    db: &Db,
    lang: Lang,
    subscriber: &Subscriber,
    form: &ChoiceForm,
    now: DateTime<Utc>,
) -> Result<(), Refusal> {
    let everything = form.what != "valgte";
    let (activities, areas) = (ids(&form.activities), ids(&form.focus_areas));
    if !everything && activities.is_empty() && areas.is_empty() {
        let mut feedback = FormFeedback::for_form("choice");
        feedback.keep(fields::WHAT, "valgte");
        feedback.error(fields::WHAT, lang.text("newsletter-choose-none"));
        return Err(feedback.into());
    }
    db.newsletter()
        .save_choice(subscriber.id, everything, (&activities, &areas), now)
        .await?;
    Ok(())
}

/// The staff's settings form.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct SettingsForm {
    #[serde(rename = "ugedag")]
    pub weekday: String,
    #[serde(rename = "klokken")]
    pub time: String,
    pub note: String,
}

/// Checks the staff's settings: a weekday (1 to 7), a time, and a note of at most
/// [`LONGEST_NOTE`] characters.
pub fn check_settings(form: &SettingsForm) -> Result<Settings, Refusal> {
    let lang = Lang::DA;
    let mut feedback = FormFeedback::for_form("newsletter-settings");
    feedback
        .keep(fields::WEEKDAY, &form.weekday)
        .keep(fields::TIME, &form.time)
        .keep(fields::NOTE, &form.note);
    let weekday = form
        .weekday
        .trim()
        .parse::<u8>()
        .ok()
        .filter(|day| (1..=7).contains(day))
        .and_then(|day| Weekday::try_from(day - 1).ok());
    if weekday.is_none() {
        feedback.error(
            fields::WEEKDAY,
            lang.text("staff-newsletter-weekday-invalid"),
        );
    }
    let at = (form.time.len() <= 8)
        .then(|| NaiveTime::parse_from_str(form.time.trim(), "%H:%M").ok())
        .flatten();
    if at.is_none() {
        feedback.error(fields::TIME, lang.text("staff-newsletter-time-invalid"));
    }
    if form.note.chars().count() > LONGEST_NOTE {
        feedback.error(fields::NOTE, lang.text("staff-newsletter-note-too-long"));
    }
    match (weekday, at) {
        (Some(weekday), Some(at)) if feedback.is_ok() => Ok(Settings {
            schedule: super::Schedule { weekday, at },
            note: form.note.replace("\r\n", "\n").trim().to_owned(),
        }),
        _ => Err(feedback.into()),
    }
}

/// The newsletter of `week` as put together at `queued_at` with `note` and the news from
/// `news_since` on: the dates from the day it went to the week's Sunday, each with its seats
/// now, and the news published in between.
pub async fn edition(
    db: &Db,
    week: Week,
    note: String,
    (news_since, queued_at): (DateTime<Utc>, DateTime<Utc>),
) -> Result<Edition, sqlx::Error> {
    let from = clock::local_date(queued_at).max(week.monday());
    // One read of the activities and their exceptions gives the dates and the activities both.
    let schedule = db.calendar().schedule().await?;
    let mut occurrences = schedule.occurrences(from, week.sunday(), &Filter::default());
    crate::calendar::service::count_seats(db, &mut occurrences).await?;
    let activities = schedule.activities();
    let mut dates = Vec::with_capacity(occurrences.len());
    for occurrence in occurrences {
        let Some(activity) = activities
            .iter()
            .find(|activity| activity.id == occurrence.activity_id)
        else {
            continue;
        };
        let seats = occurrence.seats();
        dates.push(EditionDate {
            activity_id: activity.id,
            focus_area_id: activity.focus_area.as_ref().map(|area| area.id),
            name: occurrence.activity_name.clone(),
            path: occurrence.key.path(),
            starts: occurrence.starts,
            ends: occurrence.ends,
            venue: occurrence.venue.clone(),
            seats,
        });
    }
    let news = db.newsletter().news_between(news_since, queued_at).await?;
    Ok(Edition {
        week,
        note,
        dates,
        news,
        sent_on: Some(clock::local_date(queued_at)),
    })
}

/// The weekly run, every few minutes on every instance: once this week's newsletter is due (at
/// the staff's weekday and time), it is claimed once and queued for every confirmed subscriber
/// that has not had it, [`BATCH`] at a time, each batch one transaction. The emails are written
/// on the CPU budget's threads before the batch's transaction, so it holds the database's write
/// lock only for its inserts. Returns how many were queued by this run.
pub async fn send_weekly(
    db: &Db,
    links: &Links<'_>,
    now: DateTime<Utc>,
) -> Result<usize, sqlx::Error> {
    let settings = db.newsletter().settings().await?;
    let local_now = clock::local(now);
    if !settings.schedule.due(local_now) {
        return Ok(0);
    }
    let week = Week::of(local_now.date());
    let sent = db.newsletter().claim_week(week, now).await?;
    // Nobody waiting (the usual case after the first run of the week): nothing to build.
    let mut waiting = db.newsletter().waiting_for(week, BATCH).await?;
    if waiting.is_empty() {
        return Ok(0);
    }
    let edition = std::sync::Arc::new(
        edition(
            db,
            week,
            sent.note.clone(),
            (sent.news_since, sent.queued_at),
        )
        .await?,
    );
    let base = links.public_url.trim_end_matches('/').to_owned();
    let site = links.site_name.to_owned();
    let mut queued = 0;
    while !waiting.is_empty() {
        let (edition, base, site) = (edition.clone(), base.clone(), site.clone());
        let prepared = crate::cpu::run(move || {
            waiting
                .iter()
                .map(|subscriber| {
                    let token = Token::generate();
                    let lang = subscriber.lang;
                    let newsletter_links = NewsletterLinks {
                        base: &base,
                        choice: private_link(&base, lang, &token, ""),
                        leave: private_link(&base, lang, &token, "/afmeld"),
                    };
                    let email = emails::newsletter(
                        lang,
                        &subscriber.email,
                        &site,
                        (&edition, edition.for_subscriber(subscriber)),
                        subscriber.id,
                        &newsletter_links,
                    );
                    (subscriber.id, token.hash(), email)
                })
                .collect::<Vec<_>>()
        })
        .await;
        queued += db
            .newsletter()
            .queue_batch(week, sent.id, &prepared, now)
            .await?;
        waiting = db.newsletter().waiting_for(week, BATCH).await?;
    }
    Ok(queued)
}

/// The hourly housekeeping: forgets the addresses never confirmed within
/// [`UNCONFIRMED_KEPT`] and the links older than [`LINKS_KEPT`], and writes this month's count
/// of subscribers. Returns how many addresses were forgotten.
pub async fn housekeeping(db: &Db, now: DateTime<Utc>) -> Result<u64, sqlx::Error> {
    let forgotten = db
        .newsletter()
        .forget_stale(now - UNCONFIRMED_KEPT, now - LINKS_KEPT)
        .await?;
    let month = clock::local_date(now).format("%Y-%m").to_string();
    db.newsletter().count_month(&month).await?;
    Ok(forgotten)
}

/// The newsletter's figures of `period`: its months' subscribers, and its newsletters and
/// sign-ups by the moments it begins and ends in Danish time.
pub async fn figures_of(
    db: &Db,
    period: &crate::period::Period,
) -> Result<super::NewsletterFigures, sqlx::Error> {
    let months = (
        period.from.format("%Y-%m").to_string(),
        period.to.format("%Y-%m").to_string(),
    );
    db.newsletter()
        .figures(period.utc_bounds(), (&months.0, &months.1))
        .await
}
