//! Extractors that do a handler's prelude, so a handler reads as a few `?` lines: who is
//! calling and whether they may ([`Viewing`], with the aliases [`LoggedIn`], [`Staff`] and
//! [`Admin`]), the posted form ([`PostedForm`], or [`UploadForm`] for one with a photo), the
//! address's parameters ([`Params`], [`Editing`]), the app's state with the request's language
//! ([`Ctx`]) and the client's address ([`ClientIp`]). Each refuses with a [`PageError`], so a person sees a Danish page, never a
//! bare status.

use std::{marker::PhantomData, net::IpAddr, ops::Deref};

use app::{
    accounts::Viewer,
    address::Id,
    i18n::Lang,
    images::{process_upload, CoverForm},
};
use axum::{
    extract::{FromRequest, FromRequestParts, Multipart, Path, Request},
    http::{header, request::Parts, StatusCode},
};
use serde::de::DeserializeOwned;

use crate::{
    access::{allows, Requirement},
    client::client_address_of,
    errors::{OnPage, PageError},
    paths::loggable_path,
    state::AppState,
};

/// What a [`Viewing`] extractor requires of the viewer.
pub trait Need {
    const REQUIREMENT: Requirement;
}

/// Anyone logged in.
pub enum AnyAccount {}
/// Staff or an admin.
pub enum StaffRole {}
/// An admin.
pub enum AdminRole {}

impl Need for AnyAccount {
    const REQUIREMENT: Requirement = Requirement::LoggedIn;
}
impl Need for StaffRole {
    const REQUIREMENT: Requirement = Requirement::Staff;
}
impl Need for AdminRole {
    const REQUIREMENT: Requirement = Requirement::Admin;
}

/// The logged-in viewer, who meets `N`; anyone else gets the 403 page. The address guard
/// (`crate::access`) has already sent logged-out people to the login page; this is the
/// handler's own check.
pub struct Viewing<N: Need> {
    viewer: Viewer,
    need: PhantomData<N>,
}

pub type LoggedIn = Viewing<AnyAccount>;
pub type Staff = Viewing<StaffRole>;
pub type Admin = Viewing<AdminRole>;

impl<N: Need> Deref for Viewing<N> {
    type Target = Viewer;

    fn deref(&self) -> &Viewer {
        &self.viewer
    }
}

impl<N: Need, S: Send + Sync> FromRequestParts<S> for Viewing<N> {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, PageError> {
        match parts.extensions.get::<Viewer>() {
            Some(viewer) if allows(N::REQUIREMENT, Some(viewer)) => Ok(Self {
                viewer: viewer.clone(),
                need: PhantomData,
            }),
            _ => Err(PageError::Forbidden),
        }
    }
}

/// What every handler needs: the app's state (through `Deref`, so `cx.db`) and the language
/// of the request, which its address named (`crate::language`).
pub struct Ctx {
    pub state: AppState,
    pub lang: Lang,
}

impl Deref for Ctx {
    type Target = AppState;

    fn deref(&self) -> &AppState {
        &self.state
    }
}

impl FromRequestParts<AppState> for Ctx {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, PageError> {
        Ok(Ctx {
            state: state.clone(),
            lang: parts.extensions.get::<Lang>().copied().unwrap_or_default(),
        })
    }
}

/// Which thing an editor's form saves, from the last segment of its address: `…/ny` makes a
/// new one, `…/{id}` changes that one. One handler serves both addresses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Editing {
    New,
    Existing(i64),
}

impl Editing {
    /// The id of the thing being changed.
    pub fn id(self) -> Option<i64> {
        match self {
            Editing::New => None,
            Editing::Existing(id) => Some(id),
        }
    }

    /// The thing being changed, read with its domain's loader `load` (whose refusal is the
    /// page shown: 404 when it is gone); None for a new one.
    pub async fn existing<T>(
        self,
        load: impl AsyncFnOnce(i64) -> Result<T, app::errors::Refusal>,
    ) -> Result<Option<T>, PageError> {
        match self {
            Editing::New => Ok(None),
            Editing::Existing(id) => Ok(Some(load(id).await?)),
        }
    }

    /// The editor's page under `base` (e.g. `/personale/artikler`).
    pub fn page(self, base: &str) -> String {
        match self {
            Editing::New => format!("{base}/ny"),
            Editing::Existing(id) => format!("{base}/{id}"),
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Editing {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, PageError> {
        match parts.uri.path().rsplit('/').next() {
            Some("ny") => Ok(Editing::New),
            Some(id) => Id::parse(id)
                .map(|id| Editing::Existing(id.get()))
                .ok_or(PageError::NotFound),
            None => Err(PageError::NotFound),
        }
    }
}

/// The most bytes of text (every field but the file) a form with a file may send: as much as
/// any other form's whole body.
const TEXT_LIMIT: usize = 1024 * 1024;

/// The most fields a form with a file may send, multipart or (without a file) urlencoded. The
/// longest such form, the journalist's with its ten photos (a caption, a text for the blind and
/// a removal each), has about 40; a form of thousands of fields would otherwise be read,
/// checked and saved field by field.
pub const MOST_UPLOAD_FIELDS: usize = 200;

/// The address the request came from, for rate limits: the peer of the connection, or behind a
/// trusted proxy the address it forwarded ([`client_address_of`]).
pub struct ClientIp(pub IpAddr);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, PageError> {
        Ok(ClientIp(client_address_of(
            &parts.extensions,
            &parts.headers,
            &state.trusted_proxies,
        )))
    }
}

/// The address's parameters; an address that does not parse (`/personale/artikler/abc`)
/// names nothing, so it gets the 404 page. Numbers are read as bounded types
/// (`Params<Id>`, see `app::address`), so an id out of range is refused here too.
pub struct Params<T>(pub T);

impl<T, S> FromRequestParts<S> for Params<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, PageError> {
        Path::<T>::from_request_parts(parts, state)
            .await
            .map(|Path(params)| Params(params))
            .map_err(|_| PageError::NotFound)
    }
}

/// A posted form, read with serde (`serde_html_form`, so a name that repeats, like ticked
/// checkboxes, fills a `Vec`). Forms' structs take every field as text with defaults, so what a
/// browser sends always reads; anything else gets its page back with status 400.
pub struct PostedForm<T>(pub T);

impl<T, S> FromRequest<S> for PostedForm<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = PageError;

