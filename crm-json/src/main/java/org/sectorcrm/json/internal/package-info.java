/**
 * Not API: serializers, mix-ins and error translation behind {@link org.sectorcrm.json.CrmJson}. May change in
 * any release without notice.
 */
package org.sectorcrm.json.internal;
