package id.mpp.tracker.command.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.elements.GivenClassesConjunction;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The domain (applications, data subjects, the anchor log) decides; the web layer, the platform and the stores only serve it. */
@AnalyzeClasses(packages = "id.mpp.tracker.command", importOptions = ImportOption.DoNotIncludeTests.class)
class CommandSideArchitectureTest {

    private static final String DOMAIN = "id.mpp.tracker.command.application";
    private static final String PRIVACY = "id.mpp.tracker.command.privacy";
    private static final String AUDIT = "id.mpp.tracker.command.audit";

    private static GivenClassesConjunction noDomainClasses() {
        return noClasses().that().resideInAnyPackage(DOMAIN, PRIVACY, AUDIT).and().resideOutsideOfPackage("..web..");
    }

    @ArchTest
    static final ArchRule domainIsFreeOfInfrastructureFrameworks = noDomainClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "jakarta.servlet..", "jakarta.persistence..", "com.mongodb..",
                    "org.bson..", "java.sql..");

    @ArchTest
    static final ArchRule domainDoesNotUseTheWebLayer = noDomainClasses()
            .should().dependOnClassesThat().resideInAnyPackage(DOMAIN + ".web..", PRIVACY + ".web..");

    @ArchTest
    static final ArchRule domainDoesNotUseThePlatform = noDomainClasses()
            .should().dependOnClassesThat().resideInAPackage("id.mpp.tracker.platform..");

    @ArchTest
    static final ArchRule domainDoesNotUseTheTrackingNumberStore = noDomainClasses()
            .should().dependOnClassesThat().resideInAPackage("id.mpp.tracker.command.tracking..");
}
