package id.mpp.tracker.query.audit;

import id.mpp.tracker.application.ApplicationId;
import id.mpp.tracker.application.InvalidValueException;
import id.mpp.tracker.platform.web.Paging;
import id.mpp.tracker.query.audit.AnchorLog.Anchor;
import id.mpp.tracker.query.audit.ChainVerification.ChainReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** For auditors: do the stored events still hash to what was recorded, in the order recorded? */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit")
class ChainController {

    static final int DEFAULT_LIMIT = 100_000;
    static final int MAX_LIMIT = 1_000_000;

    private final ChainVerification verification;
    private final AnchorLog anchorLog;

    ChainController(ChainVerification verification, AnchorLog anchorLog) {
        this.verification = verification;
        this.anchorLog = anchorLog;
    }

    @GetMapping("/applications/{id}/verify")
    @Operation(summary = "Checks one application's whole chain of event hashes and reports the first break")
    ChainReport application(@PathVariable String id) {
        return verification.application(ApplicationId.parse(id));
    }

    @GetMapping("/verify")
    @Operation(summary = "Checks the events stored from 'from' (or after stream position 'after') to 'to' against "
            + "their hashes and chains, at most 'limit' events at a time; a report cut short says where to resume")
    ChainReport stretch(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
                        @RequestParam(required = false) Long after,
                        @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
        if (from != null && after != null) {
            throw new InvalidValueException("after", "cannot be given together with from: one says where to start");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidValueException("from", "must not be after to (" + to + ")");
        }
        if (after != null && after < 0) {
            throw new InvalidValueException("after", "must be a stream position, 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", "must be from 1 to " + MAX_LIMIT);
        }
        return verification.stretch(from == null ? null : from.toInstant(), after, to == null ? null : to.toInstant(), limit);
    }

    @GetMapping("/anchors")
    @Operation(summary = "The anchors sealed over the global stream, newest first: each one's stretch, rollup and own "
            + "hash, which chains it to the one before; keep the newest hash to compare with later")
    AnchorPage anchors(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        Paging.check(page, size, AuditController.MAX_PAGE_SIZE);
        List<Anchor> all = new ArrayList<>(anchorLog.all());
        Collections.reverse(all);
        List<Anchor> newestFirst = all.stream().skip((long) page * size).limit(size).toList();
        return new AnchorPage(all.size(), page, size, newestFirst);
    }

    record AnchorPage(long anchors, int page, int size, List<Anchor> items) {
    }
}
