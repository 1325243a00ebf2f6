/**
 * The machinery behind {@link org.sectorcrm.caffeine.CachingCrmStorage}: the guarded cache and the
 * transaction and store decorators. <strong>Not API:</strong> anything here may change in any release.
 */
package org.sectorcrm.caffeine.internal;
