package io.headhuntr.harvest;

import io.headhuntr.harvest.internal.HarvestTransport;
import java.util.Map;
import java.util.stream.Stream;

/** Departments ({@code /v1/departments}), flat (with parent and child ids) or as trees. */
public final class Departments {
  private final HarvestTransport transport;

  Departments(HarvestTransport transport) {
    this.transport = transport;
  }

  public Stream<Department> list() {
    return list(PageOptions.defaults());
  }

  public Stream<Department> list(PageOptions page) {
    return transport.list(
        "/v1/departments",
        page.query(Map.of()),
        page.perPage(),
        page.skipCount(),
        Department.class);
  }

  /** The top-level departments with nested {@code children} ({@code render_as=tree}). */
  public Stream<Department> listTrees() {
    return listTrees(PageOptions.defaults());
  }

  public Stream<Department> listTrees(PageOptions page) {
    return transport.list(
        "/v1/departments",
        page.query(Map.of("render_as", "tree")),
        page.perPage(),
        page.skipCount(),
        Department.class);
  }

  public Department get(long id) {
    return transport.get("/v1/departments/" + id, Map.of(), Department.class);
  }
}
