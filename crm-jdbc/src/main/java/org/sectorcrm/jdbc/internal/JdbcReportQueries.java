package org.sectorcrm.jdbc.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jdbi.v3.core.JdbiException;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.employer.EstablishmentId;
import org.sectorcrm.core.need.NeedCategory;
import org.sectorcrm.core.need.NeedStatus;
import org.sectorcrm.core.outcome.Direction;
import org.sectorcrm.core.outcome.Metric;
import org.sectorcrm.core.outcome.OutcomeId;
import org.sectorcrm.core.partnership.PartnershipId;
import org.sectorcrm.core.reference.EseCategory;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.SectorCode;
import org.sectorcrm.core.referral.ReferralStatus;
import org.sectorcrm.core.solution.SolutionType;
import org.sectorcrm.core.spi.ReportQueries;
import static org.sectorcrm.core.spi.ReportQueries.countyKey;

/** The report queries as one SQL statement each, instead of reading every record as the SPI's default does. */
final class JdbcReportQueries implements ReportQueries {
    private final JdbcTransaction tx;

    JdbcReportQueries(JdbcTransaction tx) {
        this.tx = tx;
    }

    @Override
    public List<GroupCount> countByRegionAndSector(EmployerFilter filter) {
        requireArg("filter", filter);
        TxState s = tx.state();
        Conditions c = new Conditions(s.dialect());
        Tables.EMPLOYER.filter.accept(filter, c);
        // Nulls first, then code order: CASE keeps it portable (MariaDB has no NULLS FIRST).
        Sql sql = c.appendTo(new Sql("SELECT t.region, t.sector, COUNT(*) FROM " + Tables.EMPLOYER.name + " t"))
                .add(" GROUP BY t.region, t.sector ORDER BY CASE WHEN t.region IS NULL THEN 0 ELSE 1 END, t.region,"
                        + " CASE WHEN t.sector IS NULL THEN 0 ELSE 1 END, t.sector");
        if (c.isNever()) {
            return List.of();
        }
        try {
            return s.query(sql, (rs, ctx) -> {
                String region = rs.getString(1);
                String sector = rs.getString(2);
                return new GroupCount(region == null ? null : new RegionCode(region), sector == null ? null : new SectorCode(sector), rs.getLong(3));
            });
        } catch (JdbiException e) {
            throw s.failure("counting employers by region and sector", e);
        }
    }

    @Override
    public List<ServedEstablishment> servedEstablishments(LocalDate from, LocalDate to) {
        requireArg("from", from);
        requireArg("to", to);
        TxState s = tx.state();
        SqlDialect d = s.dialect();
        // One indexed table (V002): the service rows carry the engagement's date, staff-assisted flag, employer
        // and establishment. TRUE as a literal, so that PostgreSQL's partial index on staff-assisted rows applies.
        Sql sql = new Sql("SELECT DISTINCT v.employer_id, v.establishment_id, v.category FROM crm_engagement_service v"
                + " WHERE v.staff_assisted = TRUE AND v.engaged_on >= " + d.param(ColumnType.DATE) + " AND v.engaged_on <= " + d.param(ColumnType.DATE),
                d.arg(ColumnType.DATE, from), d.arg(ColumnType.DATE, to));
        try {
            return s.query(sql, (rs, ctx) -> {
                String establishment = rs.getString(2);
                return new ServedEstablishment(EmployerId.of(rs.getString(1)), establishment == null ? null : EstablishmentId.of(establishment),
                        EseCategory.valueOf(rs.getString(3)));
            });
        } catch (JdbiException e) {
            throw s.failure("listing served establishments", e);
        }
    }

