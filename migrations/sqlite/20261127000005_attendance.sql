-- Attendance (fremmøde) and reminders. Staff record per occurrence whether it was held and who
-- came: the signed-up parties they tick off (signups.attended) and the counts of everyone else.
-- The figures are computed from these rows and the sign-ups' counts, which the retention job
-- never touches.

alter table signups add column attended integer;   -- null: not recorded; 1 came; 0 did not
alter table signups add column reminded_at text;    -- when the reminder email was queued

create table attendance (
    occurrence_id integer primary key references occurrences (id) on delete cascade,
    held integer not null,                           -- 1 held, 0 cancelled
    walkin_adults integer not null check (walkin_adults >= 0),
    walkin_children integer not null check (walkin_children >= 0),
    volunteers integer not null check (volunteers >= 0),
    first_timers integer not null check (first_timers >= 0),
    recorded_at text not null,
    recorded_by integer references users (id) on delete set null
);
