package io.headhuntr.connector.greenhouse;

import java.util.Optional;

/** One thing Greenhouse refused in a write: the field it named (if any) and why. */
public record FieldProblem(Optional<String> field, String message) {}
