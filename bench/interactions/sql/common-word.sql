begin transaction read only;
select set_config('atrium.user_id', '@USER@', true), set_config('atrium.org_id', '@ORG@', true), set_config('atrium.site_ids', '@SITES@', true), set_config('atrium.platform', 'off', true);
select set_config('plan_cache_mode', 'force_custom_plan', true), set_config('max_parallel_workers_per_gather', '0', true);
select lower(immutable_unaccent('@COMMON@'));
select exists (select 1 from interaction_words where organisation_id = '@ORG@' and word = '@COMMON@');
with recent as (select i.id, i.start_at, i.rank, row_number() over (order by i.start_at desc, i.id desc) as recency from (select i.id, i.start_at, ts_rank(i.search, cast('@TSQ_COMMON@' as tsquery)) as rank from interactions i where i.organisation_id = '@ORG@' and i.deleted_at is null and i.site_id in ('@SITE@') and i.search @@ cast('@TSQ_COMMON@' as tsquery) order by i.start_at desc, i.id desc limit 1000 + 1) i), best as (select i.id, i.rank from recent i where i.recency <= 1000 order by i.rank desc, i.id desc limit 51) select i.id, i.organisation_id, i.site_id, i.title, i.type, i.lead, i.start_at, i.end_at, i.timezone, i.location, i.description, i.notes, i.created_at, i.created_by, i.updated_at, i.updated_by, i.version, i.deleted_at, (best.rank)::text as sort_value, (select count(*) from recent e where e.recency <= 1000) as matches, (select (e.start_at)::text || '|' || e.id from recent e where e.recency = 1000 + 1) as edge from best join interactions i on i.id = best.id order by best.rank desc, i.id desc;
@EXPLAIN_COMMON@
commit;
