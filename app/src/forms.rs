//! Forms that work without JavaScript: plain HTML forms posted to the server, which either
//! redirects on success or renders the same page again with a [`FormFeedback`] in context —
//! what was typed (never passwords) and a Danish message next to each field that needs fixing.
//!
//! The fields follow the GOV.UK design system's pattern: a summary of the errors at the top that
//! links to each field, the message inside the field's label block, and `aria-invalid` plus
//! `aria-describedby` so screen readers read the message with the field.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::i18n::{t, t_values};

/// What the server has to say about a submitted form: the values to show again, a message per
/// field, and a message for the form as a whole.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FormFeedback {
    /// Which form on the page this is for, when a page has several.
    pub form: String,
    values: BTreeMap<String, String>,
    /// Field name and message, in the order the fields appear.
    errors: Vec<(String, String)>,
    /// A message about the whole form (e.g. "Forkert e-mail eller adgangskode").
    pub message: Option<String>,
}

/// The most characters of a field shown again: the longest field there is (an article's
/// text). A value longer than that is refused by its form anyway, and writing all of a
/// megabyte back into the page would cost more than the form's checks.
pub const MOST_KEPT: usize = 100_000;

/// The first [`MOST_KEPT`] characters of `value`.
fn kept_part(value: &str) -> &str {
    value
        .char_indices()
        .nth(MOST_KEPT)
        .map_or(value, |(end, _)| &value[..end])
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
        self.values
            .insert(field.to_owned(), kept_part(value).to_owned());
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

/// Reads a checkbox into a `bool`: a ticked box is posted (with any value), an unticked one is
/// not, so the field's `#[serde(default)]` gives `false`.
pub fn ticked<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    use serde::Deserialize;
    String::deserialize(deserializer).map(|_| true)
}

/// The feedback the fields inside a [`FormFields`] show, unless a field is given its own.
#[derive(Clone, Debug)]
struct FieldsFeedback(FormFeedback);

/// Gives every field inside it (`Field`, `TextArea`, `FileField`, `SelectField`, `ChoiceGroup`)
/// the form's `feedback`: the values to show again and the messages by the fields.
#[component]
pub fn FormFields(feedback: FormFeedback, children: Children) -> impl IntoView {
    provide_context(FieldsFeedback(feedback));
    children()
}

/// A form that posts to `action`, checked by the server only (`novalidate`, so every message is
/// the portal's own): the list of what needs fixing when `posted` holds mistakes, the fields
/// (`children`, which show `feedback`), and the submit button labelled `button`. `class` is
/// added to the form's own.
#[component]
pub fn PostForm(
    action: String,
    #[prop(optional)] class: &'static str,
    posted: Option<FormFeedback>,
    feedback: FormFeedback,
    button: String,
    children: Children,
) -> impl IntoView {
    let class = if class.is_empty() {
        "form".to_owned()
    } else {
        format!("form {class}")
    };
    view! {
        <form method="post" action=action class=class novalidate>
            <FormFields feedback>
                <ErrorSummary feedback=posted />
                {children()}
                <button type="submit" class="button">
                    {button}
                </button>
            </FormFields>
        </form>
    }
}

/// A form that sends files: posted as `multipart/form-data` to `action`, checked by the server
/// only (`novalidate`, so every message is the portal's own), with the list of what needs fixing
/// above it when `posted` holds mistakes. Every field inside shows `feedback`.
#[component]
pub fn UploadForm(
    action: String,
    posted: Option<FormFeedback>,
    feedback: FormFeedback,
    children: Children,
) -> impl IntoView {
    view! {
        <ErrorSummary feedback=posted />
        <form
            method="post"
            action=action
            class="form form--wide"
            enctype="multipart/form-data"
            novalidate
        >
            <FormFields feedback>{children()}</FormFields>
        </form>
    }
}

