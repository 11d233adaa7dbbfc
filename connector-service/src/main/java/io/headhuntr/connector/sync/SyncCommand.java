package io.headhuntr.connector.sync;

import picocli.CommandLine.Command;

/** {@code connector sync ...}: the operator's view of a tenant's sync. */
@Command(
    name = "sync",
    description = "A tenant's backfill and reconciliation with Greenhouse.",
    subcommands = {SyncStatusCommand.class})
public final class SyncCommand {}
