/** The in-memory reference implementation of the storage SPI: the model every other store is compared with. */
package org.sectorcrm.core.memory;
