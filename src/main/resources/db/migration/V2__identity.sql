-- Identities span organisations, so these tables are not tenant-owned and carry no
-- organisation_id; what a user may see inside an organisation is decided by access tables.

create table users (
    id                        uuid primary key,
    email                     text not null,
    display_name              text not null,
    status                    text not null default 'ACTIVE' check (status in ('ACTIVE', 'DISABLED')),
    password_hash             text,
    password_change_required  boolean not null default false,
    failed_sign_ins           integer not null default 0,
    first_failure_at          timestamptz,
    lockouts                  integer not null default 0,
    locked_until              timestamptz,
    mfa_secret                text,
    mfa_enabled               boolean not null default false,
    mfa_last_step             bigint,
    preferences               jsonb not null default '{}'::jsonb,
    created_at                timestamptz not null,
    updated_at                timestamptz not null
);
create unique index users_email_key on users (lower(email));

create table sessions (
    id               uuid primary key,
    user_id          uuid not null references users (id) on delete cascade,
    created_at       timestamptz not null,
    last_used_at     timestamptz not null,
    expires_at       timestamptz not null,
    revoked_at       timestamptz,
    revoked_reason   text,
    mfa              boolean not null default false,
    client_address   text,
    user_agent       text
);
create index sessions_user_idx on sessions (user_id);

-- Refresh tokens are stored as SHA-256 hashes; each rotation links to its successor so a
-- reused token can be recognised and its whole session family revoked.
create table refresh_tokens (
    token_hash    text primary key,
    session_id    uuid not null references sessions (id) on delete cascade,
    issued_at     timestamptz not null,
    used_at       timestamptz,
    replaced_by   text
);
create index refresh_tokens_session_idx on refresh_tokens (session_id);

create table mfa_recovery_codes (
    user_id     uuid not null references users (id) on delete cascade,
    code_hash   text not null,
    used_at     timestamptz,
    primary key (user_id, code_hash)
);

create table mfa_challenges (
    token_hash   text primary key,
    user_id      uuid not null references users (id) on delete cascade,
    expires_at   timestamptz not null,
    used_at      timestamptz
);

create table password_reset_tokens (
    token_hash   text primary key,
    user_id      uuid not null references users (id) on delete cascade,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    used_at      timestamptz
);
create index password_reset_tokens_user_idx on password_reset_tokens (user_id);

-- The key that signs access tokens, shared by every Atrium node on this database.
create table signing_keys (
    id            text primary key,
    private_key   text not null,
    public_key    text not null,
    created_at    timestamptz not null
);

grant select, insert, update, delete on users, sessions, refresh_tokens, mfa_recovery_codes,
    mfa_challenges, password_reset_tokens to ${app_role};
grant select, insert on signing_keys to ${app_role};
