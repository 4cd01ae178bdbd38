package io.emailaccounts.server.web;

import static io.emailaccounts.server.support.EmailAccountRecords.requiredFieldsBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.Filter;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.web.method.ControllerAdviceBean;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.handler.HandlerExceptionResolverComposite;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import io.emailaccounts.server.emailaccount.persistence.GroupCommit;
import io.emailaccounts.server.emailaccount.service.EmailAccountService;
import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;

/**
 * A request passes the stages in the order {@link RequestPath} declares: its constants, sorted, are the order the
 * filters, the interceptors and the failure handlers run in, and a PUT passes them, then the delegate, the service and
 * the group commit, in that order.
 */
class RequestPathTest extends RunningServerTest {

    private static final String GENERATED_API = "io.emailaccounts.server.generated.api.EmailAccountsApi";

    @MockitoSpyBean
    private GroupCommit groupCommit;
    @MockitoSpyBean
    private WriteRateLimiter writeLimit;
    @MockitoSpyBean
    private ContractRequestBodyAdvice bodyCheck;

    @Autowired
    @Qualifier("springSecurityFilterChain")
    private Filter securityChain;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping operations;
    @Autowired
    @Qualifier("handlerExceptionResolver")
    private HandlerExceptionResolver failures;

    @Test
    void shouldPassAPutThroughEveryStageInTheDeclaredOrder() throws Throwable {
        List<String> passed = new CopyOnWriteArrayList<>();
        List<String> requestThread = new ArrayList<>();
        doAnswer(call -> {
            passed.add("write limit");
            return call.callRealMethod();
        }).when(writeLimit).preHandle(any(), any(), any());
        doAnswer(call -> {
            passed.add("body check");
            return call.callRealMethod();
        }).when(bodyCheck).beforeBodyRead(any(), any(), any(), any());
        doAnswer(call -> {
            passed.add("group commit");
            StackWalker.getInstance().forEach(frame -> requestThread.add(frame.getClassName()));
            return call.callRealMethod();
        }).when(groupCommit).write(any());

        RawHttp.Response answer = asAdmin().put("/api/crm/emailaccounts", requiredFieldsBody());

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(passed).containsExactly("write limit", "body check", "group commit");
        List<String> expected = new ArrayList<>(inOrder(Map.of(
                RequestPath.REQUEST_ID, RequestIds.Filter.class.getName(),
                // The access log's timer (and the count against the objectives after it) times in their shared superclass.
                RequestPath.ACCESS_LOG, AnsweredRequests.class.getName(),
                RequestPath.REQUEST_SIZE_LIMIT, RequestSizeLimitFilter.class.getName(),
                RequestPath.SECURITY, FilterChainProxy.class.getName(),
                RequestPath.ACCESS_LOG_USER, AccessLog.UserRecorder.class.getName())));
        expected.addAll(List.of(DispatcherServlet.class.getName(), GENERATED_API,
                "io.emailaccounts.server.emailaccount.web.EmailAccountsDelegate", EmailAccountService.class.getName(),
                GroupCommit.class.getName()));
        Collections.reverse(requestThread);
        assertThat(firstFrames(requestThread, expected)).as("the request thread's stack, outermost first")
                .isSorted();
    }

    @Test
    void shouldRunTheInterceptorsInTheDeclaredOrder() throws Exception {
        MockHttpServletRequest put = new MockHttpServletRequest("PUT", "/api/crm/emailaccounts");
        put.setContentType("application/json");
        ServletRequestPathUtils.parseAndCache(put);

        List<String> interceptors = operations.getHandler(put).getInterceptorList().stream()
                .map(HandlerInterceptor::getClass).filter(type -> type.getPackageName().equals(RequestPath.class.getPackageName()))
                .map(Class::getName).toList();

        assertThat(interceptors).containsExactlyElementsOf(inOrder(Map.of(
                RequestPath.WRITE_LIMIT, WriteRateLimiter.class.getName(),
                RequestPath.CONTRACT_PARAMETERS, ContractParameterInterceptor.class.getName(),
                RequestPath.STRICT_HANDLING, StrictHandling.class.getName())));
    }

    @Test
    void shouldAnswerCorsAndRoutesBeforeAuthenticationAndAuthenticateBeforeAuthorizing() {
        List<Class<?>> chain = ((FilterChainProxy) securityChain).getFilterChains().get(0).getFilters().stream()
                .<Class<?>>map(Filter::getClass).toList();

        List<Integer> positions = List.of(HeaderWriterFilter.class, securityClass("CrossOrigins$Filter"),
                securityClass("RouteFilter"), BearerTokenAuthenticationFilter.class, BasicAuthenticationFilter.class,
                AuthorizationFilter.class).stream().map(chain::indexOf).toList();

        assertThat(positions).as("headers, CORS, routes, bearer token, Basic, the operation's role in %s", chain)
                .doesNotContain(-1).isSorted();
    }

    @Test
    void shouldAskTheFeaturesHandlersOfAFailureBeforeTheApplications() {
        ExceptionHandlerExceptionResolver handlerMethods = ((HandlerExceptionResolverComposite) failures).getExceptionResolvers()
                .stream().filter(ExceptionHandlerExceptionResolver.class::isInstance).map(ExceptionHandlerExceptionResolver.class::cast)
                .findFirst().orElseThrow();
        List<String> handlers = handlerMethods.getExceptionHandlerAdviceCache().keySet().stream()
                .map(ControllerAdviceBean::getBeanType).map(Class::getName).toList();

        assertThat(handlers).containsSubsequence(inOrder(Map.of(
                RequestPath.FEATURE_FAILURES, "io.emailaccounts.server.emailaccount.web.EmailAccountFailures",
                RequestPath.GENERAL_FAILURES, ApiExceptionHandler.class.getName())));
    }

    /** The stages named, in the order of their constants. */
    private static List<String> inOrder(Map<Integer, String> stages) {
        return stages.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
    }

    /** Where each stage first appears in the stack, in the order the stages are named. */
    private static List<Integer> firstFrames(List<String> stack, List<String> stages) {
        List<Integer> positions = new ArrayList<>();
        for (String stage : stages) {
            int position = stack.indexOf(stage);
            assertThat(position).as("%s in the stack %s", stage, stack).isNotNegative();
            positions.add(position);
        }
        return positions;
    }

    /** A class of the security package that is not public. */
    private static Class<?> securityClass(String name) {
        try {
            return Class.forName("io.emailaccounts.server.security." + name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
