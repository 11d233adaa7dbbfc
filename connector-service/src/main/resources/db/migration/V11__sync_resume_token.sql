-- Where an interrupted listing continues, as the Greenhouse adapter's opaque token (Harvest v1: the
-- next page number; v3: the next page's URL). next_page stays the count of pages asked for.
alter table sync_resource add column resume_token text;

-- listings interrupted before this column existed were Harvest v1 listings: resume at their page
update sync_resource set resume_token = next_page::text where next_page > 1;
