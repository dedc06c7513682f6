package org.losslab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layering: cli -> app -> scene -> engine (each may use those after it, never those before), no JavaFX below
 * the app, and no package cycles inside the engine or the app.
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

    @Test
    void theLayersHaveNoCycles() {
        slices().matching("org.losslab.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
