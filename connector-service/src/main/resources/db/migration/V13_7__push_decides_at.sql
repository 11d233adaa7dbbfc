-- A push waiting out the confirmation window after an unanswered write says when it will decide
-- (issue 14.12): the time it stops looking for the person and sends the write again.
alter table pushes add column decides_at timestamptz;
