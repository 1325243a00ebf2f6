package org.sectorcrm.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.audit.AuditEntry;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.engagement.EngagementFilter;
import org.sectorcrm.core.event.DomainEvent;
import org.sectorcrm.core.event.StoredEvent;
import org.sectorcrm.core.partnership.Commitment;
import org.sectorcrm.core.partnership.CommitmentKind;
import org.sectorcrm.core.partnership.MemberRole;
import org.sectorcrm.core.partnership.SectorPartnership;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.tck.fixtures.Fixtures;
import org.sectorcrm.tck.fixtures.Outcomes;
import org.sectorcrm.tck.fixtures.Partnerships;

/** The policy of docs/storage-documents.md, for documents as SPI 1 stored them (literal text, never regenerated). */
class StoredDocumentsTest {
    /** The ids and times written in the documents below. */
    static final PartnerId PARTNER = new PartnerId(UUID.fromString("0190f5a2-7c3e-7abc-8def-000000000001"));
    static final StaffUserId STAFF = new StaffUserId(UUID.fromString("0190f5a2-7c3e-7abc-8def-000000000003"));
    static final UUID EVENT_ID = UUID.fromString("0190f5a2-7c3e-7abc-8def-000000000081");
    static final Instant AT = Instant.parse("2025-03-01T14:05:00.123456789Z");
    /** An employer as SPI 1 wrote it: no phone. */
    static final String SPI1_EMPLOYER = "{\"id\":\"0190f5a2-7c3e-7abc-8def-000000000004\",\"stamp\":{\"version\":3,\"createdAt\":\"2025-03-01T14:05:00.123456789Z\","
            + "\"updatedAt\":\"2025-03-02T09:00:00Z\",\"createdBy\":\"0190f5a2-7c3e-7abc-8def-000000000001\"},\"legalName\":\"  Acme Tool & Die  \","
            + "\"tradeNames\":[],\"fein\":\"36-1234567\",\"establishments\":[],\"status\":\"ACTIVE\",\"tags\":[],\"customFields\":{}}";
    /** An audit entry as SPI 1 wrote it: no changes. */
    static final String SPI1_AUDIT = "{\"id\":\"0190f5a2-7c3e-7abc-8def-000000000070\",\"at\":\"2025-03-01T14:05:00.123456789Z\","
            + "\"actor\":\"0190f5a2-7c3e-7abc-8def-000000000003\",\"partner\":\"0190f5a2-7c3e-7abc-8def-000000000001\",\"action\":\"UPDATE\","
            + "\"recordType\":\"employer\",\"recordId\":\"0190f5a2-7c3e-7abc-8def-000000000004\",\"changedFields\":[\"legalName\"]}";
    /** An engagement filter of SPI 1 (the REST API reads filters with the same mapping): no followUpDueBy. */
    static final String SPI1_ENGAGEMENT_FILTER = "{\"partner\":\"0190f5a2-7c3e-7abc-8def-000000000001\",\"from\":\"2025-03-01\"}";
    /** An outbox event as SPI 1 wrote it: recordType is the RecordType constant. */
    static final String SPI1_EVENT = "{\"type\":\"changed\",\"eventId\":\"0190f5a2-7c3e-7abc-8def-000000000081\",\"at\":\"2025-03-01T14:05:00.123456789Z\","
            + "\"actor\":\"0190f5a2-7c3e-7abc-8def-000000000003\",\"actorPartner\":\"0190f5a2-7c3e-7abc-8def-000000000001\",\"recordType\":\"STAFF_USER\","
            + "\"recordId\":\"0190f5a2-7c3e-7abc-8def-000000000003\",\"version\":3,\"changedFields\":[\"email\"]}";

    @Nested
    @DisplayName("an added field needs no migration")
    class AddedFields {
        @Test
        void anOldEmployerReadsWithoutAPhone() {
            Employer e = CrmJson.read(SPI1_EMPLOYER, Employer.class);
            assertThat(e.phone()).isNull();
            assertThat(e.legalName()).isEqualTo("  Acme Tool & Die  ");
            assertThat(e.stamp().createdAt().getNano()).isEqualTo(123_456_789);
            assertThat(StoredDocuments.upgrade(Employer.class, SPI1_EMPLOYER)).isSameAs(SPI1_EMPLOYER);
        }

        @Test
        void anOldAuditEntryReadsWithNoChanges() {
            AuditEntry a = CrmJson.read(SPI1_AUDIT, AuditEntry.class);
            assertThat(a.changes()).isEmpty();
            assertThat(a.changedFields()).containsExactly("legalName");
            assertThat(StoredDocuments.upgrade(AuditEntry.class, SPI1_AUDIT)).isSameAs(SPI1_AUDIT);
        }

