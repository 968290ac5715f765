-- Tenant isolation. Every tenant-owned table: ENABLE + FORCE ROW LEVEL SECURITY (FORCE so
-- the owning role is confined too) and policies on the transaction-local scope.

alter table organisations enable row level security;
alter table organisations force row level security;
create policy organisations_scope on organisations
    using (id = (select current_organisation())
           or (select platform_scope())
           or id in (select m.organisation_id from organisation_members m where m.user_id = (select current_user_id())))
    with check (id = (select current_organisation()) or (select platform_scope()));

alter table sites enable row level security;
alter table sites force row level security;
-- Besides its organisation scope, a signed-in user can see the sites they hold a role at
-- and every site of organisations they administer (to find a site's organisation from its id).
create policy sites_scope on sites
    using ((organisation_id = (select current_organisation())
            and ((select all_sites_visible()) or id = any ((select visible_sites())::uuid[])))
           or (select platform_scope())
           or id in (select s.site_id from site_members s where s.user_id = (select current_user_id()))
           or organisation_id in (select m.organisation_id from organisation_members m
                                  where m.user_id = (select current_user_id()) and m.status = 'ACTIVE'
                                    and m.role in ('OWNER', 'ADMIN')))
    with check ((organisation_id = (select current_organisation()) and (select all_sites_visible()))
           or (select platform_scope()));

alter table organisation_members enable row level security;
alter table organisation_members force row level security;
create policy organisation_members_scope on organisation_members
    using (organisation_id = (select current_organisation())
           or user_id = (select current_user_id())
           or (select platform_scope()))
    with check (organisation_id = (select current_organisation()) or (select platform_scope()));

alter table site_members enable row level security;
alter table site_members force row level security;
create policy site_members_scope on site_members
    using ((organisation_id = (select current_organisation())
            and ((select all_sites_visible()) or site_id = any ((select visible_sites())::uuid[])))
           or user_id = (select current_user_id())
           or (select platform_scope()))
    with check ((organisation_id = (select current_organisation()) and (select all_sites_visible()))
           or (select platform_scope()));

alter table organisation_policies enable row level security;
alter table organisation_policies force row level security;
create policy organisation_policies_scope on organisation_policies
    using (organisation_id = (select current_organisation())
           or (select platform_scope())
           or organisation_id in (select m.organisation_id from organisation_members m where m.user_id = (select current_user_id())))
    with check (organisation_id = (select current_organisation()) or (select platform_scope()));

alter table audit_events enable row level security;
alter table audit_events force row level security;
create policy audit_events_read on audit_events for select
    using (organisation_id = (select current_organisation())
           or (organisation_id is null and (select platform_scope())));
-- platform-level entries (sign-ins and the like) may be written from any scope
create policy audit_events_append on audit_events for insert
    with check (organisation_id is null
                or organisation_id = (select current_organisation())
                or (select platform_scope()));

-- Modulith's event publication registry (Spring Modulith 2 schema).
create table event_publication (
    id                      uuid not null primary key,
    listener_id             text not null,
    event_type              text not null,
    serialized_event        text not null,
    publication_date        timestamptz not null,
    completion_date         timestamptz,
    status                  text,
    completion_attempts     integer,
    last_resubmission_date  timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
grant select, insert, update, delete on event_publication to ${app_role};
