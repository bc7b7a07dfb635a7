//! Adding up the figures of a period from its rows, and writing the report's sentences.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Utc};

use super::{
    queries::{OccurrenceFigures, SignupFigures},
    Contributions, ContributorLine, Contributors, Counts, Line, Period, Report,
};
use crate::{
    calendar::Activity, i18n::Lang, signups::SignupStatus, submissions::queries::ContributionRow,
};

/// The counts of each activity (by id) in one period's rows.
pub fn counts_by_activity(
    occurrences: &[OccurrenceFigures],
    signups: &[SignupFigures],
) -> HashMap<i64, Counts> {
    let mut by_occurrence: HashMap<i64, Vec<&SignupFigures>> = HashMap::new();
    for signup in signups {
        by_occurrence
            .entry(signup.occurrence_id)
            .or_default()
            .push(signup);
    }
    let mut counts: HashMap<i64, Counts> = HashMap::new();
    for occurrence in occurrences {
        let entry = counts.entry(occurrence.activity_id).or_default();
        let parties = by_occurrence
            .get(&occurrence.occurrence_id)
            .map(Vec::as_slice)
            .unwrap_or_default();
        entry.signups += parties.len() as i64;
        entry.cancellations += parties
            .iter()
            .filter(|party| party.status == SignupStatus::Cancelled)
            .count() as i64;
        entry.promotions += parties.iter().filter(|party| party.promoted).count() as i64;
        match occurrence.held {
            Some(true) => {
                let walkin_adults = occurrence.walkin_adults.unwrap_or(0);
                let walkin_children = occurrence.walkin_children.unwrap_or(0);
                let came = || {
                    parties
                        .iter()
                        .filter(|party| party.status.took_part(party.attended))
                };
                entry.held += 1;
                entry.adults += walkin_adults + came().map(|party| party.adults).sum::<i64>();
                entry.children += walkin_children + came().map(|party| party.children).sum::<i64>();
                entry.walk_ins += walkin_adults + walkin_children;
                entry.volunteers += occurrence.volunteers.unwrap_or(0);
                entry.first_timers += occurrence.first_timers.unwrap_or(0);
                entry.no_shows += parties
                    .iter()
                    .filter(|party| {
                        party.status == SignupStatus::Confirmed && party.attended == Some(false)
                    })
                    .count() as i64;
            }
            Some(false) => entry.not_held += 1,
            None => {}
        }
    }
    counts
}

/// The whole report: one line per activity with figures in either period (by name), one per
/// focus area, the total, and the sentences.
pub fn report(
    lang: Lang,
    activities: &[Activity],
    period: Period,
    current: &HashMap<i64, Counts>,
    previous: &HashMap<i64, Counts>,
) -> Report {
    let previous_period = period.previous_year();
    let mut by_activity: Vec<Line> = activities
        .iter()
        .filter_map(|activity| {
            let current = current.get(&activity.id).copied().unwrap_or_default();
            let previous = previous.get(&activity.id).copied().unwrap_or_default();
            (!current.is_empty() || !previous.is_empty()).then(|| Line {
                name: activity.name.clone(),
                focus_area: activity
                    .focus_area
                    .as_ref()
                    .map(|area| area.name.clone())
                    .unwrap_or_default(),
                venue: activity
                    .venue
                    .as_ref()
                    .map(|venue| venue.name.clone())
                    .unwrap_or_default(),
                current,
                previous,
            })
        })
        .collect();
    by_activity.sort_by(|a, b| a.name.cmp(&b.name));
    let mut areas: BTreeMap<String, (Counts, Counts)> = BTreeMap::new();
    let mut total = (Counts::default(), Counts::default());
    for line in &by_activity {
        let name = if line.focus_area.is_empty() {
            lang.text("figures-no-focus-area")
        } else {
            line.focus_area.clone()
        };
        let area = areas.entry(name).or_default();
        area.0 += line.current;
        area.1 += line.previous;
        total.0 += line.current;
        total.1 += line.previous;
    }
    let by_focus_area = areas
        .into_iter()
        .map(|(name, (current, previous))| Line {
            name,
            focus_area: String::new(),
            venue: String::new(),
            current,
            previous,
        })
        .collect();
    let total = Line {
        name: lang.text("figures-total"),
        focus_area: String::new(),
        venue: String::new(),
        current: total.0,
        previous: total.1,
    };
    let sentences = sentences(lang, &period, &by_activity, &total);
    Report {
        period,
        previous: previous_period,
        total,
        by_activity,
        by_focus_area,
        sentences,
        contributors: Contributors::default(),
        newsletter: Default::default(),
    }
}

/// The report's sentences: "I 2026 blev Fællesspisning afholdt 11 gange i ParkCafeen med
/// gennemsnitligt 34 deltagere og 2 frivillige." for each activity held, then the total.
/// Averages are rounded to whole persons, as one says them.
pub fn sentences(lang: Lang, period: &Period, by_activity: &[Line], total: &Line) -> Vec<String> {
    use crate::i18n::Arg;
    let label = period.label();
    let mut sentences: Vec<String> = by_activity
        .iter()
        .filter(|line| line.current.held > 0)
        .map(|line| {
            // "Fællesspisning i ParkCafeen … i ParkCafeen" would say the place twice.
            let venue = if line.venue.is_empty() || line.name.contains(&line.venue) {
                String::new()
            } else {
                lang.text_with("figures-sentence-venue", &[("venue", line.venue.clone())])
            };
            lang.text_with_values(
                "figures-sentence",
                &[
                    ("period", Arg::Text(label.clone())),
                    ("activity", Arg::Text(line.name.clone())),
                    ("held", Arg::Number(line.current.held)),
                    ("venue", Arg::Text(venue)),
                    (
                        "average",
                        Arg::Number(whole(line.current.average_participants())),
                    ),
                    (
                        "volunteers",
                        Arg::Number(whole(line.current.volunteers_per_occurrence())),
                    ),
                ],
            )
        })
        .collect();
    sentences.push(lang.text_with_values(
        "figures-sentence-total",
        &[
            ("period", Arg::Text(label)),
            ("held", Arg::Number(total.current.held)),
            ("participants", Arg::Number(total.current.participants())),
        ],
    ));
    sentences
}

