//! What the sign-up form, the private link and the staff's list do: check the party with a
//! Danish message per field (and the robots' field), write it (confirmed or waitlisted) with its
//! email, and cancel or remove it with promotion, by the one rule of whether it may still
//! change.

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::{
    fields,
    queries::{PartyChange, SignupMails},
    NewSignup, Signup, SignupStatus,
};
use crate::{
    accounts::{service::Links, token::Token, EmailAddress},
    calendar::{Activity, Occurrence, SignupMode},
    clock,
    dates::lang_when,
    db::Db,
    errors::Refusal,
    forms::FormFeedback,
    i18n::{without_isolation, Lang},
    mail::OutgoingEmail,
};

/// The sign-up form as posted; every field is text so nothing typed is lost.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct SignupForm {
    #[serde(rename = "navn")]
    pub name: String,
    #[serde(rename = "voksne")]
    pub adults: String,
    #[serde(rename = "boern")]
    pub children: String,
    pub contact: String,
    pub note: String,
    /// The honeypot: an input hidden on screen and from screen readers, out of the tab order
    /// and without autofill, so only a robot fills it in. A filled one signs nobody up.
    #[serde(rename = "hjemmeside")]
    pub honeypot: String,
    /// The week of the newsletter whose link led here, passed on by the form.
    #[serde(rename = "nyhedsbrev")]
    pub from_newsletter: String,
}

impl SignupForm {
    /// The form's values to show again (the honeypot's never: it stays empty).
    fn feedback(&self) -> FormFeedback {
        let mut feedback = FormFeedback::for_form("signup");
        for (field, value) in [
            (fields::NAME, &self.name),
            (fields::ADULTS, &self.adults),
            (fields::CHILDREN, &self.children),
            (fields::CONTACT, &self.contact),
            (fields::NOTE, &self.note),
        ] {
            feedback.keep(field, value);
        }
        feedback
    }
}

/// Checks the form for an activity whose parties hold at most `max_party` persons; the contact
/// field takes an email address or a phone number.
pub fn check(lang: Lang, form: &SignupForm, max_party: i64) -> Result<NewSignup, FormFeedback> {
    let mut feedback = form.feedback();
    if !form.honeypot.is_empty() {
        // Only a robot fills the hidden field. Should a browser ever have filled it for a
        // person, the form comes back with everything else kept and the field empty, so
        // sending it again works.
        feedback.message(lang.text("signup-not-sent"));
        return Err(feedback);
    }
    let name = form.name.trim();
    if name.is_empty() {
        feedback.error(fields::NAME, lang.text("signup-name-missing"));
    } else if name.chars().count() > 100 {
        feedback.error(fields::NAME, lang.text("name-too-long"));
    }
    let (adults, children) = party_size(
        lang,
        (&form.adults, &form.children),
        max_party,
        &mut feedback,
    );
    let contact = form.contact.trim();
    let (email, phone) = if contact.is_empty() {
        (String::new(), String::new())
    } else if contact.contains('@') {
        match EmailAddress::parse(contact) {
            Some(email) => (email.as_str().to_owned(), String::new()),
            None => {
                feedback.error(fields::CONTACT, lang.text("email-invalid"));
                (String::new(), String::new())
            }
        }
    } else if contact.chars().filter(char::is_ascii_digit).count() >= 8
        && contact.chars().count() <= 30
        && contact
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-'))
    {
        (String::new(), contact.to_owned())
    } else {
        feedback.error(fields::CONTACT, lang.text("signup-contact-invalid"));
        (String::new(), String::new())
    };
    if form.note.chars().count() > 500 {
        feedback.error(fields::NOTE, lang.text("signup-note-too-long"));
    }
    match (adults, children, feedback.is_ok()) {
        (Some(adults), Some(children), true) => Ok(NewSignup {
            lang,
            name: name.to_owned(),
            adults,
            children,
            email,
            phone,
            note: form.note.trim().to_owned(),
            via_newsletter: crate::newsletter::Week::parse(&form.from_newsletter)
                .map(crate::newsletter::Week::key)
                .unwrap_or_default(),
        }),
        _ => Err(feedback),
    }
}

