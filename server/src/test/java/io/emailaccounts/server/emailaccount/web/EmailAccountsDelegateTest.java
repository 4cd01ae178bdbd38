package io.emailaccounts.server.emailaccount.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import io.emailaccounts.contract.ApiContract;
import io.emailaccounts.contract.SearchFilter;
import io.emailaccounts.server.emailaccount.EmailAccountField;
import io.emailaccounts.server.emailaccount.EmailAccountRecord;
import io.emailaccounts.server.emailaccount.service.Caller;
import io.emailaccounts.server.emailaccount.service.ChangeReceipt;
import io.emailaccounts.server.emailaccount.service.Created;
import io.emailaccounts.server.emailaccount.search.EmailAccountQuery;
import io.emailaccounts.server.emailaccount.service.EmailAccountWrite;
import io.emailaccounts.server.emailaccount.service.SearchResult;
import io.emailaccounts.server.generated.model.EmailAccountUpdate;
import tools.jackson.databind.JsonNode;

/**
 * The delegate alone, over a stand-in service: how requests become service calls and records become answers. Fast;
 * the whole path is tried on a real port by the suites under {@code io.emailaccounts.server.emailaccount}.
 */
class EmailAccountsDelegateTest extends WebSliceTest {

    @Autowired
    RequestMappingHandlerAdapter handlerAdapter;


    private static EmailAccountField<?> field(String name) {
        return SCHEMA.named(name).orElseThrow();
    }

    /** A stored record holding the contract's examples. */
    static EmailAccountRecord exampleRecord(long id) {
        Map<EmailAccountField<?>, Object> values = new LinkedHashMap<>();
        SCHEMA.fields().stream().filter(field -> field.stored() && !field.secret())
                .forEach(field -> values.put(field, SCHEMA.example(field)));
        values.put(field("Id"), id);
        values.put(field("LastCheckTime"), OffsetDateTime.parse("2025-01-15T12:25:00+02:00"));
        values.put(field("CreatedOn"), OffsetDateTime.parse("2025-01-10T09:00:00Z"));
        values.put(field("UpdatedOn"), OffsetDateTime.parse("2025-01-15T10:30:00Z"));
        return new EmailAccountRecord(id, values, 3);
    }

    private EmailAccountQuery searchedWith(String parameters) throws Exception {
        when(service.search(any(), any())).thenAnswer(call -> new SearchResult(List.of(), 0, call.getArgument(0)));
        MvcResult result = mvc.perform(get(PATH + "?" + parameters)).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        ArgumentCaptor<EmailAccountQuery> query = ArgumentCaptor.forClass(EmailAccountQuery.class);
        verify(service).search(query.capture(), any(Caller.class));
        Mockito.clearInvocations(service);
        return query.getValue();
    }

    @TestFactory
    Stream<DynamicTest> shouldTurnEveryFilterOfTheContractIntoAConditionOnItsProperty() {
        List<DynamicTest> tests = new ArrayList<>();
        ApiContract.Operation search = CONTRACT.operation("searchEmailAccounts");
        for (SearchFilter filter : search.filters()) {
            JsonNode example = CONTRACT.flattened(search.parameter(filter.parameter()).orElseThrow().path("schema")).path("example");
            String property = filter.property();
            tests.add(DynamicTest.dynamicTest(filter.parameter(), () -> {
                EmailAccountQuery query = searchedWith(filter.parameter() + "=" + example.asString());

                String column = SCHEMA.source(field(property)).column();
                // A time given to the minute (2025-01-15T10:30) stands for that whole minute.
                boolean wholeMinute = example.asString().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
                List<String> expected = switch (filter.bound()) {
                    case EQUAL -> wholeMinute ? List.of(column + " >= :p0", column + " < :p1") : List.of(column + " = :p0");
                    case FROM -> List.of(column + " >= :p0");
                    case TO -> List.of(wholeMinute ? column + " < :p0" : column + " <= :p0");
                };
                assertThat(query.conditions()).isEqualTo(expected);
                assertThat(query.values()).hasSameSizeAs(expected).doesNotContainNull();
            }));
        }
        assertThat(tests).hasSizeGreaterThan(10);
        return tests.stream();
    }

