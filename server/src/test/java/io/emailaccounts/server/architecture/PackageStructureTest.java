package io.emailaccounts.server.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.emailaccounts.server.MayUse;

/** The layers of "Where things are" (the guide Changing the API), held to: each package knows only those below it. */
class PackageStructureTest {

    private static final String SERVER_PACKAGE = "io.emailaccounts.server";
    private static final String GENERATED = SERVER_PACKAGE + ".generated";
    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(SERVER_PACKAGE);

    /** The packages of the server's own code (the spring generator's, {@code generated}, are its). */
    private static List<String> ownPackages() {
        return SERVER.stream().map(JavaClass::getPackageName).filter(name -> !name.startsWith(GENERATED)).distinct().sorted().toList();
    }

    @Test
    void shouldSayOfEveryPackageWhatItIsForAndWhatItMayUse() {
        assertThat(ownPackages()).hasSizeGreaterThan(10).allSatisfy(name -> assertThat(SERVER.getPackage(name)
                .tryGetAnnotationOfType(MayUse.class)).as("the @MayUse of %s's package-info.java", name).isPresent());
    }

    @TestFactory
    Stream<DynamicTest> shouldUseNoPackageOfTheServerItDoesNotSayItMayUse() {
        return ownPackages().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            List<String> allowed = new ArrayList<>(List.of(name));
            SERVER.getPackage(name).tryGetAnnotationOfType(MayUse.class).map(MayUse::value).map(Arrays::stream).orElseGet(Stream::empty)
                    .map(used -> SERVER_PACKAGE + "." + used).forEach(allowed::add);
            noClasses().that().resideInAPackage(name)
                    .should().dependOnClassesThat(resideInAPackage(SERVER_PACKAGE + "..")
                            .and(not(resideInAnyPackage(allowed.toArray(String[]::new))))
                            .and(not(JavaClass.Predicates.equivalentTo(MayUse.class))))
                    .because("its package-info.java says it may use " + allowed.subList(1, allowed.size()))
                    .check(SERVER);
            Set<String> used = SERVER.getPackage(name).getClasses().stream()
                    .flatMap(type -> type.getDirectDependenciesFromSelf().stream())
                    .map(dependency -> dependency.getTargetClass().getPackageName())
                    .filter(target -> target.startsWith(SERVER_PACKAGE + ".")).collect(Collectors.toSet());
            assertThat(used).as("what %s uses: its package-info.java names no package it does not use", name)
                    .containsAll(allowed.subList(1, allowed.size()));
        }));
    }

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
