-- Saved views: a named Finder query (search, filters, sort, visible columns) at one site,
-- personal to its owner or shared with everyone who may read the site's interactions.
create table interaction_views (
    id               uuid primary key,
    organisation_id  uuid not null references organisations (id),
    site_id          uuid not null references sites (id),
    owner_id         uuid not null references users (id),
    name             text not null check (char_length(name) between 1 and 100),
    shared           boolean not null default false,
    query            jsonb not null default '{}'::jsonb,
    sort             text,
    columns          text[] not null default '{}',
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          integer not null default 0
);
create index interaction_views_site_idx on interaction_views (site_id, lower(name));

grant select, insert, update, delete on interaction_views to ${app_role};

alter table interaction_views enable row level security;
alter table interaction_views force row level security;
-- Personal views are kept private by the database, not only by the application.
create policy interaction_views_scope on interaction_views
    using (organisation_id = (select current_organisation())
           and ((select all_sites_visible()) or site_id = any ((select visible_sites())::uuid[]))
           and (shared or owner_id = (select current_user_id())))
    with check (organisation_id = (select current_organisation())
           and ((select all_sites_visible()) or site_id = any ((select visible_sites())::uuid[]))
           and (shared or owner_id = (select current_user_id())));
