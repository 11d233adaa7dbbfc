-- Webhook intake (durable inbox), the local mirror of Greenhouse objects, and the outcome feed.
-- Every key starts with tenant_id (DESIGN section 6); no foreign keys to other migrations' tables.
--
-- Ordering rule of the mirror: each mirror row keeps "version", the Greenhouse time of the state it holds
-- (updated_at, or for applications last_activity_at; see io.headhuntr.connector.mirror.MirrorStore).
-- An upsert replaces a row only when its version is >= the stored one; a NULL version (time unknown)
-- only fills rows whose version is NULL too. A tombstoned row (deleted_at set) is never revived.

-- One row per verified delivery, committed before Greenhouse gets its 200.
create sequence webhook_inbox_seq;
create table webhook_inbox (
  tenant_id    uuid        not null,
  inbox_id     bigint      not null default nextval('webhook_inbox_seq'),
  -- 'id:<Greenhouse-Event-ID>' or, without that header, 'sha256:<hex of the body>'
  dedupe_key   text        not null,
  event_id     text,
  -- the top-level "action" read at accept time; NULL when the body is not JSON or has none
  action       text,
  raw_body     bytea       not null,
  received_at  timestamptz not null,
  -- ready -> running -> done | ignored (unknown action) | parked (gave up or unusable; replayable)
  state        text        not null check (state in ('ready', 'running', 'done', 'ignored', 'parked')),
  attempts     int         not null default 0,
  -- when a ready row may be claimed (retries move it forward)
  run_at       timestamptz not null,
  claimed_by   text,
  heartbeat_at timestamptz,
  -- bumped by every claim and revival: a worker may only finish the claim it holds
  version      int         not null default 0,
  last_error   text,
  park_reason  text,
  -- what applying did, in words: 'applied', 'stale: newer data kept', ...
  outcome      text,
  finished_at  timestamptz,
  primary key (tenant_id, inbox_id),
  constraint webhook_inbox_dedupe unique (tenant_id, dedupe_key)
);
create index webhook_inbox_ready on webhook_inbox (run_at) where state = 'ready';
create index webhook_inbox_running on webhook_inbox (heartbeat_at) where state = 'running';
create index webhook_inbox_parked on webhook_inbox (tenant_id, inbox_id) where state = 'parked';

-- Candidates. Lists are jsonb as Greenhouse sends them; emails also go to mirror_candidate_email.
-- Attachment URLs are not kept (they expire after 7 days): filename and type only.
create table mirror_candidate (
  tenant_id              uuid        not null,
  candidate_id           bigint      not null,
  first_name             text,
  last_name              text,
  company                text,
  title                  text,
  is_private             boolean,
  can_email              boolean,
  external_id            text,
  recruiter              jsonb,
  coordinator            jsonb,
  phone_numbers          jsonb       not null default '[]',
  addresses              jsonb       not null default '[]',
  website_addresses      jsonb       not null default '[]',
  social_media_addresses jsonb       not null default '[]',
  educations             jsonb       not null default '[]',
  employments            jsonb       not null default '[]',
  attachments            jsonb       not null default '[]',
  tags                   jsonb       not null default '[]',
  custom_fields          jsonb       not null default '{}',
  created_at             timestamptz,
  updated_at             timestamptz,
  last_activity_at       timestamptz,
  version                timestamptz,
  -- set by merge_candidate: the surviving candidate id
  merged_into_id         bigint,
  deleted_at             timestamptz,
  -- personal data removed (delete_candidate, or candidate_anonymized for anonymized_fields)
  erased_at              timestamptz,
  anonymized_fields      jsonb       not null default '[]',
  mirrored_at            timestamptz not null default now(),
  primary key (tenant_id, candidate_id)
);

create table mirror_candidate_email (
  tenant_id    uuid   not null,
  candidate_id bigint not null,
  position     int    not null,
  email        text   not null,
  type         text,
  primary key (tenant_id, candidate_id, position)
);
create index mirror_candidate_email_lookup on mirror_candidate_email (tenant_id, lower(email));

create table mirror_application (
  tenant_id          uuid        not null,
  application_id     bigint      not null,
  candidate_id       bigint,
  prospect           boolean,
  status             text,
  current_stage_id   bigint,
  current_stage_name text,
  applied_at         timestamptz,
  rejected_at        timestamptz,
  rejection_reason   jsonb,
  rejection_details  jsonb,
  -- prospect_detail: pool, stage and owner as {id, name}
  prospect_pool      jsonb,
  prospect_stage     jsonb,
  prospect_owner     jsonb,
  source             jsonb,
  credited_to        jsonb,
  job_ids            bigint[]    not null default '{}',
  offer              jsonb,
  custom_fields      jsonb       not null default '{}',
  hired_at           timestamptz,
  last_activity_at   timestamptz,
  version            timestamptz,
  deleted_at         timestamptz,
  mirrored_at        timestamptz not null default now(),
  primary key (tenant_id, application_id)
);
create index mirror_application_candidate on mirror_application (tenant_id, candidate_id);

