package io.headhuntr.connector.credentials;

import java.util.Optional;

/**
 * One permission of the setup guide's table, with how to probe it without changing anything.
 *
 * @param group the guide's group (Greenhouse's heading in Manage Permissions)
 * @param name the permission exactly as Greenhouse labels it, e.g. {@code "POST: Add Candidate"}
 * @param required whether activation needs it (see SETUP-GUIDE.md, "Reading of the flags")
 * @param limits what does not work while it is missing
 * @param method the probe's HTTP method
 * @param path the probe's path and query; writes target id 0 (which never exists) or send an
 *     invalid body, so a granted permission answers 404 or 422 and nothing is created
 * @param body the probe's body for writes
 */
public record GuidePermission(
    String group,
    String name,
    boolean required,
    String limits,
    String method,
    String path,
    Optional<String> body) {

  /** What the customer ticks in Greenhouse, e.g. {@code "Candidates > POST: Add Candidate"}. */
  public String tick() {
    return group + " > " + name;
  }

  public boolean isWrite() {
    return !method.equals("GET");
  }

  static GuidePermission read(
      String group, String name, boolean required, String limits, String path) {
    return new GuidePermission(group, name, required, limits, "GET", path, Optional.empty());
  }

  static GuidePermission write(
      String group, String name, String limits, String method, String path, String body) {
    return new GuidePermission(group, name, true, limits, method, path, Optional.of(body));
  }
}
