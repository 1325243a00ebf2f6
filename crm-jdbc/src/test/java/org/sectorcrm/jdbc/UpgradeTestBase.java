package org.sectorcrm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.audit.AuditEntry;
import org.sectorcrm.core.audit.AuditFilter;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.engagement.Channel;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementFilter;
import org.sectorcrm.core.engagement.Note;
import org.sectorcrm.core.engagement.Visibility;
import org.sectorcrm.core.event.DomainEvent;
import org.sectorcrm.core.event.StoredEvent;
import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.reference.EseCategory;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.Region;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.search.Reader;
import org.sectorcrm.core.search.SearchTerms;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.ReportQueries.ServedEstablishment;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.jdbc.internal.ColumnType;
import org.sectorcrm.jdbc.internal.MigrationRunner;
import org.sectorcrm.jdbc.internal.MigrationScript;
import org.sectorcrm.jdbc.internal.SqlDialect;
import org.sectorcrm.jdbc.internal.Table;
import org.sectorcrm.jdbc.internal.Tables;
import org.sectorcrm.json.CrmJson;
import org.sectorcrm.tck.fixtures.AuditEntries;
import org.sectorcrm.tck.fixtures.Contacts;
import org.sectorcrm.tck.fixtures.Employers;
import org.sectorcrm.tck.fixtures.Engagements;
import org.sectorcrm.tck.fixtures.Establishments;
import org.sectorcrm.tck.fixtures.Events;
import org.sectorcrm.tck.fixtures.Needs;
import org.sectorcrm.tck.fixtures.Notes;
import org.sectorcrm.tck.fixtures.Partners;
import org.sectorcrm.tck.fixtures.Regions;
import org.sectorcrm.tck.fixtures.StaffUsers;

/**
 * A database filled at V001 (rows in V001's layout, as the store of that version wrote them) goes through every
 * later migration with every row and column kept, except what a migration drops on purpose (the full-text columns
 * and note rows that V003's search index replaces); the latest store then reads all of it, finds it by search (the
 * index it fills from the documents when it first starts) and answers the queries later migrations exist for.
 */
abstract class UpgradeTestBase {
    abstract TestDatabase db();

    /**
     * The kit's full employer as the V001 store kept it: without a phone (SPI 1 had none), with a second site for
     * engagements to name, and a trade name to search it by.
     */
    private static Employer v001Employer() {
        return Employers.aFullEmployer().withPhone(null).withTradeNames("Rock-River Präzision", "東京精密")
                .withEstablishments(Establishments.aFullEstablishment().build(), Establishments.anEstablishment().notPrimary().build(),
                        Establishments.aMinimalEstablishment().build())
                .build();
    }

    /** What the migrations after V001 drop on purpose: the full-text columns, and the note rows that only served search. */
    private static final Set<String> DROPPED = Set.of("crm_employer.search_terms", "crm_contact.search_terms", "crm_engagement.search_terms", "crm_note");

