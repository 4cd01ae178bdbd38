package io.emailaccounts.server.emailaccount.web;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.emailaccounts.server.generated.api.EmailAccountsApiDelegate;

/**
 * The delegate the generated controller calls. The generated search method takes each query parameter of the
 * contract as a positional argument, so its signature changes whenever the contract gains a filter; a hand-written
 * override would stop compiling. This delegate answers the search from the request's parameters by name instead
 * (the contract has checked them before), and passes every other operation to {@link EmailAccountsDelegate}.
 *
 * <p>Why not one generated object for the filters: the spring generator has no parameter object for a server
 * ({@code x-group-parameters}, which the contract sets, is honoured by the client generators only), and an exploded
 * object query parameter ({@code style: form} with a schema of all the filters) is bound by Spring's data binder by
 * Java property names ({@code emailAccountDisplayName}), not by the contract's ({@code EmailAccount_DisplayName}); it
 * would also change the contract's shape (the reference would show one object instead of each filter) and both
 * clients' search methods, a break for their callers. A delegate template of our own would mean keeping a copy of
 * the generator's template in step with each generator release. So the search reads its parameters by name, once
 * more, which costs a look-up in a map.
 */
public final class SearchByParameterName implements InvocationHandler {

    private final EmailAccountsDelegate delegate;

    private SearchByParameterName(EmailAccountsDelegate delegate) {
        this.delegate = delegate;
    }

    static EmailAccountsApiDelegate of(EmailAccountsDelegate delegate) {
        return (EmailAccountsApiDelegate) Proxy.newProxyInstance(EmailAccountsApiDelegate.class.getClassLoader(),
                new Class<?>[] {EmailAccountsApiDelegate.class}, new SearchByParameterName(delegate));
    }

    /** The object that implements the operations this delegate does not answer by name (public for the check that none answers 501). */
    public Object target() {
        return delegate;
    }

    /** Whether this delegate answers the operation from the request's parameters by name. */
    public boolean answersByName(String operationId) {
        return SearchParameters.OPERATION_ID.equals(operationId);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (answersByName(method.getName())) {
            ServletRequestAttributes request = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
            return delegate.searchEmailAccounts(request.getRequest().getParameterMap());
        }
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "SearchByParameterName[" + delegate + "]";
            };
        }
        try {
            return method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
