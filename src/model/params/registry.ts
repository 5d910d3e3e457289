import { type Bilingual, t } from '../i18n';

/**
 * One model parameter, declared once. Validation, the browser's sliders, the CLI's `--set`,
 * the JSON schema and the tables of docs/ODD.md are all generated from this registry.
 */
export interface ParamSpec {
  /** Dotted path used in scenario files and `--set`, e.g. `talent.teacherPayRatio`. */
  readonly key: string;
  readonly default: number;
  readonly min: number;
  readonly max: number;
  /** Unit in plain words (`yuan/person/year`, `share`, `1/year`). */
  readonly unit: string;
  readonly label: Bilingual;
  /** One line: what the parameter does in the model. */
  readonly description: string;
  /** Where the value comes from, or why it was chosen. */
  readonly source: string;
  readonly integer?: boolean;
}

const p = (
  key: string,
  def: number,
  min: number,
  max: number,
  unit: string,
  label: Bilingual,
  description: string,
  source: string,
  integer = false,
): ParamSpec => ({ key, default: def, min, max, unit, label, description, source, integer });

/**
 * The parameter registry. Money is in yuan at 2010 prices unless a unit says otherwise.
 * Sources are the figures listed in MODEL.md ("Facts to calibrate against") or the reason for
 * a stylised value; `calibrated` marks values tuned so the campaign scenario follows the
 * published poverty path (docs/ODD.md, "Calibration").
 */