/// Reads the number of adults (1 if empty) and children (0 if empty) of a party of at most
/// `max_party` persons, with a message by the field that needs fixing: each is a whole number
/// (at least 1 adult), and together they fit in `max_party`.
fn party_size(
    lang: Lang,
    (adults, children): (&str, &str),
    max_party: i64,
    feedback: &mut FormFeedback,
) -> (Option<i64>, Option<i64>) {
    let number = |text: &str, default: i64, least: i64| match text.trim() {
        "" => Some(default),
        text => text.parse::<i64>().ok().filter(|n| *n >= least),
    };
    let adults = number(adults, 1, 1);
    if adults.is_none() {
        feedback.error(fields::ADULTS, lang.text("signup-adults-invalid"));
    }
    let children = number(children, 0, 0);
    if children.is_none() {
        feedback.error(fields::CHILDREN, lang.text("signup-children-invalid"));
    }
    match (adults, children) {
        (Some(adults), Some(children)) if adults.saturating_add(children) > max_party => {
            feedback.error(
                fields::ADULTS,
                lang.text_with_values("signup-party-too-big", &[("max", max_party.into())]),
            );
            (None, None)
        }
        counts => counts,
    }
}

/// Checks a posted sign-up for `occurrence` of `activity` at `now`: the date takes sign-ups, the
/// robots' field is empty, and the party is valid and no larger than the activity allows.
/// Nothing is written: the handler applies the rate limits to what passes, then
/// [`sign_up`] writes it.
pub fn check_signup(
    lang: Lang,
    activity: &Activity,
    occurrence: &Occurrence,
    form: &SignupForm,
    now: DateTime<Utc>,
) -> Result<NewSignup, Refusal> {
    if !occurrence.open_for_signup(clock::local(now)) {
        let mut feedback = FormFeedback::for_form("signup");
        feedback.message(lang.text("signup-closed"));
        return Err(feedback.into());
    }
    Ok(check(lang, form, activity.max_party)?)
}

/// The form again, with everything typed, when the sign-ups from one network have reached a
/// rate limit.
pub fn too_many(lang: Lang, form: &SignupForm) -> FormFeedback {
    let mut feedback = form.feedback();
    feedback.message(lang.text("signup-too-many"));
    feedback
}

/// The lines every sign-up email shares: what, when, where, and the private link if there is
/// one to give.
fn details(lang: Lang, activity: &Activity, occurrence: &Occurrence, link: Option<&str>) -> String {
    let when = lang_when(
        lang,
        occurrence.starts.date(),
        occurrence.starts.time(),
        occurrence.ends.time(),
    );
    let mut text = format!("{}\n{when}\n", activity.name);
    if let Some(venue) = &activity.venue {
        text.push_str(&format!("{}\n", venue.name));
    }
    if let Some(link) = link {
        text.push_str(&format!("\n{}\n{link}\n", lang.text("signup-email-manage")));
    }
    text
}

/// A sign-up email in `lang`: its subject without the isolation marks of right-to-left text,
/// which a mail app's list of subjects would show as they are.
fn email(
    lang: Lang,
    to: &str,
    subject: String,
    intro: String,
    details: String,
    site: &str,
    calendar: Option<String>,
) -> OutgoingEmail {
    let text = format!("{intro}\n\n{details}\n{site}\n");
    let html = {
        use leptos::prelude::*;
        let lines = text
            .lines()
            .map(|line| {
                view! {
                    {line.to_owned()}
                    <br />
                }
            })
            .collect_view();
        format!(
            "<!DOCTYPE html>{}",
            view! {
                <html lang=lang.code() dir=lang.dir()>
                    <body>
                        <p>{lines}</p>
                    </body>
                </html>
            }
            .to_html()
        )
    };
    OutgoingEmail {
        to: to.to_owned(),
        subject: without_isolation(&subject),
        text,
        html,
        calendar,
        list: None,
    }
}

/// The date of `occurrence` as an iCalendar file: the same event, with the same UID, as the
/// calendar feeds, so a phone that holds both keeps one.
fn date_file(links: &Links<'_>, activity: &Activity, occurrence: &Occurrence) -> String {
    crate::calendar::ics::date_file(
        links.site_name,
        links.public_url,
        &activity.name,
        occurrence,
    )
}

/// Where a new sign-up landed, and the private link to it.
#[derive(Debug)]
pub struct SignedUp {
    pub status: SignupStatus,
    pub token: Token,
}

