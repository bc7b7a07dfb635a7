//! The pages, one module per kind of page.

pub mod account;
pub mod errors;
pub mod home;
pub mod info;
pub mod staff;
