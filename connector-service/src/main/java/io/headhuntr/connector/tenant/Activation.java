package io.headhuntr.connector.tenant;

import io.headhuntr.connector.api.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Activation, pause and resume. A tenant goes live only when no check reports a problem (the
 * credential verifies, every required permission is granted, a user is mapped and verified);
 * otherwise a 409 lists every problem at once. Warnings (webhooks not pinged yet) never block.
 */
public final class Activation {
  /** One rule of activation: what it finds missing for a tenant (empty when satisfied). */
  @FunctionalInterface
  public interface Check {
    List<String> problems(UUID tenantId);
  }

  /** A tenant after activation or resume, with what is worth knowing but does not block. */
  public record Result(Tenant tenant, List<String> warnings) {}

  private final Tenants tenants;
  private final List<Check> blockers;
  private final Check warnings;
  private final List<TenantListener> listeners;

  public Activation(Tenants tenants, List<Check> blockers, Check warnings) {
    this(tenants, blockers, warnings, List.of());
  }

  /** {@code listeners} are told after each state change (in order, on the request thread). */
  public Activation(
      Tenants tenants, List<Check> blockers, Check warnings, List<TenantListener> listeners) {
    this.tenants = tenants;
    this.blockers = List.copyOf(blockers);
    this.warnings = warnings;
    this.listeners = List.copyOf(listeners);
  }

  public Result activate(UUID tenantId) {
    Tenant tenant = existing(tenantId);
    requireNoProblems(tenant, "cannot activate");
    Tenant active = tenants.setState(tenantId, TenantState.ACTIVE).orElseThrow();
    listeners.forEach(l -> l.activated(tenantId));
    return new Result(active, warnings.problems(tenantId));
  }

  public Tenant pause(UUID tenantId) {
    Tenant tenant = existing(tenantId);
    if (tenant.state() != TenantState.ACTIVE) {
      throw ProblemException.conflict(
          "only an active tenant can be paused; this one is " + tenant.state().wire(),
          List.of("tenant is " + tenant.state().wire()));
    }
    Tenant paused = tenants.setState(tenantId, TenantState.PAUSED).orElseThrow();
    listeners.forEach(l -> l.paused(tenantId));
    return paused;
  }

  /**
   * Resumes a paused tenant, checking again what activation checks (a key may have been revoked).
   */
  public Result resume(UUID tenantId) {
    Tenant tenant = existing(tenantId);
    if (tenant.state() != TenantState.PAUSED) {
      throw ProblemException.conflict(
          "only a paused tenant can be resumed; this one is " + tenant.state().wire(),
          List.of("tenant is " + tenant.state().wire()));
    }
    requireNoProblems(tenant, "cannot resume");
    Tenant active = tenants.setState(tenantId, TenantState.ACTIVE).orElseThrow();
    listeners.forEach(l -> l.resumed(tenantId));
    return new Result(active, warnings.problems(tenantId));
  }

  /**
   * What still blocks activation of the tenant, every check's findings in order; empty when it
   * could be activated now. Other capabilities use it to say what a draft tenant lacks.
   */
  public List<String> problems(UUID tenantId) {
    List<String> problems = new ArrayList<>();
    for (Check check : blockers) {
      problems.addAll(check.problems(tenantId));
    }
    return problems;
  }

  private void requireNoProblems(Tenant tenant, String what) {
    List<String> problems = problems(tenant.tenantId());
    if (!problems.isEmpty()) {
      throw ProblemException.conflict(
          what + ": " + problems.size() + " thing(s) missing", problems);
    }
  }

  private Tenant existing(UUID tenantId) {
    return tenants.find(tenantId).orElseThrow(() -> ProblemException.notFound("no such tenant"));
  }
}
