package org.sectorcrm.jdbc.internal;

import org.sectorcrm.core.StorageException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes and reads the {@code doc} column: the whole aggregate as JSON. The mapper must round-trip every
 * aggregate exactly (a read returns an equal record), which crm-json's mapper guarantees.
 */
public final class Documents {
    private final ObjectMapper mapper;

    public Documents(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StorageException("cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StorageException("a stored " + type.getSimpleName() + " document cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
