create table organisations (
    id            uuid primary key,
    name          text not null,
    slug          text not null,
    industry      text,
    sic_code      text,
    sic_version   text,
    status        text not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED')),
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    version       integer not null default 0
);
create unique index organisations_slug_key on organisations (slug);

create table sites (
    id               uuid primary key,
    organisation_id  uuid not null references organisations (id),
    name             text not null,
    description      text,
    timezone         text not null,
    active           boolean not null default true,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          integer not null default 0
);
create unique index sites_name_key on sites (organisation_id, lower(name));

grant select, insert, update on organisations, sites to ${app_role};
