package id.mpp.tracker.query;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Controller;

import java.lang.annotation.Annotation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "id.mpp.tracker", importOptions = ImportOption.DoNotIncludeTests.class)
class QuerySideArchitectureTest {

    private static final DescribedPredicate<JavaClass> PROJECTIONS = handling(EventHandler.class, "projections");
    private static final DescribedPredicate<JavaClass> QUERY_HANDLERS = handling(QueryHandler.class, "query handlers");

    @ArchTest
    static final ArchRule projectionsAndQueryHandlersKnowNothingOfTheWeb = noClasses()
            .that(PROJECTIONS.or(QUERY_HANDLERS))
            .should().dependOnClassesThat().resideInAPackage("org.springframework.web..");

    /** Besides the query controllers, only the platform's shared web plumbing (its problem+json error controller). */
    @ArchTest
    static final ArchRule controllersLiveOnlyInQueryPackages = classes()
            .that().areMetaAnnotatedWith(Controller.class)
            .should().resideInAnyPackage("..query..", "id.mpp.tracker.platform.web..");

    @ArchTest
    static final ArchRule projectionsDoNotUseControllers = noClasses()
            .that(PROJECTIONS)
            .should().dependOnClassesThat().areMetaAnnotatedWith(Controller.class);

    /** Auditors only read: no command, no event published, no tracking token moved. */
    @ArchTest
    static final ArchRule auditOnlyReads = noClasses()
            .that().resideInAPackage("id.mpp.tracker.query.audit..")
            .should().dependOnClassesThat().areAssignableTo(CommandGateway.class)
            .orShould().dependOnClassesThat().areAssignableTo(CommandBus.class)
            .orShould().dependOnClassesThat().areAssignableTo(TokenStore.class)
            .orShould().callMethodWhere(JavaCall.Predicates.target(HasName.Predicates.name("publish"))
                    .and(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(JavaClass.Predicates.assignableTo(EventBus.class)))));

    private static DescribedPredicate<JavaClass> handling(Class<? extends Annotation> handler, String description) {
        return DescribedPredicate.describe(description,
                type -> type.getMethods().stream().anyMatch(method -> method.isAnnotatedWith(handler)));
    }
}
