//! Forms that work without JavaScript: plain HTML forms posted to the server, which either
//! redirects on success or renders the same page again with a [`FormFeedback`] in context —
//! what was typed (never passwords) and a Danish message next to each field that needs fixing.
//!
//! The fields follow the GOV.UK design system's pattern: a summary of the errors at the top that
//! links to each field, the message inside the field's label block, and `aria-invalid` plus
//! `aria-describedby` so screen readers read the message with the field.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::i18n::{t, t_with};

/// What the server has to say about a submitted form: the values to show again, a message per
/// field, and a message for the form as a whole.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormFeedback {
    /// Which form on the page this is for, when a page has several.
    pub form: String,
    values: BTreeMap<String, String>,
    /// Field name and message, in the order the fields appear.
    errors: Vec<(String, String)>,
    /// A message about the whole form (e.g. "Forkert e-mail eller adgangskode").
    pub message: Option<String>,
}

impl FormFeedback {
    /// Feedback for the form named `form`.
    pub fn for_form(form: &str) -> Self {
        Self {
            form: form.to_owned(),
            ..Self::default()
        }
    }

    /// Keeps what the user typed in `field`, to show it again.
    pub fn keep(&mut self, field: &str, value: &str) -> &mut Self {
        self.values.insert(field.to_owned(), value.to_owned());
        self
    }

    /// Adds a message for `field`.
    pub fn error(&mut self, field: &str, message: String) -> &mut Self {
        self.errors.push((field.to_owned(), message));
        self
    }

    /// Sets the message for the whole form.
    pub fn message(&mut self, message: String) -> &mut Self {
        self.message = Some(message);
        self
    }

    /// True when nothing needs fixing.
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty() && self.message.is_none()
    }

    pub fn value(&self, field: &str) -> Option<&str> {
        self.values.get(field).map(String::as_str)
    }

    pub fn error_for(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(name, _)| name == field)
            .map(|(_, message)| message.as_str())
    }

    pub fn errors(&self) -> &[(String, String)] {
        &self.errors
    }
}

/// The feedback for the form named `form`, if the server rendered this page after a post of it.
pub fn feedback_for(form: &str) -> Option<FormFeedback> {
    use_context::<FormFeedback>().filter(|feedback| feedback.form == form)
}

/// The box at the top of a form that lists what needs fixing, with links to the fields.
#[component]
pub fn ErrorSummary(feedback: Option<FormFeedback>) -> impl IntoView {
    let feedback = feedback.filter(|feedback| !feedback.is_ok())?;
    let items = feedback
        .errors()
        .iter()
        .map(|(field, message)| {
            let href = format!("#{field}");
            view! { <li><a href=href>{message.clone()}</a></li> }
        })
        .collect_view();
    let heading = if feedback.errors().is_empty() {
        t("form-error-heading")
    } else {
        t_with(
            "form-errors-heading",
            &[("count", feedback.errors().len().to_string())],
        )
    };
    Some(view! {
        <div class="error-summary" role="alert" tabindex="-1">
            <h2 class="error-summary__title">{heading}</h2>
            {feedback.message.clone().map(|message| view! { <p>{message}</p> })}
            <ul>{items}</ul>
        </div>
    })
}

/// What kind of input a [`Field`] is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FieldKind {
    #[default]
    Text,
    Email,
    /// A password that is typed to log in.
    CurrentPassword,
    /// A password being chosen.
    NewPassword,
}

/// A labelled input with its hint and its error message.
#[component]
pub fn Field(
    /// The input's `name` and `id`.
    name: &'static str,
    label: String,
    #[prop(optional)] kind: FieldKind,
    #[prop(optional)] hint: Option<String>,
    #[prop(optional)] required: bool,
    /// The `autocomplete` token, e.g. "email" or "name".
    #[prop(optional)]
    autocomplete: Option<&'static str>,
    /// The value to show when the page is not a re-render of a post.
    #[prop(optional, into)]
    value: Option<String>,
    #[prop(optional)] feedback: Option<FormFeedback>,
) -> impl IntoView {
    let error = feedback
        .as_ref()
        .and_then(|feedback| feedback.error_for(name))
        .map(str::to_owned);
    let is_password = matches!(kind, FieldKind::CurrentPassword | FieldKind::NewPassword);
    // Passwords are never sent back to the browser.
    let value = if is_password {
        None
    } else {
        feedback
            .as_ref()
            .and_then(|feedback| feedback.value(name).map(str::to_owned))
            .or(value)
    };
    let (input_type, default_autocomplete) = match kind {
        FieldKind::Text => ("text", None),
        FieldKind::Email => ("email", Some("email")),
        FieldKind::CurrentPassword => ("password", Some("current-password")),
        FieldKind::NewPassword => ("password", Some("new-password")),
    };
    let hint_id = hint.as_ref().map(|_| format!("{name}-hint"));
    let error_id = error.as_ref().map(|_| format!("{name}-error"));
    let described_by = [hint_id.clone(), error_id.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let described_by = (!described_by.is_empty()).then_some(described_by);
    let has_error = error.is_some();
    view! {
        <div class="field" class:field--error=has_error>
            <label for=name>{label}</label>
            {hint.map(|hint| view! { <p class="field__hint" id=hint_id.clone()>{hint}</p> })}
            {error
                .map(|error| {
                    view! {
                        <p class="field__error" id=error_id.clone()>
                            <span class="visually-hidden">{t("form-error-prefix")} " "</span>
                            {error}
                        </p>
                    }
                })}
            <input
                id=name
                name=name
                type=input_type
                value=value
                required=required
                autocomplete=autocomplete.or(default_autocomplete)
                aria-describedby=described_by
                aria-invalid=has_error.then_some("true")
                spellcheck=(kind != FieldKind::Text).then_some("false")
                autocapitalize=(kind != FieldKind::Text).then_some("none")
            />
        </div>
    }
}

/// A message shown after a redirect, chosen by a `?besked=` key so no text travels in the
/// address. Unknown keys show nothing.
#[component]
pub fn Notice(text: Option<String>) -> impl IntoView {
    text.map(|text| view! { <p class="notice" role="status">{text}</p> })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feedback_keeps_values_and_errors_in_order() {
        let mut feedback = FormFeedback::for_form("login");
        feedback
            .keep("email", "a@example.org")
            .error("email", "first".into())
            .error("password", "second".into());
        assert_eq!(feedback.value("email"), Some("a@example.org"));
        assert_eq!(feedback.error_for("password"), Some("second"));
        assert_eq!(feedback.errors()[0].0, "email");
        assert!(!feedback.is_ok());
        assert!(FormFeedback::for_form("login").is_ok());
    }
}
