package org.losslab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The layering: cli -> app -> scene -> engine (each may use those after it, never those before), no JavaFX below
 * the app, and no package cycles between the layers, inside the engine or inside the app (its root included).
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.losslab");

    /** The commands that open or draw the window (and the entry point's error log); the others are headless. */
    private static final String CLI_CLASSES_USING_THE_APP =
            "org\\.losslab\\.cli\\.(Main|AppCommand|RenderCommand|UiBench)(\\$.*)?";

    @Test
    void theEngineKnowsNothingOfJavaFxNorOfTheLayersAboveIt() {
        noClasses().that().resideInAPackage("org.losslab.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree..", "org.controlsfx..",
                        "com.fasterxml..", "picocli..", "org.losslab.scene..", "org.losslab.cli..", "org.losslab.app..")
                .check(CLASSES);
    }

    @Test
    void sceneFilesDoNotKnowTheCommandsOrTheApp() {
        noClasses().that().resideInAPackage("org.losslab.scene..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.losslab.cli..", "org.losslab.app..")
                .check(CLASSES);
    }

    @Test
    void theAppDoesNotKnowTheCommands() {
        noClasses().that().resideInAPackage("org.losslab.app..")
                .should().dependOnClassesThat().resideInAPackage("org.losslab.cli..")
                .check(CLASSES);
    }

    @Test
    void onlyTheCommandsThatOpenOrDrawTheWindowUseTheApp() {
        noClasses().that().resideInAPackage("org.losslab.cli..").and().haveNameNotMatching(CLI_CLASSES_USING_THE_APP)
                .should().dependOnClassesThat().resideInAPackage("org.losslab.app..")
                .check(CLASSES);
    }

    @Test
    void theEnginesPackagesHaveNoCycles() {
        slices().matching("org.losslab.engine.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /**
     * The app's packages, its root included: the window and its helpers ("app"), and each subpackage with the
     * packages under it ("app.seg", "app.core", ...). {@code slices().matching("org.losslab.app.(*)..")} would leave
     * the root out, and the root is where the old circles went through (Workspace, Action, FxLatest...).
     */
    static final SliceAssignment APP_PACKAGES = new SliceAssignment() {
        private static final String APP = "org.losslab.app";

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String p = javaClass.getPackageName();
            if (p.equals(APP)) {
                return SliceIdentifier.of("app");
            }
            if (p.startsWith(APP + ".")) {
                return SliceIdentifier.of("app." + p.substring(APP.length() + 1).split("\\.")[0]);
            }
            return SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the app's root package and each of its subpackages";
        }
    };

    @Test
    void theAppsPackagesHaveNoCycles() {
        slices().assignedFrom(APP_PACKAGES).should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theLayersHaveNoCycles() {
        slices().matching("org.losslab.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
