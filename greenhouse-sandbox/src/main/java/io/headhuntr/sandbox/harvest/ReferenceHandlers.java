package io.headhuntr.sandbox.harvest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.sandbox.http.HarvestError;
import io.headhuntr.sandbox.http.ListQuery;
import io.headhuntr.sandbox.http.Pages;
import io.headhuntr.sandbox.http.Respond;
import io.headhuntr.sandbox.json.Json;
import io.headhuntr.sandbox.json.OrgJson;
import io.headhuntr.sandbox.store.Account;
import io.headhuntr.sandbox.store.Department;
import io.headhuntr.sandbox.store.Lookup;
import io.headhuntr.sandbox.store.ProspectPool;
import io.headhuntr.sandbox.store.User;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Harvest reads of users, departments, sources, prospect pools, degrees, disciplines and schools.
 */
public final class ReferenceHandlers {
  private final Account account;
  private final Pages pages;

  public ReferenceHandlers(Account account, Pages pages) {
    this.account = account;
    this.pages = pages;
  }

  /**
   * GET /v1/users: email (primary or secondary, case-insensitive), employee_id, created/updated.
   */
  public void listUsers(Context ctx) {
    ListQuery q = new ListQuery(ctx);
    boolean attributes = "true".equals(q.text("user_attributes"));
    String email = q.text("email");
    String employeeId = q.text("employee_id");
    ListQuery.TimeRange created = q.range("created");
    ListQuery.TimeRange updated = q.range("updated");
    account.read(
        () -> {
          Pages.Page<User> page =
              Pages.select(
                  q,
                  account.users.values(),
                  u ->
                      !u.serviceUser // v1 had no service users
                          && (email == null
                              || u.primaryEmail.equalsIgnoreCase(email)
                              || u.otherEmails.stream().anyMatch(e -> e.equalsIgnoreCase(email)))
                          && (employeeId == null || employeeId.equals(u.employeeId))
                          && created.contains(u.createdAt)
                          && updated.contains(u.updatedAt));
          OrgJson org = new OrgJson(account);
          pages.answer(q, page, u -> withAttributes(org.user(u), attributes));
          return null;
        });
  }

  /**
   * With {@code user_attributes=true} users carry (empty) custom_fields and keyed_custom_fields.
   */
  private static ObjectNode withAttributes(ObjectNode user, boolean attributes) {
    if (attributes) {
      user.putObject("custom_fields");
      user.putObject("keyed_custom_fields");
    }
    return user;
  }

  public void getUser(Context ctx) {
    long id = Respond.pathId(ctx, "id");
    boolean attributes = "true".equals(ctx.queryParam("user_attributes"));
    account.read(
        () -> {
          User u = account.users.get(id);
          if (u == null || u.serviceUser) {
            throw HarvestError.notFound();
          }
          Respond.ok(ctx, withAttributes(new OrgJson(account).user(u), attributes));
          return null;
        });
  }

  /** GET /v1/departments: render_as list (default) or tree, external_id. */
  public void listDepartments(Context ctx) {
    ListQuery q = new ListQuery(ctx);
    boolean tree = "tree".equals(q.text("render_as"));
    String externalId = q.text("external_id");
    account.read(
        () -> {
          OrgJson org = new OrgJson(account);
          Pages.Page<Department> page =
              Pages.select(
                  q,
                  account.departments.values(),
                  d ->
                      (externalId == null || externalId.equals(d.externalId()))
                          && (!tree || d.parentId() == 0));
          pages.answer(q, page, d -> tree ? org.departmentTree(d) : org.department(d, true));
          return null;
        });
  }

  public void getDepartment(Context ctx) {
    long id = Respond.pathId(ctx, "id");
    boolean tree = "tree".equals(ctx.queryParam("render_as"));
    account.read(
        () -> {
          Department d = account.departments.get(id);
          if (d == null) {
            throw HarvestError.notFound();
          }
          OrgJson org = new OrgJson(account);
          Respond.ok(ctx, tree ? org.departmentTree(d) : org.department(d, true));
          return null;
        });
  }

  public void listSources(Context ctx) {
    ListQuery q = new ListQuery(ctx);
    account.read(
        () -> {
          pages.answer(q, Pages.select(q, account.sources.values(), s -> true), OrgJson::source);
          return null;
        });
  }

  public void listProspectPools(Context ctx) {
    ListQuery q = new ListQuery(ctx);
    account.read(
        () -> {
          Pages.Page<ProspectPool> page =
              Pages.select(q, account.prospectPools.values(), p -> true);
          pages.answer(q, page, OrgJson::prospectPool);
          return null;
        });
  }

  public void getProspectPool(Context ctx) {
    long id = Respond.pathId(ctx, "id");
    account.read(
        () -> {
          ProspectPool p = account.prospectPools.get(id);
          if (p == null) {
            throw HarvestError.notFound();
          }
          Respond.ok(ctx, OrgJson.prospectPool(p));
          return null;
        });
  }

  public void listDegrees(Context ctx) {
    lookups(ctx, account.degrees);
  }

  public void listDisciplines(Context ctx) {
    lookups(ctx, account.disciplines);
  }

  public void listSchools(Context ctx) {
    lookups(ctx, account.schools);
  }

  /** Documented without paging: the whole list, sorted by priority. */
  private void lookups(Context ctx, Map<Long, Lookup> rows) {
    account.read(
        () -> {
          List<Lookup> sorted = new ArrayList<>(rows.values());
          sorted.sort(Comparator.comparingInt(Lookup::priority));
          ArrayNode array = Json.array();
          sorted.forEach(l -> array.add(OrgJson.lookup(l)));
          Respond.ok(ctx, array);
          return null;
        });
  }

  /** Admin: DELETE /sandbox/sources/{id}. */
  public void deleteSource(Context ctx) {
    long id = Respond.pathId(ctx, "id");
    removeOrNotFound(ctx, account.sources, id);
  }

  /** Admin: DELETE /sandbox/departments/{id}. */
  public void deleteDepartment(Context ctx) {
    long id = Respond.pathId(ctx, "id");
    removeOrNotFound(ctx, account.departments, id);
  }

  /** Admin: DELETE /sandbox/users/{id}. */
  public void deleteUser(Context ctx) {
    long id = Respond.pathId(ctx, "id");
    removeOrNotFound(ctx, account.users, id);
  }

  private <T> void removeOrNotFound(Context ctx, Map<Long, T> map, long id) {
    boolean removed = account.write(() -> map.remove(id) != null);
    if (!removed) {
      throw HarvestError.notFound();
    }
    ctx.status(204);
  }

  /** Admin: POST /sandbox/users/{id}/disable. */
  public void disableUser(Context ctx) {
    long id = Respond.pathId(ctx, "id");
    account.write(
        () -> {
          User u = account.users.get(id);
          if (u == null) {
            throw HarvestError.notFound();
          }
          u.disabled = true;
          u.updatedAt = account.now();
          Respond.ok(ctx, new OrgJson(account).user(u));
          return null;
        });
  }
}