    @Test
    void shouldReadTheOrderAndThePageOfASearch() throws Exception {
        EmailAccountQuery query = searchedWith("orderBy=ToStringText&dir=-1&page=3&size=40");

        assertThat(query.orderBy()).isEqualTo(field("ToStringText"));
        assertThat(query.descending()).isTrue();
        assertThat(query.page()).isEqualTo(3);
        assertThat(query.size()).isEqualTo(40);
        EmailAccountQuery defaults = searchedWith("");
        assertThat(defaults.orderBy()).isEqualTo(field("Id"));
        assertThat(defaults.descending()).isFalse();
        assertThat(defaults.page()).isEqualTo(1);
        assertThat(defaults.size()).isEqualTo(25);
    }

    @Test
    void shouldAnswerTheListEnvelopeOfASearch() throws Exception {
        when(service.search(any(), any())).thenAnswer(call -> new SearchResult(List.of(exampleRecord(4)), 51, call.getArgument(0)));

        JsonNode page = answer(mvc.perform(get(PATH + "?page=2&size=25&orderBy=DisplayName&dir=1")).andReturn());

        assertThat(page.get("Records").get(0).get("Id").asLong()).isEqualTo(4);
        ((tools.jackson.databind.node.ObjectNode) page).remove("Records");
        assertThat(page).isEqualTo(json.readTree("""
                {"CurrentPage": 2, "CurrentPageSize": 25, "CurrentOrderField": "DisplayName", "CurrentSortDirection": 1,
                 "FirstItem": 26, "LastItem": 26, "TotalItems": 51, "TotalPages": 3, "HasNextPage": true, "HasPreviousPage": true}
                """));
    }

    @Test
    void shouldAnswerABatchReadAsABareArrayInTheOrderAskedFor() throws Exception {
        when(service.getAll(eq(List.of(9L, 4L)), any())).thenReturn(List.of(exampleRecord(9), exampleRecord(4)));

        JsonNode records = answer(mvc.perform(get(PATH + "?id=[9,4]&EmailAccount_Business=1")).andReturn());

        assertThat(records.isArray()).isTrue();
        assertThat(records.valueStream().map(record -> record.get("Id").asLong())).containsExactly(9L, 4L);
        verify(service, Mockito.never()).search(any(), any());
    }

    @Test
    void shouldAnswerARecordWithItsDerivedPropertiesNoSecretsTimesInUtcAndItsVersionAsETag() throws Exception {
        when(service.get(eq(7L), any())).thenReturn(exampleRecord(7));

        MvcResult result = mvc.perform(get(PATH + "/7")).andReturn();

        JsonNode record = answer(result);
        assertThat(result.getResponse().getHeader("ETag")).isEqualTo("\"3\"");
        assertThat(record.get("ToStringText")).isEqualTo(record.get("DisplayName"));
        assertThat(record.get("IsNew").asBoolean()).isFalse();
        assertThat(record.get("LastCheckTime").asString()).isEqualTo("2025-01-15T10:25:00Z");
        // Every property but the write-only secrets, which are left out (writeOnly), not sent as null.
        assertThat(record.propertyNames()).containsExactlyInAnyOrderElementsOf(
                SCHEMA.fields().stream().filter(field -> !field.secret()).map(EmailAccountField::name).toList());
    }

