package io.emailaccounts.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Controller;

import io.emailaccounts.contract.ApiContract;
import io.emailaccounts.server.support.RunningServerTest;

/**
 * No silent 501: the generated controllers fall back to a delegate that answers 501 Not Implemented, so an operation
 * of the contract without a hand-written implementation would compile and fail only at run time. This finds them.
 */
class ContractImplementationTest extends RunningServerTest {

    private static final String GENERATED_API_PACKAGE = "io.emailaccounts.server.generated.api";

    private static final String GENERATED_API = "io.emailaccounts.server.generated.api";

    @Autowired
    private ApplicationContext context;

    @Autowired
    private ApiContract contract;

    @Test
    void shouldImplementEveryOperationOfTheContract() {
        List<String> unimplemented = new ArrayList<>();
        for (ApiContract.Operation operation : contract.operations()) {
            String name = operation.operationId() + " (" + operation.method() + " " + operation.path() + ")";
            Optional<Object> controller = generatedControllerOf(operation.operationId());
            if (controller.isEmpty()) {
                unimplemented.add(name + ": no generated controller has it; is the server generated from this contract?");
                continue;
            }
            Object delegate = delegateOf(controller.get());
            Class<?> implementation = AopUtils.getTargetClass(delegate);
            // The generated delegate interface's own methods answer 501; a method of a class, or of an interface of
            // ours (the generated adapter that passes the search's parameters on as one object, to a method it leaves
            // abstract), does not.
            List<Method> named = Arrays.stream(implementation.getMethods())
                    .filter(method -> method.getName().equals(operation.operationId())).toList();
            if (named.stream().allMatch(method -> method.getDeclaringClass().getPackageName().equals(GENERATED_API))) {
                unimplemented.add(name + ": implement " + operation.operationId() + " in a bean that implements "
                        + named.get(0).getDeclaringClass().getSimpleName());
            }
        }

        assertThat(unimplemented).as("operations of api/openapi.yaml that would answer 501 Not Implemented").isEmpty();
    }

    @Test
    void shouldFindTheOperationsOfTheContract() {
        assertThat(contract.operations()).extracting(ApiContract.Operation::operationId)
                .contains("updateEmailAccount", "createToken");
    }

    private Optional<Object> generatedControllerOf(String operationId) {
        return context.getBeansWithAnnotation(Controller.class).values().stream()
                .filter(bean -> Arrays.stream(AopUtils.getTargetClass(bean).getInterfaces())
                        .filter(type -> type.getPackageName().equals(GENERATED_API_PACKAGE))
                        .flatMap(type -> Arrays.stream(type.getMethods()))
                        .anyMatch(method -> method.getName().equals(operationId)))
                .findFirst();
    }

    private static Object delegateOf(Object controller) {
        try {
            return AopUtils.getTargetClass(controller).getMethod("getDelegate").invoke(controller);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("A generated controller without getDelegate(): " + controller, e);
        }
    }
}
