package org.sectorcrm.json.internal;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import org.sectorcrm.core.event.DomainEvent;

/**
 * Puts the kind of a {@link DomainEvent} in a {@code "type"} property, with stable lower-camel names rather than
 * Java class names, so that the outbox and exchange files survive renames of the Java types.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = DomainEvent.Created.class, name = "created"),
        @JsonSubTypes.Type(value = DomainEvent.Changed.class, name = "changed"),
        @JsonSubTypes.Type(value = DomainEvent.StatusChanged.class, name = "statusChanged"),
        @JsonSubTypes.Type(value = DomainEvent.Deleted.class, name = "deleted")})
public abstract class DomainEventMixin {
    private DomainEventMixin() {
    }
}
