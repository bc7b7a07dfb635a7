-- News and the magazine: articles with their Markdown and its sanitized HTML, focus-area tags,
-- an optional magazine issue, and a status with the time an article appears. Search uses FTS5
-- over `search_text`, the article's words reduced to their Danish stems by the app (SQLite has
-- no Danish stemmer), so "fællesspisningen" finds "fællesspisning".

create table magazine_issues (
    id integer primary key,
    slug text not null unique,
    title text not null,
    published_on text not null,
    intro text not null default '',
    created_at text not null
);

create table articles (
    id integer primary key,
    slug text not null unique,
    title text not null,
    lead text not null default '',
    body text not null default '',          -- Markdown as written
    body_html text not null default '',     -- sanitized HTML, rendered when saved
    byline text not null default '',
    status text not null check (status in ('draft', 'scheduled', 'published', 'unpublished')),
    publish_at text,                        -- when it appears (or appeared)
    issue_id integer references magazine_issues (id) on delete set null,
    issue_position integer not null default 0,
    search_text text not null default '',
    created_at text not null,
    updated_at text not null
);

create index articles_by_time on articles (status, publish_at);

create table article_focus_areas (
    article_id integer not null references articles (id) on delete cascade,
    focus_area_id integer not null references focus_areas (id) on delete cascade,
    primary key (article_id, focus_area_id)
);

create virtual table articles_fts using fts5 (search_text, content = 'articles', content_rowid = 'id');

create trigger articles_fts_insert after insert on articles begin
    insert into articles_fts (rowid, search_text) values (new.id, new.search_text);
end;

create trigger articles_fts_delete after delete on articles begin
    insert into articles_fts (articles_fts, rowid, search_text) values ('delete', old.id, old.search_text);
end;

create trigger articles_fts_update after update of search_text on articles begin
    insert into articles_fts (articles_fts, rowid, search_text) values ('delete', old.id, old.search_text);
    insert into articles_fts (rowid, search_text) values (new.id, new.search_text);
end;
