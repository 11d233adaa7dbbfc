-- Sync: backfill and incremental reconciliation of the mirror from Harvest (io.headhuntr.connector.sync).

-- One row per tenant: whether its sync may run, and why not.
create table sync_tenant (
  tenant_id     uuid        not null primary key,
  -- set when Greenhouse answered 401/403 mid-sync: the credential was revoked or lost a permission
  paused_reason text,
  paused_at     timestamptz,
  -- the backfill (first complete pass of every resource) finished at
  backfilled_at timestamptz,
  updated_at    timestamptz not null default now()
);

-- One row per tenant and resource (users, departments, ..., candidates, applications): its checkpoint.
-- A pass over a paged resource commits each page together with "next_page" in one transaction, so a
-- restart resumes at next_page with the same "watermark" (never from the start, never skipping a page).
create table sync_resource (
  tenant_id          uuid        not null,
  resource           text        not null,
  state              text        not null check (state in ('pending', 'running', 'done', 'failed', 'paused')),
  -- 'backfill' (no filter) or 'incremental' (updated_after / last_activity_after = watermark)
  mode               text        not null default 'backfill' check (mode in ('backfill', 'incremental')),
  -- the filter time of the pass in progress: the previous complete pass's start minus the overlap
  watermark          timestamptz,
  -- when the pass in progress started; becomes completed_through when it finishes
  pass_started_at    timestamptz,
  -- the page the pass fetches next (1-based); NULL when no pass is in progress
  next_page          int,
  -- the start of the last complete pass: everything changed before it is mirrored
  completed_through  timestamptz,
  records_seen       bigint      not null default 0,
  pages              int         not null default 0,
  requests           int         not null default 0,
  last_checkpoint_at timestamptz,
  last_error         text,
  finished_at        timestamptz,
  updated_at         timestamptz not null default now(),
  primary key (tenant_id, resource)
);

-- db-scheduler's table (recurring per-tenant sync passes, cluster-safe). Its key is db-scheduler's
-- (task_name, task_instance); the tenant id is the task instance.
create table if not exists scheduled_tasks (
  task_name            text                     not null,
  task_instance        text                     not null,
  task_data            bytea,
  execution_time       timestamp with time zone not null,
  picked               boolean                  not null,
  picked_by            text,
  last_success         timestamp with time zone,
  last_failure         timestamp with time zone,
  consecutive_failures int,
  last_heartbeat       timestamp with time zone,
  version              bigint                   not null,
  priority             smallint,
  primary key (task_name, task_instance)
);
create index if not exists execution_time_idx on scheduled_tasks (execution_time);
create index if not exists last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index if not exists priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
