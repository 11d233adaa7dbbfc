-- Erasure and anonymisation clear every stored copy of the person, not only the mirror (issue 14.9).
-- Whichever path erases a candidate (the delete_candidate or candidate_anonymized webhook, a merge,
-- a full reconciliation tombstone) sets mirror_candidate.erased_at; in that same transaction this
-- trigger removes the finished webhook deliveries whose body names the candidate and forgets the
-- requests of the tenant's finished pushes of that candidate (attachments included). Deliveries not
-- yet applied are left to be applied; retention removes them later.
create function connector_forget_erased_person() returns trigger language plpgsql as $$
begin
  delete from webhook_inbox
   where tenant_id = new.tenant_id
     and state in ('done', 'ignored')
     and convert_from(raw_body, 'UTF8') ~ ('"id"\s*:\s*' || new.candidate_id || '([^0-9]|$)');
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

create trigger mirror_candidate_erased
  after update of erased_at on mirror_candidate
  for each row when (old.erased_at is null and new.erased_at is not null)
  execute function connector_forget_erased_person();

-- retention finds finished deliveries and pushes by when they finished
create index webhook_inbox_finished on webhook_inbox (finished_at) where state in ('done', 'ignored');
create index pushes_finished on pushes (finished_at) where status in ('done', 'failed');
