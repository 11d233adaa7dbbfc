-- A job post's location is kept as Greenhouse sent it (issue 15): Harvest sends an object
-- ({"id", "name", "office_id", "job_post_custom_location_id", "job_post_location_type"}), job post
-- webhooks a string. The text kept so far (a name either way) becomes a JSON string.
alter table mirror_job_post
  alter column location type jsonb using case when location is null then null else to_jsonb(location) end;