    @Override
    public List<ServedEstablishment> countableServices(LocalDate from, LocalDate to, PartnerId partner) {
        requireArg("from", from);
        requireArg("to", to);
        TxState s = tx.state();
        SqlDialect d = s.dialect();
        // The distinct triples, never the engagements: at most establishments x 8 rows leave the database. One
        // partner's services by the service row's own partner (V014), no engagement row read.
        Sql sql = new Sql("SELECT DISTINCT v.employer_id, v.establishment_id, v.category FROM crm_engagement_service v"
                + " WHERE v.staff_assisted = TRUE AND v.engaged_on >= " + d.param(ColumnType.DATE) + " AND v.engaged_on <= " + d.param(ColumnType.DATE),
                d.arg(ColumnType.DATE, from), d.arg(ColumnType.DATE, to));
        if (partner != null) {
            sql.add(" AND v.partner_id = " + d.param(ColumnType.UUID), d.arg(ColumnType.UUID, java.util.UUID.fromString(partner.asString())));
        }
        try {
            return s.query(sql, (rs, ctx) -> {
                String establishment = rs.getString(2);
                return new ServedEstablishment(EmployerId.of(rs.getString(1)), establishment == null ? null : EstablishmentId.of(establishment),
                        EseCategory.valueOf(rs.getString(3)));
            });
        } catch (JdbiException e) {
            throw s.failure("listing countable services", e);
        }
    }

    @Override
    public List<PlacedService> placedCountableServices(LocalDate from, LocalDate to, PartnerId partner, boolean byCategory) {
        requireArg("from", from);
        requireArg("to", to);
        TxState s = tx.state();
        Sql sql = placedCountableSql(s.dialect(), from, to, partner, byCategory);
        try {
            // Distinct here rather than in SQL: only (employer, none, c) and (employer, primary, c) can place alike, and
            // a hash set costs less than the database's second temporary B-tree over every row.
            // Each employer and establishment comes in several rows (one per category, one per establishment): its id is
            // parsed once (hundreds of thousands of rows at region scale).
            Map<String, EmployerId> employers = new HashMap<>();
            Map<String, EstablishmentId> establishments = new HashMap<>();
            Map<String, RegionCode> regions = new HashMap<>();
            Set<PlacedService> placed = new LinkedHashSet<>();
            s.query(sql, (rs, ctx) -> {
                String establishment = rs.getString(2);
                String category = rs.getString(3);
                String region = rs.getString(5);
                return new PlacedService(employers.computeIfAbsent(rs.getString(1), EmployerId::of),
                        establishment == null ? null : establishments.computeIfAbsent(establishment, EstablishmentId::of),
                        category == null ? null : EseCategory.valueOf(category), rs.getString(4),
                        region == null ? null : regions.computeIfAbsent(region, RegionCode::new));
            }).forEach(placed::add);
            return List.copyOf(placed);
        } catch (JdbiException e) {
            throw s.failure("placing countable services", e);
        }
    }

    /** The statement of {@link #placedCountableServices}; its plans are checked by {@code EsePlanTest}. */
    static Sql placedCountableSql(SqlDialect d, LocalDate from, LocalDate to, PartnerId partner, boolean byCategory) {
        // The distinct triples (or pairs) first: on SQLite and MariaDB V013's covering index (V014's for one partner) is
        // in their order, so they come out of the index without a temporary B-tree. Then each is placed by key lookups: the employer's region,
        // the named establishment's county, or for none named the employer's primary establishment. Deleted employers
        // drop out with the inner join.
        String served = byCategory ? "v.employer_id, v.establishment_id, v.category" : "v.employer_id, v.establishment_id";
        Sql sql = new Sql("SELECT t.employer_id, COALESCE(t.establishment_id, p.establishment_id), " + (byCategory ? "t.category" : "NULL")
                + ", COALESCE(n.county, p.county), m.region FROM (SELECT DISTINCT " + served + " FROM crm_engagement_service v"
                + " WHERE v.staff_assisted = TRUE AND v.engaged_on >= " + d.param(ColumnType.DATE) + " AND v.engaged_on <= " + d.param(ColumnType.DATE),
                d.arg(ColumnType.DATE, from), d.arg(ColumnType.DATE, to));
        if (partner != null) {
            sql.add(" AND v.partner_id = " + d.param(ColumnType.UUID), d.arg(ColumnType.UUID, java.util.UUID.fromString(partner.asString())));
        }
        sql.add(") t JOIN crm_employer m ON m.id = t.employer_id"
                + " LEFT JOIN crm_employer_establishment n ON n.employer_id = t.employer_id AND n.establishment_id = t.establishment_id"
                + " LEFT JOIN crm_employer_establishment p ON t.establishment_id IS NULL AND p.employer_id = t.employer_id AND p.is_primary = TRUE");
        return sql;
    }

