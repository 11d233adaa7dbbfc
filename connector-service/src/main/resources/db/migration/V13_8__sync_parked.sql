-- A record the mirror cannot store (text PostgreSQL refuses, say) is parked with its reason and the
-- sync pass goes on: one bad record never sticks a tenant's sync (issue 14.8). A later pass that
-- stores it removes it from here.
create table sync_parked (
  tenant_id  uuid        not null,
  resource   text        not null,
  record_id  bigint      not null,
  reason     text        not null,
  parked_at  timestamptz not null default now(),
  primary key (tenant_id, resource, record_id)
);
