-- A sync pass no longer sleeps on a tenant's rate limit or between failed pages: it stops at its
-- checkpoint and is scheduled again for the time Greenhouse gives (issue 14.2).
--   waiting     the resource's listing is in progress and continues at resumes_at
--   failures    consecutive failed attempts at the resource's next page (5xx, unreachable);
--               after SyncConfig.pageAttempts of them the resource is 'failed' as before
alter table sync_resource drop constraint sync_resource_state_check;
alter table sync_resource add constraint sync_resource_state_check
  check (state in ('pending', 'running', 'waiting', 'done', 'failed', 'paused'));
alter table sync_resource add column resumes_at timestamptz;
alter table sync_resource add column failures int not null default 0;

-- The start of the tenant's pass that stopped to wait: its continuation skips the resources it
-- already finished (reference data is not read again), NULL when no pass is waiting.
alter table sync_tenant add column pass_started_at timestamptz;
