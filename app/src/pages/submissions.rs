//! The citizen journalists' area: `/borgerjournalist` (their pieces with their state and the
//! newest comment) and `/borgerjournalist/indsendelser/ny` and `…/{id}` (a piece: the form
//! while it may be changed, with its photos and the consent, else the piece as sent; and
//! always its history and the conversation with the staff). The parts the staff's review
//! pages show too are in `components::submissions`.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    articles::PREVIEW,
    components::{
        data::{edit_page, or_refused, Loaded},
        islands::IslandScripts,
        live_preview::{LivePreview, JOURNALIST_PREVIEW_ADDRESS},
        submissions::{state_label, PieceList, PieceText, Thread},
    },
    forms::{
        feedback_for, notice_from_query, ErrorSummary, Field, FileField, FormFeedback, FormFields,
        Notice, TextArea,
    },
    i18n::{t, t_with},
    images::ACCEPTED_TYPES,
    submissions::{
        api::{load_my_piece, load_my_pieces, OwnPiece},
        own_path, Photo, Submission, SubmissionState, SubmissionSummary, MAX_PHOTOS,
    },
};

/// `/borgerjournalist`: where citizen journalists start.
#[component]
pub fn JournalistHome() -> impl IntoView {
    let greeting =
        crate::accounts::viewer().map(|viewer| t_with("staff-greeting", &[("name", viewer.name)]));
    let data = OnceResource::new_blocking(load_my_pieces());
    let show = |pieces: Vec<SubmissionSummary>| {
        if pieces.is_empty() {
            return view! { <p>{t("journalist-no-pieces")}</p> }.into_any();
        }
        view! { <PieceList pieces staff=false /> }.into_any()
    };
    view! {
        <Title text=t("journalist-title") />
        <h1>{t("journalist-title")}</h1>
        <p>{greeting}</p>
        <p>{t("journalist-intro")}</p>
        <p>
            <a href="/borgerjournalist/indsendelser/ny" class="button">
                {t("piece-new")}
            </a>
        </p>
        <h2>{t("journalist-my-pieces")}</h2>
        <Loaded data show />
        <p>
            <a href="/konto">{t("account-title")}</a>
        </p>
    }
}

/// `/borgerjournalist/indsendelser/ny` and `/borgerjournalist/indsendelser/{id}`.
#[component]
pub fn PiecePage() -> impl IntoView {
    edit_page(|id| {
        let data = OnceResource::new_blocking(load_my_piece(id));
        let show = or_refused(|OwnPiece { piece, form }| {
            view! { <OwnPieceView piece=piece.map(|piece| *piece) form /> }
        });
        view! { <Loaded data show /> }
    })
}

