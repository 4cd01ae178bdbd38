package io.emailaccounts.server.emailaccount.web;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

import org.openapitools.jackson.nullable.JsonNullable;

import io.emailaccounts.server.emailaccount.EmailAccountField;

/**
 * How one generated model class carries the contract's fields, found once by their JSON names (the
 * {@code @JsonProperty} of its getters): reads a field's value as the server stores it, and sets one. Generated enums
 * are read and set by their wire values, optional fields through their {@code JsonNullable}.
 */
final class GeneratedModel<T> {

    /** One field's getter and fluent setter, with the conversions between the model's type and the stored one. */
    private record Property(EmailAccountField field, Method getter, Method setter, boolean wrapped,
                            Function<Object, Object> toStored, Function<Object, Object> toModel) {
    }

    private final Class<T> type;
    private final Constructor<T> constructor;
    private final List<Property> properties = new ArrayList<>();

    /**
     * @throws IllegalStateException when the model lacks a field, which happens only when it was generated from
     *                               another contract than the one the server reads
     */
    GeneratedModel(Class<T> type, List<EmailAccountField> fields) {
        this.type = type;
        try {
            this.constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getSimpleName() + " has no constructor without arguments", e);
        }
        Map<String, Method> getters = Arrays.stream(type.getMethods())
                .filter(method -> method.getParameterCount() == 0 && method.isAnnotationPresent(JsonProperty.class))
                .collect(Collectors.toMap(method -> method.getAnnotation(JsonProperty.class).value(), Function.identity()));
        for (EmailAccountField field : fields) {
            Method getter = getters.get(field.name());
            if (getter == null) {
                throw new IllegalStateException(type.getSimpleName() + " has no property " + field.name()
                        + ": was it generated from this contract? (mvn clean install)");
            }
            String javaName = getter.getName().replaceFirst("^(get|is)", "");
            Method setter = fluentSetter(type, Character.toLowerCase(javaName.charAt(0)) + javaName.substring(1));
            boolean wrapped = getter.getReturnType() == JsonNullable.class;
            Class<?> modelType = setter.getParameterTypes()[0];
            properties.add(new Property(field, getter, setter, wrapped, toStored(modelType), toModel(modelType)));
        }
    }

    /** The fields the model holds, by field: absent ones (an undefined {@code JsonNullable}, or null) are left out. */
    void readPresent(T model, Map<EmailAccountField, Object> into) {
        for (Property property : properties) {
            Object value = invoke(property.getter(), model);
            if (property.wrapped()) {
                JsonNullable<?> nullable = (JsonNullable<?>) value;
                if (nullable.isPresent()) {
                    into.put(property.field(), nullable.get() == null ? null : property.toStored().apply(nullable.get()));
                }
            } else if (value != null) {
                into.put(property.field(), property.toStored().apply(value));
            }
        }
    }

    /** A new model with every field set from {@code values} (a field they lack is set to null). */
    T write(Function<EmailAccountField, Object> values) {
        T model = newInstance();
        for (Property property : properties) {
            Object value = values.apply(property.field());
            invoke(property.setter(), model, value == null ? null : property.toModel().apply(value));
        }
        return model;
    }

    private T newInstance() {
        try {
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getSimpleName() + " cannot be made", e);
        }
    }

    private static Method fluentSetter(Class<?> type, String name) {
        return Arrays.stream(type.getMethods())
                .filter(method -> method.getName().equals(name) && method.getParameterCount() == 1
                        && method.getReturnType() == type)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(type.getSimpleName() + " has no setter " + name));
    }

    /** A generated enum as its wire value ({@code Imap} as 1); anything else as it is. */
    private static Function<Object, Object> toStored(Class<?> modelType) {
        if (!modelType.isEnum()) {
            return Function.identity();
        }
        Method wireValue = Arrays.stream(modelType.getMethods()).filter(method -> method.isAnnotationPresent(JsonValue.class))
                .findFirst().orElseThrow(() -> new IllegalStateException(modelType.getSimpleName() + " has no @JsonValue"));
        return value -> invoke(wireValue, value);
    }

    /** A wire value as the generated enum ({@code 1} as {@code Imap}); anything else as it is. */
    private static Function<Object, Object> toModel(Class<?> modelType) {
        if (!modelType.isEnum()) {
            return Function.identity();
        }
        Method fromValue = Arrays.stream(modelType.getMethods())
                .filter(method -> method.getName().equals("fromValue") && method.getParameterCount() == 1)
                .findFirst().orElseThrow(() -> new IllegalStateException(modelType.getSimpleName() + " has no fromValue"));
        return value -> invoke(fromValue, null, value);
    }

    private static Object invoke(Method method, Object target, Object... arguments) {
        try {
            return method.invoke(target, arguments);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }
}
