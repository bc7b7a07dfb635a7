//! The server functions of the measures' pages (`/personale/succeskriterier`).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::{Measure, ValueChange};
use crate::{forms::FormFeedback, visible::Visible};

/// A measure in the list, with this year's and last year's figure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasureLine {
    pub measure: Measure,
    pub this_year: Option<i64>,
    pub last_year: Option<i64>,
}

/// What the list of measures shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasureList {
    pub year: i32,
    pub lines: Vec<MeasureLine>,
}

/// The measures, with this year's and last year's figures.
#[server(prefix = "/personale/api", endpoint = "succeskriterier")]
pub async fn load_measures() -> Result<MeasureList, ServerFnError> {
    use chrono::Datelike;

    use crate::errors::{db_from_context, internal};
    crate::accounts::api::require(crate::accounts::Role::Staff)?;
    let db = db_from_context()?;
    let year = crate::clock::today().year();
    let mut lines = Vec::new();
    for measure in db.plan().measures().await.map_err(internal)? {
        let mut figures = [None, None];
        for (figure, year) in figures.iter_mut().zip([year, year - 1]) {
            let values = db
                .plan()
                .values_of(measure.id, i64::from(year))
                .await
                .map_err(internal)?;
            *figure = super::year_figure(&measure, &values);
        }
        lines.push(MeasureLine {
            measure,
            this_year: figures[0],
            last_year: figures[1],
        });
    }
    Ok(MeasureList { year, lines })
}

/// What the measure form shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasureEditor {
    pub measure: Option<Measure>,
    pub form: FormFeedback,
    /// What a measure may belong to, as (form value, name).
    pub owners: Vec<(String, String)>,
    /// The measures it may be part of, as (id, name).
    pub wholes: Vec<(String, String)>,
}

/// The measure form's data for measure `id` (None for a new one).
#[server(prefix = "/personale/api", endpoint = "succeskriterium")]
pub async fn load_measure_editor(id: Option<i64>) -> Result<Visible<MeasureEditor>, ServerFnError> {
    use chrono::Datelike;

    use crate::errors::{db_from_context, internal, visible};
    crate::accounts::api::require(crate::accounts::Role::Staff)?;
    let db = db_from_context()?;
    let measure = match id {
        Some(id) => match super::service::measure(&db, id).await {
            Ok(measure) => Some(measure),
            Err(refused) => return visible::<MeasureEditor>(Err(refused)),
        },
        None => None,
    };
    let year = crate::clock::today().year();
    let mut owners = db.plan().owner_choices(year).await.map_err(internal)?;
    if let Some(measure) = &measure {
        // A measure of an earlier period's area keeps its area among the choices.
        if !owners
            .iter()
            .any(|(value, _)| *value == measure.owner_choice())
        {
            owners.insert(0, (measure.owner_choice(), measure.owner_name.clone()));
        }
    }
    let wholes = db
        .plan()
        .measures()
        .await
        .map_err(internal)?
        .into_iter()
        .filter(|whole| {
            !whole.is_percent()
                && measure
                    .as_ref()
                    .is_none_or(|measure| measure.id != whole.id)
        })
        .map(|whole| {
            let label = format!("{} ({})", whole.name, whole.owner_name);
            (whole.id.to_string(), label)
        })
        .collect();
    let form = super::service::MeasureForm::feedback_from(measure.as_ref());
    Ok(Visible::Shown(MeasureEditor {
        measure,
        form,
        owners,
        wholes,
    }))
}

/// What the page of a measure's values in one year shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasureYear {
    pub measure: Measure,
    pub year: i32,
    /// The years offered: from the first with data (at most ten back) to next year.
    pub years: Vec<i32>,
    pub form: FormFeedback,
    pub this_year: Option<i64>,
    pub last_year: Option<i64>,
    /// The whole it is part of, by name.
    pub whole: Option<String>,
    pub history: Vec<ValueChange>,
}

