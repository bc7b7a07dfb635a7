-- Citizen journalism: a journalist's piece (submission) with its photos and its history, from
-- the draft to publication or rejection. A published piece becomes an article that remembers
-- its author; the byline is the article's own text, so it stays when the account is closed.

alter table users add column notify_submissions boolean not null default true;

alter table articles add column author_id integer references users (id) on delete set null;
create index articles_author_id on articles (author_id);

create table submissions (
    id integer primary key,
    author_id integer not null references users (id) on delete cascade,
    title text not null default '',
    body text not null default '',          -- Markdown as written
    consent boolean not null default false, -- the people in the photos agreed
    state text not null check (state in ('draft', 'sent', 'changes', 'rejected', 'published')),
    article_id integer references articles (id) on delete set null,
    first_sent_at text,
    published_at text,
    created_at text not null,
    updated_at text not null
);

create index submissions_by_author on submissions (author_id, updated_at);
create index submissions_by_state on submissions (state, updated_at);
create index submissions_article_id on submissions (article_id);

create table submission_photos (
    id integer primary key,
    submission_id integer not null references submissions (id) on delete cascade,
    image_id integer not null references images (id) on delete cascade,
    position integer not null,
    caption text not null default '',
    alt text not null default ''
);

create index submission_photos_by_submission on submission_photos (submission_id, position);
create index submission_photos_image_id on submission_photos (image_id);

create table submission_events (
    id integer primary key,
    submission_id integer not null references submissions (id) on delete cascade,
    actor_id integer references users (id) on delete set null,
    kind text not null check (kind in ('created', 'sent', 'comment', 'changes', 'rejected', 'published')),
    text text not null default '',
    created_at text not null
);

create index submission_events_by_submission on submission_events (submission_id, id);

-- A published piece's first photo is its article's cover; the photo stays the piece's when the
-- cover changes, so the cover triggers spare images a piece still holds.

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
        and not exists (select 1 from submission_photos where image_id = old.cover_image_id);
end;

create trigger articles_cover_deleted after delete on articles
when old.cover_image_id is not null
begin
    delete from images where id = old.cover_image_id
        and not exists (select 1 from articles where cover_image_id = old.cover_image_id)
        and not exists (select 1 from magazine_issues where cover_image_id = old.cover_image_id)
        and not exists (select 1 from submission_photos where image_id = old.cover_image_id);
end;

create trigger magazine_issues_cover_replaced after update of cover_image_id on magazine_issues
when old.cover_image_id is not null and old.cover_image_id is not new.cover_image_id
begin
    delete from images where id = old.cover_image_id
        and not exists (select 1 from articles where cover_image_id = old.cover_image_id)
        and not exists (select 1 from magazine_issues where cover_image_id = old.cover_image_id)
        and not exists (select 1 from submission_photos where image_id = old.cover_image_id);
end;

create trigger magazine_issues_cover_deleted after delete on magazine_issues
when old.cover_image_id is not null
begin
    delete from images where id = old.cover_image_id
        and not exists (select 1 from articles where cover_image_id = old.cover_image_id)
        and not exists (select 1 from magazine_issues where cover_image_id = old.cover_image_id)
        and not exists (select 1 from submission_photos where image_id = old.cover_image_id);
end;
