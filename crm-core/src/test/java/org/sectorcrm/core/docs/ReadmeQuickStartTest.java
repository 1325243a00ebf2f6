package org.sectorcrm.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sectorcrm.core.Crm;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.engagement.Channel;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.reference.EseCategory;
import org.sectorcrm.core.reference.Fein;
import org.sectorcrm.core.reference.NaicsCode;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.StaffUser;

/** The README's quick start, compiled and run; the README must contain this snippet verbatim. */
class ReadmeQuickStartTest {

    @Test
    void quickStartRunsAsShown() throws IOException {
        // --- README quick start begins ---
        Crm crm = Crm.builder().storage(new InMemoryCrmStorage()).build();
        StaffUser admin = crm.bootstrap(Partner.named("Northeast Workforce Board", PartnerKind.WORKFORCE_BOARD),
                "Ada Admin", "ada@board.example");
        CrmSession ada = crm.as(admin);

        Employer acme = ada.employers().create(Employer.named("Acme Tool & Die, Inc.")
                .withFein(Fein.parse("36-1234567"))
                .withNaics(NaicsCode.of("333514")));
        ada.engagements().create(Engagement.of(acme.id(), admin.partner(), admin.id(),
                        java.time.LocalDate.of(2026, 10, 1), Channel.SITE_VISIT, "Plant tour; needs CNC machinists")
                .withServices(java.util.Set.of(EseCategory.WORKFORCE_RECRUITMENT_ASSISTANCE)));

        List<Employer> found = ada.employers().search("acme die", PageRequest.first()).items();
        System.out.println(found.get(0).legalName() + " v" + found.get(0).version());
        // --- README quick start ends ---
        assertThat(found).containsExactly(acme);

        String source = Files.readString(Path.of("src/test/java/org/sectorcrm/core/docs/ReadmeQuickStartTest.java"));
        String snippet = source.substring(source.indexOf("// --- README quick start begins ---") + 37, source.indexOf("        // --- README quick start ends ---"));
        String readme = Files.readString(Path.of("../README.md"));
        assertThat(normalise(readme)).as("README.md contains the quick start exactly as compiled here").contains(normalise(snippet));
    }

    private static String normalise(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + "\n" + b);
    }
}
