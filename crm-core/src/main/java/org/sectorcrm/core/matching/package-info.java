/**
 * Finding the employer records that are one employer: {@link org.sectorcrm.core.matching.Matcher} compares
 * {@link org.sectorcrm.core.matching.MatchRecord}s (normalised names, FEIN, address, phone, website, NAICS) at two
 * levels, {@linkplain org.sectorcrm.core.matching.MatchLevel#ESTABLISHMENT same establishment} and
 * {@linkplain org.sectorcrm.core.matching.MatchLevel#COMPANY same company}, with a score and the reasons behind it;
 * blocking keeps candidate search far from comparing all pairs; {@link org.sectorcrm.core.matching.MatchRun} clusters a
 * whole file, {@link org.sectorcrm.core.matching.MatchIndex} finds the stored records a new one may duplicate.
 * Rules and defaults: docs/matching.md.
 */
package org.sectorcrm.core.matching;
