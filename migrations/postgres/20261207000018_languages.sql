-- The language a party signed up in (`da`, `en`, `ar`): its emails are written in it.
alter table signups add column lang text not null default 'da';
-- The language a citizen journalist chose for the emails about their submissions.
alter table users add column lang text not null default 'da';