/// Measure `id`'s values in `year` (this year when None), with their history.
#[server(prefix = "/personale/api", endpoint = "succeskriterium-tal")]
pub async fn load_measure_year(
    id: i64,
    year: Option<i32>,
) -> Result<Visible<MeasureYear>, ServerFnError> {
    use chrono::Datelike;

    use crate::errors::{db_from_context, internal, visible};
    crate::accounts::api::require(crate::accounts::Role::Staff)?;
    let db = db_from_context()?;
    let measure = match super::service::measure(&db, id).await {
        Ok(measure) => measure,
        Err(refused) => return visible::<MeasureYear>(Err(refused)),
    };
    let this_year = crate::clock::today().year();
    // Within the years a form may name (`address::Year`).
    let year = year.unwrap_or(this_year).clamp(2000, 2100);
    let values = db
        .plan()
        .values_of(id, i64::from(year))
        .await
        .map_err(internal)?;
    let earlier = db
        .plan()
        .values_of(id, i64::from(year) - 1)
        .await
        .map_err(internal)?;
    let whole = match measure.part_of {
        Some(whole) => db
            .plan()
            .measure(whole)
            .await
            .map_err(internal)?
            .map(|whole| whole.name),
        None => None,
    };
    Ok(Visible::Shown(MeasureYear {
        form: super::service::ValuesForm::feedback_from(&measure, &values),
        this_year: super::year_figure(&measure, &values),
        last_year: super::year_figure(&measure, &earlier),
        history: db
            .plan()
            .history_of(id, i64::from(year))
            .await
            .map_err(internal)?,
        years: (this_year - 9..=this_year + 1).rev().collect(),
        measure,
        year,
        whole,
    }))
}

/// The periods the press log's filter offers besides whole years.
pub const PRESS_ACCEPTS: crate::period::Accepts = crate::period::Accepts {
    quarter: true,
    month: false,
    chosen: false,
};

/// What the press log shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PressLog {
    pub period: crate::period::Period,
    pub items: Vec<super::PressItem>,
    /// Press releases and mentions among the items.
    pub releases: usize,
    pub mentions: usize,
    /// The filter form, as the address holds it, with its messages.
    pub form: FormFeedback,
    pub years: Vec<i32>,
    /// The focus areas to filter by, (id, name).
    pub areas: Vec<(i64, String)>,
}

/// The press log of the period in `query`, of one kind (`type`: "release" or "mention") and one
/// focus area (`omraade`) if they are given.
#[server(prefix = "/personale/api", endpoint = "presse")]
pub async fn load_press(
    query: crate::period::PeriodQuery,
    kind: Option<String>,
    area: Option<String>,
) -> Result<PressLog, ServerFnError> {
    use chrono::Datelike;

    use crate::errors::{db_from_context, internal};
    crate::accounts::api::require(crate::accounts::Role::Staff)?;
    let lang = crate::i18n::lang();
    let today = crate::clock::today();
    let (period, errors) = query.period(today, PRESS_ACCEPTS);
    let db = db_from_context()?;
    let areas = db.site().focus_area_choices().await.map_err(internal)?;
    let kind = kind.filter(|kind| super::PRESS_KINDS.iter().any(|(known, _)| known == kind));
    let area_id = area
        .as_deref()
        .and_then(|area| area.parse::<i64>().ok())
        .filter(|id| areas.iter().any(|(area, _)| area == id));
    let filter = super::queries::PressFilter {
        from: Some(period.from),
        to: Some(period.to),
        kind: kind.clone(),
        focus_area_id: area_id,
    };
    let items = db.plan().press_items(&filter).await.map_err(internal)?;
    let mut form = FormFeedback::for_form("press-filter");
    form.keep(
        "aar",
        query
            .aar
            .as_deref()
            .unwrap_or(&period.from.year().to_string()),
    )
    .keep("kvartal", query.kvartal.as_deref().unwrap_or_default())
    .keep("type", kind.as_deref().unwrap_or_default())
    .keep(
        "omraade",
        &area_id.map(|id| id.to_string()).unwrap_or_default(),
    );
    for (field, key) in errors {
        form.error(field, lang.text(key));
    }
    let releases = items.iter().filter(|item| item.kind == "release").count();
    Ok(PressLog {
        mentions: items.len() - releases,
        releases,
        years: crate::period::offered_years(Some(period.from), today),
        period,
        items,
        form,
        areas,
    })
}

/// What the press entry form shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PressEditor {
    pub item: Option<super::PressItem>,
    pub form: FormFeedback,
    pub areas: Vec<(i64, String)>,
}

