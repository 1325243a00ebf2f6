package org.sectorcrm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.audit.AuditEntry;
import org.sectorcrm.core.audit.AuditFilter;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.engagement.Channel;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementFilter;
import org.sectorcrm.core.event.DomainEvent;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.core.event.StoredEvent;
import org.sectorcrm.core.reference.EseCategory;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.search.SearchTerms;
import org.sectorcrm.core.spi.EngagementStore.ServedEstablishment;
import org.sectorcrm.jdbc.internal.ColumnType;
import org.sectorcrm.jdbc.internal.MigrationRunner;
import org.sectorcrm.jdbc.internal.MigrationScript;
import org.sectorcrm.jdbc.internal.SqlDialect;
import org.sectorcrm.json.CrmJson;

/**
 * A database filled at V001 goes through V002 (which rebuilds or alters the ESE service rows) with every
 * row intact, and the store of V002 reads all of it and answers the report V002 exists for.
 */
abstract class UpgradeTestBase {
    abstract TestDatabase db();

    private final Samples samples = new Samples(7);

    @Test
    void aDatabaseFilledAtV001KeepsEveryRowThroughV002() throws SQLException {
        Dialect d = db().dialect();
        String target = d == Dialect.SQLITE ? db().url() : db().extraSchema();
        SqlDialect sql = SqlDialect.of(d, d == Dialect.SQLITE ? null : target);
        DataSource ds = d == Dialect.SQLITE ? db().dataSource(target) : db().dataSource();
        MigrationRunner runner = new MigrationRunner(ds, sql);
        assertThat(runner.migrate(1)).extracting(MigrationScript::version).containsExactly(1);

        // Fill at V001 through the store; the ESE service rows, whose layout V002 changes, as V001 wrote them.
        Partner partner = samples.partner();
        StaffUser staff = samples.staff(partner.id());
        List<Employer> employers = new ArrayList<>();
        List<Engagement> engagements = new ArrayList<>();
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Employer e = samples.employer();
            employers.add(e);
            contacts.add(samples.contact(e.id()));
            for (int k = 0; k < 3; k++) {
                Engagement g = samples.engagement(e.id(), partner.id(), staff.id()).withEstablishment(k == 0 ? null : e.establishments().get(k - 1).id())
                        .withStaffAssisted(k != 2).withFollowUpDue(null).withExternalId("V1-" + i + "-" + k);
                engagements.add(k == 1 ? g.withServices(Set.of(EseCategory.values()[i])) : g);
            }
        }
        List<AuditEntry> audit = List.of(samples.audit(staff.id(), partner.id(), "CREATE", "employer", employers.get(0).id().asString(), Samples.NOW));
        List<DomainEvent> events = List.of(samples.created(AggregateTypes.EMPLOYER, employers.get(0).id().asString()));
        try (JdbcCrmStorage v1 = builder(target).schemaMode(SchemaMode.NONE).build()) {
            v1.inTransaction(tx -> {
                tx.partners().save(partner, 0);
                tx.staffUsers().save(staff, 0);
                employers.forEach(e -> tx.employers().save(e, 0));
                contacts.forEach(c -> tx.contacts().save(c, 0));
                engagements.forEach(g -> tx.engagements().save(g.withServices(Set.of()), 0));
                audit.forEach(tx.audit()::append);
                events.forEach(tx.events()::append);
                return null;
            });
        }
        try (Connection c = db().connect(target)) {
            for (Engagement g : engagements) {
                for (EseCategory category : g.services()) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO crm_engagement_service (engagement_id, category) VALUES (?, ?)")) {
                        sql.bind(ps, 1, ColumnType.UUID, g.id().value());
                        ps.setString(2, category.name());
                        ps.executeUpdate();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE crm_engagement SET doc = " + sql.param(ColumnType.JSON) + " WHERE id = ?")) {
                    ps.setString(1, CrmJson.write(g));
                    sql.bind(ps, 2, ColumnType.UUID, g.id().value());
                    ps.executeUpdate();
                }
            }
        }
        Map<String, List<String>> columnsAtV001 = new TreeMap<>();
        Map<String, List<List<String>>> before = dump(target, columnsAtV001);
        assertThat(before.get("crm_engagement_service")).hasSize(engagements.stream().mapToInt(g -> g.services().size()).sum());
        assertThat(before.get("crm_employer")).hasSize(6);

        assertThat(runner.migrate()).extracting(MigrationScript::version).containsExactly(2);

        assertThat(dump(target, columnsAtV001)).as("every V001 row and column after V002").isEqualTo(before);
        try (JdbcCrmStorage v2 = builder(target).schemaMode(SchemaMode.VALIDATE).build()) {
            v2.read(tx -> {
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
                assertThat(tx.employers().search(SearchTerms.parse("präzision"), PageRequest.first(100)).items()).hasSize(6);
                assertThat(tx.engagements().count(new EngagementFilter(null, null, null, null, null, null, Channel.MEETING, EseCategory.values()[0], null)))
                        .isEqualTo(1);
                assertThat(tx.audit().query(AuditFilter.ALL, PageRequest.first()).items()).isEqualTo(audit);
                assertThat(tx.events().after(0, 10)).extracting(StoredEvent::event).isEqualTo(events);
                Set<ServedEstablishment> expected = new HashSet<>();
                for (Engagement g : engagements) {
                    if (g.staffAssisted()) {
                        g.services().forEach(c -> expected.add(new ServedEstablishment(g.employer(), g.establishment(), c)));
                    }
                }
                assertThat(expected).as("test self-check: establishments with and without an id, several categories").hasSizeGreaterThan(6);
                assertThat(tx.engagements().servedEstablishments(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31))).containsExactlyInAnyOrderElementsOf(expected);
                return null;
            });
        }
    }

    private JdbcCrmStorage.Builder builder(String target) {
        if (db().dialect() == Dialect.SQLITE) {
            return db().builderFor(target);
        }
        JdbcCrmStorage.Builder b = JdbcCrmStorage.builder().dataSource(db().dataSource());
        return b.schema(target);
    }

    /**
     * Every row of every table, as text, sorted; only the columns the tables had at V001 (recorded in
     * {@code columns} on the first call). Full-text internals and the schema history are left out.
     */
    private Map<String, List<List<String>>> dump(String target, Map<String, List<String>> columns) throws SQLException {
        Map<String, List<List<String>>> rows = new LinkedHashMap<>();
        try (Connection c = db().connect(target)) {
            if (columns.isEmpty()) {
                for (String table : tables(c, target)) {
                    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                        ResultSetMetaData md = rs.getMetaData();
                        List<String> names = new ArrayList<>();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            names.add(md.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
                        }
                        columns.put(table, names);
                    }
                }
            }
            for (Map.Entry<String, List<String>> t : columns.entrySet()) {
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

    private static List<String> nonNull(List<String> row) {
        return row.stream().map(v -> v == null ? "\u0001null" : v).toList();
    }

    private List<String> tables(Connection c, String target) throws SQLException {
        List<String> names = new ArrayList<>();
        DatabaseMetaData md = c.getMetaData();
        String catalog = db().dialect() == Dialect.MARIADB ? target : null;
        String schema = db().dialect() == Dialect.POSTGRESQL ? target : null;
        try (ResultSet rs = md.getTables(catalog, schema, "crm%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT);
                if (!name.equals("crm_schema_history") && !name.contains("_fts")) {
                    names.add(name);
                }
            }
        }
        assertThat(names).as("tables found at V001").contains("crm_employer", "crm_engagement_service", "crm_outbox");
        return names;
    }
}