/// Signs up a party that passed [`check_signup`] for an occurrence and queues the confirmation
/// (or waitlist) email when an address was given, in the language the party signed up in.
pub async fn sign_up(
    db: &Db,
    links: &Links<'_>,
    activity: &Activity,
    occurrence: &Occurrence,
    party: &NewSignup,
    now: DateTime<Utc>,
) -> Result<SignedUp, Refusal> {
    let token = Token::generate();
    // The party's language, which its private page and every email use.
    let lang = party.lang;
    let link = format!(
        "{}{}",
        links.public_url.trim_end_matches('/'),
        lang.address(&format!("/tilmelding/{}", token.as_str()))
    );
    let details = details(lang, activity, occurrence, Some(&link));
    let name = ("name", party.name.clone());
    let activity_name = ("activity", activity.name.clone());
    let confirmed = email(
        lang,
        &party.email,
        lang.text_with(
            "signup-email-confirmed-subject",
            std::slice::from_ref(&activity_name),
        ),
        lang.text_with("signup-email-confirmed", std::slice::from_ref(&name)),
        details.clone(),
        links.site_name,
        Some(date_file(links, activity, occurrence)),
    );
    let waitlisted = email(
        lang,
        &party.email,
        lang.text_with("signup-email-waitlisted-subject", &[activity_name]),
        lang.text_with("signup-email-waitlisted", &[name]),
        details,
        links.site_name,
        None,
    );
    let has_email = !party.email.is_empty();
    let occurrence_id = db
        .signups()
        .ensure_occurrence_row(activity.id, occurrence.key.date)
        .await?;
    let status = db
        .signups()
        .sign_up(
            occurrence_id,
            activity.capacity,
            party,
            &token.hash(),
            &SignupMails {
                confirmed: has_email.then_some(&confirmed),
                waitlisted: has_email.then_some(&waitlisted),
            },
            now,
        )
        .await?;
    Ok(SignedUp { status, token })
}

/// The email to a party promoted from the waitlist, if it gave an address, in the language it
/// signed up in.
fn promotion_mail<'a>(
    links: &'a Links<'a>,
    activity: &'a Activity,
    occurrence: &'a Occurrence,
) -> impl Fn(&Signup) -> Option<OutgoingEmail> + Send + Sync + 'a {
    move |party: &Signup| {
        let lang = party.lang;
        // The party's private link is not known here (only its hash is stored); the email
        // refers to the first email, which holds it.
        (!party.email.is_empty()).then(|| {
            email(
                lang,
                &party.email,
                lang.text_with(
                    "signup-email-promoted-subject",
                    &[("activity", activity.name.clone())],
                ),
                lang.text_with("signup-email-promoted", &[("name", party.name.clone())]),
                details(lang, activity, occurrence, None),
                links.site_name,
                Some(date_file(links, activity, occurrence)),
            )
        })
    }
}

/// A sign-up found by its private link, with the activity and date it is for.
#[derive(Clone, Debug)]
pub struct LinkedSignup {
    pub signup: Signup,
    pub activity: Activity,
    pub occurrence: Occurrence,
}

/// The sign-up of a private link (`/tilmelding/{token}`): [`Refusal::NotFound`] for an unknown
/// link or a date that no longer exists. The private page and its two forms load it here.
pub async fn linked(db: &Db, token: &str) -> Result<LinkedSignup, Refusal> {
    let hash = Token::from_link(token).hash();
    let (signup, activity_id, date) = db
        .signups()
        .signup_with_occurrence(&hash)
        .await?
        .ok_or(Refusal::NotFound)?;
    let (activity, occurrence) = db
        .calendar()
        .occurrence_by_activity(activity_id, date)
        .await?
        .ok_or(Refusal::NotFound)?;
    Ok(LinkedSignup {
        signup,
        activity,
        occurrence,
    })
}

/// The one check of every path that cancels, changes or removes a sign-up (the private link's
/// two forms and the staff's list): the party may still change by [`Signup::can_change`] at
/// `now`, or the form `form` comes back with the message `message`. A date that has begun or
/// was cancelled keeps its list as it was: nobody is promoted or emailed for it.
fn ensure_can_change(
    lang: Lang,
    signup: &Signup,
    occurrence: &Occurrence,
    now: DateTime<Utc>,
    (form, message): (FormFeedback, &str),
) -> Result<(), Refusal> {
    if signup.can_change(occurrence, clock::local(now)) {
        return Ok(());
    }
    let mut form = form;
    form.message(lang.text(message));
    Err(form.into())
}

/// Cancels the sign-up of a private link; waiting parties that now fit are confirmed and
/// emailed. False if it was already cancelled (a second press of the button changes nothing).
pub async fn cancel(
    db: &Db,
    lang: Lang,
    links: &Links<'_>,
    linked: &LinkedSignup,
    token: &str,
    now: DateTime<Utc>,
) -> Result<bool, Refusal> {
    let LinkedSignup {
        signup,
        activity,
        occurrence,
    } = linked;
    if signup.status == SignupStatus::Cancelled {
        return Ok(false);
    }
    let closed = (FormFeedback::for_form("party"), "signup-change-closed");
    ensure_can_change(lang, signup, occurrence, now, closed)?;
    let promotion = promotion_mail(links, activity, occurrence);
    let cancelled = db
        .signups()
        .cancel_signup(
            &Token::from_link(token).hash(),
            activity.capacity,
            &promotion,
            now,
        )
        .await?;
    Ok(cancelled.is_some())
}

