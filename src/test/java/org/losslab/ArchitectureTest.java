package org.losslab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering: app -> cli -> scene -> engine, and no JavaFX below the app. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.losslab");

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
}
