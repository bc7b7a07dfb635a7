//! Photos as readers see them, and the photo field of the staff's editors.

use leptos::prelude::*;

use crate::{
    forms::{Field, FileField, FormFeedback},
    i18n::t,
    images::{Image, ACCEPTED_TYPES},
    submissions::Photo,
};

/// Photos with their captions, as readers see them.
#[component]
pub fn PhotoGallery(photos: Vec<Photo>) -> impl IntoView {
    (!photos.is_empty()).then(|| {
        let items = photos
            .into_iter()
            .map(|photo| {
                let height = photo.image.height_at(800).to_string();
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

/// The photo of an article, issue or activity: the current one (with a box to remove it), a file
/// to choose, and its description. `current_label` describes the current photo (the article's,
/// unless said otherwise).
#[component]
pub fn CoverField(
    current: Option<Image>,
    feedback: FormFeedback,
    #[prop(optional)] current_label: Option<String>,
) -> impl IntoView {
    let current_label = current_label.unwrap_or_else(|| t("article-current-cover"));
    let current = current.map(|cover| {
        let height = cover.height_at(200).to_string();
        view! {
            <figure class="cover-current">
                <img src=cover.src(400) alt=current_label width="200" height=height />
                <div class="choice">
                    <input type="checkbox" id="remove_cover" name="remove_cover" value="on" />
                    <label for="remove_cover">{t("article-remove-cover")}</label>
                </div>
            </figure>
        }
    });
    view! {
        <fieldset class="group">
            <legend>{t("article-field-cover")}</legend>
            {current}
            <FileField
                name="cover"
                label=t("article-field-cover-file")
                hint=t("article-field-cover-hint")
                accept=ACCEPTED_TYPES
                feedback=feedback.clone()
            />
            <Field
                name="cover_alt"
                label=t("article-field-cover-alt")
                hint=t("article-field-cover-alt-hint")
                feedback
            />
        </fieldset>
    }
    .into_any()
}
