package id.mpp.tracker.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.serialization.Revision;

import static com.tngtech.archunit.lang.conditions.ArchConditions.be;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The published language is shared by every side, so it must stay free of any side's infrastructure. */
@AnalyzeClasses(packages = "id.mpp.tracker", importOptions = ImportOption.DoNotIncludeTests.class)
class SharedEventsArchitectureTest {

    /** Events are named in the past participle: ApplicationSubmitted, ApplicationWithdrawn, ApplicationReturnedForCorrection. */
    private static final DescribedPredicate<JavaClass> NAMED_LIKE_AN_EVENT = DescribedPredicate.describe(
            "named like an event", c -> c.getSimpleName().matches("[A-Z]\\w*(ed|en|wn)(For[A-Z]\\w*)?"));

    private static final String[] EVENT_PACKAGES = {"id.mpp.tracker.application", "id.mpp.tracker.privacy", "id.mpp.tracker.audit"};

    @ArchTest
    static final ArchRule noInfrastructure = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "jakarta.persistence..", "com.mongodb..", "java.sql..");

    @ArchTest
    static final ArchRule eventsAreRevisionedRecords = classes()
            .that().resideInAnyPackage(EVENT_PACKAGES).and().areTopLevelClasses()
            .and(NAMED_LIKE_AN_EVENT)
            .should().beRecords().andShould().beAnnotatedWith(Revision.class);

    @ArchTest
    static final ArchRule revisionedClassesAreEvents = classes()
            .that().areAnnotatedWith(Revision.class)
            .should().resideInAnyPackage(EVENT_PACKAGES).andShould(be(NAMED_LIKE_AN_EVENT));
}