    /** Each set of categories {@link #eseSql} can answer, by its bits (bit {@code line - 1} per category), built once. */
    private static final List<Set<EseCategory>> CATEGORY_SETS = categorySets();

    private static List<Set<EseCategory>> categorySets() {
        List<Set<EseCategory>> sets = new java.util.ArrayList<>();
        for (int bits = 0; bits < 1 << EseCategory.values().length; bits++) {
            java.util.EnumSet<EseCategory> set = java.util.EnumSet.noneOf(EseCategory.class);
            for (EseCategory c : EseCategory.values()) {
                if ((bits & bit(c)) != 0) {
                    set.add(c);
                }
            }
            sets.add(Set.copyOf(set));
        }
        return List.copyOf(sets);
    }

    private static int bit(EseCategory c) {
        return 1 << (c.line() - 1);
    }

    @Override
    public List<EseEstablishment> eseEstablishments(EseQuery query) {
        requireArg("query", query);
        TxState s = tx.state();
        try {
            List<String> inRegion = List.of();
            List<String> blank = List.of();
            if (query.region() != null) {
                // The region's counties as the establishments spell them: the few distinct spellings are compared by
                // countyKey here, so that the statement compares the column itself (indexed, V014) with exact values.
                Set<String> keys = query.countyKeys();
                List<String> in = new java.util.ArrayList<>();
                List<String> none = new java.util.ArrayList<>();
                for (String county : s.query(new Sql("SELECT DISTINCT c.county FROM crm_employer_establishment c WHERE c.county IS NOT NULL"),
                        (rs, ctx) -> rs.getString(1))) {
                    String key = countyKey(county);
                    if (key == null) {
                        none.add(county);
                    } else if (keys.contains(key)) {
                        in.add(county);
                    }
                }
                inRegion = in;
                blank = none;
            }
            Sql sql = eseSql(s.dialect(), query, inRegion, blank);
            // One row per (employer, establishment as named); an engagement naming none is placed at the primary
            // establishment by the statement, so (employer, none) and (employer, primary) are merged here: a hash
            // lookup per row instead of a second GROUP BY over every row in the database.
            List<Row> rows = new java.util.ArrayList<>(1 << 16);
            Map<String, Row> placedAtPrimary = new HashMap<>(1 << 15);
            s.query(sql, (rs, ctx) -> {
                int packed = rs.getInt(3);
                Row r = new Row(rs.getString(1), rs.getString(2), packed & 255, (packed & 256) != 0, (packed & 512) != 0);
                if (r.named) {
                    rows.add(r);
                } else {
                    placedAtPrimary.put(r.employer, r);
                }
                return null;
            });
            Ids ids = new Ids();
            List<EseEstablishment> result = new java.util.ArrayList<>(rows.size() + placedAtPrimary.size());
            for (Row r : rows) {
                Row primary = placedAtPrimary.isEmpty() ? null : placedAtPrimary.get(r.employer);
                if (primary != null && r.establishment.equals(primary.establishment)) {
                    r.bits |= primary.bits;
                    r.lookBack |= primary.lookBack;
                    primary.merged = true;
                }
                result.add(r.toResult(ids));
            }
            for (Row r : placedAtPrimary.values()) {
                if (!r.merged) {
                    result.add(r.toResult(ids));
                }
            }
            return result;
        } catch (JdbiException e) {
            throw s.failure("listing the ESE establishments", e);
        }
    }

