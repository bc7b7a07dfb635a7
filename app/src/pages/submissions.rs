//! The citizen journalists' area: `/borgerjournalist` (their submissions with their state and the
//! newest comment) and `/borgerjournalist/indsendelser/ny` and `…/{id}` (a submission: the form
//! while it may be changed, with its photos and the consent, else the submission as sent; and
//! always its history and the conversation with the staff). The parts the staff's review
//! pages show too are in `components::submissions`.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    articles::PREVIEW,
    components::{
        data::{edit_page, or_refused, Loaded},
        live_preview::{BodyField, PostedPreview, JOURNALIST_PREVIEW_ADDRESS},
        submissions::{state_label, SubmissionList, SubmissionText, Thread},
    },
    forms::{
        feedback_for, notice_from_query, Field, FileField, FormFeedback, IntentButtons, Notice,
        UploadForm,
    },
    i18n::{t, t_values, t_with},
    images::ACCEPTED_TYPES,
    submissions::{
        api::{load_my_submission, load_my_submissions, OwnSubmission},
        own_path, Photo, Submission, SubmissionState, SubmissionSummary, MAX_PHOTOS,
    },
};

/// `/borgerjournalist`: where citizen journalists start.
#[component]
pub fn JournalistHome() -> impl IntoView {
    let greeting =
        crate::accounts::viewer().map(|viewer| t_with("staff-greeting", &[("name", viewer.name)]));
    let data = OnceResource::new_blocking(load_my_submissions());
    let show = |submissions: Vec<SubmissionSummary>| {
        if submissions.is_empty() {
            return view! { <p>{t("journalist-no-submissions")}</p> }.into_any();
        }
        view! { <SubmissionList submissions staff=false /> }.into_any()
    };
    view! {
        <Title text=t("journalist-title") />
        <h1>{t("journalist-title")}</h1>
        <p>{greeting}</p>
        <p>{t("journalist-intro")}</p>
        <p>
            <a href="/borgerjournalist/indsendelser/ny" class="button">
                {t("submission-new")}
            </a>
        </p>
        <h2>{t("journalist-my-submissions")}</h2>
        <Loaded data show />
        <p>
            <a href="/konto">{t("account-title")}</a>
        </p>
    }
}

/// `/borgerjournalist/indsendelser/ny` and `/borgerjournalist/indsendelser/{id}`.
#[component]
pub fn SubmissionPage() -> impl IntoView {
    edit_page(|id| {
        let data = OnceResource::new_blocking(load_my_submission(id));
        let show = or_refused(|OwnSubmission { submission, form }| {
            view! { <OwnSubmissionView submission=submission.map(|submission| *submission) form /> }
        });
        view! { <Loaded data show /> }
    })
}

#[component]
fn OwnSubmissionView(submission: Option<Submission>, form: FormFeedback) -> impl IntoView {
    let notice = notice_from_query(&[
        ("gemt", "notice-submission-saved"),
        ("sendt", "notice-submission-sent"),
        ("kommenteret", "notice-comment-saved"),
    ]);
    let title = submission
        .as_ref()
        .map(|submission| submission.title.clone())
        .filter(|title| !title.is_empty())
        .unwrap_or_else(|| t("submission-new"));
    let editable = submission
        .as_ref()
        .is_none_or(|submission| submission.state.editable());
    let state = submission.as_ref().map(|submission| {
        let text = match submission.state {
            SubmissionState::Draft => t("submission-state-help-draft"),
            SubmissionState::Sent => t("submission-state-help-sent"),
            SubmissionState::Changes => t("submission-state-help-changes"),
            SubmissionState::Rejected => t("submission-state-help-rejected"),
            SubmissionState::Published => t("submission-state-help-published"),
        };
        let link = submission.article_path.clone().map(|href| {
            view! {
                " "
                <a href=href>{t("submission-see-article")}</a>
            }
        });
        view! {
            <p class="submission-state">
                <strong>{state_label(submission.state)}</strong>
                ". "
                {text}
                {link}
            </p>
        }
    });
    let body = if editable {
        view! { <SubmissionForm submission=submission.clone() form /> }.into_any()
    } else {
        submission
            .clone()
            .map(|submission| view! { <SubmissionText submission /> })
            .into_any()
    };
    let thread = submission.map(|submission| {
        let action = format!("{}/kommentar", own_path(submission.id));
        view! { <Thread events=submission.events action /> }
    });
    view! {
        <Title text=title.clone() />
        <p>
            <a href="/borgerjournalist">{t("journalist-back")}</a>
        </p>
        <h1>{title}</h1>
        <Notice text=notice />
        {state}
        {body}
        {thread}
    }
    .into_any()
}

