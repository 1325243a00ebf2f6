package org.sectorcrm.core.appointment;

import java.util.UUID;

import org.sectorcrm.core.Id;
import org.sectorcrm.core.ValidationException;

/** Identifies a {@link Appointment}. */
public record AppointmentId(UUID value) implements Id {
    public AppointmentId {
        if (value == null) {
            throw ValidationException.of("appointment", "id", "is required");
        }
    }

    public static AppointmentId of(String text) {
        return new AppointmentId(org.sectorcrm.core.internal.Uuids.parse("appointment", text));
    }

    @Override
    public String asString() {
        return value.toString();
    }

    @Override
    public String toString() {
        return asString();
    }
}