/// The buttons at the end of an editor, each `(intent, label)`: a button sends the form with
/// its `intent`, and the last one is the main one.
#[component]
pub fn IntentButtons(buttons: Vec<(&'static str, String)>) -> impl IntoView {
    let last = buttons.len().saturating_sub(1);
    let buttons = buttons
        .into_iter()
        .enumerate()
        .map(|(index, (intent, label))| {
            let class = if index == last {
                "button"
            } else {
                "button button--secondary"
            };
            let gap = (index > 0).then_some(" ");
            view! {
                {gap}
                <button type="submit" name="intent" value=intent class=class>
                    {label}
                </button>
            }
        })
        .collect_view();
    view! { <p class="actions">{buttons}</p> }
}

/// A field's feedback: its own, or that of the [`FormFields`] around it.
fn field_feedback(own: Option<FormFeedback>) -> Option<FormFeedback> {
    own.or_else(|| use_context::<FieldsFeedback>().map(|fields| fields.0))
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
            view! {
                <li>
                    <a href=href>{message.clone()}</a>
                </li>
            }
        })
        .collect_view();
    let heading = if feedback.errors().is_empty() {
        t("form-error-heading")
    } else {
        t_values(
            "form-errors-heading",
            &[("count", feedback.errors().len().into())],
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
    /// A date, `YYYY-MM-DD` (the browser's date picker where it has one).
    Date,
    /// A time of day, `HH:MM`.
    Time,
    /// A whole number.
    Number,
}

/// A labelled input with its hint and its error message.
#[component]
pub fn Field(
    /// The input's `name`, and its `id` unless `id` is given.
    name: &'static str,
    label: String,
    /// The input's `id` and the key of its value and message, where they differ from the name:
    /// for a name that repeats, such as one caption per photo.
    #[prop(optional, into)]
    id: Option<String>,
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
    let id = id.unwrap_or_else(|| name.to_owned());
    let parts = FieldParts::new(&id, &hint, feedback);
    let is_password = matches!(kind, FieldKind::CurrentPassword | FieldKind::NewPassword);
    // Passwords are never sent back to the browser.
    let value = if is_password {
        None
    } else {
        Some(parts.shown(&id, value))
    };
    let (input_type, default_autocomplete) = match kind {
        FieldKind::Text => ("text", None),
        FieldKind::Email => ("email", Some("email")),
        FieldKind::CurrentPassword => ("password", Some("current-password")),
        FieldKind::NewPassword => ("password", Some("new-password")),
        FieldKind::Date => ("date", Some("off")),
        FieldKind::Time => ("time", Some("off")),
        FieldKind::Number => ("number", Some("off")),
    };
    let input = view! {
        <input
            id=id.clone()
            name=name
            type=input_type
            value=value
            required=required
            autocomplete=autocomplete.or(default_autocomplete)
            aria-describedby=parts.described_by.clone()
            aria-invalid=parts.invalid()
            inputmode=(kind == FieldKind::Number).then_some("numeric")
            spellcheck=is_password.then_some("false")
            autocapitalize=matches!(
                kind,
                FieldKind::Email | FieldKind::CurrentPassword | FieldKind::NewPassword
            )
                .then_some("none")
        />
    };
    parts.labelled(&id, label, hint, input)
}

/// The pieces every kind of field shares: its message, the ids that describe it, and the value
/// to show.
struct FieldParts {
    /// The form's feedback: the field's own, or that of the `FormFields` around it.
    feedback: Option<FormFeedback>,
    error: Option<String>,
    hint_id: Option<String>,
    error_id: Option<String>,
    described_by: Option<String>,
}

impl FieldParts {
    fn new(name: &str, hint: &Option<String>, own: Option<FormFeedback>) -> Self {
        let feedback = field_feedback(own);
        let error = feedback
            .as_ref()
            .and_then(|feedback| feedback.error_for(name))
            .map(str::to_owned);
        let hint_id = hint.as_ref().map(|_| format!("{name}-hint"));
        let error_id = error.as_ref().map(|_| format!("{name}-error"));
        let described_by = [hint_id.clone(), error_id.clone()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        Self {
            feedback,
            error,
            hint_id,
            error_id,
            described_by: (!described_by.is_empty()).then_some(described_by),
        }
    }

    /// The value to show in `name`: what was posted, or else `value`.
    fn shown(&self, name: &str, value: Option<String>) -> String {
        self.feedback
            .as_ref()
            .and_then(|feedback| feedback.value(name).map(str::to_owned))
            .or(value)
            .unwrap_or_default()
    }

    /// `aria-invalid` for the control: "true" when the field has an error.
    fn invalid(&self) -> Option<&'static str> {
        self.error.is_some().then_some("true")
    }

    /// The field around `control`: its label, then the hint and the error message, then the
    /// control itself. Pages hold many fields: the erased type keeps the compiler's type depth
    /// low.
    fn labelled(
        &self,
        id: &str,
        label: String,
        hint: Option<String>,
        control: impl IntoView + 'static,
    ) -> AnyView {
        view! {
            <div class="field" class:field--error=self.error.is_some()>
                <label for=id.to_owned()>{label}</label>
                {self.messages(hint)}
                {control}
            </div>
        }
        .into_any()
    }

    /// The hint and the error message, in that order.
    fn messages(&self, hint: Option<String>) -> impl IntoView {
        let hint_id = self.hint_id.clone();
        let error_id = self.error_id.clone();
        view! {
            {hint
                .map(|hint| {
                    view! {
                        <p class="field__hint" id=hint_id>
                            {hint}
                        </p>
                    }
                })}
            {self
                .error
                .clone()
                .map(|error| {
                    view! {
                        <p class="field__error" id=error_id>
                            <span class="visually-hidden">{t("form-error-prefix")} " "</span>
                            {error}
                        </p>
                    }
                })}
        }
    }
}

/// A labelled text area.
#[component]
pub fn TextArea(
    name: &'static str,
    label: String,
    /// The text area's `id` and the key of its value and message, where they differ from the
    /// name: for a name that repeats, such as one paragraph per focus area.
    #[prop(optional, into)]
    id: Option<String>,
    #[prop(optional)] hint: Option<String>,
    #[prop(optional, into)] value: Option<String>,
    #[prop(optional)] feedback: Option<FormFeedback>,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| name.to_owned());
    let parts = FieldParts::new(&id, &hint, feedback);
    let value = escape_unescaped_text(parts.shown(&id, value));
    let area = view! {
        <textarea
            id=id.clone()
            name=name
            rows="6"
            aria-describedby=parts.described_by.clone()
            aria-invalid=parts.invalid()
        >
            {value}
        </textarea>
    };
    parts.labelled(&id, label, hint, area)
}

/// Escapes text for the few places where Leptos writes text into the server's HTML as it is:
/// the children of `<textarea>` (tachys 0.2 does not escape them) and the `<title>` that
/// leptos_meta 0.8 writes. A browser decodes the character references in both, so people see
/// what was typed. In the browser build the text is set as text and needs nothing.
pub fn escape_unescaped_text(text: String) -> String {
    if cfg!(feature = "ssr") {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    } else {
        text
    }
}

/// A labelled file input with its hint and its error message. Its form needs
/// `enctype="multipart/form-data"`; a chosen file is never shown again, so the field has no
/// value.
#[component]
pub fn FileField(
    /// The input's `name` and `id`.
    name: &'static str,
    label: String,
    #[prop(optional)] hint: Option<String>,
    /// The kinds of file offered (`accept`), e.g. `images::ACCEPTED_TYPES`.
    #[prop(optional)]
    accept: Option<&'static str>,
    #[prop(optional)] feedback: Option<FormFeedback>,
) -> impl IntoView {
    let parts = FieldParts::new(name, &hint, feedback);
    let input = view! {
        <input
            type="file"
            id=name
            name=name
            accept=accept
            aria-describedby=parts.described_by.clone()
            aria-invalid=parts.invalid()
        />
    };
    parts.labelled(name, label, hint, input)
}

/// A labelled drop-down list of `options` (value, label).
#[component]
pub fn SelectField(
    name: &'static str,
    label: String,
    options: Vec<(String, String)>,
    #[prop(optional)] hint: Option<String>,
    #[prop(optional, into)] value: Option<String>,
    #[prop(optional)] feedback: Option<FormFeedback>,
) -> impl IntoView {
    let parts = FieldParts::new(name, &hint, feedback);
    let chosen = parts.shown(name, value);
    let options = options
        .into_iter()
        .map(|(value, label)| {
            let selected = value == chosen;
            view! {
                <option value=value selected=selected>
                    {label}
                </option>
            }
        })
        .collect_view();
    let select = view! {
        <select
            id=name
            name=name
            aria-describedby=parts.described_by.clone()
            aria-invalid=parts.invalid()
        >
            {options}
        </select>
    };
    parts.labelled(name, label, hint, select)
}

/// A group of radio buttons (`multiple` false) or checkboxes (`multiple` true: the name repeats
/// once per ticked box, which serde reads into a `Vec`), in a fieldset with a legend.
#[component]
pub fn ChoiceGroup(
    name: &'static str,
    legend: String,
    #[prop(optional)] multiple: bool,
    options: Vec<(String, String)>,
    #[prop(optional)] hint: Option<String>,
    /// The chosen value(s); several are separated by commas.
    #[prop(optional, into)]
    value: Option<String>,
    #[prop(optional)] feedback: Option<FormFeedback>,
) -> impl IntoView {
    let parts = FieldParts::new(name, &hint, feedback);
    let chosen = parts.shown(name, value);
    let chosen: Vec<&str> = chosen.split(',').collect();
    let options = options
        .into_iter()
        .map(|(value, label)| {
            let id = format!("{name}-{value}");
            let checked = chosen.contains(&value.as_str());
            let kind = if multiple { "checkbox" } else { "radio" };
            view! {
                <div class="choice">
                    <input type=kind id=id.clone() name=name value=value checked=checked />
                    <label for=id>{label}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset
            class="field"
            class:field--error=parts.error.is_some()
            id=name
            aria-describedby=parts.described_by.clone()
        >
            <legend>{legend}</legend>
            {parts.messages(hint)}
            {options}
        </fieldset>
    }
    // Pages hold many fields: an erased type keeps the compiler's type depth low.
    .into_any()
}

/// The message a `?besked=` key stands for, if it is one of `known` (key, message key).
pub fn notice_from_query(known: &[(&str, &str)]) -> Option<String> {
    let query = leptos_router::hooks::use_query_map().get_untracked();
    let key = query.get("besked")?;
    known
        .iter()
        .find(|(name, _)| *name == key)
        .map(|(_, message)| crate::i18n::lang().text(message))
}

/// A message shown after a redirect, chosen by a `?besked=` key so no text travels in the
/// address. Unknown keys show nothing.
#[component]
pub fn Notice(text: Option<String>) -> impl IntoView {
    text.map(|text| {
        view! {
            <p class="notice" role="status">
                {text}
            </p>
        }
    })
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
