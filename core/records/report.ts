import { z } from 'zod';
import { count, money, recordBase, signedMoney } from './common';

/** A reporting period: 2025Q3 (quarter), 2025H1 (half year) or 2025 (year). */
export const period = z.string().regex(/^\d{4}(Q[1-4]|H[12])?$/, 'v.period');

export const reportSchema = z
  .object({
    ...recordBase,
    startupId: z.string().min(1),
    period,
    employees: count,
    keyGroupHires: count,
    newGraduateHires: count,
    insuredEmployees: count,
    revenue: money,
    netProfit: signedMoney,
    taxPaid: money,
    rdSpend: money,
    ipApplied: count,
    inventionPatentsGranted: count,
    otherIpGranted: count,
    financing: money,
    guaranteeLoans: money,
    equityFinancing: money,
    subsidies: money,
    /** 高新技术企业 or 科技型中小企业 at the period's end (the science-line template scores it). */
    highTech: z.boolean().optional(),
  })
  .superRefine((r, ctx) => {
    // "Of which" never exceeds its total, as on the official forms.
    const ofWhich: [keyof typeof r, keyof typeof r][] = [
      ['keyGroupHires', 'employees'],
      ['newGraduateHires', 'employees'],
      ['insuredEmployees', 'employees'],
      ['guaranteeLoans', 'financing'],
      ['equityFinancing', 'financing'],
    ];
    for (const [part, total] of ofWhich) {
      if ((r[part] as number) > (r[total] as number)) {
        ctx.addIssue({ code: 'custom', path: [part], message: `v.ofWhich.${part}` });
      }
    }
    if (r.guaranteeLoans + r.equityFinancing > r.financing) {
      ctx.addIssue({ code: 'custom', path: ['equityFinancing'], message: 'v.ofWhich.financingSum' });
    }
  });
export type Report = z.infer<typeof reportSchema>;
