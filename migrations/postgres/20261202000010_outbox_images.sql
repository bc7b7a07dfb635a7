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

create function cover_let_go() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        if new.cover_image_id is not distinct from old.cover_image_id then
            return null;
        end if;
    end if;
    delete from images where id = old.cover_image_id
        and not exists (select 1 from articles where cover_image_id = old.cover_image_id)
        and not exists (select 1 from magazine_issues where cover_image_id = old.cover_image_id);
    return null;
end;
$$;

create trigger articles_cover_let_go after update of cover_image_id or delete on articles
for each row when (old.cover_image_id is not null) execute function cover_let_go();

create trigger magazine_issues_cover_let_go after update of cover_image_id or delete
on magazine_issues
for each row when (old.cover_image_id is not null) execute function cover_let_go();
