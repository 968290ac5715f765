-- Interactions: the meetings, calls, visits... recorded at an organisation's sites.
--
-- unaccent and pg_trgm are "trusted" extensions (PostgreSQL 13+): the database owner that runs
-- these migrations may create them without being superuser. On an external server where the
-- migrating role lacks CREATE on the database, an admin creates them beforehand with
--   create extension unaccent with schema atrium; create extension pg_trgm with schema atrium;
-- and these statements then succeed as no-ops.
create extension if not exists unaccent with schema ${flyway:defaultSchema};
create extension if not exists pg_trgm with schema ${flyway:defaultSchema};

-- unaccent() is only STABLE (its dictionary could change), so it cannot appear in an index or a
-- generated column; this wrapper names the dictionary explicitly and promises immutability.
create function immutable_unaccent(text) returns text
    language sql immutable parallel safe strict
    as $$ select ${flyway:defaultSchema}.unaccent('${flyway:defaultSchema}.unaccent'::regdictionary, $1) $$;
grant execute on function immutable_unaccent(text) to ${app_role};

-- An organisation's interaction types. Unique by exact name for the foreign key below (which
-- renames cascade through) and case-insensitively for people.
create table interaction_types (
    id               uuid primary key,
    organisation_id  uuid not null references organisations (id),
    name             text not null check (char_length(name) between 1 and 50),
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          integer not null default 0,
    unique (organisation_id, name)
);
create unique index interaction_types_name_key on interaction_types (organisation_id, lower(name));

-- Organisations that existed before this migration get the default types now; new ones get
-- them when they are created (InteractionTypes listens to OrganisationCreated). Reading
-- organisations needs the platform scope because FORCE ROW LEVEL SECURITY confines even the owner.
select set_config('atrium.platform', 'on', true);
insert into interaction_types (id, organisation_id, name, created_at, updated_at)
select gen_random_uuid(), o.id, t.name, now(), now()
from organisations o cross join (values ('Meeting'), ('Call'), ('Email'), ('Visit'), ('Event'), ('Other')) as t (name);
select set_config('atrium.platform', 'off', true);

create table interactions (
    id               uuid primary key,
    organisation_id  uuid not null references organisations (id),
    site_id          uuid not null references sites (id),
    title            text not null check (char_length(title) between 1 and 200),
    type             text not null,
    lead             text not null check (char_length(lead) between 1 and 100),
    start_at         timestamptz not null,
    end_at           timestamptz check (end_at >= start_at),
    timezone         text not null check (char_length(timezone) between 1 and 64),
    location         text check (char_length(location) <= 200),
    description      text check (char_length(description) <= 20000),
    notes            text check (char_length(notes) <= 20000),
    created_at       timestamptz not null,
    created_by       uuid,
    updated_at       timestamptz not null,
    updated_by       uuid,
    version          integer not null default 0,
    deleted_at       timestamptz,
    deleted_by       uuid,
    -- Full-text document over every text field: accents removed, lower-cased, no stemming
    -- ('simple') so word prefixes match what people type; the title weighs most.
    search           tsvector not null generated always as (
        setweight(to_tsvector('simple'::regconfig, immutable_unaccent(title)), 'A')
        || setweight(to_tsvector('simple'::regconfig, immutable_unaccent(type || ' ' || lead || ' ' || coalesce(location, ''))), 'B')
        || setweight(to_tsvector('simple'::regconfig, immutable_unaccent(coalesce(description, '') || ' ' || coalesce(notes, ''))), 'C')
    ) stored,
    foreign key (organisation_id, type) references interaction_types (organisation_id, name) on update cascade
);

-- Why each index exists (EXPLAIN ANALYZE figures in docs/benchmarks.md). Each leads with the
-- columns row-level security tests (organisation_id, site_id), so that counting can be answered
-- from the index alone (an index-only scan) instead of visiting every matching row:
-- * the Finder's default order, newest start first, within one site; its keyset pages
--   ((start_at, id) < cursor), start ranges, and the bounded count of a site's rows;
create index interactions_site_start_idx on interactions (organisation_id, site_id, start_at desc, id desc)
    where deleted_at is null;
-- * the same across all of an organisation's sites (GET /api/v1/interactions), site_id included
--   for the row-level security check without visiting the table;
create index interactions_organisation_start_idx on interactions (organisation_id, start_at desc, id desc)
    include (site_id) where deleted_at is null;
-- * the lead filter (a person's interactions), usually combined with a start range;
create index interactions_site_lead_idx on interactions (organisation_id, site_id, lower(lead), start_at desc)
    where deleted_at is null;
-- * full-text search: GIN over the search document, live rows only;
create index interactions_search_idx on interactions using gin (search) where deleted_at is null;
-- * the trash listing and the purge job;
create index interactions_trash_idx on interactions (organisation_id, deleted_at) where deleted_at is not null;
-- * the type foreign key (renames cascade, a type in use cannot be removed) and type filters.
create index interactions_type_idx on interactions (organisation_id, type);

-- The words of an organisation's interactions (five letters or more), for typo tolerance: a
-- query word is widened to the dictionary words trigram-similar to it (the approach of the
-- pg_trgm documentation, "text search with trigram"), which stays fast however many rows exist.
create table interaction_words (
    organisation_id  uuid not null references organisations (id),
    word             text not null,
    primary key (organisation_id, word)
);
create index interaction_words_trgm_idx on interaction_words using gin (word gin_trgm_ops);

grant select, insert, update, delete on interaction_types, interactions to ${app_role};
grant select, insert on interaction_words to ${app_role};

alter table interaction_types enable row level security;
alter table interaction_types force row level security;
-- Types are organisation-wide. The platform scope may list them (names only) so that the trash
-- purge job can find the organisations that have interactions without reading tenancy's tables.
create policy interaction_types_scope on interaction_types
    using (organisation_id = (select current_organisation()) or (select platform_scope()))
    with check (organisation_id = (select current_organisation()));

alter table interactions enable row level security;
alter table interactions force row level security;
create policy interactions_scope on interactions
    using (organisation_id = (select current_organisation())
           and ((select all_sites_visible()) or site_id = any ((select visible_sites())::uuid[])))
    with check (organisation_id = (select current_organisation())
           and ((select all_sites_visible()) or site_id = any ((select visible_sites())::uuid[])));

alter table interaction_words enable row level security;
alter table interaction_words force row level security;
create policy interaction_words_scope on interaction_words
    using (organisation_id = (select current_organisation()))
    with check (organisation_id = (select current_organisation()));
