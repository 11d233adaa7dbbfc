-- Sync: page counts for the time-left estimate, and the periodic full reconciliation that finds
-- jobs, candidates and applications deleted in Greenhouse (io.headhuntr.connector.sync).

-- 'full': a reconciliation pass, listing everything (no updated_after) and recording what it saw
alter table sync_resource drop constraint sync_resource_mode_check;
alter table sync_resource add constraint sync_resource_mode_check
  check (mode in ('backfill', 'incremental', 'full'));
-- the number of the list's last page, from the Link rel="last" of the first page a run requested
-- (that one request goes without skip_count); NULL when unknown
alter table sync_resource add column last_page int;

-- full_pass_started_at: set while a full reconciliation is in progress (it survives a crash; the
-- pass resumes and tombstones only after jobs and candidates were listed completely since then);
-- full_pass_requested: POST .../sync?full=true asked for one at the next pass;
-- last_full_pass_at: the start of the last complete full pass (or of the backfill);
-- last_full_pass_deleted: how many jobs, candidates and applications that pass tombstoned
alter table sync_tenant
  add column full_pass_started_at   timestamptz,
  add column full_pass_requested    boolean not null default false,
  add column last_full_pass_at      timestamptz,
  add column last_full_pass_deleted int;

-- What the full pass in progress has seen in Greenhouse, written in the transaction of the page
-- that listed it (so a crash loses nothing). Emptied when a full pass starts and when it ends.
create table sync_seen (
  tenant_id uuid   not null,
  kind      text   not null check (kind in ('job', 'candidate', 'application')),
  id        bigint not null,
  primary key (tenant_id, kind, id)
);
