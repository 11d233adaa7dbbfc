-- A captured delivery resent with a new Greenhouse-Event-ID is recognised by its body: the SHA-256
-- of every body but a ping's (Greenhouse pings the same body on purpose) is unique per tenant
-- (issue 14.5). Rows stored before this have none.
alter table webhook_inbox add column body_sha256 bytea;
create unique index webhook_inbox_body on webhook_inbox (tenant_id, body_sha256)
  where body_sha256 is not null;
