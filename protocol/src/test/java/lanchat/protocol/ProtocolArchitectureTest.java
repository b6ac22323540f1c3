package lanchat.protocol;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The protocol's layout as rules, checked on its main classes: it stands on its own, frames know nothing of JSON,
 * and the messages at the root know nothing of the packages built on them.
 */
@AnalyzeClasses(packages = "lanchat.protocol",
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ProtocolArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnNoOtherModule = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("lanchat.server..", "lanchat.client..", "lanchat.bench..", "lanchat.demo..");

    @ArchTest
    static final ArchRule framesAreBytesOnly = noClasses().that().resideInAPackage("lanchat.protocol.wire..")
            .should().dependOnClassesThat().resideInAnyPackage("com.google.gson..", "lanchat.protocol.json..");

    @ArchTest
    static final ArchRule messagesKnowNothingOfWhatIsBuiltOnThem = noClasses().that()
            .resideInAPackage("lanchat.protocol").should().dependOnClassesThat()
            .resideInAnyPackage("lanchat.protocol.wire..", "lanchat.protocol.json..", "lanchat.protocol.discovery..",
                    "com.google.gson..");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("lanchat.protocol.(*)..").should().beFreeOfCycles();
}
