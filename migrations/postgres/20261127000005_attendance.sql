-- Attendance (fremmøde) and reminders. Staff record per occurrence whether it was held and who
-- came: the signed-up parties they tick off (signups.attended) and the counts of everyone else.
-- The figures are computed from these rows and the sign-ups' counts, which the retention job
-- never touches.

alter table signups add column attended boolean;    -- null: not recorded
alter table signups add column reminded_at timestamptz;

create table attendance (
    occurrence_id bigint primary key references occurrences (id) on delete cascade,
    held boolean not null,
    walkin_adults bigint not null check (walkin_adults >= 0),
    walkin_children bigint not null check (walkin_children >= 0),
    volunteers bigint not null check (volunteers >= 0),
    first_timers bigint not null check (first_timers >= 0),
    recorded_at timestamptz not null,
    recorded_by bigint references users (id) on delete set null
);
