package org.sectorcrm.examples;

import java.nio.file.Path;
import java.time.Clock;

import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.examples.attachments.AttachmentSettings;
import org.sectorcrm.examples.server.ApiServer;

/**
 * The server of {@link AttachmentStreamingTest}, in a process of its own with a small heap: opens the SQLite file
 * {@code args[0]}, keeps attachments in {@code args[1]}, prints {@code READY <port> <token> <employerId>} and serves until
 * its standard input closes.
 */
public final class AttachmentServerMain {
    private AttachmentServerMain() {
    }

    public static void main(String[] args) throws Exception {
        try (CrmApplication app = CrmApplication.open(StorageFactory.open(args[0]), Clock.systemUTC())) {
            StaffUser admin = app.initialise("correct horse battery staple".toCharArray(), "admin@board.example", false, 1);
            Employer e = app.crm().as(admin).employers().create(Employer.named("Large Files Manufacturing"));
            String token = app.accounts().issueToken(admin.id(), "streaming test");
            app.attachments(AttachmentSettings.defaults(Path.of(args[0])).inDirectory(Path.of(args[1])).limitedTo(200L * 1024 * 1024));
            ApiServer server = app.start("127.0.0.1", 0);
            System.out.println("READY " + server.port() + " " + token + " " + e.id().asString());
            System.out.flush();
            while (System.in.read() != -1) {
                // serve until the test closes our input
            }
            System.out.println("PEAK " + peakHeap());
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
