package io.headhuntr.connector.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.headhuntr.connector.api.Json;
import java.time.Duration;
import java.time.Instant;

/**
 * What one run of a push ended with, as {@link PushStore#save} writes it: the new status and step,
 * when to run again, the Greenhouse ids found or made, errors, warnings, the calls of this run, and
 * whether a write may have applied without an answer ({@code writeUncertain}), and whether this run
 * only looked and so does not count as an attempt ({@code lookOnly}).
 */
record PushProgress(
    String status,
    String step,
    Duration delay,
    boolean resetAttempts,
    String result,
    Long candidateId,
    Long applicationId,
    String error,
    JsonNode fieldErrors,
    JsonNode warnings,
    ArrayNode calls,
    boolean writeUncertain,
    boolean lookOnly,
    Instant decidesAt) {

  static PushProgress of(String status, String step, JsonNode warnings, ArrayNode calls) {
    return new PushProgress(
        status,
        step,
        Duration.ZERO,
        false,
        null,
        null,
        null,
        null,
        Json.mapper().createArrayNode(),
        warnings,
        calls,
        false,
        false,
        null);
  }

  PushProgress after(Duration value) {
    return new PushProgress(
        status,
        step,
        value,
        resetAttempts,
        result,
        candidateId,
        applicationId,
        error,
        fieldErrors,
        warnings,
        calls,
        writeUncertain,
        lookOnly,
        decidesAt);
  }

  PushProgress withIds(String newResult, Long candidate, Long application) {
    return new PushProgress(
        status,
        step,
        delay,
        resetAttempts,
        newResult,
        candidate,
        application,
        error,
        fieldErrors,
        warnings,
        calls,
        writeUncertain,
        lookOnly,
        decidesAt);
  }

  PushProgress withError(String message, JsonNode fields) {
    return new PushProgress(
        status,
        step,
        delay,
        resetAttempts,
        result,
        candidateId,
        applicationId,
        message,
        fields,
        warnings,
        calls,
        writeUncertain,
        lookOnly,
        decidesAt);
  }

  PushProgress uncertain(boolean value) {
    return new PushProgress(
        status,
        step,
        delay,
        resetAttempts,
        result,
        candidateId,
        applicationId,
        error,
        fieldErrors,
        warnings,
        calls,
        value,
        lookOnly,
        decidesAt);
  }

  PushProgress resettingAttempts() {
    return new PushProgress(
        status,
        step,
        delay,
        true,
        result,
        candidateId,
        applicationId,
        error,
        fieldErrors,
        warnings,
        calls,
        writeUncertain,
        lookOnly,
        decidesAt);
  }

  /**
   * A push waiting out the confirmation window: it decides at {@code at} (stops looking for the
   * person of an unanswered write and sends it again).
   */
  PushProgress decidingAt(Instant at) {
    return new PushProgress(
        status,
        step,
        delay,
        resetAttempts,
        result,
        candidateId,
        applicationId,
        error,
        fieldErrors,
        warnings,
        calls,
        writeUncertain,
        lookOnly,
        at);
  }

  /** A run that only looked (for the person of an unanswered write): not counted as an attempt. */
  PushProgress lookingOnly() {
    return new PushProgress(
        status,
        step,
        delay,
        resetAttempts,
        result,
        candidateId,
        applicationId,
        error,
        fieldErrors,
        warnings,
        calls,
        writeUncertain,
        true,
        decidesAt);
  }
}