/// The journalist's form: title, text with its preview, photos, consent; save or send.
#[component]
fn SubmissionForm(submission: Option<Submission>, form: FormFeedback) -> impl IntoView {
    let posted = feedback_for("submission");
    let f = posted.clone().unwrap_or(form);
    let action = submission
        .as_ref()
        .map(|submission| own_path(submission.id))
        .unwrap_or_else(|| "/borgerjournalist/indsendelser/ny".to_owned());
    let photos = submission
        .as_ref()
        .map(|submission| submission.photos.clone())
        .unwrap_or_default();
    let room = photos.len() < MAX_PHOTOS;
    let preview = f.value(PREVIEW).map(|html| {
        let heading = f.value("heading").unwrap_or_default().to_owned();
        view! { <PostedPreview heading lead=None html=html.to_owned() /> }
    });
    let existing = photos
        .into_iter()
        .map(|photo| view! { <PhotoFields photo feedback=f.clone() /> })
        .collect_view();
    let add_photo = room.then(|| view! { <NewPhotoFields feedback=f.clone() /> });
    let consent_error = f.error_for("consent").map(str::to_owned);
    let consent_checked = f.value("consent").is_some_and(|value| !value.is_empty());
    let consent_described = if consent_error.is_some() {
        "consent-hint consent-error"
    } else {
        "consent-hint"
    };
    view! {
        {preview}
        <UploadForm action posted feedback=f.clone()>
                <Field name="heading" label=t("submission-field-title") required=true />
                <BodyField
                    address=JOURNALIST_PREVIEW_ADDRESS
                    label=t("submission-field-body")
                    hint=t("submission-field-body-hint")
                    feedback=f.clone()
                />
                <fieldset class="group">
                    <legend>{t("submission-photos")}</legend>
                    <p class="field__hint">
                        {t_values("submission-photos-hint", &[("max", MAX_PHOTOS.into())])}
                    </p>
                    {existing}
                    {add_photo}
                </fieldset>
                <div class="field" class:field--error=consent_error.is_some()>
                    <p class="field__hint" id="consent-hint">
                        {t("submission-consent-hint")}
                    </p>
                    {consent_error
                        .clone()
                        .map(|error| {
                            view! {
                                <p class="field__error" id="consent-error">
                                    {error}
                                </p>
                            }
                        })}
                    <div class="choice">
                        <input
                            type="checkbox"
                            id="consent"
                            name="consent"
                            value="on"
                            checked=consent_checked
                            aria-describedby=consent_described
                            aria-invalid=consent_error.is_some().then_some("true")
                        />
                        <label for="consent">{t("submission-consent")}</label>
                    </div>
                </div>
                <IntentButtons buttons=vec![
                    ("preview", t("article-preview")),
                    ("save", t("submission-save")),
                    ("send", t("submission-send")),
                ] />
        </UploadForm>
    }
    .into_any()
}

/// One saved photo in the form: the picture, its caption and description, a box to remove it.
/// The caption and description inputs share their names across photos (the values come in the
/// photos' order); their ids, values and messages are the photo's own.
#[component]
fn PhotoFields(photo: Photo, feedback: FormFeedback) -> impl IntoView {
    let texts = [
        ("photo_caption", "submission-photo-caption"),
        ("photo_alt", "submission-photo-alt"),
    ]
    .into_iter()
    .map(|(name, label)| {
        let id = format!("{name}_{}", photo.id);
        view! { <Field id name label=t(label) feedback=feedback.clone() /> }
    })
    .collect_view();
    let remove_id = format!("remove_photo_{}", photo.id);
    let height = photo.image.height_at(200).to_string();
    view! {
        <div class="submission-photo">
            <input type="hidden" name="photo_id" value=photo.id.to_string() />
            <img src=photo.image.src(400) alt=photo.alt.clone() width="200" height=height />
            {texts}
            <div class="choice">
                <input
                    type="checkbox"
                    id=remove_id.clone()
                    name="remove_photo"
                    value=photo.id.to_string()
                />
                <label for=remove_id>{t("submission-photo-remove")}</label>
            </div>
        </div>
    }
}

/// The new photo: the file, its caption and description.
#[component]
fn NewPhotoFields(feedback: FormFeedback) -> impl IntoView {
    view! {
        <FileField
            name="photo"
            label=t("submission-photo-new")
            hint=t("article-field-cover-hint")
            accept=ACCEPTED_TYPES
            feedback=feedback.clone()
        />
        <Field name="new_caption" label=t("submission-photo-caption") feedback=feedback.clone() />
        <Field
            name="new_alt"
            label=t("submission-photo-alt")
            hint=t("article-field-cover-alt-hint")
            feedback
        />
    }
    .into_any()
}
