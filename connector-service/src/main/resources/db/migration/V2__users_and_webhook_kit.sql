-- Platform users, their Greenhouse user ids (the setup guide's "ATS Id"), and the webhook setup kit.
-- Every table's key starts with tenant_id (DESIGN section 6).

-- The tenant's Headhuntr.io users, as the platform last sent them (PUT .../users replaces the set).
create table platform_users (
  tenant_id  uuid        not null references tenants (tenant_id) on delete cascade,
  user_id    text        not null,
  email      text        not null,
  -- lower(email): unique per tenant; deferred so that two users may swap addresses in one replacement
  email_key  text        not null,
  name       text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, user_id),
  constraint platform_users_email_unique unique (tenant_id, email_key) deferrable initially deferred
);

-- The reviewed mapping platform user -> Greenhouse user id, with the last verification against Greenhouse.
create table user_mappings (
  tenant_id          uuid        not null,
  platform_user_id   text        not null,
  greenhouse_user_id bigint      not null,
  status             text        not null
    check (status in ('verified', 'unverified', 'not_found', 'disabled')),
  -- what the last verification found, in words an admin can act on
  message            text,
  verified_at        timestamptz,
  updated_at         timestamptz not null default now(),
  primary key (tenant_id, platform_user_id),
  foreign key (tenant_id, platform_user_id) references platform_users (tenant_id, user_id) on delete cascade
);

-- One row per tenant: where Greenhouse sends webhooks and the secret it signs them with.
create table webhook_endpoints (
  tenant_id               uuid        not null primary key references tenants (tenant_id) on delete cascade,
  -- random, URL-safe; the last path segment of the endpoint URL
  endpoint_key            text        not null,
  -- HMAC key the customer types into Greenhouse; never logged, never in an error
  secret                  text        not null,
  -- the secret before the last rotation, accepted until previous_secret_expires_at
  previous_secret         text,
  previous_secret_expires_at timestamptz,
  secret_rotated_at       timestamptz,
  -- the last delivery whose signature matched no secret (a wrong secret typed into Greenhouse)
  last_rejected_at        timestamptz,
  created_at              timestamptz not null default now(),
  constraint webhook_endpoints_key_unique unique (endpoint_key)
);

-- What Greenhouse has told us per webhook action: its ping (saved in the Dev Center) and its deliveries.
create table webhook_activity (
  tenant_id        uuid        not null references tenants (tenant_id) on delete cascade,
  action           text        not null,
  pinged_at        timestamptz,
  -- the Greenhouse-side webhook name and id from the last ping
  ping_name        text,
  ping_web_hook_id bigint,
  last_delivery_at timestamptz,
  deliveries       bigint      not null default 0,
  -- set by processing when a delivery of this action could not be applied (the intake issue)
  last_failure_at  timestamptz,
  failure_message  text,
  primary key (tenant_id, action)
);
