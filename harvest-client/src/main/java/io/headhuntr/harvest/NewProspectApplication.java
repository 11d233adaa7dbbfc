package io.headhuntr.harvest;

import java.util.List;

/**
 * The single, optional {@code application} object of a prospect create (no pool or stage: set those
 * later with an application PATCH).
 */
public record NewProspectApplication(
    List<Long> jobIds,
    Long sourceId,
    Referrer referrer,
    List<CustomFieldValue> customFields,
    List<NewAttachment> attachments) {}
