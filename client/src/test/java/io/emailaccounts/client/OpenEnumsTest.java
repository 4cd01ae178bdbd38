package io.emailaccounts.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.emailaccounts.client.model.EmailAccountOrderField;
import io.emailaccounts.client.model.EmailAccountUpdate;
import io.emailaccounts.client.model.EmailServerType;
import io.emailaccounts.client.model.MessageDeletionPolicy;

/** The contract's enums are open sets: listed values compare by identity, others are kept as sent. */
class OpenEnumsTest {

    private final ObjectMapper json = TolerantReading.objectMapper();

    @Test
    void shouldReadAListedValueAsItsConstant() throws Exception {
        EmailServerType read = json.readValue("1", EmailServerType.class);

        assertThat(read).isSameAs(EmailServerType.Imap);
        assertThat(read.isUnknown()).isFalse();
        assertThat(read.name()).isEqualTo("Imap");
        assertThat(read.known()).isEqualTo(EmailServerType.Known.Imap);
    }

    @Test
    void shouldKeepAnUnlistedValueAndWriteItBackAsItCame() throws Exception {
        MessageDeletionPolicy read = json.readValue("4", MessageDeletionPolicy.class);
        EmailAccountOrderField field = json.readValue("\"SomethingNew\"", EmailAccountOrderField.class);

        assertThat(read.isUnknown()).isTrue();
        assertThat(read).isEqualTo(MessageDeletionPolicy.fromValue(4)).isNotEqualTo(MessageDeletionPolicy.fromValue(5))
                .hasSameHashCodeAs(MessageDeletionPolicy.fromValue(4));
        assertThat(json.writeValueAsString(read)).isEqualTo("4");
        assertThat(field.name()).isEqualTo("UNKNOWN");
        assertThat(field).hasToString("SomethingNew");
        assertThat(json.writeValueAsString(new EmailAccountUpdate().deleteMessageSettings(read)))
                .contains("\"DeleteMessageSettings\":4");
        assertThat(json.readValue("null", MessageDeletionPolicy.class)).isNull();
    }

    @Test
    void shouldReadDateTimesWithOrWithoutAnOffsetOrFractions() throws Exception {
        OffsetDateTime utc = OffsetDateTime.of(2025, 1, 15, 10, 30, 0, 0, ZoneOffset.UTC);

        assertThat(json.readValue("\"2025-01-15T10:30:00Z\"", OffsetDateTime.class)).isEqualTo(utc);
        assertThat(json.readValue("\"2025-01-15T10:30:00\"", OffsetDateTime.class)).isEqualTo(utc);
        assertThat(json.readValue("\"2025-01-15T10:30\"", OffsetDateTime.class)).isEqualTo(utc);
        assertThat(json.readValue("\"2025-01-15T10:30:00.5\"", OffsetDateTime.class)).isEqualTo(utc.withNano(500_000_000));
        assertThat(json.readValue("\"2025-01-15T11:30:00+01:00\"", OffsetDateTime.class).toInstant()).isEqualTo(utc.toInstant());
        assertThat(json.readValue("\"\"", OffsetDateTime.class)).isNull();
    }
}
