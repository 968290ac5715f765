-- What each organisation may use: its plan and the applications (modules) switched on for it.
-- An organisation without rows here has the configured defaults (atrium.entitlements.*).

create table organisation_entitlements (
    organisation_id  uuid primary key references organisations (id),
    plan             text not null check (plan in ('FREE', 'STANDARD', 'ENTERPRISE')),
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          integer not null default 0
);

create table organisation_modules (
    organisation_id  uuid not null references organisations (id),
    module           text not null check (module in ('INTERACTIONS', 'INTEGRATIONS', 'ISP', 'MARKET')),
    enabled          boolean not null,
    expires_at       timestamptz,
    updated_at       timestamptz not null,
    primary key (organisation_id, module)
);

-- Requests per module, organisation and day, counted in memory and added here periodically.
create table module_usage (
    organisation_id  uuid not null references organisations (id),
    module           text not null,
    day              date not null,
    requests         bigint not null,
    primary key (organisation_id, module, day)
);

-- One row, raised with every change: nodes compare it with the version their cache was built
-- at and drop the cache when it moved, so a change on one node reaches all within a poll.
create table entitlements_version (
    id       integer primary key check (id = 1),
    version  bigint not null
);
insert into entitlements_version (id, version) values (1, 0);

alter table organisation_entitlements enable row level security;
alter table organisation_entitlements force row level security;
create policy organisation_entitlements_scope on organisation_entitlements
    using (organisation_id = (select current_organisation()) or (select platform_scope()))
    with check (organisation_id = (select current_organisation()) or (select platform_scope()));

alter table organisation_modules enable row level security;
alter table organisation_modules force row level security;
create policy organisation_modules_scope on organisation_modules
    using (organisation_id = (select current_organisation()) or (select platform_scope()))
    with check (organisation_id = (select current_organisation()) or (select platform_scope()));

alter table module_usage enable row level security;
alter table module_usage force row level security;
create policy module_usage_scope on module_usage
    using (organisation_id = (select current_organisation()) or (select platform_scope()))
    with check (organisation_id = (select current_organisation()) or (select platform_scope()));

grant select, insert, update on organisation_entitlements, organisation_modules, module_usage to ${app_role};
grant select, update on entitlements_version to ${app_role};
