begin transaction read only;
select set_config('atrium.user_id', '@USER@', true), set_config('atrium.org_id', '@ORG@', true), set_config('atrium.site_ids', '@SITES@', true), set_config('atrium.platform', 'off', true), set_config('plan_cache_mode', 'force_custom_plan', true), set_config('max_parallel_workers_per_gather', '0', true);
select i.id, i.organisation_id, i.site_id, i.title, i.type, i.lead, i.start_at, i.end_at, i.timezone, i.location, i.description, i.notes, i.created_at, i.created_by, i.updated_at, i.updated_by, i.version, i.deleted_at, (i.start_at)::text as sort_value from interactions i where i.organisation_id = '@ORG@' and i.deleted_at is null and i.site_id in ('@SITE@') order by i.start_at desc, i.id desc limit 51;
select count(*) from (select 1 from interactions i where i.organisation_id = '@ORG@' and i.deleted_at is null and i.site_id in ('@SITE@') order by i.start_at desc, i.id desc limit @PAST_BOUND@) matches;
explain (format json) select 1 from interactions i where i.organisation_id = '@ORG@' and i.deleted_at is null and i.site_id in ('@SITE@');
commit;
