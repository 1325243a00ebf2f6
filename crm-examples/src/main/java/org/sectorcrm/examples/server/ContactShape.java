package org.sectorcrm.examples.server;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.sectorcrm.core.contact.ContactView;
import org.sectorcrm.json.CrmJson;

/**
 * A contact is read and written in one shape over HTTP: the {@code Contact} record's own members, as a {@code POST},
 * {@code PUT} or {@code PATCH} sends them, so a {@code GET} answer can be sent back unchanged. crm-core hands readers a
 * {@link ContactView}; it is flattened here into that shape. A VIEWER's masked view is marked in one place, the
 * read-only member {@value #MEMBER}: present only on a masked view, it holds the masked e-mail and phone
 * ({@link MaskedPii}), while the record's own {@code email} and {@code phone} are null (the PII is not in the answer at all).
 * A write ignores the member, like {@code stamp}.
 */
final class ContactShape {
    /** The read-only member that marks a VIEWER's masked view. */
    static final String MEMBER = "masked";

    /** What a VIEWER may see of the masked values: {@code j***@acme.example}, {@code (***) ***-0142}. */
    record MaskedPii(String email, String phone) {
    }

    private ContactShape() {
    }

    /** The module that writes a {@link ContactView} as its contact (plus {@value #MEMBER} when masked). */
    static SimpleModule module() {
        ObjectMapper records = CrmJson.mapper();
        return new SimpleModule("contact-shape").addSerializer(ContactView.class, new JsonSerializer<>() {
            @Override
            public void serialize(ContactView view, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                ObjectNode node = records.valueToTree(view.contact());
                if (view.masked()) {
                    node.set(MEMBER, records.valueToTree(new MaskedPii(view.email(), view.phone())));
                }
                gen.writeTree(node);
            }
        });
    }

    /** The schema of the marker, added to the {@code Contact} component: read-only, and left out of the answer unless masked. */
    static void describe(Schemas schemas, ObjectNode contact) {
        ObjectNode ref = schemas.of(MaskedPii.class);
        ObjectNode member = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        member.putArray("allOf").add(ref);
        member.put("readOnly", true).put("description", "present only on a VIEWER's masked view: the masked e-mail and phone (the record's own"
                + " email and phone are then null); ignored on writes");
        ((ObjectNode) contact.get("properties")).set(MEMBER, member);
    }
}
