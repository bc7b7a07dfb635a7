//! Naboskab's web application: the page shell, routes, components and server functions.
//!
//! Every page renders on the server. Only islands (`#[island]`) ship WASM to the browser, and
//! every form is a real HTML form. Domain and database code live behind the `ssr` feature, so
//! nothing of sqlx reaches the browser build.

pub mod accounts;
pub mod address;
pub mod articles;
pub mod attendance;
pub mod calendar;
pub mod clock;
pub mod components;
pub mod dates;
pub mod figures;
pub mod forms;
pub mod i18n;
pub mod images;
pub mod layout;
pub mod newsletter;
pub mod pages;
pub mod period;
pub mod plan;
pub mod report;
pub mod shell;
pub mod signups;
pub mod site;
pub mod submissions;
pub mod visible;
pub mod visits;

#[cfg(feature = "ssr")]
pub mod cpu;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod errors;
#[cfg(feature = "ssr")]
pub mod mail;
#[cfg(feature = "ssr")]
pub mod spreadsheet;

pub use shell::{shell, App};

/// The browser's entry point: wakes up the islands on the page and nothing else.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
