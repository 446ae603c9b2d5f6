package id.mpp.tracker.query.application;

import id.mpp.tracker.application.ApplicationStatus;
import com.mongodb.client.model.Sorts;
import id.mpp.tracker.application.Applicant;
import id.mpp.tracker.application.ApplicationId;
import id.mpp.tracker.application.Channel;
import id.mpp.tracker.application.Nik;
import id.mpp.tracker.application.query.ApplicationView;
import id.mpp.tracker.application.query.ApplicationView.ApplicantView;
import id.mpp.tracker.application.query.ApplicationView.RatingView;
import id.mpp.tracker.application.query.FindApplication;
import id.mpp.tracker.application.query.StatusChange;
import id.mpp.tracker.privacy.SealedApplicant;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.UpdateDefinition;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static id.mpp.tracker.application.ApplicationStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class ApplicationProjectionTest extends ReadModelTest {

    private static final Instant MONDAY_MORNING = Instant.parse("2026-03-02T01:30:00Z");
    private static final Applicant SITI = ApplicationStream.APPLICANT;
    private static final Applicant BUDI = new Applicant(Nik.parse("3507011203850004"), "Budi Santoso",
            "+6285712345678", "budi.santoso@example.id");
    private static final String DATA_SUBJECT_KEYS = "data_subject_keys";

    private SimpleMeterRegistry registry;
    private QueryUpdateEmitter updates;
    private ApplicationProjection projection;
    private ProjectionFeed feed;

    @BeforeEach
    void newProjection() {
        registry = new SimpleMeterRegistry();
        updates = mock(QueryUpdateEmitter.class);
        projection = new ApplicationProjection(mongo, updates, new ApplicationMetrics(registry), vault, ApplicationQueriesTest.SERVICE_TIMES);
        feed = new ProjectionFeed(projection);
    }

    @Test
    void followsAnApplicationThroughItsWholeLife() {
        var life = ktpAtBanjar();
        var view = project(life);
        assertThat(view.status()).isEqualTo(SUBMITTED);
        assertThat(view.applicationId()).isEqualTo(life.id().value());
        assertThat(view.trackingNumber()).isEqualTo(life.trackingNumber().value());
        assertThat(view).extracting(ApplicationView::mppCode, ApplicationView::serviceCode, ApplicationView::agencyCode,
                ApplicationView::channel).containsExactly("KAB-BANJAR", "DUKCAPIL-KTP-EL", "DUKCAPIL", Channel.COUNTER);
        assertThat(view.applicant()).isEqualTo(new ApplicantView(siti.dataSubjectId(), "3171014505900002",
                "Siti Rahmawati", "+6281234567890", "siti.rahmawati@example.id", false));
        assertThat(view.submittedAt()).isEqualTo(MONDAY_MORNING);
        assertThat(view.version()).isZero();

        view = project(life.returnedForCorrection("Fotokopi KK buram", "Kartu Keluarga"));
        assertThat(view.status()).isEqualTo(RETURNED_FOR_CORRECTION);
        assertThat(view.outstandingDocuments()).containsExactly("Kartu Keluarga");
        assertThat(view.lastReason()).isEqualTo("Fotokopi KK buram");

        view = project(life.resubmitted("KK asli dibawa"));
        assertThat(view.status()).isEqualTo(SUBMITTED);
        assertThat(view.outstandingDocuments()).isEmpty();

        view = project(life.verified());
        assertThat(view.status()).isEqualTo(SUBMITTED);
        assertThat(view.verifiedAt()).isEqualTo(life.last().at());

        view = project(life.routed("DUKCAPIL"));
        assertThat(view.status()).isEqualTo(ROUTED);
        assertThat(view.agencyCode()).isEqualTo("DUKCAPIL");

        view = project(life.rerouted("DPMPTSP", "Ditangani loket terpadu"));
        assertThat(view.status()).isEqualTo(ROUTED);
        assertThat(view.agencyCode()).isEqualTo("DPMPTSP");
        assertThat(view.lastReason()).isEqualTo("Ditangani loket terpadu");

        view = project(life.processingStarted());
        assertThat(view.status()).isEqualTo(IN_PROCESS);

        view = project(life.documentsRequested("Perlu surat pengantar", "Surat Pengantar RT/RW", "Pas Foto"));
        assertThat(view.status()).isEqualTo(AWAITING_DOCUMENTS);
        assertThat(view.outstandingDocuments()).containsExactly("Surat Pengantar RT/RW", "Pas Foto");
        assertThat(view.lastReason()).isEqualTo("Perlu surat pengantar");

        view = project(life.documentsProvided("Surat Pengantar RT/RW", "Pas Foto"));
        assertThat(view.status()).isEqualTo(IN_PROCESS);
        assertThat(view.outstandingDocuments()).isEmpty();

        view = project(life.completed("KTP-EL/6303/2026/0001"));
        Instant decidedAt = life.last().at();
        assertThat(view.status()).isEqualTo(COMPLETED);
        assertThat(view.decidedAt()).isEqualTo(decidedAt);
        assertThat(view.outputReference()).isEqualTo("KTP-EL/6303/2026/0001");

        view = project(life.collected());
        assertThat(view.status()).isEqualTo(COLLECTED);
        assertThat(view.decidedAt()).isEqualTo(decidedAt);

        view = project(life.rated(4, "Cepat dan ramah"));
        assertThat(view.status()).isEqualTo(COLLECTED);
        assertThat(view.rating()).isEqualTo(new RatingView(4, "Cepat dan ramah", life.last().at()));
        assertThat(view.version()).isEqualTo(11);
        assertThat(view.lastChangedAt()).isEqualTo(life.last().at());
        assertThat(view.agencyCode()).isEqualTo("DPMPTSP");
        assertThat(view.verifiedAt()).isEqualTo(life.events().get(3).at());
        assertThat(view.history()).extracting(StatusChange::event, StatusChange::status).containsExactly(
                tuple("ApplicationSubmitted", SUBMITTED),
                tuple("ApplicationReturnedForCorrection", RETURNED_FOR_CORRECTION),
                tuple("ApplicationResubmitted", SUBMITTED),
                tuple("ApplicationVerified", SUBMITTED),
                tuple("ApplicationRouted", ROUTED),
                tuple("ApplicationRerouted", ROUTED),
                tuple("ProcessingStarted", IN_PROCESS),
                tuple("DocumentsRequested", AWAITING_DOCUMENTS),
                tuple("DocumentsProvided", IN_PROCESS),
                tuple("ApplicationCompleted", COMPLETED),
                tuple("OutputCollected", COLLECTED),
                tuple("ServiceRated", COLLECTED));
        assertThat(view.history()).extracting(StatusChange::at)
                .containsExactlyElementsOf(life.events().stream().map(StoredEvent::at).toList());
    }

    @Test
    void recordsARejectionWithItsReasonAndDecisionTime() {
        var application = ktpAtBanjar().verified().routed("DUKCAPIL").processingStarted();
        feed.live(application.events());

        var view = project(application.rejected("NIK tidak ditemukan dalam basis data kependudukan"));

        assertThat(view.status()).isEqualTo(REJECTED);
        assertThat(view.decidedAt()).isEqualTo(application.last().at());
        assertThat(view.lastReason()).isEqualTo("NIK tidak ditemukan dalam basis data kependudukan");
        assertThat(view.outputReference()).isNull();
        assertThat(view.version()).isEqualTo(4);
        assertThat(view.history()).last().isEqualTo(new StatusChange("ApplicationRejected", REJECTED, application.last().at()));
    }

    @Test
    void recordsAWithdrawalWithoutADecision() {
        var application = ktpAtBanjar().verified().routed("DUKCAPIL");
        feed.live(application.events());

        var view = project(application.withdrawn("Pemohon pindah domisili"));

        assertThat(view.status()).isEqualTo(WITHDRAWN);
        assertThat(view.lastReason()).isEqualTo("Pemohon pindah domisili");
        assertThat(view.decidedAt()).isNull();
        assertThat(view.version()).isEqualTo(3);
        assertThat(view.history()).last().isEqualTo(new StatusChange("ApplicationWithdrawn", WITHDRAWN, application.last().at()));
    }

    @Test
    void redeliveringEveryEventLeavesTheSameDocumentAsDeliveringItOnce() {
        var life = wholeLife();
        feed.live(life.events());
        var deliveredOnce = storedDocuments();

        mongo.dropCollection(ApplicationDocument.class);
        life.events().forEach(event -> {
            feed.live(event);
            feed.live(event);
        });

        assertThat(storedDocuments()).isEqualTo(deliveredOnce);
    }

    @Test
    void anOlderEventArrivingAfterANewerOneChangesNothing() {
        var application = ktpAtBanjar().verified().routed("DUKCAPIL").processingStarted();
        feed.live(application.events());
        var before = storedDocuments();

        var routed = application.events().get(2);
        feed.live(routed);

        assertThat(storedDocuments()).isEqualTo(before);
        assertThat(view(application).status()).isEqualTo(IN_PROCESS);
    }

    @Test
    void aReplayAfterResetRebuildsTheSameCollectionWithoutCountingBusinessEventsAgain() {
        var events = Stream.of(wholeLife(), rejectedSkckAtMalang(), ktpAtBanjar().withdrawn("Salah pilih layanan"))
                .flatMap(stream -> stream.events().stream()).toList();
        feed.live(events);
        var live = storedDocuments();
        var liveIndexes = indexKeys();
        assertThat(total("mpp.applications.submitted")).isEqualTo(3);
        assertThat(total("mpp.applications.decided")).isEqualTo(2);

        projection.reset();
        assertThat(storedDocuments()).isEmpty();
        feed.replay(events);

        assertThat(storedDocuments()).isEqualTo(live);
        assertThat(indexKeys()).isEqualTo(liveIndexes);
        assertThat(total("mpp.applications.submitted")).isEqualTo(3);
        assertThat(total("mpp.applications.decided")).isEqualTo(2);
    }

    @Test
    void countsSubmissionsByCatalogueCodesAndChannel() {
        feed.live(wholeLife().events());
        feed.live(rejectedSkckAtMalang().events());

        assertThat(counts("mpp.applications.submitted")).isEqualTo(Map.of(
                Map.of("mpp", "KAB-BANJAR", "agency", "DUKCAPIL", "service", "DUKCAPIL-KTP-EL", "channel", "COUNTER"), 1.0,
                Map.of("mpp", "KOTA-MALANG", "agency", "POLRI", "service", "POLRI-SKCK", "channel", "ONLINE"), 1.0));
    }

    @Test
    void countsDecisionsByCatalogueCodesAndOutcome() {
        feed.live(wholeLife().events());
        feed.live(rejectedSkckAtMalang().events());

        // the agency of a decision is the one that decided, after any rerouting
        assertThat(counts("mpp.applications.decided")).isEqualTo(Map.of(
                Map.of("mpp", "KAB-BANJAR", "agency", "DPMPTSP", "service", "DUKCAPIL-KTP-EL", "outcome", "COMPLETED"), 1.0,
                Map.of("mpp", "KOTA-MALANG", "agency", "POLRI", "service", "POLRI-SKCK", "outcome", "REJECTED"), 1.0));
    }

    @Test
    void countsBreachesAndDeemedApprovalsLiveButNotInAReplay() {
        var breached = ktpAtBanjar().verified().routed("DUKCAPIL").processingStarted().breached();
        var deemed = ktpAtBanjar().verified().routed("DUKCAPIL").processingStarted().deemedApproved();
        var events = Stream.concat(breached.events().stream(), deemed.events().stream()).toList();
        feed.live(events);

        assertThat(counts("mpp.applications.breached")).isEqualTo(Map.of(
                Map.of("mpp", "KAB-BANJAR", "agency", "DUKCAPIL", "service", "DUKCAPIL-KTP-EL"), 1.0));
        assertThat(counts("mpp.applications.decided")).isEqualTo(Map.of(
                Map.of("mpp", "KAB-BANJAR", "agency", "DUKCAPIL", "service", "DUKCAPIL-KTP-EL", "outcome", "DEEMED_APPROVED"), 1.0));

        projection.reset();
        feed.replay(events);
        assertThat(total("mpp.applications.breached")).isEqualTo(1);
        assertThat(view(breached).serviceTime().breached()).isTrue();
        assertThat(view(deemed).status()).isEqualTo(ApplicationStatus.DEEMED_APPROVED);
    }

    @Test
    void aDecisionRetriedAfterAFailedSaveIsCountedOnce() {
        // a failed event is retried by the processor, so nothing may be counted before the change is stored
        MongoTemplate failingOnce = spy(mongo);
        feed = new ProjectionFeed(new ApplicationProjection(failingOnce, updates, new ApplicationMetrics(registry), vault, ApplicationQueriesTest.SERVICE_TIMES));
        var application = ktpAtBanjar().verified().routed("DUKCAPIL").processingStarted();
        feed.live(application.events());
        var completed = application.completed("KTP-EL/6303/2026/0002").last();
        doThrow(new DataAccessResourceFailureException("MongoDB unreachable")).doCallRealMethod()
                .when(failingOnce).updateFirst(any(Query.class),
                        any(UpdateDefinition.class), any(Class.class));

        assertThatThrownBy(() -> feed.live(completed)).isInstanceOf(DataAccessResourceFailureException.class);
        feed.live(completed);

        assertThat(view(application).status()).isEqualTo(COMPLETED);
        assertThat(total("mpp.applications.decided")).as("decisions counted").isEqualTo(1);
    }

    @Test
    void countsAppliedAndDuplicateEvents() {
        var application = ktpAtBanjar().verified().routed("DUKCAPIL");
        feed.live(application.events());
        feed.live(application.events());

        assertThat(counts("mpp.projection.events")).isEqualTo(Map.of(
                Map.of("projection", ApplicationProjection.PROCESSING_GROUP, "outcome", "applied"), 3.0,
                Map.of("projection", ApplicationProjection.PROCESSING_GROUP, "outcome", "duplicate"), 3.0));
    }

    @Test
    @SuppressWarnings("unchecked")
    void publishesEachAppliedChangeToSubscribersOfThatApplicationOnly() {
        var application = ktpAtBanjar().verified();
        feed.live(application.events());
        feed.live(application.last());

        ArgumentCaptor<Predicate<FindApplication>> filters = ArgumentCaptor.forClass(Predicate.class);
        ArgumentCaptor<ApplicationView> views = ArgumentCaptor.forClass(ApplicationView.class);
        verify(updates, times(2)).emit(eq(FindApplication.class), filters.capture(), views.capture());
        assertThat(views.getAllValues()).extracting(ApplicationView::version, ApplicationView::status)
                .containsExactly(tuple(0L, SUBMITTED), tuple(1L, SUBMITTED));
        assertThat(views.getValue().verifiedAt()).isEqualTo(application.last().at());
        assertThat(filters.getValue())
                .accepts(new FindApplication(application.id()))
                .rejects(new FindApplication(ApplicationId.random()));
    }

    @Test
    void failsOnAnEventForAnApplicationNeverSubmitted() {
        // failing makes the processor retry the event; skipping it would lose the change for good
        var unknown = ktpAtBanjar().verified();

        assertThatThrownBy(() -> feed.live(unknown.last()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(unknown.id().value());
        assertThat(storedDocuments()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anErasureScrubsEveryApplicationOfThatPersonAndNoOneElse() {
        var budi = vault.seal(BUDI);
        var ktp = ktpAtBanjar().verified().routed("DUKCAPIL");
        var skck = skckAtMalang(siti).verified();
        var budis = ktpAtBanjar(budi).verified();
        Stream.of(ktp, skck, budis).forEach(application -> feed.live(application.events()));
        var ktpBefore = view(ktp);
        var skckBefore = view(skck);
        var budisBefore = view(budis);
        clearInvocations(updates);

        feed.live(erasureOfSiti());

        assertThat(view(ktp).applicant()).isEqualTo(erased(siti));
        assertThat(view(skck).applicant()).isEqualTo(erased(siti));
        // the history keeps its shape: only the personal data is gone
        assertThat(view(ktp)).usingRecursiveComparison().ignoringFields("applicant").isEqualTo(ktpBefore);
        assertThat(view(skck)).usingRecursiveComparison().ignoringFields("applicant").isEqualTo(skckBefore);
        assertThat(rawDocument(ktp).toJson()).doesNotContain(personalData(SITI));
        assertThat(rawDocument(skck).toJson()).doesNotContain(personalData(SITI));
        assertThat(view(budis)).isEqualTo(budisBefore);
        assertThat(view(budis).applicant()).isEqualTo(readable(budi, BUDI));
        assertThat(storedKey(siti)).as("Siti's key").isNull();
        assertThat(storedKey(budi)).as("Budi's key").isNotNull();

        ArgumentCaptor<Predicate<FindApplication>> filters = ArgumentCaptor.forClass(Predicate.class);
        ArgumentCaptor<ApplicationView> views = ArgumentCaptor.forClass(ApplicationView.class);
        verify(updates, times(2)).emit(eq(FindApplication.class), filters.capture(), views.capture());
        assertThat(views.getAllValues()).extracting(ApplicationView::applicationId, ApplicationView::applicant)
                .containsExactlyInAnyOrder(tuple(ktp.id().value(), erased(siti)), tuple(skck.id().value(), erased(siti)));
        assertThat(filters.getAllValues()).noneMatch(filter -> filter.test(new FindApplication(budis.id())));
    }

    @Test
    void aReplayAfterAnErasureRebuildsTheSameScrubbedCollection() {
        var budi = vault.seal(BUDI);
        var budis = ktpAtBanjar(budi).verified();
        var events = Stream.concat(
                Stream.of(ktpAtBanjar().verified(), skckAtMalang(siti), budis).flatMap(stream -> stream.events().stream()),
                Stream.of(erasureOfSiti())).toList();
        feed.live(events);
        var live = storedDocuments();
        var keys = storedKeys();

        projection.reset();
        feed.replay(events);

        assertThat(storedDocuments()).isEqualTo(live);
        assertThat(storedDocuments()).filteredOn("dataSubjectId", siti.dataSubjectId()).hasSize(2)
                .allSatisfy(document -> assertThat(document.toJson()).doesNotContain(personalData(SITI)));
        assertThat(view(budis).applicant()).isEqualTo(readable(budi, BUDI));
        assertThat(storedKeys()).isEqualTo(keys);
        assertThat(storedKey(siti)).isNull();
    }

    @Test
    void anErasureDeliveredTwiceChangesNothing() {
        feed.live(ktpAtBanjar().verified().events());
        feed.live(ktpAtBanjar(vault.seal(BUDI)).events());
        var erasure = erasureOfSiti();
        feed.live(erasure);
        var erasedOnce = storedDocuments();
        var keys = storedKeys();

        feed.live(erasure);

        assertThat(storedDocuments()).isEqualTo(erasedOnce);
        assertThat(storedKeys()).isEqualTo(keys);
    }

    @Test
    void anApplicationThePersonSubmitsAfterTheirErasureGetsAFreshKeyAndIsReadable() {
        var erasedOne = ktpAtBanjar().verified();
        feed.live(erasedOne.events());
        var shreddedKey = storedKey(siti);
        var erasure = erasureOfSiti();
        feed.live(erasure);
        assertThat(storedKey(siti)).isNull();

        var sitiAgain = vault.seal(SITI);
        var later = submittedAfter(erasure, sitiAgain);
        feed.live(later.events());

        assertThat(sitiAgain.dataSubjectId()).isEqualTo(siti.dataSubjectId());
        assertThat(storedKey(sitiAgain)).isNotNull();
        assertThat(storedKey(sitiAgain).getString("wrappedKey")).isNotEqualTo(shreddedKey.getString("wrappedKey"));
        assertThat(view(later).applicant()).isEqualTo(readable(sitiAgain, SITI));
        assertThat(view(erasedOne).applicant()).isEqualTo(erased(siti));
    }

    @Test
    void anErasureRedeliveredAfterThePersonAppliedAgainLeavesTheNewApplicationReadable() {
        feed.live(ktpAtBanjar().verified().events());
        var erasure = erasureOfSiti();
        feed.live(erasure);
        var sitiAgain = vault.seal(SITI);
        var later = submittedAfter(erasure, sitiAgain);
        feed.live(later.events());
        var before = storedDocuments();

        // a tracking processor delivers a batch again when it failed before storing its token
        feed.live(erasure);

        assertThat(view(later).applicant()).isEqualTo(readable(sitiAgain, SITI));
        assertThat(storedDocuments()).isEqualTo(before);
        assertThat(vault.open(sitiAgain)).as("the data of the later application").contains(SITI);
    }

    @Test
    void aReplayOfAHistoryInWhichThePersonAppliedAgainAfterTheirErasureRebuildsTheSameCollection() {
        var erasedOne = ktpAtBanjar().verified();
        var erasure = erasureOfSiti();
        feed.live(erasedOne.events());
        feed.live(erasure);
        var sitiAgain = vault.seal(SITI);
        var later = submittedAfter(erasure, sitiAgain);
        feed.live(later.events());
        var live = storedDocuments();

        projection.reset();
        feed.replay(Stream.of(erasedOne.events(), List.of(erasure), later.events()).flatMap(List::stream).toList());

        assertThat(storedDocuments()).isEqualTo(live);
        assertThat(view(erasedOne).applicant()).isEqualTo(erased(siti));
        assertThat(view(later).applicant()).isEqualTo(readable(sitiAgain, SITI));
    }

    private ApplicationStream ktpAtBanjar() {
        return ktpAtBanjar(siti);
    }

    private static ApplicationStream ktpAtBanjar(SealedApplicant applicant) {
        return ApplicationStream.submitted(applicant, "KAB-BANJAR", "DUKCAPIL-KTP-EL", "DUKCAPIL", Channel.COUNTER, MONDAY_MORNING);
    }

    private static ApplicationStream skckAtMalang(SealedApplicant applicant) {
        return ApplicationStream.submitted(applicant, "KOTA-MALANG", "POLRI-SKCK", "POLRI", Channel.ONLINE, MONDAY_MORNING);
    }

    private ApplicationStream rejectedSkckAtMalang() {
        return skckAtMalang(siti).verified().routed("POLRI").processingStarted().rejected("Sidik jari tidak terbaca");
    }

    /** Every kind of event once, in an order the lifecycle allows. */
    private ApplicationStream wholeLife() {
        return ktpAtBanjar()
                .returnedForCorrection("Fotokopi KK buram", "Kartu Keluarga")
                .resubmitted("KK asli dibawa")
                .verified()
                .routed("DUKCAPIL")
                .rerouted("DPMPTSP", "Ditangani loket terpadu")
                .processingStarted()
                .documentsRequested("Perlu surat pengantar", "Surat Pengantar RT/RW")
                .documentsProvided("Surat Pengantar RT/RW")
                .completed("KTP-EL/6303/2026/0001")
                .collected()
                .rated(4, "Cepat dan ramah");
    }

    /** Siti's erasure, happening now: after her applications of the test, before any key sealed later. */
    private StoredEvent erasureOfSiti() {
        return StoredEvent.erasure(siti, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private static ApplicationStream submittedAfter(StoredEvent erasure, SealedApplicant applicant) {
        return ApplicationStream.submitted(applicant, "KAB-BANJAR", "DUKCAPIL-KTP-EL", "DUKCAPIL", Channel.COUNTER,
                erasure.at().plus(Duration.ofHours(1))).verified();
    }

    private static ApplicantView readable(SealedApplicant sealed, Applicant applicant) {
        return new ApplicantView(sealed.dataSubjectId(), applicant.nik().value(), applicant.name(), applicant.phone(),
                applicant.email(), false);
    }

    private static ApplicantView erased(SealedApplicant sealed) {
        return new ApplicantView(sealed.dataSubjectId(), null, null, null, null, true);
    }

    private static String[] personalData(Applicant applicant) {
        return new String[]{applicant.nik().value(), applicant.name(), applicant.phone(), applicant.email()};
    }

    /** Applies the stream's latest event, as the processor would, and reads the resulting view. */
    private ApplicationView project(ApplicationStream stream) {
        feed.live(stream.last());
        return view(stream);
    }

    private ApplicationView view(ApplicationStream stream) {
        var document = mongo.findById(stream.id().value(), ApplicationDocument.class);
        return document.toView(ApplicationQueriesTest.SERVICE_TIMES.of(document));
    }

    private List<Document> storedDocuments() {
        return mongo.getCollection(ApplicationDocument.COLLECTION).find().sort(Sorts.ascending("_id"))
                .into(new ArrayList<>());
    }

    private Document rawDocument(ApplicationStream stream) {
        return mongo.getCollection(ApplicationDocument.COLLECTION).find(new Document("_id", stream.id().value())).first();
    }

    /** The key store's document of that person, or null. */
    private Document storedKey(SealedApplicant sealed) {
        return mongo.getCollection(DATA_SUBJECT_KEYS).find(new Document("_id", sealed.dataSubjectId())).first();
    }

    private List<Document> storedKeys() {
        return mongo.getCollection(DATA_SUBJECT_KEYS).find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    private List<Object> indexKeys() {
        return mongo.getCollection(ApplicationDocument.COLLECTION).listIndexes().map(index -> index.get("key"))
                .into(new ArrayList<>());
    }

    private double total(String counter) {
        return registry.find(counter).counters().stream().mapToDouble(Counter::count).sum();
    }

    /** Each counter of that name, by its tags. */
    private Map<Map<String, String>, Double> counts(String counter) {
        return registry.find(counter).counters().stream().collect(Collectors.toMap(
                c -> c.getId().getTags().stream().collect(Collectors.toMap(Tag::getKey, Tag::getValue)),
                Counter::count));
    }
}
