package org.sectorcrm.json.exchange;

import java.nio.file.Path;

/** Opens the doc tests' repository lookup to the tests of other packages. */
public final class ExchangeDocAccess {
    private ExchangeDocAccess() {
    }

    /** The repository's root directory (the one holding docs/). */
    public static Path repositoryRoot() {
        return ExchangeDocTest.repositoryRoot();
    }
}
