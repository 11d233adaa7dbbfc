package io.headhuntr.sandbox.v3;

import java.util.Map;

/**
 * What a write body may hold at one place: the accepted fields of an object, the items of an array,
 * or a scalar of a kind. {@link V3Body} checks bodies against it (additionalProperties false at
 * every level).
 */
sealed interface Shape {

  /** A scalar's kind: an integer id, a string, a boolean, or anything (a free value). */
  enum Kind {
    ID,
    TEXT,
    BOOL,
    ANY
  }

  /** A scalar value of one kind; null is always accepted. */
  record Scalar(Kind kind) implements Shape {}

  /** A JSON object accepting exactly these fields. */
  record Fields(Map<String, Shape> fields) implements Shape {}

  /** A JSON object of free keys whose every value has this shape (e.g. extra headers). */
  record MapOf(Shape value) implements Shape {}

  /** A JSON array whose every item has this shape. */
  record ArrayOf(Shape item) implements Shape {}

  Shape ID = new Scalar(Kind.ID);
  Shape TEXT = new Scalar(Kind.TEXT);
  Shape BOOL = new Scalar(Kind.BOOL);
  Shape ANY = new Scalar(Kind.ANY);

  static Shape fields(Map<String, Shape> fields) {
    return new Fields(fields);
  }

  static Shape arrayOf(Shape item) {
    return new ArrayOf(item);
  }
}
