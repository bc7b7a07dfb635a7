-- Visitor counting without cookies. A visitor is a keyed hash of the day's random salt, the
-- network address, the user agent and the site; neither the address nor the user agent is
-- stored. The salt and the day's hashes are kept only until the day is over (plus a short
-- overlap), then the day is summed up into the figures below and both are deleted.

-- The random salt of each local day that is still being counted; shared by every instance.
create table visit_salts (
    day date primary key,
    salt bytea not null
);

-- The views of the days still being counted: one row per visitor, page and day. Instances add
-- their batches here, so a visitor seen by two instances on one day is one row.
create table visit_hits (
    day date not null,
    visitor bytea not null,
    path text not null,
    device text not null check (device in ('phone', 'tablet', 'computer')),
    views bigint not null,
    primary key (day, visitor, path)
);

-- Each finished day: unique visitors, page views, and unique visitors per device class.
create table visit_days (
    day date primary key,
    visitors bigint not null,
    views bigint not null,
    phones bigint not null,
    tablets bigint not null,
    computers bigint not null
);

-- Each finished day's pages: views and unique visitors per page.
create table visit_pages (
    day date not null,
    path text not null,
    views bigint not null,
    visitors bigint not null,
    primary key (day, path)
);

-- Views that arrived by a link from another site, per day and domain (never the whole address).
create table visit_referrers (
    day date not null,
    domain text not null,
    visits bigint not null,
    primary key (day, domain)
);
