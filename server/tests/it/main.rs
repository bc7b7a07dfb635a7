//! Integration tests of the server, one binary for all (faster to link).
//!
//! Story tests run on SQLite always and on PostgreSQL when `TEST_POSTGRES_URL` names a server
//! where databases may be created; each test gets a database of its own.

mod accounts;
mod attendance;
mod calendar;
mod helpers;
mod http;
mod images;
mod mail;
mod news;
mod sessions;
mod signups;
mod staff_api;
mod startup;
mod story;
