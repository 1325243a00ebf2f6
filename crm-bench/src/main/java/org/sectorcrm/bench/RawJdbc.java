package org.sectorcrm.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.sectorcrm.core.IdGenerator;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.contact.ContactId;
import org.sectorcrm.core.contact.ContactRole;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.employer.Establishment;
import org.sectorcrm.core.employer.EstablishmentId;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementId;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.search.Reader;
import org.sectorcrm.core.search.SearchableText;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.jdbc.internal.SearchWords;
import org.sectorcrm.json.CrmJson;

/**
 * The baseline: hand-written JDBC on one connection that writes exactly the rows the SQL store writes per employer
 * (the JSON document in {@code crm_employer} with its typed columns, the tag and ZIP child rows, the search-word rows,
 * one audit row and one outbox row), prepared and batched, one transaction per batch; and reads the way a
 * hand-written application would (select the document, decode it with the same Jackson mapper).
 */
public final class RawJdbc implements AutoCloseable {
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    /** The library's id scheme (UUID v7): time-ordered keys append to the indexes instead of landing at random pages. */
    private final IdGenerator ids = IdGenerator.timeOrdered();
    private final Connection c;
    private final String actor;
    private final String partner;
    private final PreparedStatement insertEmployer;
    private final PreparedStatement insertTag;
    private final PreparedStatement insertZip;
    private final PreparedStatement insertWord;
    private final PreparedStatement insertAudit;
    private final PreparedStatement insertOutbox;
    private final PreparedStatement insertContact;
    private final PreparedStatement insertRole;
    private final PreparedStatement insertEngagement;
    private final PreparedStatement byId;
    private final PreparedStatement byStatus;
    private final PreparedStatement byRegion;
    private final PreparedStatement search;

