begin transaction read only;
select set_config('atrium.user_id', :user_id, true), set_config('atrium.org_id', :org, true), set_config('atrium.site_ids', :sites, true), set_config('atrium.platform', :platform, true), set_config(:setting0, :value0, true), set_config(:setting1, :value1, true);
select name from interaction_types where organisation_id = :org order by lower(name);
select i.id, i.organisation_id, i.site_id, i.title, i.type, i.lead, i.start_at, i.end_at, i.timezone, i.location, i.description, i.notes, i.created_at, i.created_by, i.updated_at, i.updated_by, i.version, i.deleted_at, (i.start_at)::text as sort_value from interactions i where i.organisation_id = :org and i.deleted_at is null and i.site_id in (:site) and i.type in (:type) and i.lead_key = lower(:lead) and i.start_at >= :from and i.start_at < :to order by i.start_at desc, i.id desc limit :page_limit;
select count(*) from (select 1 from interactions i where i.organisation_id = :org and i.deleted_at is null and i.site_id in (:site) and i.type in (:type) and i.lead_key = lower(:lead) and i.start_at >= :from and i.start_at < :to order by i.start_at desc, i.id desc limit :past_bound) matches;
commit;
