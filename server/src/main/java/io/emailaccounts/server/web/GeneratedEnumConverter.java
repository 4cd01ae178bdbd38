package io.emailaccounts.server.web;

import java.lang.reflect.Method;
import java.util.Set;

import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.ConditionalGenericConverter;

import io.emailaccounts.server.generated.model.EmailServerType;

/**
 * Binds query parameters to the generated enums by their wire values ({@code 1} to {@code Imap}), not by constant
 * names as Spring would. The contract has already checked each value.
 */
class GeneratedEnumConverter implements ConditionalGenericConverter {

    private static final String GENERATED_MODEL_PACKAGE = EmailServerType.class.getPackageName();

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(new ConvertiblePair(String.class, Enum.class));
    }

    @Override
    public boolean matches(TypeDescriptor sourceType, TypeDescriptor targetType) {
        return targetType.getType().isEnum() && targetType.getType().getPackageName().equals(GENERATED_MODEL_PACKAGE);
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null || ((String) source).isEmpty()) {
            return null;
        }
        Class<?> type = targetType.getType();
        try {
            Method fromValue = findFromValue(type);
            Object value = fromValue.getParameterTypes()[0] == Integer.class ? Integer.valueOf((String) source) : source;
            return fromValue.invoke(null, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("No value " + source + " in " + type.getSimpleName(), e);
        }
    }

    private static Method findFromValue(Class<?> type) throws NoSuchMethodException {
        for (Method method : type.getMethods()) {
            if (method.getName().equals("fromValue") && method.getParameterCount() == 1) {
                return method;
            }
        }
        throw new NoSuchMethodException(type.getName() + ".fromValue");
    }
}
