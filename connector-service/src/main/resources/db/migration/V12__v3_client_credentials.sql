-- Harvest v3 client credentials beside the v1 API key (issue 12). "kind" says which one a row holds;
-- api_key_ciphertext holds the API key (v1) or the OAuth client secret (v3), encrypted alike (Tink AEAD, the
-- tenant id as associated data), and last4 shows the last four characters of either. A v3 row also names its
-- client id, the auth server's origin, and the organization Greenhouse's introspection named when it was saved.
alter table greenhouse_credentials
  add column kind text not null default 'v1_api_key'
    check (kind in ('v1_api_key', 'v3_client_credentials')),
  add column client_id text,
  add column auth_url text,
  add column organization_id bigint,
  add column organization_name text,
  add constraint greenhouse_credentials_v3_names_its_client
    check (kind = 'v1_api_key' or (client_id is not null and auth_url is not null));
