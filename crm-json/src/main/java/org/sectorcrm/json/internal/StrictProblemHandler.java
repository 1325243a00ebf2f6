package org.sectorcrm.json.internal;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Words a wrong JSON shape the way a person filling in a file understands it ("expected an array but found a
 * string") instead of Jackson's Java-centred wording. Only the message changes: the input is refused either way.
 */
public final class StrictProblemHandler extends DeserializationProblemHandler {
    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p, String failureMsg)
            throws IOException {
        throw MismatchedInputException.from(p, targetType,
                "expected " + JsonErrors.describe(targetType.getRawClass()) + " but found " + JsonErrors.describe(t));
    }

    /** Jackson's route for a scalar where a collection or record was expected ("tags": "x"). */
    @Override
    public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass, ValueInstantiator valueInsts, JsonParser p,
            String msg) throws IOException {
        throw MismatchedInputException.from(p, instClass,
                "expected " + JsonErrors.describe(instClass) + " but found " + JsonErrors.describe(p.currentToken()));
    }
}
