package id.mpp.tracker.command.application.web;

import id.mpp.tracker.application.Channel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /applications}. */
public record SubmitRequest(@NotBlank @Size(max = 40) String mppCode,
                            @NotBlank @Size(max = 40) String serviceCode,
                            @NotNull Channel channel,
                            @NotNull @Valid Applicant applicant) {

    public record Applicant(@NotBlank @Size(max = 16) String nik,
                            @NotBlank @Size(max = 100) @Pattern(regexp = TextRules.NAME, message = TextRules.NAME_MESSAGE) String name,
                            @Pattern(regexp = "\\+?[0-9]{8,15}", message = "must be 8 to 15 digits, optionally after +") String phone,
                            @Email @Size(max = 254) String email) {
    }
}
