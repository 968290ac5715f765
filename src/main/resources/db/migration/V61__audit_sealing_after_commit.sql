-- Entries are written with the change they record (same transaction, as before) but linked into
-- their chain just after commit, by whichever node gets there first (AuditSealer). Linking in the
-- writing transaction held the chain head's lock until commit, so one organisation's changes
-- committed one at a time; now they commit in parallel and are sealed in batches.
alter table audit_events alter column seq drop not null;
alter table audit_events alter column prev_hash drop not null;
alter table audit_events alter column hash drop not null;

-- Entries written but not yet linked, by chain. No business data (a chain key, an entry id and its
-- time), so no row-level security: the sealer finds every chain with work from any node.
create table audit_unsealed (
    event_id     uuid primary key,
    chain_key    uuid not null,
    occurred_at  timestamptz not null
);
create index audit_unsealed_chain_idx on audit_unsealed (chain_key, occurred_at, event_id);
grant select, insert, delete on audit_unsealed to ${app_role};

-- The request role may fill in the three chain columns of an entry not yet sealed, and nothing
-- else: a sealed entry stays as it is, so the trail remains append-only.
grant update (seq, prev_hash, hash) on audit_events to ${app_role};
create policy audit_events_seal on audit_events for update
    using (hash is null
           and (organisation_id = (select current_organisation())
                or (organisation_id is null and (select platform_scope()))))
    with check (organisation_id = (select current_organisation())
                or (organisation_id is null and (select platform_scope())));

-- Links up to p_limit waiting entries of one chain, oldest first, under the chain head's lock (so
-- two nodes never link the same entries), and answers how many it linked. Runs in the chain's
-- scope: an organisation's, or the platform's for the platform chain (the nil UUID).
create function seal_audit_chain(p_chain uuid, p_limit integer) returns integer
    language plpgsql
    as $$
declare
    head_seq   bigint;
    head_hash  text;
    entry_hash text;
    linked     integer := 0;
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
        entry_hash := audit_entry_hash(head_seq, e.organisation_id, e.occurred_at, e.actor_id, e.site_id, e.action,
            e.entity_type, e.entity_id, e.changes, e.details, e.request_id, e.client_address, head_hash);
        update audit_events set seq = head_seq, prev_hash = head_hash, hash = entry_hash where id = e.id;
        delete from audit_unsealed where event_id = e.id;
        head_hash := entry_hash;
        linked := linked + 1;
    end loop;
    update audit_chain_heads set seq = head_seq, hash = head_hash where chain_key = p_chain;
    return linked;
end;
$$;
grant execute on function seal_audit_chain(uuid, integer) to ${app_role};
