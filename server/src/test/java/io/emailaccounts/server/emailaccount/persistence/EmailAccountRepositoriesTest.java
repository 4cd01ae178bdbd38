package io.emailaccounts.server.emailaccount.persistence;

import static io.emailaccounts.server.emailaccount.EmailAccountProperties.BUSINESS_ID;
import static io.emailaccounts.server.emailaccount.EmailAccountProperties.ERROR_COUNT;
import static io.emailaccounts.server.emailaccount.EmailAccountProperties.LAST_CHECK_TIME;
import static io.emailaccounts.server.emailaccount.EmailAccountProperties.REPLY_TO_EMAIL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.emailaccounts.contract.SearchFilter.Bound;
import io.emailaccounts.server.config.InvalidConfigurationException;
import io.emailaccounts.server.contract.ServedContract;
import io.emailaccounts.server.emailaccount.BusinessScope;
import io.emailaccounts.server.emailaccount.EmailAccountField;
import io.emailaccounts.server.emailaccount.EmailAccountRecord;
import io.emailaccounts.server.emailaccount.EmailAccountSchema;
import io.emailaccounts.server.emailaccount.search.EmailAccountQuery;
import io.emailaccounts.server.emailaccount.search.EmailAccountSearchRepository;
import io.emailaccounts.server.secrets.SecretCipher;
import io.emailaccounts.server.secrets.SecretPlace;

/**
 * The repositories on the migrated schema alone, no web layer: on the embedded H2 by default, on PostgreSQL when
 * {@code test.datasource.url} names one (server/postgres-tests.sh). Each test runs in a transaction rolled back after it.
 */
@JdbcTest(properties = {
        "spring.datasource.url=${test.datasource.url:jdbc:h2:mem:repositories;DB_CLOSE_DELAY=-1}",
        "spring.datasource.username=${test.datasource.username:sa}",
        "spring.datasource.password=${test.datasource.password:}",
})
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({EmailAccountTable.class, EmailAccountRepository.class, EmailAccountSearchRepository.class,
        EncryptedSecretsRepository.class, EmailAccountRepositoriesTest.Beans.class})
class EmailAccountRepositoriesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2025-03-01T12:00:00Z");
    private static final SecretCipher CIPHER = new SecretCipher(new byte[32]);

    @TestConfiguration(proxyBeanMethods = false)
    static class Beans {

        @Bean
        EmailAccountSchema emailAccountSchema() {
            return EmailAccountSchema.of(ServedContract.load());
        }

        @Bean
        SecretCipher secretCipher() {
            return CIPHER;
        }
    }

    @Autowired
    private EmailAccountSchema schema;
    @Autowired
    private EmailAccountRepository repository;
    @Autowired
    private EmailAccountSearchRepository searches;
    @Autowired
    private EncryptedSecretsRepository secrets;
    @Autowired
    private JdbcClient jdbc;

    /** Within the test's transaction: the rows other suites left on a shared database are back afterwards. */
    @BeforeEach
    void startFromAnEmptyTable() {
        jdbc.sql("DELETE FROM email_account").update();
    }

    private EmailAccountField<?> field(String name) {
        return schema.named(name).orElseThrow();
    }

    /** The contract's example of every writable field, secrets included. */
    private Map<EmailAccountField<?>, Object> examples() {
        Map<EmailAccountField<?>, Object> values = new LinkedHashMap<>();
        schema.fields().stream().filter(EmailAccountField::writable).forEach(field -> values.put(field, schema.example(field)));
        return values;
    }

    private long insert(Map<EmailAccountField<?>, Object> changes) {
        Map<EmailAccountField<?>, Object> values = examples();
        values.putAll(changes);
        return repository.insert(values, NOW, "tester");
    }

    @Test
    void shouldStoreEveryWritableFieldAndReadBackAllButTheSecrets() {
        long id = insert(Map.of());

        EmailAccountRecord read = repository.findById(id, BusinessScope.every()).orElseThrow();

        for (EmailAccountField<?> field : schema.fields()) {
            if (field.writable() && !field.secret()) {
                Object value = read.value(field);
                assertThat(value instanceof OffsetDateTime time ? time.withOffsetSameInstant(ZoneOffset.UTC) : value)
                        .as(field.name()).isEqualTo(schema.example(field) instanceof OffsetDateTime time
                                ? time.withOffsetSameInstant(ZoneOffset.UTC) : schema.example(field));
            }
            if (field.secret()) {
                assertThat(read.values()).as("a read never fetches %s", field.name()).doesNotContainKey(field);
            }
        }
        assertThat(read.id()).isEqualTo(id);
        assertThat(read.version()).isEqualTo(1);
        assertThat(read.value(field("UpdatedBy"))).isEqualTo("tester");
        assertThat(((OffsetDateTime) read.value(field("CreatedOn"))).toInstant()).isEqualTo(NOW.toInstant());
        assertThat(read.value(field("UniqueId"))).isNotNull();
    }

    @Test
    void shouldStoreSecretsEncryptedUnderTheirColumn() {
        long id = insert(Map.of());

        for (EmailAccountField<?> secret : schema.fields().stream().filter(EmailAccountField::secret).toList()) {
            String stored = jdbc.sql("SELECT " + secret.column() + " FROM email_account WHERE id = :id").param("id", id)
                    .query(String.class).single();
            assertThat(stored).as(secret.name()).startsWith(CIPHER.currentPrefix()).doesNotContain((String) schema.example(secret));
            assertThat(CIPHER.decrypt(stored, placeOf(secret, id))).isEqualTo(schema.example(secret));
            // Bound to its row: the same value in another row does not decrypt.
            assertThatThrownBy(() -> CIPHER.decrypt(stored, placeOf(secret, insert(Map.of()))))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void shouldUpdateOnlyTheGivenFieldsAndRaiseTheVersionInOneStatement() {
        long id = insert(Map.of());
        Map<EmailAccountField<?>, Object> changes = new LinkedHashMap<>();
        changes.put(field("DisplayName"), "Renamed");
        changes.put(field("ReplyToEmail"), null);

        OptionalLong version = repository.update(id, changes, NOW.plusHours(1), "editor", BusinessScope.every(), null);

        assertThat(version).hasValue(2);
        EmailAccountRecord read = repository.findById(id, BusinessScope.every()).orElseThrow();
        assertThat(read.value(field("DisplayName"))).isEqualTo("Renamed");
        assertThat(read.value(field("ReplyToEmail"))).isNull();
        assertThat(read.value(field("EmailAddress"))).isEqualTo(schema.example(field("EmailAddress")));
        assertThat(read.value(field("UpdatedBy"))).isEqualTo("editor");
        assertThat(read.version()).isEqualTo(2);
    }

    @Test
    void shouldNotUpdateARowAtAnotherVersionOrInAnotherBusiness() {
        long id = insert(Map.of());
        Map<EmailAccountField<?>, Object> changes = Map.of(field("DisplayName"), "Renamed");

        assertThat(repository.update(id, changes, NOW, "editor", BusinessScope.every(), Set.of(5L))).isEmpty();
        assertThat(repository.update(id, changes, NOW, "editor", BusinessScope.only(Set.of(424242L)), null)).isEmpty();
        assertThat(repository.update(id, changes, NOW, "editor", BusinessScope.every(), Set.of())).as("no version matches").isEmpty();

        assertThat(repository.findById(id, BusinessScope.every()).orElseThrow().value(field("DisplayName"))).isNotEqualTo("Renamed");
        assertThat(repository.findVersion(id, BusinessScope.every())).contains(1L);
        assertThat(repository.findById(id, BusinessScope.only(Set.of(424242L)))).isEmpty();
    }

    @Test
    void shouldSearchWithConditionsOrderNullsAndPages() {
        Long[] ids = new Long[5];
        for (int i = 0; i < 5; i++) {
            Map<EmailAccountField<?>, Object> values = new LinkedHashMap<>();
            values.put(ERROR_COUNT, i);
            values.put(REPLY_TO_EMAIL, i % 2 == 0 ? null : "r" + i + "@example.com");
            values.put(BUSINESS_ID, 1000L + i % 2);
            values.put(LAST_CHECK_TIME, OffsetDateTime.parse("2025-01-15T10:30:00Z").plusSeconds(30L * i));
            ids[i] = insert(values);
        }
        EmailAccountQuery atLeastTwo = query();
        atLeastTwo.value(ERROR_COUNT, Bound.FROM, 2);

        assertThat(idsOf(searches.search(atLeastTwo.orderBy(ERROR_COUNT, true)))).containsExactly(ids[4], ids[3], ids[2]);
        assertThat(idsOf(searches.search(atLeastTwo.orderBy(ERROR_COUNT, false).page(2, 1)))).containsExactly(ids[3]);
        assertThat(searches.count(atLeastTwo)).isEqualTo(3);
        assertThat(idsOf(searches.search(atLeastTwo.within(BusinessScope.only(Set.of(1001L))).page(1, 10)))).containsExactly(ids[3]);
        assertThat(searches.count(atLeastTwo.within(BusinessScope.every()))).isEqualTo(3);
        assertThat(idsOf(searches.search(query().orderBy(REPLY_TO_EMAIL, false))))
                .as("nulls last when ascending").containsExactly(ids[1], ids[3], ids[0], ids[2], ids[4]);
        assertThat(idsOf(searches.search(query().orderBy(REPLY_TO_EMAIL, true))))
                .as("nulls first when descending").containsExactly(ids[4], ids[2], ids[0], ids[3], ids[1]);
        assertThat(idsOf(searches.search(query().orderBy(null, true)))).containsExactly(ids[4], ids[3], ids[2], ids[1], ids[0]);

        EmailAccountQuery inTheMinute = query();
        inTheMinute.time("EmailAccount_LastCheckTime", LAST_CHECK_TIME, Bound.EQUAL, "2025-01-15T10:31");
        assertThat(idsOf(searches.search(inTheMinute))).as("a time to the minute: that whole minute")
                .containsExactly(ids[2], ids[3]);
        EmailAccountQuery upToTheSecond = query();
        upToTheSecond.time("to_EmailAccount_LastCheckTime", LAST_CHECK_TIME, Bound.TO, "2025-01-15T10:31:00Z");
        assertThat(idsOf(searches.search(upToTheSecond))).containsExactly(ids[0], ids[1], ids[2]);
    }

    private EmailAccountQuery query() {
        return new EmailAccountQuery(schema, 1, 10);
    }

    @Test
    void shouldSealSecretsLeftInPlainText() {
        long id = insert(Map.of());
        EmailAccountField<?> secret = schema.fields().stream().filter(EmailAccountField::secret).findFirst().orElseThrow();
        jdbc.sql("UPDATE email_account SET " + secret.column() + " = 'plain-token' WHERE id = :id").param("id", id).update();

        assertThat(secrets.encryptPlaintextSecrets()).isEqualTo(1);
        String stored = jdbc.sql("SELECT " + secret.column() + " FROM email_account WHERE id = :id").param("id", id)
                .query(String.class).single();
        assertThat(CIPHER.decrypt(stored, placeOf(secret, id))).isEqualTo("plain-token");
        assertThat(secrets.countByKey()).containsOnlyKeys(CIPHER.currentKeyId());
        assertThat(secrets.encryptPlaintextSecrets()).isZero();
    }

    @Test
    void shouldNameEveryPropertyOfTheContractThatHasNoColumn() {
        List<EmailAccountField<?>> fields = new ArrayList<>(schema.fields());
        fields.add(new EmailAccountField<>("NicknameForSupport", String.class, "nickname_for_support", true, false, false,
                null, null, null, 255));
        EmailAccountSchema withNewProperty = EmailAccountSchema.of(fields);

        assertThatThrownBy(() -> new EmailAccountTable(jdbc, CIPHER, withNewProperty).afterPropertiesSet())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("The database has no column for the contract's property NicknameForSupport "
                        + "(column email_account.nickname_for_support).");
    }

    /** A bound the contract raises (a compatible change) needs a wider column: the start-up report says which. */
    @Test
    void shouldNameEveryColumnTooShortForTheValuesTheContractAllows() {
        EmailAccountSchema withLongerValues = EmailAccountSchema.of(schema.fields().stream().map(field -> switch (field.name()) {
            case "DisplayName" -> withMaxLength(field, 500);
            case "GoogleAccessToken" -> withMaxLength(field, 10_000);
            default -> field;
        }).toList());

        assertThatThrownBy(() -> new EmailAccountTable(jdbc, CIPHER, withLongerValues).afterPropertiesSet())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("DisplayName may be 500 characters long, but its column email_account.display_name holds 255")
                .hasMessageContaining("GoogleAccessToken may be 10000 characters long, but its column email_account.google_access_token "
                        + "holds 48000 (encrypted, it needs " + SecretCipher.storedLength(10_000) + ")")
                .extracting(failure -> ((InvalidConfigurationException) failure).action()).asString()
                .contains("ALTER TABLE email_account ALTER COLUMN display_name SET DATA TYPE VARCHAR(500);");
    }

    private static <T> EmailAccountField<T> withMaxLength(EmailAccountField<T> field, int maxLength) {
        return new EmailAccountField<>(field.name(), field.javaType(), field.column(), field.writable(), field.required(),
                field.secret(), field.sameAs(), field.constant(), field.unsetValue(), maxLength);
    }

    /** The stored form of the longest secret the contract allows (characters of four bytes each) fits its column. */
    @Test
    void shouldStoreTheLongestSecretTheContractAllows() {
        EmailAccountField<?> secret = schema.fields().stream().filter(EmailAccountField::secret).findFirst().orElseThrow();
        String stored = CIPHER.encrypt("\uD83D\uDD11".repeat(secret.maxLength()),
                new SecretPlace("email_account", secret.column(), UUID.randomUUID()));
        long id = insert(Map.of());

        jdbc.sql("UPDATE email_account SET " + secret.column() + " = :stored WHERE id = :id").param("stored", stored).param("id", id).update();
        assertThat(stored.length()).isLessThanOrEqualTo(SecretCipher.storedLength(secret.maxLength()));
    }

    private SecretPlace placeOf(EmailAccountField<?> secret, long id) {
        UUID row = jdbc.sql("SELECT unique_id FROM email_account WHERE id = :id").param("id", id).query(UUID.class).single();
        return new SecretPlace("email_account", secret.column(), row);
    }

    private static List<Long> idsOf(List<EmailAccountRecord> records) {
        return records.stream().map(EmailAccountRecord::id).toList();
    }
}
