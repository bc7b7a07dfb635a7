-- The weekly newsletter: subscribers without an account (an address, its language, whether it
-- is confirmed, what it chose), the private links in their emails (SHA-256 hashes only), the
-- newsletters sent (one a week), the staff's settings, and the subscribers counted at each
-- month's end, which stay when an address leaves.
create table subscribers (
    id integer primary key,
    email text not null unique,                -- trimmed and lower-cased
    lang text not null default 'da',
    created_at text not null,
    confirmed_at text,                         -- null until the emailed link is followed
    everything integer not null default 1,     -- 1: every activity; 0: only what it chose
    rejections integer not null default 0,     -- permanent rejections in a row
    paused_at text,                            -- set after three rejections in a row
    last_week text not null default ''         -- the week of the last newsletter queued for it
);
create table subscriber_links (
    token_hash text primary key,
    subscriber_id integer not null references subscribers (id) on delete cascade,
    created_at text not null
);
create index subscriber_links_subscriber on subscriber_links (subscriber_id);
create table subscriber_activities (
    subscriber_id integer not null references subscribers (id) on delete cascade,
    activity_id integer not null references activities (id) on delete cascade,
    primary key (subscriber_id, activity_id)
);
create table subscriber_focus_areas (
    subscriber_id integer not null references subscribers (id) on delete cascade,
    focus_area_id integer not null references focus_areas (id) on delete cascade,
    primary key (subscriber_id, focus_area_id)
);
create table newsletters (
    id integer primary key,
    week text not null unique,                 -- ISO week, '2026-W50'
    note text not null default '',
    news_since text not null,                  -- the news published from here on is in it
    queued_at text not null,
    recipients integer not null default 0
);
create table newsletter_settings (
    id integer primary key check (id = 1),
    weekday integer not null default 1,        -- ISO: 1 is Monday
    send_at text not null default '07:00',     -- Danish local time
    note text not null default ''              -- the next newsletter's note, until it goes
);
insert into newsletter_settings (id) values (1);
create table newsletter_months (
    month text primary key,                    -- '2026-12'
    subscribers integer not null
);
-- An email may carry a date as a calendar file; a newsletter carries the address of leaving
-- in one click (RFC 8058) and its subscriber, whose leaving deletes it.
alter table outbox add column calendar text not null default '';
alter table outbox add column unsubscribe_url text not null default '';
alter table outbox add column subscriber_id integer references subscribers (id) on delete cascade;
-- The week of the newsletter whose link a sign-up came from (empty: not from a newsletter).
alter table signups add column via_newsletter text not null default '';
