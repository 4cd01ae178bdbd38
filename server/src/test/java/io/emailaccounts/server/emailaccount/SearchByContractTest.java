package io.emailaccounts.server.emailaccount;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.emailaccounts.contract.ApiContract;
import io.emailaccounts.contract.ContractProperty;
import io.emailaccounts.contract.SearchFilter;
import io.emailaccounts.server.contract.ServedContract;
import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;
import tools.jackson.databind.JsonNode;

/**
 * Every order and every filter the contract gives the search, tried against the running server: the records are made
 * from the contract's fields (values within each property's bounds, enums and formats, some repeated, some null), and
 * each answer is compared with what the rule says it should be, computed here from the records as read. A property,
 * order value or filter added to the contract is tried with no change to this test.
 */
class SearchByContractTest extends RunningServerTest {

    private static final String PATH = "/api/crm/emailaccounts";
    private static final int RECORDS = 24;
    private static final ApiContract CONTRACT = ServedContract.load();
    private static final EmailAccountSchema SCHEMA = EmailAccountSchema.of(CONTRACT);
    /** The record's properties as a read answers them (a later allOf part narrows what a write takes). */
    private static final Map<String, ContractProperty> RECORD = CONTRACT.properties(EmailAccountSchema.RECORD_SCHEMA);
    private static final ApiContract.Operation SEARCH = CONTRACT.operation("searchEmailAccounts");
    private static final OffsetDateTime FIRST_TIME = OffsetDateTime.parse("2025-01-15T10:00:00Z");

    /** The records as the API reads them, in Id order. */
    private List<JsonNode> stored;

    @BeforeEach
    void storeRecordsMadeFromTheContract() {
        jdbc.sql("DELETE FROM email_account").update();
        for (int i = 1; i <= RECORDS; i++) {
            Map<String, Object> columns = new LinkedHashMap<>();
            for (EmailAccountField<?> field : SCHEMA.fields()) {
                if (field.stored() && !field.secret() && field != SCHEMA.id() && !field.name().equals("UniqueId")) {
                    columns.put(field.column(), valueFor(field, i));
                }
            }
            records.insert(i, columns);
        }
        stored = new ArrayList<>();
        asAdmin().get(PATH + "?size=1000").json().get("Records").forEach(stored::add);
        assertThat(stored).hasSize(RECORDS);
    }

    @TestFactory
    Stream<DynamicTest> shouldOrderByEveryOrderFieldOfTheContractInBothDirections() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String property : CONTRACT.enumOf(SEARCH.parameter("orderBy").orElseThrow().path("schema")).orElseThrow().valueTexts()) {
            for (boolean descending : new boolean[] {false, true}) {
                tests.add(DynamicTest.dynamicTest("orderBy=" + property + (descending ? " descending" : " ascending"), () -> {
                    Comparator<JsonNode> order = Comparator.comparing((JsonNode record) -> comparable(property, record.get(property)),
                            descending ? Comparator.nullsFirst(Comparator.<Comparable<Object>>naturalOrder().reversed())
                                    : Comparator.nullsLast(Comparator.<Comparable<Object>>naturalOrder()));
                    Comparator<JsonNode> byId = Comparator.comparingLong(record -> record.get("Id").asLong());
                    List<Long> expected = stored.stream().sorted(order.thenComparing(descending ? byId.reversed() : byId))
                            .map(record -> record.get("Id").asLong()).toList();

                    assertThat(ids("orderBy=" + property + "&dir=" + (descending ? 1 : 0))).isEqualTo(expected);
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> shouldApplyEveryFilterOfTheContract() {
        List<DynamicTest> tests = new ArrayList<>();
        for (SearchFilter filter : SEARCH.filters()) {
            String name = filter.parameter();
            String property = filter.property();
            // Each filter with a value from the middle of the records and one from an end, so that it keeps some, not all.
            for (int recordIndex : new int[] {3, 4}) {
                tests.add(DynamicTest.dynamicTest(name + " with record " + recordIndex + "'s " + property, () -> {
                    JsonNode bound = stored.get(recordIndex - 1).get(property);
                    if (bound == null || bound.isNull()) {
                        bound = stored.get(recordIndex).get(property);
                    }
                    Comparable<Object> limit = comparable(property, bound);
                    Predicate<JsonNode> keeps = record -> {
                        Comparable<Object> value = comparable(property, record.get(property));
                        if (value == null) {
                            return false;
                        }
                        int comparison = value.compareTo(limit);
                        return switch (filter.bound()) {
                            case EQUAL -> comparison == 0;
                            case FROM -> comparison >= 0;
                            case TO -> comparison <= 0;
                        };
                    };
                    List<Long> expected = stored.stream().filter(keeps).map(record -> record.get("Id").asLong()).toList();

                    List<Long> found = ids(name + "=" + URLEncoder.encode(bound.asString(), StandardCharsets.UTF_8));

                    assertThat(found).isEqualTo(expected).isNotEmpty();
                    if (stored.stream().map(record -> record.get(property)).distinct().count() > 1) {
                        assertThat(found).as("the filter narrows the result").hasSizeLessThan(RECORDS);
                    }
                }));
            }
        }
        return tests.stream();
    }

    private List<Long> ids(String query) {
        RawHttp.Response response = asAdmin().get(PATH + "?size=1000&" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("Records").valueStream().map(record -> record.get("Id").asLong()).toList();
    }

    /** A property's value as the search orders it; null for none. */
    @SuppressWarnings("unchecked")
    private static Comparable<Object> comparable(String property, JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        EmailAccountField<?> field = SCHEMA.named(property).orElseThrow();
        Comparable<?> comparable = switch (field.type()) {
            case INTEGER, LONG -> value.asLong();
            case DECIMAL -> new BigDecimal(value.asString());
            case BOOLEAN -> value.asBoolean();
            case DATE -> LocalDate.parse(value.asString());
            case DATE_TIME -> Instant.parse(value.asString());
            case STRING, UUID -> value.asString();
        };
        return (Comparable<Object>) comparable;
    }

    /**
     * The value record {@code i} stores for a field: within the property's enum or bounds, one of six that repeat
     * (so that an equality filter finds several), null in every fifth record where the property may be null. Text is
     * lower-case letters and digits of one length, which every database collation orders alike.
     */
    private static Object valueFor(EmailAccountField<?> field, int i) {
        ContractProperty property = RECORD.get(field.name());
        if (property.nullable() && i % 5 == 0) {
            return null;
        }
        int k = i % 6;
        if (property.enumeration().isPresent()) {
            List<String> values = property.enumeration().get().valueTexts();
            return field.type().parse(values.get(i % values.size()));
        }
        return switch (field.type()) {
            case INTEGER, LONG, DECIMAL -> field.type().parse(Long.toString(property.keyword("minimum").asLong(0) + k));
            case BOOLEAN -> i % 2 == 0;
            case DATE -> FIRST_TIME.toLocalDate().plusDays(k);
            case DATE_TIME -> FIRST_TIME.plusSeconds(97L * k).withOffsetSameInstant(ZoneOffset.UTC);
            case UUID -> java.util.UUID.nameUUIDFromBytes(new byte[] {(byte) k});
            case STRING -> "email".equals(property.format()) ? "v" + (char) ('a' + k) + "0" + k + "@example.com"
                    : "v" + (char) ('a' + k) + "0" + k;
        };
    }
}
