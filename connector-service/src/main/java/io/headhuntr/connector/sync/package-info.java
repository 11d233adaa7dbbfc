/**
 * Sync: fills the mirror when a tenant is activated (the backfill) and keeps it reconciled with
 * Harvest afterwards (incremental passes, every 15 minutes by default), next to the webhooks.
 *
 * <p>How a pass works ({@link io.headhuntr.connector.sync.SyncPass}): resources run in the order of
 * {@link io.headhuntr.connector.sync.SyncResource}. Reference data (users, departments, sources,
 * prospect pools, job stages, job posts) is listed whole on every pass, written and compared in one
 * transaction, and the rows that vanished are tombstoned. Jobs, candidates and applications are
 * paged ({@code per_page=500}, {@code skip_count=true}); each page is upserted and the checkpoint
 * ({@code sync_resource.next_page}, and {@code resume_token}: where the listing continues, as the
 * Greenhouse adapter's opaque token) moved in the same transaction, so a crash resumes at the next
 * page with the same filter: never from the start, never skipping a page. A new pass filters with
 * {@code updated_after} (applications: {@code last_activity_after}) = the start of the last
 * complete pass minus {@link io.headhuntr.connector.sync.SyncConfig#overlap()}. The backfill reads
 * applications inside the candidate list (no call per candidate, no application list).
 *
 * <p>Rules kept: upserts follow the mirror's version guard (a poll never overwrites newer webhook
 * data, never revives a tombstone); every Greenhouse call goes through the tenant's one {@link
 * io.headhuntr.connector.greenhouse.Greenhouse} (one pacer per credential) seen through {@code
 * withReadReserve}, so pushes keep headroom; 5xx, timeouts and 429s are retried by the client, then
 * per page; 401/403 pause the tenant's sync with the reason until {@code POST .../sync}; one pass
 * per tenant at a time across processes (a PostgreSQL advisory lock), scheduled by db-scheduler
 * ({@link io.headhuntr.connector.sync.SyncScheduler}).
 *
 * <p>Decisions where the docs are silent: Harvest v1 has no resume token, so its adapter's token is
 * the next page number (a v3 adapter's is the next page's URL; a token the listing refuses restarts
 * that resource's listing from its watermark); pages are counted by items (500 each), which can
 * only lag the true page, so a short page in the middle re-reads, never skips. A record deleted in
 * Greenhouse between two pages of one pass shifts later pages by one; the next pass (overlapping
 * filter) catches what moved. Departments, sources and pools carry no time: their version is the
 * time of the pass that read them.
 *
 * <p>Time left: a backfill or full pass requests the first page of jobs and candidates without
 * {@code skip_count} (its {@code Link rel="last"} gives the page count, kept in {@code
 * sync_resource.last_page}) and the others with it, so the estimate costs no request.
 *
 * <p>Deletions: every {@link io.headhuntr.connector.sync.SyncConfig#fullInterval()} (or after
 * {@code POST .../sync?full=true}) a pass lists jobs and candidates without a filter ({@code mode =
 * 'full'}) and records what it saw ({@code sync_seen}, per page, durable). Once both lists
 * completed since the full pass began ({@code sync_tenant.full_pass_started_at}), {@link
 * io.headhuntr.connector.sync.FullReconciliation} looks up each unseen, untouched mirror row and
 * tombstones those Greenhouse answers 404 for, with the webhook's events. A crash before that point
 * resumes the listing and tombstones nothing.
 */
package io.headhuntr.connector.sync;
