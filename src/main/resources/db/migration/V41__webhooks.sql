-- Webhooks: endpoints an organisation registers, the messages (outbox) its business events
-- produce, one delivery per message and endpoint, and every attempt at it. All tenant-owned.

create table webhook_endpoints (
    id                          uuid primary key,
    organisation_id             uuid not null references organisations (id),
    url                         text not null,
    description                 text,
    event_types                 text[] not null,
    enabled                     boolean not null default true,
    disabled_reason             text,
    disabled_at                 timestamptz,
    -- signing secrets: needed in clear to sign, so never returned in lists or written to the audit trail
    secret                      text not null,
    previous_secret             text,
    previous_secret_expires_at  timestamptz,
    -- first failed attempt since the last success; null while the endpoint is healthy
    failing_since               timestamptz,
    created_at                  timestamptz not null,
    updated_at                  timestamptz not null,
    version                     integer not null default 0
);
create index webhook_endpoints_organisation_idx on webhook_endpoints (organisation_id, created_at);

-- The outbox: written in the transaction of the change that produced the event. The payload
-- is the exact body sent; its id, prefixed msg_, is the webhook-id every attempt carries.
create table webhook_messages (
    id               uuid primary key,
    organisation_id  uuid not null references organisations (id),
    event_type       text not null,
    payload          text not null,
    occurred_at      timestamptz not null
);
create index webhook_messages_organisation_idx on webhook_messages (organisation_id, occurred_at);

create table webhook_deliveries (
    id                uuid primary key,
    organisation_id   uuid not null references organisations (id),
    message_id        uuid not null references webhook_messages (id) on delete cascade,
    endpoint_id       uuid not null references webhook_endpoints (id) on delete cascade,
    event_type        text not null,
    status            text not null check (status in ('PENDING', 'SUCCEEDED', 'FAILED')),
    -- attempts in the current round; a replay starts a new round from zero
    attempts          integer not null default 0,
    next_attempt_at   timestamptz,
    last_attempt_at   timestamptz,
    last_status_code  integer,
    last_error        text,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);
create index webhook_deliveries_organisation_idx on webhook_deliveries (organisation_id, created_at desc, id desc);
create index webhook_deliveries_endpoint_idx on webhook_deliveries (endpoint_id, status, created_at);
create index webhook_deliveries_pending_idx on webhook_deliveries (organisation_id, next_attempt_at) where status = 'PENDING';
create index webhook_deliveries_message_idx on webhook_deliveries (message_id);

create table webhook_attempts (
    id                uuid primary key,
    organisation_id   uuid not null references organisations (id),
    delivery_id       uuid not null references webhook_deliveries (id) on delete cascade,
    endpoint_id       uuid not null,
    attempted_at      timestamptz not null,
    outcome           text not null check (outcome in ('SUCCEEDED', 'FAILED', 'TIMED_OUT', 'UNREACHABLE', 'REFUSED')),
    status_code       integer,
    latency_ms        integer not null,
    response_excerpt  text,
    error             text
);
create index webhook_attempts_delivery_idx on webhook_attempts (delivery_id, attempted_at);
create index webhook_attempts_organisation_idx on webhook_attempts (organisation_id, attempted_at);

-- Sends in flight, counted to bound how many run at once per endpoint and per organisation
-- across every node. A row outlives a crashed node only until expires_at.
create table webhook_sends (
    delivery_id      uuid primary key,
    organisation_id  uuid not null references organisations (id),
    endpoint_id      uuid not null,
    expires_at       timestamptz not null
);
create index webhook_sends_organisation_idx on webhook_sends (organisation_id, endpoint_id);

grant select, insert, update, delete on webhook_endpoints, webhook_messages, webhook_deliveries, webhook_attempts,
    webhook_sends to ${app_role};

alter table webhook_endpoints enable row level security;
alter table webhook_endpoints force row level security;
create policy webhook_endpoints_scope on webhook_endpoints
    using (organisation_id = (select current_organisation()) or (select platform_scope()))
    with check (organisation_id = (select current_organisation()) or (select platform_scope()));

alter table webhook_messages enable row level security;
alter table webhook_messages force row level security;
create policy webhook_messages_scope on webhook_messages
    using (organisation_id = (select current_organisation()) or (select platform_scope()))
    with check (organisation_id = (select current_organisation()) or (select platform_scope()));

alter table webhook_deliveries enable row level security;
alter table webhook_deliveries force row level security;
create policy webhook_deliveries_scope on webhook_deliveries
    using (organisation_id = (select current_organisation()) or (select platform_scope()))
    with check (organisation_id = (select current_organisation()) or (select platform_scope()));

alter table webhook_attempts enable row level security;
alter table webhook_attempts force row level security;
create policy webhook_attempts_scope on webhook_attempts
    using (organisation_id = (select current_organisation()) or (select platform_scope()))
    with check (organisation_id = (select current_organisation()) or (select platform_scope()));

alter table webhook_sends enable row level security;
alter table webhook_sends force row level security;
create policy webhook_sends_scope on webhook_sends
    using (organisation_id = (select current_organisation()) or (select platform_scope()))
    with check (organisation_id = (select current_organisation()) or (select platform_scope()));
