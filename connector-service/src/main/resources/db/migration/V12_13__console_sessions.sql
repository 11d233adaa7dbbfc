-- The console (issue 13): browser sessions and one-time sign-in links. Like the OAuth states, only the SHA-256 of each
-- secret is kept, so a copy of the database signs nobody in. A session belongs to one tenant (signed in with a
-- tenant token or a sign-in link) or to the operator (tenant_id null: signed in with the admin token, may open any
-- tenant). csrf_token is the per-session value every console form and htmx request must send back.
create table console_sessions (
  session_hash bytea primary key,
  tenant_id uuid references tenants (tenant_id) on delete cascade,
  admin boolean not null default false,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  check (admin or tenant_id is not null)
);
create index console_sessions_expiry on console_sessions (expires_at);

-- A sign-in link (./connector demo prints one; POST .../console-links issues one): single use, short-lived.
create table console_links (
  link_hash bytea primary key,
  tenant_id uuid not null references tenants (tenant_id) on delete cascade,
  expires_at timestamptz not null,
  used_at timestamptz
);
