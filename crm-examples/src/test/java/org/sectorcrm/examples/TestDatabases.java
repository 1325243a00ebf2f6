package org.sectorcrm.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Databases for tests: a SQLite file in a fresh temporary directory, removed afterwards. */
final class TestDatabases {
    private TestDatabases() {
    }

    /** A database the tests open through the same {@link StorageFactory} as {@code --db}. */
    interface Database {
        /** What {@code --db} is given for it. */
        String db();

        default StorageFactory.Opened open() {
            return StorageFactory.open(db());
        }

        /** Removes what the tests left (after every store on it is closed). */
        void drop();
    }

    static Database sqlite() {
        try {
            Path dir = Files.createTempDirectory("sectorcrm-test");
            Path file = dir.resolve("sectorcrm.db");
            return new Database() {
                @Override
                public String db() {
                    return file.toString();
                }

                @Override
                public void drop() {
                    deleteTree(dir);
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
