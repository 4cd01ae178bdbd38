package io.emailaccounts.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The bearer token read as Spring Security's resolver reads it: the same token, or the same refusal, for every header. */
class BearerTokenHeaderTest {

    private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();
    private final BearerTokenHeader ours = new BearerTokenHeader();

    /** The token, null for none, or "refused: <description>". */
    private static String outcome(java.util.function.Supplier<String> resolve) {
        Throwable refusal = catchThrowable(resolve::get);
        if (refusal == null) {
            return Objects.toString(resolve.get());
        }
        assertThat(refusal).isInstanceOf(OAuth2AuthenticationException.class);
        return "refused: " + ((OAuth2AuthenticationException) refusal).getError().getDescription();
    }

    @Test
    void shouldReadEveryHeaderAsSpringSecurityDoes() {
        List<String> headers = new ArrayList<>(List.of("", "Bearer", "Bearer ", "bearer abc", "BEARER abc", "Bearer abc",
                "Bearer  abc", "Bearer abc ", "Bearer a.b-c_d~e+f/g", "Bearer abc==", "Bearer abc=d", "Bearer =abc",
                "Bearer abc\n", "Bearer ab c", "Basic YTpi", "Bearerabc", "Bearer\tabc", "Bearer é", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig"));
        for (char c = 0; c < 256; c++) {
            headers.add("Bearer ab" + c + "cd");
        }
        List<String> disagreements = new ArrayList<>();
        for (String header : headers) {
            MockHttpServletRequest request = new MockHttpServletRequest();
            request.addHeader("Authorization", header);
            String expected = outcome(() -> spring.resolve(request));
            String actual = outcome(() -> ours.resolve(request));
            if (!expected.equals(actual)) {
                disagreements.add("'" + header + "': " + expected + " / " + actual);
            }
        }

        assertThat(disagreements).isEmpty();
        assertThat(ours.resolve(new MockHttpServletRequest())).as("no Authorization header").isNull();
    }
}
