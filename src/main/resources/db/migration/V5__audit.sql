-- Append-only: the request role may insert and read, never update or delete. Entries of
-- one organisation form a hash chain (seq, prev_hash, hash); platform-level entries
-- (organisation_id null) form their own chain.
create table audit_events (
    id               uuid primary key,
    organisation_id  uuid references organisations (id),
    seq              bigint not null,
    occurred_at      timestamptz not null,
    actor_id         uuid,
    site_id          uuid,
    action           text not null,
    entity_type      text not null,
    entity_id        text,
    changes          jsonb not null default '{}'::jsonb,
    details          jsonb not null default '{}'::jsonb,
    request_id       text,
    client_address   text,
    prev_hash        text not null,
    hash             text not null
);
create unique index audit_events_chain_key on audit_events (coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid), seq);
create index audit_events_org_time_idx on audit_events (organisation_id, occurred_at desc, id desc);

grant select, insert on audit_events to ${app_role};

-- The head of each chain, locked FOR UPDATE while an entry is appended so that entries of
-- one chain are numbered and linked one at a time. Holds no business data (a count and a
-- hash), so it needs no row-level security; chain_key is the organisation id, or the nil
-- UUID for the platform chain.
create table audit_chain_heads (
    chain_key   uuid primary key,
    seq         bigint not null,
    hash        text not null
);
grant select, insert, update on audit_chain_heads to ${app_role};

-- The hash of one entry, over every recorded field and the previous entry's hash. Used both
-- when appending and when verifying, so the two can never disagree on the canonical form
-- (jsonb's text form is canonical; the time is taken in microseconds since the epoch).
create function audit_entry_hash(p_seq bigint, p_organisation uuid, p_occurred timestamptz, p_actor uuid,
                                 p_site uuid, p_action text, p_entity_type text, p_entity_id text,
                                 p_changes jsonb, p_details jsonb, p_request_id text, p_client text,
                                 p_prev_hash text) returns text
    language sql stable parallel safe
    as $$
    select encode(sha256(convert_to(concat_ws('|',
        p_seq::text, coalesce(p_organisation::text, ''), ((extract(epoch from p_occurred) * 1000000)::bigint)::text,
        coalesce(p_actor::text, ''), coalesce(p_site::text, ''), p_action, p_entity_type, coalesce(p_entity_id, ''),
        p_changes::text, p_details::text, coalesce(p_request_id, ''), coalesce(p_client, ''), p_prev_hash), 'UTF8')), 'hex')
    $$;
grant execute on function audit_entry_hash(bigint, uuid, timestamptz, uuid, uuid, text, text, text, jsonb, jsonb, text, text, text) to ${app_role};
