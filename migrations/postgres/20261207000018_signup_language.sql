-- The language a party signed up in (`da`, `en`, `ar`): its emails are written in it.
alter table signups add column lang text not null default 'da';
