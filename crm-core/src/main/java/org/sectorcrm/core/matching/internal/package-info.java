/**
 * Normalisers, similarity measures, blocking and the scoring rules behind {@link org.sectorcrm.core.matching.Matcher}.
 * <strong>Not API:</strong> anything here may change in any release.
 */
package org.sectorcrm.core.matching.internal;
