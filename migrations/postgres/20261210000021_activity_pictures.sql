-- An activity's picture: its kind (which of the project's illustrations it shows when it has no
-- photo) and an optional photo, one of the stored images, with its description. The image
-- trigger now also spares an image an activity holds, and lets go of an activity's photo.

alter table activities add column kind text not null default 'meeting';
alter table activities add column cover_image_id bigint references images (id) on delete set null;
alter table activities add column cover_alt text not null default '';

create index activities_cover_image_id on activities (cover_image_id);

create or replace function cover_let_go() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        if new.cover_image_id is not distinct from old.cover_image_id then
            return null;
        end if;
    end if;
    delete from images where id = old.cover_image_id
        and not exists (select 1 from articles where cover_image_id = old.cover_image_id)
        and not exists (select 1 from magazine_issues where cover_image_id = old.cover_image_id)
        and not exists (select 1 from activities where cover_image_id = old.cover_image_id)
        and not exists (select 1 from submission_photos where image_id = old.cover_image_id);
    return null;
end;
$$;

create trigger activities_cover_let_go after update of cover_image_id or delete on activities
for each row when (old.cover_image_id is not null) execute function cover_let_go();
