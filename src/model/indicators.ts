import { type Bilingual, t } from './i18n';

/**
 * How an indicator's `region` value is formed from the counties:
 * - `sum`: summed over counties (people, yuan, stocks);
 * - `ratio`: pooled numerator over pooled denominator (a rate over people or households: for a
 *   rate over residents this equals the population-weighted mean of the county rates);
 * - `weighted`: population-weighted mean of the county values (indexes, elasticities);
 * - `gini`: recomputed over all households of the region.
 */
export type Aggregation = 'sum' | 'ratio' | 'weighted' | 'gini';

export interface IndicatorSpec {
  readonly name: string;
  readonly label: Bilingual;
  readonly unit: string;
  readonly aggregation: Aggregation;
  readonly description: string;
}

const ind = (name: string, zh: string, en: string, unit: string, aggregation: Aggregation, description: string): IndicatorSpec =>
  ({ name, label: t(zh, en), unit, aggregation, description });

/** Every indicator, in output order. The first 22 are the public contract (CONTRACT.md). */
export const INDICATORS = [
  ind('population', '常住人口', 'Resident population', 'people', 'sum', 'Resident people; members working outside excluded.'),
  ind('povertyRate', '贫困发生率', 'Poverty rate', 'share', 'ratio', 'Share of resident people in households below the poverty line (per-capita disposable income).'),
  ind('registeredPoorRate', '建档立卡贫困率', 'Registered poor rate', 'share', 'ratio', 'Share of resident people in registered, not exited households.'),
  ind('meanIncome', '人均可支配收入', 'Mean income', 'yuan/person/year (2010 prices)', 'ratio', 'Mean per-capita disposable income.'),
  ind('returnToPovertyRate', '返贫率', 'Return to poverty', 'share of ever-exited households', 'ratio', 'Among households that ever exited registered poverty, the share below the line this year (0 if none exited).'),
  ind('newPoorRate', '新增贫困率', 'New poor', 'share of never-registered households', 'ratio', 'Share of never-registered households that fell below the line this year (0 if none).'),
  ind('teachersPer1000Pupils', '每千名学生教师数', 'Teachers per 1,000 pupils', 'teachers/1000 pupils', 'ratio', 'Teachers in post per 1,000 enrolled pupils.'),
  ind('doctorsPer1000', '每千人医生数', 'Doctors per 1,000', 'doctors/1000 residents', 'ratio', 'Doctors in post per 1,000 residents.'),
  ind('talentOutflow', '人才流失', 'Talent outflow', 'professionals/year', 'sum', 'Teachers, doctors, cadres and technicians who left the county this year (retirements excluded).'),
  ind('youthShare', '青年占比', 'Youth share', 'share', 'ratio', 'Share of residents aged 18 to 35.'),
  ind('capitalStock', '本地资本存量', 'Capital stock', 'yuan (2010 prices)', 'sum', 'Local productive capital: county firms, tourism capital and household productive assets.'),
  ind('localInvestmentRate', '本地投资率', 'Local investment rate', 'share of output', 'ratio', 'Local investment (firms, households, county development) over local output.'),
  ind('infrastructureIndex', '基础设施指数', 'Infrastructure index', '0..1', 'weighted', 'Mean of the transport, irrigation and water indexes.'),
  ind('ecoCapacity', '生态承载力', 'Ecological capacity', '0..1', 'weighted', 'Resident-weighted ecological carrying capacity of the villages.'),
  ind('growthMomentum', '发展动力', 'Growth momentum', '1/year', 'ratio', 'Growth rate of local output this year.'),
  ind('fiscalDependency', '财政依赖度', 'Fiscal dependency', 'share', 'ratio', 'Transfers over total county revenue.'),
  ind('idleEarmarkedShare', '专项资金闲置率', 'Idle earmarked share', 'share', 'ratio', 'Share of earmarked transfers not spent this year (0 if none arrived).'),
  ind('assessmentBurden', '考核负担', 'Assessment burden', 'share of working time', 'weighted', 'Share of professionals\' and cadres\' time spent on assessment and form-filling.'),
  ind('gini', '基尼系数', 'Gini', '0..1', 'gini', 'Gini coefficient of per-capita disposable income over resident people.'),
  ind('loopGain', '循环增益', 'Loop gain', 'elasticity product', 'weighted', 'Product of the four closing links\' elasticities; above 1 a loss comes back larger.'),
  ind('relocatedPeople', '累计搬迁人口', 'Relocated people', 'people', 'sum', 'Cumulative people relocated (易地扶贫搬迁) out of the county\'s villages.'),
  ind('interventionCost', '政策成本', 'Intervention cost', 'yuan/year', 'sum', 'Yuan spent on interventions this year.'),
  // ---- beyond the contract ----
  ind('operatingIncomeShare', '经营性收入占比', 'Operating income share', 'share', 'ratio', 'Operating (farm and business) income over total income.'),
  ind('wageIncomeShare', '工资性收入占比', 'Wage income share', 'share', 'ratio', 'Wage income (local jobs and remittances) over total income.'),
  ind('propertyIncomeShare', '财产性收入占比', 'Property income share', 'share', 'ratio', 'Property income over total income.'),
  ind('transferIncomeShare', '转移性收入占比', 'Transfer income share', 'share', 'ratio', 'Transfer income over total income.'),
  ind('nearPoorRate', '边缘人口比例', 'Near-poor rate', 'share', 'ratio', 'Share of residents between the line and the monitoring band.'),
  ind('teacherOutflow', '教师流失', 'Teacher outflow', 'teachers/year', 'sum', 'Teachers who left this year.'),
  ind('doctorOutflow', '医生流失', 'Doctor outflow', 'doctors/year', 'sum', 'Doctors who left this year.'),
  ind('youthOutflow', '青年外出', 'Youth leaving', 'people/year', 'sum', 'Resident youth who left to work outside this year.'),
  ind('capitalOutflow', '资本外流', 'Capital outflow', 'yuan/year', 'sum', 'Household savings placed outside the county this year.'),
  ind('childHumanCapital', '儿童人力资本', 'Children\'s human capital', '0..1', 'ratio', 'Mean human capital of households\' children.'),
  ind('adultHumanCapital', '成人人力资本', 'Adult human capital', '0..1', 'ratio', 'Mean human capital of working-age residents.'),
  ind('schoolQuality', '教育质量', 'School quality', '0..1.25', 'weighted', 'Teaching actually delivered per pupil, relative to the norm (1); full staffing with skilled teachers delivers up to 1.25.'),
  ind('healthQuality', '医疗服务质量', 'Health service quality', '0..1', 'weighted', 'Doctor time actually delivered per resident, relative to the norm.'),
  ind('attraction', '吸引力', 'Attraction', 'index', 'weighted', 'Attraction of the county for quality factors (wages, momentum, services, ecology).'),
  ind('meanDrive', '内生动力', 'Drive', '0..1', 'ratio', 'Mean drive (内生动力) of households, people-weighted.'),
  ind('congestion', '安置拥挤度', 'Congestion', 'share over capacity', 'weighted', 'Excess of newcomers over the host capacity of services.'),
  ind('output', '地区产出', 'Local output', 'yuan/year', 'sum', 'Local farm and non-farm output.'),
  ind('linkOutflowAccumulation', '流出→积累', 'Outflow → accumulation', 'elasticity', 'weighted', 'Elasticity of local investment in the retention of quality factors.'),
  ind('linkAccumulationMomentum', '积累→动力', 'Accumulation → momentum', 'elasticity', 'weighted', 'Elasticity of long-run output in local investment.'),
  ind('linkMomentumAttraction', '动力→吸引力', 'Momentum → attraction', 'elasticity', 'weighted', 'Elasticity of attraction in local output.'),
  ind('linkAttractionOutflow', '吸引力→流出', 'Attraction → outflow', 'elasticity', 'weighted', 'Elasticity of the retained stock of quality factors in attraction.'),
  ind('linkEcologyOutflow', '生态→流出', 'Ecology → outflow', 'elasticity', 'weighted', 'Elasticity of the retained stock of quality factors in ecological capacity, through attraction.'),
  ind('linkMomentumEcology', '动力→生态', 'Momentum → ecology', 'sensitivity', 'weighted', 'Sensitivity of ecological wear to a fall in output (land pressure when momentum fails; zero while output grows).'),
  ind('registeredExits', '脱贫户数', 'Exits', 'households/year', 'sum', 'Registered households that exited this year.'),
  ind('lastingExits', '持续脱贫户数', 'Lasting exits', 'households/year', 'sum', 'Households that exited the register five years before this year and since then have been neither below the line in any year nor back on the register (counted in the fifth year after the exit).'),
  ind('paperExits', '数字脱贫', 'Exits on paper', 'households/year', 'sum', 'Households exited while their true income was below the line.'),
  ind('price', '主导产品价格', 'Product price index', 'ratio to base', 'weighted', 'Output-weighted price of the county\'s products (grain included) relative to base.'),
  ind('priceGrain', '粮食价格', 'Grain price', 'ratio to base', 'weighted', 'Price of grain relative to its start level (national market: fixed).'),
  ind('priceLivestock', '畜产品价格', 'Livestock price', 'ratio to base', 'weighted', 'Regional price of livestock products relative to base.'),
  ind('priceFruit', '林果价格', 'Fruit and tea price', 'ratio to base', 'weighted', 'Regional price of fruit and tea relative to base.'),
  ind('priceVegetables', '蔬菜价格', 'Vegetable price', 'ratio to base', 'weighted', 'Regional price of vegetables relative to base.'),
  ind('priceHerbs', '中药材价格', 'Medicinal herb price', 'ratio to base', 'weighted', 'Regional price of medicinal herbs relative to base.'),
  ind('relocatedPovertyRate', '搬迁人口贫困率', 'Poverty among the relocated', 'share', 'ratio', 'Share of relocated people living in the county (at its resettlement site) who are below the line (0 if none).'),
  ind('netFactorFlow', '要素净流入', 'Net inflow of quality factors', 'share per year', 'ratio',
    'Youth returning and professionals hired, minus youth and professionals leaving, over resident youth and professionals in post: negative when the loop runs downward (the vicious circle), positive when it runs upward.'),
] as const satisfies readonly IndicatorSpec[];

export type IndicatorName = (typeof INDICATORS)[number]['name'];
export const INDICATOR_NAMES: readonly IndicatorName[] = INDICATORS.map((i) => i.name);
export const INDICATOR_INDEX: Readonly<Record<IndicatorName, number>> = Object.fromEntries(
  INDICATORS.map((d, i) => [d.name, i]),
) as Record<IndicatorName, number>;
/** The indicators CONTRACT.md requires, in its order. */
export const CONTRACT_INDICATORS: readonly IndicatorName[] = INDICATOR_NAMES.slice(0, 22);
