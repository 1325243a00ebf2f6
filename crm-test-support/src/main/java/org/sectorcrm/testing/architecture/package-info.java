/** ArchUnit rules the library's modules share in their own ArchitectureTests. */
package org.sectorcrm.testing.architecture;
