package io.headhuntr.connector.users;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Matches platform users to rows of Greenhouse's user export by email, case-insensitively: the
 * primary email first, then secondary emails. An email found on several rows is ambiguous.
 */
public final class MappingMatcher {

  private MappingMatcher() {}

  private record Hit(ExportRow row, boolean primary) {}

  public static ImportPreview preview(List<PlatformUser> users, UserExport export) {
    Map<String, List<Hit>> byEmail = new LinkedHashMap<>();
    for (ExportRow row : export.rows()) {
      byEmail
          .computeIfAbsent(PlatformUsers.emailKey(row.email()), k -> new ArrayList<>())
          .add(new Hit(row, true));
      for (String other : row.secondaryEmails()) {
        String key = PlatformUsers.emailKey(other);
        if (!key.equals(PlatformUsers.emailKey(row.email()))) {
          byEmail.computeIfAbsent(key, k -> new ArrayList<>()).add(new Hit(row, false));
        }
      }
    }
    Map<String, PlatformUser> usersByEmail =
        users.stream()
            .collect(
                Collectors.toMap(
                    u -> PlatformUsers.emailKey(u.email()),
                    u -> u,
                    (a, b) -> a,
                    LinkedHashMap::new));

    List<ImportPreview.Ambiguity> ambiguous = new ArrayList<>();
    byEmail.forEach(
        (email, hits) -> {
          if (hits.size() > 1) {
            ambiguous.add(ambiguity(email, hits, Optional.ofNullable(usersByEmail.get(email))));
          }
        });

    List<ImportPreview.Match> matched = new ArrayList<>();
    List<PlatformUser> unmatched = new ArrayList<>();
    for (PlatformUser user : users) {
      List<Hit> hits = byEmail.getOrDefault(PlatformUsers.emailKey(user.email()), List.of());
      if (hits.size() == 1) {
        Hit hit = hits.get(0);
        matched.add(
            new ImportPreview.Match(
                user.id(),
                user.email(),
                user.name(),
                hit.row().greenhouseUserId(),
                hit.row().name(),
                hit.primary() ? "primary_email" : "secondary_email",
                hit.row().row(),
                hit.row().disabled()));
      } else if (hits.isEmpty()) {
        unmatched.add(user);
      }
    }
    List<ImportPreview.ProposedMapping> mappings =
        matched.stream()
            .filter(m -> !m.disabledInExport())
            .map(m -> new ImportPreview.ProposedMapping(m.platformUserId(), m.greenhouseUserId()))
            .toList();
    List<String> warnings = new ArrayList<>();
    if (users.isEmpty()) {
      warnings.add(
          "this tenant has no platform users yet: send them with PUT .../users, then import again");
    }
    matched.stream()
        .filter(ImportPreview.Match::disabledInExport)
        .map(
            m ->
                m.platformUserId()
                    + " matches row "
                    + m.row()
                    + " ("
                    + m.greenhouseName()
                    + "), which the export marks as disabled: not proposed; map this user to"
                    + " an active Greenhouse user")
        .forEach(warnings::add);
    return new ImportPreview(
        export.format(),
        export.sheet(),
        export.rows().size() + export.errors().size(),
        matched,
        unmatched,
        ambiguous,
        export.errors(),
        warnings,
        mappings);
  }

  private static ImportPreview.Ambiguity ambiguity(
      String email, List<Hit> hits, Optional<PlatformUser> user) {
    List<Long> ids = hits.stream().map(h -> h.row().greenhouseUserId()).distinct().toList();
    List<Integer> rows = hits.stream().map(h -> h.row().row()).distinct().toList();
    String where = rows.stream().map(String::valueOf).collect(Collectors.joining(", "));
    String message =
        ids.size() > 1
            ? "'"
                + email
                + "' belongs to "
                + ids.size()
                + " Greenhouse users (rows "
                + where
                + "): choose the right User ID by hand"
            : "'"
                + email
                + "' appears on rows "
                + where
                + " of the export: check the rows, then map the user by hand";
    return new ImportPreview.Ambiguity(
        email, user.map(PlatformUser::id).orElse(null), ids, rows, message);
  }
}
