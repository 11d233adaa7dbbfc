package io.headhuntr.connector.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Writes the OpenAPI 3.1 document of the route table. */
public final class OpenApiDocument {
  private static final Pattern PATH_PARAM = Pattern.compile("\\{([a-z_]+)}");

  private OpenApiDocument() {}

  public static Map<String, Object> of(List<Route> routes, String version) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.1.0");
    doc.put(
        "info",
        Map.of(
            "title",
            "Greenhouse Connector API",
            "version",
            version,
            "description",
            "Links Headhuntr.io to customers' Greenhouse Recruiting accounts. JSON in"
                + " snake_case; errors are application/problem+json naming the field at fault."));
    Map<String, Object> paths = new LinkedHashMap<>();
    for (Route route : routes) {
      @SuppressWarnings("unchecked")
      Map<String, Object> item =
          (Map<String, Object>) paths.computeIfAbsent(route.path(), p -> new LinkedHashMap<>());
      item.put(route.method().name().toLowerCase(Locale.ROOT), operation(route));
    }
    doc.put("paths", paths);
    doc.put(
        "components",
        Map.of(
            "schemas", ApiSchemas.all(),
            "securitySchemes",
                Map.of(
                    "bearer",
                    Map.of(
                        "type",
                        "http",
                        "scheme",
                        "bearer",
                        "description",
                        "the admin token, or a tenant API token"))));
    return doc;
  }

  private static Map<String, Object> operation(Route route) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("tags", List.of(route.tag()));
    op.put("summary", route.summary());
    op.put("operationId", operationId(route));
    List<Object> parameters = new ArrayList<>();
    Matcher m = PATH_PARAM.matcher(route.path());
    while (m.find()) {
      boolean uuid = m.group(1).equals("tenant_id") || m.group(1).equals("token_id");
      Map<String, Object> schema =
          uuid ? Map.of("type", "string", "format", "uuid") : Map.of("type", "string");
      parameters.add(Map.of("name", m.group(1), "in", "path", "required", true, "schema", schema));
    }
    if (!parameters.isEmpty()) {
      op.put("parameters", parameters);
    }
    route
        .requestSchema()
        .ifPresent(
            schema ->
                op.put(
                    "requestBody",
                    Map.of(
                        "required",
                        true,
                        "content",
                        Map.of("application/json", Map.of("schema", ApiSchemas.ref(schema))))));
    Map<String, Object> responses = new LinkedHashMap<>();
    Map<String, Object> success = new LinkedHashMap<>();
    success.put("description", route.status() == 204 ? "done, no body" : "success");
    route
        .responseSchema()
        .ifPresentOrElse(
            schema ->
                success.put(
                    "content",
                    Map.of(route.responseType(), Map.of("schema", ApiSchemas.ref(schema)))),
            () -> {
              if (route.status() != 204) {
                success.put(
                    "content",
                    Map.of(route.responseType(), Map.of("schema", Map.of("type", "string"))));
              }
            });
    responses.put(Integer.toString(route.status()), success);
    Map<String, Object> problem =
        Map.of(
            "description",
            "an error, as RFC 9457 problem details",
            "content",
            Map.of(ProblemMapper.CONTENT_TYPE, Map.of("schema", ApiSchemas.ref("Problem"))));
    responses.put("4XX", problem);
    responses.put("5XX", problem);
    op.put("responses", responses);
    if (route.access() != Access.PUBLIC) {
      op.put("security", List.of(Map.of("bearer", List.of())));
    }
    return op;
  }

  private static String operationId(Route route) {
    String words = route.path().replaceAll("[{}]", "").replaceAll("[^A-Za-z0-9]+", "_");
    return route.method().name().toLowerCase(Locale.ROOT) + words.replaceAll("_+$", "");
  }
}
