-- When each webhook first delivered: with the count and the last delivery it gives the webhook's
-- usual gap between deliveries, so one that goes quiet for far longer than usual (disabled or
-- deleted in Greenhouse) while the others still deliver can be reported as silent.
alter table webhook_activity add column first_delivery_at timestamptz;
update webhook_activity set first_delivery_at = last_delivery_at where deliveries > 0;

