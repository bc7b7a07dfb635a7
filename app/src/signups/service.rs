//! What the sign-up form and the private link do: check the party with a Danish message per
//! field, write it (confirmed or waitlisted) with its email, and cancel with promotion.

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::{
    queries::{PartyChange, SignupMails},
    NewSignup, Signup, SignupStatus,
};
use crate::{
    accounts::{service::Links, token::Token, EmailAddress},
    calendar::{Activity, Occurrence, SignupMode},
    clock,
    dates::{long_date, time_span},
    db::Db,
    errors::Refusal,
    forms::FormFeedback,
    i18n::Lang,
    mail::OutgoingEmail,
};

/// The sign-up form as posted; every field is text so nothing typed is lost.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct SignupForm {
    /// Posted as `party_name`: a form control named `name` would hide the form's own `name`.
    #[serde(rename = "party_name")]
    pub name: String,
    pub adults: String,
    pub children: String,
    pub contact: String,
    pub note: String,
}

/// The most persons one party may sign up.
const MAX_PARTY: i64 = 20;

/// Checks the form; the contact field takes an email address or a phone number.
pub fn check(lang: Lang, form: &SignupForm) -> Result<NewSignup, FormFeedback> {
    let mut feedback = FormFeedback::for_form("signup");
    for (field, value) in [
        ("party_name", &form.name),
        ("adults", &form.adults),
        ("children", &form.children),
        ("contact", &form.contact),
        ("note", &form.note),
    ] {
        feedback.keep(field, value);
    }
    let name = form.name.trim();
    if name.is_empty() {
        feedback.error("party_name", lang.text("signup-name-missing"));
    } else if name.chars().count() > 100 {
        feedback.error("party_name", lang.text("name-too-long"));
    }
    let (adults, children) = party_size(lang, &form.adults, &form.children, &mut feedback);
    let contact = form.contact.trim();
    let (email, phone) = if contact.is_empty() {
        (String::new(), String::new())
    } else if contact.contains('@') {
        match EmailAddress::parse(contact) {
            Some(email) => (email.as_str().to_owned(), String::new()),
            None => {
                feedback.error("contact", lang.text("email-invalid"));
                (String::new(), String::new())
            }
        }
    } else if contact.chars().filter(char::is_ascii_digit).count() >= 8
        && contact
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-'))
    {
        (String::new(), contact.to_owned())
    } else {
        feedback.error("contact", lang.text("signup-contact-invalid"));
        (String::new(), String::new())
    };
    if form.note.chars().count() > 500 {
        feedback.error("note", lang.text("signup-note-too-long"));
    }
    match (adults, children, feedback.is_ok()) {
        (Some(adults), Some(children), true) => Ok(NewSignup {
            name: name.to_owned(),
            adults,
            children,
            email,
            phone,
            note: form.note.trim().to_owned(),
        }),
        _ => Err(feedback),
    }
}

/// Reads the number of adults (1 if empty) and children (0 if empty) of a party, with a message
/// by each field that is not a number in range.
fn party_size(
    lang: Lang,
    adults: &str,
    children: &str,
    feedback: &mut FormFeedback,
) -> (Option<i64>, Option<i64>) {
    let number = |text: &str, default: i64| match text.trim() {
        "" => Some(default),
        text => text.parse::<i64>().ok(),
    };
    let adults = number(adults, 1).filter(|n| (1..=MAX_PARTY).contains(n));
    if adults.is_none() {
        feedback.error("adults", lang.text("signup-adults-invalid"));
    }
    let children = number(children, 0).filter(|n| (0..=MAX_PARTY).contains(n));
    if children.is_none() {
        feedback.error("children", lang.text("signup-children-invalid"));
    }
    (adults, children)
}

/// The lines every sign-up email shares: what, when, where, and the private link if there is
/// one to give.
fn details(lang: Lang, activity: &Activity, occurrence: &Occurrence, link: Option<&str>) -> String {
    let when = format!(
        "{}, {}",
        long_date(occurrence.starts.date()),
        time_span(occurrence.starts.time(), occurrence.ends.time())
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

fn email(to: &str, subject: String, intro: String, details: String, site: &str) -> OutgoingEmail {
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
            view! { <html lang="da"><body><p>{lines}</p></body></html> }.to_html()
        )
    };
    OutgoingEmail {
        to: to.to_owned(),
        subject,
        text,
        html,
    }
}

/// Where a new sign-up landed, and the private link to it.
#[derive(Debug)]
pub struct SignedUp {
    pub status: SignupStatus,
    pub token: Token,
}

