-- The language a party signed up in (`da`, `en`, `ar`): its emails are written in it.
alter table signups add column lang text not null default 'da';
-- The language a citizen journalist chose for the emails about their submissions.
alter table users add column lang text not null default 'da';
-- A short summary of an activity in a language other than Danish, which staff may add for the
-- readers of that language; the activity's own text stays as written.
create table activity_summaries (
    activity_id integer not null references activities (id) on delete cascade,
    lang text not null,
    summary text not null,
    primary key (activity_id, lang)
);
