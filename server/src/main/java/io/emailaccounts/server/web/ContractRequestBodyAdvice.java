package io.emailaccounts.server.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import io.emailaccounts.server.config.EmailAccountsProperties;
import io.emailaccounts.server.generated.model.EmailAccountUpdate;
import io.emailaccounts.server.error.PropertyViolation;
import io.emailaccounts.server.web.validation.RequestBodyValidator;
import io.emailaccounts.server.error.RequestValidationException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks every JSON body bound to a generated model against that model's schema in the contract before Jackson binds
 * it, so that a client learns every broken rule at once (binding would stop at the first wrong type); with
 * {@code Prefer: handling=strict}, properties the contract does not know are broken rules too ({@link StrictHandling}).
 * A body sent without a length is read no further than the size limit. The body is parsed once: the tree checked here
 * is what {@link ParsedBodyConverter} binds.
 */
@ControllerAdvice
class ContractRequestBodyAdvice extends RequestBodyAdviceAdapter {

    private static final String GENERATED_MODEL_PACKAGE = EmailAccountUpdate.class.getPackageName();

    /** Stricter than binding: a duplicated property or trailing text makes a body ambiguous, so it is refused. */
    private static final JsonMapper STRICT_JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final RequestBodyValidator validator;
    private final long maxBodyBytes;

    ContractRequestBodyAdvice(RequestBodyValidator validator, EmailAccountsProperties properties) {
        this.validator = validator;
        this.maxBodyBytes = properties.maxRequestBodySize().toBytes();
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return targetType instanceof Class<?> type
                && type.getPackageName().equals(GENERATED_MODEL_PACKAGE)
                && validator.knows(type.getSimpleName());
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        byte[] body = readLimited(input);
        JsonNode tree = parse(body);
        String schema = ((Class<?>) targetType).getSimpleName();
        List<PropertyViolation> violations = new ArrayList<>(validator.validate(schema, tree));
        if (StrictHandling.requested(input.getHeaders())) {
            violations.addAll(validator.unknownProperties(schema, tree));
        }
        if (!violations.isEmpty()) {
            throw new RequestValidationException(violations);
        }
        return new ParsedBody(body, tree, input.getHeaders());
    }

    @Override
    public Object handleEmptyBody(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
                                  Class<? extends HttpMessageConverter<?>> converterType) {
        throw missingBody();
    }

    /** A declared oversized body never gets here ({@link RequestSizeLimitFilter}); one sent without a length stops at the limit. */
    private byte[] readLimited(HttpInputMessage input) throws IOException {
        byte[] body = input.getBody().readNBytes(Math.toIntExact(maxBodyBytes + 1));
        if (body.length > maxBodyBytes) {
            throw new PayloadTooLargeException(maxBodyBytes);
        }
        return body;
    }

    private static JsonNode parse(byte[] body) {
        JsonNode tree;
        try {
            tree = STRICT_JSON.readTree(body);
        } catch (JacksonException e) {
            // Jackson's own message quotes the body, which may hold a secret: say only where it broke.
            TokenStreamLocation location = e.getLocation();
            throw new RequestValidationException(PropertyViolation.ofRequest("The request body is not valid JSON"
                    + (location == null ? "." : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ").")));
        }
        if (tree == null || tree.isMissingNode()) {
            throw missingBody();
        }
        return tree;
    }

    private static RequestValidationException missingBody() {
        return new RequestValidationException(PropertyViolation.ofRequest("A request body is required."));
    }

    /**
     * The body as it was read and parsed, handed on to the message converter: {@link ParsedBodyConverter} binds the tree;
     * any other converter reads the bytes.
     */
    record ParsedBody(byte[] bytes, JsonNode tree, HttpHeaders headers) implements HttpInputMessage {

        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }
    }
}
