import { type Bilingual, t } from '../i18n';

/** One parameter of a lever, as written in a scenario's intervention. */
export type LeverParamSpec =
  | { readonly name: string; readonly kind: 'number'; readonly default: number; readonly min: number; readonly max: number; readonly unit: string; readonly label: Bilingual }
  | { readonly name: string; readonly kind: 'boolean'; readonly default: boolean; readonly label: Bilingual }
  | { readonly name: string; readonly kind: 'enum'; readonly default: string; readonly options: readonly string[]; readonly label: Bilingual };

/** A policy lever (countermeasure of the essay, section 三), declared once. */
export interface LeverSpec {
  readonly name: string;
  readonly label: Bilingual;
  /** What the lever does, through which mechanism. */
  readonly description: Bilingual;
  /** How the lever's yearly cost is counted in `interventionCost`. */
  readonly cost: string;
  /** Essay section the lever comes from. */
  readonly source: string;
  readonly params: readonly LeverParamSpec[];
}

const num = (name: string, def: number, min: number, max: number, unit: string, label: Bilingual): LeverParamSpec =>
  ({ name, kind: 'number', default: def, min, max, unit, label });
const bool = (name: string, def: boolean, label: Bilingual): LeverParamSpec => ({ name, kind: 'boolean', default: def, label });
const oneOf = (name: string, def: string, options: readonly string[], label: Bilingual): LeverParamSpec =>
  ({ name, kind: 'enum', default: def, options, label });

/** Local products. Index = the product code stored in each household's `industry`. */
export const INDUSTRIES = ['grain', 'livestock', 'fruit', 'vegetables', 'herbs'] as const;
export type Industry = (typeof INDUSTRIES)[number];
export const INDUSTRY_LABELS: Record<Industry, Bilingual> = {
  grain: t('粮食', 'Grain'),
  livestock: t('畜牧', 'Livestock'),
  fruit: t('林果', 'Fruit and tea'),
  vegetables: t('蔬菜', 'Vegetables'),
  herbs: t('中药材', 'Medicinal herbs'),
};

export const INFRASTRUCTURE_KINDS = ['transport', 'irrigation', 'water'] as const;

