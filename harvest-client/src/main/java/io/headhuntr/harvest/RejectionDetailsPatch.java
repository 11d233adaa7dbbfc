package io.headhuntr.harvest;

import java.util.List;

/** Custom rejection-question answers to set on a rejected application. */
public record RejectionDetailsPatch(List<CustomFieldValue> customFields) {}
