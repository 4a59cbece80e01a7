import type { Indicator, Template } from '../records';

/** A template version's record id: the family it belongs to and its version (`resident@2`). */
export const templateId = (family: string, version: number) => `${family}@${version}`;
export function familyOf(id: string): string {
  const at = id.lastIndexOf('@');
  return at > 0 ? id.slice(0, at) : id;
}

/** DOMAIN.md's grade bands (local defaults). */
export const defaultGrades: Template['grades'] = [
  { grade: 'excellent', min: 85 },
  { grade: 'good', min: 70 },
  { grade: 'pass', min: 60 },
  { grade: 'fail', min: 0 },
];

const sessions: Indicator = {
  key: 'services',
  label: '参与孵化服务',
  group: '孵化服务',
  max: 10,
  rule: { kind: 'threshold', metric: 'sessionsHeld', min: 1, base: 4, perUnit: 2, cap: 8 },
  bonus: { metric: 'actionItemsDoneShare', atLeast: 0.8, points: 2 },
};

const compliance: Indicator = {
  key: 'compliance',
  label: '团队与规范经营',
  group: '规范经营',
  max: 10,
  rule: { kind: 'manual', rubric: '团队完整稳定；在孵化场地实际经营；遵守入驻协议。' },
};

const growth = (max: number, points: [number, number, number, number], whenMissing: number): Indicator => ({
  key: 'growth',
  label: '经营成长',
  group: '经营发展',
  max,
  rule: {
    kind: 'bands',
    metric: 'revenueGrowth',
    // Growth cannot fall below −100% (revenue is never negative), so −1 catches every decline.
    bands: [
      { min: 0.5, points: points[0] },
      { min: 0.2, points: points[1] },
      { min: 0, points: points[2] },
      { min: -1, points: points[3] },
    ],
    whenMissing,
  },
});

/** The default resident template, exactly DOMAIN.md's table (100 points). */
export const residentTemplate: Template = {
  id: templateId('resident', 1),
  updatedAt: '2025-01-01T00:00:00.000Z',
  name: '在孵企业绩效评价·默认',
  version: 1,
  periodKind: 'quarter',
  grades: defaultGrades,
  indicators: [
    { key: 'jobs', label: '带动就业', group: '就业带动', max: 20, rule: { kind: 'threshold', metric: 'employees', min: 3, base: 8, perUnit: 1 } },
    {
      key: 'keyGroups',
      label: '重点群体吸纳',
      group: '就业带动',
      max: 10,
      rule: { kind: 'ratio', metric: 'keyGroupShare', bands: [{ min: 0.3, points: 10 }, { min: 0.15, points: 6 }, { min: 0, points: 3, above: true }] },
    },
    growth(15, [15, 11, 7, 2], 7),
    { key: 'tax', label: '纳税', group: '经营发展', max: 5, rule: { kind: 'linear', metric: 'taxPaid', unit: 10_000, pointsPerUnit: 1 } },
    {
      key: 'insured',
      label: '社保',
      group: '就业带动',
      max: 5,
      rule: { kind: 'ratio', metric: 'insuredShare', bands: [{ min: 0.9, points: 5 }, { min: 0.6, points: 3 }, { min: 0, points: 1, above: true }] },
    },
    { key: 'ip', label: '创新能力', group: '创新能力', max: 10, rule: { kind: 'linear', metric: 'weightedIpGranted', unit: 1, pointsPerUnit: 1 } },
    {
      key: 'rd',
      label: '研发投入',
      group: '创新能力',
      max: 5,
      rule: { kind: 'ratio', metric: 'rdShare', bands: [{ min: 0.05, points: 5 }, { min: 0.03, points: 3 }, { min: 0, points: 1, above: true }] },
    },
    { key: 'financing', label: '融资', group: '经营发展', max: 10, rule: { kind: 'linear', metric: 'financing', unit: 300_000, pointsPerUnit: 1 } },
    sessions,
    compliance,
  ],
};

/**
 * The science line (科技企业孵化器, 众创空间): high-tech status, IP and R&D weigh more, and equity
 * financing is scored against the graduation rule's ¥5M.
 */
export const scienceTemplate: Template = {
  id: templateId('science', 1),
  updatedAt: '2025-01-01T00:00:00.000Z',
  name: '科技企业孵化器在孵企业评价·默认',
  version: 1,
  periodKind: 'quarter',
  grades: defaultGrades,
  indicators: [
    { key: 'highTech', label: '高新技术企业/科技型中小企业', group: '科技属性', max: 15, rule: { kind: 'bands', metric: 'highTech', bands: [{ min: 1, points: 15 }] } },
    { key: 'ip', label: '创新能力', group: '科技属性', max: 20, rule: { kind: 'linear', metric: 'weightedIpGranted', unit: 1, pointsPerUnit: 2 } },
    {
      key: 'rd',
      label: '研发投入',
      group: '科技属性',
      max: 15,
      rule: { kind: 'ratio', metric: 'rdShare', bands: [{ min: 0.1, points: 15 }, { min: 0.05, points: 10 }, { min: 0.03, points: 6 }, { min: 0, points: 3, above: true }] },
    },
    { key: 'jobs', label: '带动就业', group: '就业带动', max: 10, rule: { kind: 'threshold', metric: 'employees', min: 3, base: 5, perUnit: 1 } },
    growth(10, [10, 8, 5, 1], 5),
    {
      key: 'equity',
      label: '累计股权融资',
      group: '经营发展',
      max: 10,
      rule: { kind: 'bands', metric: 'equityFinancingTotal', bands: [{ min: 5_000_000, points: 10, above: true }, { min: 2_000_000, points: 7 }, { min: 0, points: 4, above: true }] },
    },
    sessions,
    compliance,
  ],
};

export const defaultTemplates: readonly Template[] = [residentTemplate, scienceTemplate];
