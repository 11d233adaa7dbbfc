-- Keep webhook bodies out of the inbox rows themselves: each delivery's row is updated twice after
-- it is stored (claimed, then done), and an update writes the whole row again, body included,
-- into the table and the WAL. With the (compressed) body in the TOAST table the row is a few hundred
-- bytes and the updates leave the body where it is.
alter table webhook_inbox set (toast_tuple_target = 256);
