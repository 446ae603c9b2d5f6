package id.mpp.tracker.command.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.elements.GivenClassesConjunction;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The domain decides; the web layer and the tracking-number store only serve it. */
@AnalyzeClasses(packages = "id.mpp.tracker.command", importOptions = ImportOption.DoNotIncludeTests.class)
class CommandSideArchitectureTest {

    private static final String DOMAIN = "id.mpp.tracker.command.application";

    private static GivenClassesConjunction noDomainClasses() {
        return noClasses().that().resideInAPackage(DOMAIN).and().resideOutsideOfPackage("..web..");
    }

    @ArchTest
    static final ArchRule domainIsFreeOfInfrastructureFrameworks = noDomainClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "jakarta.servlet..", "jakarta.persistence..", "com.mongodb..",
                    "org.bson..", "java.sql..");

    @ArchTest
    static final ArchRule domainDoesNotUseTheWebLayer = noDomainClasses()
            .should().dependOnClassesThat().resideInAPackage(DOMAIN + ".web..");

    @ArchTest
    static final ArchRule domainDoesNotUseTheTrackingNumberStore = noDomainClasses()
            .should().dependOnClassesThat().resideInAPackage("id.mpp.tracker.command.tracking..");
}