    @Test
    void aDatabaseFilledAtV001KeepsEveryRowThroughEveryMigrationAndIsFoundBySearch() throws SQLException {
        Dialect d = db().dialect();
        String target = d == Dialect.SQLITE ? db().url() : db().extraSchema();
        SqlDialect sql = SqlDialect.of(d, d == Dialect.SQLITE ? null : target);
        DataSource ds = d == Dialect.SQLITE ? db().dataSource(target) : db().dataSource();
        MigrationRunner runner = new MigrationRunner(ds, sql);
        assertThat(runner.migrate(1)).extracting(MigrationScript::version).containsExactly(1);

        Partner partner = Partners.aPartner().build();
        StaffUser staff = StaffUsers.aStaffUser().of(partner.id()).build();
        StaffUser colleague = StaffUsers.aStaffUser().of(partner.id()).build();
        Region region = Regions.aRegion().coded("IL-EDR-7").named("Northern Stateline").build();
        List<Employer> employers = new ArrayList<>();
        List<Contact> contacts = new ArrayList<>();
        List<Engagement> engagements = new ArrayList<>();
        List<BusinessNeed> needs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Employer e = v001Employer();
            employers.add(e);
            contacts.add(Contacts.aContact().at(e.id()).named("Zoë", "Ærøskøbing").build());
            needs.add(Needs.aNeed().of(e.id()).describedAs("Twelve CNC operators by summer").build());
            for (int k = 0; k < 3; k++) {
                Note note = Notes.aNote().by(staff.id(), partner.id()).visibleTo(Visibility.PRIVATE).saying("Privatewordzq " + i).build();
                Engagements.Builder g = Engagements.anEngagement().forEmployer(e.id()).by(staff.id(), partner.id()).on(LocalDate.of(2026, 1, 15))
                        .withSummary("Quarterly visit about hiring").withServices(EseCategory.WORKFORCE_RECRUITMENT_ASSISTANCE, EseCategory.TRAINING_SERVICES)
                        .atEstablishment(k == 0 ? null : e.establishments().get(k - 1).id()).staffAssisted(k != 2)
                        .followUpDue(k == 0 ? null : LocalDate.of(2026, 2, k)).withExternalId("V1-" + i + "-" + k).withNotes(note);
                engagements.add((k == 1 ? g.withServices(EseCategory.values()[i]) : g).build());
            }
        }
        List<AuditEntry> audit = List.of(AuditEntries.anAuditEntry().by(staff.id(), partner.id()).did("CREATE", "employer", employers.get(0).id().asString())
                .build());
        List<DomainEvent> events = List.of(Events.created(AggregateTypes.EMPLOYER));
        try (Connection c = db().connect(target)) {
            V001 v1 = new V001(c, sql, SchemaCatalog.read(c, d, target));
            v1.write(region);
            v1.write(partner);
            v1.write(staff);
            v1.write(colleague);
            employers.forEach(v1::write);
            contacts.forEach(v1::write);
            needs.forEach(v1::write);
            engagements.forEach(v1::write);
            audit.forEach(v1::audit);
            events.forEach(v1::event);
        }
        Map<String, Set<String>> columnsAtV001;
        try (Connection c = db().connect(target)) {
            columnsAtV001 = SchemaCatalog.read(c, d, target);
        }
        Map<String, List<List<String>>> before = dump(target, columnsAtV001);
        assertThat(before.get("crm_engagement_service")).hasSize(engagements.stream().mapToInt(g -> g.services().size()).sum());
        assertThat(before.get("crm_employer")).hasSize(6);
        assertThat(before.get("crm_note")).as("test self-check: note rows at V001").hasSize(engagements.size());

        List<MigrationScript> applied = runner.migrate();
        assertThat(applied).extracting(MigrationScript::version).containsExactlyElementsOf(
                MigrationScript.all(d).stream().map(MigrationScript::version).filter(v -> v > 1).toList());