create table mirror_job (
  tenant_id      uuid        not null,
  job_id         bigint      not null,
  name           text,
  requisition_id text,
  notes          text,
  confidential   boolean,
  status         text,
  job_post_id    bigint,
  created_by_id  bigint,
  created_at     timestamptz,
  opened_at      timestamptz,
  closed_at      timestamptz,
  departments    jsonb       not null default '[]',
  offices        jsonb       not null default '[]',
  hiring_team    jsonb       not null default '{}',
  openings       jsonb       not null default '[]',
  custom_fields  jsonb       not null default '{}',
  -- the last job_approved approval_flow_type ('open_job' | 'offer_job') and when it arrived
  approval       jsonb,
  updated_at     timestamptz,
  version        timestamptz,
  deleted_at     timestamptz,
  mirrored_at    timestamptz not null default now(),
  primary key (tenant_id, job_id)
);

create table mirror_job_post (
  tenant_id        uuid        not null,
  job_post_id      bigint      not null,
  job_id           bigint,
  title            text,
  location         text,
  content          text,
  internal_content text,
  external         boolean,
  internal         boolean,
  live             boolean,
  questions        jsonb       not null default '[]',
  updated_at       timestamptz,
  version          timestamptz,
  deleted_at       timestamptz,
  mirrored_at      timestamptz not null default now(),
  primary key (tenant_id, job_post_id)
);

create table mirror_job_stage (
  tenant_id   uuid        not null,
  stage_id    bigint      not null,
  job_id      bigint,
  name        text,
  active      boolean,
  priority    int,
  created_at  timestamptz,
  updated_at  timestamptz,
  version     timestamptz,
  deleted_at  timestamptz,
  mirrored_at timestamptz not null default now(),
  primary key (tenant_id, stage_id)
);

create table mirror_user (
  tenant_id   uuid        not null,
  user_id     bigint      not null,
  name        text,
  first_name  text,
  last_name   text,
  email       text,
  employee_id text,
  disabled    boolean,
  updated_at  timestamptz,
  version     timestamptz,
  deleted_at  timestamptz,
  mirrored_at timestamptz not null default now(),
  primary key (tenant_id, user_id)
);

create table mirror_department (
  tenant_id     uuid        not null,
  department_id bigint      not null,
  name          text,
  parent_id     bigint,
  external_id   text,
  version       timestamptz,
  deleted_at    timestamptz,
  mirrored_at   timestamptz not null default now(),
  primary key (tenant_id, department_id)
);

create table mirror_source (
  tenant_id   uuid        not null,
  source_id   bigint      not null,
  name        text,
  type        jsonb,
  version     timestamptz,
  deleted_at  timestamptz,
  mirrored_at timestamptz not null default now(),
  primary key (tenant_id, source_id)
);

create table mirror_prospect_pool (
  tenant_id   uuid        not null,
  pool_id     bigint      not null,
  name        text,
  active      boolean,
  stages      jsonb       not null default '[]',
  version     timestamptz,
  deleted_at  timestamptz,
  mirrored_at timestamptz not null default now(),
  primary key (tenant_id, pool_id)
);

-- The outcome feed. seq is per tenant, gap-free and committed in order: it is taken from
-- event_counters inside the applying transaction, whose row lock orders concurrent appenders.
create table event_counters (
  tenant_id uuid   not null primary key,
  last_seq  bigint not null
);

create table events (
  tenant_id      uuid        not null,
  seq            bigint      not null,
  type           text        not null,
  candidate_id   bigint,
  application_id bigint,
  job_id         bigint,
  job_post_id    bigint,
  -- the Greenhouse time of the change when the payload has one
  occurred_at    timestamptz,
  data           jsonb       not null default '{}',
  created_at     timestamptz not null,
  primary key (tenant_id, seq)
);
create index events_candidate on events (tenant_id, candidate_id);

-- Re-points everything that refers to a merged (losing) candidate id to the surviving id.
-- Later migrations (the push outbox) extend it with CREATE OR REPLACE, keeping these statements.
create function connector_repoint_candidate(p_tenant uuid, p_from bigint, p_to bigint)
returns void language plpgsql as $$
begin
  update mirror_application set candidate_id = p_to
   where tenant_id = p_tenant and candidate_id = p_from;
  update events set candidate_id = p_to
   where tenant_id = p_tenant and candidate_id = p_from;
end;
$$;
