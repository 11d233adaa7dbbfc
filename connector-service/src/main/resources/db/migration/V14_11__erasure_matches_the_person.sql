-- Erasure clears the finished webhook deliveries that name the erased person, and only those
-- (issue 14.9, corrected): V13_6 matched any "id": <candidate id> in a body, so an unrelated
-- delivery whose rejection reason, stage or office had the same number was deleted too. Now the
-- body's JSON is read and the person is looked for where Greenhouse's payloads name one:
-- candidate.id (update_candidate, an application's candidate), person.id (delete_candidate,
-- merge_candidate), candidate_id (candidate_anonymized, delete_application) and new_candidate_id
-- (merge_candidate's survivor). A body that is not JSON is never matched (and never fails the
-- erasure). The text match stays as a cheap first filter.
create or replace function connector_json_or_null(body bytea) returns jsonb
  language plpgsql immutable as $$
begin
  return convert_from(body, 'UTF8')::jsonb;
exception when others then
  return null;
end
$$;

create or replace function connector_forget_erased_person() returns trigger language plpgsql as $$
begin
  delete from webhook_inbox
   where tenant_id = new.tenant_id
     and state in ('done', 'ignored')
     and convert_from(raw_body, 'UTF8') ~ ('(^|[^0-9])' || new.candidate_id || '([^0-9]|$)')
     and jsonb_path_exists(
           connector_json_or_null(raw_body),
           '$.** ? (@.candidate.id == $id || @.person.id == $id || @.candidate_id == $id
                    || @.new_candidate_id == $id)',
           jsonb_build_object('id', new.candidate_id));
  update pushes
     set request = jsonb_build_object('forgotten', 'the person was erased'),
         updated_at = now()
   where tenant_id = new.tenant_id
     and (candidate_id = new.candidate_id or pushed_candidate_id = new.candidate_id)
     and status in ('done', 'failed')
     and request ? 'person';
  return new;
end
$$;