#[component]
fn OwnPieceView(piece: Option<Submission>, form: FormFeedback) -> impl IntoView {
    let notice = notice_from_query(&[
        ("gemt", "notice-piece-saved"),
        ("sendt", "notice-piece-sent"),
        ("kommenteret", "notice-comment-saved"),
    ]);
    let title = piece
        .as_ref()
        .map(|piece| piece.title.clone())
        .filter(|title| !title.is_empty())
        .unwrap_or_else(|| t("piece-new"));
    let editable = piece.as_ref().is_none_or(|piece| piece.state.editable());
    let state = piece.as_ref().map(|piece| {
        let text = match piece.state {
            SubmissionState::Draft => t("piece-state-help-draft"),
            SubmissionState::Sent => t("piece-state-help-sent"),
            SubmissionState::Changes => t("piece-state-help-changes"),
            SubmissionState::Rejected => t("piece-state-help-rejected"),
            SubmissionState::Published => t("piece-state-help-published"),
        };
        let link = piece.article_path.clone().map(|href| {
            view! {
                " "
                <a href=href>{t("piece-see-article")}</a>
            }
        });
        view! {
            <p class="piece-state">
                <strong>{state_label(piece.state)}</strong>
                ". "
                {text}
                {link}
            </p>
        }
    });
    let body = if editable {
        view! { <PieceForm piece=piece.clone() form /> }.into_any()
    } else {
        piece
            .clone()
            .map(|piece| view! { <PieceText piece /> })
            .into_any()
    };
    let thread = piece.map(|piece| {
        let action = format!("{}/kommentar", own_path(piece.id));
        view! { <Thread events=piece.events action /> }
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
fn PieceForm(piece: Option<Submission>, form: FormFeedback) -> impl IntoView {
    let posted = feedback_for("piece");
    let f = posted.clone().unwrap_or(form);
    let action = piece
        .as_ref()
        .map(|piece| own_path(piece.id))
        .unwrap_or_else(|| "/borgerjournalist/indsendelser/ny".to_owned());
    let photos = piece
        .as_ref()
        .map(|piece| piece.photos.clone())
        .unwrap_or_default();
    let room = photos.len() < MAX_PHOTOS;
    let preview = f.value(PREVIEW).map(|html| {
        let html = html.to_owned();
        view! {
            <section class="preview" aria-labelledby="preview-title">
                <h2 id="preview-title">{t("article-preview-title")}</h2>
                <h3>{f.value("heading").unwrap_or_default().to_owned()}</h3>
                // Sanitized by ammonia (`submissions::service::preview`).
                <div class="article__body" inner_html=html></div>
            </section>
        }
    });
    let body_field = view! {
        <TextArea
            name="body"
            label=t("piece-field-body")
            hint=t("piece-field-body-hint")
            feedback=f.clone()
        />
    };
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
        <ErrorSummary feedback=posted />
        <form
            method="post"
            action=action
            class="form form--wide"
            enctype="multipart/form-data"
            novalidate
        >
            <FormFields feedback=f.clone()>
                <Field
                    name="heading"
                    label=t("piece-field-title")
                    required=true
                />
                <LivePreview
                    address=JOURNALIST_PREVIEW_ADDRESS.to_owned()
                    heading=t("article-live-preview-title")
                    failed=t("article-live-preview-failed")
                >
                    {body_field}
                </LivePreview>
                <IslandScripts />
                <fieldset class="group">
                    <legend>{t("piece-photos")}</legend>
                    <p class="field__hint">
                        {t_with("piece-photos-hint", &[("max", MAX_PHOTOS.to_string())])}
                    </p>
                    {existing}
                    {add_photo}
                </fieldset>
                <div class="field" class:field--error=consent_error.is_some()>
                    <p class="field__hint" id="consent-hint">
                        {t("piece-consent-hint")}
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
                        <label for="consent">{t("piece-consent")}</label>
                    </div>
                </div>
                <p class="actions">
                    <button
                        type="submit"
                        name="intent"
                        value="preview"
                        class="button button--secondary"
                    >
                        {t("article-preview")}
                    </button>
                    " "
                    <button
                        type="submit"
                        name="intent"
                        value="save"
                        class="button button--secondary"
                    >
                        {t("piece-save")}
                    </button>
                    " "
                    <button type="submit" name="intent" value="send" class="button">
                        {t("piece-send")}
                    </button>
                </p>
            </FormFields>
        </form>
    }
    .into_any()
}

/// A text input of one of a piece's photos: its own `id`, the shared `name` (the values come
/// in the photos' order) and its message.
#[component]
fn PhotoText(
    id: String,
    name: &'static str,
    label: String,
    value: String,
    error: Option<String>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let described = error.as_ref().map(|_| error_id.clone());
    view! {
        <div class="field" class:field--error=error.is_some()>
            <label for=id.clone()>{label}</label>
            {error
                .clone()
                .map(|error| {
                    view! {
                        <p class="field__error" id=error_id.clone()>
                            {error}
                        </p>
                    }
                })}
            <input
                type="text"
                id=id
                name=name
                value=value
                aria-describedby=described
                aria-invalid=error.is_some().then_some("true")
            />
        </div>
    }
}

/// One saved photo in the form: the picture, its caption and description, a box to remove it.
#[component]
fn PhotoFields(photo: Photo, feedback: FormFeedback) -> impl IntoView {
    let caption_key = format!("photo_caption_{}", photo.id);
    let alt_key = format!("photo_alt_{}", photo.id);
    let remove_id = format!("remove_photo_{}", photo.id);
    let value = |key: &str| feedback.value(key).unwrap_or_default().to_owned();
    let height = photo.image.height_at(200).to_string();
    view! {
        <div class="piece-photo">
            <input type="hidden" name="photo_id" value=photo.id.to_string() />
            <img src=photo.image.src(400) alt=photo.alt.clone() width="200" height=height />
            <PhotoText
                id=caption_key.clone()
                name="photo_caption"
                label=t("piece-photo-caption")
                value=value(&caption_key)
                error=feedback.error_for(&caption_key).map(str::to_owned)
            />
            <PhotoText
                id=alt_key.clone()
                name="photo_alt"
                label=t("piece-photo-alt")
                value=value(&alt_key)
                error=feedback.error_for(&alt_key).map(str::to_owned)
            />
            <div class="choice">
                <input
                    type="checkbox"
                    id=remove_id.clone()
                    name="remove_photo"
                    value=photo.id.to_string()
                />
                <label for=remove_id>{t("piece-photo-remove")}</label>
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
            label=t("piece-photo-new")
            hint=t("article-field-cover-hint")
            accept=ACCEPTED_TYPES
            feedback=feedback.clone()
        />
        <Field name="new_caption" label=t("piece-photo-caption") feedback=feedback.clone() />
        <Field
            name="new_alt"
            label=t("piece-photo-alt")
            hint=t("article-field-cover-alt-hint")
            feedback
        />
    }
    .into_any()
}
