package org.sectorcrm.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.sectorcrm.core.BatchOptions;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.dedupe.CandidatePair;
import org.sectorcrm.core.employer.Employer;

/**
 * {@code dedupe scan} over stored employers on SQLite (issue 11: "a scan of 50,000 stored employers finishes within a
 * few minutes on 2 cores"): {@code n} employers of {@link BenchData}, every tenth stored once more under its name in
 * capitals without the legal form at the same worksites (a partner's copy, so the scan has pairs to find), then every
 * page of the scan walked as the CLI walks it. One run, wall-clock time: a rough figure on a loaded machine.
 */
final class ScanBench {
    private ScanBench() {
    }

    static String run(int n) {
        try (Fixture f = new Fixture("scan")) {
            List<Employer> drafts = new ArrayList<>(new BenchData(2026).employers(n));
            int originals = drafts.size();
            for (int i = 0; i < originals; i += 10) {
                Employer e = drafts.get(i);
                String copy = e.legalName().replaceAll(" (Inc\\.|LLC|Co\\.|Corp\\.|Group)$", "").toUpperCase(Locale.ROOT);
                drafts.add(Employer.named(copy).withRegion(e.region()).withEstablishments(e.establishments()));
            }
            long t0 = System.nanoTime();
            f.session().employers().importAll(drafts.stream(), BatchOptions.defaults().withBatchSize(CrmBenchmarks.BATCH));
            long t1 = System.nanoTime();
            long pairs = 0;
            int pages = 0;
            Page<CandidatePair> page = f.session().dedupe().scan(PageRequest.first(500));
            while (true) {
                pairs += page.items().size();
                pages++;
                if (!page.hasNext()) {
                    break;
                }
                page = f.session().dedupe().scan(PageRequest.after(page.nextCursor(), 500));
            }
            long t2 = System.nanoTime();
            return String.format(Locale.ROOT, "scan of %,d stored employers (%,d copies): import %.1f s, scan %.1f s (%d pages, %,d candidate pairs)",
                    drafts.size(), drafts.size() - originals, (t1 - t0) / 1e9, (t2 - t1) / 1e9, pages, pairs);
        }
    }
}
