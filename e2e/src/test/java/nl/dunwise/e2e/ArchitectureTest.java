package nl.dunwise.e2e;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of docs/architecture.md, checked on the compiled classes of every module:
 * features do not depend on each other in circles, nothing that ships in the EAR knows the sandbox,
 * and the web modules go through the services, never to the database themselves.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.dunwise");
    }

    /**
     * A module's classes come from its installed jar (named after the artifact) or, inside the reactor,
     * from its target folder (the sandbox's classes jar is named after its finalName, exact-sandbox).
     */
    private static DescribedPredicate<JavaClass> from(String moduleArtifact) {
        String folder = "/" + moduleArtifact.replace("dunwise-", "") + "/target/";
        return DescribedPredicate.describe("in module " + moduleArtifact, c -> c.getSource()
                .map(s -> s.getUri().toString())
                .map(uri -> uri.contains(moduleArtifact) || uri.contains(folder)
                        || moduleArtifact.equals("dunwise-sandbox") && uri.contains("exact-sandbox"))
                .orElse(false));
    }

    private static final DescribedPredicate<JavaClass> IN_EAR = DescribedPredicate.describe("shipped in the EAR",
            c -> from("dunwise-ejb").test(c) || from("dunwise-web-admin").test(c) || from("dunwise-web-portal").test(c));

    private static final DescribedPredicate<JavaClass> IN_WEB_MODULE = DescribedPredicate.describe("in a web module",
            c -> from("dunwise-web-admin").test(c) || from("dunwise-web-portal").test(c));

    @Test
    void everyModuleWasImported() {
        for (String module : new String[] {"dunwise-ejb", "dunwise-web-admin", "dunwise-web-portal", "dunwise-sandbox"}) {
            org.junit.jupiter.api.Assertions.assertFalse(classes.that(from(module)).isEmpty(),
                    "no classes of " + module + " on the test class path: the rules below would prove nothing");
        }
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("nl.dunwise.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void nothingInTheEarRefersToTheSandbox() {
        noClasses().that(IN_EAR).should().dependOnClassesThat().resideInAPackage("nl.dunwise.sandbox..")
                .check(classes);
    }

    @Test
    void webModulesDoNotReachPastTheServicesIntoPersistence() {
        noClasses().that(IN_WEB_MODULE).should().dependOnClassesThat()
                .resideInAnyPackage("jakarta.persistence..", "javax.sql..", "java.sql..")
                .because("JSF beans and servlets call the feature services; only the ejb module talks to the database")
                .check(classes);
    }

    @Test
    void sandboxStandsAlone() {
        noClasses().that(from("dunwise-sandbox")).should().dependOnClassesThat(IN_EAR).check(classes);
    }
}
