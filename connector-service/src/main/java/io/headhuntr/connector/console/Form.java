package io.headhuntr.connector.console;

import io.headhuntr.connector.api.ProblemException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a person typed into one form and what was wrong with it. A refusal from a service (the same
 * {@link ProblemException} the API answers with) marks the field it names with its very words; one
 * that names no field is shown above the form. Values are kept so nothing typed is lost, except
 * secrets, which are never sent back to the browser.
 */
public final class Form {
  private final Map<String, String> values;
  private final Map<String, String> errors;
  private final Optional<String> general;

  private Form(Map<String, String> values, Map<String, String> errors, Optional<String> general) {
    this.values = Map.copyOf(values);
    this.errors = Map.copyOf(errors);
    this.general = general;
  }

  public static Form empty() {
    return new Form(Map.of(), Map.of(), Optional.empty());
  }

  /** The typed values, to show again. */
  public static Form of(Map<String, String> values) {
    return new Form(values, Map.of(), Optional.empty());
  }

  /** The typed values with the refusal marked on its field (or above the form). */
  public Form refused(ProblemException problem) {
    return refused(problem.field(), problem.detail());
  }

  /** The typed values with {@code message} on {@code field}, or above the form without one. */
  public Form refused(Optional<String> field, String message) {
    Map<String, String> marked = new LinkedHashMap<>(errors);
    if (field.isPresent() && !field.get().isBlank()) {
      marked.put(field.get(), message);
      return new Form(values, marked, general);
    }
    return new Form(values, marked, Optional.of(message));
  }

  public String value(String name) {
    return values.getOrDefault(name, "");
  }

  public boolean invalid(String name) {
    return errors.containsKey(name);
  }

  /** The message on {@code name}, or null (a template then leaves it out). */
  public String error(String name) {
    return errors.get(name);
  }

  public boolean hasErrors() {
    return !errors.isEmpty() || general.isPresent();
  }

  /** The message that names no field, if any. */
  public Optional<String> general() {
    return general;
  }

  /** Every field message, for fields the form has no input for. */
  public Map<String, String> errors() {
    return errors;
  }
}
