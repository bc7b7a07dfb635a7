-- Accounts of staff, citizen journalists and admins; the single-use tokens mailed to them;
-- the audit log of staff actions; and the outbox every email passes through.

create table users (
    id integer primary key,
    email text not null unique,            -- always stored lower-cased
    display_name text not null default '',
    role text not null check (role in ('admin', 'staff', 'journalist')),
    password_hash text,                    -- null until the invitation is accepted
    disabled boolean not null default false,
    created_at text not null
);

create table auth_tokens (
    id integer primary key,
    user_id integer not null references users (id) on delete cascade,
    purpose text not null check (purpose in ('invitation', 'password_reset')),
    token_hash text not null unique,       -- SHA-256 of the token; the token itself is never stored
    expires_at text not null,
    used_at text,
    created_at text not null
);

create index auth_tokens_user on auth_tokens (user_id);

create table audit_log (
    id integer primary key,
    at text not null,
    actor_id integer references users (id) on delete set null,
    action text not null,
    details text not null default ''
);

create table outbox (
    id integer primary key,
    to_address text not null,
    subject text not null,
    text_body text not null,
    html_body text not null,
    status text not null default 'queued' check (status in ('queued', 'sent', 'failed')),
    attempts integer not null default 0,
    next_attempt_at text not null,
    locked_until text,
    last_error text not null default '',
    created_at text not null,
    sent_at text
);

create index outbox_due on outbox (status, next_attempt_at);
