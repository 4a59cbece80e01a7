import type { Grade } from '../scoring/score';
import type { Random } from './random';

type Range = readonly [min: number, max: number];

/**
 * How a resident drawn to earn a grade runs: the ranges its quarterly figures are drawn from. Tuned so
 * the default resident template, with the manual item scored as `compliance` says, gives each grade to
 * most of its residents (generate.test.ts states the shares); the rest land in a neighbouring grade.
 */
export interface Profile {
  employees: Range;
  /** Key-group and new-graduate hires as a share of employees. */
  hires: Range;
  insured: Range;
  /** A quarter's revenue in the first reported quarter, yuan. */
  revenue: Range;
  /** Revenue growth over a year. */
  growth: Range;
  taxRate: Range;
  /** R&D as a share of revenue (startups in digital and AI fields spend more). */
  rd: Range;
  /** Chance per quarter of a granted invention patent, and of other granted IP (1–2 items). */
  patent: number;
  otherIp: number;
  /** Chance per quarter of financing, and its amount. */
  financed: number;
  financing: Range;
  /** How many times as likely as a resident of the lowest grade to be met in a mentor session. */
  engagement: number;
  /** Chance of missing a quarter's report. */
  missed: number;
  /** The manual item 团队与规范经营 (of 10) as the demo's evaluator scores it. */
  compliance: Range;
}

export const profiles: Record<Grade, Profile> = {
  excellent: {
    employees: [17, 30],
    hires: [0.32, 0.55],
    insured: [0.93, 1],
    revenue: [2_000_000, 4_000_000],
    growth: [0.6, 1],
    taxRate: [0.03, 0.045],
    rd: [0.08, 0.12],
    patent: 0.95,
    otherIp: 0.9,
    financed: 0.9,
    financing: [2_000_000, 3_500_000],
    engagement: 7,
    missed: 0,
    compliance: [9, 10],
  },
  good: {
    employees: [14, 20],
    hires: [0.3, 0.5],
    insured: [0.92, 1],
    revenue: [1_200_000, 2_000_000],
    growth: [0.4, 0.7],
    taxRate: [0.03, 0.04],
    rd: [0.04, 0.07],
    patent: 0.25,
    otherIp: 1,
    financed: 0.5,
    financing: [600_000, 1_500_000],
    engagement: 5,
    missed: 0.01,
    compliance: [8, 10],
  },
  pass: {
    employees: [12, 16],
    hires: [0.3, 0.45],
    insured: [0.85, 1],
    revenue: [800_000, 1_300_000],
    growth: [0.2, 0.45],
    taxRate: [0.03, 0.045],
    rd: [0.015, 0.04],
    patent: 0,
    otherIp: 0.45,
    financed: 0.12,
    financing: [300_000, 600_000],
    engagement: 4,
    missed: 0.01,
    compliance: [7, 9],
  },
  fail: {
    employees: [3, 7],
    hires: [0.1, 0.3],
    insured: [0.5, 0.8],
    revenue: [150_000, 400_000],
    growth: [-0.2, 0.1],
    taxRate: [0.01, 0.02],
    rd: [0, 0.01],
    patent: 0,
    otherIp: 0,
    financed: 0,
    financing: [0, 0],
    engagement: 2,
    missed: 0.12,
    compliance: [4, 7],
  },
};

/**
 * The grades residents are drawn to earn, 40 at a time: 6 优秀, 14 良好, 17 合格, 3 不合格; some land
 * in a neighbouring grade, and those who miss a report fail. Dealt by a stride that visits every place
 * once in 40, so a small demo has the mix too.
 */
const DECK: readonly Grade[] = [...Array<Grade>(6).fill('excellent'), ...Array<Grade>(14).fill('good'), ...Array<Grade>(17).fill('pass'), ...Array<Grade>(3).fill('fail')];
export const gradeDrawn = (i: number): Grade => DECK[(i * 17) % DECK.length]!;

export const within = (r: Random, [min, max]: Range) => min + r.next() * (max - min);
