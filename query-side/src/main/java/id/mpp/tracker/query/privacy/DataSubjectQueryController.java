package id.mpp.tracker.query.privacy;

import id.mpp.tracker.application.InvalidValueException;
import id.mpp.tracker.application.Nik;
import id.mpp.tracker.privacy.PersonalDataVault;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** "Who accessed my data": a person's access log, through an authorised officer. */
@RestController
@RequestMapping("/api/v1/data-subjects")
@Tag(name = "Personal data")
public class DataSubjectQueryController {

    private static final int MAX_PAGE_SIZE = 200;

    private final PersonalDataVault vault;
    private final PersonalDataAccessLog accessLog;

    DataSubjectQueryController(PersonalDataVault vault, PersonalDataAccessLog accessLog) {
        this.vault = vault;
        this.accessLog = accessLog;
    }

    @GetMapping("/{nik}/access-log")
    @Operation(summary = "Every read of a person's personal data: who, when, why, which application; newest first")
    public AccessLogPage accessLog(@PathVariable String nik, @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidValueException("size", "must be from 1 to " + MAX_PAGE_SIZE + ", with page 0 or more");
        }
        String subject = vault.dataSubjectId(Nik.of(nik));
        return new AccessLogPage(subject, accessLog.of(subject, page, size), page, size);
    }

    public record AccessLogPage(String dataSubjectId, List<PersonalDataAccessLog.Access> entries, int page, int size) {
    }
}
