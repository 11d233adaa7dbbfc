-- Foundation: tenants, their API tokens, their Greenhouse credential, the last permission report.
-- Every tenant table's key starts with tenant_id (DESIGN section 6): no query crosses tenants.

create table tenants (
  tenant_id uuid primary key,
  name text not null,
  error_recipient_email text not null,
  state text not null default 'draft' check (state in ('draft', 'active', 'paused')),
  public_base_url text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Process-wide settings that belong to no tenant (the generated admin token's SHA-256).
create table connector_settings (
  name text primary key,
  value text not null,
  updated_at timestamptz not null default now()
);

-- API tokens are shown once; only the SHA-256 of the secret is kept. The token text carries its
-- tenant id, so a lookup is (tenant_id, token_hash) and never scans other tenants.
create table api_tokens (
  tenant_id uuid not null references tenants (tenant_id),
  token_id uuid not null,
  name text not null,
  token_hash bytea not null,
  last4 text not null,
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  primary key (tenant_id, token_id)
);
create unique index api_tokens_hash on api_tokens (tenant_id, token_hash);

-- The Greenhouse credential, encrypted with Tink AEAD (AES256_GCM; associated data: the tenant id).
create table greenhouse_credentials (
  tenant_id uuid primary key references tenants (tenant_id),
  api_key_ciphertext bytea not null,
  last4 text not null,
  base_url text not null,
  verified_at timestamptz not null,
  updated_at timestamptz not null default now()
);

-- The last permission report per tenant (JSON as answered by GET .../greenhouse/permissions).
create table permission_reports (
  tenant_id uuid primary key references tenants (tenant_id),
  report jsonb not null,
  checked_at timestamptz not null
);
