-- Push steps (issue 7): each write a push makes, recorded before it is sent and again when it is known
-- to have applied, so a retried push never repeats a write that applied. Step names:
--   'person'         the create (POST /v1/candidates or /v1/prospects) or, for a person found by email,
--                    the application added to them (POST /v1/candidates/{id}/applications)
--   'note:<i>'       the i-th note of a linked person (POST /v1/candidates/{id}/activity_feed/notes)
--   'attachment:<i>' the i-th file of a person linked as a prospect (POST /v1/candidates/{id}/attachments)
--   'pool'           a new prospect's pool and stage (PATCH /v1/applications/{id}; safe to repeat)
-- See io.headhuntr.connector.push.PushSteps.
create table push_steps (
  tenant_id      uuid        not null,
  push_id        uuid        not null,
  step           text        not null,
  -- set before the write is sent (again before each resend); sent_at without done_at after a timeout
  -- or a crash means the write may have applied: Greenhouse is read back before it is sent again
  sent_at        timestamptz not null,
  done_at        timestamptz,
  -- how many times the write was sent (above 1 only when a read-back showed it had not applied)
  sends          int         not null default 1,
  -- how done_at was learnt: 'answered' (Greenhouse answered), 'read_back' (found applied after an
  -- unanswered write), 'refused' (Greenhouse answered 404/422: not retried, reported as a warning)
  confirmed_by   text        check (confirmed_by in ('answered', 'read_back', 'refused')),
  -- the candidate written to; for 'person' also the application and whether it was created or linked
  candidate_id   bigint,
  application_id bigint,
  result         text        check (result in ('created', 'linked')),
  primary key (tenant_id, push_id, step)
);
