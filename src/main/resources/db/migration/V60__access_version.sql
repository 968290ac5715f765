-- Nodes cache each session's resolved caller (memberships, roles, policies). Any change to what a
-- caller is made of raises this one-row version, from triggers so that no code path can forget
-- it; each node compares it with the version its cache was built at and drops the cache when it
-- moved (Callers in the access module). Statement-level: a change to many rows raises it once.
create table access_version (
    id       integer primary key check (id = 1),
    version  bigint not null
);
insert into access_version (id, version) values (1, 0);

create function raise_access_version() returns trigger language plpgsql as $$
begin
    update access_version set version = version + 1 where id = 1;
    return null;
end;
$$;

create trigger organisation_members_access_version after insert or update or delete on organisation_members
    for each statement execute function raise_access_version();
create trigger site_members_access_version after insert or update or delete on site_members
    for each statement execute function raise_access_version();
create trigger organisation_policies_access_version after insert or update or delete on organisation_policies
    for each statement execute function raise_access_version();
create trigger platform_roles_access_version after insert or update or delete on platform_roles
    for each statement execute function raise_access_version();
-- a caller is only ever cached for an active organisation
create trigger organisations_access_version after update of status or delete on organisations
    for each statement execute function raise_access_version();
-- signing in opens a new session (a cache miss anyway); ending or shortening one must be seen
create trigger sessions_access_version after update of revoked_at, expires_at or delete on sessions
    for each statement execute function raise_access_version();

grant select, update on access_version to ${app_role};
