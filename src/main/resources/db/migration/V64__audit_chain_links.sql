-- An entry's place in its chain (seq and the two hashes) moves out of the entry into a link of its
-- own, written when the entry is sealed. Sealing filled in three columns of an entry already
-- written: PostgreSQL wrote the whole entry again, with new entries in all four of its indexes
-- (seq was indexed, so the update could never be a heap-only one), and left the old version for
-- autovacuum. Now entries are written once and never changed, and sealing appends a narrow row.
create table audit_chain_links (
    event_id        uuid primary key,
    -- null for the platform chain; named like every tenant table's column, so an organisation's
    -- export carries its links with its entries
    organisation_id uuid,
    seq             bigint not null,
    prev_hash       text not null,
    hash            text not null
);
insert into audit_chain_links (event_id, organisation_id, seq, prev_hash, hash)
select id, organisation_id, seq, prev_hash, hash from audit_events where seq is not null;
create unique index audit_chain_links_chain_seq
    on audit_chain_links (coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid), seq);

-- Readable in the scope that reads the entries; appended in the scope that seals them; never
-- changed or removed by the request role.
alter table audit_chain_links enable row level security;
alter table audit_chain_links force row level security;
create policy audit_chain_links_read on audit_chain_links for select
    using (organisation_id = (select current_organisation())
           or (organisation_id is null and (select platform_scope())));
create policy audit_chain_links_append on audit_chain_links for insert
    with check (organisation_id = (select current_organisation())
                or (organisation_id is null and (select platform_scope())));
grant select, insert on audit_chain_links to ${app_role};

-- audit_events is append-only again: no column of it is ever updated.
drop policy audit_events_seal on audit_events;
revoke update (seq, prev_hash, hash) on audit_events from ${app_role};
drop index audit_events_chain_time_idx;
alter table audit_events drop column seq, drop column prev_hash, drop column hash;
-- a chain's entries newest first, paged by (occurred_at, id): the order they are sealed in
create index audit_events_chain_time_idx on audit_events (organisation_id, occurred_at desc, id desc);

-- Links up to p_limit waiting entries of one chain, oldest first (by time, then id), under the
-- chain head's lock (so two nodes never link the same entries), and answers how many it linked.
-- The hashes are computed one after the other; the links are written and the queue emptied in
-- one statement each. Runs in the chain's scope: an organisation's, or the platform's for the
-- platform chain (the nil UUID).
create or replace function seal_audit_chain(p_chain uuid, p_limit integer) returns integer
    language plpgsql
    as $$
declare
    head_seq   bigint;
    head_hash  text;
    ids        uuid[] := '{}';
    seqs       bigint[] := '{}';
    prevs      text[] := '{}';
    hashes     text[] := '{}';
    e          record;
begin
    insert into audit_chain_heads (chain_key, seq, hash) values (p_chain, 0, 'genesis') on conflict do nothing;
    select seq, hash into head_seq, head_hash from audit_chain_heads where chain_key = p_chain for update;
    for e in
        select a.* from audit_unsealed u join audit_events a on a.id = u.event_id
        where u.chain_key = p_chain
        order by u.occurred_at, u.event_id
        limit p_limit
    loop
        head_seq := head_seq + 1;
        ids := ids || e.id;
        seqs := seqs || head_seq;
        prevs := prevs || head_hash;
        head_hash := audit_entry_hash(head_seq, e.organisation_id, e.occurred_at, e.actor_id, e.site_id, e.action,
            e.entity_type, e.entity_id, e.changes, e.details, e.request_id, e.client_address, head_hash);
        hashes := hashes || head_hash;
    end loop;
    if cardinality(ids) = 0 then
        return 0;
    end if;
    insert into audit_chain_links (event_id, organisation_id, seq, prev_hash, hash)
    select l.event_id, nullif(p_chain, '00000000-0000-0000-0000-000000000000'::uuid), l.seq, l.prev_hash, l.hash
    from unnest(ids, seqs, prevs, hashes) as l (event_id, seq, prev_hash, hash);
    delete from audit_unsealed where event_id = any (ids);
    update audit_chain_heads set seq = head_seq, hash = head_hash where chain_key = p_chain;
    return cardinality(ids);
end;
$$;
