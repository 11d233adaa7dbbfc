-- A tenant token may create further tokens only when it was created with that right (issue 14.10).
-- Existing tokens do not have it; the admin token always does.
alter table api_tokens add column can_create_tokens boolean not null default false;
