package io.headhuntr.harvest;

import java.time.Instant;
import java.util.Map;

/** Filters for {@code GET /v1/users}; e-mail matches a primary or secondary address. */
public record UserFilter(
    String email,
    String employeeId,
    Instant createdAfter,
    Instant createdBefore,
    Instant updatedAfter,
    Instant updatedBefore,
    boolean userAttributes) {

  public static UserFilter all() {
    return new UserFilter(null, null, null, null, null, null, false);
  }

  public static UserFilter byEmail(String email) {
    return all().withEmail(email);
  }

  public static UserFilter updatedAfter(Instant t) {
    return new UserFilter(null, null, null, null, t, null, false);
  }

  public UserFilter withEmail(String value) {
    return new UserFilter(
        value,
        employeeId,
        createdAfter,
        createdBefore,
        updatedAfter,
        updatedBefore,
        userAttributes);
  }

  /** Also return the users' custom fields ({@code user_attributes=true}). */
  public UserFilter withUserAttributes() {
    return new UserFilter(
        email, employeeId, createdAfter, createdBefore, updatedAfter, updatedBefore, true);
  }

  Map<String, String> query() {
    return new QueryParams()
        .put("email", email)
        .put("employee_id", employeeId)
        .put("created_after", createdAfter)
        .put("created_before", createdBefore)
        .put("updated_after", updatedAfter)
        .put("updated_before", updatedBefore)
        .put("user_attributes", userAttributes ? "true" : null)
        .toMap();
  }
}