        @Test
        void anOldEngagementFilterReadsWithoutTheFollowUpCondition() {
            EngagementFilter f = CrmJson.read(SPI1_ENGAGEMENT_FILTER, EngagementFilter.class);
            assertThat(f.followUpDueBy()).isNull();
            assertThat(f).isEqualTo(new EngagementFilter(null, PARTNER, null, LocalDate.of(2025, 3, 1), null, null, null, null, null));
        }

        @Test
        void writingAgainAddsTheNewFieldsOnlyWhenTheyHaveValues() {
            // Null is omitted and an empty list written: the next save of an old document is the current shape.
            assertThat(CrmJson.write(CrmJson.read(SPI1_EMPLOYER, Employer.class))).isEqualTo(SPI1_EMPLOYER);
            assertThat(CrmJson.write(CrmJson.read(SPI1_AUDIT, AuditEntry.class))).isEqualTo(SPI1_AUDIT.replace("]}", "],\"changes\":[]}"));
        }
    }

    @Nested
    @DisplayName("readers refuse what they do not know")
    class UnknownFields {
        @Test
        void aFieldFromANewerReleaseIsRefusedNotDropped() {
            // A reader that dropped "fax" would erase it on its next save; refusing names it instead.
            String newer = SPI1_EMPLOYER.replace("\"customFields\":{}", "\"customFields\":{},\"fax\":\"+13125550199\"");
            ValidationException e = catchThrowableOfType(ValidationException.class, () -> CrmJson.read(newer, Employer.class));
            assertThat(e.violations()).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("fax");
                assertThat(v.message()).isEqualTo("is not a field of this record");
            });
        }
    }

    @Nested
    @DisplayName("a changed encoding goes through a migration")
    class Migrations {
        @Test
        void anSpi1EventNeedsTheMigrationToRead() {
            ValidationException e = catchThrowableOfType(ValidationException.class, () -> CrmJson.read(SPI1_EVENT, DomainEvent.class));
            assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("recordType"));
            String upgraded = StoredDocuments.upgrade(DomainEvent.class, SPI1_EVENT);
            assertThat(upgraded).isEqualTo(SPI1_EVENT.replace("\"STAFF_USER\"", "\"staffUser\""));
            DomainEvent event = CrmJson.read(upgraded, DomainEvent.class);
            assertThat(event.recordType()).isSameAs(AggregateTypes.STAFF_USER);
            assertThat(event).isEqualTo(new DomainEvent.Changed(EVENT_ID, AT, STAFF, PARTNER, AggregateTypes.STAFF_USER, STAFF.asString(), 3,
                    List.of("email")));
        }

        /** SPI 1's RecordType constants, as they were; the migration derives them from the keys and must meet every one. */
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"REGION,region", "SECTOR,sector", "PARTNER,partner", "STAFF_USER,staffUser", "EMPLOYER,employer", "CONTACT,contact",
                "ENGAGEMENT,engagement", "NEED,need", "SOLUTION,solution", "PARTNERSHIP,partnership", "REFERRAL,referral", "OUTCOME,outcome",
                "FEEDBACK,feedback"})
        void everySpi1RecordTypeBecomesItsKey(String constant, String key) {
            String old = SPI1_EVENT.replace("\"STAFF_USER\"", "\"" + constant + "\"");
            assertThat(CrmJson.read(StoredDocuments.upgrade(DomainEvent.Changed.class, old), DomainEvent.class).recordType())
                    .isSameAs(AggregateTypes.byKey(key).orElseThrow());
        }

        @Test
        void aStoredEventIsMigratedInside() {
            String old = "{\"sequence\":12,\"event\":" + SPI1_EVENT + "}";
            StoredEvent s = CrmJson.read(StoredDocuments.upgrade(StoredEvent.class, old), StoredEvent.class);
            assertThat(s.sequence()).isEqualTo(12);
            assertThat(s.event().recordType()).isSameAs(AggregateTypes.STAFF_USER);
        }

        @Test
        void anUnknownRecordTypeIsLeftForTheReaderToName() {
            String odd = SPI1_EVENT.replace("\"STAFF_USER\"", "\"ROCKET\"");
            assertThat(StoredDocuments.upgrade(DomainEvent.class, odd)).isSameAs(odd);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.sectorcrm.json.CrmJsonTest#samples")
        void aCurrentDocumentIsLeftAlone(CrmJsonTest.Sample<?> sample) {
            String json = CrmJson.write(sample.value());
            assertThat(StoredDocuments.upgrade(sample.type(), json)).isSameAs(json);
        }

        @Test
        void upgradingTwiceIsUpgradingOnce() {
            String once = StoredDocuments.upgrade(DomainEvent.class, SPI1_EVENT);
            assertThat(StoredDocuments.upgrade(DomainEvent.class, once)).isSameAs(once);
        }

        @Test
        void migrationsHaveDistinctStableIds() {
            assertThat(StoredDocuments.migrations()).extracting(DocumentMigration::id).doesNotHaveDuplicates().allMatch(id -> id.matches("\\d+-[a-z-]+"));
            assertThat(StoredDocuments.migrations()).extracting(DocumentMigration::id).startsWith("2-event-record-type-key");
            assertThat(StoredDocuments.EVENT_RECORD_TYPE_KEY.appliesTo(DomainEvent.Deleted.class)).isTrue();
            assertThat(StoredDocuments.EVENT_RECORD_TYPE_KEY.appliesTo(Employer.class)).isFalse();
        }

        @Test
        void theDocumentListsEveryMigration() throws Exception {
            java.nio.file.Path doc = org.sectorcrm.json.exchange.ExchangeDocAccess.repositoryRoot().resolve("docs/storage-documents.md");
            java.util.regex.Matcher row = java.util.regex.Pattern.compile("^\\| `([\\w-]+)` \\|", java.util.regex.Pattern.MULTILINE)
                    .matcher(java.nio.file.Files.readString(doc));
            List<String> ids = new java.util.ArrayList<>();
            while (row.find()) {
                ids.add(row.group(1));
            }
            assertThat(ids).isEqualTo(StoredDocuments.migrations().stream().map(DocumentMigration::id).toList());
        }

        @Test
        void aDocumentThatIsNotAnObjectIsRefused() {
            ValidationException e = catchThrowableOfType(ValidationException.class, () -> StoredDocuments.upgrade(DomainEvent.class, "[1]"));
            assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.path()).isEqualTo("json.$"));
            assertThat(catchThrowableOfType(ValidationException.class, () -> StoredDocuments.upgrade(DomainEvent.class, "{\"a\":"))).isNotNull();
        }
    }

    @Nested
    @DisplayName("how a rename is done")
    class Rename {
        /** What a future rename looks like: SectorPartnership.convener renamed to "lead", say. */
        final DocumentMigration renameConvener = new DocumentMigration("9-partnership-convener-to-lead", "renames convener to lead",
                List.of(SectorPartnership.class), (type, doc) -> {
                    if (!doc.has("convener")) {
                        return false;
                    }
                    JsonNode value = doc.remove("convener");
                    doc.set("lead", value);
                    return true;
                });

        @Test
        void rewritesTheFieldAndKeepsEverythingElseExactly() {
            PartnerId convenedBy = Fixtures.partnerId();
            EmployerId member = Fixtures.employerId();
            String json = CrmJson.write(Partnerships.aFullPartnership().convenedBy(convenedBy).withMember(member, MemberRole.MEMBER)
                    .withCommitment(new Commitment(member, CommitmentKind.TIME, "Hosts meetings", new BigDecimal("40"), new BigDecimal("12.5")))
                    .withCommitment(new Commitment(member, CommitmentKind.FINANCIAL, "Wages", new BigDecimal("1.50"), null)).build());
            String renamed = renameConvener.rewrite(SectorPartnership.class, json);
            assertThat(renamed).doesNotContain("\"convener\"").contains("\"lead\":\"" + convenedBy.asString() + "\"");
            // Everything else is kept exactly: the text around the renamed member is unchanged, decimals keep their scale.
            String convener = "\"convener\":\"" + convenedBy.asString() + "\",";
            assertThat(json).contains(convener);
            assertThat(renamed.replace(",\"lead\":\"" + convenedBy.asString() + "\"", "")).isEqualTo(json.replace(convener, ""));
            assertThat(renamed).contains("\"value\":1.50").contains("\"fulfilled\":12.5");
            assertThat(renameConvener.rewrite(SectorPartnership.class, renamed)).as("idempotent").isSameAs(renamed);
            assertThat(renameConvener.rewrite(Employer.class, json)).as("not its type").isSameAs(json);
        }

        @Test
        void decimalsAndInstantsSurviveATreeRewrite() {
            // The kit's observations (0.000, -1.5, 18 digits) and an exponent after a negative baseline with trailing zeros; nanoseconds.
            String json = CrmJson.write(Outcomes.aFullOutcome().withBaseline(LocalDate.of(2024, 1, 1), new BigDecimal("-12.500"))
                    .observed(LocalDate.of(2026, 1, 1), new BigDecimal("1E+3")).withStamp(CrmJsonTest.STAMP).build());
            String touched = new DocumentMigration("t", "touch", List.of(Object.class), (type, doc) -> true).rewrite(Object.class, json);
            assertThat(touched).isEqualTo(json);
            assertThat(CrmJson.read(touched, org.sectorcrm.core.outcome.OutcomeMeasure.class).baseline()).isEqualTo(new BigDecimal("-12.500"));
        }
    }
}