/// Signs a party up for an occurrence and queues the confirmation (or waitlist) email when an
/// address was given.
pub async fn sign_up(
    db: &Db,
    lang: Lang,
    links: &Links<'_>,
    activity: &Activity,
    occurrence: &Occurrence,
    form: &SignupForm,
    now: DateTime<Utc>,
) -> Result<SignedUp, Refusal> {
    if !occurrence.open_for_signup(clock::local(now)) {
        let mut feedback = FormFeedback::for_form("signup");
        feedback.message(lang.text("signup-closed"));
        return Err(feedback.into());
    }
    let party = check(lang, form)?;
    let token = Token::generate();
    let link = format!(
        "{}/tilmelding/{}",
        links.public_url.trim_end_matches('/'),
        token.as_str()
    );
    let details = details(lang, activity, occurrence, Some(&link));
    let name = ("name", party.name.clone());
    let activity_name = ("activity", activity.name.clone());
    let confirmed = email(
        &party.email,
        lang.text_with(
            "signup-email-confirmed-subject",
            std::slice::from_ref(&activity_name),
        ),
        lang.text_with("signup-email-confirmed", std::slice::from_ref(&name)),
        details.clone(),
        links.site_name,
    );
    let waitlisted = email(
        &party.email,
        lang.text_with("signup-email-waitlisted-subject", &[activity_name]),
        lang.text_with("signup-email-waitlisted", &[name]),
        details,
        links.site_name,
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
            &party,
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

/// The email to a party promoted from the waitlist, if it gave an address.
fn promotion_mail<'a>(
    lang: Lang,
    site_name: &'a str,
    activity: &'a Activity,
    occurrence: &'a Occurrence,
) -> impl Fn(&Signup) -> Option<OutgoingEmail> + Send + Sync + 'a {
    move |party: &Signup| {
        // The party's private link is not known here (only its hash is stored); the email
        // refers to the first email, which holds it.
        (!party.email.is_empty()).then(|| {
            email(
                &party.email,
                lang.text_with(
                    "signup-email-promoted-subject",
                    &[("activity", activity.name.clone())],
                ),
                lang.text_with("signup-email-promoted", &[("name", party.name.clone())]),
                details(lang, activity, occurrence, None),
                site_name,
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

/// The sign-up of a private link (`/tilmelding/{token}`), or None for an unknown link or a
/// date that no longer exists.
pub async fn find_by_link(db: &Db, token: &str) -> Result<Option<LinkedSignup>, sqlx::Error> {
    let hash = Token::from_link(token).hash();
    let Some((signup, activity_id, date)) = db.signups().signup_with_occurrence(&hash).await?
    else {
        return Ok(None);
    };
    Ok(db
        .calendar()
        .occurrence_by_activity(activity_id, date)
        .await?
        .map(|(activity, occurrence)| LinkedSignup {
            signup,
            activity,
            occurrence,
        }))
}

/// The refusal for a party that can no longer change (see [`Signup::can_change`]).
fn change_closed(lang: Lang, mut feedback: FormFeedback) -> Refusal {
    feedback.message(lang.text("signup-change-closed"));
    feedback.into()
}

/// Cancels the sign-up of a private link; waiting parties that now fit are confirmed and
/// emailed. False if it was already cancelled (a second press of the button changes nothing).
pub async fn cancel(
    db: &Db,
    lang: Lang,
    site_name: &str,
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
    if !signup.can_change(occurrence, clock::local(now)) {
        return Err(change_closed(lang, FormFeedback::for_form("party")));
    }
    let promotion = promotion_mail(lang, site_name, activity, occurrence);
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

/// The private page's form to change the party size.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct PartyForm {
    pub adults: String,
    pub children: String,
}

/// Changes the party size of the sign-up of a private link. A confirmed party that would no
/// longer fit keeps its seats and gets a message; seats freed go to the waitlist.
pub async fn change_party(
    db: &Db,
    lang: Lang,
    site_name: &str,
    linked: &LinkedSignup,
    token: &str,
    form: &PartyForm,
    now: DateTime<Utc>,
) -> Result<PartyChange, Refusal> {
    let mut feedback = FormFeedback::for_form("party");
    feedback
        .keep("adults", &form.adults)
        .keep("children", &form.children);
    let (Some(adults), Some(children)) =
        party_size(lang, &form.adults, &form.children, &mut feedback)
    else {
        return Err(feedback.into());
    };
    let LinkedSignup {
        signup,
        activity,
        occurrence,
    } = linked;
    if !signup.can_change(occurrence, clock::local(now)) {
        return Err(change_closed(lang, feedback));
    }
    let promotion = promotion_mail(lang, site_name, activity, occurrence);
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
        feedback.error("adults", lang.text("signup-change-no-room"));
        return Err(feedback.into());
    }
    Ok(change)
}

/// Queues the reminder email of every confirmed party with an address for the occurrences that
/// take place the day after `today` (local), each once however often this runs. Returns how
/// many were queued.
pub async fn send_reminders(
    db: &Db,
    lang: Lang,
    site_name: &str,
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
            let mail = email(
                &party.email,
                lang.text_with(
                    "signup-email-reminder-subject",
                    &[("activity", activity.name.clone())],
                ),
                lang.text_with("signup-email-reminder", &[("name", party.name.clone())]),
                details(lang, &activity, &occurrence, None),
                site_name,
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
            note: String::new(),
        }
    }

    #[test]
    fn a_party_needs_a_name_and_at_least_one_adult() {
        let party = check(Lang::Da, &form("Amina", "2", "3", "Amina@Example.org")).unwrap();
        assert_eq!(
            (party.adults, party.children, party.email.as_str()),
            (2, 3, "amina@example.org")
        );
        let party = check(Lang::Da, &form("Bo", "", "", "+45 12 34 56 78")).unwrap();
        assert_eq!(
            (party.adults, party.children, party.phone.as_str()),
            (1, 0, "+45 12 34 56 78")
        );
        let refused = check(Lang::Da, &form("", "0", "-1", "amina@")).unwrap_err();
        for field in ["party_name", "adults", "children", "contact"] {
            assert!(refused.error_for(field).is_some(), "{field}");
        }
        assert_eq!(refused.value("contact"), Some("amina@"));
    }
}
