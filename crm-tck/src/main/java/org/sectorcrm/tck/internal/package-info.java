/**
 * Machinery of the kit (aggregate-type descriptors, paging and filter scenarios). <strong>Not API:</strong>
 * anything here may change in any kit release; extend {@link org.sectorcrm.tck.CrmStorageCompatibilityKit} and
 * {@link org.sectorcrm.tck.CrmStorageModelProperties} and use {@link org.sectorcrm.tck.fixtures} instead.
 */
package org.sectorcrm.tck.internal;
