package lanchat.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The server's package picture, held as tests: packages by role, dependencies pointing down
 * (wiring → chat → files, history → session → transport → runtime), no cycles, sockets only in the transport.
 */
@AnalyzeClasses(packages = "lanchat.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("lanchat.server.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule layersPointDown = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("wiring").definedBy("lanchat.server")
            .layer("chat").definedBy("lanchat.server.chat..")
            .layer("files").definedBy("lanchat.server.files..")
            .layer("history").definedBy("lanchat.server.history..")
            .layer("session").definedBy("lanchat.server.session..")
            .layer("transport").definedBy("lanchat.server.transport..")
            .layer("discovery").definedBy("lanchat.server.discovery..")
            .layer("runtime").definedBy("lanchat.server.runtime..")
            .whereLayer("wiring").mayNotBeAccessedByAnyLayer()
            .whereLayer("chat").mayOnlyBeAccessedByLayers("wiring")
            .whereLayer("files").mayOnlyBeAccessedByLayers("wiring", "chat")
            .whereLayer("history").mayOnlyBeAccessedByLayers("wiring", "chat")
            .whereLayer("session").mayOnlyBeAccessedByLayers("wiring", "chat", "files")
            .whereLayer("transport").mayOnlyBeAccessedByLayers("wiring", "session")
            .whereLayer("discovery").mayOnlyBeAccessedByLayers("wiring");

    @ArchTest
    static final ArchRule onlyTransportTouchesTcpSockets = noClasses()
            .that().resideOutsideOfPackage("lanchat.server.transport..")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.ServerSocket")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.channels.SocketChannel")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.channels.ServerSocketChannel");

    @ArchTest
    static final ArchRule onlyDiscoveryTouchesUdpSockets = noClasses()
            .that().resideOutsideOfPackage("lanchat.server.discovery..")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.net.DatagramSocket");

    @ArchTest
    static final ArchRule chatAndSessionSeeOnlyTheConnectionInterface = noClasses()
            .that().resideInAnyPackage("lanchat.server.chat..", "lanchat.server.session..",
                    "lanchat.server.files..")
            .should().dependOnClassesThat().haveSimpleNameStartingWith("Tcp")
            .orShould().dependOnClassesThat().haveSimpleName("SocketSink")
            .orShould().dependOnClassesThat().haveSimpleName("Refusals");

    @ArchTest
    static final ArchRule chatDoesNotReachTheTransport = noClasses()
            .that().resideInAnyPackage("lanchat.server.chat..", "lanchat.server.files..")
            .should().dependOnClassesThat().resideInAPackage("lanchat.server.transport..");

    @ArchTest
    static final ArchRule serverNeverUsesTheClient = noClasses()
            .should().dependOnClassesThat().resideInAPackage("lanchat.client..");

    @ArchTest
    static final ArchRule noServiceLocator = noClasses()
            .should().haveSimpleName("Hub");
}
