-- The lead and location filters compare lower-cased values. Under row-level security PostgreSQL
-- uses an index for a caller's condition only if every function it applies to the row is
-- LEAKPROOF, and lower() is not: lower(lead) = lower(?) read every row of the site. A stored
-- lower-cased copy compared with = (texteq, leakproof) is used by the index.
alter table interactions
    add column lead_key text generated always as (lower(lead)) stored,
    add column location_key text generated always as (lower(location)) stored;

drop index interactions_site_lead_idx;
-- the lead filter (a person's interactions), usually combined with a start range
create index interactions_site_lead_idx on interactions (organisation_id, site_id, lead_key, start_at desc)
    where deleted_at is null;
