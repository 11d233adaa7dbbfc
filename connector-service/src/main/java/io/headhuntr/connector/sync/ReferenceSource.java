package io.headhuntr.connector.sync;

import io.headhuntr.connector.mirror.MirrorStore;
import io.headhuntr.harvest.HarvestClient;
import io.headhuntr.harvest.JobPostFilter;
import io.headhuntr.harvest.JobStageFilter;
import io.headhuntr.harvest.UserFilter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;

/** Reads one kind of reference data whole and writes it to the mirror. */
final class ReferenceSource {
  /** What a complete listing returned, ready to be written in one transaction. */
  interface Listing {
    List<Long> ids();

    /** Upserts every row; {@code readAt} versions the rows that carry no time of their own. */
    void write(Handle h, MirrorStore mirror, UUID tenant, Instant readAt);
  }

  private ReferenceSource() {}

  static Listing read(SyncResource resource, HarvestClient client) {
    return switch (resource) {
      case USERS ->
          listing(
              client.users().list(UserFilter.all()),
              u -> u.id(),
              (h, m, t, at, u) -> m.references().upsertUser(h, t, HarvestRows.user(u)));
      case DEPARTMENTS ->
          listing(
              client.departments().list(),
              d -> d.id(),
              (h, m, t, at, d) ->
                  m.references().upsertDepartment(h, t, HarvestRows.department(d, at)));
      case SOURCES ->
          listing(
              client.sources().list(),
              s -> s.id(),
              (h, m, t, at, s) -> m.references().upsertSource(h, t, HarvestRows.source(s, at)));
      case PROSPECT_POOLS ->
          listing(
              client.prospectPools().list(),
              p -> p.id(),
              (h, m, t, at, p) ->
                  m.references().upsertProspectPool(h, t, HarvestRows.prospectPool(p, at)));
      case JOB_STAGES ->
          listing(
              client.jobStages().list(JobStageFilter.all()),
              s -> s.id(),
              (h, m, t, at, s) -> m.jobs().upsertStage(h, t, HarvestRows.stage(s)));
      case JOB_POSTS ->
          listing(
              client.jobPosts().list(JobPostFilter.all().withFullContent(true)),
              p -> p.id(),
              (h, m, t, at, p) -> m.jobs().upsertJobPost(h, t, HarvestRows.jobPost(p)));
      default -> throw new IllegalArgumentException(resource + " is not reference data");
    };
  }

  private interface RowWriter<T> {
    void write(Handle h, MirrorStore mirror, UUID tenant, Instant readAt, T item);
  }

  private static <T> Listing listing(
      Stream<T> stream, java.util.function.ToLongFunction<T> id, RowWriter<T> writer) {
    List<T> items;
    try (stream) {
      items = new ArrayList<>(stream.toList());
    }
    List<Long> ids = items.stream().map(id::applyAsLong).toList();
    return new Listing() {
      @Override
      public List<Long> ids() {
        return ids;
      }

      @Override
      public void write(Handle h, MirrorStore mirror, UUID tenant, Instant readAt) {
        for (T item : items) {
          writer.write(h, mirror, tenant, readAt, item);
        }
      }
    };
  }
}