    /** A row of {@link #eseSql} as read, before (employer, none) and (employer, primary) are merged. */
    private static final class Row {
        final String employer;
        final String establishment;
        int bits;
        boolean lookBack;
        final boolean named;
        boolean merged;

        Row(String employer, String establishment, int bits, boolean lookBack, boolean named) {
            this.employer = employer;
            this.establishment = establishment;
            this.bits = bits;
            this.lookBack = lookBack;
            this.named = named;
        }

        EseEstablishment toResult(Ids ids) {
            return new EseEstablishment(ids.employer(employer), establishment == null ? null : new EstablishmentId(java.util.UUID.fromString(establishment)),
                    CATEGORY_SETS.get(bits), lookBack);
        }
    }

    /**
     * The employer ids of {@link #eseEstablishments}' rows, each parsed once: an employer comes in several rows, mostly
     * one after the other (the statement groups in employer order), so the last one is tried before the map. The
     * texts are the store's own UUID columns, hence parsed without the canonical-text check of user input.
     */
    private static final class Ids {
        private final Map<String, EmployerId> employers = new HashMap<>(1 << 15);
        private String lastText;
        private EmployerId last;

        EmployerId employer(String text) {
            if (!text.equals(lastText)) {
                last = employers.computeIfAbsent(text, t -> new EmployerId(java.util.UUID.fromString(t)));
                lastText = text;
            }
            return last;
        }
    }

