package io.headhuntr.harvest.v3;

import io.headhuntr.harvest.internal.V3Transport;

/** Departments ({@code GET /v3/departments}). */
public final class Departments extends ResourceReads<Department, CommonQuery> {
  Departments(V3Transport transport) {
    super(transport, "/v3/departments", Department.class, Department::id);
  }
}
