package io.emailaccounts.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The guide Configuration lists every {@code emailaccounts.*} setting of {@link EmailAccountsProperties}, and nothing
 * else under that name, each with the default the record gives it: a default written as one value is read as the
 * server would read it (so its unit counts: {@code 5m} is not {@code 5}), and one written in words (none, or a default
 * that depends on the mode) is a setting the record leaves unset.
 */
class ConfigurationGuideTest {

    private static final Path GUIDE = Path.of("..", "api", "guides", "80-configuration.md");
    private static final String PREFIX = "emailaccounts";
    private static final Pattern ONE_VALUE = Pattern.compile("`([^`]*)`");
    /** A user needs a name (required, no default) to be bound at all; the other settings of a user keep their defaults. */
    private static final Map<String, String> A_USER = Map.of(PREFIX + ".users[0].username", "someone@example.com");

    @Test
    void shouldListEverySettingOfTheTypedPropertiesAndNoOther() throws IOException {
        List<String> settings = new ArrayList<>();
        collect(PREFIX, EmailAccountsProperties.class, settings);

        assertThat(guide().keySet()).containsExactlyInAnyOrderElementsOf(settings);
    }

    @Test
    void shouldGiveEachSettingTheDefaultOfTheTypedProperties() throws IOException {
        EmailAccountsProperties defaults = bind(A_USER);
        guide().forEach((setting, written) -> {
            String first = setting.replace("[i]", "[0]");
            if (A_USER.containsKey(first)) {
                return;
            }
            Object typedDefault = valueOf(defaults, setting);
            Matcher oneValue = ONE_VALUE.matcher(written);
            if (oneValue.matches()) {
                Map<String, String> properties = new HashMap<>(A_USER);
                properties.put(first, oneValue.group(1));
                assertThat(valueOf(bind(properties), setting)).as("%s's default, %s, read as the server reads it", setting, written)
                        .isEqualTo(typedDefault);
            } else {
                assertThat(typedDefault).as("%s, whose default the guide gives in words (%s): unset in the record", setting, written)
                        .satisfiesAnyOf(value -> assertThat(value).isNull(), value -> assertThat(value).asInstanceOf(
                                InstanceOfAssertFactories.COLLECTION).isEmpty());
            }
        });
    }

    private static EmailAccountsProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate(PREFIX, EmailAccountsProperties.class);
    }

    /** The guide's table: each {@code emailaccounts.*} setting, and its default as written. */
    private static Map<String, String> guide() throws IOException {
        List<String> lines = Files.readAllLines(GUIDE);
        int header = lines.indexOf("| property | default | meaning |");
        assertThat(header).as("the settings' table of %s", GUIDE).isNotNegative();
        Map<String, String> settings = new LinkedHashMap<>();
        for (String line : lines.subList(header + 2, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            String[] cells = line.split(" \\| ");
            String setting = cells[0].substring(1).strip().replace("`", "");
            if (setting.startsWith(PREFIX + ".")) {
                assertThat(settings.put(setting, cells[1].strip())).as("%s listed once", setting).isNull();
            }
        }
        return settings;
    }

    /** The settings a record binds, by their names ({@code users[i].roles} for a list's items). */
    static void collect(String prefix, Class<?> type, List<String> settings) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + kebab(component.getName());
            Class<?> valueType = component.getType();
            if (Collection.class.isAssignableFrom(valueType) && itemType(component).isRecord()) {
                collect(name + "[i]", itemType(component), settings);
            } else if (valueType.isRecord()) {
                collect(name, valueType, settings);
            } else {
                settings.add(name);
            }
        }
    }

    private static Class<?> itemType(RecordComponent component) {
        Type item = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
        return item instanceof Class<?> type ? type : Object.class;
    }

    /** The value of a setting ({@code emailaccounts.users[0].roles}, or {@code [i]}) in bound properties. */
    private static Object valueOf(Object properties, String setting) {
        Object value = properties;
        for (String part : setting.substring(PREFIX.length() + 1).split("\\.")) {
            String name = part.replaceAll("\\[.*]$", "");
            value = component(value, name);
            if (!name.equals(part)) {
                value = ((List<?>) value).get(0);
            }
        }
        return value;
    }

    private static Object component(Object record, String kebabName) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (kebab(component.getName()).equals(kebabName)) {
                try {
                    return component.getAccessor().invoke(record);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        }
        throw new AssertionError("no setting " + kebabName + " in " + record.getClass().getSimpleName());
    }

    private static String kebab(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
