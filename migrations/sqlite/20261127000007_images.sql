-- Images, stored in the database: each upload is decoded and encoded again (so no EXIF or GPS
-- data survives) in a few widths; an article may have one as its cover, with alt text.

create table images (
    id integer primary key,
    width integer not null,
    height integer not null,
    uploaded_by integer references users (id) on delete set null,
    created_at text not null
);

create table image_variants (
    image_id integer not null references images (id) on delete cascade,
    width integer not null,
    height integer not null,
    etag text not null,
    data blob not null,
    primary key (image_id, width)
);

alter table articles add column cover_image_id integer references images (id) on delete set null;
alter table articles add column cover_alt text not null default '';