/// The press entry form's data for entry `id` (None for a new one).
#[server(prefix = "/personale/api", endpoint = "presseomtale")]
pub async fn load_press_editor(id: Option<i64>) -> Result<Visible<PressEditor>, ServerFnError> {
    use crate::errors::{db_from_context, internal, visible};
    crate::accounts::api::require(crate::accounts::Role::Staff)?;
    let db = db_from_context()?;
    let item = match id {
        Some(id) => match super::service::press_item(&db, id).await {
            Ok(item) => Some(item),
            Err(refused) => return visible::<PressEditor>(Err(refused)),
        },
        None => None,
    };
    let today = crate::clock::today();
    let keep = item.as_ref().and_then(|item| item.focus_area_id);
    Ok(Visible::Shown(PressEditor {
        form: super::service::PressForm::feedback_from(item.as_ref(), today),
        areas: db
            .site()
            .current_focus_area_choices(chrono::Datelike::year(&today), keep)
            .await
            .map_err(internal)?,
        item,
    }))
}

/// What the plan's page shows: every period, the latest first, with its focus areas.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanOverview {
    pub periods: Vec<(super::PlanPeriod, Vec<super::PlanArea>)>,
    pub this_year: i64,
}

/// The plan's periods with their focus areas.
#[server(prefix = "/personale/api", endpoint = "helhedsplan")]
pub async fn load_plan() -> Result<PlanOverview, ServerFnError> {
    use chrono::Datelike;

    use crate::errors::{db_from_context, internal};
    crate::accounts::api::require(crate::accounts::Role::Staff)?;
    let db = db_from_context()?;
    let areas = db.plan().plan_areas().await.map_err(internal)?;
    let periods = db
        .plan()
        .plan_periods()
        .await
        .map_err(internal)?
        .into_iter()
        .map(|period| {
            let own = areas
                .iter()
                .filter(|area| area.plan_period_id == period.id)
                .cloned()
                .collect();
            (period, own)
        })
        .collect();
    Ok(PlanOverview {
        periods,
        this_year: i64::from(crate::clock::today().year()),
    })
}

/// The plan period form's data for period `id` (None for a new one).
#[server(prefix = "/personale/api", endpoint = "planperiode")]
pub async fn load_plan_period_editor(
    id: Option<i64>,
) -> Result<Visible<(Option<super::PlanPeriod>, FormFeedback)>, ServerFnError> {
    use crate::errors::{db_from_context, visible};
    crate::accounts::api::require(crate::accounts::Role::Staff)?;
    let Some(id) = id else {
        let form = super::service::PlanPeriodForm::feedback_from(None);
        return Ok(Visible::Shown((None, form)));
    };
    let period = super::service::plan_period(&db_from_context()?, id).await;
    visible(period.map(|period| {
        let form = super::service::PlanPeriodForm::feedback_from(Some(&period));
        (Some(period), form)
    }))
}

/// What the focus area form shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaEditor {
    pub area: Option<super::PlanArea>,
    pub form: FormFeedback,
    /// The periods it may belong to, (id, name).
    pub periods: Vec<(String, String)>,
}

/// The focus area form's data for area `id` (None for a new one, in `period` if given).
#[server(prefix = "/personale/api", endpoint = "indsatsomraade")]
pub async fn load_area_editor(
    id: Option<i64>,
    period: Option<i64>,
) -> Result<Visible<AreaEditor>, ServerFnError> {
    use crate::errors::{db_from_context, internal, visible};
    crate::accounts::api::require(crate::accounts::Role::Staff)?;
    let db = db_from_context()?;
    let area = match id {
        Some(id) => match super::service::plan_area(&db, id).await {
            Ok(area) => Some(area),
            Err(refused) => return visible::<AreaEditor>(Err(refused)),
        },
        None => None,
    };
    let periods = db
        .plan()
        .plan_periods()
        .await
        .map_err(internal)?
        .into_iter()
        .map(|period| (period.id.to_string(), period.name))
        .collect();
    Ok(Visible::Shown(AreaEditor {
        form: super::service::AreaForm::feedback_from(area.as_ref(), period),
        area,
        periods,
    }))
}
