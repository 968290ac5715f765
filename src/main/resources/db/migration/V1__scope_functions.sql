-- Row-level security reads the caller's scope from transaction-local settings that
-- TenantTransactions sets with set_config(..., true) at the start of every transaction.
-- Policies call these wrapped in (select ...) so PostgreSQL evaluates them once per query.

create function current_organisation() returns uuid
    language sql stable parallel safe
    as $$ select nullif(current_setting('atrium.org_id', true), '')::uuid $$;

create function current_user_id() returns uuid
    language sql stable parallel safe
    as $$ select nullif(current_setting('atrium.user_id', true), '')::uuid $$;

create function platform_scope() returns boolean
    language sql stable parallel safe
    as $$ select coalesce(current_setting('atrium.platform', true), '') = 'on' $$;

create function all_sites_visible() returns boolean
    language sql stable parallel safe
    as $$ select coalesce(current_setting('atrium.site_ids', true), '') = '*' $$;

create function visible_sites() returns uuid[]
    language sql stable parallel safe
    as $$ select case
                   when coalesce(current_setting('atrium.site_ids', true), '') in ('', '*') then '{}'::uuid[]
                   else string_to_array(current_setting('atrium.site_ids', true), ',')::uuid[]
                 end $$;

grant usage on schema ${flyway:defaultSchema} to ${app_role};
grant execute on function current_organisation(), current_user_id(), platform_scope(),
    all_sites_visible(), visible_sites() to ${app_role};
