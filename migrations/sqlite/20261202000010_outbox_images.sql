-- A sent email's text is no longer kept (it holds private links and residents' details): the
-- worker empties it when the message goes; this empties it for the messages sent before. An
-- hourly job deletes old messages by the time they were queued.

update outbox set text_body = '', html_body = '' where status = 'sent';

create index outbox_created_at on outbox (created_at);

-- An image lives as long as something uses it. When an article or a magazine issue lets go of
-- its cover (a new cover, the cover removed, the row deleted), the image is deleted in the same
-- transaction unless another row still uses it, like a cascade the other way round. Uploads
-- that never became a cover are left to the hourly sweep.

create index articles_cover_image_id on articles (cover_image_id);
create index magazine_issues_cover_image_id on magazine_issues (cover_image_id);

create trigger articles_cover_replaced after update of cover_image_id on articles
when old.cover_image_id is not null and old.cover_image_id is not new.cover_image_id
begin
    delete from images where id = old.cover_image_id
        and not exists (select 1 from articles where cover_image_id = old.cover_image_id)
        and not exists (select 1 from magazine_issues where cover_image_id = old.cover_image_id);
end;

create trigger articles_cover_deleted after delete on articles
when old.cover_image_id is not null
begin
    delete from images where id = old.cover_image_id
        and not exists (select 1 from articles where cover_image_id = old.cover_image_id)
        and not exists (select 1 from magazine_issues where cover_image_id = old.cover_image_id);
end;

create trigger magazine_issues_cover_replaced after update of cover_image_id on magazine_issues
when old.cover_image_id is not null and old.cover_image_id is not new.cover_image_id
begin
    delete from images where id = old.cover_image_id
        and not exists (select 1 from articles where cover_image_id = old.cover_image_id)
        and not exists (select 1 from magazine_issues where cover_image_id = old.cover_image_id);
end;

create trigger magazine_issues_cover_deleted after delete on magazine_issues
when old.cover_image_id is not null
begin
    delete from images where id = old.cover_image_id
        and not exists (select 1 from articles where cover_image_id = old.cover_image_id)
        and not exists (select 1 from magazine_issues where cover_image_id = old.cover_image_id);
end;
