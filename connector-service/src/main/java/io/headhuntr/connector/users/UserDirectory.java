package io.headhuntr.connector.users;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.connector.api.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * A tenant's platform users and their Greenhouse user ids: replacing the user set, previewing an
 * import of Greenhouse's user export, saving a reviewed mapping after verifying every id, and
 * re-verifying what is stored.
 */
public final class UserDirectory {

  private final PlatformUsers users;
  private final UserMappings mappings;
  private final Clock clock;

  public UserDirectory(Jdbi jdbi, Clock clock) {
    this.users = new PlatformUsers(jdbi);
    this.mappings = new UserMappings(jdbi);
    this.clock = clock;
  }

  /** Validates the whole set first; on any error nothing is saved. */
  public List<PlatformUser> replaceUsers(UUID tenantId, JsonNode body) {
    List<PlatformUser> parsed = PlatformUserInput.parse(body);
    users.replace(tenantId, parsed);
    return users.list(tenantId);
  }

  public List<PlatformUser> users(UUID tenantId) {
    return users.list(tenantId);
  }

  /** Reads an export and matches it against the tenant's users; saves nothing. */
  public ImportPreview preview(UUID tenantId, byte[] file, String fileName) {
    UserExport export = UserExportParser.parse(SpreadsheetReader.read(file, fileName));
    return MappingMatcher.preview(users.list(tenantId), export);
  }

  /**
   * Verifies every given id and stores the mapping; an id Greenhouse does not have, or a
   * deactivated user, refuses the whole request (422) and nothing is saved. Without a Greenhouse
   * credential the ids are stored as {@code unverified}.
   */
  public List<UserMappingRow> saveMappings(
      UUID tenantId, JsonNode body, Optional<GreenhouseUserLookup> greenhouse) {
    Map<String, String> emails =
        users.list(tenantId).stream()
            .collect(Collectors.toMap(PlatformUser::id, u -> u.email() == null ? "" : u.email()));
    Set<String> known = emails.keySet();
    List<MappingInput.Row> rows = MappingInput.parse(body, known);
    List<MappingInput.Row> toMap =
        rows.stream().filter(r -> r.greenhouseUserId().isPresent()).toList();
    List<String> cleared =
        rows.stream()
            .filter(r -> r.greenhouseUserId().isEmpty())
            .map(MappingInput.Row::platformUserId)
            .toList();
    List<UserMappings.Checked> checked =
        check(
            tenantId,
            toMap.stream()
                .map(
                    r ->
                        new Wanted(
                            r.platformUserId(),
                            emails.get(r.platformUserId()),
                            r.greenhouseUserId().get()))
                .toList(),
            greenhouse);
    List<String> problems = new ArrayList<>();
    String firstField = null;
    for (int i = 0; i < checked.size(); i++) {
      UserMappings.Checked c = checked.get(i);
      if (c.status() == MappingStatus.NOT_FOUND || c.status() == MappingStatus.DISABLED) {
        String field = "mappings[" + toMap.get(i).index() + "].greenhouse_user_id";
        firstField = firstField == null ? field : firstField;
        problems.add(field + " (" + c.platformUserId() + "): " + c.message());
      }
    }
    if (!problems.isEmpty()) {
      throw ProblemException.invalid(
          firstField,
          String.join("; ", problems) + ". Nothing was saved: correct these ids and send again.");
    }
    mappings.save(tenantId, checked, cleared);
    return mappings.list(tenantId);
  }

  /**
   * Checks every stored mapping again (for example after a user was deactivated) and stores the
   * results; without a credential nothing is changed (409).
   */
  public List<UserMappingRow> reverify(UUID tenantId, Optional<GreenhouseUserLookup> greenhouse) {
    if (greenhouse.isEmpty()) {
      throw ProblemException.conflict(
          "no Greenhouse credential saved: save the Harvest API key, then verify again",
          List.of("no Greenhouse credential"));
    }
    List<Wanted> wanted =
        mappings.list(tenantId).stream()
            .filter(r -> r.greenhouseUserId() != null)
            .map(r -> new Wanted(r.platformUserId(), r.email(), r.greenhouseUserId()))
            .toList();
    mappings.save(tenantId, check(tenantId, wanted, greenhouse), List.of());
    return mappings.list(tenantId);
  }

