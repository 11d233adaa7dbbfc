package io.headhuntr.harvest.v3;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A Greenhouse user ({@code GET /v3/users}); service users (integrations) have no e-mail and {@code
 * serviceUser} true.
 *
 * <p>Keys this client does not know are kept in {@code extras} and written back.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record User(
    long id,
    String name,
    String firstName,
    String lastName,
    String primaryEmail,
    String employeeId,
    boolean deactivated,
    boolean siteAdmin,
    boolean serviceUser,
    List<Long> officeIds,
    List<Long> departmentIds,
    Instant createdAt,
    Instant updatedAt,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {
  public User {
    officeIds = Nulls.list(officeIds);
    departmentIds = Nulls.list(departmentIds);
    extras = Nulls.map(extras);
  }
}
