-- Base data every feature shares: the site itself, its housing areas,
-- the plan's focus areas (indsatsområder) and the venues (steder).
-- Nothing here is specific to one neighbourhood: demo content fills it in.

create table site (
    id integer primary key check (id = 1),
    name text not null,
    organisation text not null,
    magazine_name text not null,
    intro text not null default '',
    contact_email text not null default '',
    contact_phone text not null default '',
    contact_address text not null default ''
);

insert into site (id, name, organisation, magazine_name)
values (1, 'Naboskab', 'Naboskab', 'Beboerbladet');

create table housing_areas (
    id integer primary key,
    name text not null unique,
    position integer not null default 0
);

create table focus_areas (
    id integer primary key,
    slug text not null unique,
    name text not null unique,
    position integer not null default 0
);

create table venues (
    id integer primary key,
    slug text not null unique,
    name text not null unique,
    address text not null default '',
    description text not null default '',
    accessibility text not null default ''
);
