package io.emailaccounts.server;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a package of the server (its {@code package-info.java}, whose Javadoc says what the package is for): the other
 * packages of the server its classes may use, each named relative to {@code io.emailaccounts.server}
 * ({@code "error"}, {@code "emailaccount.search"}); a package's own subpackages are not implied. The spring
 * generator's packages are {@code "generated.api"} and {@code "generated.model"}. {@code PackageStructureTest} holds
 * every package to its list, and every package to having one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface MayUse {

    String[] value() default {};
}