        Map<String, Set<String>> columnsNow;
        try (Connection c = db().connect(target)) {
            columnsNow = SchemaCatalog.read(c, d, target);
        }
        Set<String> dropped = new TreeSet<>();
        Map<String, Set<String>> kept = new LinkedHashMap<>();
        columnsAtV001.forEach((table, columns) -> {
            if (!columnsNow.containsKey(table)) {
                dropped.add(table);
                return;
            }
            Set<String> still = new TreeSet<>(columns);
            for (String column : columns) {
                if (!columnsNow.get(table).contains(column)) {
                    dropped.add(table + "." + column);
                    still.remove(column);
                }
            }
            if (table.equals("crm_outbox")) {
                // V006 rewrites the SPI 1 record type of every event (column and document): checked below by reading the events back.
                still.remove("record_type");
                still.remove("doc");
            }
            kept.put(table, still);
        });
        dropped.removeIf(name -> name.contains("_fts"));
        assertThat(dropped).as("what the migrations dropped").isEqualTo(new TreeSet<>(DROPPED));
        Map<String, List<List<String>>> expected = dump(target, kept);
        Map<String, List<List<String>>> beforeKept = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> t : kept.entrySet()) {
            beforeKept.put(t.getKey(), project(before.get(t.getKey()), columnsAtV001.get(t.getKey()), t.getValue()));
        }
        assertThat(expected).as("every V001 row and kept column after the migrations").isEqualTo(beforeKept);

        try (JdbcCrmStorage latest = builder(target).schemaMode(SchemaMode.VALIDATE).build()) {
            latest.read(tx -> {
                for (Employer e : employers) {
                    assertThat(tx.employers().find(e.id())).contains(e);
                }
                for (Contact c : contacts) {
                    assertThat(tx.contacts().find(c.id())).contains(c);
                }
                for (Engagement g : engagements) {
                    assertThat(tx.engagements().find(g.id())).contains(g);
                }
                assertThat(tx.employers().count(EmployerFilter.ALL.withTag("automotive"))).isEqualTo(6);
                assertThat(tx.engagements().count(new EngagementFilter(null, null, null, null, null, null, Channel.MEETING, EseCategory.values()[0], null)))
                        .isEqualTo(1);
                // V005 filled the follow-up column from the documents.
                assertThat(all(tx.engagements(), EngagementFilter.followUpsDue(partner.id(), LocalDate.of(2026, 2, 1)))).as("due by Feb 1")
                        .hasSize(6).allMatch(g -> g.followUpDue().equals(LocalDate.of(2026, 2, 1)));
                assertThat(tx.engagements().count(EngagementFilter.followUpsDue(partner.id(), LocalDate.of(2026, 2, 2)))).isEqualTo(12);
                // The search index, filled from the documents when the store first started.
                assertThat(all(tx.employers(), SearchTerms.parse("präzision"), Reader.EVERYONE)).hasSize(6);
                assertThat(all(tx.contacts(), SearchTerms.parse("ærøskøbing"), Reader.EVERYONE)).containsExactlyInAnyOrderElementsOf(contacts);
                assertThat(all(tx.needs(), SearchTerms.parse("cnc operators"), Reader.EVERYONE)).containsExactlyInAnyOrderElementsOf(needs);
                assertThat(all(tx.regions(), SearchTerms.parse("stateline"), Reader.EVERYONE)).containsExactly(region);
                assertThat(all(tx.engagements(), SearchTerms.parse("privatewordzq"), Reader.of(staff.id(), partner.id()))).hasSize(engagements.size());
                assertThat(all(tx.engagements(), SearchTerms.parse("privatewordzq"), Reader.of(colleague.id(), partner.id()))).isEmpty();
                assertThat(all(tx.engagements(), SearchTerms.parse("privatewordzq"), Reader.EVERYONE)).isEmpty();
                assertThat(all(tx.engagements(), SearchTerms.parse("quarterly hiring"), Reader.EVERYONE)).hasSize(engagements.size());
                assertThat(tx.audit().query(AuditFilter.ALL, PageRequest.first()).items()).isEqualTo(audit);
                assertThat(tx.events().after(0, 10)).extracting(StoredEvent::event).isEqualTo(events);
                Set<ServedEstablishment> served = new HashSet<>();
                for (Engagement g : engagements) {
                    if (g.staffAssisted()) {
                        g.services().forEach(c -> served.add(new ServedEstablishment(g.employer(), g.establishment(), c)));
                    }
                }
                assertThat(served).as("test self-check: establishments with and without an id, several categories").hasSizeGreaterThan(6);
                assertThat(tx.reports().servedEstablishments(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31))).containsExactlyInAnyOrderElementsOf(served);
                // V014 filled each service row's partner from its engagement: one partner's countable services are all of them.
                assertThat(tx.reports().countableServices(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), partner.id()))
                        .as("the partner's services after V014").containsExactlyInAnyOrderElementsOf(served);
                assertThat(tx.reports().countableServices(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), new org.sectorcrm.core.reference.PartnerId(java.util.UUID.randomUUID()))).as("another partner")
                        .isEmpty();
                return null;
            });
        }
        try (Connection c = db().connect(target); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM crm_search_reindex")) {
            rs.next();
            assertThat(rs.getLong(1)).as("the request to fill the index, done and removed").isZero();
        }
    }

    private static <T extends Aggregate<?>> List<T> all(AggregateStore<?, T, ?> store, SearchTerms terms, Reader reader) {
        List<T> out = new ArrayList<>();
        Page<T> page = store.search(terms, reader, PageRequest.first(2));
        out.addAll(page.items());
        while (page.hasNext()) {
            page = store.search(terms, reader, PageRequest.after(page.nextCursor(), 2));
            out.addAll(page.items());
        }
        return out;
    }

    private static <I extends Id, T extends Aggregate<I>, F> List<T> all(AggregateStore<I, T, F> store, F filter) {
        return StoreTestBase.all(store, filter, 2);
    }

    private JdbcCrmStorage.Builder builder(String target) {
        if (db().dialect() == Dialect.SQLITE) {
            return db().builderFor(target);
        }
        JdbcCrmStorage.Builder b = JdbcCrmStorage.builder().dataSource(db().dataSource());
        return b.schema(target);
    }

    /**
     * Writes rows as the V001 store did: the main row with the columns V001 has (those of today's layout that exist,
     * plus an empty {@code search_terms}), child rows likewise, and an engagement's notes as {@code crm_note} rows.
     */
    private static final class V001 {
        private final Connection c;
        private final SqlDialect sql;
        private final Map<String, Set<String>> catalog;

        V001(Connection c, SqlDialect sql, Map<String, Set<String>> catalog) {
            this.c = c;
            this.sql = sql;
            this.catalog = catalog;
        }

        <I extends Id, T extends Aggregate<I>> void write(T record) {
            Table<I, T, ?> table = Tables.of(AggregateTypes.of(record));
            Set<String> columns = catalog.get(table.name());
            Map<String, Object[]> row = new LinkedHashMap<>();
            row.put("id", new Object[] {table.idType(), table.uuidIds() ? java.util.UUID.fromString(record.id().asString()) : record.id().asString()});
            row.put("version", new Object[] {ColumnType.LONG, record.stamp().version()});
            row.put("created_at", new Object[] {ColumnType.INSTANT, record.stamp().createdAt()});
            row.put("updated_at", new Object[] {ColumnType.INSTANT, record.stamp().updatedAt()});
            row.put("created_by", new Object[] {ColumnType.UUID, record.stamp().createdBy().value()});
            for (Table.Column<T> col : table.columns()) {
                if (columns.contains(col.name())) {
                    row.put(col.name(), new Object[] {col.type(), col.value().apply(record)});
                }
            }
            if (columns.contains("search_terms")) {
                row.put("search_terms", new Object[] {null, null});
            }
            row.put("doc", new Object[] {ColumnType.JSON, CrmJson.write(record)});
            insert(table.name(), row);
            for (Table.Child<T> child : table.children()) {
                Set<String> childColumns = catalog.get(child.table());
                if (childColumns == null) {
                    continue; // a child table a later migration adds and fills from the documents (V013's establishments)
                }
                for (List<Object> values : child.rows().apply(record)) {
                    Map<String, Object[]> r = new LinkedHashMap<>();
                    r.put(child.ownerColumn(), row.get("id"));
                    for (int i = 0; i < child.columns().size(); i++) {
                        if (childColumns.contains(child.columns().get(i))) {
                            r.put(child.columns().get(i), new Object[] {child.types().get(i), values.get(i)});
                        }
                    }
                    insert(child.table(), r);
                }
            }
            if (record instanceof Engagement g) {
                for (int i = 0; i < g.notes().size(); i++) {
                    Note n = g.notes().get(i);
                    Map<String, Object[]> r = new LinkedHashMap<>();
                    r.put("engagement_id", row.get("id"));
                    r.put("ordinal", new Object[] {ColumnType.LONG, i});
                    r.put("note_id", new Object[] {ColumnType.UUID, n.id() == null ? null : n.id().value()});
                    r.put("author_id", new Object[] {ColumnType.UUID, n.author().value()});
                    r.put("partner_id", new Object[] {ColumnType.UUID, n.partner().value()});
                    r.put("visibility", new Object[] {ColumnType.TEXT, n.visibility().name()});
                    r.put("search_terms", new Object[] {null, null});
                    insert("crm_note", r);
                }
            }
        }

        void audit(AuditEntry entry) {
            Map<String, Object[]> r = new LinkedHashMap<>();
            r.put("id", new Object[] {ColumnType.UUID, entry.id().value()});
            r.put("at", new Object[] {ColumnType.INSTANT, entry.at()});
            r.put("actor_id", new Object[] {ColumnType.UUID, entry.actor().value()});
            r.put("partner_id", new Object[] {ColumnType.UUID, entry.partner().value()});
            r.put("action", new Object[] {ColumnType.TEXT, entry.action()});
            r.put("record_type", new Object[] {ColumnType.TEXT, entry.recordType()});
            r.put("record_id", new Object[] {ColumnType.TEXT, entry.recordId()});
            r.put("doc", new Object[] {ColumnType.JSON, CrmJson.write(entry)});
            insert("crm_audit", r);
        }

        void event(DomainEvent e) {
            Map<String, Object[]> r = new LinkedHashMap<>();
            r.put("event_id", new Object[] {ColumnType.UUID, e.eventId()});
            r.put("occurred_at", new Object[] {ColumnType.INSTANT, e.at()});
            r.put("event_type", new Object[] {ColumnType.TEXT, e.getClass().getSimpleName()});
            // As SPI 1 wrote it: the RecordType constant (STAFF_USER) in the column and in the document; V006 makes it the key.
            String constant = e.recordType().key().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
            r.put("record_type", new Object[] {ColumnType.TEXT, constant});
            r.put("record_id", new Object[] {ColumnType.TEXT, e.recordId()});
            String doc = CrmJson.write(e).replace("\"recordType\":\"" + e.recordType().key() + "\"", "\"recordType\":\"" + constant + "\"");
            if (!doc.contains(constant)) {
                throw new AssertionError("the event document no longer writes recordType as expected: " + doc);
            }
            r.put("doc", new Object[] {ColumnType.JSON, doc});
            insert("crm_outbox", r);
        }

        /** One row; a null type is an empty {@code search_terms} of the V001 layout. */
        private void insert(String table, Map<String, Object[]> row) {
            List<String> params = new ArrayList<>();
            for (Object[] v : row.values()) {
                ColumnType type = (ColumnType) v[0];
                params.add(type == null ? (sql.dialect() == Dialect.POSTGRESQL ? "CAST('' AS tsvector)" : "' '") : sql.param(type));
            }
            String text = "INSERT INTO " + table + " (" + String.join(", ", row.keySet()) + ") VALUES (" + String.join(", ", params) + ")";
            try (PreparedStatement ps = c.prepareStatement(text)) {
                int i = 1;
                for (Object[] v : row.values()) {
                    if (v[0] != null) {
                        sql.bind(ps, i++, (ColumnType) v[0], v[1]);
                    }
                }
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(text + ": " + e.getMessage(), e);
            }
        }
    }

    /** Every row of every given table, as text, sorted; only the given columns. */
    private Map<String, List<List<String>>> dump(String target, Map<String, Set<String>> columns) throws SQLException {
        Map<String, List<List<String>>> rows = new LinkedHashMap<>();
        try (Connection c = db().connect(target)) {
            for (Map.Entry<String, Set<String>> t : columns.entrySet()) {
                if (t.getKey().contains("_fts") || t.getValue().isEmpty()) {
                    continue;
                }
                List<List<String>> table = new ArrayList<>();
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT " + String.join(", ", t.getValue()) + " FROM " + t.getKey())) {
                    while (rs.next()) {
                        List<String> row = new ArrayList<>();
                        for (int i = 1; i <= t.getValue().size(); i++) {
                            row.add(rs.getString(i));
                        }
                        table.add(row);
                    }
                }
                table.sort((a, b) -> String.join("\u0000", nonNull(a)).compareTo(String.join("\u0000", nonNull(b))));
                rows.put(t.getKey(), table);
            }
        }
        return rows;
    }

    /** The rows of a dump with all of {@code from}'s columns, cut to the columns {@code to} (a subset, same order), sorted again. */
    private static List<List<String>> project(List<List<String>> rows, Set<String> from, Set<String> to) {
        if (rows == null) {
            return null;
        }
        List<String> names = new ArrayList<>(from);
        List<List<String>> out = new ArrayList<>();
        for (List<String> row : rows) {
            List<String> cut = new ArrayList<>();
            for (String column : to) {
                cut.add(row.get(names.indexOf(column)));
            }
            out.add(cut);
        }
        out.sort((a, b) -> String.join("\u0000", nonNull(a)).compareTo(String.join("\u0000", nonNull(b))));
        return out;
    }

    private static List<String> nonNull(List<String> row) {
        return row.stream().map(v -> v == null ? "\u0001null" : v).toList();
    }
}