    async fn from_request(request: Request, state: &S) -> Result<Self, PageError> {
        let page = request.uri().path().to_owned();
        axum_extra::extract::Form::<T>::from_request(request, state)
            .await
            .map(|axum_extra::extract::Form(form)| PostedForm(form))
            .map_err(|rejection| {
                let path = loggable_path(&page);
                tracing::warn!(page = %path, %rejection, "an unreadable form");
                // A body over the limit is 413 (see `routes::small_bodies`); the rest 400.
                let status = match rejection.status() {
                    StatusCode::PAYLOAD_TOO_LARGE => StatusCode::PAYLOAD_TOO_LARGE,
                    _ => StatusCode::BAD_REQUEST,
                };
                PageError::Unreadable { page, status }
            })
    }
}

/// A posted form that may carry a photo in its `cover` (or `photo`) field: multipart or, without a file,
/// urlencoded. An upload larger than the limit is reported in `too_large` rather than refused,
/// so the text fields (which come before the file in the form) are kept and shown again.
pub struct UploadForm<T> {
    pub form: T,
    pub cover: Option<Vec<u8>>,
    pub too_large: bool,
}

impl<T: CoverForm> UploadForm<T> {
    /// The form with its photo checked and scaled (off the async runtime, by
    /// [`process_upload`]), or the form's `page` again if the photo was larger than a request
    /// may be.
    pub async fn with_cover(self, lang: Lang, page: &str) -> Result<T, PageError> {
        let mut form = self.form;
        if self.too_large {
            return Err(form.photo_too_large(lang)).on_page(page);
        }
        let processed = match self.cover {
            Some(bytes) => Some(process_upload(bytes).await),
            None => None,
        };
        form.set_cover(processed);
        Ok(form)
    }
}

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for UploadForm<T> {
    type Rejection = PageError;

    async fn from_request(request: Request, state: &S) -> Result<Self, PageError> {
        let multipart = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.starts_with("multipart/form-data"));
        let page = request.uri().path().to_owned();
        let unreadable = |status| PageError::Unreadable {
            page: page.clone(),
            status,
        };
        if !multipart {
            // Without a file the form is held to what every other form may send, and to as
            // many fields as a form with a file.
            let (parts, body) = request.into_parts();
            let body = axum::body::to_bytes(body, TEXT_LIMIT)
                .await
                .map_err(|_| unreadable(StatusCode::PAYLOAD_TOO_LARGE))?;
            if body.split(|&byte| byte == b'&').count() > MOST_UPLOAD_FIELDS {
                return Err(unreadable(StatusCode::PAYLOAD_TOO_LARGE));
            }
            let request = Request::from_parts(parts, axum::body::Body::from(body));
            let PostedForm(form) = PostedForm::from_request(request, state).await?;
            return Ok(UploadForm {
                form,
                cover: None,
                too_large: false,
            });
        }
        let mut multipart = Multipart::from_request(request, state)
            .await
            .map_err(|_| unreadable(StatusCode::BAD_REQUEST))?;
        let mut pairs = Vec::new();
        let mut cover = None;
        let mut too_large = false;
        let mut text_bytes = 0;
        let mut fields = 0;
        // A field that cannot be read is the body limit cutting the upload short.
        loop {
            let field = match multipart.next_field().await {
                Ok(Some(field)) => field,
                Ok(None) => break,
                Err(_) => {
                    too_large = true;
                    break;
                }
            };
            fields += 1;
            if fields > MOST_UPLOAD_FIELDS {
                return Err(unreadable(StatusCode::PAYLOAD_TOO_LARGE));
            }
            let name = field.name().unwrap_or_default().to_owned();
            // The editors call their file `cover`, the journalist's form `photo`.
            if name == "cover" || name == "photo" {
                let chosen = field.file_name().is_some_and(|name| !name.is_empty());
                match field.bytes().await {
                    Ok(bytes) if chosen || !bytes.is_empty() => cover = Some(bytes.to_vec()),
                    Ok(_) => {}
                    Err(_) => too_large = true,
                }
            } else {
                match field.text().await {
                    Ok(value) => {
                        text_bytes += value.len();
                        // The text of a form is held to what every other form may send: a
                        // 10 MB "text" would otherwise be checked and shown again in full.
                        if text_bytes > TEXT_LIMIT {
                            return Err(unreadable(StatusCode::PAYLOAD_TOO_LARGE));
                        }
                        pairs.push((name, value));
                    }
                    Err(_) => too_large = true,
                }
            }
            if too_large {
                break;
            }
        }
        // The text fields are read by the same serde reader as every other form.
        let text = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish();
        let form =
            serde_html_form::from_str(&text).map_err(|_| unreadable(StatusCode::BAD_REQUEST))?;
        Ok(UploadForm {
            form,
            cover,
            too_large,
        })
    }
}