/// The private page's form to change the party size (its inputs named as the sign-up form's,
/// see [`fields`]).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct PartyForm {
    #[serde(rename = "voksne")]
    pub adults: String,
    #[serde(rename = "boern")]
    pub children: String,
}

/// Changes the party size of the sign-up of a private link, within the activity's largest
/// party. A confirmed party that would no longer fit keeps its seats and gets a message; seats
/// freed go to the waitlist.
pub async fn change_party(
    db: &Db,
    lang: Lang,
    links: &Links<'_>,
    linked: &LinkedSignup,
    token: &str,
    form: &PartyForm,
    now: DateTime<Utc>,
) -> Result<PartyChange, Refusal> {
    let LinkedSignup {
        signup,
        activity,
        occurrence,
    } = linked;
    let mut feedback = FormFeedback::for_form("party");
    feedback
        .keep(fields::ADULTS, &form.adults)
        .keep(fields::CHILDREN, &form.children);
    let closed = (feedback.clone(), "signup-change-closed");
    ensure_can_change(lang, signup, occurrence, now, closed)?;
    let counts = (form.adults.as_str(), form.children.as_str());
    let (Some(adults), Some(children)) =
        party_size(lang, counts, activity.max_party, &mut feedback)
    else {
        return Err(feedback.into());
    };
    let promotion = promotion_mail(links, activity, occurrence);
    let change = db
        .signups()
        .change_party(
            &Token::from_link(token).hash(),
            activity.capacity,
            (adults, children),
            &promotion,
            now,
        )
        .await?;
    if change == PartyChange::NoRoom {
        feedback.error(fields::ADULTS, lang.text("signup-change-no-room"));
        return Err(feedback.into());
    }
    Ok(change)
}

/// Staff remove sign-up `signup_id` from the list of `occurrence` (of `activity`) in one step,
/// with the same effect as the party cancelling: waiting parties that now fit are confirmed
/// and emailed, and the removal is written to the log of staff actions. Ok(None) if the
/// occurrence has no such sign-up; Ok(Some(false)) if it was already cancelled.
pub async fn remove(
    db: &Db,
    lang: Lang,
    links: &Links<'_>,
    actor_id: i64,
    (activity, occurrence): (&Activity, &Occurrence),
    signup_id: i64,
    now: DateTime<Utc>,
) -> Result<Option<bool>, Refusal> {
    let Some(signup) = db
        .signups()
        .signup_of_occurrence(activity.id, occurrence.key.date, signup_id)
        .await?
    else {
        return Ok(None);
    };
    if signup.status == SignupStatus::Cancelled {
        return Ok(Some(false));
    }
    let closed = (
        FormFeedback::for_form("remove"),
        "staff-signup-remove-closed",
    );
    ensure_can_change(lang, &signup, occurrence, now, closed)?;
    let promotion = promotion_mail(links, activity, occurrence);
    let removed = db
        .signups()
        .remove_signup(actor_id, &signup, activity.capacity, &promotion, now)
        .await?;
    Ok(Some(removed.is_some()))
}

