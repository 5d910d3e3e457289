/** Names of indicators and of the places of a run (a county, or the region) in the current language. */
import { type Bilingual, INDICATORS, type IndicatorName } from '../../model';
import { bi, t } from './i18n';

const SPEC = new Map(INDICATORS.map((i) => [i.name as string, i]));

/** An indicator's label in the current language. */
export function indicatorLabel(name: IndicatorName): string {
  return bi(SPEC.get(name)?.label);
}

/** The name of unit `u` of a run: county u, or the region when u is the number of counties. */
export function unitName(counties: readonly { name: Bilingual }[], u: number): string {
  return u === counties.length ? t('region') : bi(counties[u].name);
}
