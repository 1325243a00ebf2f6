package org.sectorcrm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sectorcrm.core.AccessDeniedException;
import org.sectorcrm.core.Crm;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.EmployerCreation;
import org.sectorcrm.core.EmployerOperations;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.audit.AuditEntry;
import org.sectorcrm.core.employer.Address;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.Establishment;
import org.sectorcrm.core.matching.LikelyDuplicate;
import org.sectorcrm.core.matching.MatchLevel;
import org.sectorcrm.core.reference.Fein;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.type.AggregateTypes;

/**
 * Warn before creating, on one engine: a new employer is checked against the stored ones found through the store's own
 * indexes (FEIN, ZIP, search words), and the caller then creates anyway (audited), adds the worksite to the existing
 * employer, or finds nothing to warn about.
 */
abstract class DuplicateWarningTestBase {
    private JdbcCrmStorage storage;
    private CrmSession staff;
    private CrmSession viewer;

    abstract TestDatabase db();

    @BeforeEach
    void open() {
        storage = db().fresh();
        Crm crm = Crm.builder().storage(storage).build();
        StaffUser admin = crm.bootstrap(Partner.named("Northeast Workforce Board", PartnerKind.WORKFORCE_BOARD), "Ada Admin", "ada@board.example");
        var reference = crm.as(admin).reference();
        Partner college = reference.partners().create(Partner.named("Harper College", PartnerKind.COMMUNITY_COLLEGE));
        staff = crm.as(reference.staffUsers().create(StaffUser.of(college.id(), "Di College", "di@college.example", Role.STAFF)));
        viewer = crm.as(reference.staffUsers().create(StaffUser.of(college.id(), "Vi Viewer", "vi@college.example", Role.VIEWER)));
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private static Employer at(String name, String street, String city, String zip) {
        return Employer.named(name).withEstablishments(List.of(Establishment.primary(city + " site", new Address(street, city, "IL", zip), null)));
    }

    @Test
    void aSpellingVariantAtTheSameWorksiteIsReportedWithReasonsAndNothingIsStored() {
        Employer acme = staff.employers().create(at("Acme Tool & Die, Inc.", "1200 Harrison Ave", "Rockford", "61104"));
        staff.employers().create(at("Rockford Bakery LLC", "14 Main St", "Rockford", "61104"));

        EmployerCreation creation = staff.employers().createIfNew(at("ACME TOOL AND DIE", "1200 Harrison Avenue Suite 4", "Rockford", "61104-2231"));

        assertThat(creation.isCreated()).isFalse();
        assertThat(creation.duplicates()).extracting(d -> d.employer().id()).containsExactly(acme.id());
        LikelyDuplicate d = creation.duplicates().get(0);
        assertThat(d.result().level()).isEqualTo(MatchLevel.ESTABLISHMENT);
        assertThat(d.result().explanation()).contains("name").contains("same street number");
        assertThat(staff.employers().count(EmployerFilter.ALL)).isEqualTo(2);
        // A reader may look, without creating.
        assertThat(viewer.employers().likelyDuplicates(at("Acme Tool and Die", "1200 Harrison Ave", "Rockford", "61104")))
                .extracting(x -> x.employer().id()).containsExactly(acme.id());
        assertThatThrownBy(() -> viewer.employers().createIfNew(Employer.named("Viewer Works"))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theDedupeScanFindsStoredPairsThroughTheIndexesAndRemembersANotDuplicateReview() {
        Employer acme = staff.employers().create(at("Acme Tool & Die, Inc.", "1200 Harrison Ave", "Rockford", "61104"));
        Employer acme2 = staff.employers().createAnyway(at("ACME TOOL AND DIE", "1200 Harrison Avenue Suite 4", "Rockford", "61104-2231"));
        staff.employers().create(at("Zenith Plastics", "55 River Rd", "Peoria", "61602"));

        var pairs = staff.dedupe().scan(PageRequest.first(10)).items();
        assertThat(pairs).singleElement().satisfies(p -> {
            assertThat(java.util.Set.of(p.first().id(), p.second().id())).containsExactlyInAnyOrder(acme.id(), acme2.id());
            assertThat(p.level()).isEqualTo(MatchLevel.ESTABLISHMENT);
            assertThat(p.explanation()).contains("same street number");
        });
        staff.dedupe().review(acme.id(), acme2.id(), org.sectorcrm.core.dedupe.ReviewDecision.NOT_DUPLICATE, "checked");
        assertThat(staff.dedupe().scan(PageRequest.first(10)).items()).isEmpty();
        assertThat(viewer.dedupe().reviews().list(org.sectorcrm.core.dedupe.DuplicateReviewFilter.ALL, PageRequest.first()).items())
                .singleElement().extracting(r -> r.comment()).isEqualTo("checked");
    }

    @Test
    void aNewEmployerWithoutLikelyDuplicatesIsCreated() {
        staff.employers().create(at("Acme Tool & Die, Inc.", "1200 Harrison Ave", "Rockford", "61104"));
        // Same brand word, other town, no identifier in common: two employers (the franchisee rule).
        EmployerCreation creation = staff.employers().createIfNew(at("Zenith Plastics", "55 River Rd", "Peoria", "61602"));

        assertThat(creation.isCreated()).isTrue();
        assertThat(creation.duplicates()).isEmpty();
        assertThat(staff.employers().get(creation.created().id()).legalName()).isEqualTo("Zenith Plastics");
    }

    @Test
    void theSameFeinIsADuplicateWhateverTheName() {
        Employer stored = staff.employers().create(at("Midwest Holdings LLC", "9 Elm St", "Elgin", "60120").withFein(Fein.parse("36-1234567")));
        List<LikelyDuplicate> found = staff.employers().likelyDuplicates(Employer.named("Totally Other Name").withFein(Fein.parse("361234567")));
        assertThat(found).extracting(x -> x.employer().id()).containsExactly(stored.id());
        assertThat(found.get(0).result().reasons()).contains("same FEIN");
    }

    @Test
    void creatingAnywayIsRecordedInTheAuditTrailWithTheCandidates() {
        Employer acme = staff.employers().create(at("Acme Tool & Die, Inc.", "1200 Harrison Ave", "Rockford", "61104"));

        Employer second = staff.employers().createAnyway(at("Acme Tool and Die", "1200 Harrison Ave", "Rockford", "61104"));

        List<AuditEntry> history = staff.audit().history(AggregateTypes.EMPLOYER, second.id(), PageRequest.first(10)).items();
        assertThat(history).extracting(AuditEntry::action).contains("CREATE", EmployerOperations.CREATED_DESPITE_DUPLICATES);
        assertThat(history.stream().filter(h -> h.action().equals(EmployerOperations.CREATED_DESPITE_DUPLICATES)).findFirst().orElseThrow().detail())
                .contains(acme.id().asString());
        Employer third = staff.employers().createAnyway(at("Zenith Plastics", "55 River Rd", "Peoria", "61602"));
        assertThat(staff.audit().history(AggregateTypes.EMPLOYER, third.id(), PageRequest.first(10)).items()).extracting(AuditEntry::action)
                .containsExactly("CREATE");
    }

    @Test
    void aDuplicateCanBeAddedAsANewEstablishmentOfTheExistingEmployer() {
        Employer acme = staff.employers().create(at("Acme Tool & Die, Inc.", "1200 Harrison Ave", "Rockford", "61104").withFein(Fein.parse("36-1234567")));
        Employer draft = at("Acme Tool & Die (Belvidere plant)", "400 Logistics Dr", "Belvidere", "61008").withFein(Fein.parse("36-1234567"));
        EmployerCreation creation = staff.employers().createIfNew(draft);
        assertThat(creation.duplicates()).extracting(d -> d.result().level()).containsExactly(MatchLevel.COMPANY);

        Employer grown = staff.employers().addAsEstablishment(acme.id(), acme.version(), draft);

        assertThat(grown.establishments()).hasSize(2);
        assertThat(grown.establishments()).filteredOn(Establishment::primary).hasSize(1);
        assertThat(grown.establishments().get(1).address().city()).isEqualTo("Belvidere");
        assertThat(grown.tradeNames()).contains("Acme Tool & Die (Belvidere plant)");
        assertThat(staff.employers().count(EmployerFilter.ALL)).isEqualTo(1);
    }
}
