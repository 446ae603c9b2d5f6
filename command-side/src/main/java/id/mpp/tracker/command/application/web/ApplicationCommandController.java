package id.mpp.tracker.command.application.web;

import id.mpp.tracker.application.Applicant;
import id.mpp.tracker.application.ApplicationId;
import id.mpp.tracker.application.InvalidValueException;
import id.mpp.tracker.application.Nik;
import id.mpp.tracker.catalogue.AgencyCode;
import id.mpp.tracker.catalogue.MppCode;
import id.mpp.tracker.catalogue.ServiceCode;
import id.mpp.tracker.command.application.*;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The command API: submit an application, then move it through its lifecycle. */
@RestController
@RequestMapping("/api/v1/applications")
@Tag(name = "Application commands")
public class ApplicationCommandController {

    private final CommandSender sender;

    public ApplicationCommandController(CommandSender sender) {
        this.sender = sender;
    }

    @PostMapping
    @Operation(summary = "Submit a citizen's application for a service at an MPP")
    public ResponseEntity<SubmissionReceiptResponse> submit(@Valid @RequestBody SubmitRequest request) {
        var applicant = new Applicant(parseNik(request.applicant().nik()), request.applicant().name().strip(),
                blankToNull(request.applicant().phone()), blankToNull(request.applicant().email()));
        var command = new SubmitApplication(ApplicationId.random(), code("mppCode", request.mppCode(), MppCode::new),
                code("serviceCode", request.serviceCode(), ServiceCode::new), request.channel(), applicant);
        SubmissionReceipt receipt = sender.send(command, request.channel().name());
        return ResponseEntity.created(URI.create("/api/v1/applications/" + receipt.applicationId()))
                .eTag(eTag(receipt.version()))
                .body(new SubmissionReceiptResponse(receipt.applicationId().value(), receipt.trackingNumber().value(),
                        receipt.status().name(), receipt.version()));
    }

    @PostMapping("/{id}/return-for-correction")
    @Operation(summary = "Hand an incomplete file back to the citizen")
    public ResponseEntity<OutcomeResponse> returnForCorrection(@PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                               @Valid @RequestBody ActionRequests.ReturnForCorrection body) {
        return act(new ReturnForCorrection(ApplicationId.parse(id), IfMatch.version(ifMatch), body.reason(),
                body.missingDocuments() == null ? List.of() : body.missingDocuments()));
    }

    @PostMapping("/{id}/resubmit")
    @Operation(summary = "Take in the citizen's corrected file")
    public ResponseEntity<OutcomeResponse> resubmit(@PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                    @Valid @RequestBody(required = false) ActionRequests.Resubmit body) {
        return act(new ResubmitApplication(ApplicationId.parse(id), IfMatch.version(ifMatch), body == null ? null : body.note()));
    }

    @PostMapping("/{id}/verify")
    @Operation(summary = "Declare the file complete; routes it to the agency that handles the service")
    public ResponseEntity<OutcomeResponse> verify(@PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return act(new VerifyApplication(ApplicationId.parse(id), IfMatch.version(ifMatch)));
    }

    @PostMapping("/{id}/reroute")
    @Operation(summary = "Move the application to another agency")
    public ResponseEntity<OutcomeResponse> reroute(@PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                   @Valid @RequestBody ActionRequests.Reroute body) {
        return act(new RerouteApplication(ApplicationId.parse(id), IfMatch.version(ifMatch),
                code("toAgencyCode", body.toAgencyCode(), AgencyCode::new), body.reason()));
    }

    @PostMapping("/{id}/start-processing")
    @Operation(summary = "The agency takes the application up")
    public ResponseEntity<OutcomeResponse> startProcessing(@PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return act(new StartProcessing(ApplicationId.parse(id), IfMatch.version(ifMatch)));
    }

    @PostMapping("/{id}/request-documents")
    @Operation(summary = "The agency asks the citizen for more documents")
    public ResponseEntity<OutcomeResponse> requestDocuments(@PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                            @Valid @RequestBody ActionRequests.RequestDocuments body) {
        return act(new RequestDocuments(ApplicationId.parse(id), IfMatch.version(ifMatch), body.documents(), body.reason()));
    }

    @PostMapping("/{id}/provide-documents")
    @Operation(summary = "The citizen hands in the requested documents")
    public ResponseEntity<OutcomeResponse> provideDocuments(@PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                            @Valid @RequestBody ActionRequests.ProvideDocuments body) {
        return act(new ProvideDocuments(ApplicationId.parse(id), IfMatch.version(ifMatch), body.documents()));
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "The agency grants the service")
    public ResponseEntity<OutcomeResponse> complete(@PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                    @Valid @RequestBody(required = false) ActionRequests.Complete body) {
        return act(new CompleteApplication(ApplicationId.parse(id), IfMatch.version(ifMatch), body == null ? null : body.outputReference()));
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "The agency refuses the service, with its reason")
    public ResponseEntity<OutcomeResponse> reject(@PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                  @Valid @RequestBody ActionRequests.Reject body) {
        return act(new RejectApplication(ApplicationId.parse(id), IfMatch.version(ifMatch), body.reason()));
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "The citizen withdraws the application before a decision")
    public ResponseEntity<OutcomeResponse> withdraw(@PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                    @Valid @RequestBody(required = false) ActionRequests.Withdraw body) {
        return act(new WithdrawApplication(ApplicationId.parse(id), IfMatch.version(ifMatch), body == null ? null : body.reason()));
    }

    @PostMapping("/{id}/collect")
    @Operation(summary = "The citizen collects the output")
    public ResponseEntity<OutcomeResponse> collect(@PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return act(new CollectOutput(ApplicationId.parse(id), IfMatch.version(ifMatch)));
    }

    @PostMapping("/{id}/rate")
    @Operation(summary = "The citizen rates the service once, on the SKM scale 1-4")
    public ResponseEntity<OutcomeResponse> rate(@PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                @Valid @RequestBody ActionRequests.Rate body) {
        return act(new RateService(ApplicationId.parse(id), IfMatch.version(ifMatch), body.score(), body.comment()));
    }

    private ResponseEntity<OutcomeResponse> act(Object command) {
        CommandOutcome outcome = sender.send(command, null);
        return ResponseEntity.ok().eTag(eTag(outcome.version()))
                .body(new OutcomeResponse(outcome.applicationId().value(), outcome.status().name(), outcome.version()));
    }

    private static String eTag(long version) {
        return "\"" + version + "\"";
    }

    private static Nik parseNik(String nik) {
        try {
            return Nik.parse(nik);
        } catch (InvalidValueException e) {
            throw new InvalidValueException("applicant.nik", e.getMessage().substring("nik ".length()));
        }
    }

    private static <C> C code(String field, String value, Function<String, C> constructor) {
        try {
            return constructor.apply(value.strip());
        } catch (InvalidValueException e) {
            throw new InvalidValueException(field, e.getMessage().substring(e.field().length() + 1));
        }
    }

    private static String blankToNull(String text) {
        return Optional.ofNullable(text).map(String::strip).filter(t -> !t.isEmpty()).orElse(null);
    }

    public record SubmissionReceiptResponse(String applicationId, String trackingNumber, String status, long version) {
    }

    public record OutcomeResponse(String applicationId, String status, long version) {
    }
}
