//! The scripts of the pages with an island.

use leptos::prelude::*;

/// The scripts that wake the islands up: rendered by a page beside its island (the live preview
/// of the article editor and of the journalist's submission), so that only such a page loads the
/// JavaScript and the WASM. The server provides its `LeptosOptions` in the request's context.
#[component]
pub fn IslandScripts() -> impl IntoView {
    use_context::<std::sync::Arc<LeptosOptions>>().map(|options| {
        let options = (*options).clone();
        view! { <HydrationScripts options islands=true /> }
    })
}
