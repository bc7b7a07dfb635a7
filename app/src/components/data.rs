//! Loading a page's data: one component that waits for a server function's answer and then
//! shows the page, the 404 page or the 500 page.

use leptos::prelude::*;

use crate::{
    components::errors::{ForbiddenPage, NotFound, ServerError},
    visible::Visible,
};

/// Waits for `data` (pages render with `SsrMode::Async`, so the status code is known before the
/// first byte), then shows the loaded value with `show`. A failure shows the Danish "Noget gik
/// galt" page with status 500, or `on_error` where a page shows something smaller instead.
///
/// A value that may be missing goes through [`or_not_found`], which shows the 404 page for
/// `None`; pages that treat a missing value differently take the `Option` in `show` themselves.
#[component]
pub fn Loaded<T, F, V>(
    data: OnceResource<Result<T, ServerFnError>>,
    show: F,
    /// Shown instead of the 500 page when loading fails (no status is set).
    #[prop(optional, into)]
    on_error: Option<ViewFn>,
) -> impl IntoView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    F: Fn(T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let show = show.clone();
                let on_error = on_error.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(value) => show(value).into_any(),
                        Err(_) => {
                            match on_error {
                                Some(on_error) => on_error.run(),
                                None => view! { <ServerError /> }.into_any(),
                            }
                        }
                    }
                })
            }}
        </Suspense>
    }
}

/// Wraps `show` for a value that may be missing: `None` shows the Danish "Siden findes ikke"
/// page with status 404.
pub fn or_not_found<T, V>(
    show: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl Fn(Option<T>) -> AnyView + Clone + Send + Sync + 'static
where
    V: IntoView + 'static,
{
    move |value| match value {
        Some(value) => show(value).into_any(),
        None => view! { <NotFound /> }.into_any(),
    }
}

/// Wraps `show` for a value a domain's loader may refuse: the Danish 404 page for
/// [`Visible::NotFound`], the 403 page for [`Visible::Forbidden`], each with its status.
pub fn or_refused<T, V>(
    show: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl Fn(Visible<T>) -> AnyView + Clone + Send + Sync + 'static
where
    V: IntoView + 'static,
{
    move |value| match value {
        Visible::Shown(value) => show(value).into_any(),
        Visible::NotFound => view! { <NotFound /> }.into_any(),
        Visible::Forbidden => view! { <ForbiddenPage /> }.into_any(),
    }
}

/// An editor's page for the row its address names: `editor(None)` on `…/ny` (no `id` in the
/// address), `editor(Some(id))` on `…/{id}`. An `id` that is no positive number names no row,
/// and gets the 404 page like a row that does not exist.
pub fn edit_page<V: IntoView + 'static>(editor: impl FnOnce(Option<i64>) -> V) -> AnyView {
    let id = leptos_router::hooks::use_params_map()
        .get_untracked()
        .get("id");
    match id {
        None => editor(None).into_any(),
        Some(id) => match crate::address::Id::parse(&id) {
            Some(id) => editor(Some(id.get())).into_any(),
            None => view! { <NotFound /> }.into_any(),
        },
    }
}
