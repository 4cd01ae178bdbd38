package io.emailaccounts.server.web;

import java.io.IOException;
import java.util.Map;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON converter, with the application's mapper, that binds a request body from the tree
 * {@link ContractRequestBodyAdvice} has already parsed and checked against the contract, instead of parsing its text a
 * second time. Bodies the advice does not see (those not bound to a generated model) are read as usual.
 */
class ParsedBodyConverter extends JacksonJsonHttpMessageConverter {

    ParsedBodyConverter(JsonMapper mapper) {
        super(mapper);
    }

    @Override
    public Object read(ResolvableType type, HttpInputMessage input, Map<String, Object> hints) throws IOException {
        if (!(input instanceof ContractRequestBodyAdvice.ParsedBody parsed)) {
            return super.read(type, input, hints);
        }
        try {
            return getMapper().readerFor(getJavaType(type.getType(), null)).readValue(parsed.tree());
        } catch (JacksonException e) {
            throw new HttpMessageNotReadableException("JSON parse error: " + e.getOriginalMessage(), e, input);
        }
    }
}
