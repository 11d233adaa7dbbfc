package io.headhuntr.connector.sync;

import io.headhuntr.connector.greenhouse.Greenhouse;
import io.headhuntr.connector.mirror.DepartmentRow;
import io.headhuntr.connector.mirror.MirrorStore;
import io.headhuntr.connector.mirror.ProspectPoolRow;
import io.headhuntr.connector.mirror.SourceRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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

  static Listing read(SyncResource resource, Greenhouse greenhouse) {
    return switch (resource) {
      case USERS ->
          listing(
              greenhouse.users(),
              u -> u.id(),
              (h, m, t, at, u) -> m.references().upsertUser(h, t, u));
      case DEPARTMENTS ->
          listing(
              greenhouse.departments(),
              d -> d.id(),
              (h, m, t, at, d) ->
                  m.references()
                      .upsertDepartment(
                          h,
                          t,
                          new DepartmentRow(
                              d.id(),
                              d.name(),
                              d.parentId().orElse(null),
                              d.externalId().orElse(null),
                              at,
                              null)));
      case SOURCES ->
          listing(
              greenhouse.sources(),
              s -> s.id(),
              (h, m, t, at, s) ->
                  m.references()
                      .upsertSource(h, t, new SourceRow(s.id(), s.name(), s.type(), at, null)));
      case PROSPECT_POOLS ->
          listing(
              greenhouse.prospectPools(),
              p -> p.id(),
              (h, m, t, at, p) ->
                  m.references()
                      .upsertProspectPool(
                          h,
                          t,
                          new ProspectPoolRow(p.id(), p.name(), p.active(), p.stages(), at, null)));
      case JOB_STAGES ->
          listing(
              greenhouse.jobStages(),
              s -> s.id(),
              (h, m, t, at, s) -> m.jobs().upsertStage(h, t, s));
      case JOB_POSTS ->
          listing(
              greenhouse.jobPosts(),
              p -> p.id(),
              (h, m, t, at, p) -> m.jobs().upsertJobPost(h, t, p));
      default -> throw new IllegalArgumentException(resource + " is not reference data");
    };
  }

  private interface RowWriter<T> {
    void write(Handle h, MirrorStore mirror, UUID tenant, Instant readAt, T item);
  }

  private static <T> Listing listing(
      List<T> read, java.util.function.ToLongFunction<T> id, RowWriter<T> writer) {
    List<T> items = new ArrayList<>(read);
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