    @Test
    void shouldPassTheKeyUnquotedAndMarkAReplayedAnswer() throws Exception {
        when(service.create(any(), any(), eq(Optional.of("8e03978e \"quoted\"")))).thenReturn(
                new Created(new ChangeReceipt(12, Instant.parse("2025-01-15T10:30:00Z"), "admin@example.com", 1), true));
        when(service.create(any(), any(), eq(Optional.of("bare-key")))).thenReturn(
                new Created(new ChangeReceipt(13, Instant.parse("2025-01-15T10:30:00Z"), "admin@example.com", 1), false));

        MvcResult replayed = mvc.perform(post(PATH).header("Idempotency-Key", "\"8e03978e \\\"quoted\\\"\"")
                .contentType(MediaType.APPLICATION_JSON).content(requiredFields().toString())).andReturn();
        MvcResult first = mvc.perform(post(PATH).header("Idempotency-Key", "bare-key")
                .contentType(MediaType.APPLICATION_JSON).content(requiredFields().toString())).andReturn();

        assertThat(replayed.getResponse().getStatus()).as(replayed.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(replayed.getResponse().getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.getResponse().getStatus()).as(first.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(first.getResponse().getHeader("Idempotent-Replayed")).isNull();
    }

    @Test
    void shouldWriteTheFieldsABodyHoldsClearTheNullOnesAndKeepSecretsSentAsNull() throws Exception {
        when(service.create(any(), any(), any())).thenReturn(new Created(new ChangeReceipt(12, Instant.parse("2025-01-15T10:30:00Z"), "admin@example.com", 1), false));

        MvcResult result = mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content(requiredFields()
                        .putNull("ReplyToEmail").put("Active", true).put("LastCheckTime", "2025-01-15T12:00:00+02:00")
                        .putNull("GoogleAccessToken").put("Office365AccessToken", "").toString()))
                .andReturn();

        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        ArgumentCaptor<EmailAccountWrite> write = ArgumentCaptor.forClass(EmailAccountWrite.class);
        verify(service).create(write.capture(), any(), any());
        Map<EmailAccountField<?>, Object> values = write.getValue().values();
        assertThat(write.getValue().businessId()).isEqualTo(1001L);
        assertThat(values).containsEntry(field("ReplyToEmail"), null)
                .containsEntry(field("Active"), true)
                .containsEntry(field("Office365AccessToken"), null)
                .containsEntry(field("IncomingServerPort"), 993)
                .doesNotContainKey(field("GoogleAccessToken"))
                .doesNotContainKey(field("NotificationEmailAddress"));
        assertThat(((OffsetDateTime) values.get(field("LastCheckTime"))).toInstant()).isEqualTo(Instant.parse("2025-01-15T10:00:00Z"));
        assertThat(answer(result).get("Value").get("Id").asLong()).isEqualTo(12);
    }

    @Test
    void shouldPassTheVersionsOfIfMatchToAnUpdate() throws Exception {
        when(service.applyUpdate(anyLong(), any(), any(), any())).thenReturn(new ChangeReceipt(5, Instant.now(), "admin@example.com", 8));

        MvcResult result = mvc.perform(put(PATH).contentType(MediaType.APPLICATION_JSON).header("If-Match", "\"6\", \"7\"")
                .content(requiredFields().put("Id", 5).toString())).andReturn();

        assertThat(result.getResponse().getHeader("ETag")).isEqualTo("\"8\"");
        verify(service).applyUpdate(eq(5L), any(), any(), eq(Optional.of(java.util.Set.of(6L, 7L))));
    }

    @Test
    void shouldNotCallTheServiceForABodyTheContractRefuses() throws Exception {
        MvcResult result = mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON)
                .content(requiredFields().put("IncomingServerPort", 0).toString())).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(answer(result).get("Errors").get(0).get("PropertyName").asString()).isEqualTo("IncomingServerPort");
        verifyNoInteractions(service);
    }

    @Test
    void shouldBindABodyFromTheTreeTheContractCheckParsed() {
        assertThat(handlerAdapter.getMessageConverters())
                .filteredOn(converter -> converter.canRead(EmailAccountUpdate.class, MediaType.APPLICATION_JSON))
                .first()
                .extracting(converter -> converter.getClass().getSimpleName())
                .isEqualTo("ParsedBodyConverter");
    }
}
