-- How many times the public pages may have changed: every instance adds one after a write, and
-- an instance that reads a number it did not write empties its page cache.
create table page_version (
    id integer primary key check (id = 1),
    version bigint not null
);
insert into page_version (id, version) values (1, 0);
