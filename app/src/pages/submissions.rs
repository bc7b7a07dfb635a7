//! The citizen journalists' area: `/borgerjournalist` (their pieces with their state and the
//! newest comment) and `/borgerjournalist/indsendelser/ny` and `…/{id}` (a piece: the form
//! while it may be changed, with its photos and the consent, else the piece as sent; and
//! always its history and the conversation with the staff). Also the parts the staff's review
//! pages share: the photos, the history and the comment form.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    articles::PREVIEW,
    dates::moment_text,
    forms::{
        feedback_for, notice_from_query, ErrorSummary, Field, FormFeedback, FormFields, Notice,
        TextArea,
    },
    i18n::{t, t_with},
    pages::{
        data::{edit_page, or_refused, Loaded},
        staff_articles::LivePreview,
    },
    shell::IslandScripts,
    submissions::{
        api::{load_my_piece, load_my_pieces, OwnPiece},
        own_path, Event, EventKind, Photo, Submission, SubmissionState, SubmissionSummary,
        MAX_PHOTOS,
    },
};

/// Where the journalist's live preview asks for the HTML of their text.
pub const JOURNALIST_PREVIEW_ADDRESS: &str = "/borgerjournalist/forhaandsvisning";

/// The Danish name of a piece's state.
pub fn state_label(state: SubmissionState) -> String {
    t(state.label_key())
}

/// A list of pieces, each linking to `href(id)`, with its state, photos and newest comment.
#[component]
pub fn PieceList(pieces: Vec<SubmissionSummary>, staff: bool) -> impl IntoView {
    let items = pieces
        .into_iter()
        .map(|piece| {
            let href = if staff {
                crate::submissions::review_path(piece.id)
            } else {
                own_path(piece.id)
            };
            let title = if piece.title.is_empty() {
                t("piece-untitled")
            } else {
                piece.title.clone()
            };
            let mut facts = vec![state_label(piece.state)];
            if staff {
                facts.push(piece.author_name.clone());
            }
            if piece.photos > 0 {
                facts.push(t_with(
                    "piece-photo-count",
                    &[("count", piece.photos.to_string())],
                ));
            }
            facts.push(moment_text(piece.updated_at));
            let comment = piece.newest_comment.map(|comment| {
                view! { <p class="piece-comment">{t("piece-newest-comment")} " " <q>{comment}</q></p> }
            });
            view! {
                <li>
                    <a href=href>{title}</a>
                    <p class="muted">{facts.join(" · ")}</p>
                    {comment}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="link-list">{items}</ul> }
}

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
    let height = (200 * photo.image.height / photo.image.width.max(1)).to_string();
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
    let error = feedback.error_for("photo").map(str::to_owned);
    let described = if error.is_some() {
        "photo-hint photo-error"
    } else {
        "photo-hint"
    };
    view! {
        <div class="field" class:field--error=error.is_some()>
            <label for="photo">{t("piece-photo-new")}</label>
            <p class="field__hint" id="photo-hint">
                {t("article-field-cover-hint")}
            </p>
            {error
                .clone()
                .map(|error| {
                    view! {
                        <p class="field__error" id="photo-error">
                            {error}
                        </p>
                    }
                })}
            <input
                type="file"
                id="photo"
                name="photo"
                accept="image/jpeg,image/png,image/webp,image/gif"
                aria-describedby=described
                aria-invalid=error.is_some().then_some("true")
            />
        </div>
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

/// A piece as sent: its title, text and photos.
#[component]
pub fn PieceText(piece: Submission) -> impl IntoView {
    view! {
        <section class="piece" aria-labelledby="piece-title">
            <h2 id="piece-title">{piece.title.clone()}</h2>
            <p class="byline">{t_with("news-byline", &[("name", piece.author_name.clone())])}</p>
            // Sanitized by ammonia when read (`submissions::queries`).
            <div class="article__body" inner_html=piece.body_html.clone()></div>
            <PhotoGallery photos=piece.photos.clone() />
        </section>
    }
}

/// Photos with their captions, as readers see them.
#[component]
pub fn PhotoGallery(photos: Vec<Photo>) -> impl IntoView {
    (!photos.is_empty()).then(|| {
        let items = photos
            .into_iter()
            .map(|photo| {
                let height = (800 * photo.image.height / photo.image.width.max(1)).to_string();
                let caption = (!photo.caption.is_empty())
                    .then(|| view! { <figcaption>{photo.caption.clone()}</figcaption> });
                view! {
                    <figure class="gallery__photo">
                        <img
                            src=photo.image.src(800)
                            srcset=photo.image.srcset()
                            sizes="(min-width: 45em) 40rem, 100vw"
                            alt=photo.alt.clone()
                            width="800"
                            height=height
                            loading="lazy"
                        />
                        {caption}
                    </figure>
                }
            })
            .collect_view();
        view! { <div class="gallery">{items}</div> }
    })
}

/// The history of a piece and its conversation, oldest first, with the form to write in it
/// (posting to `action`).
#[component]
pub fn Thread(events: Vec<Event>, action: String) -> impl IntoView {
    let posted = feedback_for("comment");
    let items = events
        .into_iter()
        .map(|event| {
            let who = if event.actor.is_empty() {
                t("piece-someone")
            } else {
                event.actor.clone()
            };
            let line = t_with(event.kind.label_key(), &[("who", who)]);
            let text = (!event.text.is_empty()).then(|| {
                view! { <p class="thread__text">{event.text.clone()}</p> }
            });
            let said = matches!(
                event.kind,
                EventKind::Comment | EventKind::Changes | EventKind::Rejected
            );
            view! {
                <li class="thread__item" class:thread__item--staff=event.by_staff class:thread__item--said=said>
                    <p class="thread__meta">
                        <strong>{line}</strong>
                        " · "
                        {moment_text(event.at)}
                    </p>
                    {text}
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="thread-title">
            <h2 id="thread-title">{t("piece-thread")}</h2>
            <ol class="thread">{items}</ol>
            <ErrorSummary feedback=posted.clone() />
            <form method="post" action=action class="form">
                <FormFields feedback=posted.unwrap_or_else(|| FormFeedback::for_form("comment"))>
                    <TextArea name="message" label=t("piece-comment-field") />
                    <button type="submit" class="button">
                        {t("piece-comment-submit")}
                    </button>
                </FormFields>
            </form>
        </section>
    }
}
