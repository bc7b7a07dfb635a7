//! The pages, one module per kind of page.

pub mod errors;
pub mod home;
pub mod info;
