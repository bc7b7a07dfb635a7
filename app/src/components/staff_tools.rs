//! The staff's tools, declared once: the header's staff row and the staff home (`/personale`)
//! both list them from here, in the same order.

use crate::i18n::{t, t_with};

/// Who is offered a tool. The server's address check (`server/src/access.rs`) is what keeps
/// everyone else out; this only decides which links a page shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    /// Staff and admins.
    Staff,
    /// Admins only.
    Admins,
}

/// A tool of the staff: its address, its name and the line that says what it is for (keys of
/// the interface text), who is offered it, and whether the header's staff row shows it. There
/// is no tool without a description: `description` has no default.
#[derive(Clone, Copy, Debug)]
pub struct StaffTool {
    pub path: &'static str,
    /// The key of its name.
    pub name: &'static str,
    /// The key of its name while submissions wait for review, with their `count`.
    pub name_waiting: Option<&'static str>,
    /// The key of the line that says what it is for.
    pub description: &'static str,
    /// The key of what admins read instead, where they may do more with the tool.
    pub admin_description: Option<&'static str>,
    pub audience: Audience,
    /// Shown in the header's staff row too (the staff home shows every tool).
    pub in_header: bool,
}

/// A tool every staff member is offered, in the header and on the staff home.
const fn tool(path: &'static str, name: &'static str, description: &'static str) -> StaffTool {
    StaffTool {
        path,
        name,
        name_waiting: None,
        description,
        admin_description: None,
        audience: Audience::Staff,
        in_header: true,
    }
}

/// Every staff tool, in the order of the header's staff row and the staff home.
pub static STAFF_TOOLS: [StaffTool; 15] = [
    StaffTool {
        name_waiting: Some("staff-nav-review-waiting"),
        ..tool(
            "/personale/indsendelser",
            "review-title",
            "staff-link-review",
        )
    },
    tool(
        "/personale/artikler",
        "staff-articles-title",
        "staff-link-articles",
    ),
    tool(
        "/personale/udgaver",
        "staff-issues-title",
        "staff-link-issues",
    ),
    tool(
        "/personale/aktiviteter",
        "staff-activities-title",
        "staff-link-activities",
    ),
    // Weekly at most: on the staff home only, so the header's row stays short.
    StaffTool {
        in_header: false,
        ..tool(
            "/personale/nyhedsbrev",
            "staff-newsletter-title",
            "staff-link-newsletter",
        )
    },
    tool("/personale/tal", "figures-title", "staff-link-figures"),
    tool(
        "/personale/succeskriterier",
        "measures-title",
        "staff-link-measures",
    ),
    tool("/personale/rapport", "report-tool", "staff-link-report"),
    tool("/personale/presse", "press-title", "staff-link-press"),
    // Changed once every four years or so: on the staff home only.
    StaffTool {
        in_header: false,
        ..tool("/personale/helhedsplan", "plan-title", "staff-link-plan")
    },
    tool("/personale/besoeg", "visits-title", "staff-link-visits"),
    // Staff invite citizen journalists; admins invite anyone and close accounts.
    StaffTool {
        admin_description: Some("staff-link-users"),
        ..tool(
            "/personale/brugere",
            "users-title",
            "staff-link-invite-journalists",
        )
    },
    StaffTool {
        audience: Audience::Admins,
        ..tool("/personale/udbakke", "outbox-title", "staff-link-outbox")
    },
    StaffTool {
        audience: Audience::Admins,
        ..tool("/personale/log", "audit-title", "staff-link-audit")
    },
    // The own account is on the staff home only.
    StaffTool {
        in_header: false,
        ..tool("/konto", "account-title", "staff-link-account")
    },
];

impl StaffTool {
    /// Whether an admin (`admin`) or another staff member is offered it.
    pub fn offered_to(&self, admin: bool) -> bool {
        admin || self.audience == Audience::Staff
    }

    /// Its name; the review queue's says how many submissions wait
    /// ([`crate::submissions::waiting`]).
    pub fn label(&self) -> String {
        match (self.name_waiting, crate::submissions::waiting()) {
            (Some(key), Some(count)) if count > 0 => t_with(key, &[("count", count.to_string())]),
            _ => t(self.name),
        }
    }

    /// The line that says what it is for, as an admin (`admin`) or another staff member reads
    /// it.
    pub fn description(&self, admin: bool) -> String {
        match self.admin_description {
            Some(key) if admin => t(key),
            _ => t(self.description),
        }
    }
}

/// The tools an admin (`admin`) or another staff member is offered, in order.
pub fn staff_tools(admin: bool) -> impl Iterator<Item = &'static StaffTool> {
    STAFF_TOOLS
        .iter()
        .filter(move |tool| tool.offered_to(admin))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// The keys live in a table, where the check of the `t("…")` calls in `i18n` cannot see them.
    #[test]
    fn every_tool_has_its_name_and_description_in_danish() {
        for tool in &STAFF_TOOLS {
            let keys = [
                Some(tool.name),
                Some(tool.description),
                tool.admin_description,
            ];
            for key in keys.into_iter().flatten() {
                assert_ne!(Lang::DA.text(key), key, "{}: {key}", tool.path);
            }
            if let Some(key) = tool.name_waiting {
                let text = Lang::DA.text_with(key, &[("count", "7".to_owned())]);
                assert!(text != key && text.contains('7'), "{}: {key}", tool.path);
            }
        }
    }

    #[test]
    fn admins_are_offered_every_tool_and_other_staff_all_but_the_admins_own() {
        let paths = |admin| staff_tools(admin).map(|tool| tool.path).collect::<Vec<_>>();
        assert_eq!(paths(true).len(), STAFF_TOOLS.len());
        let staff = paths(false);
        assert!(!staff.contains(&"/personale/udbakke") && !staff.contains(&"/personale/log"));
        assert!(staff.contains(&"/personale/brugere") && staff.contains(&"/konto"));
    }
}
