//! What the sign-up form and the private link do: check the party with a Danish message per
//! field, write it (confirmed or waitlisted) with its email, and cancel with promotion.

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::{queries::SignupMails, NewSignup, Signup, SignupStatus};
use crate::{
    accounts::{
        service::{Links, Refusal},
        token::Token,
        EmailAddress,
    },
    calendar::{Activity, Occurrence, SignupMode},
    dates::{long_date, time_span},
    db::Db,
    forms::FormFeedback,
    i18n::Lang,
    mail::OutgoingEmail,
};

/// The sign-up form as posted; every field is text so nothing typed is lost.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct SignupForm {
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
        ("name", &form.name),
        ("adults", &form.adults),
        ("children", &form.children),
        ("contact", &form.contact),
        ("note", &form.note),
    ] {
        feedback.keep(field, value);
    }
    let name = form.name.trim();
    if name.is_empty() {
        feedback.error("name", lang.text("signup-name-missing"));
    } else if name.chars().count() > 100 {
        feedback.error("name", lang.text("name-too-long"));
    }
    let number = |text: &str, default: i64| match text.trim() {
        "" => Some(default),
        text => text.parse::<i64>().ok(),
    };
    let adults = number(&form.adults, 1).filter(|n| (1..=MAX_PARTY).contains(n));
    if adults.is_none() {
        feedback.error("adults", lang.text("signup-adults-invalid"));
    }
    let children = number(&form.children, 0).filter(|n| (0..=MAX_PARTY).contains(n));
    if children.is_none() {
        feedback.error("children", lang.text("signup-children-invalid"));
    }
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
            .map(|line| view! { {line.to_owned()} <br /> })
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
    if activity.signup_mode == SignupMode::None || occurrence.is_cancelled() {
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
    let occurrence_id = db.occurrence_id(activity.id, occurrence.key.date).await?;
    let status = db
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

/// Cancels the sign-up of a private link; waiting parties that now fit are confirmed and
/// emailed. False if the link is unknown or already cancelled.
pub async fn cancel(
    db: &Db,
    lang: Lang,
    site_name: &str,
    activity: &Activity,
    occurrence: &Occurrence,
    token: &str,
    now: DateTime<Utc>,
) -> Result<bool, Refusal> {
    let promotion = |party: &Signup| {
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
    };
    let cancelled = db
        .cancel_signup(
            &Token::from_link(token).hash(),
            activity.capacity,
            &promotion,
            now,
        )
        .await?;
    Ok(cancelled.is_some())
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
        for field in ["name", "adults", "children", "contact"] {
            assert!(refused.error_for(field).is_some(), "{field}");
        }
        assert_eq!(refused.value("contact"), Some("amina@"));
    }
}
