//! Integration tests of the server, one binary for all (faster to link).
//!
//! Story tests run on SQLite always and on PostgreSQL when `TEST_POSTGRES_URL` names a server
//! where databases may be created; each test gets a database of its own, which goes away with
//! the test, and makes the data it needs with the builders in `fixtures`.

mod accounts;
mod address;
mod articles;
mod attendance;
mod backups;
mod calendar;
mod figures;
mod fixtures;
mod full_disk;
mod handlers;
mod headers;
mod helpers;
mod http;
mod images;
mod languages;
mod mail;
mod newsletter;
mod page_cache;
mod pictures;
mod plan;
mod query_cost;
mod reliability;
mod report;
mod sessions;
mod signups;
mod staff_api;
mod startup;
mod story;
mod submissions;
mod two_factor;
mod upgrade;
mod visits;
