-- Sign-ups: an occurrence gets a row the first time something attaches to it (its identity is
-- the activity and the date it was scheduled for); a party signs up for it, confirmed or on the
-- waitlist in order of arrival, and manages the sign-up through a private link (stored hashed).

create table occurrences (
    id integer primary key,
    activity_id integer not null references activities (id) on delete cascade,
    on_date text not null,
    unique (activity_id, on_date)
);

create table signups (
    id integer primary key,
    occurrence_id integer not null references occurrences (id) on delete cascade,
    name text not null,
    adults integer not null check (adults >= 1),
    children integer not null check (children >= 0),
    email text not null default '',
    phone text not null default '',
    note text not null default '',
    status text not null check (status in ('confirmed', 'waitlisted', 'cancelled')),
    token_hash text not null unique,       -- SHA-256 of the private link's token
    created_at text not null,
    promoted_at text,
    cancelled_at text
);

create index signups_by_occurrence on signups (occurrence_id, status, id);
