package id.mpp.tracker.command.application;

import id.mpp.tracker.access.Actor;
import id.mpp.tracker.access.Role;
import id.mpp.tracker.application.*;
import id.mpp.tracker.privacy.PersonalDataVault;
import id.mpp.tracker.privacy.SealedApplicant;
import id.mpp.tracker.catalogue.AgencyCode;
import id.mpp.tracker.catalogue.Catalogue;
import id.mpp.tracker.catalogue.CatalogueReader;
import id.mpp.tracker.catalogue.MppCode;
import id.mpp.tracker.catalogue.Service;
import id.mpp.tracker.catalogue.ServiceCode;
import id.mpp.tracker.sla.DueDate;
import id.mpp.tracker.sla.Timeliness;
import id.mpp.tracker.command.application.Refusal.Kind;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static id.mpp.tracker.application.ApplicationStatus.*;
import static id.mpp.tracker.command.application.ShippedCalendars.SERVICE_CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ServiceApplicationTest {

    private static final Catalogue CATALOGUE =
            CatalogueReader.read(ServiceApplicationTest.class.getResourceAsStream("/catalogue/catalogue.yaml"), "test");

    private static final ApplicationId ID = ApplicationId.of("0b6c3f0e-8d1a-4c57-9a8e-2f1d5b7c9e01");
    private static final TrackingNumber NUMBER = TrackingNumber.generate(new Random(2022));
    private static final MppCode CILACAP = MppCode.of("KAB-CILACAP");
    private static final MppCode SURABAYA = MppCode.of("KOTA-SURABAYA");
    private static final MppCode TANJUNG_JABUNG_BARAT = MppCode.of("KAB-TANJUNG-JABUNG-BARAT");
    private static final ServiceCode PASPOR = ServiceCode.of("IMIGRASI-PASPOR-BARU");
    private static final AgencyCode IMIGRASI = AgencyCode.of("IMIGRASI");
    private static final AgencyCode DUKCAPIL = AgencyCode.of("DUKCAPIL");
    private static final Applicant APPLICANT = new Applicant(Nik.parse("3301015201900042"), "Siti Aminah", "081234567890", null);
    private static final SealedApplicant SEALED = new SealedApplicant("subject-of-siti", "key-1", "sealed-personal-data");
    /** Seals every applicant the same way: the sealing itself is the vault's business, tested with it. */
    private static final PersonalDataVault VAULT = new PersonalDataVault() {
        @Override
        public String dataSubjectId(Nik nik) {
            return SEALED.dataSubjectId();
        }

        @Override
        public SealedApplicant seal(Applicant applicant) {
            assertThat(applicant).isEqualTo(APPLICANT);
            return SEALED;
        }

        @Override
        public Optional<Applicant> open(SealedApplicant sealed) {
            return Optional.of(APPLICANT);
        }

        @Override
        public Optional<String> currentKeyId(String dataSubjectId) {
            return Optional.of(SEALED.keyId());
        }

        @Override
        public void shred(String dataSubjectId, String keyId) {
        }
    };

    private static final ApplicationSubmitted SUBMITTED_EVENT =
            new ApplicationSubmitted(ID, NUMBER, CILACAP, PASPOR, IMIGRASI, Channel.COUNTER, SEALED);
    private static final ApplicationReturnedForCorrection RETURNED_EVENT =
            new ApplicationReturnedForCorrection(ID, "Pas foto tidak sesuai", List.of("Pas Foto"));
    /** When every command of these tests is handled (a Monday, 09:00 at Cilacap), unless a test says otherwise. */
    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final Service PASPOR_SERVICE = CATALOGUE.service(PASPOR).orElseThrow();
    private static final DueDate DUE = SERVICE_CLOCK.due(NOW, ZoneId.of("Asia/Jakarta"), PASPOR_SERVICE.standard());
    private static final Timeliness ON_TIME = SERVICE_CLOCK.timeliness(DUE, NOW, PASPOR_SERVICE.standard().unit());
    private static final ApplicationVerified VERIFIED_EVENT =
            new ApplicationVerified(ID, PASPOR_SERVICE.standard(), PASPOR_SERVICE.deemedApproval(), DUE);
    private static final ApplicationRouted ROUTED_EVENT = new ApplicationRouted(ID, IMIGRASI);
    private static final ApplicationRerouted REROUTED_EVENT = new ApplicationRerouted(ID, IMIGRASI, DUKCAPIL, "Salah loket");
    private static final ProcessingStarted STARTED_EVENT = new ProcessingStarted(ID, IMIGRASI);
    private static final DocumentsRequested REQUESTED_EVENT =
            new DocumentsRequested(ID, List.of("Surat Rekomendasi Kemenag"), "Untuk paspor haji");
    private static final ApplicationCompleted COMPLETED_EVENT = new ApplicationCompleted(ID, IMIGRASI, "X1234567", ON_TIME);
    private static final ApplicationRejected REJECTED_EVENT = new ApplicationRejected(ID, IMIGRASI, "Data tidak sesuai", ON_TIME);
    private static final OutputCollected COLLECTED_EVENT = new OutputCollected(ID);
    private static final ApplicationWithdrawn WITHDRAWN_EVENT = new ApplicationWithdrawn(ID, "Tidak jadi berangkat");
    private static final ServiceRated RATED_EVENT = new ServiceRated(ID, 4, "Cepat");

    /** Who may act on the application of these tests: submitted at Cilacap, routed to Imigrasi once verified. */
    private static final Actors ACTORS = new Actors(CILACAP, IMIGRASI);

    private final RecordingIssuer issuer = new RecordingIssuer();
    private FixtureConfiguration<ServiceApplication> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ServiceApplication.class);
        fixture.registerInjectableResource(CATALOGUE);
        fixture.registerInjectableResource(issuer);
        fixture.registerInjectableResource(VAULT);
        fixture.registerInjectableResource(SERVICE_CLOCK);
        fixture.givenCurrentTime(NOW);
    }

    // --- submission ----------------------------------------------------------------------------------------------

    @Test
    void submittingRecordsTheApplicationForTheServicesAgencyAndHandsOutAReceipt() {
        var submit = new SubmitApplication(ID, CILACAP, PASPOR, Channel.COUNTER, APPLICANT);
        fixture.givenNoPriorActivity()
                .when(submit, byRightfulActor(submit))
                .expectEvents(SUBMITTED_EVENT)
                .expectResultMessagePayload(new SubmissionReceipt(ID, NUMBER, SUBMITTED, 0));
        assertThat(issuer.requests).containsExactly(ID);
    }

    static Stream<Arguments> refusedSubmissions() {
        return Stream.of(
                arguments("unknown MPP", MppCode.of("KOTA-ATLANTIS"), PASPOR,
                        Kind.UNKNOWN_CATALOGUE_ENTRY, Map.of("field", "mppCode")),
                arguments("unknown service", CILACAP, ServiceCode.of("IMIGRASI-VISA-MARS"),
                        Kind.UNKNOWN_CATALOGUE_ENTRY, Map.of("field", "serviceCode")),
                arguments("service not offered at the MPP", TANJUNG_JABUNG_BARAT, PASPOR, Kind.SERVICE_NOT_OFFERED,
                        Map.of("mppCode", TANJUNG_JABUNG_BARAT.value(), "serviceCode", PASPOR.value())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedSubmissions")
    void refusesASubmissionTheCatalogueDoesNotAllowWithoutClaimingANumber(String description, MppCode mpp, ServiceCode service,
                                                                          Kind kind, Map<String, Object> properties) {
        var submit = new SubmitApplication(ID, mpp, service, Channel.ONLINE, APPLICANT);
        fixture.givenNoPriorActivity()
                .when(submit, byRightfulActor(submit))
                .expectNoEvents()
                .expectException(refusedWith(r -> {
                    assertThat(r.kind()).isEqualTo(kind);
                    assertThat(r.properties()).isEqualTo(properties);
                }));
        assertThat(issuer.requests).isEmpty();
    }

    // --- transitions ---------------------------------------------------------------------------------------------

    @Test
    void returningForCorrectionHandsTheFileBack() {
        var returnIt = new ReturnForCorrection(ID, null, "Pas foto tidak sesuai", List.of("Pas Foto"));
        fixture.given(history(SUBMITTED))
                .when(returnIt, byRightfulActor(returnIt))
                .expectEvents(RETURNED_EVENT)
                .expectResultMessagePayload(new CommandOutcome(ID, RETURNED_FOR_CORRECTION, 1));
    }

    @Test
    void resubmittingTakesTheCorrectedFileIn() {
        var resubmit = new ResubmitApplication(ID, null, "Pas foto diganti");
        fixture.given(history(RETURNED_FOR_CORRECTION))
                .when(resubmit, byRightfulActor(resubmit))
                .expectEvents(new ApplicationResubmitted(ID, "Pas foto diganti"))
                .expectResultMessagePayload(new CommandOutcome(ID, SUBMITTED, 2));
    }

    @Test
    void verifyingRoutesTheApplicationToTheCataloguesAgency() {
        var verify = new VerifyApplication(ID, null);
        fixture.given(history(SUBMITTED))
                .when(verify, byRightfulActor(verify))
                .expectEvents(VERIFIED_EVENT, ROUTED_EVENT)
                .expectResultMessagePayload(new CommandOutcome(ID, ROUTED, 2));
    }

    @Test
    void aResubmittedApplicationCanBeVerified() {
        var verify = new VerifyApplication(ID, 2L);
        fixture.given(SUBMITTED_EVENT, RETURNED_EVENT, new ApplicationResubmitted(ID, null))
                .when(verify, byRightfulActor(verify))
                .expectEvents(VERIFIED_EVENT, ROUTED_EVENT)
                .expectResultMessagePayload(new CommandOutcome(ID, ROUTED, 4));
    }

    @Test
    void verifyingRoutesByTodaysCatalogueWhenTheServiceMovedToAnotherAgency() {
        var verify = new VerifyApplication(ID, null);
        fixture.given(new ApplicationSubmitted(ID, NUMBER, CILACAP, PASPOR, DUKCAPIL, Channel.COUNTER, SEALED))
                .when(verify, byRightfulActor(verify))
                .expectEvents(VERIFIED_EVENT, new ApplicationRouted(ID, IMIGRASI));
    }

    @Test
    void verifyingKeepsTheAgencyOfAServiceTheCatalogueNoLongerListsAndStartsNoClock() {
        var retired = ServiceCode.of("DISNAKER-KARTU-KUNING-LAMA");
        var disnaker = AgencyCode.of("DISNAKER");
        var verify = new VerifyApplication(ID, null);
        fixture.given(new ApplicationSubmitted(ID, NUMBER, CILACAP, retired, disnaker, Channel.COUNTER, SEALED))
                .when(verify, byRightfulActor(verify))
                .expectEvents(new ApplicationVerified(ID, null, false, null), new ApplicationRouted(ID, disnaker));
    }

    @ParameterizedTest
    @EnumSource(names = {"ROUTED", "IN_PROCESS"})
    void reroutingMovesTheApplicationToAnotherAgency(ApplicationStatus from) {
        List<Object> given = history(from);
        var reroute = new RerouteApplication(ID, null, DUKCAPIL, "Salah loket");
        fixture.given(given)
                .when(reroute, byRightfulActor(reroute))
                .expectEvents(REROUTED_EVENT)
                .expectResultMessagePayload(new CommandOutcome(ID, ROUTED, given.size()));
    }

    @Test
    void afterReroutingTheNewAgencyProcessesTheApplication() {
        fixture.given(history(ROUTED)).andGiven(REROUTED_EVENT)
                .when(new StartProcessing(ID, null), by(Actors.systemOf(DUKCAPIL)))
                .expectEvents(new ProcessingStarted(ID, DUKCAPIL));
    }

    @Test
    void reroutingToTheSameAgencyIsRefused() {
        var reroute = new RerouteApplication(ID, null, IMIGRASI, "Salah loket");
        fixture.given(history(ROUTED))
                .when(reroute, byRightfulActor(reroute))
                .expectNoEvents()
                .expectException(refusedWith(r -> {
                    assertThat(r.kind()).isEqualTo(Kind.RULE_VIOLATION);
                    assertThat(r.properties()).isEqualTo(Map.of("rule", "reroute-to-other-agency"));
                }));
    }

    @Test
    void reroutingToAnUnknownAgencyIsRefused() {
        var reroute = new RerouteApplication(ID, null, AgencyCode.of("KUA"), "Salah loket");
        fixture.given(history(IN_PROCESS))
                .when(reroute, byRightfulActor(reroute))
                .expectNoEvents()
                .expectException(refusedWith(r -> {
                    assertThat(r.kind()).isEqualTo(Kind.UNKNOWN_CATALOGUE_ENTRY);
                    assertThat(r.properties()).isEqualTo(Map.of("field", "toAgencyCode"));
                }));
    }

    @Test
    void theRoutedAgencyStartsProcessing() {
        var start = new StartProcessing(ID, null);
        fixture.given(history(ROUTED))
                .when(start, byRightfulActor(start))
                .expectEvents(STARTED_EVENT)
                .expectResultMessagePayload(new CommandOutcome(ID, IN_PROCESS, 3));
    }

    @Test
    void theAgencyRequestsDocuments() {
        var request = new RequestDocuments(ID, null, List.of("Surat Rekomendasi Kemenag"), "Untuk paspor haji");
        fixture.given(history(IN_PROCESS))
                .when(request, byRightfulActor(request))
                .expectEvents(REQUESTED_EVENT)
                .expectResultMessagePayload(new CommandOutcome(ID, AWAITING_DOCUMENTS, 4));
    }

    @Test
    void providingTheDocumentsResumesProcessing() {
        var provide = new ProvideDocuments(ID, null, List.of("Surat Rekomendasi Kemenag"));
        fixture.given(history(AWAITING_DOCUMENTS))
                .when(provide, byRightfulActor(provide))
                .expectEvents(new DocumentsProvided(ID, List.of("Surat Rekomendasi Kemenag"), DUE))
                .expectResultMessagePayload(new CommandOutcome(ID, IN_PROCESS, 5));
    }

    @Test
    void theAgencyCompletesTheApplication() {
        var complete = new CompleteApplication(ID, null, "X1234567");
        fixture.given(history(IN_PROCESS))
                .when(complete, byRightfulActor(complete))
                .expectEvents(COMPLETED_EVENT)
                .expectResultMessagePayload(new CommandOutcome(ID, COMPLETED, 4));
    }

    @Test
    void theAgencyRejectsTheApplication() {
        var reject = new RejectApplication(ID, null, "Data tidak sesuai");
        fixture.given(history(IN_PROCESS))
                .when(reject, byRightfulActor(reject))
                .expectEvents(REJECTED_EVENT)
                .expectResultMessagePayload(new CommandOutcome(ID, REJECTED, 4));
    }

    @ParameterizedTest
    @EnumSource(names = {"SUBMITTED", "RETURNED_FOR_CORRECTION", "ROUTED", "IN_PROCESS", "AWAITING_DOCUMENTS"})
    void theCitizenWithdrawsBeforeADecision(ApplicationStatus from) {
        List<Object> given = history(from);
        var withdraw = new WithdrawApplication(ID, null, "Tidak jadi berangkat");
        fixture.given(given)
                .when(withdraw, byRightfulActor(withdraw))
                .expectEvents(WITHDRAWN_EVENT)
                .expectResultMessagePayload(new CommandOutcome(ID, WITHDRAWN, given.size()));
    }

    @ParameterizedTest(name = "already rated: {0}")
    @ValueSource(booleans = {false, true})
    void theCitizenCollectsTheOutput(boolean rated) {
        List<Object> given = rated ? rated(COMPLETED) : history(COMPLETED);
        var collect = new CollectOutput(ID, null);
        fixture.given(given)
                .when(collect, byRightfulActor(collect))
                .expectEvents(COLLECTED_EVENT)
                .expectResultMessagePayload(new CommandOutcome(ID, COLLECTED, given.size()));
    }

    @ParameterizedTest
    @EnumSource(names = {"COMPLETED", "REJECTED", "COLLECTED"})
    void theCitizenRatesTheServiceAfterTheDecision(ApplicationStatus decided) {
        List<Object> given = history(decided);
        var rate = new RateService(ID, null, 4, "Cepat");
        fixture.given(given)
                .when(rate, byRightfulActor(rate))
                .expectEvents(RATED_EVENT)
                .expectResultMessagePayload(new CommandOutcome(ID, decided, given.size()));
    }

    // --- refusals ------------------------------------------------------------------------------------------------

    record State(ApplicationStatus status, boolean rated) {
        List<Object> history() {
            return rated ? ServiceApplicationTest.rated(status) : ServiceApplicationTest.history(status);
        }

        /** Whether an agency has been given the application: before that, no agency system may act on it. */
        boolean routed() {
            return status != SUBMITTED && status != RETURNED_FOR_CORRECTION && status != WITHDRAWN;
        }

        @Override
        public String toString() {
            return status + (rated ? " (rated)" : "");
        }
    }

    static Stream<State> states() {
        Stream<State> unrated = Arrays.stream(ApplicationStatus.values()).map(s -> new State(s, false));
        Stream<State> rated = Stream.of(COMPLETED, REJECTED, COLLECTED).map(s -> new State(s, true));
        return Stream.concat(unrated, rated);
    }

    static Stream<Arguments> actionsTheLifecycleDoesNotAllow() {
        return states().flatMap(state -> notAllowed(state).stream()
                // rating twice is refused as a rule violation, tested on its own
                .filter(action -> !(state.rated() && action == Action.RATE))
                // before routing no agency system has the right to act: see Authorization
                .filter(action -> state.routed() || !AGENCY_ACTIONS.contains(action))
                .map(action -> arguments(state, action)));
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @MethodSource("actionsTheLifecycleDoesNotAllow")
    void refusesWhatTheLifecycleDoesNotAllow(State state, Action action) {
        var command = command(action);
        fixture.given(state.history())
                .when(command, byRightfulActor(command))
                .expectNoEvents()
                .expectException(refusedWith(r -> assertIllegalTransition(r, state, action)));
    }

    @ParameterizedTest
    @EnumSource(names = {"START_PROCESSING", "REQUEST_DOCUMENTS", "COMPLETE", "REJECT"})
    void anApplicationWithdrawnAfterRoutingRefusesItsAgency(Action action) {
        var command = command(action);
        fixture.given(with(history(IN_PROCESS), WITHDRAWN_EVENT))
                .when(command, byRightfulActor(command))
                .expectNoEvents()
                .expectException(refusedWith(r -> assertIllegalTransition(r, new State(WITHDRAWN, false), action)));
    }

    @ParameterizedTest
    @EnumSource(names = {"COMPLETED", "REJECTED", "COLLECTED"})
    void theServiceIsRatedOnlyOnce(ApplicationStatus decided) {
        var rate = new RateService(ID, null, 3, "Sekali lagi");
        fixture.given(rated(decided))
                .when(rate, byRightfulActor(rate))
                .expectNoEvents()
                .expectException(refusedWith(r -> {
                    assertThat(r.kind()).isEqualTo(Kind.RULE_VIOLATION);
                    assertThat(r.properties()).isEqualTo(Map.of("rule", "rate-once"));
                }));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5, -1})
    void aScoreOutsideTheSkmScaleIsRefused(int score) {
        var rate = new RateService(ID, null, score, null);
        fixture.given(history(COMPLETED))
                .when(rate, byRightfulActor(rate))
                .expectNoEvents()
                .expectException(refusedWith(r -> {
                    assertThat(r.kind()).isEqualTo(Kind.INVALID_INPUT);
                    assertThat(r.properties()).isEqualTo(Map.of("field", "score"));
                }));
    }

    @Test
    void aStaleExpectedVersionIsRefused() {
        var start = new StartProcessing(ID, 1L);
        fixture.given(history(ROUTED))
                .when(start, byRightfulActor(start))
                .expectNoEvents()
                .expectException(refusedWith(r -> {
                    assertThat(r.kind()).isEqualTo(Kind.VERSION_MISMATCH);
                    assertThat(r.properties()).isEqualTo(Map.of("expectedVersion", 1L, "currentVersion", 2L));
                }));
    }

    @Test
    void theCurrentExpectedVersionIsAccepted() {
        var start = new StartProcessing(ID, 2L);
        fixture.given(history(ROUTED))
                .when(start, byRightfulActor(start))
                .expectEvents(STARTED_EVENT)
                .expectResultMessagePayload(new CommandOutcome(ID, IN_PROCESS, 3));
    }

    @Test
    void withoutTheInterceptorAnUnknownApplicationSurfacesAsAggregateNotFound() {
        var start = new StartProcessing(ID, null);
        fixture.givenNoPriorActivity()
                .when(start, byRightfulActor(start))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    // --- rights --------------------------------------------------------------------------------------------------

    /** Everyone who might send a command to the application of these tests (at Cilacap, routed to Imigrasi). */
    enum Caller {
        NOBODY(null),
        OFFICER_OF_THIS_MPP(Actors.officerOf(CILACAP)),
        OFFICER_OF_ANOTHER_MPP(Actors.officerOf(SURABAYA)),
        SYSTEM_OF_THE_ROUTED_AGENCY(Actors.systemOf(IMIGRASI)),
        SYSTEM_OF_ANOTHER_AGENCY(Actors.systemOf(DUKCAPIL)),
        DIGITAL_PORTAL(Actors.PORTAL),
        AUDITOR(Actors.AUDITOR),
        AUDITOR_OF_THIS_MPP(new Actor("auditor-kab-cilacap", Role.AUDITOR, CILACAP, null)),
        DASHBOARD_VIEWER(Actors.DASHBOARD_VIEWER),
        ADMIN(Actors.ADMIN);

        final Actor actor;

        Caller(Actor actor) {
            this.actor = actor;
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    @Nested
    class Authorization {

        /** Who holds the right to each action, written out apart from the code that enforces it. */
        static EnumSet<Caller> rightful(Action action) {
            return switch (action) {
                case RETURN_FOR_CORRECTION, VERIFY, REROUTE, COLLECT -> EnumSet.of(Caller.OFFICER_OF_THIS_MPP);
                case RESUBMIT -> EnumSet.of(Caller.OFFICER_OF_THIS_MPP, Caller.DIGITAL_PORTAL);
                case START_PROCESSING, REQUEST_DOCUMENTS, COMPLETE, REJECT -> EnumSet.of(Caller.SYSTEM_OF_THE_ROUTED_AGENCY);
                case PROVIDE_DOCUMENTS, WITHDRAW, RATE -> EnumSet.of(Caller.DIGITAL_PORTAL);
            };
        }

        /** Who a refusal names as the holder of the right to the action. */
        static String holder(Action action) {
            return switch (action) {
                case RETURN_FOR_CORRECTION, RESUBMIT, VERIFY, REROUTE, COLLECT -> CILACAP.value();
                case START_PROCESSING, REQUEST_DOCUMENTS, COMPLETE, REJECT -> IMIGRASI.value();
                case PROVIDE_DOCUMENTS, WITHDRAW, RATE -> "MPP Digital";
            };
        }

        /** The caller without the right who comes closest to having it. */
        static Caller nearestMiss(Action action) {
            return switch (action) {
                case RETURN_FOR_CORRECTION, RESUBMIT, VERIFY, REROUTE, COLLECT -> Caller.OFFICER_OF_ANOTHER_MPP;
                case START_PROCESSING, REQUEST_DOCUMENTS, COMPLETE, REJECT -> Caller.SYSTEM_OF_ANOTHER_AGENCY;
                case PROVIDE_DOCUMENTS, WITHDRAW, RATE -> Caller.OFFICER_OF_THIS_MPP;
            };
        }

        /**
         * A status in which the lifecycle allows the action, so that only rights can stand in its way (that it does
         * allow it shows in {@link #grantsTheActionToTheRightfulCallers}).
         */
        static ApplicationStatus allowing(Action action) {
            return switch (action) {
                case RETURN_FOR_CORRECTION, VERIFY, WITHDRAW -> SUBMITTED;
                case RESUBMIT -> RETURNED_FOR_CORRECTION;
                case REROUTE, START_PROCESSING -> ROUTED;
                case REQUEST_DOCUMENTS, COMPLETE, REJECT -> IN_PROCESS;
                case PROVIDE_DOCUMENTS -> AWAITING_DOCUMENTS;
                case COLLECT, RATE -> COMPLETED;
            };
        }

        /** What the action, as {@code command(action)} words it, records in the status {@link #allowing} it. */
        static Object[] recordedBy(Action action) {
            return switch (action) {
                case RETURN_FOR_CORRECTION -> new Object[]{RETURNED_EVENT};
                case RESUBMIT -> new Object[]{new ApplicationResubmitted(ID, "Pas foto diganti")};
                case VERIFY -> new Object[]{VERIFIED_EVENT, ROUTED_EVENT};
                case REROUTE -> new Object[]{REROUTED_EVENT};
                case START_PROCESSING -> new Object[]{STARTED_EVENT};
                case REQUEST_DOCUMENTS -> new Object[]{REQUESTED_EVENT};
                case PROVIDE_DOCUMENTS -> new Object[]{new DocumentsProvided(ID, List.of("Surat Rekomendasi Kemenag"), DUE)};
                case COMPLETE -> new Object[]{COMPLETED_EVENT};
                case REJECT -> new Object[]{REJECTED_EVENT};
                case WITHDRAW -> new Object[]{WITHDRAWN_EVENT};
                case COLLECT -> new Object[]{COLLECTED_EVENT};
                case RATE -> new Object[]{RATED_EVENT};
            };
        }

        static Stream<Arguments> actionsByCallersWithoutTheRight() {
            return Arrays.stream(Action.values()).flatMap(action ->
                    EnumSet.complementOf(rightful(action)).stream().map(caller -> arguments(action, caller)));
        }

        static Stream<Arguments> actionsByRightfulCallers() {
            return Arrays.stream(Action.values()).flatMap(action ->
                    rightful(action).stream().map(caller -> arguments(action, caller)));
        }

        @ParameterizedTest(name = "{0} by {1}")
        @MethodSource("actionsByCallersWithoutTheRight")
        void refusesTheActionToEveryoneWithoutTheRight(Action action, Caller caller) {
            fixture.given(history(allowing(action)))
                    .when(command(action), by(caller.actor))
                    .expectNoEvents()
                    .expectException(forbidden(caller.actor, "may not " + action.pathName(), holder(action)));
        }

        @ParameterizedTest(name = "{0} by {1}")
        @MethodSource("actionsByRightfulCallers")
        void grantsTheActionToTheRightfulCallers(Action action, Caller caller) {
            fixture.given(history(allowing(action)))
                    .when(command(action), by(caller.actor))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(recordedBy(action));
        }

        static Stream<Arguments> agencyActionsBeforeRouting() {
            return Stream.of(SUBMITTED, RETURNED_FOR_CORRECTION, WITHDRAWN)
                    .flatMap(status -> AGENCY_ACTIONS.stream().map(action -> arguments(status, action)));
        }

        @ParameterizedTest(name = "{1} while {0}")
        @MethodSource("agencyActionsBeforeRouting")
        void noAgencyMayActBeforeTheApplicationIsRouted(ApplicationStatus status, Action action) {
            // the service's agency is recorded at submission, but is given the application only once it is verified
            Actor servicesAgency = Actors.systemOf(SUBMITTED_EVENT.agencyCode());
            fixture.given(history(status))
                    .when(command(action), by(servicesAgency))
                    .expectNoEvents()
                    .expectException(forbidden(servicesAgency, "may not " + action.pathName(), "not routed"));
        }

        /** Moved from Imigrasi to Dukcapil while {@code from}, then in a status that allows the agency action. */
        static List<Object> reroutedToDukcapil(ApplicationStatus from, Action action) {
            List<Object> rerouted = with(history(from), REROUTED_EVENT);
            return action == Action.START_PROCESSING ? rerouted : with(rerouted, new ProcessingStarted(ID, DUKCAPIL));
        }

        static Stream<Arguments> agencyActionsAfterRerouting() {
            return Stream.of(ROUTED, IN_PROCESS)
                    .flatMap(from -> AGENCY_ACTIONS.stream().map(action -> arguments(from, action)));
        }

        @ParameterizedTest(name = "{1}, rerouted while {0}")
        @MethodSource("agencyActionsAfterRerouting")
        void reroutingTakesTheRightFromTheFormerAgency(ApplicationStatus from, Action action) {
            Actor former = Actors.systemOf(IMIGRASI);
            fixture.given(reroutedToDukcapil(from, action))
                    .when(command(action), by(former))
                    .expectNoEvents()
                    .expectException(forbidden(former, "may not " + action.pathName(), DUKCAPIL.value()));
        }

        @ParameterizedTest(name = "{1}, rerouted while {0}")
        @MethodSource("agencyActionsAfterRerouting")
        void reroutingGivesTheRightToTheNewAgency(ApplicationStatus from, Action action) {
            var command = command(action);
            fixture.given(reroutedToDukcapil(from, action))
                    .when(command, by(new Actors(CILACAP, DUKCAPIL).rightfulFor(command)))
                    .expectEvents(switch (action) {
                        case START_PROCESSING -> new ProcessingStarted(ID, DUKCAPIL);
                        case REQUEST_DOCUMENTS -> REQUESTED_EVENT;
                        case COMPLETE -> new ApplicationCompleted(ID, DUKCAPIL, "X1234567", ON_TIME);
                        case REJECT -> new ApplicationRejected(ID, DUKCAPIL, "Data tidak sesuai", ON_TIME);
                        default -> throw new IllegalArgumentException(action + " is not an agency's action");
                    });
        }

        static Stream<Arguments> actionsTheLifecycleDoesNotAllowEither() {
            return states().flatMap(state -> notAllowed(state).stream()
                    .map(action -> arguments(state, action, nearestMiss(action))));
        }

        @ParameterizedTest(name = "{0}: {1} by {2}")
        @MethodSource("actionsTheLifecycleDoesNotAllowEither")
        void rightsAreCheckedBeforeTheLifecycle(State state, Action action, Caller caller) {
            fixture.given(state.history())
                    .when(command(action), by(caller.actor))
                    .expectNoEvents()
                    .expectException(forbidden(caller.actor, "may not " + action.pathName()));
        }

        static Stream<Arguments> otherRefusalsTheCallerWouldAlsoMeet() {
            return Stream.of(
                    arguments("a stale expected version", history(ROUTED), new StartProcessing(ID, 1L),
                            Caller.SYSTEM_OF_ANOTHER_AGENCY),
                    arguments("a second rating", rated(COMPLETED), new RateService(ID, null, 3, null),
                            Caller.OFFICER_OF_THIS_MPP),
                    arguments("a score off the SKM scale", history(COMPLETED), new RateService(ID, null, 5, null),
                            Caller.OFFICER_OF_THIS_MPP),
                    arguments("a reroute to the same agency", history(ROUTED),
                            new RerouteApplication(ID, null, IMIGRASI, "Salah loket"), Caller.OFFICER_OF_ANOTHER_MPP),
                    arguments("a reroute to an unknown agency", history(IN_PROCESS),
                            new RerouteApplication(ID, null, AgencyCode.of("KUA"), "Salah loket"),
                            Caller.SYSTEM_OF_THE_ROUTED_AGENCY));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("otherRefusalsTheCallerWouldAlsoMeet")
        void rightsAreCheckedBeforeVersionRulesAndInput(String description, List<Object> given, Object command,
                                                        Caller caller) {
            fixture.given(given)
                    .when(command, by(caller.actor))
                    .expectNoEvents()
                    .expectException(forbidden(caller.actor));
        }

        static Stream<Arguments> metaDataWithoutAnActor() {
            return Stream.of(
                    arguments("no metadata", MetaData.emptyInstance()),
                    arguments("a principal without a role", MetaData.with(MetadataKeys.PRINCIPAL, "petugas-kab-cilacap")
                            .and(MetadataKeys.PRINCIPAL_MPP, CILACAP.value())),
                    arguments("a role without a principal", MetaData.with(MetadataKeys.ROLE, Role.MPP_OFFICER.name())
                            .and(MetadataKeys.PRINCIPAL_MPP, CILACAP.value())));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("metaDataWithoutAnActor")
        void aCommandThatNamesNoActorIsRefused(String description, MetaData metaData) {
            fixture.given(history(SUBMITTED))
                    .when(new VerifyApplication(ID, null), metaData)
                    .expectNoEvents()
                    .expectException(forbidden(null, "may not verify"));
        }

        // --- submission

        static EnumSet<Caller> rightfulSubmitters(Channel channel) {
            return switch (channel) {
                case COUNTER, ROADSHOW -> EnumSet.of(Caller.OFFICER_OF_THIS_MPP);
                case ONLINE -> EnumSet.of(Caller.DIGITAL_PORTAL);
            };
        }

        static Stream<Arguments> submissionsByCallersWithoutTheRight() {
            return Arrays.stream(Channel.values()).flatMap(channel ->
                    EnumSet.complementOf(rightfulSubmitters(channel)).stream().map(caller -> arguments(channel, caller)));
        }

        static Stream<Arguments> submissionsByRightfulCallers() {
            return Arrays.stream(Channel.values()).flatMap(channel ->
                    rightfulSubmitters(channel).stream().map(caller -> arguments(channel, caller)));
        }

        @ParameterizedTest(name = "{0} by {1}")
        @MethodSource("submissionsByCallersWithoutTheRight")
        void refusesASubmissionToEveryoneWithoutTheRightWithoutClaimingANumber(Channel channel, Caller caller) {
            fixture.givenNoPriorActivity()
                    .when(new SubmitApplication(ID, CILACAP, PASPOR, channel, APPLICANT), by(caller.actor))
                    .expectNoEvents()
                    .expectException(forbidden(caller.actor, "may not submit", channel.name(), CILACAP.value(),
                            channel == Channel.ONLINE ? "MPP Digital" : "officers"));
            assertThat(issuer.requests).isEmpty();
        }

        @ParameterizedTest(name = "{0} by {1}")
        @MethodSource("submissionsByRightfulCallers")
        void takesASubmissionFromTheRightfulCaller(Channel channel, Caller caller) {
            fixture.givenNoPriorActivity()
                    .when(new SubmitApplication(ID, CILACAP, PASPOR, channel, APPLICANT), by(caller.actor))
                    .expectEvents(new ApplicationSubmitted(ID, NUMBER, CILACAP, PASPOR, IMIGRASI, channel, SEALED))
                    .expectResultMessagePayload(new SubmissionReceipt(ID, NUMBER, SUBMITTED, 0));
            assertThat(issuer.requests).containsExactly(ID);
        }

        static Stream<Arguments> submissionsTheCatalogueRefusesWhoeverSendsThem() {
            return Stream.of(
                    arguments("at an MPP not in the catalogue",
                            new SubmitApplication(ID, MppCode.of("KOTA-ATLANTIS"), PASPOR, Channel.COUNTER, APPLICANT),
                            Caller.OFFICER_OF_THIS_MPP, Kind.UNKNOWN_CATALOGUE_ENTRY),
                    arguments("online, of a service not in the catalogue",
                            new SubmitApplication(ID, CILACAP, ServiceCode.of("IMIGRASI-VISA-MARS"), Channel.ONLINE, APPLICANT),
                            Caller.OFFICER_OF_THIS_MPP, Kind.UNKNOWN_CATALOGUE_ENTRY),
                    arguments("of a service the MPP does not offer",
                            new SubmitApplication(ID, TANJUNG_JABUNG_BARAT, PASPOR, Channel.COUNTER, APPLICANT),
                            Caller.DIGITAL_PORTAL, Kind.SERVICE_NOT_OFFERED),
                    arguments("by no one, of a service the MPP does not offer",
                            new SubmitApplication(ID, TANJUNG_JABUNG_BARAT, PASPOR, Channel.COUNTER, APPLICANT),
                            Caller.NOBODY, Kind.SERVICE_NOT_OFFERED));
        }

        // the catalogue is public, so naming an unknown MPP or service leaks nothing: the more useful answer wins
        @ParameterizedTest(name = "a submission {0}")
        @MethodSource("submissionsTheCatalogueRefusesWhoeverSendsThem")
        void theCatalogueIsCheckedBeforeTheRights(String description, SubmitApplication submission, Caller caller, Kind kind) {
            fixture.givenNoPriorActivity()
                    .when(submission, by(caller.actor))
                    .expectNoEvents()
                    .expectException(refusedWith(refusal -> assertThat(refusal.kind()).isEqualTo(kind)));
            assertThat(issuer.requests).isEmpty();
        }

        @Test
        void anOfficerSubmitsAtTheCounterOfTheirOwnMppOnly() {
            Actor officerOfCilacap = Actors.officerOf(CILACAP);
            fixture.givenNoPriorActivity()
                    .when(new SubmitApplication(ID, SURABAYA, ServiceCode.of("DUKCAPIL-KTP-EL"), Channel.COUNTER, APPLICANT),
                            by(officerOfCilacap))
                    .expectNoEvents()
                    .expectException(forbidden(officerOfCilacap, "may not submit", SURABAYA.value()));
            assertThat(issuer.requests).isEmpty();
        }
    }

    // --- the refusal interceptor ---------------------------------------------------------------------------------

    @Test
    void theInterceptorSendsARefusalBackAsTheDetailsOfTheFailure() {
        fixture.registerCommandHandlerInterceptor(new RefusalInterceptor());

        var verify = new VerifyApplication(ID, null);
        fixture.given(history(WITHDRAWN))
                .when(verify, byRightfulActor(verify))
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionMessage("Cannot verify: the application is WITHDRAWN; nothing more can be done to it")
                .expectExceptionDetails(satisfies(Refusal.class,
                        r -> assertIllegalTransition(r, new State(WITHDRAWN, false), Action.VERIFY)));
    }

    @Test
    void theInterceptorAlsoCarriesRefusalsOfSubmissions() {
        fixture.registerCommandHandlerInterceptor(new RefusalInterceptor());

        var submit = new SubmitApplication(ID, TANJUNG_JABUNG_BARAT, PASPOR, Channel.COUNTER, APPLICANT);
        fixture.givenNoPriorActivity()
                .when(submit, byRightfulActor(submit))
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(satisfies(Refusal.class,
                        r -> assertThat(r.kind()).isEqualTo(Kind.SERVICE_NOT_OFFERED)));
    }

    @Test
    void theInterceptorCarriesAForbiddenCallersRefusal() {
        fixture.registerCommandHandlerInterceptor(new RefusalInterceptor());

        Actor otherAgency = Actors.systemOf(DUKCAPIL);
        fixture.given(history(ROUTED))
                .when(new StartProcessing(ID, null), by(otherAgency))
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(satisfies(Refusal.class, r -> {
                    assertThat(r.kind()).isEqualTo(Kind.FORBIDDEN);
                    assertThat(r.detail()).contains(otherAgency.id(), "may not start-processing");
                }));
    }

    @Test
    void theInterceptorTurnsAnUnknownApplicationIntoANotFoundRefusal() {
        fixture.registerCommandHandlerInterceptor(new RefusalInterceptor());

        var start = new StartProcessing(ID, null);
        fixture.givenNoPriorActivity()
                .when(start, byRightfulActor(start))
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(new Refusal(Kind.NOT_FOUND, "No application with id " + ID, Map.of()));
    }

    @Test
    void theInterceptorLeavesAcceptedCommandsAlone() {
        fixture.registerCommandHandlerInterceptor(new RefusalInterceptor());

        var start = new StartProcessing(ID, null);
        fixture.given(history(ROUTED))
                .when(start, byRightfulActor(start))
                .expectSuccessfulHandlerExecution()
                .expectEvents(STARTED_EVENT)
                .expectResultMessagePayload(new CommandOutcome(ID, IN_PROCESS, 3));
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static final Set<Action> AGENCY_ACTIONS =
            EnumSet.of(Action.START_PROCESSING, Action.REQUEST_DOCUMENTS, Action.COMPLETE, Action.REJECT);

    /** The metadata of whoever may send the command to the application of these tests. */
    private static MetaData byRightfulActor(Object command) {
        return by(ACTORS.rightfulFor(command));
    }

    /** The metadata of the actor, or none for no actor. */
    private static MetaData by(Actor actor) {
        return Actors.metaDataOf(actor);
    }

    private static List<Object> history(ApplicationStatus status) {
        return switch (status) {
            case SUBMITTED -> List.of(SUBMITTED_EVENT);
            case RETURNED_FOR_CORRECTION -> with(history(SUBMITTED), RETURNED_EVENT);
            case ROUTED -> with(history(SUBMITTED), VERIFIED_EVENT, ROUTED_EVENT);
            case IN_PROCESS -> with(history(ROUTED), STARTED_EVENT);
            case AWAITING_DOCUMENTS -> with(history(IN_PROCESS), REQUESTED_EVENT);
            case COMPLETED -> with(history(IN_PROCESS), COMPLETED_EVENT);
            case REJECTED -> with(history(IN_PROCESS), REJECTED_EVENT);
            case DEEMED_APPROVED -> with(history(IN_PROCESS), new ApplicationDeemedApproved(ID, IMIGRASI, DUE));
            case COLLECTED -> with(history(COMPLETED), COLLECTED_EVENT);
            case WITHDRAWN -> with(history(SUBMITTED), WITHDRAWN_EVENT);
        };
    }

    private static List<Object> rated(ApplicationStatus decided) {
        return with(history(decided), RATED_EVENT);
    }

    private static List<Object> with(List<Object> history, Object... more) {
        var events = new ArrayList<>(history);
        events.addAll(List.of(more));
        return List.copyOf(events);
    }

    private static EnumSet<Action> notAllowed(State state) {
        EnumSet<Action> refused = EnumSet.allOf(Action.class);
        refused.removeAll(Lifecycle.allowedFrom(state.status(), state.rated()));
        return refused;
    }

    private static Object command(Action action) {
        return switch (action) {
            case RETURN_FOR_CORRECTION -> new ReturnForCorrection(ID, null, "Pas foto tidak sesuai", List.of("Pas Foto"));
            case RESUBMIT -> new ResubmitApplication(ID, null, "Pas foto diganti");
            case VERIFY -> new VerifyApplication(ID, null);
            case REROUTE -> new RerouteApplication(ID, null, DUKCAPIL, "Salah loket");
            case START_PROCESSING -> new StartProcessing(ID, null);
            case REQUEST_DOCUMENTS -> new RequestDocuments(ID, null, List.of("Surat Rekomendasi Kemenag"), "Untuk paspor haji");
            case PROVIDE_DOCUMENTS -> new ProvideDocuments(ID, null, List.of("Surat Rekomendasi Kemenag"));
            case COMPLETE -> new CompleteApplication(ID, null, "X1234567");
            case REJECT -> new RejectApplication(ID, null, "Data tidak sesuai");
            case WITHDRAW -> new WithdrawApplication(ID, null, "Tidak jadi berangkat");
            case COLLECT -> new CollectOutput(ID, null);
            case RATE -> new RateService(ID, null, 4, "Cepat");
        };
    }

    private static void assertIllegalTransition(Refusal refusal, State state, Action attempted) {
        List<String> allowed = Lifecycle.allowedFrom(state.status(), state.rated()).stream().map(Action::pathName).toList();
        assertThat(refusal.kind()).isEqualTo(Kind.ILLEGAL_TRANSITION);
        assertThat(refusal.properties()).isEqualTo(Map.of(
                "currentStatus", state.status().name(), "attemptedAction", attempted.pathName(), "allowedActions", allowed));
        assertThat(refusal.detail()).startsWith("Cannot " + attempted.pathName() + ": the application is " + state.status())
                .contains(allowed.isEmpty() ? List.of("nothing more can be done") : allowed);
    }

    private static Matcher<Object> refusedWith(Consumer<Refusal> requirements) {
        return satisfies(CommandRefusedException.class, e -> {
            assertThat(e).hasMessage(e.refusal().detail());
            requirements.accept(e.refusal());
        });
    }

    /** Refused as outside the caller's rights, by a detail that names the caller (role and id) and the given words. */
    private static Matcher<Object> forbidden(Actor actor, String... mentions) {
        return refusedWith(r -> {
            assertThat(r.kind()).isEqualTo(Kind.FORBIDDEN);
            if (actor == null) {
                assertThat(r.detail()).containsIgnoringCase("unidentified");
            } else {
                assertThat(r.detail()).contains(actor.role().name(), actor.id());
            }
            if (mentions.length > 0) {
                assertThat(r.detail()).contains(mentions);
            }
        });
    }

    /**
     * Lets the fixture's Hamcrest-based expectations check with AssertJ. The fixture describes a matcher before
     * matching and shows no mismatch, so a failed requirement is thrown as is, with AssertJ's message.
     */
    private static <T> Matcher<Object> satisfies(Class<T> type, Consumer<? super T> requirements) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                assertThat(item).isInstanceOf(type);
                requirements.accept(type.cast(item));
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + type.getSimpleName() + " meeting the test's requirements");
            }
        };
    }

    /** Always issues the same number, and remembers for which applications it was asked. */
    private static final class RecordingIssuer implements TrackingNumberIssuer {
        private final List<ApplicationId> requests = new ArrayList<>();

        @Override
        public TrackingNumber issueFor(ApplicationId applicationId) {
            requests.add(applicationId);
            return NUMBER;
        }
    }
}
