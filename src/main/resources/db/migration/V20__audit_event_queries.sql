-- Reading the audit trail: a chain's entries newest first, paged by (occurred_at, seq), and
-- one entity's history. Replaces the time index keyed by id, which no query pages by.
drop index audit_events_org_time_idx;
create index audit_events_chain_time_idx on audit_events (organisation_id, occurred_at desc, seq desc);
create index audit_events_entity_idx on audit_events (organisation_id, entity_type, entity_id, occurred_at desc);
