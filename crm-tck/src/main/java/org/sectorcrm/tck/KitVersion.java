package org.sectorcrm.tck;

import org.sectorcrm.core.spi.CrmStorage;

/**
 * Which kit this is and which storage SPI it checks.
 *
 * <p>The policy (docs/implementing-a-store.md tells it in full): {@link CrmStorage#SPI_VERSION} goes up by
 * one whenever the contract changes in a way an implementation must act on (a new method without a default,
 * a changed sentence). A kit version is {@code <SPI version>.<revision>}: kit {@code 1.x} checks SPI 1, and a
 * higher revision only adds or sharpens tests of sentences SPI 1 already had. A store that passes kit
 * {@code N.r} conforms to SPI {@code N}; a later revision may find a bug that was always a bug. The kit
 * refuses to vouch for a storage built on another SPI version: its first test fails.
 */
public final class KitVersion {
    /** The SPI version this kit checks. */
    public static final int CHECKED_SPI_VERSION = 2;
    /** The revision of this kit for {@link #CHECKED_SPI_VERSION}. */
    public static final int REVISION = 3;
    /** {@code <SPI version>.<revision>}. */
    public static final String VERSION = CHECKED_SPI_VERSION + "." + REVISION;

    private KitVersion() {
    }

    /**
     * The {@link CrmStorage#SPI_VERSION} of the crm-core on the class path, read reflectively: the compiler copies
     * constants into the classes that use them, so reading the field directly would report the version this kit
     * was compiled against, not the one it runs with.
     */
    public static int spiVersionOnClassPath() {
        try {
            return CrmStorage.class.getField("SPI_VERSION").getInt(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("crm-core on the class path has no CrmStorage.SPI_VERSION; it predates the versioned SPI", e);
        }
    }

    /** Whether this kit checks storages written against SPI version {@code spiVersion}. */
    public static boolean checks(int spiVersion) {
        return spiVersion == CHECKED_SPI_VERSION;
    }

    /** Why a storage on SPI {@code spiVersion} cannot be checked by this kit, in words a vendor can act on. */
    public static String mismatch(int spiVersion) {
        return "crm-tck " + VERSION + " checks storage SPI version " + CHECKED_SPI_VERSION + " but the storage runs on SPI version " + spiVersion
                + ": use crm-tck " + spiVersion + ".x, the kit that checks SPI " + spiVersion;
    }
}
