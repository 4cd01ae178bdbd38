package io.emailaccounts.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The layers of "Where things are" (the guide Changing the API), held to: each package knows only those below it. */
class PackageStructureTest {

    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.emailaccounts.server");

    @Test
    void shouldHaveNoCycleBetweenPackages() {
        slices().matching("io.emailaccounts.server.(**)").should().beFreeOfCycles().check(SERVER);
    }

    @Test
    void shouldHaveNoCycleBetweenTopLevelPackages() {
        slices().matching("io.emailaccounts.server.(*)..").should().beFreeOfCycles().check(SERVER);
    }

    @Test
    void shouldKeepTheApplicationWideWebLayerFreeOfFeatures() {
        noClasses().that().resideInAPackage("io.emailaccounts.server.web..")
                .should().dependOnClassesThat().resideInAPackage("io.emailaccounts.server.emailaccount..")
                .check(SERVER);
    }

    @Test
    void shouldKeepGeneratedModelsOutOfTheServiceAndPersistenceLayers() {
        noClasses().that().resideInAnyPackage("io.emailaccounts.server.emailaccount",
                        "io.emailaccounts.server.emailaccount.search..",
                        "io.emailaccounts.server.emailaccount.service..",
                        "io.emailaccounts.server.emailaccount.persistence..")
                .should().dependOnClassesThat().resideInAPackage("io.emailaccounts.server.generated..")
                .check(SERVER);
    }

    /**
     * The generated code is called as code, the compiler checking each call: no method is called by reflection, and no
     * interface answered by a proxy of ours (the search's parameters come as one generated object).
     */
    @Test
    void shouldCallNoMethodThroughReflection() {
        noClasses().should().callMethod(Method.class, "invoke", Object.class, Object[].class)
                .orShould().callMethod(Proxy.class, "newProxyInstance", ClassLoader.class, Class[].class, InvocationHandler.class)
                .orShould().implement(InvocationHandler.class)
                .check(SERVER);
    }

    @Test
    void shouldLetOnlyTheServiceLayerUsePersistence() {
        noClasses().that().resideInAPackage("io.emailaccounts.server.emailaccount.web..")
                .should().dependOnClassesThat().resideInAPackage("io.emailaccounts.server.emailaccount.persistence..")
                .check(SERVER);
    }
}
