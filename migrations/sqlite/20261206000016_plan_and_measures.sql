-- The plan behind the report: the housing plan's periods (a plan runs about four years), each
-- with its own focus areas and their goals, so a new period never rewrites an old report; the
-- area an activity reports under in each period; success criteria (measures) with a yearly
-- target and values per month or quarter, each value with the history of who entered or
-- corrected it; and the press log. Counts only: nothing here names a resident.
--
-- The focus areas' names were unique over all time; now they are unique within a period
-- (two periods may both have "Beskæftigelse"). SQLite cannot drop a constraint, so the table
-- is rebuilt (SQLite's documented way). sqlx runs a migration inside a transaction, where
-- foreign keys cannot be turned off: dropping the old table nulls the activities' areas and
-- deletes the articles' topics, so both are kept aside first and put back after, and the
-- checks wait for the commit.

pragma defer_foreign_keys = on;

create temp table kept_activity_areas as
select id, focus_area_id from activities where focus_area_id is not null;

create temp table kept_article_areas as select article_id, focus_area_id from article_focus_areas;

create table plan_periods (
    id integer primary key,
    name text not null,
    first_year integer not null check (first_year between 2000 and 2200),
    last_year integer not null check (last_year between first_year and first_year + 9),
    unique (first_year)
);

-- The existing focus areas become the areas of one period: from the year of the earliest
-- activity (or this year) for at least four years, and up to this year.
insert into plan_periods (name, first_year, last_year)
select 'Helhedsplan ' || first_year || '–' || last_year, first_year, last_year
from (
    select first_year, max(first_year + 3, this_year) as last_year
    from (
        select min(coalesce(cast(substr((select min(starts_on) from activities), 1, 4) as integer),
                            this_year), this_year) as first_year,
               this_year
        from (select cast(strftime('%Y', 'now') as integer) as this_year)
    )
)
where exists (select 1 from focus_areas);

create table focus_areas_new (
    id integer primary key,
    plan_period_id integer not null references plan_periods (id),
    slug text not null unique,
    name text not null,
    goal text not null default '',
    position integer not null default 0,
    unique (plan_period_id, name)
);

insert into focus_areas_new (id, plan_period_id, slug, name, position)
select id, (select min(id) from plan_periods), slug, name, position from focus_areas;

drop table focus_areas;
alter table focus_areas_new rename to focus_areas;

update activities
set focus_area_id = (select k.focus_area_id from kept_activity_areas k where k.id = activities.id)
where id in (select id from kept_activity_areas);

insert into article_focus_areas (article_id, focus_area_id)
select article_id, focus_area_id from kept_article_areas;

drop table kept_activity_areas;
drop table kept_article_areas;

-- The area an activity reports under in a period. `activities.focus_area_id` is its area in
-- the period it was last saved for; this keeps the earlier periods' areas as they were.
create table activity_focus_areas (
    activity_id integer not null references activities (id) on delete cascade,
    plan_period_id integer not null references plan_periods (id) on delete cascade,
    focus_area_id integer not null references focus_areas (id) on delete cascade,
    primary key (activity_id, plan_period_id)
);

insert into activity_focus_areas (activity_id, plan_period_id, focus_area_id)
select a.id, f.plan_period_id, f.id from activities a join focus_areas f on f.id = a.focus_area_id;

-- A success criterion (succeskriterium) of a focus area or of an activity.
create table measures (
    id integer primary key,
    focus_area_id integer references focus_areas (id) on delete cascade,
    activity_id integer references activities (id) on delete cascade,
    name text not null,
    unit text not null check (unit in ('personer', 'henvendelser', 'familier', 'forloeb', 'procent')),
    recorded_per text not null check (recorded_per in ('month', 'quarter')),
    yearly_target integer check (yearly_target is null or yearly_target >= 0),
    part_of integer references measures (id) on delete set null,
    position integer not null default 0,
    created_at text not null,
    updated_at text not null,
    check ((focus_area_id is null) <> (activity_id is null))
);

create index measures_by_area on measures (focus_area_id);
create index measures_by_activity on measures (activity_id);

-- One value per measure and month or quarter (`part` is 1–12 or 1–4 by the measure's
-- `recorded_per`): two staff saving at once end with one row.
create table measure_values (
    measure_id integer not null references measures (id) on delete cascade,
    year integer not null,
    part integer not null check (part between 1 and 12),
    value integer not null check (value >= 0),
    updated_by integer references users (id) on delete set null,
    updated_at text not null,
    primary key (measure_id, year, part)
);

-- Every entry and correction of a value; `value` is null where a value was cleared.
create table measure_value_history (
    id integer primary key,
    measure_id integer not null references measures (id) on delete cascade,
    year integer not null,
    part integer not null,
    value integer,
    changed_by integer references users (id) on delete set null,
    changed_at text not null
);

create index measure_value_history_by_measure on measure_value_history (measure_id, year);

-- Press releases sent (pressemeddelelser) and the press's mentions (omtaler).
create table press_items (
    id integer primary key,
    kind text not null check (kind in ('release', 'mention')),
    published_on text not null,
    outlet text not null,
    title text not null,
    url text not null default '',
    focus_area_id integer references focus_areas (id) on delete set null,
    created_by integer references users (id) on delete set null,
    created_at text not null,
    updated_by integer references users (id) on delete set null,
    updated_at text not null
);

create index press_items_by_date on press_items (published_on);
