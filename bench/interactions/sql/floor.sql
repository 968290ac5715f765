begin transaction read only;
select set_config('atrium.user_id', '@USER@', true), set_config('atrium.org_id', '@ORG@', true), set_config('atrium.site_ids', '@SITES@', true), set_config('atrium.platform', 'off', true);
select id, name, version from interaction_types where organisation_id = '@ORG@' order by lower(name);
commit;
