package io.headhuntr.connector.console;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What every console page shows around its content: the title, the assets, the CSRF token its forms
 * send back, and for a tenant's pages the wizard's steps with the state of each.
 */
public record Shell(
    String title, Assets assets, String csrf, boolean admin, Optional<Nav> nav, String current) {

  /** The tenant's wizard: its steps in order, then the health page. */
  public record Nav(UUID tenantId, String tenantName, String state, List<Step> steps) {
    public String base() {
      return "/console/t/" + tenantId;
    }
  }

  /**
   * One step of the guide: {@code state} is {@code done} or {@code todo}; {@code summary} says what
   * it has or still lacks, e.g. "9 of 14 webhooks pinged".
   */
  public record Step(
      String key, int number, String label, String href, String state, String summary) {
    public boolean done() {
      return state.equals("done");
    }
  }

  /** A page of no tenant (sign-in, the operator's tenant list). */
  static Shell plain(String title, Assets assets, String csrf, boolean admin) {
    return new Shell(title, assets, csrf, admin, Optional.empty(), "");
  }

  public boolean isCurrent(String key) {
    return current.equals(key);
  }
}
