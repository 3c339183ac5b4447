package dev.llmgateway.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * What {@code pulumi up} runs holds only deployment code. Maven modules keep the offline engine and
 * the plan off the program's classpath (the parent pom's enforcer rule); the SDK's own test API
 * ({@code com.pulumi.test}) ships inside the main SDK jar, so module boundaries alone cannot keep it
 * out: this checks the compiled classes of the core, the components and the program.
 */
class LayeringTest {

    private static final JavaClasses DEPLOYED = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // In the reactor the modules are class directories; the SDK jars (the aws one is 48 MB) need not be read.
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.llmgateway.components", "dev.llmgateway.gateway");

    @Test
    void deployedCodeNeverUsesTheSdkTestApiTheEngineOrThePlan() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("com.pulumi.test..", "dev.llmgateway.engine..", "dev.llmgateway.plan..")
                .because("the mock engine and the plan never run under pulumi up")
                .check(DEPLOYED);
    }

    @Test
    void componentsNeverUseTheProgram() {
        noClasses().that().resideInAPackage("dev.llmgateway.components..")
                .should().dependOnClassesThat().resideInAPackage("dev.llmgateway.gateway..")
                .because("components are a library: generic AWS building blocks the program wires")
                .check(DEPLOYED);
    }
}
