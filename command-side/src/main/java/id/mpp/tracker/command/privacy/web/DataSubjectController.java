package id.mpp.tracker.command.privacy.web;

import id.mpp.tracker.application.Nik;
import id.mpp.tracker.command.application.web.CommandSender;
import id.mpp.tracker.command.privacy.EraseDataSubject;
import id.mpp.tracker.privacy.PersonalDataVault;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Erasure of a person's personal data (UU 27/2022), by an authorised officer. */
@RestController
@RequestMapping("/api/v1/data-subjects")
@Tag(name = "Personal data")
public class DataSubjectController {

    private final CommandSender sender;
    private final PersonalDataVault vault;

    DataSubjectController(CommandSender sender, PersonalDataVault vault) {
        this.sender = sender;
        this.vault = vault;
    }

    @PostMapping("/{nik}/erasure")
    @Operation(summary = "Erase a person's personal data: their key is shredded, every read model scrubbed")
    public Erased erase(@PathVariable String nik, @Valid @RequestBody ErasureRequest request) {
        String subject = vault.dataSubjectId(Nik.of(nik));
        sender.send(new EraseDataSubject(subject, request.reason()), null);
        return new Erased(subject, true);
    }

    public record ErasureRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    public record Erased(String dataSubjectId, boolean erased) {
    }
}
