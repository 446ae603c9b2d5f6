package id.mpp.tracker.command.application;

import id.mpp.tracker.application.*;
import id.mpp.tracker.catalogue.AgencyCode;
import id.mpp.tracker.catalogue.Catalogue;
import id.mpp.tracker.catalogue.CatalogueReader;
import id.mpp.tracker.catalogue.MppCode;
import id.mpp.tracker.catalogue.ServiceCode;
import id.mpp.tracker.command.application.Refusal.Kind;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static id.mpp.tracker.application.ApplicationStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ServiceApplicationTest {

    private static final Catalogue CATALOGUE =
            CatalogueReader.read(ServiceApplicationTest.class.getResourceAsStream("/catalogue/catalogue.yaml"), "test");

    private static final ApplicationId ID = ApplicationId.of("0b6c3f0e-8d1a-4c57-9a8e-2f1d5b7c9e01");
    private static final TrackingNumber NUMBER = TrackingNumber.generate(new Random(2022));
    private static final MppCode CILACAP = MppCode.of("KAB-CILACAP");
    private static final MppCode TANJUNG_JABUNG_BARAT = MppCode.of("KAB-TANJUNG-JABUNG-BARAT");
    private static final ServiceCode PASPOR = ServiceCode.of("IMIGRASI-PASPOR-BARU");
    private static final AgencyCode IMIGRASI = AgencyCode.of("IMIGRASI");
    private static final AgencyCode DUKCAPIL = AgencyCode.of("DUKCAPIL");
    private static final Applicant APPLICANT = new Applicant(Nik.parse("3301015201900042"), "Siti Aminah", "081234567890", null);

    private static final ApplicationSubmitted SUBMITTED_EVENT =
            new ApplicationSubmitted(ID, NUMBER, CILACAP, PASPOR, IMIGRASI, Channel.COUNTER, APPLICANT);
    private static final ApplicationReturnedForCorrection RETURNED_EVENT =
            new ApplicationReturnedForCorrection(ID, "Pas foto tidak sesuai", List.of("Pas Foto"));
    private static final ApplicationVerified VERIFIED_EVENT = new ApplicationVerified(ID);
    private static final ApplicationRouted ROUTED_EVENT = new ApplicationRouted(ID, IMIGRASI);
    private static final ProcessingStarted STARTED_EVENT = new ProcessingStarted(ID, IMIGRASI);
    private static final DocumentsRequested REQUESTED_EVENT =
            new DocumentsRequested(ID, List.of("Surat Rekomendasi Kemenag"), "Untuk paspor haji");
    private static final ApplicationCompleted COMPLETED_EVENT = new ApplicationCompleted(ID, IMIGRASI, "X1234567");
    private static final ApplicationRejected REJECTED_EVENT = new ApplicationRejected(ID, IMIGRASI, "Data tidak sesuai");
    private static final OutputCollected COLLECTED_EVENT = new OutputCollected(ID);
    private static final ApplicationWithdrawn WITHDRAWN_EVENT = new ApplicationWithdrawn(ID, "Tidak jadi berangkat");
    private static final ServiceRated RATED_EVENT = new ServiceRated(ID, 4, "Cepat");

    private final RecordingIssuer issuer = new RecordingIssuer();
    private FixtureConfiguration<ServiceApplication> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ServiceApplication.class);
        fixture.registerInjectableResource(CATALOGUE);
        fixture.registerInjectableResource(issuer);
    }

    // --- submission ----------------------------------------------------------------------------------------------

    @Test
    void submittingRecordsTheApplicationForTheServicesAgencyAndHandsOutAReceipt() {
        fixture.givenNoPriorActivity()
                .when(new SubmitApplication(ID, CILACAP, PASPOR, Channel.COUNTER, APPLICANT))
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
        fixture.givenNoPriorActivity()
                .when(new SubmitApplication(ID, mpp, service, Channel.ONLINE, APPLICANT))
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
        fixture.given(history(SUBMITTED))
                .when(new ReturnForCorrection(ID, null, "Pas foto tidak sesuai", List.of("Pas Foto")))
                .expectEvents(RETURNED_EVENT)
                .expectResultMessagePayload(new CommandOutcome(ID, RETURNED_FOR_CORRECTION, 1));
    }

    @Test
    void resubmittingTakesTheCorrectedFileIn() {
        fixture.given(history(RETURNED_FOR_CORRECTION))
                .when(new ResubmitApplication(ID, null, "Pas foto diganti"))
                .expectEvents(new ApplicationResubmitted(ID, "Pas foto diganti"))
                .expectResultMessagePayload(new CommandOutcome(ID, SUBMITTED, 2));
    }

    @Test
    void verifyingRoutesTheApplicationToTheCataloguesAgency() {
        fixture.given(history(SUBMITTED))
                .when(new VerifyApplication(ID, null))
                .expectEvents(VERIFIED_EVENT, ROUTED_EVENT)
                .expectResultMessagePayload(new CommandOutcome(ID, ROUTED, 2));
    }

    @Test
    void aResubmittedApplicationCanBeVerified() {
        fixture.given(SUBMITTED_EVENT, RETURNED_EVENT, new ApplicationResubmitted(ID, null))
                .when(new VerifyApplication(ID, 2L))
                .expectEvents(VERIFIED_EVENT, ROUTED_EVENT)
                .expectResultMessagePayload(new CommandOutcome(ID, ROUTED, 4));
    }

    @Test
    void verifyingRoutesByTodaysCatalogueWhenTheServiceMovedToAnotherAgency() {
        fixture.given(new ApplicationSubmitted(ID, NUMBER, CILACAP, PASPOR, DUKCAPIL, Channel.COUNTER, APPLICANT))
                .when(new VerifyApplication(ID, null))
                .expectEvents(VERIFIED_EVENT, new ApplicationRouted(ID, IMIGRASI));
    }

    @Test
    void verifyingKeepsTheAgencyOfAServiceTheCatalogueNoLongerLists() {
        var retired = ServiceCode.of("DISNAKER-KARTU-KUNING-LAMA");
        var disnaker = AgencyCode.of("DISNAKER");
        fixture.given(new ApplicationSubmitted(ID, NUMBER, CILACAP, retired, disnaker, Channel.COUNTER, APPLICANT))
                .when(new VerifyApplication(ID, null))
                .expectEvents(VERIFIED_EVENT, new ApplicationRouted(ID, disnaker));
    }

    @ParameterizedTest
    @EnumSource(names = {"ROUTED", "IN_PROCESS"})
    void reroutingMovesTheApplicationToAnotherAgency(ApplicationStatus from) {
        List<Object> given = history(from);
        fixture.given(given)
                .when(new RerouteApplication(ID, null, DUKCAPIL, "Salah loket"))
                .expectEvents(new ApplicationRerouted(ID, IMIGRASI, DUKCAPIL, "Salah loket"))
                .expectResultMessagePayload(new CommandOutcome(ID, ROUTED, given.size()));
    }

    @Test
    void afterReroutingTheNewAgencyProcessesTheApplication() {
        fixture.given(history(ROUTED)).andGiven(new ApplicationRerouted(ID, IMIGRASI, DUKCAPIL, "Salah loket"))
                .when(new StartProcessing(ID, null))
                .expectEvents(new ProcessingStarted(ID, DUKCAPIL));
    }

    @Test
    void reroutingToTheSameAgencyIsRefused() {
        fixture.given(history(ROUTED))
                .when(new RerouteApplication(ID, null, IMIGRASI, "Salah loket"))
                .expectNoEvents()
                .expectException(refusedWith(r -> {
                    assertThat(r.kind()).isEqualTo(Kind.RULE_VIOLATION);
                    assertThat(r.properties()).isEqualTo(Map.of("rule", "reroute-to-other-agency"));
                }));
    }

    @Test
    void reroutingToAnUnknownAgencyIsRefused() {
        fixture.given(history(IN_PROCESS))
                .when(new RerouteApplication(ID, null, AgencyCode.of("KUA"), "Salah loket"))
                .expectNoEvents()
                .expectException(refusedWith(r -> {
                    assertThat(r.kind()).isEqualTo(Kind.UNKNOWN_CATALOGUE_ENTRY);
                    assertThat(r.properties()).isEqualTo(Map.of("field", "toAgencyCode"));
                }));
    }

    @Test
    void theRoutedAgencyStartsProcessing() {
        fixture.given(history(ROUTED))
                .when(new StartProcessing(ID, null))
                .expectEvents(STARTED_EVENT)
                .expectResultMessagePayload(new CommandOutcome(ID, IN_PROCESS, 3));
    }

    @Test
    void theAgencyRequestsDocuments() {
        fixture.given(history(IN_PROCESS))
                .when(new RequestDocuments(ID, null, List.of("Surat Rekomendasi Kemenag"), "Untuk paspor haji"))
                .expectEvents(REQUESTED_EVENT)
                .expectResultMessagePayload(new CommandOutcome(ID, AWAITING_DOCUMENTS, 4));
    }

    @Test
    void providingTheDocumentsResumesProcessing() {
        fixture.given(history(AWAITING_DOCUMENTS))
                .when(new ProvideDocuments(ID, null, List.of("Surat Rekomendasi Kemenag")))
                .expectEvents(new DocumentsProvided(ID, List.of("Surat Rekomendasi Kemenag")))
                .expectResultMessagePayload(new CommandOutcome(ID, IN_PROCESS, 5));
    }

    @Test
    void theAgencyCompletesTheApplication() {
        fixture.given(history(IN_PROCESS))
                .when(new CompleteApplication(ID, null, "X1234567"))
                .expectEvents(COMPLETED_EVENT)
                .expectResultMessagePayload(new CommandOutcome(ID, COMPLETED, 4));
    }

    @Test
    void theAgencyRejectsTheApplication() {
        fixture.given(history(IN_PROCESS))
                .when(new RejectApplication(ID, null, "Data tidak sesuai"))
                .expectEvents(REJECTED_EVENT)
                .expectResultMessagePayload(new CommandOutcome(ID, REJECTED, 4));
    }

    @ParameterizedTest
    @EnumSource(names = {"SUBMITTED", "RETURNED_FOR_CORRECTION", "ROUTED", "IN_PROCESS", "AWAITING_DOCUMENTS"})
    void theCitizenWithdrawsBeforeADecision(ApplicationStatus from) {
        List<Object> given = history(from);
        fixture.given(given)
                .when(new WithdrawApplication(ID, null, "Tidak jadi berangkat"))
                .expectEvents(WITHDRAWN_EVENT)
                .expectResultMessagePayload(new CommandOutcome(ID, WITHDRAWN, given.size()));
    }

    @ParameterizedTest(name = "already rated: {0}")
    @ValueSource(booleans = {false, true})
    void theCitizenCollectsTheOutput(boolean rated) {
        List<Object> given = rated ? rated(COMPLETED) : history(COMPLETED);
        fixture.given(given)
                .when(new CollectOutput(ID, null))
                .expectEvents(COLLECTED_EVENT)
                .expectResultMessagePayload(new CommandOutcome(ID, COLLECTED, given.size()));
    }

    @ParameterizedTest
    @EnumSource(names = {"COMPLETED", "REJECTED", "COLLECTED"})
    void theCitizenRatesTheServiceAfterTheDecision(ApplicationStatus decided) {
        List<Object> given = history(decided);
        fixture.given(given)
                .when(new RateService(ID, null, 4, "Cepat"))
                .expectEvents(RATED_EVENT)
                .expectResultMessagePayload(new CommandOutcome(ID, decided, given.size()));
    }

    // --- refusals ------------------------------------------------------------------------------------------------

    record State(ApplicationStatus status, boolean rated) {
        List<Object> history() {
            return rated ? ServiceApplicationTest.rated(status) : ServiceApplicationTest.history(status);
        }

        @Override
        public String toString() {
            return status + (rated ? " (rated)" : "");
        }
    }

    static Stream<Arguments> actionsTheLifecycleDoesNotAllow() {
        Stream<State> unrated = Arrays.stream(ApplicationStatus.values()).map(s -> new State(s, false));
        Stream<State> rated = Stream.of(COMPLETED, REJECTED, COLLECTED).map(s -> new State(s, true));
        return Stream.concat(unrated, rated).flatMap(state -> notAllowed(state).stream()
                // rating twice is refused as a rule violation, tested on its own
                .filter(action -> !(state.rated() && action == Action.RATE))
                .map(action -> arguments(state, action)));
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @MethodSource("actionsTheLifecycleDoesNotAllow")
    void refusesWhatTheLifecycleDoesNotAllow(State state, Action action) {
        fixture.given(state.history())
                .when(command(action))
                .expectNoEvents()
                .expectException(refusedWith(r -> assertIllegalTransition(r, state, action)));
    }

    @ParameterizedTest
    @EnumSource(names = {"COMPLETED", "REJECTED", "COLLECTED"})
    void theServiceIsRatedOnlyOnce(ApplicationStatus decided) {
        fixture.given(rated(decided))
                .when(new RateService(ID, null, 3, "Sekali lagi"))
                .expectNoEvents()
                .expectException(refusedWith(r -> {
                    assertThat(r.kind()).isEqualTo(Kind.RULE_VIOLATION);
                    assertThat(r.properties()).isEqualTo(Map.of("rule", "rate-once"));
                }));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5, -1})
    void aScoreOutsideTheSkmScaleIsRefused(int score) {
        fixture.given(history(COMPLETED))
                .when(new RateService(ID, null, score, null))
                .expectNoEvents()
                .expectException(refusedWith(r -> {
                    assertThat(r.kind()).isEqualTo(Kind.INVALID_INPUT);
                    assertThat(r.properties()).isEqualTo(Map.of("field", "score"));
                }));
    }

    @Test
    void aStaleExpectedVersionIsRefused() {
        fixture.given(history(ROUTED))
                .when(new StartProcessing(ID, 1L))
                .expectNoEvents()
                .expectException(refusedWith(r -> {
                    assertThat(r.kind()).isEqualTo(Kind.VERSION_MISMATCH);
                    assertThat(r.properties()).isEqualTo(Map.of("expectedVersion", 1L, "currentVersion", 2L));
                }));
    }

    @Test
    void theCurrentExpectedVersionIsAccepted() {
        fixture.given(history(ROUTED))
                .when(new StartProcessing(ID, 2L))
                .expectEvents(STARTED_EVENT)
                .expectResultMessagePayload(new CommandOutcome(ID, IN_PROCESS, 3));
    }

    @Test
    void withoutTheInterceptorAnUnknownApplicationSurfacesAsAggregateNotFound() {
        fixture.givenNoPriorActivity()
                .when(new StartProcessing(ID, null))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    // --- the refusal interceptor ---------------------------------------------------------------------------------

    @Test
    void theInterceptorSendsARefusalBackAsTheDetailsOfTheFailure() {
        fixture.registerCommandHandlerInterceptor(new RefusalInterceptor());

        fixture.given(history(WITHDRAWN))
                .when(new VerifyApplication(ID, null))
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionMessage("Cannot verify: the application is WITHDRAWN; nothing more can be done to it")
                .expectExceptionDetails(satisfies(Refusal.class,
                        r -> assertIllegalTransition(r, new State(WITHDRAWN, false), Action.VERIFY)));
    }

    @Test
    void theInterceptorAlsoCarriesRefusalsOfSubmissions() {
        fixture.registerCommandHandlerInterceptor(new RefusalInterceptor());

        fixture.givenNoPriorActivity()
                .when(new SubmitApplication(ID, TANJUNG_JABUNG_BARAT, PASPOR, Channel.COUNTER, APPLICANT))
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(satisfies(Refusal.class,
                        r -> assertThat(r.kind()).isEqualTo(Kind.SERVICE_NOT_OFFERED)));
    }

    @Test
    void theInterceptorTurnsAnUnknownApplicationIntoANotFoundRefusal() {
        fixture.registerCommandHandlerInterceptor(new RefusalInterceptor());

        fixture.givenNoPriorActivity()
                .when(new StartProcessing(ID, null))
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(new Refusal(Kind.NOT_FOUND, "No application with id " + ID, Map.of()));
    }

    @Test
    void theInterceptorLeavesAcceptedCommandsAlone() {
        fixture.registerCommandHandlerInterceptor(new RefusalInterceptor());

        fixture.given(history(ROUTED))
                .when(new StartProcessing(ID, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(STARTED_EVENT)
                .expectResultMessagePayload(new CommandOutcome(ID, IN_PROCESS, 3));
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static List<Object> history(ApplicationStatus status) {
        return switch (status) {
            case SUBMITTED -> List.of(SUBMITTED_EVENT);
            case RETURNED_FOR_CORRECTION -> with(history(SUBMITTED), RETURNED_EVENT);
            case ROUTED -> with(history(SUBMITTED), VERIFIED_EVENT, ROUTED_EVENT);
            case IN_PROCESS -> with(history(ROUTED), STARTED_EVENT);
            case AWAITING_DOCUMENTS -> with(history(IN_PROCESS), REQUESTED_EVENT);
            case COMPLETED -> with(history(IN_PROCESS), COMPLETED_EVENT);
            case REJECTED -> with(history(IN_PROCESS), REJECTED_EVENT);
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
