-- Push: sourced people into Greenhouse (issue 7). The outbox of push requests, batches, per-tenant
-- push settings and pauses. Every key starts with tenant_id (DESIGN section 6).

-- One row per push request, committed before the API answers 202. A worker claims it with
-- FOR UPDATE SKIP LOCKED (see io.headhuntr.connector.push.PushStore#claim).
create table pushes (
  tenant_id          uuid        not null,
  push_id            uuid        not null,
  -- the caller's Idempotency-Key: the same key returns the same push, never a second one
  idempotency_key    text        not null,
  -- SHA-256 of the validated request: a reused key with another body is refused
  request_hash       text        not null,
  batch_id           uuid,
  acting_user_id     text        not null,
  -- the acting user's Greenhouse id (On-Behalf-Of), resolved from user_mappings when accepted
  greenhouse_user_id bigint      not null,
  target_type        text        not null check (target_type in ('candidate', 'prospect')),
  -- the validated request as the API normalized it (attachments included, base64)
  request            jsonb       not null,
  status             text        not null
    check (status in ('queued', 'running', 'done', 'failed', 'needs_attention')),
  -- what the push is doing or waiting for: 'retry_wait', 'await_visible', 'set_pool', 'paused', ...
  step               text,
  attempts           int         not null default 0,
  run_at             timestamptz not null,
  claimed_by         text,
  heartbeat_at       timestamptz,
  -- bumped by every claim: a worker may only finish the claim it holds
  version            int         not null default 0,
  -- set before a write is sent and cleared when its answer arrived: a set value after a timeout or a
  -- crash means the write may have applied, so the next attempt looks the person up before creating
  write_sent_at      timestamptz,
  -- created | linked | already_on_job
  result             text,
  -- the Greenhouse ids this push produced or linked to; candidate_id follows merges
  -- (connector_repoint_candidate), pushed_candidate_id keeps the id as first recorded
  candidate_id       bigint,
  pushed_candidate_id bigint,
  application_id     bigint,
  -- failure reason in plain words, and Greenhouse's field errors [{field, message}]
  error              text,
  field_errors       jsonb       not null default '[]',
  -- what was not sent as asked (unresolved education text kept in a note, ...)
  warnings           jsonb       not null default '[]',
  -- every Harvest call this push made: [{method, path, status, ms, at}]
  calls              jsonb       not null default '[]',
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now(),
  finished_at        timestamptz,
  primary key (tenant_id, push_id),
  constraint pushes_idempotency_key unique (tenant_id, idempotency_key)
);
create index pushes_claimable on pushes (run_at) where status in ('queued', 'running');
create index pushes_by_status on pushes (tenant_id, status, created_at);
create index pushes_by_candidate on pushes (tenant_id, candidate_id);
create index pushes_by_batch on pushes (tenant_id, batch_id) where batch_id is not null;

create table push_batches (
  tenant_id  uuid        not null,
  batch_id   uuid        not null,
  items      int         not null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, batch_id)
);

-- Per tenant: 'link' (default) adds an application to an existing person found by email;
-- 'always_create' never looks. default_source_id: the source credited when a push names none.
create table push_settings (
  tenant_id         uuid        not null primary key,
  duplicate_policy  text        not null default 'link'
    check (duplicate_policy in ('link', 'always_create')),
  default_source_id bigint,
  updated_at        timestamptz not null default now()
);

-- A tenant whose pushes are paused: Greenhouse answered 401 or 403 (key revoked, permission removed).
-- Workers claim no push of a paused tenant until the pause is lifted (POST .../pushes/resume).
create table push_pauses (
  tenant_id uuid        not null primary key,
  reason    text        not null,
  paused_at timestamptz not null default now()
);

-- Re-points everything that refers to a merged (losing) candidate id to the surviving id; V3's
-- statements are kept, pushes are added.
create or replace function connector_repoint_candidate(p_tenant uuid, p_from bigint, p_to bigint)
returns void language plpgsql as $$
begin
  update mirror_application set candidate_id = p_to
   where tenant_id = p_tenant and candidate_id = p_from;
  update events set candidate_id = p_to
   where tenant_id = p_tenant and candidate_id = p_from;
  update pushes set candidate_id = p_to, updated_at = now()
   where tenant_id = p_tenant and candidate_id = p_from;
end;
$$;
