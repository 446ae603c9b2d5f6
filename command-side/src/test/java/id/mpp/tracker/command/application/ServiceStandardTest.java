package id.mpp.tracker.command.application;

import id.mpp.tracker.application.*;
import id.mpp.tracker.catalogue.AgencyCode;
import id.mpp.tracker.catalogue.Catalogue;
import id.mpp.tracker.catalogue.CatalogueReader;
import id.mpp.tracker.catalogue.MppCode;
import id.mpp.tracker.catalogue.ServiceCode;
import id.mpp.tracker.catalogue.ServiceStandard;
import id.mpp.tracker.command.application.DueDateCheck.Finding;
import id.mpp.tracker.privacy.PersonalDataVault;
import id.mpp.tracker.privacy.SealedApplicant;
import id.mpp.tracker.sla.DueDate;
import id.mpp.tracker.sla.Timeliness;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;

import static id.mpp.tracker.catalogue.ServiceStandard.DayUnit.CALENDAR_DAYS;
import static id.mpp.tracker.catalogue.ServiceStandard.DayUnit.WORKING_DAYS;
import static id.mpp.tracker.command.application.ShippedCalendars.SERVICE_CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

/**
 * The service clock of an application, driven through the fixture's simulated time: each command is handled at
 * the moment the test sets, as the officers, agencies and the due-date watch would send it. Expected due dates are
 * worked out by hand from the 2026 decree on holidays and cuti bersama.
 */
class ServiceStandardTest {

    private static final Catalogue CATALOGUE =
            CatalogueReader.read(ServiceStandardTest.class.getResourceAsStream("/catalogue/catalogue.yaml"), "test");
    private static final ApplicationId ID = ApplicationId.of("5d0f8a2e-41c3-4b7e-9f06-3c8e2a1b7d44");
    private static final Applicant APPLICANT = new Applicant(Nik.parse("3301015201900042"), "Siti Aminah", "081234567890", null);

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    private static final MppCode CILACAP = MppCode.of("KAB-CILACAP");
    private static final MppCode SEMARANG = MppCode.of("KOTA-SEMARANG");
    private static final MppCode BALIKPAPAN = MppCode.of("KOTA-BALIKPAPAN");
    private static final MppCode KUTAI_KARTANEGARA = MppCode.of("KAB-KUTAI-KARTANEGARA");
    /** 4 working days, Imigrasi. */
    private static final ServiceCode PASPOR = ServiceCode.of("IMIGRASI-PASPOR-BARU");
    /** 7 calendar days, land office (electronic mortgage registration). */
    private static final ServiceCode HAK_TANGGUNGAN = ServiceCode.of("BPN-HT-EL");
    /** 3 working days, a licence approved by law when its deadline passes. */
    private static final ServiceCode SLF = ServiceCode.of("DPMPTSP-SLF");
    /** 28 working days, approved by law too. */
    private static final ServiceCode PBG = ServiceCode.of("DPMPTSP-PBG");
    private static final AgencyCode IMIGRASI = AgencyCode.of("IMIGRASI");
    private static final AgencyCode DUKCAPIL = AgencyCode.of("DUKCAPIL");
    private static final AgencyCode DPMPTSP = AgencyCode.of("DPMPTSP");

    /** Monday 2 March 2026, 09:00 at an MPP on WIB. */
    private static final Instant MONDAY_2_MARCH = Instant.parse("2026-03-02T02:00:00Z");
    /** A passport verified that Monday is due by the end of Friday 6 March: Tuesday to Friday are four working days. */
    private static final DueDate PASPOR_DUE = new DueDate(LocalDate.parse("2026-03-06"), WIB, true);
    private static final Instant END_OF_FRIDAY_6_MARCH_WIB = Instant.parse("2026-03-06T17:00:00Z");

