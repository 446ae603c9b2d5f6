package id.mpp.tracker.command.application.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Bodies of the lifecycle actions, one record per action that takes one. */
final class ActionRequests {

    private ActionRequests() {
    }

    record ReturnForCorrection(@NotBlank @Size(max = TextRules.REASON_MAX) String reason,
                               @Size(max = TextRules.DOCUMENTS_MAX) List<@NotBlank @Size(max = TextRules.DOCUMENT_MAX) String> missingDocuments) {
    }

    record Resubmit(@Size(max = TextRules.REASON_MAX) String note) {
    }

    record Reroute(@NotBlank @Size(max = 40) String toAgencyCode, @NotBlank @Size(max = TextRules.REASON_MAX) String reason) {
    }

    record RequestDocuments(@NotEmpty @Size(max = TextRules.DOCUMENTS_MAX) List<@NotBlank @Size(max = TextRules.DOCUMENT_MAX) String> documents,
                            @Size(max = TextRules.REASON_MAX) String reason) {
    }

    record ProvideDocuments(@NotEmpty @Size(max = TextRules.DOCUMENTS_MAX) List<@NotBlank @Size(max = TextRules.DOCUMENT_MAX) String> documents) {
    }

    record Complete(@Size(max = 100) String outputReference) {
    }

    record Reject(@NotBlank @Size(max = TextRules.REASON_MAX) String reason) {
    }

    record Withdraw(@Size(max = TextRules.REASON_MAX) String reason) {
    }

    record Rate(@NotNull @Min(1) @Max(4) Integer score, @Size(max = TextRules.REASON_MAX) String comment) {
    }
}
