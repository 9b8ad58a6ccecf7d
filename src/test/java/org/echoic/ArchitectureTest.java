package org.echoic;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering rules of ARCHITECTURE.md, enforced on the compiled main classes. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.echoic");
    }

    @Test
    void onlyUiTouchesJavaFx() {
        noClasses().that().resideOutsideOfPackages("org.echoic.ui..")
                .and().doNotHaveFullyQualifiedName("org.echoic.Echoic")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void nothingDependsOnUi() {
        noClasses().that().resideOutsideOfPackages("org.echoic.ui..")
                .and().doNotHaveFullyQualifiedName("org.echoic.Echoic")
                .should().dependOnClassesThat().resideInAPackage("org.echoic.ui..")
                .check(classes);
    }

    /**
     * The labellers (issue 16) and the embeddings (issue 17: the listener network is a DL4J graph, the RBM
     * embedding ND4J) are networks on ND4J too, so {@code label} and {@code embed} join the model packages.
     */
    @Test
    void onlyModelPackagesTouchNd4j() {
        noClasses().that().resideOutsideOfPackages("org.echoic.rnnrbm..", "org.echoic.train..",
                        "org.echoic.generate..", "org.echoic.io..", "org.echoic.label..", "org.echoic.embed..")
                .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..")
                .check(classes);
    }

    @Test
    void onlyIoTouchesJackson() {
        noClasses().that().resideOutsideOfPackages("org.echoic.io..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..")
                .check(classes);
    }

    @Test
    void coreLayersUseOnlyWhatTheyMay() {
        noClasses().that().resideInAPackage("org.echoic.audio..")
                .should().dependOnClassesThat().resideInAnyPackage("org.echoic.dsp..", "org.echoic.segment..",
                        "org.echoic.rnnrbm..", "org.echoic.train..", "org.echoic.generate..", "org.echoic.io..",
                        "org.echoic.service..", "org.echoic.cli..")
                .check(classes);
        noClasses().that().resideInAPackage("org.echoic.dsp..")
                .should().dependOnClassesThat().resideInAnyPackage("org.echoic.segment..", "org.echoic.rnnrbm..",
                        "org.echoic.train..", "org.echoic.generate..", "org.echoic.io..", "org.echoic.service..",
                        "org.echoic.cli..")
                .check(classes);
        noClasses().that().resideInAPackage("org.echoic.render..")
                .should().dependOnClassesThat().resideInAnyPackage("org.echoic.io..", "org.echoic.service..",
                        "org.echoic.ui..", "org.echoic.cli..", "org.echoic.rnnrbm..", "org.echoic.train..",
                        "org.echoic.generate..")
                .check(classes);
        noClasses().that().resideInAPackage("org.echoic.segment..")
                .should().dependOnClassesThat().resideInAnyPackage("org.echoic.rnnrbm..", "org.echoic.train..",
                        "org.echoic.generate..", "org.echoic.io..", "org.echoic.service..", "org.echoic.cli..")
                .check(classes);
        noClasses().that().resideInAPackage("org.echoic.rnnrbm..")
                .should().dependOnClassesThat().resideInAnyPackage("org.echoic.audio..", "org.echoic.dsp..",
                        "org.echoic.segment..", "org.echoic.train..", "org.echoic.generate..", "org.echoic.io..",
                        "org.echoic.service..", "org.echoic.cli..")
                .check(classes);
        noClasses().that().resideInAnyPackage("org.echoic.train..", "org.echoic.generate..")
                .should().dependOnClassesThat().resideInAnyPackage("org.echoic.io..", "org.echoic.service..",
                        "org.echoic.cli..")
                .check(classes);
        noClasses().that().resideInAPackage("org.echoic.io..")
                .should().dependOnClassesThat().resideInAnyPackage("org.echoic.service..", "org.echoic.cli..")
                .check(classes);
        noClasses().that().resideInAPackage("org.echoic.service..")
                .should().dependOnClassesThat().resideInAnyPackage("org.echoic.cli..")
                .check(classes);
    }

    @Test
    void projectStateIsCore() {
        noClasses().that().resideInAPackage("org.echoic.project..")
                .should().dependOnClassesThat().resideInAnyPackage("org.echoic.io..", "org.echoic.service..",
                        "org.echoic.ui..", "org.echoic.cli..", "org.echoic.render..", "org.nd4j..")
                .check(classes);
    }

    @Test
    void renderSitsBetweenCoreAndFrontEnds() {
        noClasses().that().resideInAPackage("org.echoic.render..")
                .should().dependOnClassesThat().resideInAnyPackage("org.echoic.io..", "org.echoic.service..",
                        "org.echoic.ui..", "org.echoic.cli..", "org.echoic.rnnrbm..", "org.echoic.train..",
                        "org.echoic.generate..")
                .check(classes);
        noClasses().that().resideInAnyPackage("org.echoic.audio..", "org.echoic.dsp..", "org.echoic.segment..",
                        "org.echoic.rnnrbm..", "org.echoic.train..", "org.echoic.generate..", "org.echoic.io..")
                .should().dependOnClassesThat().resideInAPackage("org.echoic.render..")
                .check(classes);
    }

    @Test
    void corpusIsCoreWithoutTheModel() {
        noClasses().that().resideInAPackage("org.echoic.corpus..")
                .should().dependOnClassesThat().resideInAnyPackage("org.echoic.io..", "org.echoic.service..",
                        "org.echoic.ui..", "org.echoic.cli..", "org.echoic.render..", "org.echoic.rnnrbm..",
                        "org.nd4j..")
                .check(classes);
    }

    /** Frame labellers: audio, DSP and segment values in, DL4J networks inside; no files, services or front ends. */
    @Test
    void labelIsCoreOnDl4j() {
        noClasses().that().resideInAPackage("org.echoic.label..")
                .should().dependOnClassesThat().resideInAnyPackage("org.echoic.io..", "org.echoic.service..",
                        "org.echoic.ui..", "org.echoic.cli..", "org.echoic.render..", "org.echoic.rnnrbm..",
                        "org.echoic.train..", "org.echoic.generate..", "org.echoic.corpus..", "org.echoic.project..")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("org.echoic.label..", "org.echoic.embed..", "org.echoic.io..")
                .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..")
                .check(classes);
    }

    @Test
    void clusteringIsPlainJava() {
        noClasses().that().resideInAPackage("org.echoic.cluster..")
                .should().dependOnClassesThat().resideInAnyPackage("org.echoic.audio..", "org.echoic.dsp..",
                        "org.echoic.segment..", "org.echoic.rnnrbm..", "org.echoic.train..", "org.echoic.generate..",
                        "org.echoic.io..", "org.echoic.service..", "org.echoic.cli..", "org.echoic.render..",
                        "org.echoic.embed..", "org.echoic.corpus..", "org.echoic.project..", "org.nd4j..",
                        "org.deeplearning4j..")
                .check(classes);
    }

    @Test
    void embeddingsUseCoreAndTheModelButNoFrontEnd() {
        noClasses().that().resideInAPackage("org.echoic.embed..")
                .should().dependOnClassesThat().resideInAnyPackage("org.echoic.io..", "org.echoic.service..",
                        "org.echoic.cli..", "org.echoic.render..", "org.echoic.generate..", "org.echoic.project..")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("org.echoic.embed..", "org.echoic.label..", "org.echoic.io..")
                .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..")
                .check(classes);
    }

    /** Measurements (issue 15): audio, DSP and segment values in, TarsosDSP for F0; only {@code measure} uses TarsosDSP. */
    @Test
    void measureIsCoreOnTarsos() {
        noClasses().that().resideInAPackage("org.echoic.measure..")
                .should().dependOnClassesThat().resideInAnyPackage("org.echoic.io..", "org.echoic.service..",
                        "org.echoic.ui..", "org.echoic.cli..", "org.echoic.render..", "org.echoic.rnnrbm..",
                        "org.echoic.train..", "org.echoic.generate..", "org.echoic.corpus..", "org.echoic.project..",
                        "org.echoic.label..", "org.nd4j..", "com.fasterxml.jackson..")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("org.echoic.measure..")
                .should().dependOnClassesThat().resideInAnyPackage("be.tarsos..")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.echoic.(*)..").should().beFreeOfCycles().check(classes);
    }
}