/// Queues the reminder email of every confirmed party with an address for the occurrences that
/// take place the day after `today` (local), each once however often this runs. Returns how
/// many were queued.
pub async fn send_reminders(
    db: &Db,
    links: &Links<'_>,
    today: chrono::NaiveDate,
    now: DateTime<Utc>,
) -> Result<usize, sqlx::Error> {
    let Some(tomorrow) = today.succ_opt() else {
        return Ok(0);
    };
    let mut queued = 0;
    let filter = crate::calendar::occurrences::Filter::default();
    for found in db
        .calendar()
        .occurrences_between(tomorrow, tomorrow, &filter)
        .await?
    {
        if found.is_cancelled() || found.signup_mode == SignupMode::None {
            continue;
        }
        let Some((activity, occurrence)) = db.calendar().occurrence_by_key(&found.key).await?
        else {
            continue;
        };
        for party in db
            .signups()
            .parties_to_remind(activity.id, occurrence.key.date)
            .await?
        {
            let lang = party.lang;
            let mail = email(
                lang,
                &party.email,
                lang.text_with(
                    "signup-email-reminder-subject",
                    &[("activity", activity.name.clone())],
                ),
                lang.text_with("signup-email-reminder", &[("name", party.name.clone())]),
                details(lang, &activity, &occurrence, None),
                links.site_name,
                Some(date_file(links, &activity, &occurrence)),
            );
            if db.signups().queue_reminder(party.id, &mail, now).await? {
                queued += 1;
            }
        }
    }
    Ok(queued)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(name: &str, adults: &str, children: &str, contact: &str) -> SignupForm {
        SignupForm {
            name: name.into(),
            adults: adults.into(),
            children: children.into(),
            contact: contact.into(),
            ..SignupForm::default()
        }
    }

    #[test]
    fn a_party_needs_a_name_and_at_least_one_adult() {
        let party = check(Lang::DA, &form("Amina", "2", "3", "Amina@Example.org"), 10).unwrap();
        assert_eq!(
            (party.adults, party.children, party.email.as_str()),
            (2, 3, "amina@example.org")
        );
        let party = check(Lang::DA, &form("Bo", "", "", "+45 12 34 56 78"), 10).unwrap();
        assert_eq!(
            (party.adults, party.children, party.phone.as_str()),
            (1, 0, "+45 12 34 56 78")
        );
        let refused = check(Lang::DA, &form("", "0", "-1", "amina@"), 10).unwrap_err();
        for field in [
            fields::NAME,
            fields::ADULTS,
            fields::CHILDREN,
            fields::CONTACT,
        ] {
            assert!(refused.error_for(field).is_some(), "{field}");
        }
        assert_eq!(refused.value(fields::CONTACT), Some("amina@"));
    }

    #[test]
    fn a_party_fits_in_the_activitys_largest_party() {
        let party = check(Lang::DA, &form("Amina", "4", "6", ""), 10).unwrap();
        assert_eq!(party.persons(), 10);
        for (adults, children) in [("5", "6"), ("10", "10"), ("11", ""), ("1", "9999999999999")] {
            let refused = check(Lang::DA, &form("Amina", adults, children, ""), 10).unwrap_err();
            assert_eq!(
                refused.error_for(fields::ADULTS),
                Some("Én tilmelding kan højst være for 10 personer, voksne og børn tilsammen."),
                "{adults} + {children}"
            );
            assert_eq!(refused.value(fields::CHILDREN), Some(children), "kept");
        }
        assert!(check(Lang::DA, &form("Bo", "3", "", ""), 2).is_err());
        let refused = check(Lang::DA, &form("Bo", "99999999999999999999", "", ""), 10);
        assert!(refused.unwrap_err().error_for(fields::ADULTS).is_some());
    }

    #[test]
    fn a_filled_honeypot_signs_nobody_up_and_keeps_the_rest() {
        let mut filled = form("Amina", "2", "0", "amina@example.org");
        filled.honeypot = "https://spam.example".into();
        let refused = check(Lang::DA, &filled, 10).unwrap_err();
        assert!(refused.message.is_some());
        assert_eq!(refused.value(fields::NAME), Some("Amina"));
        assert_eq!(refused.value(fields::HONEYPOT), None, "never shown again");
    }

    #[test]
    fn the_forms_fields_shadow_no_property_of_a_form_element() {
        // Named controls become properties of an HTMLFormElement; these are some of its own.
        let properties = [
            "action",
            "children",
            "elements",
            "encoding",
            "enctype",
            "id",
            "length",
            "method",
            "name",
            "reset",
            "submit",
            "target",
            "title",
            "style",
            "className",
            "innerHTML",
            "nodeName",
            "parentNode",
            "childNodes",
            "firstChild",
            "attributes",
        ];
        let names = [
            fields::NAME,
            fields::ADULTS,
            fields::CHILDREN,
            fields::CONTACT,
            fields::NOTE,
            fields::HONEYPOT,
        ];
        for name in names {
            assert!(!properties.contains(&name), "{name}");
        }
        let posted: SignupForm =
            serde_html_form::from_str("navn=Amina&voksne=2&boern=1&hjemmeside=").unwrap();
        assert_eq!(
            (
                posted.name.as_str(),
                posted.adults.as_str(),
                posted.children.as_str()
            ),
            ("Amina", "2", "1")
        );
        let party: PartyForm = serde_html_form::from_str("voksne=3&boern=0").unwrap();
        assert_eq!((party.adults.as_str(), party.children.as_str()), ("3", "0"));
    }
}