/// The contributor figures from the submissions of this period (`current`, with the period's
/// bounds in UTC) and of the same period last year (`previous`).
pub fn contributors(
    current: (&[ContributionRow], DateTime<Utc>, DateTime<Utc>),
    previous: (&[ContributionRow], DateTime<Utc>, DateTime<Utc>),
) -> Contributors {
    // By author: their name, and this period's and last year's contributions.
    let mut by_author: BTreeMap<i64, (String, Contributions, Contributions)> = BTreeMap::new();
    let mut active = (HashSet::new(), HashSet::new());
    let mut delivering = (HashSet::new(), HashSet::new());
    for (n, (rows, from, to)) in [current, previous].into_iter().enumerate() {
        let within = |at: Option<DateTime<Utc>>| at.is_some_and(|at| from <= at && at < to);
        for row in rows {
            let sent = within(row.first_sent_at);
            let published = within(row.published_at);
            if !sent && !published {
                continue;
            }
            let counts = Contributions {
                sent: i64::from(sent),
                published: i64::from(published),
                photos: if published { row.photos } else { 0 },
            };
            let entry = by_author.entry(row.author_id).or_insert_with(|| {
                (
                    row.author_name.clone(),
                    Default::default(),
                    Default::default(),
                )
            });
            let (active, delivering) = if n == 0 {
                entry.1 += counts;
                (&mut active.0, &mut delivering.0)
            } else {
                entry.2 += counts;
                (&mut active.1, &mut delivering.1)
            };
            active.insert(row.author_id);
            if published {
                delivering.insert(row.author_id);
            }
        }
    }
    let mut by_journalist: Vec<ContributorLine> = by_author
        .into_values()
        .map(|(name, current, previous)| ContributorLine {
            name,
            current,
            previous,
        })
        .collect();
    by_journalist.sort_by(|a, b| a.name.cmp(&b.name));
    let mut total = Contributions::default();
    let mut previous_total = Contributions::default();
    for line in &by_journalist {
        total += line.current;
        previous_total += line.previous;
    }
    Contributors {
        by_journalist,
        total,
        previous_total,
        active: (active.0.len() as i64, active.1.len() as i64),
        delivering: (delivering.0.len() as i64, delivering.1.len() as i64),
    }
}

/// The report's sentence about the journalists: "I 2026 leverede 16 borgerjournalister 90
/// bidrag (artikler og billeder) til Nordbyposten og hjemmesiden."
pub fn contributor_sentence(
    lang: Lang,
    period: &Period,
    magazine: &str,
    contributors: &Contributors,
) -> String {
    use crate::i18n::Arg;
    lang.text_with_values(
        "figures-sentence-contributors",
        &[
            ("period", Arg::Text(period.label())),
            ("journalists", Arg::Number(contributors.delivering.0)),
            ("contributions", Arg::Number(contributors.total.published)),
            ("magazine", Arg::Text(magazine.to_owned())),
        ],
    )
}

fn whole(value: Option<f64>) -> i64 {
    value.map(|value| value.round() as i64).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn occurrence(
        id: i64,
        held: Option<bool>,
        walk_ins: (i64, i64),
        volunteers: i64,
    ) -> OccurrenceFigures {
        OccurrenceFigures {
            occurrence_id: id,
            activity_id: 1,
            on_date: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            held,
            walkin_adults: held.map(|_| walk_ins.0),
            walkin_children: held.map(|_| walk_ins.1),
            volunteers: held.map(|_| volunteers),
            first_timers: held.map(|_| 1),
        }
    }

    fn party(
        occurrence_id: i64,
        size: (i64, i64),
        status: SignupStatus,
        attended: Option<bool>,
    ) -> SignupFigures {
        SignupFigures {
            occurrence_id,
            adults: size.0,
            children: size.1,
            status,
            attended,
            promoted: false,
        }
    }

    #[test]
    fn participants_are_the_parties_that_came_and_the_walk_ins() {
        let occurrences = [
            occurrence(1, Some(true), (3, 2), 2),
            occurrence(2, Some(false), (0, 0), 0),
            occurrence(3, None, (0, 0), 0),
        ];
        let signups = [
            party(1, (2, 1), SignupStatus::Confirmed, Some(true)),
            party(1, (1, 0), SignupStatus::Confirmed, Some(false)),
            party(1, (4, 0), SignupStatus::Cancelled, None),
            party(3, (2, 2), SignupStatus::Confirmed, None),
        ];
        let counts = counts_by_activity(&occurrences, &signups)[&1];
        assert_eq!(
            counts,
            Counts {
                held: 1,
                not_held: 1,
                adults: 5,
                children: 3,
                volunteers: 2,
                first_timers: 1,
                walk_ins: 5,
                signups: 4,
                cancellations: 1,
                no_shows: 1,
                promotions: 0,
            }
        );
    }
}
