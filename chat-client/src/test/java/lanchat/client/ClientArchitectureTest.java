package lanchat.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The client's layers as rules, checked on its main classes: the user interface ({@code ui}) above the session
 * ({@code session}) above the network ({@code net}); dependencies only point down, and the client never uses the
 * server's code or the tools'.
 */
@AnalyzeClasses(packages = "lanchat.client",
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ClientArchitectureTest {

    @ArchTest
    static final ArchRule networkKnowsNothingAbove = noClasses().that().resideInAPackage("lanchat.client.net..")
            .should().dependOnClassesThat().resideInAnyPackage("lanchat.client.session..", "lanchat.client.ui..");

    @ArchTest
    static final ArchRule sessionKnowsNothingOfTheInterface = noClasses().that()
            .resideInAPackage("lanchat.client.session..")
            .should().dependOnClassesThat().resideInAPackage("lanchat.client.ui..");

    @ArchTest
    static final ArchRule neverTheServerNorTheTools = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("lanchat.server..", "lanchat.bench..", "lanchat.demo..");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("lanchat.client.(*)..").should().beFreeOfCycles();
}
