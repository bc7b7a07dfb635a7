-- The calendar: activities with their recurrence rule, and the exceptions to a rule (a date
-- cancelled, a date moved, an extra date). An occurrence is identified by its activity and the
-- local date it was scheduled for, so sign-ups and attendance can attach to it later.

create table activities (
    id integer primary key,
    slug text not null unique,
    name text not null,
    description text not null default '',
    focus_area_id integer references focus_areas (id) on delete set null,
    venue_id integer references venues (id) on delete set null,
    starts_on text not null,               -- local date of the first occurrence
    start_time text not null,              -- local time, Europe/Copenhagen
    end_time text not null,
    rule text not null default '',         -- an RFC 5545 RRULE value; empty for a one-off event
    capacity integer check (capacity is null or capacity > 0),  -- persons
    signup_mode text not null default 'none' check (signup_mode in ('none', 'optional', 'required')),
    price_note text not null default '',
    accessibility_note text not null default '',
    contact text not null default '',
    created_at text not null,
    updated_at text not null
);

create table activity_exceptions (
    id integer primary key,
    activity_id integer not null references activities (id) on delete cascade,
    on_date text not null,                 -- the scheduled date it changes, or the extra date
    kind text not null check (kind in ('cancelled', 'moved', 'extra')),
    reason text not null default '',       -- shown to residents
    new_date text,                         -- moved: the new date
    new_start text,                        -- moved or extra: the time, if not the usual one
    new_end text,
    unique (activity_id, on_date)
);
