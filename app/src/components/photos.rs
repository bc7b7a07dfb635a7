//! Photos as readers see them.

use leptos::prelude::*;

use crate::submissions::Photo;

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
