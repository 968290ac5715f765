begin transaction read only;
select set_config('atrium.user_id', :user_id, true), set_config('atrium.org_id', :org, true), set_config('atrium.site_ids', :sites, true), set_config('atrium.platform', :platform, true);
select id, name, version from interaction_types where organisation_id = :org order by lower(name);
commit;
