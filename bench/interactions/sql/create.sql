\set n random(1, 1000000000)
begin;
select set_config('atrium.user_id', '@USER@', true), set_config('atrium.org_id', '@ORG@', true), set_config('atrium.site_ids', '@SITES@', true), set_config('atrium.platform', 'off', true);
select name from interaction_types where organisation_id = '@ORG@' order by lower(name);
insert into interactions (id, organisation_id, site_id, title, type, lead, start_at, end_at, timezone, location, description, notes, created_at, created_by, updated_at, updated_by) values (uuidv7(), '@ORG@', '@SITE@', 'Benchmark call sql-' || :n, 'Call', 'Olivia Smith', '2026-05-01T09:00:00Z', '2026-05-01T09:30:00Z', 'Europe/London', 'Room 2', 'Created by the load driver to measure sustained creates', null, now(), '@USER@', now(), '@USER@') returning id \gset
insert into interaction_words (organisation_id, word) select '@ORG@', w from (select distinct unnest(tsvector_to_array(search)) as w from interactions where id = :id) words where char_length(w) between 5 and 40 order by w on conflict do nothing;
select i.id, i.organisation_id, i.site_id, i.title, i.type, i.lead, i.start_at, i.end_at, i.timezone, i.location, i.description, i.notes, i.created_at, i.created_by, i.updated_at, i.updated_by, i.version, i.deleted_at from interactions i where i.id = :id and i.site_id = '@SITE@' and i.deleted_at is null;
insert into audit_chain_heads (chain_key, seq, hash) values ('@ORG@', 0, 'genesis') on conflict do nothing;
select seq, hash from audit_chain_heads where chain_key = '@ORG@' for update \gset head_
select current_user_id();
select audit_entry_hash(:head_seq + 1, '@ORG@', date_trunc('microseconds', now()), '@USER@', '@SITE@', 'interaction.created', 'interaction', :id, '{"title": {"after": "Benchmark call"}}'::jsonb, '{}'::jsonb, null, '127.0.0.1', :head_hash) as hash \gset
insert into audit_events (id, organisation_id, seq, occurred_at, actor_id, site_id, action, entity_type, entity_id, changes, details, request_id, client_address, prev_hash, hash) values (uuidv7(), '@ORG@', :head_seq + 1, date_trunc('microseconds', now()), '@USER@', '@SITE@', 'interaction.created', 'interaction', :id, '{"title": {"after": "Benchmark call"}}'::jsonb, '{}'::jsonb, null, '127.0.0.1', :head_hash, :hash);
update audit_chain_heads set seq = :head_seq + 1, hash = :hash where chain_key = '@ORG@';
commit;
