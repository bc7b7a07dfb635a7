-- Visitor counting without cookies. A visitor is a keyed hash of the day's random salt, the
-- network address, the user agent and the site; neither the address nor the user agent is
-- stored. The salt and the day's hashes are kept only until the day is over (plus a short
-- overlap), then the day is summed up into the figures below and both are deleted.

-- The random salt of each local day that is still being counted; shared by every instance.
create table visit_salts (
    day text primary key,
    salt blob not null
);

-- The views of the days still being counted: one row per visitor, page and day. Instances add
-- their batches here, so a visitor seen by two instances on one day is one row.
create table visit_hits (
    day text not null,
    visitor blob not null,
    path text not null,
    device text not null check (device in ('phone', 'tablet', 'computer')),
    views integer not null,
    primary key (day, visitor, path)
);

-- Each finished day: unique visitors, page views, and unique visitors per device class.
create table visit_days (
    day text primary key,
    visitors integer not null,
    views integer not null,
    phones integer not null,
    tablets integer not null,
    computers integer not null
);

-- Each finished day's pages: views and unique visitors per page.
create table visit_pages (
    day text not null,
    path text not null,
    views integer not null,
    visitors integer not null,
    primary key (day, path)
);

-- Views that arrived by a link from another site, per day and domain (never the whole address).
create table visit_referrers (
    day text not null,
    domain text not null,
    visits integer not null,
    primary key (day, domain)
);
