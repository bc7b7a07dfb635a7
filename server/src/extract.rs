//! Extractors that do a handler's prelude, so a handler reads as a few `?` lines: who is
//! calling and whether they may ([`Viewing`], with the aliases [`LoggedIn`], [`Staff`] and
//! [`Admin`]), the posted form ([`PostedForm`], or [`UploadForm`] for one with a photo), the
//! address's parameters ([`Params`]), the language ([`Language`]) and the client's address
//! ([`ClientIp`]). Each refuses with a [`PageError`], so a person sees a Danish page, never a
//! bare status.

use std::{
    marker::PhantomData,
    net::{IpAddr, Ipv4Addr, SocketAddr},
    ops::Deref,
};

use app::{accounts::Viewer, i18n::Lang};
use axum::{
    extract::{ConnectInfo, FromRequest, FromRequestParts, Multipart, Path, Request},
    http::{header, request::Parts, StatusCode},
};
use serde::de::DeserializeOwned;

use crate::{
    access::{allows, Requirement},
    errors::PageError,
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

/// The language of the request. Danish for now; when more languages come it is read from the
/// address's prefix (`/en/…`).
pub struct Language(pub Lang);

impl<S: Send + Sync> FromRequestParts<S> for Language {
    type Rejection = PageError;

    async fn from_request_parts(_: &mut Parts, _: &S) -> Result<Self, PageError> {
        Ok(Language(Lang::default()))
    }
}

/// The address the request came from (the peer of the connection), for rate limits.
pub struct ClientIp(pub IpAddr);

impl<S: Send + Sync> FromRequestParts<S> for ClientIp {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, PageError> {
        let ip = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| addr.ip())
            .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
        Ok(ClientIp(ip))
    }
}

/// The address's parameters; an address that does not parse (`/personale/artikler/abc`)
/// names nothing, so it gets the 404 page.
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
                tracing::warn!(%page, %rejection, "an unreadable form");
                PageError::Unreadable {
                    page,
                    status: StatusCode::BAD_REQUEST,
                }
            })
    }
}

/// A posted form that may carry a photo in its `cover` field: multipart or, without a file,
/// urlencoded. An upload larger than the limit is reported in `too_large` rather than refused,
/// so the text fields (which come before the file in the form) are kept and shown again.
pub struct UploadForm<T> {
    pub form: T,
    pub cover: Option<Vec<u8>>,
    pub too_large: bool,
}

impl<T, S> FromRequest<S> for UploadForm<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = PageError;

    async fn from_request(request: Request, state: &S) -> Result<Self, PageError> {
        let multipart = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.starts_with("multipart/form-data"));
        if !multipart {
            let PostedForm(form) = PostedForm::from_request(request, state).await?;
            return Ok(UploadForm {
                form,
                cover: None,
                too_large: false,
            });
        }
        let page = request.uri().path().to_owned();
        let unreadable = |status| PageError::Unreadable {
            page: page.clone(),
            status,
        };
        let mut multipart = Multipart::from_request(request, state)
            .await
            .map_err(|_| unreadable(StatusCode::BAD_REQUEST))?;
        let mut pairs = Vec::new();
        let mut cover = None;
        let mut too_large = false;
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
            let name = field.name().unwrap_or_default().to_owned();
            if name == "cover" {
                let chosen = field.file_name().is_some_and(|name| !name.is_empty());
                match field.bytes().await {
                    Ok(bytes) if chosen || !bytes.is_empty() => cover = Some(bytes.to_vec()),
                    Ok(_) => {}
                    Err(_) => too_large = true,
                }
            } else {
                match field.text().await {
                    Ok(value) => pairs.push((name, value)),
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
