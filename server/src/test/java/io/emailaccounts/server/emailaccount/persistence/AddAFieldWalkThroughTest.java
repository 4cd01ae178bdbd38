package io.emailaccounts.server.emailaccount.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import io.emailaccounts.server.config.InvalidConfigurationException;
import io.emailaccounts.contract.ApiContract;
import io.emailaccounts.server.contract.ServedContract;
import io.emailaccounts.server.emailaccount.EmailAccountField;
import io.emailaccounts.server.emailaccount.EmailAccountSchema;
import io.emailaccounts.server.secrets.SecretCipher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The README's walk-through of adding a field, its snippets as written: the property and filter added to the contract
 * and the migration make a field the server stores, and without the migration the server names what is missing.
 * (The whole walk-through, with a build, is what a designer does; this keeps its snippets true to the server's rules.)
 */
class AddAFieldWalkThroughTest {

    private static final Path README = Path.of("..", "README.md");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    @Test
    void shouldStoreTheWalkThroughsFieldWithItsMigrationAndNameItWithout() throws Exception {
        String walkThrough = walkThrough();
        List<String> yaml = blocks(walkThrough, "yaml");
        List<String> sql = blocks(walkThrough, "sql");
        assertThat(yaml).as("the property and the filter").hasSize(2);
        assertThat(sql).as("the migration").hasSize(1);

        ObjectNode document = (ObjectNode) ServedContract.load().document().deepCopy();
        ObjectNode property = (ObjectNode) YAML.readTree(yaml.get(0));
        String name = property.propertyNames().iterator().next();
        assumeTrue(document.at("/components/schemas/EmailAccountFields/properties/" + name).isMissingNode(),
                "the contract has " + name + " already: the walk-through has been followed");
        ((ObjectNode) document.at("/components/schemas/EmailAccountFields/properties")).setAll(property);
        ((ArrayNode) document.at("/components/schemas/EmailAccountOrderField/enum")).add(name);
        JsonNode filter = YAML.readTree(yaml.get(1)).get(0);
        ((ArrayNode) document.at("/paths/~1api~1crm~1emailaccounts/get/parameters")).add(filter);
        EmailAccountSchema schema = EmailAccountSchema.of(ApiContract.of(document));
        EmailAccountField field = schema.named(name).orElseThrow();

        assertThat(field.writable()).isTrue();
        assertThat(filter.get("name").asString()).isEqualTo("EmailAccount_" + name);

        JdbcClient jdbc = migratedDatabase();
        SecretCipher cipher = new SecretCipher(new byte[32]);
        assertThatThrownBy(() -> new EmailAccountTable(jdbc, cipher, schema).afterPropertiesSet())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining(name + " (column email_account." + field.column() + ")");
        for (String statement : sql.get(0).split(";")) {
            if (!statement.isBlank()) {
                jdbc.sql(statement).update();
            }
        }
        new EmailAccountTable(jdbc, cipher, schema).afterPropertiesSet();
    }

    private static String walkThrough() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int start = readme.indexOf("### Walk-through: add an optional field");
        assertThat(start).as("the README's walk-through").isNotNegative();
        return readme.substring(start, readme.indexOf("\n### ", start + 1));
    }

    private static List<String> blocks(String text, String language) {
        Matcher matcher = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(text);
        List<String> blocks = new ArrayList<>();
        while (matcher.find()) {
            blocks.add(matcher.group(1).stripIndent());
        }
        return blocks;
    }

    private static JdbcClient migratedDatabase() {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:walk-through;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return JdbcClient.create(dataSource);
    }
}
