package io.headhuntr.connector.api;

import io.headhuntr.connector.tenant.Activation;
import io.headhuntr.connector.tenant.NewTenant;
import io.headhuntr.connector.tenant.Tenant;
import io.headhuntr.connector.tenant.Tenants;
import io.javalin.http.Context;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** Tenants: create, list, read, activate, pause, resume. */
public final class TenantRoutes {
  private final Tenants tenants;
  private final Activation activation;
  private final Consumer<UUID> onCreate;

  /**
   * {@code onCreate} prepares what a new tenant needs elsewhere (its webhook endpoint and secret).
   */
  public TenantRoutes(Tenants tenants, Activation activation, Consumer<UUID> onCreate) {
    this.tenants = tenants;
    this.activation = activation;
    this.onCreate = onCreate;
  }

  public List<Route> routes() {
    String one = "/api/v1/tenants/{tenant_id}";
    return List.of(
        Route.post("/api/v1/tenants", Access.ADMIN, this::create)
            .doc("tenants", "Create a tenant (draft)")
            .accepts("NewTenant")
            .returns(201, "Tenant"),
        Route.get("/api/v1/tenants", Access.ADMIN, this::list)
            .doc("tenants", "List tenants")
            .returns(200, "TenantList"),
        Route.get(one, Access.TENANT, this::get)
            .doc("tenants", "Read a tenant")
            .returns(200, "Tenant"),
        Route.post(one + "/activate", Access.TENANT, this::activate)
            .doc("tenants", "Activate: 409 with the list of what is missing, else active")
            .returns(200, "ActivationResult"),
        Route.post(one + "/pause", Access.TENANT, this::pause)
            .doc("tenants", "Pause an active tenant")
            .returns(200, "Tenant"),
        Route.post(one + "/resume", Access.TENANT, this::resume)
            .doc("tenants", "Resume a paused tenant (checks again what activation checks)")
            .returns(200, "ActivationResult"));
  }

  void create(Context ctx) {
    RequestBody body = RequestBody.of(ctx);
    String name = body.requiredText("name");
    if (name.length() > 200) {
      throw ProblemException.invalid("name", "name must be at most 200 characters");
    }
    String email = body.requiredEmail("error_recipient_email");
    Optional<String> base = body.text("public_base_url").map(TenantRoutes::checkedBaseUrl);
    Tenant tenant = tenants.create(new NewTenant(name, email, base));
    onCreate.accept(tenant.tenantId());
    ctx.status(201).json(tenant);
  }

  void list(Context ctx) {
    ctx.json(tenants.list());
  }

  void get(Context ctx) {
    ctx.json(
        tenants.find(tenantId(ctx)).orElseThrow(() -> ProblemException.notFound("no such tenant")));
  }

  void activate(Context ctx) {
    ctx.json(activation.activate(tenantId(ctx)));
  }

  void pause(Context ctx) {
    ctx.json(activation.pause(tenantId(ctx)));
  }

  void resume(Context ctx) {
    ctx.json(activation.resume(tenantId(ctx)));
  }

  static UUID tenantId(Context ctx) {
    return UUID.fromString(ctx.pathParam("tenant_id"));
  }

  private static String checkedBaseUrl(String value) {
    try {
      URI uri = URI.create(value);
      if (uri.getScheme() == null
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
          || uri.getHost() == null) {
        throw new IllegalArgumentException();
      }
      return value.replaceAll("/+$", "");
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid(
          "public_base_url",
          "public_base_url must be an http(s) URL such as https://gh.example.com");
    }
  }
}
