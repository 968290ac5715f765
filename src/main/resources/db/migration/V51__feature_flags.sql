-- Feature flags are platform configuration (no organisation owns one), so they need no
-- row-level security; per-organisation overrides and targeting live in the jsonb columns.

create table feature_flags (
    id                 uuid primary key,
    key                text not null,
    description        text not null default '',
    kind               text not null check (kind in ('BOOLEAN', 'STRING')),
    variants           jsonb not null,
    default_variant    text not null,
    enabled            boolean not null,
    overrides          jsonb not null default '[]'::jsonb,
    rules              jsonb not null default '[]'::jsonb,
    prerequisites      jsonb not null default '[]'::jsonb,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    last_evaluated_at  timestamptz,
    version            integer not null default 0
);
create unique index feature_flags_key on feature_flags (key);

-- Raised with every change to flags or OFREP keys; each node reloads its cache when it moves.
create table feature_flag_version (
    id       integer primary key check (id = 1),
    version  bigint not null
);
insert into feature_flag_version (id, version) values (1, 0);

-- A change to apply to a flag at a given time; nodes claim due ones with SKIP LOCKED.
create table feature_flag_schedules (
    id          uuid primary key,
    flag_id     uuid not null references feature_flags (id) on delete cascade,
    apply_at    timestamptz not null,
    changes     jsonb not null,
    status      text not null check (status in ('PENDING', 'APPLIED', 'FAILED', 'CANCELLED')),
    failure     text,
    created_by  uuid,
    created_at  timestamptz not null,
    applied_at  timestamptz
);
create index feature_flag_schedules_due on feature_flag_schedules (apply_at) where status = 'PENDING';
create index feature_flag_schedules_flag on feature_flag_schedules (flag_id, apply_at);

-- Evaluations per flag, variant and day, counted in memory and added here periodically.
create table feature_flag_evaluations (
    flag_key     text not null,
    day          date not null,
    variant      text not null,
    evaluations  bigint not null,
    primary key (flag_key, day, variant)
);

-- OFREP API keys of an organisation; only a SHA-256 of the key is kept.
create table feature_flag_api_keys (
    id               uuid primary key,
    organisation_id  uuid not null references organisations (id),
    name             text not null,
    secret_hash      text not null,
    hint             text not null,
    created_by       uuid,
    created_at       timestamptz not null,
    revoked_at       timestamptz
);
create unique index feature_flag_api_keys_hash on feature_flag_api_keys (organisation_id, secret_hash);
create index feature_flag_api_keys_org on feature_flag_api_keys (organisation_id, created_at);

alter table feature_flag_api_keys enable row level security;
alter table feature_flag_api_keys force row level security;
create policy feature_flag_api_keys_scope on feature_flag_api_keys
    using (organisation_id = (select current_organisation()) or (select platform_scope()))
    with check (organisation_id = (select current_organisation()) or (select platform_scope()));

grant select, insert, update, delete on feature_flags, feature_flag_schedules, feature_flag_evaluations to ${app_role};
grant select, update on feature_flag_version to ${app_role};
grant select, insert, update on feature_flag_api_keys to ${app_role};