    /**
     * The statement of {@link #eseEstablishments}; its plans are checked by {@code EsePlanTest}. {@code inRegion}: the
     * county spellings of the query's region; {@code blank}: the spellings that are no county (blank).
     */
    static Sql eseSql(SqlDialect d, EseQuery q, List<String> inRegion, List<String> blank) {
        // One pass over the countable services of both windows (one range: from the earlier start to the later end),
        // grouped per (employer, establishment) in the covering index's order (SQLite, MariaDB: no temporary B-tree):
        // the period's categories as a bit set (SUM of the DISTINCT bits is their OR, in every dialect), the look-back
        // as a flag. Then each group is placed by key lookups as in placedCountableSql, and the region applied.
        LocalDate from = q.from().isBefore(q.lookBackFrom()) ? q.from() : q.lookBackFrom();
        LocalDate to = q.to().isAfter(q.lookBackTo()) ? q.to() : q.lookBackTo();
        StringBuilder bits = new StringBuilder("CASE v.category");
        for (EseCategory c : EseCategory.values()) {
            bits.append(" WHEN '").append(c.name()).append("' THEN ").append(bit(c));
        }
        bits.append(" ELSE 0 END");
        String date = d.param(ColumnType.DATE);
        // The third column packs the category bits (0..255), the look-back flag (256) and whether the establishment was
        // named (512): one value to read per row instead of three (every column read is a call into the driver).
        Sql sql = new Sql("SELECT t.employer_id, COALESCE(t.establishment_id, p.establishment_id),"
                + " t.categories + 256 * t.look_back + CASE WHEN t.establishment_id IS NULL THEN 0 ELSE 512 END"
                + " FROM (SELECT v.employer_id, v.establishment_id,");
        if (q.lookBackTo().isBefore(q.from())) {
            // The ESE case: the look-back window ends before the period starts, so within the scanned range one bound
            // tells each window (a million rows: two date comparisons fewer per row).
            sql.add(" SUM(DISTINCT CASE WHEN v.engaged_on >= " + date + " THEN " + bits + " ELSE 0 END) AS categories,"
                    + " MAX(CASE WHEN v.engaged_on <= " + date + " THEN 1 ELSE 0 END) AS look_back",
                    d.arg(ColumnType.DATE, q.from()), d.arg(ColumnType.DATE, q.lookBackTo()));
        } else {
            sql.add(" SUM(DISTINCT CASE WHEN v.engaged_on >= " + date + " AND v.engaged_on <= " + date + " THEN " + bits + " ELSE 0 END) AS categories,"
                    + " MAX(CASE WHEN v.engaged_on >= " + date + " AND v.engaged_on <= " + date + " THEN 1 ELSE 0 END) AS look_back",
                    d.arg(ColumnType.DATE, q.from()), d.arg(ColumnType.DATE, q.to()), d.arg(ColumnType.DATE, q.lookBackFrom()),
                    d.arg(ColumnType.DATE, q.lookBackTo()));
        }
        sql.add(" FROM crm_engagement_service v WHERE v.staff_assisted = TRUE AND v.engaged_on >= " + date + " AND v.engaged_on <= " + date,
                d.arg(ColumnType.DATE, from), d.arg(ColumnType.DATE, to));
        if (q.partner() != null) {
            // The service row's own partner (V014): a partner's index entries only, no engagement row read.
            sql.add(" AND v.partner_id = " + d.param(ColumnType.UUID), d.arg(ColumnType.UUID, java.util.UUID.fromString(q.partner().asString())));
        }
        if (q.region() != null) {
            // Only the employers that can have an establishment in the region: a small region reads only their index entries.
            sql.add(" AND v.employer_id IN (SELECT r.id FROM crm_employer r WHERE r.region = " + d.param(ColumnType.CODE),
                    d.arg(ColumnType.CODE, q.region().value()));
            if (!inRegion.isEmpty()) {
                sql.add(" UNION ALL SELECT c.employer_id FROM crm_employer_establishment c WHERE c.county IN (");
                in(sql, d, inRegion);
                sql.add(")");
            }
            sql.add(")");
        }
        sql.add(" GROUP BY v.employer_id, v.establishment_id) t JOIN crm_employer m ON m.id = t.employer_id"
                + " LEFT JOIN crm_employer_establishment n ON n.employer_id = t.employer_id AND n.establishment_id = t.establishment_id"
                + " LEFT JOIN crm_employer_establishment p ON t.establishment_id IS NULL AND p.employer_id = t.employer_id AND p.is_primary = TRUE"
                + " WHERE (t.categories > 0 OR t.look_back = 1)");
        if (q.region() != null) {
            // In the region: a county of its list; without a county (none, blank, or no longer listed), the employer's region.
            sql.add(" AND ((COALESCE(n.county, p.county) IS NULL");
            if (!blank.isEmpty()) {
                sql.add(" OR COALESCE(n.county, p.county) IN (");
                in(sql, d, blank);
                sql.add(")");
            }
            sql.add(") AND m.region = " + d.param(ColumnType.CODE), d.arg(ColumnType.CODE, q.region().value()));
            if (!inRegion.isEmpty()) {
                sql.add(" OR COALESCE(n.county, p.county) IN (");
                in(sql, d, inRegion);
                sql.add(")");
            }
            sql.add(")");
        }
        return sql;
    }

