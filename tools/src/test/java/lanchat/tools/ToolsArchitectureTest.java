package lanchat.tools;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The tools talk to a server through the protocol only: a server they need runs as a process from its jar, so
 * they never import the server's or the client's code.
 */
@AnalyzeClasses(packages = {"lanchat.bench", "lanchat.demo"},
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ToolsArchitectureTest {

    @ArchTest
    static final ArchRule useTheProtocolOnly = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("lanchat.server..", "lanchat.client..");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("lanchat.(*)..").should().beFreeOfCycles();
}
