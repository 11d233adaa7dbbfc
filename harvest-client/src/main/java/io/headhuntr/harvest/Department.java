package io.headhuntr.harvest;

import java.util.List;

/**
 * A Greenhouse department, in list form ({@code parent_id}, {@code child_ids}) or tree form ({@code
 * children}).
 */
public record Department(
    long id,
    String name,
    Long parentId,
    String parentDepartmentExternalId,
    List<Long> childIds,
    List<String> childDepartmentExternalIds,
    String externalId,
    List<Department> children) {
  public Department {
    childIds = Nulls.list(childIds);
    childDepartmentExternalIds = Nulls.list(childDepartmentExternalIds);
    children = Nulls.list(children);
  }
}
