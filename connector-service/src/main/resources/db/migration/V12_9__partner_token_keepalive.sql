-- Token custody of "Connect Greenhouse" (v3_partner, issue 12). Greenhouse's refresh tokens die 24 h after they
-- were issued when nobody uses them, so the keep-alive refreshes every partner connection whose pair was last
-- rotated 20 h ago or more, even when its tenant is idle. tokens_rotated_at: when the stored pair was last
-- replaced (the code exchange of a connect, or a refresh by any instance); null for other kinds, and for a partner
-- row saved before this column existed (the keep-alive then refreshes it on its next round).
alter table greenhouse_credentials add column tokens_rotated_at timestamptz;

create index greenhouse_credentials_partner_rotation_idx on greenhouse_credentials (tokens_rotated_at)
  where kind = 'v3_partner' and needs_reconnect_reason is null;

-- db-scheduler's table for the keep-alive's recurring task (same layout as scheduled_tasks, V4). It has a table
-- of its own because a db-scheduler instance deletes the executions of tasks it does not know after 14 days: the
-- sync's scheduler and this one must not share one table.
create table token_keepalive_tasks (
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
create index token_keepalive_tasks_execution_time_idx on token_keepalive_tasks (execution_time);
create index token_keepalive_tasks_last_heartbeat_idx on token_keepalive_tasks (last_heartbeat);
create index token_keepalive_tasks_priority_execution_time_idx
  on token_keepalive_tasks (priority desc, execution_time asc);