export const LEVERS = [
  { name: 'registration', label: t('精准识别建档立卡', 'Registration of the poor'),
    description: t('按测得收入识别贫困户（有误差和指标），建档立卡户享受帮扶，收入过线后退出。',
      'Registers households by measured income (with error and quotas); registered households get benefits and exit when measured income clears the line.'),
    cost: 'benefit per person × supported people at their share of support: registered households, exited households within their support years (then tapering under a gradual phase-out), and monitored households helped in the same year under big data. The benefit per person is benefitYuanPerPerson, or in a gradual phase-out\'s transition the last one tapering to zero.',
    source: '二(二), 三(四)',
    params: [num('benefitYuanPerPerson', 800, 0, 10000, 'yuan/person/year', t('人均帮扶', 'Benefit per person')),
      num('workShare', 0.3, 0, 1, 'share', t('以工代赈比例', 'Share paid as work-for-relief'))] },
  { name: 'teacherPay', label: t('提高乡村教师待遇', 'Raise rural teacher pay'),
    description: t('提高在岗和招聘教师的工资。', 'Raises the pay of rural teachers in post and of posts offered.'),
    cost: 'raise × teacher pay × teachers in post.', source: '三(三)',
    params: [num('raise', 0.3, 0, 3, 'fraction', t('加薪幅度', 'Raise'))] },
  { name: 'doctorPay', label: t('提高乡村医生待遇', 'Raise rural doctor pay'),
    description: t('提高在岗和招聘医生的工资。', 'Raises the pay of rural doctors in post and of posts offered.'),
    cost: 'raise × doctor pay × doctors in post.', source: '三(三)',
    params: [num('raise', 0.3, 0, 3, 'fraction', t('加薪幅度', 'Raise'))] },
  { name: 'cadrePay', label: t('提高基层干部待遇', 'Raise cadre pay'),
    description: t('提高公务员和干部的工资。', 'Raises the pay of civil servants and cadres.'),
    cost: 'raise × cadre pay × cadres in post.', source: '三(三)',
    params: [num('raise', 0.3, 0, 3, 'fraction', t('加薪幅度', 'Raise'))] },
  { name: 'infrastructure', label: t('基础设施建设', 'Infrastructure'),
    description: t('投资交通、农田水利或饮水设施。', 'Invests in transport, irrigation or drinking water.'),
    cost: 'yuanPerYear per county.', source: '三(三)',
    params: [oneOf('kind', 'transport', INFRASTRUCTURE_KINDS, t('类型', 'Kind')),
      num('yuanPerYear', 1e8, 0, 1e10, 'yuan/year', t('年投资', 'Yuan per year'))] },
  { name: 'education', label: t('教育扶贫', 'Schooling and nutrition'),
    description: t('12年免费教育；6月-6岁儿童营养干预。', '12-year free schooling; nutrition for children from 6 months to 6 years.'),
    cost: 'school cost × upper-secondary pupils if years12; 300 yuan per young child if nutrition.', source: '三(三)',
    params: [bool('years12', true, t('12年免费教育', '12-year free schooling')), bool('nutrition', true, t('营养干预', 'Child nutrition'))] },
  { name: 'medicalAssistance', label: t('医疗救助', 'Medical assistance'),
    description: t('在基本医保之外，为建档立卡户（未脱贫）和监测户报销一部分大病费用。', 'Covers a share of the illness cost of registered (not yet exited) and monitored near-poor households on top of basic insurance.'),
    cost: 'reimbursed cost.', source: '三(三)',
    params: [num('reimbursement', 0.4, 0, 1, 'share', t('报销比例', 'Reimbursement'))] },
  { name: 'socialFloor', label: t('低保兜底', 'Social floor (dibao)'),
    description: t('把受帮扶户（建档立卡户、帮扶期内的脱贫户、大数据监测下当年获帮扶的监测户；可选含全部监测的边缘户）人均收入补足到标准。', 'Tops up to a floor the per-capita income of supported households (registered, exited within support, and monitored households helped under big data; optionally every monitored near-poor household).'),
    cost: 'the top-ups paid.', source: '三(一)',
    params: [num('yuanPerPerson', 2300, 0, 10000, 'yuan/person/year', t('保障标准', 'Floor per person')),
      bool('nearPoor', false, t('覆盖边缘户', 'Cover the near-poor'))] },
  { name: 'industrySupport', label: t('产业扶持', 'Industry support'),
    description: t('补贴某一产业的产出，吸引农户转产。', 'Subsidises one industry\'s output; households imitate and switch into it.'),
    cost: 'yuanPerYear per county (spent as a per-output subsidy).', source: '二(一), 三(一)',
    params: [oneOf('industry', 'fruit', INDUSTRIES, t('产业', 'Industry')),
      num('yuanPerYear', 3e7, 0, 1e10, 'yuan/year', t('年补贴', 'Yuan per year'))] },
  { name: 'marketInsurance', label: t('农业保险', 'Market insurance'),
    description: t('对经营收入的价格和灾害损失投保。', 'Insures operating income against price falls and disaster losses.'),
    cost: 'indemnities paid plus a 20% loading.', source: '三(一)',
    params: [num('coverage', 0.7, 0, 1, 'share', t('覆盖比例', 'Coverage'))] },
  { name: 'fundIntegration', label: t('涉农资金整合', 'Fund integration'),
    description: t('允许县里统筹使用一部分专项资金。', 'Lets the county spend a share of earmarked funds where the return is highest.'),
    cost: 'none (reallocates existing money).', source: '二(四), 三(四)',
    params: [num('share', 0.5, 0, 1, 'share', t('整合比例', 'Integrated share'))] },
  { name: 'bigDataIdentification', label: t('大数据精准识别', 'Big-data identification'),
    description: t('动态、低误差识别贫困户和边缘户，减少填表。', 'Dynamic low-error identification of poor and at-risk households; less form-filling.'),
    cost: '20 yuan per household per year.', source: '三(四)', params: [] },
  { name: 'assessmentReform', label: t('考核减负', 'Assessment reform'),
    description: t('削减考核和填表时间。', 'Cuts assessment and form-filling time.'),
    cost: 'none.', source: '三(六)',
    params: [num('burdenCut', 0.5, 0, 1, 'share', t('减负比例', 'Burden cut'))] },
  { name: 'relocation', label: t('易地扶贫搬迁', 'Relocation'),
    description: t('把生态承载力低的村的农户搬到县城或平原县安置点。', 'Moves households from low-capacity villages to sites near the county seat or in a plain county.'),
    cost: 'relocation.costPerPerson × people moved, plus 3,000 yuan per worker placed with employment support.', source: '二(五), 三(五)',
    params: [oneOf('eligibility', 'registeredPoor', ['registeredPoor', 'wholeVillage'], t('对象', 'Eligibility')),
      num('maxPeople', 20000, 0, 1e7, 'people/year', t('每年最多搬迁人数', 'Max people per year')),
      bool('employmentSupport', true, t('就业扶持', 'Employment support')),
      oneOf('destination', 'countySeat', ['countySeat', 'plainCounty'], t('安置去向', 'Destination'))] },
  { name: 'ecoCompensation', label: t('生态补偿', 'Ecological compensation'),
    description: t('付费保护生态，恢复承载力。', 'Pays households for protection; restores carrying capacity.'),
    cost: 'yuanPerHousehold × households in the county that were not relocated.', source: '三(一)',
    params: [num('yuanPerHousehold', 1000, 0, 20000, 'yuan/household/year', t('户均补偿', 'Per household'))] },
  { name: 'ecoRangers', label: t('生态护林员', 'Eco-ranger jobs'),
    description: t('设置生态护林员岗位（由本措施付费），增加本地就业并保护生态。', 'Creates ranger jobs paid by the lever: local wage work and protection of the ecology.'),
    cost: 'jobs × 8,000 yuan.', source: '三(一)',
    params: [num('jobs', 500, 0, 1e5, 'jobs', t('岗位数', 'Jobs'))] },
  { name: 'ecoTourism', label: t('生态旅游', 'Eco-tourism'),
    description: t('旅游投资，回报取决于生态和交通。', 'Tourism investment; its return depends on ecology and transport.'),
    cost: 'yuanPerYear.', source: '三(五)',
    params: [num('yuanPerYear', 5e7, 0, 1e10, 'yuan/year', t('年投资', 'Yuan per year'))] },
  { name: 'policyPhaseOut', label: t('脱贫后政策退出', 'Policy phase-out'),
    description: t('脱贫后帮扶政策突然或逐步退出。', 'Withdraws poverty-specific support after exit, abruptly or gradually.'),
    cost: 'none (changes what is paid).', source: '二(二), 三(三)',
    params: [oneOf('mode', 'gradual', ['abrupt', 'gradual'], t('方式', 'Mode')),
      num('years', 3, 0, 10, 'years', t('过渡年数', 'Years'))] },
  { name: 'industryTilt', label: t('产业倾斜布局', 'Industry placement'),
    description: t('在县里布局带动能力强的产业。', 'Places industry with that many jobs in the county.'),
    cost: 'economy.capitalPerJob × jobs, spread over the lever\'s years.', source: '三(四)',
    params: [num('jobs', 2000, 0, 1e6, 'jobs', t('岗位数', 'Jobs'))] },
  { name: 'microcredit', label: t('扶贫小额信贷', 'Microcredit'),
    description: t('为建档立卡户提供小额信贷，用于生产。', 'Small loans for registered households, invested in production.'),
    cost: '10% a year of the debt of every ever-registered household in debt, up to the loan size (interest subsidy and defaults), whatever the debt came from.', source: '三(一)',
    params: [num('yuanPerHousehold', 30000, 0, 200000, 'yuan/household', t('户均贷款', 'Loan per household'))] },
  { name: 'laborExport', label: t('劳务输出组织', 'Organised labour export'),
    description: t('组织外出务工：降低迁移成本，提高城市就业概率。', 'Organised migration: lower moving cost, higher urban job chance.'),
    cost: '500 yuan per migrant placed.', source: '三(一)',
    params: [num('strength', 0.5, 0, 1, 'share', t('力度', 'Strength'))] },
  { name: 'supervision', label: t('资金监管', 'Fund supervision'),
    description: t('审计和公示，减少扶贫资金漏损。', 'Audits and publicity that cut leakage of poverty funds.'),
    cost: '0.5% of transfers.', source: '三(六)',
    params: [num('strength', 0.5, 0, 1, 'share', t('力度', 'Strength'))] },
  { name: 'participation', label: t('参与式扶贫', 'Participatory support'),
    description: t('帮扶与参与挂钩，激发内生动力。', 'Ties support to taking part; raises drive (内生动力).'),
    cost: '100 yuan per supported household (registered, or exited within support).', source: '三(二), 三(六)',
    params: [num('strength', 0.5, 0, 1, 'share', t('力度', 'Strength'))] },
  { name: 'earmarkedTransfers', label: t('专项扶贫资金', 'Earmarked poverty funds'),
    description: t('按类别下拨的扶贫专项资金：只能用于该类别，且受项目执行能力限制。', 'Category-bound poverty transfers: only for their category, only as fast as cadres run projects.'),
    cost: 'the transfer.', source: '二(一), 二(四)',
    params: [num('yuanPerCapita', 800, 0, 20000, 'yuan/resident/year', t('人均专项', 'Yuan per resident'))] },
] as const satisfies readonly LeverSpec[];

export type LeverName = (typeof LEVERS)[number]['name'];
export const LEVER_BY_NAME: ReadonlyMap<string, LeverSpec> = new Map(LEVERS.map((l) => [l.name, l as LeverSpec]));