    public RawJdbc(String url, String actorId, String partnerId) throws SQLException {
        c = DriverManager.getConnection(url);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("PRAGMA foreign_keys=ON");
        }
        c.setAutoCommit(false);
        actor = actorId;
        partner = partnerId;
        insertEmployer = c.prepareStatement("INSERT INTO crm_employer (id, version, created_at, updated_at, created_by, status, region, sector, naics,"
                + " lead_partner_id, fein, name_key, doc) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insertTag = c.prepareStatement("INSERT INTO crm_employer_tag (employer_id, tag) VALUES (?, ?)");
        insertZip = c.prepareStatement("INSERT INTO crm_employer_zip (employer_id, zip) VALUES (?, ?)");
        insertWord = c.prepareStatement("INSERT INTO crm_search_word (record_type, record_id, scope, word) VALUES (?, ?, '*', ?)");
        insertAudit = c.prepareStatement("INSERT INTO crm_audit (id, at, actor_id, partner_id, action, record_type, record_id, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        insertOutbox = c.prepareStatement("INSERT INTO crm_outbox (event_id, occurred_at, event_type, record_type, record_id, doc) VALUES (?, ?, ?, ?, ?, ?)");
        insertContact = c.prepareStatement("INSERT INTO crm_contact (id, version, created_at, updated_at, created_by, employer_id, email, active, doc)"
                + " VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)");
        insertRole = c.prepareStatement("INSERT INTO crm_contact_role (contact_id, role) VALUES (?, ?)");
        insertEngagement = c.prepareStatement("INSERT INTO crm_engagement (id, version, created_at, updated_at, created_by, employer_id, establishment_id,"
                + " partnership_id, partner_id, staff_id, engaged_on, channel, staff_assisted, external_id, doc) VALUES (?, 1, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, NULL, ?)");
        byId = c.prepareStatement("SELECT doc FROM crm_employer WHERE id = ?");
        byStatus = c.prepareStatement("SELECT doc FROM crm_employer WHERE status = ? AND id > ? ORDER BY id LIMIT ?");
        byRegion = c.prepareStatement("SELECT doc FROM crm_employer WHERE region = ? AND id > ? ORDER BY id LIMIT ?");
        search = c.prepareStatement("SELECT doc FROM crm_employer WHERE id IN (SELECT record_id FROM crm_search_word WHERE record_type = 'employer'"
                + " AND scope = '*' AND word = ? INTERSECT SELECT record_id FROM crm_search_word WHERE record_type = 'employer' AND scope = '*' AND word = ?)"
                + " ORDER BY id LIMIT ?");
    }

    /** Stores the drafts in transactions of {@code batchSize}; returns them with the ids and stamps given. */
    public List<Employer> insertEmployers(List<Employer> drafts, int batchSize) throws SQLException {
        List<Employer> out = new ArrayList<>(drafts.size());
        for (int from = 0; from < drafts.size(); from += batchSize) {
            List<Employer> batch = drafts.subList(from, Math.min(drafts.size(), from + batchSize));
            try {
                for (Employer d : batch) {
                    out.add(addEmployer(d));
                }
                insertEmployer.executeBatch();
                insertTag.executeBatch();
                insertZip.executeBatch();
                insertWord.executeBatch();
                insertAudit.executeBatch();
                insertOutbox.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        return out;
    }

    /**
     * Stores the contacts (their employers stored before) in transactions of {@code batchSize}: per contact its
     * {@code crm_contact} row, its role rows, its search words (the text every reader may search: e-mail and phone are
     * personal and stay out, as in the store), one audit and one outbox row. Returns how many were stored.
     */
    public int insertContacts(List<Contact> drafts, int batchSize) throws SQLException {
        for (int from = 0; from < drafts.size(); from += batchSize) {
            try {
                for (Contact d : drafts.subList(from, Math.min(drafts.size(), from + batchSize))) {
                    addContact(d);
                }
                insertContact.executeBatch();
                insertRole.executeBatch();
                insertWord.executeBatch();
                insertAudit.executeBatch();
                insertOutbox.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        return drafts.size();
    }

    private void addContact(Contact d) throws SQLException {
        Instant now = Instant.now();
        String at = TS.format(now);
        Contact k = d.withId(d.id() != null ? d.id() : new ContactId(ids.next())).withStamp(new Stamp(1, now, now, new PartnerId(UUID.fromString(partner))));
        String id = k.id().asString();
        insertContact.setString(1, id);
        insertContact.setString(2, at);
        insertContact.setString(3, at);
        insertContact.setString(4, partner);
        insertContact.setString(5, k.employer().asString());
        insertContact.setString(6, k.email() == null ? null : k.email().value());
        insertContact.setInt(7, k.active() ? 1 : 0);
        insertContact.setString(8, CrmJson.write(k));
        insertContact.addBatch();
        for (ContactRole role : k.roles()) {
            insertRole.setString(1, id);
            insertRole.setString(2, role.name());
            insertRole.addBatch();
        }
        words("contact", id, AggregateTypes.CONTACT.searchableText(k, Reader.EVERYONE));
        audit(at, "CREATE", "contact", id, 1);
        outbox(at, "ContactCreated", "contact", id);
    }

    private Employer addEmployer(Employer d) throws SQLException {
        Instant now = Instant.now();
        String at = TS.format(now);
        List<Establishment> sites = new ArrayList<>(d.establishments().size());
        for (Establishment s : d.establishments()) {
            sites.add(s.id() == null ? s.withId(new EstablishmentId(ids.next())) : s);
        }
        Employer e = d.withId(d.id() != null ? d.id() : new EmployerId(ids.next())).withEstablishments(sites)
                .withStamp(new Stamp(1, now, now, new PartnerId(UUID.fromString(partner))));
        String id = e.id().asString();
        insertEmployer.setString(1, id);
        insertEmployer.setString(2, at);
        insertEmployer.setString(3, at);
        insertEmployer.setString(4, partner);
        insertEmployer.setString(5, e.status().name());
        insertEmployer.setString(6, e.region() == null ? null : e.region().value());
        insertEmployer.setString(7, e.sector() == null ? null : e.sector().value());
        insertEmployer.setString(8, e.naics() == null ? null : e.naics().value());
        insertEmployer.setString(9, e.lead() == null ? null : null);
        insertEmployer.setString(10, e.fein() == null ? null : e.fein().value());
        insertEmployer.setString(11, e.nameKey());
        insertEmployer.setString(12, CrmJson.write(e));
        insertEmployer.addBatch();
        for (String tag : e.tags()) {
            insertTag.setString(1, id);
            insertTag.setString(2, tag);
            insertTag.addBatch();
        }
        Set<String> zips = new TreeSet<>();
        for (Establishment s : e.establishments()) {
            if (s.address() != null && s.address().zip5() != null) {
                zips.add(s.address().zip5());
            }
        }
        for (String zip : zips) {
            insertZip.setString(1, id);
            insertZip.setString(2, zip);
            insertZip.addBatch();
        }
        words("employer", id, SearchableText.of(e));
        audit(at, "CREATE", "employer", id, e.version());
        outbox(at, "EmployerCreated", "employer", id);
        return e;
    }

    private void words(String type, String id, String text) throws SQLException {
        for (String w : SearchWords.of(text)) { // the store's word encoding (lower case, >= 3 characters, long words cut)
            insertWord.setString(1, type);
            insertWord.setString(2, id);
            insertWord.setString(3, w);
            insertWord.addBatch();
        }
    }

    private void audit(String at, String action, String type, String id, long version) throws SQLException {
        String auditId = ids.next().toString();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", auditId);
        doc.put("at", at);
        doc.put("actor", actor);
        doc.put("partner", partner);
        doc.put("action", action);
        doc.put("recordType", type);
        doc.put("recordId", id);
        doc.put("version", version);
        insertAudit.setString(1, auditId);
        insertAudit.setString(2, at);
        insertAudit.setString(3, actor);
        insertAudit.setString(4, partner);
        insertAudit.setString(5, action);
        insertAudit.setString(6, type);
        insertAudit.setString(7, id);
        insertAudit.setString(8, CrmJson.write(doc));
        insertAudit.addBatch();
    }

    private void outbox(String at, String eventType, String type, String id) throws SQLException {
        String eventId = ids.next().toString();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("eventId", eventId);
        doc.put("occurredAt", at);
        doc.put("type", eventType);
        doc.put("recordType", type);
        doc.put("recordId", id);
        doc.put("actor", actor);
        doc.put("partner", partner);
        insertOutbox.setString(1, eventId);
        insertOutbox.setString(2, at);
        insertOutbox.setString(3, eventType);
        insertOutbox.setString(4, type);
        insertOutbox.setString(5, id);
        insertOutbox.setString(6, CrmJson.write(doc));
        insertOutbox.addBatch();
    }

    /** One engagement in its own transaction, with its search words, audit row and outbox row. */
    public Engagement recordEngagement(Engagement draft) throws SQLException {
        Instant now = Instant.now();
        String at = TS.format(now);
        Engagement g = draft.withId(new EngagementId(ids.next())).withStamp(new Stamp(1, now, now, new PartnerId(UUID.fromString(partner))));
        String id = g.id().asString();
        try {
            insertEngagement.setString(1, id);
            insertEngagement.setString(2, at);
            insertEngagement.setString(3, at);
            insertEngagement.setString(4, partner);
            insertEngagement.setString(5, g.employer().asString());
            insertEngagement.setString(6, g.establishment() == null ? null : g.establishment().asString());
            insertEngagement.setString(7, g.partner().asString());
            insertEngagement.setString(8, g.staff().asString());
            insertEngagement.setString(9, g.date().toString());
            insertEngagement.setString(10, g.channel().name());
            insertEngagement.setInt(11, g.staffAssisted() ? 1 : 0);
            insertEngagement.setString(12, CrmJson.write(g));
            insertEngagement.executeUpdate();
            words("engagement", id, SearchableText.summaryOf(g));
            insertWord.executeBatch();
            audit(at, "CREATE", "engagement", id, 1);
            insertAudit.executeBatch();
            outbox(at, "EngagementRecorded", "engagement", id);
            insertOutbox.executeBatch();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
        return g;
    }

    /** Select the document by id and decode it. */
    public Employer get(EmployerId id) throws SQLException {
        byId.setString(1, id.asString());
        try (ResultSet rs = byId.executeQuery()) {
            Employer e = rs.next() ? CrmJson.read(rs.getString(1), Employer.class) : null;
            c.commit();
            return e;
        }
    }

    public List<Employer> pageByStatus(String status, String afterId, int limit) throws SQLException {
        byStatus.setString(1, status);
        byStatus.setString(2, afterId);
        byStatus.setInt(3, limit);
        return decodeAll(byStatus);
    }

    public List<Employer> pageByRegion(String region, String afterId, int limit) throws SQLException {
        byRegion.setString(1, region);
        byRegion.setString(2, afterId);
        byRegion.setInt(3, limit);
        return decodeAll(byRegion);
    }

    /** Employers holding both words (as whole search words), first page in id order. */
    public List<Employer> search(String first, String second, int limit) throws SQLException {
        search.setString(1, first);
        search.setString(2, second);
        search.setInt(3, limit);
        return decodeAll(search);
    }

    private List<Employer> decodeAll(PreparedStatement ps) throws SQLException {
        List<Employer> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(CrmJson.read(rs.getString(1), Employer.class));
            }
        }
        c.commit();
        return out;
    }

    /** Rows per table, to check that both sides stored the same. */
    public long count(String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            long n = rs.getLong(1);
            c.commit();
            return n;
        }
    }

    @Override
    public void close() throws SQLException {
        c.rollback();
        c.close();
    }
}