  /**
   * An admin confirms that {@code platformUserId} may act as the Greenhouse user they are mapped to
   * although that user's email differs: the pair is checked against Greenhouse again and, when the
   * user exists and is active, stored as {@code verified} with the confirmation (kept until the
   * mapping or the Greenhouse user's email changes). 404 when the user has no mapping; 409 without
   * a credential, or when the pair cannot be used anyway (not found, deactivated).
   */
  public List<UserMappingRow> confirmMismatch(
      UUID tenantId, String platformUserId, Optional<GreenhouseUserLookup> greenhouse) {
    UserMappingRow row =
        mappings.list(tenantId).stream()
            .filter(r -> r.platformUserId().equals(platformUserId) && r.greenhouseUserId() != null)
            .findFirst()
            .orElseThrow(
                () ->
                    ProblemException.notFound(
                        "platform user '" + platformUserId + "' has no Greenhouse user mapped"));
    if (greenhouse.isEmpty()) {
      throw ProblemException.conflict(
          "no Greenhouse credential saved: save it, then confirm again",
          List.of("no Greenhouse credential"));
    }
    GreenhouseUserLookup.GreenhouseUser user =
        greenhouse.get().find(List.of(row.greenhouseUserId())).get(row.greenhouseUserId());
    if (user == null || user.disabled()) {
      String why =
          user == null
              ? "Greenhouse has no user with id " + row.greenhouseUserId()
              : "the Greenhouse user is deactivated";
      throw ProblemException.conflict(why + ": nothing to confirm; map another user", List.of(why));
    }
    mappings.confirm(tenantId, platformUserId, user.id(), user.email());
    Wanted wanted = new Wanted(platformUserId, row.email(), row.greenhouseUserId());
    mappings.save(tenantId, check(tenantId, List.of(wanted), greenhouse), List.of());
    return mappings.list(tenantId);
  }

  public List<UserMappingRow> mappings(UUID tenantId) {
    return mappings.list(tenantId);
  }

  public int verifiedMappedUsers(UUID tenantId) {
    return mappings.countVerified(tenantId);
  }

  private record Wanted(String platformUserId, String email, long greenhouseUserId) {}

  private List<UserMappings.Checked> check(
      UUID tenantId, List<Wanted> wanted, Optional<GreenhouseUserLookup> greenhouse) {
    if (greenhouse.isEmpty()) {
      return wanted.stream()
          .map(
              w ->
                  new UserMappings.Checked(
                      w.platformUserId(),
                      w.greenhouseUserId(),
                      MappingStatus.UNVERIFIED,
                      Optional.empty(),
                      "not verified: no Greenhouse credential saved yet"))
          .toList();
    }
    Map<Long, GreenhouseUserLookup.GreenhouseUser> found =
        greenhouse.get().find(wanted.stream().map(Wanted::greenhouseUserId).distinct().toList());
    Map<String, UserMappings.Confirmation> confirmed = mappings.confirmations(tenantId);
    Instant now = clock.instant();
    return wanted.stream()
        .map(
            w ->
                checked(
                    w,
                    found.get(w.greenhouseUserId()),
                    Optional.ofNullable(confirmed.get(w.platformUserId())),
                    now))
        .toList();
  }

  private static UserMappings.Checked checked(
      Wanted w,
      GreenhouseUserLookup.GreenhouseUser user,
      Optional<UserMappings.Confirmation> confirmation,
      Instant now) {
    if (user == null) {
      return new UserMappings.Checked(
          w.platformUserId(),
          w.greenhouseUserId(),
          MappingStatus.NOT_FOUND,
          Optional.of(now),
          "Greenhouse has no user with id "
              + w.greenhouseUserId()
              + ": check the User ID column of the export");
    }
    String who = user.name() + (user.email() == null ? "" : " <" + user.email() + ">");
    if (user.disabled()) {
      return new UserMappings.Checked(
          w.platformUserId(),
          w.greenhouseUserId(),
          MappingStatus.DISABLED,
          Optional.of(now),
          "Greenhouse user "
              + who
              + " is deactivated: Greenhouse refuses writes on their"
              + " behalf; reactivate them or map another user");
    }
    if (!sameEmail(w.email(), user.email())) {
      boolean confirmed =
          confirmation
              .filter(c -> c.greenhouseUserId() == user.id())
              .filter(c -> sameEmail(c.greenhouseEmail(), user.email()))
              .isPresent();
      if (confirmed) {
        return new UserMappings.Checked(
            w.platformUserId(),
            w.greenhouseUserId(),
            MappingStatus.VERIFIED,
            Optional.of(now),
            "Greenhouse user "
                + who
                + " (an admin confirmed this pair although the platform user's email is "
                + w.email()
                + ")");
      }
      return new UserMappings.Checked(
          w.platformUserId(),
          w.greenhouseUserId(),
          MappingStatus.EMAIL_MISMATCH,
          Optional.of(now),
          "Greenhouse user "
              + who
              + " has another email than the platform user ("
              + w.email()
              + "): pushes would be written as them. Map the right Greenhouse user, or have an"
              + " admin confirm this pair (POST .../user-mappings/"
              + w.platformUserId()
              + "/confirm with the admin token)");
    }
    return new UserMappings.Checked(
        w.platformUserId(),
        w.greenhouseUserId(),
        MappingStatus.VERIFIED,
        Optional.of(now),
        "Greenhouse user " + who);
  }

  private static boolean sameEmail(String a, String b) {
    return a != null && b != null && a.strip().equalsIgnoreCase(b.strip());
  }
}
