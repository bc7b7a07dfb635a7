//! The pages, one module per kind of page. What more than one page shows is in
//! `crate::components`: no page module imports another, and only the shell's route table
//! imports pages.

pub mod accounts;
pub mod articles;
pub mod calendar;
pub mod figures;
pub mod home;
pub mod info;
pub mod newsletter;
pub mod plan;
pub mod report;
pub mod signups;
pub mod staff;
pub mod staff_articles;
pub mod staff_attendance;
pub mod staff_calendar;
pub mod staff_newsletter;
pub mod staff_submissions;
pub mod submissions;
pub mod visits;
