package io.headhuntr.harvest;

import java.util.List;

/** A Greenhouse office, as embedded in jobs and users. */
public record Office(
    long id,
    String name,
    OfficeLocation location,
    Long primaryContactUserId,
    Long parentId,
    String parentOfficeExternalId,
    List<Long> childIds,
    List<String> childOfficeExternalIds,
    String externalId) {
  public Office {
    childIds = Nulls.list(childIds);
    childOfficeExternalIds = Nulls.list(childOfficeExternalIds);
  }
}
