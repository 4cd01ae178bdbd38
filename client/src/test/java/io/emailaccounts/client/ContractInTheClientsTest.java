package io.emailaccounts.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.emailaccounts.contract.ApiContract;
import io.emailaccounts.contract.ContractEnum;
import io.emailaccounts.contract.ContractProperty;

/**
 * What the contract says reaches both generated clients, checked for everything the contract has (so a value or a
 * deprecation added to the contract is checked with no change here): every value of every enum is a named constant
 * in the Java and the TypeScript client, and every deprecated property is deprecated in both.
 */
class ContractInTheClientsTest {

    private static final ApiContract CONTRACT = ApiContract.read(Path.of("..", "api", "openapi.yaml"));
    private static final String MODEL_PACKAGE = "io.emailaccounts.client.model.";
    private static final String NULLABLE_GETTER = "_JsonNullable";
    private static final Path TYPESCRIPT_MODELS = Path.of("target", "typescript", "src", "generated", "models");
    /** A TypeScript model's mapping from its JSON: {@code 'replyToEmail': json['ReplyToEmail']}, maybe converted. */
    private static final Pattern TYPESCRIPT_FROM_JSON = Pattern.compile("'(\\w+)': [^\\n]*?json\\['(\\w+)'\\]");

    @Test
    void shouldGiveEveryValueOfEveryEnumANamedConstantInTheJavaClient() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        for (ContractEnum enumeration : CONTRACT.enums()) {
            Class<?> type = Class.forName(MODEL_PACKAGE + enumeration.schemaName());
            List<?> constants = (List<?>) type.getMethod("values").invoke(null);
            List<String> names = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (Object constant : constants) {
                names.add((String) type.getMethod("name").invoke(constant));
                values.add(String.valueOf(type.getMethod("getValue").invoke(constant)));
            }
            softly.assertThat(values).as("the values of %s", enumeration.schemaName()).isEqualTo(enumeration.valueTexts());
            if (!enumeration.names().isEmpty()) {
                softly.assertThat(names).as("the names of %s", enumeration.schemaName()).isEqualTo(enumeration.names());
            }
        }
        softly.assertAll();
    }

    @Test
    void shouldGiveEveryValueOfEveryEnumANamedConstantInTheTypeScriptClient() throws IOException {
        SoftAssertions softly = new SoftAssertions();
        for (ContractEnum enumeration : CONTRACT.enums()) {
            String model = Files.readString(TYPESCRIPT_MODELS.resolve(enumeration.schemaName() + ".ts"));
            for (int i = 0; i < enumeration.values().size(); i++) {
                String value = enumeration.values().get(i).isString()
                        ? "'" + enumeration.values().get(i).asString() + "'" : enumeration.values().get(i).asString();
                String name = enumeration.names().isEmpty() ? "\\w+" : Pattern.quote(enumeration.names().get(i));
                softly.assertThat(model).as("%s.ts has the value %s", enumeration.schemaName(), value)
                        .containsPattern("(?m)^\\s+" + name + ": " + Pattern.quote(value) + ",$");
            }
        }
        softly.assertAll();
    }

    @Test
    void shouldDeprecateEveryDeprecatedPropertyInBothClients() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        int objectSchemas = 0;
        for (String schema : CONTRACT.schemaNames()) {
            Map<String, ContractProperty> properties = CONTRACT.properties(schema);
            Optional<Class<?>> javaModel = javaModel(schema);
            if (properties.isEmpty() || javaModel.isEmpty()) {
                continue;
            }
            objectSchemas++;
            Map<String, Method> getters = getters(javaModel.get());
            String typescript = Files.readString(TYPESCRIPT_MODELS.resolve(schema + ".ts"));
            for (ContractProperty property : properties.values()) {
                softly.assertThat(getters.get(property.name()).isAnnotationPresent(Deprecated.class))
                        .as("%s.%s is @Deprecated in the Java client exactly when the contract deprecates it", schema, property.name())
                        .isEqualTo(property.deprecated());
                softly.assertThat(typeScriptDoc(typescript, property.name()).contains("@deprecated"))
                        .as("%s.%s is @deprecated in the TypeScript client exactly when the contract deprecates it", schema, property.name())
                        .isEqualTo(property.deprecated());
            }
        }
        assertThat(objectSchemas).as("object schemas checked").isGreaterThan(5);
        softly.assertAll();
    }

    private static Optional<Class<?>> javaModel(String schema) {
        try {
            return Optional.of(Class.forName(MODEL_PACKAGE + schema));
        } catch (ClassNotFoundException notGenerated) {
            return Optional.empty();
        }
    }

    /**
     * The getters a caller uses, by the JSON name of their property: a nullable property is read through a getter of
     * its value, beside the one of its {@code JsonNullable} that Jackson uses.
     */
    private static Map<String, Method> getters(Class<?> model) throws NoSuchMethodException {
        Map<String, Method> getters = new HashMap<>();
        for (Method method : model.getMethods()) {
            if (method.getParameterCount() == 0 && method.isAnnotationPresent(JsonProperty.class)) {
                Method getter = method.getName().endsWith(NULLABLE_GETTER)
                        ? model.getMethod(method.getName().substring(0, method.getName().length() - NULLABLE_GETTER.length()))
                        : method;
                getters.put(method.getAnnotation(JsonProperty.class).value(), getter);
            }
        }
        return getters;
    }

    /** The documentation comment of a property of a TypeScript model interface, found by its JSON name. */
    private static String typeScriptDoc(String model, String jsonName) {
        Matcher mapping = TYPESCRIPT_FROM_JSON.matcher(model);
        String name = null;
        while (mapping.find() && name == null) {
            if (mapping.group(2).equals(jsonName)) {
                name = mapping.group(1);
            }
        }
        assertThat(name).as("the TypeScript model maps %s", jsonName).isNotNull();
        Matcher declaration = Pattern.compile("(?s)/\\*\\*((?:(?!\\*/).)*)\\*/\\s*" + Pattern.quote(name) + "\\??:").matcher(model);
        return declaration.find() ? declaration.group(1) : "";
    }
}
