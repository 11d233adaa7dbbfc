-- A mapping whose Greenhouse user has another email than the platform user is flagged
-- (email_mismatch) and is usable only once an admin confirmed the pair; the confirmation is kept
-- with the Greenhouse email it was given for, so a later change of that email asks again (issue 14.10).
alter table user_mappings drop constraint user_mappings_status_check;
alter table user_mappings add constraint user_mappings_status_check
  check (status in ('verified', 'unverified', 'not_found', 'disabled', 'email_mismatch'));
alter table user_mappings add column confirmed_greenhouse_email text;
alter table user_mappings add column confirmed_at timestamptz;
