package io.emailaccounts.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;

import io.emailaccounts.server.generated.model.EmailAccountUpdate;
import tools.jackson.databind.json.JsonMapper;

/** A body checked against the contract is bound from the tree the check parsed: its text is not parsed again. */
class ParsedBodyConverterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ParsedBodyConverter converter = new ParsedBodyConverter(JSON);

    @Test
    void shouldBindTheParsedTreeWithoutParsingTheTextAgain() throws Exception {
        // Text that does not parse: binding it instead of the tree would fail.
        var parsed = new ContractRequestBodyAdvice.ParsedBody("not JSON".getBytes(StandardCharsets.UTF_8),
                JSON.readTree("{\"Id\": 7, \"DisplayName\": \"Help desk\"}"), new HttpHeaders());

        Object bound = converter.read(ResolvableType.forClass(EmailAccountUpdate.class), parsed, Map.of());

        assertThat(bound).isInstanceOfSatisfying(EmailAccountUpdate.class, update -> {
            assertThat(update.getId()).isEqualTo(7L);
            assertThat(update.getDisplayName()).isEqualTo("Help desk");
        });
    }

    @Test
    void shouldReadABodyTheContractCheckDidNotParse() throws Exception {
        HttpInputMessage plain = message("{\"Id\": 8}");

        Object bound = converter.read(ResolvableType.forClass(EmailAccountUpdate.class), plain, Map.of());

        assertThat(bound).isInstanceOfSatisfying(EmailAccountUpdate.class, update -> assertThat(update.getId()).isEqualTo(8L));
    }

    @Test
    void shouldReportATreeThatCannotBeBoundAsAnUnreadableBody() throws Exception {
        var parsed = new ContractRequestBodyAdvice.ParsedBody(null, JSON.readTree("{\"Id\": \"seven\"}"), new HttpHeaders());

        assertThatThrownBy(() -> converter.read(ResolvableType.forClass(EmailAccountUpdate.class), parsed, Map.of()))
                .isInstanceOf(HttpMessageNotReadableException.class);
    }

    private static HttpInputMessage message(String body) {
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public HttpHeaders getHeaders() {
                return new HttpHeaders();
            }
        };
    }
}
