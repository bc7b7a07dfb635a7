-- The largest party one sign-up may hold, set by staff per activity (persons, adults and
-- children together); existing activities get the default of 10.

alter table activities add column max_party bigint not null default 10
    check (max_party between 1 and 100);
