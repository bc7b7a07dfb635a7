//! The emails about accounts: invitation and password reset, each as plain text and HTML, in
//! the language given. The HTML is rendered by Leptos, so names and addresses in it are
//! escaped.

use leptos::prelude::*;

use super::{role_name, Role};
use crate::{i18n::Lang, mail::OutgoingEmail};

/// The invitation to create an account; `link` holds the single-use token.
pub fn invitation(lang: Lang, to: &str, site_name: &str, role: Role, link: &str) -> OutgoingEmail {
    let site = ("site", site_name.to_owned());
    let role = ("role", role_name(lang, role));
    let paragraphs = [
        lang.text_with("email-invitation-body", &[site.clone(), role]),
        lang.text("email-invitation-valid"),
    ];
    compose(
        lang,
        to,
        lang.text_with("email-invitation-subject", std::slice::from_ref(&site)),
        &paragraphs,
        lang.text("email-invitation-action"),
        link,
        lang.text("email-invitation-ignore"),
        lang.text_with("email-signature", &[site]),
    )
}

/// The link to choose a new password.
pub fn password_reset(lang: Lang, to: &str, site_name: &str, link: &str) -> OutgoingEmail {
    let site = ("site", site_name.to_owned());
    let paragraphs = [
        lang.text_with("email-reset-body", std::slice::from_ref(&site)),
        lang.text("email-reset-valid"),
    ];
    compose(
        lang,
        to,
        lang.text_with("email-reset-subject", std::slice::from_ref(&site)),
        &paragraphs,
        lang.text("email-reset-action"),
        link,
        lang.text("email-reset-ignore"),
        lang.text_with("email-signature", &[site]),
    )
}

/// What changed about a person's second step of logging in, for the email that tells them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TwoFactorNews {
    /// They turned it on.
    On,
    /// Someone logged in with one of their recovery codes; this many are left.
    RecoveryCodeUsed { left: i64 },
    /// An admin turned it off for them.
    Reset,
}

/// The email about a change to the second step of logging in, with a link to the account page.
pub fn two_factor(
    lang: Lang,
    to: &str,
    site_name: &str,
    news: TwoFactorNews,
    account_link: &str,
) -> OutgoingEmail {
    let site = ("site", site_name.to_owned());
    let one = std::slice::from_ref(&site);
    let (subject, mut paragraphs, closing) = match news {
        TwoFactorNews::On => (
            lang.text_with("email-two-factor-on-subject", one),
            vec![lang.text_with("email-two-factor-on-body", one)],
            lang.text("email-two-factor-not-you"),
        ),
        TwoFactorNews::RecoveryCodeUsed { left } => (
            lang.text_with("email-recovery-used-subject", one),
            vec![
                lang.text_with("email-recovery-used-body", one),
                lang.text_with_values(
                    "two-factor-codes-left",
                    &[("count", crate::i18n::Arg::from(left))],
                ),
            ],
            lang.text("email-two-factor-not-you"),
        ),
        TwoFactorNews::Reset => (
            lang.text_with("email-two-factor-reset-subject", one),
            vec![lang.text_with("email-two-factor-reset-body", one)],
            lang.text("email-two-factor-not-you"),
        ),
    };
    if news == TwoFactorNews::On {
        paragraphs.push(lang.text("email-two-factor-on-codes"));
    }
    compose(
        lang,
        to,
        subject,
        &paragraphs,
        lang.text("email-account-action"),
        account_link,
        closing,
        lang.text_with("email-signature", &[site]),
    )
}

/// One email layout in `lang`: paragraphs, a link as a button, a closing remark and a
/// signature. The subject goes without the isolation marks of right-to-left text, which a mail
/// app's list would show as they are.
#[allow(clippy::too_many_arguments)]
pub(crate) fn compose(
    lang: Lang,
    to: &str,
    subject: String,
    paragraphs: &[String],
    action: String,
    link: &str,
    closing: String,
    signature: String,
) -> OutgoingEmail {
    let mut text = paragraphs.join("\n\n");
    text.push_str(&format!(
        "\n\n{action}:\n{link}\n\n{closing}\n\n{signature}\n"
    ));
    let link = link.to_owned();
    let html = view! {
        <html lang=lang.code() dir=lang.dir()>
            <body style="font-family: sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a;">
                {paragraphs.iter().map(|text| view! { <p>{text.clone()}</p> }).collect_view()} <p>
                    <a
                        href=link.clone()
                        style="display: inline-block; padding: 12px 20px; background: #0b5563; color: #ffffff; text-decoration: none; border-radius: 6px;"
                    >
                        {action}
                    </a>
                </p> <p style="font-size: 14px;">{link.clone()}</p> <p>{closing}</p>
                <p>{signature}</p>
            </body>
        </html>
    }
    .to_html();
    OutgoingEmail {
        to: to.to_owned(),
        subject: crate::i18n::without_isolation(&subject),
        text,
        html: format!("<!DOCTYPE html>{html}"),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_invitation_names_the_role_and_carries_the_link_in_both_parts() {
        let link = "https://nordby.example/invitation/abc";
        let email = invitation(
            Lang::DA,
            "a@example.org",
            "Randers <Nordby>",
            Role::Journalist,
            link,
        );
        assert_eq!(email.to, "a@example.org");
        assert!(email.subject.contains("Randers <Nordby>"));
        assert!(email.text.contains(link) && email.html.contains(link));
        assert!(email.text.contains("borgerjournalist"));
        assert!(
            email.html.contains("Randers &lt;Nordby&gt;"),
            "{}",
            email.html
        );
        assert!(!email.html.contains("<Nordby>"));
    }

    #[test]
    fn the_two_factor_emails_say_what_happened_and_link_to_the_account() {
        let link = "https://x/konto";
        let on = two_factor(Lang::DA, "a@example.org", "Nordby", TwoFactorNews::On, link);
        assert!(on.subject.contains("slået til"), "{}", on.subject);
        let used = two_factor(
            Lang::DA,
            "a@example.org",
            "Nordby",
            TwoFactorNews::RecoveryCodeUsed { left: 1 },
            link,
        );
        assert!(used.text.contains("1 reservekode tilbage"), "{}", used.text);
        let reset = two_factor(
            Lang::EN,
            "a@example.org",
            "Nordby",
            TwoFactorNews::Reset,
            link,
        );
        assert!(reset.subject.contains("reset"), "{}", reset.subject);
        for email in [on, used, reset] {
            assert!(email.text.contains(link) && email.html.contains(link));
        }
    }

    #[test]
    fn a_reset_email_carries_its_link() {
        let email = password_reset(Lang::DA, "a@example.org", "Nordby", "https://x/nulstil/t");
        assert!(email.text.contains("https://x/nulstil/t"));
        assert!(email.html.contains("href=\"https://x/nulstil/t\""));
        assert!(email.text.contains("1 time"));
    }
}
