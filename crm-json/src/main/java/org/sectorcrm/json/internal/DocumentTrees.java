package org.sectorcrm.json.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Stored documents as trees, for migrations: read and written back without changing what the migration does not
 * touch. Decimals keep their exact text value ({@code 1.50}, {@code 1E+3}); strings, instants and member order are
 * kept as they are.
 */
public final class DocumentTrees {
    private static final ObjectMapper TREES = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .disable(SerializationFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private DocumentTrees() {
    }

    public static ObjectNode parse(String json) throws JsonProcessingException {
        JsonNode tree = TREES.readTree(json);
        if (tree instanceof ObjectNode object) {
            return object;
        }
        throw MismatchedInputException.from(null, ObjectNode.class, "expected a JSON object but found "
                + (tree == null || tree.isMissingNode() ? "nothing" : tree.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
    }

    public static String write(JsonNode tree) throws JsonProcessingException {
        return TREES.writeValueAsString(tree);
    }
}