    private static void in(Sql sql, SqlDialect d, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            sql.add((i == 0 ? "" : ", ") + d.param(ColumnType.TEXT), d.arg(ColumnType.TEXT, values.get(i)));
        }
    }

    @Override
    public List<PartnerContact> partnerContacts(LocalDate from, LocalDate to) {
        TxState s = tx.state();
        SqlDialect d = s.dialect();
        // One row per (employer, partner), never per engagement: the engagement table's own columns suffice.
        Sql sql = new Sql("SELECT e.employer_id, e.partner_id, MAX(e.engaged_on), COUNT(*) FROM crm_engagement e WHERE e.channel <> 'MASS_MAILING'");
        if (from != null) {
            sql.add(" AND e.engaged_on >= " + d.param(ColumnType.DATE), d.arg(ColumnType.DATE, from));
        }
        if (to != null) {
            sql.add(" AND e.engaged_on <= " + d.param(ColumnType.DATE), d.arg(ColumnType.DATE, to));
        }
        sql.add(" GROUP BY e.employer_id, e.partner_id");
        try {
            return s.query(sql, (rs, ctx) -> new PartnerContact(EmployerId.of(rs.getString(1)), PartnerId.of(rs.getString(2)),
                    LocalDate.parse(rs.getString(3).substring(0, 10)), rs.getLong(4)));
        } catch (JdbiException e) {
            throw s.failure("listing contacts per employer and partner", e);
        }
    }

    @Override
    public List<ReferralFact> referralFacts() {
        TxState s = tx.state();
        // The referral's own columns (V015): no document is decoded. Partner ids repeat across rows: parsed once each.
        Sql sql = new Sql("SELECT r.from_partner_id, r.to_partner_id, r.status, r.response_due, r.decline_reason, r.response_ms, r.completion_ms"
                + " FROM crm_referral r");
        Map<String, PartnerId> partners = new HashMap<>();
        try {
            return s.query(sql, (rs, ctx) -> new ReferralFact(partners.computeIfAbsent(rs.getString(1), PartnerId::of),
                    partners.computeIfAbsent(rs.getString(2), PartnerId::of), ReferralStatus.valueOf(rs.getString(3)), date(rs.getString(4)),
                    rs.getString(5), longOrNull(rs, 6), longOrNull(rs, 7)));
        } catch (JdbiException e) {
            throw s.failure("listing referrals for the referral report", e);
        }
    }

    @Override
    public List<NeedFact> needFacts() {
        TxState s = tx.state();
        // Per need, the earliest agreement day of the AGREED-or-later solutions addressing it (agreed_on, else start_date:
        // records stored before agreedOn existed), grouped in the database over crm_solution_need; the employer's sector by
        // key lookup. One row per need leaves the database.
        Sql sql = new Sql("SELECT n.category, m.sector, n.status, n.raised_on, a.agreed FROM crm_need n"
                + " LEFT JOIN crm_employer m ON m.id = n.employer_id"
                + " LEFT JOIN (SELECT sn.need_id, MIN(COALESCE(x.agreed_on, x.start_date)) AS agreed FROM crm_solution_need sn"
                + " JOIN crm_solution x ON x.id = sn.solution_id WHERE x.status IN ('AGREED', 'IN_DELIVERY', 'COMPLETED')"
                + " AND COALESCE(x.agreed_on, x.start_date) IS NOT NULL GROUP BY sn.need_id) a ON a.need_id = n.id");
        Map<String, SectorCode> sectors = new HashMap<>();
        try {
            return s.query(sql, (rs, ctx) -> {
                String sector = rs.getString(2);
                return new NeedFact(NeedCategory.valueOf(rs.getString(1)), sector == null ? null : sectors.computeIfAbsent(sector, SectorCode::new),
                        NeedStatus.valueOf(rs.getString(3)), date(rs.getString(4)), date(rs.getString(5)));
            });
        } catch (JdbiException e) {
            throw s.failure("listing needs for the needs funnel", e);
        }
    }

    @Override
    public List<OutcomeFact> outcomeFacts() {
        TxState s = tx.state();
        // Baseline and latest value are decimal text (V015), so every database gives back the scale written.
        Sql sql = new Sql("SELECT o.id, o.employer_id, o.metric_code, o.metric_name, o.metric_unit, o.direction, o.baseline, o.latest_value,"
                + " m.sector, m.region, x.partnership_id, x.type FROM crm_outcome o LEFT JOIN crm_employer m ON m.id = o.employer_id"
                + " LEFT JOIN crm_solution x ON x.id = o.solution_id ORDER BY o.id");
        Map<List<String>, Metric> metrics = new HashMap<>();
        try {
            return s.query(sql, (rs, ctx) -> {
                List<String> m = java.util.Arrays.asList(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6));
                Metric metric = metrics.computeIfAbsent(m, k -> new Metric(k.get(0), k.get(1), k.get(2), Direction.valueOf(k.get(3))));
                String latest = rs.getString(8);
                String sector = rs.getString(9);
                String region = rs.getString(10);
                String partnership = rs.getString(11);
                String type = rs.getString(12);
                return new OutcomeFact(OutcomeId.of(rs.getString(1)), EmployerId.of(rs.getString(2)), metric, new BigDecimal(rs.getString(7)),
                        latest == null ? null : new BigDecimal(latest), sector == null ? null : new SectorCode(sector), region == null ? null : new RegionCode(region),
                        partnership == null ? null : PartnershipId.of(partnership), type == null ? null : SolutionType.valueOf(type));
            });
        } catch (JdbiException e) {
            throw s.failure("listing outcome measures for the outcome report", e);
        }
    }

    @Override
    public List<RatingCount> feedbackRatings() {
        TxState s = tx.state();
        // Counted in the database: at most partners x types x 5 rows. The partner is the solution's lead partner, or
        // without a solution (none named, or gone) the engagement's partner.
        Sql sql = new Sql("SELECT g.partner_id, g.type, g.rating, COUNT(*) FROM (SELECT COALESCE(x.lead_partner_id, e.partner_id) AS partner_id,"
                + " x.type AS type, f.rating AS rating FROM crm_feedback f LEFT JOIN crm_solution x ON x.id = f.solution_id"
                + " LEFT JOIN crm_engagement e ON x.id IS NULL AND e.id = f.engagement_id) g GROUP BY g.partner_id, g.type, g.rating");
        try {
            return s.query(sql, (rs, ctx) -> {
                String partner = rs.getString(1);
                String type = rs.getString(2);
                return new RatingCount(partner == null ? null : PartnerId.of(partner), type == null ? null : SolutionType.valueOf(type), rs.getInt(3),
                        rs.getLong(4));
            });
        } catch (JdbiException e) {
            throw s.failure("counting feedback ratings", e);
        }
    }

    @Override
    public List<CadenceFact> cadenceFacts() {
        TxState s = tx.state();
        // The employer's own columns (legal_name since V017): no document is decoded. Sectors and lead partners repeat
        // across rows: parsed once each. INACTIVE employers are left out here rather than in SQL: the report reads
        // nearly every employer, which is a whole-table read whatever the condition (PostgresIndexPlanTest).
        Sql sql = new Sql("SELECT m.id, m.legal_name, m.sector, m.lead_partner_id, m.status FROM crm_employer m");
        Map<String, SectorCode> sectors = new HashMap<>();
        Map<String, PartnerId> partners = new HashMap<>();
        try {
            List<CadenceFact> facts = new java.util.ArrayList<>();
            s.query(sql, (rs, ctx) -> {
                if ("INACTIVE".equals(rs.getString(5))) {
                    return null;
                }
                String sector = rs.getString(3);
                String lead = rs.getString(4);
                return new CadenceFact(EmployerId.of(rs.getString(1)), rs.getString(2), sector == null ? null : sectors.computeIfAbsent(sector, SectorCode::new),
                        lead == null ? null : partners.computeIfAbsent(lead, PartnerId::of));
            }).forEach(f -> {
                if (f != null) {
                    facts.add(f);
                }
            });
            return facts;
        } catch (JdbiException e) {
            throw s.failure("listing employers for the contact-cadence report", e);
        }
    }

    /** A date column as text on every dialect (SQLite keeps ISO text; the others' drivers give {@code yyyy-mm-dd}). */
    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text.substring(0, 10));
    }

    private static Long longOrNull(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static void requireArg(String field, Object value) {
        if (value == null) {
            throw ValidationException.of("report", field, "is required");
        }
    }
}
