-- Two-factor login: an account's authenticator secret (null while it is off), the 30-second
-- step of the last code accepted (a code is never accepted twice), and its recovery codes,
-- each usable once and stored only as a SHA-256 hash.
alter table users add column totp_secret text;
alter table users add column totp_last_step integer;
create table recovery_codes (
    id integer primary key,
    user_id integer not null references users (id) on delete cascade,
    code_hash text not null,
    used_at text
);
create index recovery_codes_user on recovery_codes (user_id);
