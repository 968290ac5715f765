-- Who may do what where. Memberships are tenant-owned, and a user can also always see
-- their own memberships (to list their organisations and sites at sign-in).

create table organisation_members (
    organisation_id  uuid not null references organisations (id),
    user_id          uuid not null references users (id),
    role             text not null check (role in ('OWNER', 'ADMIN', 'MEMBER')),
    status           text not null default 'ACTIVE' check (status in ('ACTIVE', 'DEACTIVATED')),
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    primary key (organisation_id, user_id)
);
create index organisation_members_user_idx on organisation_members (user_id);

create table site_members (
    organisation_id  uuid not null references organisations (id),
    site_id          uuid not null references sites (id),
    user_id          uuid not null references users (id),
    role             text not null check (role in ('ADMINISTRATOR', 'EDITOR', 'VIEWER')),
    created_at       timestamptz not null,
    primary key (site_id, user_id)
);
create index site_members_user_idx on site_members (user_id);
create index site_members_organisation_idx on site_members (organisation_id);

create table organisation_policies (
    organisation_id        uuid primary key references organisations (id),
    admin_mfa_required     boolean not null default false,
    updated_at             timestamptz not null
);

create table platform_roles (
    user_id   uuid primary key references users (id),
    role      text not null check (role in ('SUPER_ADMIN'))
);

grant select, insert, update, delete on organisation_members, site_members, organisation_policies to ${app_role};
grant select, insert, delete on platform_roles to ${app_role};
