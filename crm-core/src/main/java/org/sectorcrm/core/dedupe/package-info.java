/**
 * Duplicate employers: the reviews of the dedupe scan's candidate pairs and the merge records (tombstones) of merged
 * employers. The scan, merge and unmerge are {@code CrmSession.dedupe()}.
 */
package org.sectorcrm.core.dedupe;
