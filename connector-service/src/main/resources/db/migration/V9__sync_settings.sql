-- Sync: a tenant's own schedule (PUT /api/v1/tenants/{tenant_id}/sync/settings;
-- io.headhuntr.connector.sync). A NULL column, or no row, means the service's default
-- (CONNECTOR_SYNC_INTERVAL, CONNECTOR_SYNC_FULL_INTERVAL).
create table sync_settings (
  tenant_id           uuid        not null primary key,
  -- minutes from the end of one pass of the tenant to the start of the next
  interval_minutes    int         check (interval_minutes between 1 and 1440),
  -- hours from the start of one full reconciliation to the next
  full_interval_hours int         check (full_interval_hours between 1 and 720),
  updated_at          timestamptz not null default now()
);

-- when the scheduler's last pass of the tenant ended: the next is due the tenant's interval later,
-- and a changed interval moves it from here (db-scheduler forgets its last_success on a reschedule)
alter table sync_tenant add column last_pass_ended_at timestamptz;
