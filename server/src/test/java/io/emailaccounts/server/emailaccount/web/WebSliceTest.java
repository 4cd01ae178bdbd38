package io.emailaccounts.server.emailaccount.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.emailaccounts.contract.ApiContract;
import io.emailaccounts.server.config.EmailAccountsProperties;
import io.emailaccounts.server.contract.ServedContract;
import io.emailaccounts.server.emailaccount.EmailAccountSchema;
import io.emailaccounts.server.emailaccount.search.SearchFilters;
import io.emailaccounts.server.emailaccount.service.EmailAccountService;
import io.emailaccounts.server.generated.api.EmailAccountsApiController;
import io.emailaccounts.server.security.Routes;
import io.emailaccounts.server.support.ExampleBodies;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The web layer of the EmailAccounts feature without a server, security or database: the generated controller, the
 * delegate, the contract checks and the failure mapping, over a stand-in {@link EmailAccountService}. The caller is an
 * administrator of every business.
 */
@WebMvcTest(controllers = EmailAccountsApiController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({EmailAccountsWebConfiguration.class, EmailAccountMapping.class, SearchFilters.class, EmailAccountFailures.class,
        Routes.class, WebSliceTest.Beans.class})
abstract class WebSliceTest {

    static final String PATH = "/api/crm/emailaccounts";
    /** The required fields of a create; close it with "}" or add more. */
    /** A valid create: the required fields, each with its example in the contract. */
    static ObjectNode requiredFields() {
        return ExampleBodies.requiredFields(EmailAccountSchema.WRITABLE_SCHEMA);
    }
    static final ApiContract CONTRACT = ServedContract.load();
    static final EmailAccountSchema SCHEMA = EmailAccountSchema.of(CONTRACT);

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(EmailAccountsProperties.class)
    static class Beans {

        @Bean
        ApiContract apiContract() {
            return CONTRACT;
        }

        @Bean
        EmailAccountSchema emailAccountSchema() {
            return SCHEMA;
        }
    }

    @MockitoBean
    EmailAccountService service;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @BeforeEach
    void signIn() {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("admin@example.com", null, "any"));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    JsonNode answer(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }
}
