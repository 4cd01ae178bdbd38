package io.emailaccounts.server.web.validation;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.format.Format;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.keyword.UnknownKeywordFactory;

import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI 3.0 schema dialect as this API reads it: {@code int32} and {@code int64} formats bound integers to
 * what the server can store, and {@code x-} extensions are documentation, not rules.
 */
final class OpenApiFormats {

    private OpenApiFormats() {
    }

    static Dialect dialect() {
        return Dialect.builder(Dialects.getOpenApi30())
                .format(new IntegerRangeFormat("int32", Integer.MIN_VALUE, Integer.MAX_VALUE))
                .format(new IntegerRangeFormat("int64", Long.MIN_VALUE, Long.MAX_VALUE))
                .unknownKeywordFactory((keyword, context) -> keyword.startsWith("x-")
                        ? new NonValidationKeyword(keyword)
                        : UnknownKeywordFactory.getInstance().getKeyword(keyword, context))
                .build();
    }

    /** An integer format that fails for whole numbers outside the range of its Java type. */
    record IntegerRangeFormat(String name, long min, long max) implements Format {

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean matches(ExecutionContext executionContext, SchemaContext schemaContext, JsonNode value) {
            if (!value.isIntegralNumber()) {
                return true; // not an integer at all: the type keyword reports it
            }
            if (!value.canConvertToLong()) {
                return false;
            }
            long number = value.longValue();
            return number >= min && number <= max;
        }
    }
}
