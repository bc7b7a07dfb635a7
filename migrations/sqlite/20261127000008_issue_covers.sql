-- A magazine issue's cover: one of the stored images, with alt text.

alter table magazine_issues add column cover_image_id integer references images (id) on delete set null;
alter table magazine_issues add column cover_alt text not null default '';
