-- "Connect Greenhouse" (partner OAuth, issue 12): kind v3_partner keeps the operator's partner client id and auth
-- origin in client_id/auth_url and the tenant's token pair, as encrypted JSON (Tink AEAD, tenant id as associated
-- data), in api_key_ciphertext, and the scopes introspection granted at connect. A partner authorization Greenhouse no longer honours is marked needs_reconnect.
alter table greenhouse_credentials drop constraint greenhouse_credentials_kind_check;
alter table greenhouse_credentials
  add constraint greenhouse_credentials_kind_check
    check (kind in ('v1_api_key', 'v3_client_credentials', 'v3_partner')),
  add column granted_scopes text,
  add column needs_reconnect_reason text,
  add column needs_reconnect_at timestamptz;

-- The state of an "oauth/start": only its SHA-256 is kept; it is single-use and expires.
create table greenhouse_oauth_states (
  state_hash bytea primary key,
  tenant_id uuid not null references tenants (tenant_id) on delete cascade,
  expires_at timestamptz not null,
  used_at timestamptz
);
