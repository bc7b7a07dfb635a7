-- An activity's picture: its kind (which of the project's illustrations it shows when it has no
-- photo) and an optional photo, one of the stored images, with its description. The image
-- triggers now also spare an image an activity holds, and let go of an activity's photo.

alter table activities add column kind text not null default 'meeting';
alter table activities add column cover_image_id integer references images (id) on delete set null;
alter table activities add column cover_alt text not null default '';

create index activities_cover_image_id on activities (cover_image_id);

drop trigger articles_cover_replaced;
drop trigger articles_cover_deleted;
drop trigger magazine_issues_cover_replaced;
drop trigger magazine_issues_cover_deleted;

create trigger articles_cover_replaced after update of cover_image_id on articles
when old.cover_image_id is not null and old.cover_image_id is not new.cover_image_id
begin
    delete from images where id = old.cover_image_id
        and not exists (select 1 from articles where cover_image_id = old.cover_image_id)
        and not exists (select 1 from magazine_issues where cover_image_id = old.cover_image_id)
        and not exists (select 1 from activities where cover_image_id = old.cover_image_id)
        and not exists (select 1 from submission_photos where image_id = old.cover_image_id);
end;

create trigger articles_cover_deleted after delete on articles
when old.cover_image_id is not null
begin
    delete from images where id = old.cover_image_id
        and not exists (select 1 from articles where cover_image_id = old.cover_image_id)
        and not exists (select 1 from magazine_issues where cover_image_id = old.cover_image_id)
        and not exists (select 1 from activities where cover_image_id = old.cover_image_id)
        and not exists (select 1 from submission_photos where image_id = old.cover_image_id);
end;

create trigger magazine_issues_cover_replaced after update of cover_image_id on magazine_issues
when old.cover_image_id is not null and old.cover_image_id is not new.cover_image_id
begin
    delete from images where id = old.cover_image_id
        and not exists (select 1 from articles where cover_image_id = old.cover_image_id)
        and not exists (select 1 from magazine_issues where cover_image_id = old.cover_image_id)
        and not exists (select 1 from activities where cover_image_id = old.cover_image_id)
        and not exists (select 1 from submission_photos where image_id = old.cover_image_id);
end;

create trigger magazine_issues_cover_deleted after delete on magazine_issues
when old.cover_image_id is not null
begin
    delete from images where id = old.cover_image_id
        and not exists (select 1 from articles where cover_image_id = old.cover_image_id)
        and not exists (select 1 from magazine_issues where cover_image_id = old.cover_image_id)
        and not exists (select 1 from activities where cover_image_id = old.cover_image_id)
        and not exists (select 1 from submission_photos where image_id = old.cover_image_id);
end;

create trigger activities_cover_replaced after update of cover_image_id on activities
when old.cover_image_id is not null and old.cover_image_id is not new.cover_image_id
begin
    delete from images where id = old.cover_image_id
        and not exists (select 1 from articles where cover_image_id = old.cover_image_id)
        and not exists (select 1 from magazine_issues where cover_image_id = old.cover_image_id)
        and not exists (select 1 from activities where cover_image_id = old.cover_image_id)
        and not exists (select 1 from submission_photos where image_id = old.cover_image_id);
end;

create trigger activities_cover_deleted after delete on activities
when old.cover_image_id is not null
begin
    delete from images where id = old.cover_image_id
        and not exists (select 1 from articles where cover_image_id = old.cover_image_id)
        and not exists (select 1 from magazine_issues where cover_image_id = old.cover_image_id)
        and not exists (select 1 from activities where cover_image_id = old.cover_image_id)
        and not exists (select 1 from submission_photos where image_id = old.cover_image_id);
end;
