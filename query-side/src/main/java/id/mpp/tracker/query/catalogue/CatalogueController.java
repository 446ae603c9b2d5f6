package id.mpp.tracker.query.catalogue;

import id.mpp.tracker.catalogue.*;
import id.mpp.tracker.platform.catalogue.HolidayCalendars;
import id.mpp.tracker.platform.web.NotFoundException;
import id.mpp.tracker.sla.HolidayCalendar;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Optional;

/** The catalogue as loaded: MPPs, agencies and services with their standards. */
@RestController
@RequestMapping("/api/v1/catalogue")
@Tag(name = "Catalogue")
public class CatalogueController {

    private final Catalogue catalogue;
    private final HolidayCalendars calendars;

    CatalogueController(Catalogue catalogue, HolidayCalendars calendars) {
        this.catalogue = catalogue;
        this.calendars = calendars;
    }

    @GetMapping
    @Operation(summary = "Which catalogue version is loaded")
    public CatalogueInfo info() {
        return new CatalogueInfo(catalogue.version(), catalogue.description(), catalogue.mpps().size(),
                catalogue.agencies().size(), catalogue.services(Optional.empty(), Optional.empty()).size());
    }

    @GetMapping("/mpps")
    @Operation(summary = "All MPPs")
    public List<Mpp> mpps() {
        return catalogue.mpps();
    }

    @GetMapping("/mpps/{code}")
    @Operation(summary = "One MPP with the services it offers")
    public Mpp mpp(@PathVariable String code) {
        return catalogue.mpp(MppCode.of(code)).orElseThrow(() -> new NotFoundException("MPP " + code + " is not in the catalogue"));
    }

    @GetMapping("/agencies")
    @Operation(summary = "All agencies")
    public List<Agency> agencies() {
        return catalogue.agencies();
    }

    @GetMapping("/services")
    @Operation(summary = "Services, optionally only those offered at an MPP and/or handled by an agency")
    public List<Service> services(@RequestParam(required = false) String mppCode,
                                  @RequestParam(required = false) String agencyCode) {
        Optional<MppCode> mpp = Optional.ofNullable(mppCode).map(MppCode::of);
        Optional<AgencyCode> agency = Optional.ofNullable(agencyCode).map(AgencyCode::of);
        mpp.filter(code -> catalogue.mpp(code).isEmpty()).ifPresent(code -> {
            throw new NotFoundException("MPP " + code + " is not in the catalogue");
        });
        agency.filter(code -> catalogue.agency(code).isEmpty()).ifPresent(code -> {
            throw new NotFoundException("Agency " + code + " is not in the catalogue");
        });
        return catalogue.services(mpp, agency);
    }

    @GetMapping("/calendars")
    @Operation(summary = "The years for which a holiday calendar is loaded")
    public List<Integer> calendarYears() {
        return calendars.all().stream().map(HolidayCalendar::year).toList();
    }

    @GetMapping("/calendars/{year}")
    @Operation(summary = "One year's national holidays and cuti bersama, with the decree it follows")
    public HolidayCalendar calendar(@PathVariable int year) {
        return calendars.year(year).orElseThrow(() -> new NotFoundException("No holiday calendar is loaded for " + year));
    }

    public record CatalogueInfo(String version, String description, int mpps, int agencies, int services) {
    }
}
