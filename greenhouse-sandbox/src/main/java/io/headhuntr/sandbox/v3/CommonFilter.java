package io.headhuntr.sandbox.v3;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The filters every v3 list takes: {@code ids}, {@code created_at}, {@code updated_at}. */
record CommonFilter(Set<Long> ids, TimeFilter created, TimeFilter updated) {

  static CommonFilter of(V3Query q) {
    List<Long> ids = q.ids("ids");
    return new CommonFilter(
        ids == null ? null : new HashSet<>(ids), q.time("created_at"), q.time("updated_at"));
  }

  boolean test(long id, long createdAt, long updatedAt) {
    return (ids == null || ids.contains(id)) && created.test(createdAt) && updated.test(updatedAt);
  }
}
