package dev.apitool;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The arrow points one way, {@code cli -> core} (DESIGN.md): core holds all logic and knows
 * nothing of picocli, JLine, the cli package, the process's standard streams or its exit.
 */
class ArchitectureTest {

    private static final String CORE = "dev.apitool.core..";

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("dev.apitool");
    }

    @Test
    void core_anyClass_dependsOnNoFrontEnd() {
        ArchRule rule = noClasses().that().resideInAPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("picocli..", "org.jline..", "dev.apitool.cli..")
                .because("the arrow points cli -> core, never back");
        rule.check(production);
    }

    @Test
    void core_anyClass_neverWritesToStandardStreams() {
        ArchRule rule = noClasses().that().resideInAPackage(CORE)
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .because("core returns results; the front end decides what to print and where");
        rule.check(production);
    }

    @Test
    void core_anyClass_neverExitsTheProcess() {
        ArchRule rule = noClasses().that().resideInAPackage(CORE)
                .should().callMethod(System.class, "exit", int.class)
                .orShould().callMethod(Runtime.class, "exit", int.class)
                .orShould().callMethod(Runtime.class, "halt", int.class)
                .because("only the cli's Main maps a result to an exit code");
        rule.check(production);
    }

    @Test
    void core_anyClass_neverReadsStandardInput() {
        ArchRule rule = noClasses().that().resideInAPackage(CORE)
                .should().accessField(System.class, "in")
                .because("core reads what the front end hands it (Inputs' stdin supplier), never the process's stdin");
        rule.check(production);
    }

    @Test
    void corePackages_haveNoCycles() {
        ArchRule rule = slices().matching("dev.apitool.core.(*)..").should().beFreeOfCycles()
                .because("each core package is one concern; a cycle makes two of them one");
        rule.check(production);
    }

    @Test
    void netty_usedOnlyByCoreHttpAndLoadsEngine() {
        ArchRule rule = noClasses().that()
                .resideOutsideOfPackages("dev.apitool.core.http..", "dev.apitool.core.load.engine..")
                .should().dependOnClassesThat().resideInAPackage("io.netty..")
                .because("one HTTP stack (DESIGN.md): a transport feature is written once, in core.http");
        rule.check(production);
    }

    @Test
    void core_import_findsTheCoreClasses() {
        // guards the rules above against passing vacuously because nothing was imported
        org.assertj.core.api.Assertions.assertThat(production.stream()
                .filter(c -> c.getPackageName().startsWith("dev.apitool.core"))).hasSizeGreaterThan(10);
    }
}
