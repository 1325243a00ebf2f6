/**
 * Helpers shared inside crm-core. <strong>Not API:</strong> anything here may change in any release;
 * public packages never expose these types (an ArchUnit test checks it).
 */
package org.sectorcrm.core.internal;
