import type { LeverName } from './registry';

/** Chinese cost rules of the levers. Typed by LeverName: none can be missing. */
export const LEVER_COST_ZH: Record<LeverName, string> = {
  "registration": "人均帮扶 × 受帮扶人数（按各户的帮扶比例）：建档立卡户、帮扶期内的脱贫户（逐步退出时帮扶比例递减）以及大数据监测下当年获得帮扶的监测户。人均帮扶为 benefitYuanPerPerson；逐步退出的过渡期内为最后一年的标准逐年递减至零。",
  "teacherPay": "raise × 教师工资 × 在岗教师数。",
  "doctorPay": "raise × 医生工资 × 在岗医生数。",
  "cadrePay": "raise × 干部工资 × 在岗干部数。",
  "infrastructure": "每县 yuanPerYear。",
  "education": "启用 years12 时：高中就学费用 × 高中学生数；启用 nutrition 时：每名幼儿300元。",
  "medicalAssistance": "实际报销的费用。",
  "socialFloor": "实际发放的补差金额。",
  "industrySupport": "每县 yuanPerYear（按产出补贴的形式支出）。",
  "marketInsurance": "已支付的赔款加20%的附加费用。",
  "fundIntegration": "无（调整现有资金用途）。",
  "bigDataIdentification": "每户每年20元。",
  "assessmentReform": "无。",
  "relocation": "relocation.costPerPerson × 搬迁人数，加上每名获就业扶持安置的劳动力3,000元。",
  "ecoCompensation": "yuanPerHousehold × 本县未搬迁的户数。",
  "ecoRangers": "jobs × 8,000元。",
  "ecoTourism": "yuanPerYear（年投资额）。",
  "policyPhaseOut": "无（改变发放内容）。",
  "industryTilt": "economy.capitalPerJob × jobs，分摊到该措施实施的各年。",
  "microcredit": "每个曾建档立卡且有负债的农户，按其负债（以户均贷款额为上限）每年计10%（贴息和违约损失），不论负债来源。",
  "laborExport": "每组织输出一名外出务工者500元。",
  "supervision": "转移支付的0.5%。",
  "participation": "每个受帮扶户（建档立卡户或仍在帮扶期内的脱贫户）100元。",
  "earmarkedTransfers": "转移支付金额本身。",
};
