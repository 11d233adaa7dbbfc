-- A partner connection (Harvest v3 "Connect Greenhouse") registers the guide's 14 webhooks itself
-- (POST /v3/webhooks) and watches them; these tables keep what it registered and what Greenhouse last
-- said of each. Tenants whose customer creates the webhooks by hand (v1 key, v3 client credentials)
-- have no rows. Every key starts with tenant_id (DESIGN section 6).

-- One row per tenant and guide action whose webhook Greenhouse holds for the connection.
create table webhook_registrations (
  tenant_id             uuid        not null references tenants (tenant_id) on delete cascade,
  action                text        not null,
  greenhouse_webhook_id bigint      not null,
  endpoint_url          text        not null,
  -- hex SHA-256 of the secret key the connector last saved it with (never the key itself): after a
  -- rotation it differs and the next registration saves the new key. NULL when the webhook was found
  -- in Greenhouse without the connector having saved it (its key is unknown).
  secret_sha256         text,
  -- Greenhouse's health fields as last read (GET /v3/webhooks) or answered by a save
  deactivated           boolean     not null,
  last_delivered        timestamptz,
  saved_at              timestamptz,
  read_at               timestamptz not null,
  primary key (tenant_id, action)
);

-- One row per partner tenant: the last registration run and the last read of the webhooks' state.
create table webhook_registration_runs (
  tenant_id    uuid        not null primary key references tenants (tenant_id) on delete cascade,
  -- what started the last run: 'connected' (Connect Greenhouse), 'requested' (POST .../webhooks/register)
  -- or 'secret_rotated'; NULL before the first run
  trigger      text,
  attempted_at timestamptz,
  created      int         not null default 0,
  updated      int         not null default 0,
  kept         int         not null default 0,
  -- what the last run could not do, in words an admin can act on; NULL when it did everything
  problem      text,
  -- the last read of GET /v3/webhooks, claimed by one instance at most once a minute, and why it failed
  read_at      timestamptz,
  read_problem text
);
