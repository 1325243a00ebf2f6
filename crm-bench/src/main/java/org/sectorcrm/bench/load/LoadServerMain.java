package org.sectorcrm.bench.load;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.sectorcrm.bench.BenchData;
import org.sectorcrm.core.BatchOptions;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.reference.Region;
import org.sectorcrm.core.reference.RegionKind;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.examples.CrmApplication;
import org.sectorcrm.examples.StorageFactory;
import org.sectorcrm.examples.server.ApiServer;

/**
 * The standalone server under load, in a process of its own (run with {@code -Xmx256m}): opens the SQLite file
 * {@code args[0]}, stores {@code args[1]} generated employers ({@link BenchData}), writes their ids one a line to
 * {@code args[2]}, starts the API and web UI on a free loopback port and prints
 * {@code READY <port> <token> <admin e-mail> <password>}; serves until its standard input closes, then prints
 * {@code PEAK <heap bytes>} (the peak of the heap pools; the parent reads the peak RSS from {@code /proc}).
 */
public final class LoadServerMain {
    static final String EMAIL = "admin@load.example";
    static final String PASSWORD = "correct horse battery staple";

    private LoadServerMain() {
    }

    public static void main(String[] args) throws Exception {
        int employers = Integer.parseInt(args[1]);
        try (CrmApplication app = CrmApplication.open(StorageFactory.open(args[0]), Clock.systemUTC())) {
            StaffUser admin = app.initialise(PASSWORD.toCharArray(), EMAIL, false, 1);
            CrmSession s = app.crm().as(admin);
            for (String code : BenchData.REGIONS) {
                s.reference().regions().create(Region.of(code, "Region " + code, RegionKind.ECONOMIC_DEVELOPMENT_REGION, List.of()));
            }
            List<Employer> drafts = new BenchData(2026).employersWithIds(employers);
            s.employers().importAll(drafts.stream(), BatchOptions.defaults().withBatchSize(1_000));
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[2])))) {
                drafts.forEach(e -> out.println(e.id().asString()));
            }
            String token = app.accounts().issueToken(admin.id(), "load test");
            ApiServer server = app.start("127.0.0.1", 0);
            System.out.println("READY " + server.port() + " " + token);
            System.out.flush();
            while (System.in.read() != -1) {
                // serve until the load generator closes our input
            }
            System.out.println("PEAK " + peakHeap());
            System.out.flush();
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