export const PARAMS = [
  // ---- Policy frame -------------------------------------------------------------------------
  p('policy.povertyLine', 2300, 1000, 6000, 'yuan/person/year (2010 prices)', t('贫困线', 'Poverty line'),
    'Per-capita disposable income below which a household is poor.',
    'National rural poverty line of 2011: 2,300 yuan at 2010 prices.'),
  p('policy.targetYear', 2020, 2000, 2100, 'year', t('脱贫目标年', 'Campaign target year'),
    'Year by which counties must exit all registered households; exit pressure rises towards it.',
    'MODEL.md: the essay\'s "2024" is a corruption of 2020.', true),
  p('policy.monitorBand', 1.5, 1, 3, 'multiple of the poverty line', t('监测线倍数', 'Near-poor monitoring band'),
    'Households below this multiple of the line are monitored as at risk when big-data identification is on.',
    'Near-poor monitoring of households under 1.5 times the line (2019-2020).'),
  p('policy.targetLayers', 3, 0, 5, 'layers', t('层层加码层数', 'Layers adding to targets'),
    'Administrative layers that each add to exit targets (层层加码) and each run their own assessment.',
    'Essay 二(四) and 三(六): province, prefecture and county each add; stylised.', true),
  p('policy.layerMarkup', 0.1, 0, 0.5, 'share per layer', t('每层加码幅度', 'Markup per layer'),
    'How much each layer raises the exit target above the real pace; drives exit on paper (数字脱贫).',
    'Stylised; calibrated with the return-to-poverty counts of 2016-2018.'),
  p('policy.exitMargin', 0.1, 0, 1, 'share of the poverty line', t('脱贫收入余量', 'Exit margin'),
    'Measured income must clear the line by this margin for a registered household to exit (stable exit), before exit pressure lowers it.',
    'Exit required income stably above the line (稳定超过); stylised margin.'),
  p('policy.supportYearsAfterExit', 3, 0, 10, 'years', t('脱贫后保留政策年数', 'Support years after exit'),
    'Years an exited household keeps its benefits before the policy phase-out rule applies.',
    '"摘帽不摘政策": support continued after exit; 3 years, then the phase-out rule applies.', true),
  p('policy.registrationError', 0.35, 0, 1.5, 'log-normal sigma', t('识别误差', 'Identification error'),
    'Standard deviation of the log error in measured income when households are registered or exited.',
    'Stylised: manual income surveys miss non-cash income; gives exclusion and inclusion errors of 10-30%.'),
  p('policy.bigDataError', 0.08, 0, 1, 'log-normal sigma', t('大数据识别误差', 'Big-data identification error'),
    'Measurement error when big-data identification is on.', 'Stylised: cross-checked records (social security, vehicles, housing).'),
  p('policy.quotaSlack', 1.0, 0.5, 2, 'multiple of estimated incidence', t('建档指标松紧', 'Registration quota slack'),
    'Registration quota per county as a multiple of its estimated incidence (一刀切 quotas).',
    'Quotas were allocated top-down from survey estimates; 1 = quota equals the estimate.'),
  p('policy.leakage', 0.08, 0, 0.5, 'share', t('资金漏损率', 'Fund leakage'),
    'Share of transfer money lost before it reaches projects, without supervision.',
    'Stylised from audit findings on poverty funds; halved by the supervision lever.'),

  // ---- Macro environment ----------------------------------------------------------------------
  p('macro.outsideWage', 20000, 5000, 80000, 'yuan/year (2010 prices)', t('外出务工年收入', 'Outside wage'),
    'Annual earnings of a migrant worker in coastal cities in the start year.',
    'Migrant workers earned 2,290 yuan a month in 2012 (NBS); ~20,000 a year at 2010 prices after months worked.'),
  p('macro.outsideWageGrowth', 0.05, 0, 0.15, '1/year', t('外部工资增长率', 'Outside wage growth'),
    'Real growth of outside wages and professional pay each year.',
    'Migrant wages rose from 2,290 (2012) to 4,072 yuan a month (2020): about 7% nominal, 5-6% real.'),
  p('macro.outsideReturn', 0.05, 0, 0.2, '1/year', t('外部资本回报率', 'Outside return on savings'),
    'Return savings earn outside the county (banks, coastal investment); local investment must beat it.',
    'Stylised: deposit plus risk premium.'),
  p('macro.urbanJobProbability', 0.85, 0.3, 1, 'probability', t('城市就业概率', 'Urban job probability'),
    'Probability a migrant finds work in the city (Harris-Todaro expected wage).', 'Stylised from migrant employment surveys.'),
  p('macro.remittanceShare', 0.2, 0, 1, 'share of migrant earnings', t('汇款比例', 'Remittance share'),
    'Share of migrant earnings sent home, counted as household income.', 'Stylised from rural household surveys.'),
  p('macro.remittanceElasticity', 0.15, 0, 1, 'elasticity', t('汇款随工资增长弹性', 'Remittance growth elasticity'),
    'Elasticity of what a migrant sends home in the outside wage: as migrants settle, their own urban costs absorb most of their raises.',
    'Stylised: remittances per migrant grew far slower than migrant wages.'),
  p('macro.pension', 900, 0, 10000, 'yuan/elder/year', t('城乡居民养老金', 'Basic rural pension'),
    'Basic old-age pension received by every resident aged 60 or over.', 'New rural pension scheme: 55-100 yuan a month in 2012-2018.'),
  p('macro.medicalInsurance', 0.45, 0, 1, 'share', t('基本医保报销比例', 'Basic medical reimbursement'),
    'Share of illness cost covered by basic rural medical insurance for every household.', 'New cooperative medical scheme, effective 40-55% in poor counties.'),

  // ---- Households -----------------------------------------------------------------------------
  p('household.subsistence', 1600, 0, 5000, 'yuan/person/year', t('基本消费', 'Subsistence consumption'),
    'Consumption a household keeps before it saves anything.', 'Stylised: below the poverty line, so the poor save a little.'),
  p('household.savingRate', 0.3, 0, 0.8, 'share of income above subsistence', t('边际储蓄率', 'Marginal saving rate'),
    'Share of income above subsistence that is saved.', 'Rural saving rates of 20-35% (NBS household survey).'),
  p('household.assetReturnHigh', 0.18, 0, 1, '1/year', t('高技术资产回报率', 'Return on assets, improved technology'),
    'Yearly return on productive assets above the household\'s threshold (Carter-Barrett high technology).', 'Stylised.'),
  p('household.assetReturnLow', 0.06, 0, 1, '1/year', t('传统技术资产回报率', 'Return on assets, traditional'),
    'Yearly return on assets below the threshold.', 'Stylised: below the outside return, so poor households do not build assets.'),
  p('household.assetThreshold', 12000, 0, 100000, 'yuan', t('资产门槛', 'Asset threshold'),
    'Mean productive assets needed to use the improved technology; differs between households by ability.',
    'Carter and Barrett (2006); Kraay and McKenzie (2014) ask for heterogeneous thresholds.'),
  p('household.assetDepreciation', 0.08, 0, 0.5, '1/year', t('资产折旧率', 'Asset depreciation'),
    'Share of productive assets (tools, livestock) lost each year.', 'Stylised.'),
  p('household.farmProductivity', 10000, 100, 20000, 'yuan/worker/year', t('农业劳动生产率', 'Farm output per worker'),
    'Operating output of one full-time worker at ecology 1, average land and price 1.', 'Calibrated to farm income in poverty areas.'),
  p('household.illnessProbability', 0.09, 0, 0.5, '1/household/year', t('大病概率', 'Serious illness probability'),
    'Yearly chance a household has a serious illness at normal doctor staffing.', 'Illness caused 42-44% of registered poverty (2013, 2015).'),
  p('household.illnessCost', 9000, 0, 100000, 'yuan', t('大病费用', 'Cost of serious illness'),
    'Medical cost of a serious illness before insurance.', 'Stylised from the 2013-2015 poverty-cause surveys.'),
  p('household.schoolCost', 1800, 0, 20000, 'yuan/pupil/year', t('高中学费负担', 'Upper-secondary school cost'),
    'Cost of a child in upper secondary school per year, unless 12-year free schooling is on.', 'Stylised.'),
  p('household.driveResponse', 0.15, 0, 1, '1/year', t('内生动力响应', 'Drive response'),
    'Speed at which drive (内生动力) moves with handouts, participation and neighbours\' success.', 'Stylised; essay 三(二), 三(六).'),
  p('household.handoutDrag', 0.6, 0, 3, 'per unit of handout share', t('等靠要效应', 'Handout drag on drive'),
    'How much unconditional transfers (as a share of income) lower drive.', 'Stylised (等靠要).'),
  p('household.imitationRate', 0.1, 0, 1, 'share/year', t('产业模仿率', 'Industry imitation rate'),
    'Share of households that reconsider their industry each year (one minus inertia).', 'Hommes (1994) cobweb with imitation.'),
  p('household.landPressure', 0.08, 0, 1, 'share', t('生计压力垦殖系数', 'Land pressure when momentum fails'),
    'Extra grazing and cultivation pressure on ecology per unit of falling local momentum.', 'Poverty-environment link; stylised.'),

  // ---- Migration ------------------------------------------------------------------------------
  p('migration.baseRate', 0.09, 0, 0.5, '1/youth/year', t('青年外出基准率', 'Youth out-migration base rate'),
    'Yearly out-migration probability of a resident youth when local and outside expected wages are equal.', 'Stylised.'),
  p('migration.wageSensitivity', 1.2, 0, 10, 'per log wage gap', t('迁移工资敏感度', 'Migration wage sensitivity'),
    'Logistic slope of migration in the log gap between outside and local expected wages (Harris-Todaro).', 'Harris and Todaro (1970); stylised.'),
  p('migration.familyTie', 0.3, 0, 3, 'logit per dependant', t('家庭牵挂', 'Family ties'),
    'How much children and elders at home hold youth back.', 'Stylised.'),
  p('migration.referenceGap', 0.6, 0, 3, 'log wage', t('参照工资差', 'Reference wage gap'),
    'Log gap between outside and local expected wages (net of moving cost, ties and amenity) at which youth leave at the base rate.',
    'Stylised: with the outside wage about twice the local, youth leave at about the base rate.'),
  p('migration.familyMove', 0.15, 0, 1, 'share of the youth leave probability', t('举家外迁', 'Whole-family moves'),
    'Yearly chance that a household with members already working outside moves out as a whole, relative to a youth\'s leave probability.',
    'Urbanisation: families follow migrants who settle; this removes the upwardly mobile from the county (hollowing out).'),
  p('migration.skillEffect', 3, 0, 10, 'logit per unit HC', t('技能对外出的影响', 'Skill and migration'),
    'How much human capital raises the chance to leave (language, skills): low-skill youth stay.', 'Essay 二(一): many cannot even speak Mandarin, so their capacity to work outside is weak.'),
  p('migration.selectivity', 0.15, 0, 0.5, 'human capital', t('外出者选择性', 'Selectivity of leavers'),
    'How much more schooled a youth who leaves is than the household mean: those who stay are left with less.', 'Essay 二(三): talent and the best-educated youth leave; stylised.'),
  p('migration.returnRate', 0.04, 0, 0.5, '1/migrant/year', t('返乡基准率', 'Return base rate'),
    'Yearly chance a migrant comes home when local and outside expected wages are equal.', 'Stylised.'),
  p('migration.movingCost', 0.25, 0, 2, 'log wage', t('迁移成本', 'Moving cost'),
    'Cost of moving and living apart, in log-wage units, lowered by transport infrastructure.', 'Stylised.'),

  // ---- Talent (professionals) ------------------------------------------------------------------
  p('talent.teacherPayRatio', 0.62, 0.2, 2, 'ratio to outside pay', t('教师相对工资', 'Teacher pay ratio'),
    'Rural teacher pay in deep-poverty counties relative to what a teacher earns in town or city.', 'Stylised; about half of village teachers later moved to towns.'),
  p('talent.doctorPayRatio', 0.55, 0.2, 2, 'ratio to outside pay', t('医生相对工资', 'Doctor pay ratio'),
    'Rural doctor pay relative to urban hospitals.', 'Stylised.'),
  p('talent.cadrePayRatio', 0.7, 0.2, 2, 'ratio to outside pay', t('干部相对工资', 'Cadre pay ratio'),
    'Civil servant and cadre pay relative to comparable urban jobs.', 'Essay 二(三): cadre pay grew slowly, civil servants left.'),
  p('talent.technicianPayRatio', 0.6, 0.2, 2, 'ratio to outside pay', t('技术人员相对工资', 'Technician pay ratio'),
    'Agricultural and industrial technician pay relative to outside.', 'Stylised.'),
  p('talent.outsidePay', 60000, 10000, 300000, 'yuan/year (2010 prices)', t('城市同类岗位年薪', 'Outside professional pay'),
    'What a teacher, doctor, cadre or technician earns a year in town or city in the start year; grows with outside wages. Prices the pay levers.',
    'Urban non-private-unit average wage about 47,000 yuan in 2012 (NBS); professionals somewhat above.'),
  p('talent.payWeight', 2.2, 0, 10, 'logit per log pay', t('工资权重', 'Pay weight in staying'),
    'Weight of log relative pay in a professional\'s utility of staying.', 'Stylised.'),
  p('talent.amenityWeight', 1.4, 0, 10, 'logit per unit', t('环境权重', 'Amenity weight'),
    'Weight of local amenity (ecology, infrastructure, services) in staying.', 'Stylised.'),
  p('talent.attractionWeight', 0.8, 0, 10, 'logit per log attraction', t('吸引力权重', 'Attraction weight'),
    'Weight of the county\'s attraction (momentum, wages) in staying and accepting posts.', 'Stylised.'),
  p('talent.burdenWeight', 2.5, 0, 10, 'logit per share of time', t('考核负担权重', 'Assessment burden weight'),
    'How much form-filling time makes professionals want to leave.', 'Essay 二(四).'),
  p('talent.baseLeave', 0.05, 0, 0.5, '1/year', t('人才基准流失率', 'Base leave rate'),
    'Yearly leave probability of a professional whose utility of staying equals the outside.', 'Stylised.'),
  p('talent.localTie', 0.9, 0, 5, 'logit', t('本地人牵挂', 'Local-born tie'),
    'Extra utility of staying for professionals born in the county.', 'Stylised.'),
  p('talent.pupilsPerTeacherPost', 17, 5, 50, 'pupils/post', t('师生比编制', 'Pupils per teacher post'),
    'Establishment: one teacher post per this many pupils.', 'National primary and junior norms, 13.5 to 19.'),
  p('talent.doctorPostsPer1000', 2.0, 0, 10, 'posts/1000 residents', t('医生编制', 'Doctor posts per 1,000'),
    'Doctor posts per 1,000 residents.', 'Rural licensed doctors ~1.5-2 per 1,000.'),
  p('talent.cadrePostsPer1000', 8, 0, 30, 'posts/1000 residents', t('干部编制', 'Cadre posts per 1,000'),
    'Civil servant and cadre posts per 1,000 residents.', 'Stylised county staffing.'),
  p('talent.technicianPostsPer1000', 1.5, 0, 10, 'posts/1000 residents', t('技术人员编制', 'Technician posts per 1,000'),
    'Technician posts per 1,000 residents.', 'Stylised.'),
  p('talent.retirementAge', 60, 50, 70, 'years', t('退休年龄', 'Retirement age'),
    'Age at which professionals retire.', 'Statutory.', true),

  // ---- Public services ------------------------------------------------------------------------
  p('services.assessmentBase', 0.04, 0, 0.5, 'share of time', t('常规考核负担', 'Base assessment burden'),
    'Share of professionals\' time on assessment when no poverty campaign runs.', 'Stylised.'),
  p('services.assessmentPerRegistered', 0.4, 0, 5, 'share of time per registered share', t('建档考核负担', 'Burden per registered household'),
    'Extra time share per unit of registered-poor share of residents, scaled by (1 + layers) / 4 for the layers that assess.', 'Essay 二(四): teachers and doctors pulled into form-filling.'),
  p('services.offDutyShare', 0.6, 0, 1, 'share', t('抽调比例', 'Burden taken from duty'),
    'Share of assessment time that teachers and doctors take from teaching and treating.', 'Essay 二(四).'),
  p('services.congestionWeight', 1.0, 0, 5, 'per unit of excess load', t('拥挤效应', 'Congestion effect'),
    'How much excess population over capacity lowers service quality.', 'Stylised; essay 二(五).'),

  // ---- Human capital --------------------------------------------------------------------------
  p('humanCapital.learningRate', 0.12, 0, 0.5, '1/year', t('学习速度', 'Learning rate'),
    'Yearly gain in a child\'s human capital at full school quality, road access and health.', 'Stylised: 12 years of good schooling take a child near 1.'),
  p('humanCapital.mincer', 0.7, 0, 3, 'log income per unit HC', t('人力资本回报', 'Return to human capital'),
    'Log-productivity gain per unit of human capital (0 to 1 spans about 12 years of school at 6-8% a year).', 'Mincer returns of 6-8% a year of schooling.'),
  p('humanCapital.nutritionEffect', 0.2, 0, 1, 'share', t('营养干预效果', 'Nutrition effect'),
    'Share by which child nutrition raises learning and cuts stunting losses.', 'Nutrition sachets: anaemia 32.9% to 23.5%, stunting 10.1% to 7.2% (2012-2018).'),
  p('humanCapital.dropoutCost', 0.35, 0, 1, 'share', t('辍学损失', 'Drop-out loss'),
    'Share of upper-secondary learning lost when the household cannot pay school costs.', 'Stylised.'),

  // ---- County economy -------------------------------------------------------------------------
  p('economy.capitalShare', 0.4, 0.1, 0.8, 'share', t('资本份额', 'Capital share'),
    'Capital share of local non-farm output.', 'Standard.'),
  p('economy.tfp', 176, 10, 2000, 'yuan^(1-capitalShare)', t('全要素生产率', 'Total factor productivity'),
    'Scale of county non-farm output Y = tfp * productivity * K^a * L^(1-a).',
    'Set by hand. In the default region it gives start-year job rates of about 0.2 (mountain counties), 0.5 (hill), 0.76 (plain) and 1 (prefecture seat) (ODD §8.1).'),
  p('economy.tfpGrowth', 0.02, 0, 0.1, '1/year', t('技术进步率', 'Technology growth'),
    'Yearly growth of non-farm total factor productivity everywhere (national technical progress).', 'Stylised: China\'s TFP growth of about 2% a year in the 2010s.'),
  p('economy.capitalPerJob', 100000, 10000, 500000, 'yuan/job', t('每岗位资本', 'Capital per placed job'),
    'Capital that the industry-placement lever brings per job placed.', 'Stylised county industry.'),
  p('economy.depreciation', 0.08, 0, 0.3, '1/year', t('资本折旧率', 'Capital depreciation'),
    'Yearly depreciation of local productive capital.', 'Standard.'),
  p('economy.reinvestment', 0.45, 0, 1, 'share of profits', t('利润再投资率', 'Reinvestment of profits'),
    'Share of local firms\' profits reinvested in the county.', 'Stylised.'),
  p('economy.outsideInvestment', 0.1, 0, 0.5, 'share of output per unit attraction', t('外来投资系数', 'Outside investment'),
    'Outside investment per unit of local output and attraction.', 'Stylised; attraction drives it (loop link).'),
  p('economy.talentTFP', 1.0, 0, 3, 'elasticity', t('人才对生产率', 'Talent and productivity'),
    'Elasticity of county productivity in the fill rate of cadre and technician posts.', 'Stylised; essay 二(三) on management talent.'),
  p('economy.transportTFP', 0.5, 0, 3, 'elasticity', t('交通对生产率', 'Transport and productivity'),
    'Elasticity of county productivity and market access in the transport index.', 'Stylised.'),
  p('economy.localWage', 11000, 2000, 60000, 'yuan/year', t('本地工资', 'Local wage'),
    'Annual local wage at productivity 1 in the start year.', 'Stylised: about half the outside wage in poor counties.'),
  p('economy.wageCatchUp', 0.2, 0, 1, 'elasticity', t('本地工资追赶', 'Local wage catch-up'),
    'Elasticity of local wages in outside wage growth (the rest comes from local productivity).', 'Stylised: local wages in poor counties lag coastal growth.'),
  p('economy.taxRate', 0.07, 0, 0.3, 'share of non-farm output', t('县级税率', 'County tax rate'),
    'Share of local non-farm output the county collects as own revenue.', 'Stylised.'),

  // ---- Fiscal ---------------------------------------------------------------------------------
  p('fiscal.generalTransferPerCapita', 600, 0, 10000, 'yuan/resident/year', t('一般性转移支付', 'General transfer'),
    'General transfer per resident from higher levels, spent where the county chooses.', 'Stylised.'),
  p('fiscal.earmarkedPerCapita', 300, 0, 10000, 'yuan/resident/year', t('专项转移支付', 'Earmarked transfer'),
    'Earmarked transfers per resident, by category, outside any campaign.', 'Stylised.'),
  p('fiscal.projectCapacityPerCadre', 2.5e5, 1e4, 1e7, 'yuan/cadre/year', t('项目执行能力', 'Project capacity per cadre'),
    'Earmarked money one cadre can turn into approved projects in a year, at no assessment burden.', 'Stylised; essay 二(四).'),
  p('fiscal.matchingShare', 0.2, 0, 1, 'share', t('地方配套比例', 'Local matching share'),
    'Local matching the county must add to each yuan of earmarked projects, taken from development spending.', 'Essay 二(一), 二(四).'),
  p('fiscal.mandatoryShare', 0.7, 0, 1, 'share', t('刚性支出比例', 'Mandatory spending share'),
    'Share of general revenue taken by wages and running costs before development spending.', 'Stylised.'),
  p('fiscal.developmentReturn', 0.5, 0, 2, 'capital per yuan', t('发展支出形成资本', 'Development spending to capital'),
    'Productive capital created per yuan of county development spending (parks, productive services).', 'Stylised.'),

  // ---- Ecology & infrastructure ---------------------------------------------------------------
  p('ecology.regrowth', 0.06, 0, 0.5, '1/year', t('生态自然恢复率', 'Ecological regrowth'),
    'Logistic renewal rate of ecological carrying capacity.', 'Stylised.'),
  p('ecology.pressure', 2, 0, 5, 'elasticity', t('人口放牧压力', 'Population and grazing pressure'),
    'Elasticity of ecological wear in the village\'s population and grazing load (wear balances regrowth at the start\'s load).', 'Stylised.'),
  p('ecology.compensationEffect', 2e-6, 0, 1e-4, 'capacity per yuan per household', t('生态补偿效果', 'Compensation effect'),
    'Capacity restored per yuan of ecological compensation per household.', 'Stylised.'),
  p('ecology.disasterBase', 0.06, 0, 0.5, '1/village/year', t('灾害基准概率', 'Disaster base probability'),
    'Yearly disaster chance in a village at full ecology and irrigation.', 'Stylised.'),
  p('ecology.disasterLoss', 0.4, 0, 1, 'share', t('灾害损失', 'Disaster loss'),
    'Share of operating income lost in a disaster.', 'Stylised.'),
  p('infrastructure.depreciation', 0.02, 0, 0.3, '1/year', t('基础设施折旧', 'Infrastructure depreciation'),
    'Yearly decay of each infrastructure index.', 'Stylised.'),
  p('infrastructure.costPerPoint', 4e8, 1e6, 1e10, 'yuan per unit index per 100k residents', t('基础设施造价', 'Infrastructure unit cost'),
    'Investment that raises one infrastructure index by 1 (from 0 to full) in a county of 100,000 residents.', 'Stylised.'),

  // ---- Markets --------------------------------------------------------------------------------
  p('market.priceElasticity', 1.2, 0.1, 10, 'elasticity', t('需求价格弹性', 'Demand elasticity'),
    'Price elasticity of demand for the region\'s specialty products (grain is priced nationally).', 'Hommes (1994) cobweb; stylised.'),
  p('market.demandGrowth', 0.03, 0, 0.2, '1/year', t('需求增长', 'Demand growth'),
    'Yearly growth in outside demand for specialty products.', 'Stylised.'),

  // ---- Relocation -----------------------------------------------------------------------------
  p('relocation.hostCapacityPerResident', 0.05, 0, 1, 'newcomers per resident', t('安置承载力', 'Host capacity'),
    'Newcomers a host county absorbs per resident before services congest.', 'Stylised; essay 二(五).'),
  p('relocation.integrationRate', 0.15, 0, 1, '1/year', t('融入速度', 'Integration rate'),
    'Yearly growth of a relocated household\'s integration.', 'Essay 三(五).'),
  p('relocation.returnHome', 0.12, 0, 1, '1/year', t('回迁概率', 'Moving back'),
    'Yearly chance a relocated household with no job and low integration moves back.', 'Some relocated households moved back.'),
  p('relocation.costPerPerson', 60000, 0, 300000, 'yuan/person', t('搬迁人均成本', 'Relocation cost per person'),
    'Public cost of relocating one person (housing, site).', '~600 billion yuan for ~9.6 M people.'),
] as const satisfies readonly ParamSpec[];

export type ParamKey = (typeof PARAMS)[number]['key'];

/** Lookup of a parameter's spec by key. */
export const PARAM_BY_KEY: ReadonlyMap<string, ParamSpec> = new Map(PARAMS.map((s) => [s.key, s]));

/** Parameter values, one per registry key. */
export type Params = Record<ParamKey, number>;

/** The registry defaults as a Params object. */
export function defaultParams(): Params {
  const out = {} as Params;
  for (const s of PARAMS) out[s.key as ParamKey] = s.default;
  return out;
}
