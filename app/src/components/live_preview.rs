//! The live preview: an island around a text field that shows the text as readers will see
//! it while it is being written, in the article editor and in the journalist's form.

use leptos::prelude::*;

/// How long the live preview waits after the last keystroke before it asks the server.
const PREVIEW_PAUSE: std::time::Duration = std::time::Duration::from_millis(400);

/// Where the live preview posts the body's Markdown and gets its sanitized HTML back (staff
/// only, like the editor).
pub const PREVIEW_ADDRESS: &str = "/personale/artikler/forhaandsvisning";

/// Where the journalist's live preview asks for the HTML of their text.
pub const JOURNALIST_PREVIEW_ADDRESS: &str = "/borgerjournalist/forhaandsvisning";

/// The Markdown `body` as readers will see it, from the server; None if it cannot answer
/// (offline, or the session has run out and the address now leads to the login page).
///
/// A plain POST of the text rather than a server function: the islands of every page share
/// one WASM file, and with a server function's client (its URL and JSON encodings and error
/// types) this island added 21 KB (gzip) to it, which took every page over the 100 KB budget;
/// with this request it adds 12 KB (`cargo bench -p server --bench page_weight`).
async fn rendered(address: &str, body: String) -> Option<String> {
    #[cfg(feature = "hydrate")]
    {
        let response = gloo_net::http::Request::post(address)
            .header("content-type", "text/plain; charset=utf-8")
            .body(body)
            .ok()?
            .send()
            .await
            .ok()?;
        if !response.ok() || response.redirected() {
            return None;
        }
        response.text().await.ok()
    }
    // Islands only ask from the browser; the server never runs this.
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (address, body);
        None
    }
}

/// The body field with its text shown as readers will see it, redrawn shortly after the writer
/// stops typing. The Markdown is rendered and sanitized on the server (at `address`:
/// [`PREVIEW_ADDRESS`] for staff, [`JOURNALIST_PREVIEW_ADDRESS`] for journalists), the same way
/// as when the article is saved, so the browser needs no Markdown code of its own. Without
/// JavaScript only the field is there, and the preview button does the same job.
#[island]
pub fn LivePreview(
    address: String,
    heading: String,
    failed: String,
    children: Children,
) -> impl IntoView {
    let address = StoredValue::new(address);
    // None until there is something to show.
    let (html, set_html) = signal(None::<String>);
    let (broken, set_broken) = signal(false);
    // Answers can arrive out of order: only the newest request's answer is shown.
    let newest = StoredValue::new(0_u64);
    let waiting = StoredValue::new(None::<TimeoutHandle>);
    let wrapper = NodeRef::<leptos::html::Div>::new();

    let render = move |body: String| {
        newest.update_value(|count| *count += 1);
        let ticket = newest.get_value();
        leptos::task::spawn_local(async move {
            let answer = rendered(&address.get_value(), body).await;
            if newest.get_value() != ticket {
                return;
            }
            match answer {
                Some(html) => {
                    set_broken.set(false);
                    set_html.set(Some(html));
                }
                None => {
                    set_broken.set(true);
                    set_html.set(None);
                }
            }
        });
    };
    // Once the island wakes up, show the text the field already holds.
    Effect::new(move |_| {
        use leptos::wasm_bindgen::JsCast;
        let field = wrapper
            .get()
            .and_then(|wrapper| wrapper.query_selector("textarea").ok().flatten());
        if let Some(field) = field {
            let body = field
                .unchecked_into::<leptos::web_sys::HtmlTextAreaElement>()
                .value();
            if !body.trim().is_empty() {
                render(body);
            }
        }
    });
    // Typing bubbles `input` events up from the field to this wrapper.
    let typed = move |event: leptos::ev::Event| {
        let body = event_target_value(&event);
        if let Some(handle) = waiting.get_value() {
            handle.clear();
        }
        waiting.set_value(set_timeout_with_handle(move || render(body), PREVIEW_PAUSE).ok());
    };
    let shown = move || html.with(Option::is_some) || broken.get();
    // Marks the island as awake once it runs in the browser (the browser tests wait for it).
    let (awake, set_awake) = signal(false);
    Effect::new(move |_| set_awake.set(true));
    view! {
        <div class="live-preview" class:island--awake=move || awake.get() node_ref=wrapper on:input=typed>
            {children()}
            <section class="preview" aria-labelledby="live-preview-title" hidden=move || !shown()>
                <h2 id="live-preview-title">{heading}</h2>
                <p class="field__error" hidden=move || !broken.get()>
                    {failed}
                </p>
                <div class="article__body" inner_html=move || html.get().unwrap_or_default()></div>
            </section>
        </div>
    }
}

/// The body field of an editor (the article editor's and the journalist's): the Markdown text
/// area inside the [`LivePreview`] island that posts to `address`, and the scripts that wake the
/// island up.
#[component]
pub fn BodyField(
    address: &'static str,
    label: String,
    hint: String,
    feedback: crate::forms::FormFeedback,
) -> impl IntoView {
    use crate::{components::islands::IslandScripts, forms::TextArea, i18n::t};
    // Built here, as the island's children take what they hold.
    let field = view! { <TextArea name="body" label hint feedback /> };
    view! {
        <LivePreview
            address=address.to_owned()
            heading=t("article-live-preview-title")
            failed=t("article-live-preview-failed")
        >
            {field}
        </LivePreview>
        <IslandScripts />
    }
}

/// What the preview button shows without JavaScript: the posted heading, the lead if the form
/// has one, and the body as the server rendered and sanitized it (`html`).
#[component]
pub fn PostedPreview(heading: String, lead: Option<String>, html: String) -> impl IntoView {
    use crate::i18n::t;
    view! {
        <section class="preview" aria-labelledby="preview-title">
            <h2 id="preview-title">{t("article-preview-title")}</h2>
            <h3>{heading}</h3>
            {lead.map(|lead| view! { <p class="lead">{lead}</p> })}
            // Sanitized by ammonia (`articles::service::preview`, `submissions::service::preview`).
            <div class="article__body" inner_html=html></div>
        </section>
    }
}