    private FixtureConfiguration<ServiceApplication> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ServiceApplication.class);
        fixture.registerInjectableResource(CATALOGUE);
        fixture.registerInjectableResource((TrackingNumberIssuer) id -> TrackingNumber.generate(new Random(5)));
        fixture.registerInjectableResource(new SealingVault());
        fixture.registerInjectableResource(SERVICE_CLOCK);
    }

    // --- when the clock starts and where it ends -------------------------------------------------------------------

    @Test
    void theClockStartsWhenTheFileIsVerifiedCompleteNotWhenItIsSubmitted() {
        fixture.givenCurrentTime(Instant.parse("2026-02-27T02:00:00Z"))
                .andGivenCommands(by(CILACAP, new SubmitApplication(ID, CILACAP, PASPOR, Channel.COUNTER, APPLICANT)))
                .andGivenCurrentTime(MONDAY_2_MARCH)
                .when(new VerifyApplication(ID, null), officer(CILACAP))
                .expectEvents(new ApplicationVerified(ID, new ServiceStandard(4, WORKING_DAYS), false, PASPOR_DUE),
                        new ApplicationRouted(ID, IMIGRASI));
    }

    @Test
    void workingDaysSkipTheNyepiAndLebaranHolidaysAndTheirCutiBersama() {
        // verified Monday 16 March: Tuesday 17 counts; 18-24 March are Nyepi, Idul Fitri and cuti bersama; then 25, 26, 27
        submittedAndVerified(CILACAP, PASPOR, Instant.parse("2026-03-16T02:00:00Z"))
                .when(new CheckDueDate(ID))
                .expectResultMessagePayload(new DueDateCheck(ID, Finding.NOT_YET_DUE,
                        new DueDate(LocalDate.parse("2026-03-27"), WIB, true).dueAt()));
    }

    @ParameterizedTest(name = "{0}: last day {1}")
    @CsvSource({"KAB-CILACAP, 2026-03-05, Asia/Jakarta", "KOTA-BALIKPAPAN, 2026-03-06, Asia/Makassar"})
    void theDayEndsAtMidnightAtTheMpp(String mpp, LocalDate lastDay, ZoneId zone) {
        // 16:30 UTC is still Monday 23:30 in WIB but already Tuesday 00:30 in WITA: the WITA count starts a day later
        var verifiedAt = Instant.parse("2026-03-02T16:30:00Z");
        var due = new DueDate(lastDay, zone, true);
        submittedAndVerified(MppCode.of(mpp), SLF, verifiedAt)
                .when(new CheckDueDate(ID))
                .expectResultMessagePayload(new DueDateCheck(ID, Finding.NOT_YET_DUE, due.dueAt()));
        assertThat(due.dueAtLocal().toLocalTime()).as("due at midnight, local time").hasToString("00:00");
    }

    @Test
    void calendarDayServicesCountHolidaysToo() {
        fixture.givenCurrentTime(Instant.parse("2026-03-16T02:00:00Z"))
                .andGivenCommands(by(SEMARANG, new SubmitApplication(ID, SEMARANG, HAK_TANGGUNGAN, Channel.COUNTER, APPLICANT)))
                .when(new VerifyApplication(ID, null), officer(SEMARANG))
                .expectEvents(new ApplicationVerified(ID, new ServiceStandard(7, CALENDAR_DAYS), false,
                                new DueDate(LocalDate.parse("2026-03-23"), WIB, true)),
                        new ApplicationRouted(ID, AgencyCode.of("BPN")));
    }

    @Test
    void aDueDateCountedIntoAYearWithoutAHolidayCalendarSaysSo() {
        fixture.givenCurrentTime(Instant.parse("2027-12-01T01:00:00Z"))
                .andGivenCommands(by(KUTAI_KARTANEGARA, new SubmitApplication(ID, KUTAI_KARTANEGARA, PBG, Channel.COUNTER, APPLICANT)))
                .when(new VerifyApplication(ID, null), officer(KUTAI_KARTANEGARA))
                .expectEventsMatching(payloadsMatching(
                        exactSequenceOf(
                                satisfies(ApplicationVerified.class, verified -> {
                                    assertThat(verified.due().lastDay()).isAfter(LocalDate.parse("2027-12-31"));
                                    assertThat(verified.due().calendarCertain()).as("2028 has no calendar").isFalse();
                                    assertThat(verified.deemedApproval()).isTrue();
                                }),
                                satisfies(ApplicationRouted.class, routed -> assertThat(routed.agencyCode()).isEqualTo(DPMPTSP)),
                                andNoMore())));
    }

    // --- breach ---------------------------------------------------------------------------------------------------

    @Test
    void beforeTheEndOfTheLastDayNothingIsDue() {
        passportInProcess()
                .andGivenCurrentTime(END_OF_FRIDAY_6_MARCH_WIB.minusSeconds(1))
                .when(new CheckDueDate(ID))
                .expectNoEvents()
                .expectResultMessagePayload(new DueDateCheck(ID, Finding.NOT_YET_DUE, END_OF_FRIDAY_6_MARCH_WIB));
    }

    @Test
    void atTheEndOfTheLastDayTheBreachIsRecorded() {
        passportInProcess()
                .andGivenCurrentTime(END_OF_FRIDAY_6_MARCH_WIB)
                .when(new CheckDueDate(ID))
                .expectEvents(new ServiceStandardBreached(ID, IMIGRASI, PASPOR_DUE))
                .expectResultMessagePayload(new DueDateCheck(ID, Finding.BREACHED, null));
    }

    @Test
    void aBreachIsRecordedOnlyOnce() {
        passportInProcess()
                .andGivenCurrentTime(END_OF_FRIDAY_6_MARCH_WIB)
                .andGivenCommands(new CheckDueDate(ID))
                .andGivenCurrentTime(END_OF_FRIDAY_6_MARCH_WIB.plus(Duration.ofDays(3)))
                .when(new CheckDueDate(ID))
                .expectNoEvents()
                .expectResultMessagePayload(new DueDateCheck(ID, Finding.NOTHING_DUE, null));
    }

    @Test
    void reroutingDoesNotRestartTheClock() {
        passportInProcess()
                .andGivenCurrentTime(Instant.parse("2026-03-05T02:00:00Z"))
                .andGivenCommands(by(CILACAP, IMIGRASI, new RerouteApplication(ID, null, DUKCAPIL, "Salah loket")))
                .andGivenCurrentTime(END_OF_FRIDAY_6_MARCH_WIB)
                .when(new CheckDueDate(ID))
                .expectEvents(new ServiceStandardBreached(ID, DUKCAPIL, PASPOR_DUE));
    }

    @Test
    void whileTheAgencyWaitsForTheCitizenTheClockStandsStill() {
        passportInProcess()
                .andGivenCurrentTime(Instant.parse("2026-03-04T02:00:00Z"))
                .andGivenCommands(by(CILACAP, IMIGRASI, new RequestDocuments(ID, null, List.of("Surat Rekomendasi"), "Paspor haji")))
                .andGivenCurrentTime(Instant.parse("2026-03-10T02:00:00Z"))
                .when(new CheckDueDate(ID))
                .expectNoEvents()
                .expectResultMessagePayload(new DueDateCheck(ID, Finding.NOTHING_DUE, null));
    }

    @Test
    void providingTheDocumentsMovesTheDueDateByTheWorkingDaysPausedAcrossLebaran() {
        // paused Wednesday 4 March with Thursday 5 and Friday 6 left; resumed Wednesday 25 March: due Friday 27 March
        passportInProcess()
                .andGivenCurrentTime(Instant.parse("2026-03-04T02:00:00Z"))
                .andGivenCommands(by(CILACAP, IMIGRASI, new RequestDocuments(ID, null, List.of("Surat Rekomendasi"), "Paspor haji")))
                .andGivenCurrentTime(Instant.parse("2026-03-25T02:00:00Z"))
                .when(new ProvideDocuments(ID, null, List.of("Surat Rekomendasi")), portal())
                .expectEvents(new DocumentsProvided(ID, List.of("Surat Rekomendasi"),
                        new DueDate(LocalDate.parse("2026-03-27"), WIB, true)));
    }

    @Test
    void aResumedClockFallsDueAtItsMovedDate() {
        var movedDue = new DueDate(LocalDate.parse("2026-03-27"), WIB, true);
        passportInProcess()
                .andGivenCurrentTime(Instant.parse("2026-03-04T02:00:00Z"))
                .andGivenCommands(by(CILACAP, IMIGRASI, new RequestDocuments(ID, null, List.of("Surat Rekomendasi"), "Paspor haji")))
                .andGivenCurrentTime(Instant.parse("2026-03-25T02:00:00Z"))
                .andGivenCommands(by(CILACAP, IMIGRASI, new ProvideDocuments(ID, null, List.of("Surat Rekomendasi"))))
                .andGivenCurrentTime(movedDue.dueAt())
                .when(new CheckDueDate(ID))
                .expectEvents(new ServiceStandardBreached(ID, IMIGRASI, movedDue));
    }

    @Test
    void aWithdrawnApplicationNeverFallsDue() {
        passportInProcess()
                .andGivenCommands(by(CILACAP, IMIGRASI, new WithdrawApplication(ID, null, "Tidak jadi berangkat")))
                .andGivenCurrentTime(END_OF_FRIDAY_6_MARCH_WIB.plus(Duration.ofDays(1)))
                .when(new CheckDueDate(ID))
                .expectNoEvents()
                .expectResultMessagePayload(new DueDateCheck(ID, Finding.NOTHING_DUE, null));
    }

    @Test
    void anApplicationVerifiedBeforeServiceClocksExistedNeverFallsDue() {
        fixture.givenCurrentTime(MONDAY_2_MARCH)
                .andGiven(new ApplicationSubmitted(ID, TrackingNumber.generate(new Random(5)), CILACAP, PASPOR, IMIGRASI,
                                Channel.COUNTER, new SealedApplicant("subject", "key", "sealed")),
                        new ApplicationVerified(ID, null, false, null), new ApplicationRouted(ID, IMIGRASI))
                .andGivenCurrentTime(END_OF_FRIDAY_6_MARCH_WIB.plus(Duration.ofDays(30)))
                .when(new CheckDueDate(ID))
                .expectNoEvents()
                .expectResultMessagePayload(new DueDateCheck(ID, Finding.NOTHING_DUE, null));
    }

    // --- deemed approval ------------------------------------------------------------------------------------------

    @Test
    void aLicenceWhoseDeadlinePassesIsApprovedByLawInsteadOfBreached() {
        // SLF at Cilacap verified Monday 2 March: Tuesday, Wednesday, Thursday; due at the end of Thursday 5 March
        var due = new DueDate(LocalDate.parse("2026-03-05"), WIB, true);
        submittedAndVerified(CILACAP, SLF, MONDAY_2_MARCH)
                .andGivenCurrentTime(due.dueAt())
                .when(new CheckDueDate(ID))
                .expectEvents(new ApplicationDeemedApproved(ID, DPMPTSP, due))
                .expectResultMessagePayload(new DueDateCheck(ID, Finding.DEEMED_APPROVED, null));
    }

    @Test
    void aLicenceApprovedByLawCanBeCollectedAndRated() {
        deemedApprovedSlf()
                .when(new CollectOutput(ID, null), officer(CILACAP))
                .expectEvents(new OutputCollected(ID));
        deemedApprovedSlf()
                .when(new RateService(ID, null, 4, "Izin terbit tepat waktu"), portal())
                .expectEvents(new ServiceRated(ID, 4, "Izin terbit tepat waktu"));
    }

    @Test
    void aLicenceApprovedByLawCannotBeRejectedAfterwards() {
        deemedApprovedSlf()
                .when(new RejectApplication(ID, null, "Terlambat ditolak"), agencySystem(DPMPTSP))
                .expectNoEvents()
                .expectException(CommandRefusedException.class);
    }

    // --- late decisions -------------------------------------------------------------------------------------------

    @Test
    void aDecisionWithinTheStandardIsOnTime() {
        passportInProcess()
                .andGivenCurrentTime(Instant.parse("2026-03-06T09:00:00Z"))
                .when(new CompleteApplication(ID, null, "X1234567"), agencySystem(IMIGRASI))
                .expectEvents(new ApplicationCompleted(ID, IMIGRASI, "X1234567",
                        new Timeliness(END_OF_FRIDAY_6_MARCH_WIB, 0, WORKING_DAYS)));
    }

    @Test
    void aDecisionAfterABreachRecordsHowManyWorkingDaysLateItCame() {
        // due Friday 6 March; decided Wednesday 11 March: Monday 9, Tuesday 10, Wednesday 11 late
        passportInProcess()
                .andGivenCurrentTime(END_OF_FRIDAY_6_MARCH_WIB)
                .andGivenCommands(new CheckDueDate(ID))
                .andGivenCurrentTime(Instant.parse("2026-03-11T02:00:00Z"))
                .when(new CompleteApplication(ID, null, "X1234567"), agencySystem(IMIGRASI))
                .expectEvents(new ApplicationCompleted(ID, IMIGRASI, "X1234567",
                        new Timeliness(END_OF_FRIDAY_6_MARCH_WIB, 3, WORKING_DAYS)));
    }

    @Test
    void aDecisionOnTheWeekendAfterAFridayDeadlineIsOneDayLate() {
        passportInProcess()
                .andGivenCurrentTime(Instant.parse("2026-03-07T03:00:00Z"))
                .when(new RejectApplication(ID, null, "Data tidak sesuai"), agencySystem(IMIGRASI))
                .expectEvents(new ApplicationRejected(ID, IMIGRASI, "Data tidak sesuai",
                        new Timeliness(END_OF_FRIDAY_6_MARCH_WIB, 1, WORKING_DAYS)));
    }

    @Test
    void aCalendarDayServiceIsLateByCalendarDays() {
        // verified Monday 16 March, due by the end of Monday 23 March (holidays count), decided Wednesday 25 March
        var due = new DueDate(LocalDate.parse("2026-03-23"), WIB, true);
        submittedAndVerified(SEMARANG, HAK_TANGGUNGAN, Instant.parse("2026-03-16T02:00:00Z"))
                .andGivenCurrentTime(Instant.parse("2026-03-25T02:00:00Z"))
                .when(new CompleteApplication(ID, null, "HT-001"), agencySystem(AgencyCode.of("BPN")))
                .expectEvents(new ApplicationCompleted(ID, AgencyCode.of("BPN"), "HT-001",
                        new Timeliness(due.dueAt(), 2, CALENDAR_DAYS)));
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    /** A passport application at Cilacap verified on Monday 2 March and taken up by Imigrasi. */
    private TestExecutor<ServiceApplication> passportInProcess() {
        return submittedAndVerified(CILACAP, PASPOR, MONDAY_2_MARCH);
    }

    private TestExecutor<ServiceApplication> deemedApprovedSlf() {
        return submittedAndVerified(CILACAP, SLF, MONDAY_2_MARCH)
                .andGivenCurrentTime(Instant.parse("2026-03-05T17:00:00Z"))
                .andGivenCommands(new CheckDueDate(ID));
    }

    /** Submitted an hour before {@code verifiedAt}, verified then, and taken up by the agency at once. */
    private TestExecutor<ServiceApplication> submittedAndVerified(MppCode mpp, ServiceCode service, Instant verifiedAt) {
        AgencyCode agency = CATALOGUE.service(service).orElseThrow().agency();
        return fixture.givenCurrentTime(verifiedAt.minus(Duration.ofHours(1)))
                .andGivenCommands(by(mpp, new SubmitApplication(ID, mpp, service, Channel.COUNTER, APPLICANT)))
                .andGivenCurrentTime(verifiedAt)
                .andGivenCommands(by(mpp, agency, new VerifyApplication(ID, null)),
                        by(mpp, agency, new StartProcessing(ID, null)));
    }

    private static CommandMessage<?> by(MppCode mpp, Object command) {
        return by(mpp, null, command);
    }

    /** The command as its rightful sender sends it, for an application at {@code mpp} routed to {@code agency}. */
    private static CommandMessage<?> by(MppCode mpp, AgencyCode agency, Object command) {
        return GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Actors.metaDataOf(new Actors(mpp, agency).rightfulFor(command)));
    }

    private static Map<String, ?> officer(MppCode mpp) {
        return Actors.metaDataOf(Actors.officerOf(mpp));
    }

    private static Map<String, ?> agencySystem(AgencyCode agency) {
        return Actors.metaDataOf(Actors.systemOf(agency));
    }

    private static Map<String, ?> portal() {
        return Actors.metaDataOf(Actors.PORTAL);
    }

    private static <T> Matcher<Object> satisfies(Class<T> type, Consumer<T> requirements) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                if (!type.isInstance(item)) {
                    return false;
                }
                requirements.accept(type.cast(item));
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + type.getSimpleName() + " meeting the test's requirements");
            }
        };
    }

    /** Seals without encryption: sealing is the vault's business, tested with it. */
    private static final class SealingVault implements PersonalDataVault {

        @Override
        public String dataSubjectId(Nik nik) {
            return "subject";
        }

        @Override
        public SealedApplicant seal(Applicant applicant) {
            return new SealedApplicant("subject", "key", "sealed");
        }

        @Override
        public Optional<Applicant> open(SealedApplicant sealed) {
            return Optional.of(APPLICANT);
        }

        @Override
        public Optional<String> currentKeyId(String dataSubjectId) {
            return Optional.of("key");
        }

        @Override
        public void shred(String dataSubjectId, String keyId) {
        }
    }
}
