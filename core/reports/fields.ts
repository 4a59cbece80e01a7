import type { Report } from '../records';

/** The figures of an operating report, in the order of the official form. */
export const countFields = ['employees', 'keyGroupHires', 'newGraduateHires', 'insuredEmployees', 'ipApplied', 'inventionPatentsGranted', 'otherIpGranted'] as const;
export const moneyFields = ['revenue', 'netProfit', 'taxPaid', 'rdSpend', 'financing', 'guaranteeLoans', 'equityFinancing', 'subsidies'] as const;
export const reportFigures = [
  'employees',
  'keyGroupHires',
  'newGraduateHires',
  'insuredEmployees',
  'revenue',
  'netProfit',
  'taxPaid',
  'rdSpend',
  'ipApplied',
  'inventionPatentsGranted',
  'otherIpGranted',
  'financing',
  'guaranteeLoans',
  'equityFinancing',
  'subsidies',
] as const satisfies readonly (keyof Report)[];
export type ReportFigure = (typeof reportFigures)[number];

export const isMoney = (field: ReportFigure) => (moneyFields as readonly string[]).includes(field);
