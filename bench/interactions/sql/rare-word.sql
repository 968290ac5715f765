begin transaction read only;
select set_config('atrium.user_id', '@USER@', true), set_config('atrium.org_id', '@ORG@', true), set_config('atrium.site_ids', '@SITES@', true), set_config('atrium.platform', 'off', true);
select set_config('plan_cache_mode', 'force_custom_plan', true);
select lower(immutable_unaccent('@RARE@'));
select word from interaction_words where organisation_id = '@ORG@' and word % '@RARE@' and not exists (select 1 from interaction_words where organisation_id = '@ORG@' and word = '@RARE@') order by similarity(word, '@RARE@') desc, word limit 5;
select (i.start_at)::text || '|' || i.id from interactions i where i.organisation_id = '@ORG@' and i.deleted_at is null and i.site_id in ('@SITE@') and i.search @@ cast('@TSQ_RARE@' as tsquery) order by i.start_at desc, i.id desc offset 1000 limit 1;
select i.id, i.organisation_id, i.site_id, i.title, i.type, i.lead, i.start_at, i.end_at, i.timezone, i.location, i.description, i.notes, i.created_at, i.created_by, i.updated_at, i.updated_by, i.version, i.deleted_at, (ts_rank(i.search, cast('@TSQ_RARE@' as tsquery)))::text as sort_value@MATCHES_RARE@ from interactions i where i.organisation_id = '@ORG@' and i.deleted_at is null and i.site_id in ('@SITE@') and i.search @@ cast('@TSQ_RARE@' as tsquery)@WINDOW_RARE@ order by ts_rank(i.search, cast('@TSQ_RARE@' as tsquery)) desc, i.id desc limit 51;
@EXPLAIN_RARE@
commit;
