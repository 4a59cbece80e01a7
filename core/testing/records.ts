import type { Evaluation, Founder, Mentor, Report, Session, Startup } from '../records';

/** Record builders for tests: plain valid records with zeros and defaults, shaped by the overrides given. */
const at = '2026-01-01T00:00:00.000Z';

export const aStartup = (id: string, over: Partial<Startup> = {}): Startup => ({
  id,
  updatedAt: at,
  name: id,
  entityType: 'enterprise',
  industry: 'I',
  field: 'digital',
  stage: 'early',
  admittedOn: '2025-01-01',
  agreementEndsOn: '2027-12-31',
  area: 100,
  feeWaived: false,
  keyProject: false,
  status: 'resident',
  ...over,
});

export const aReport = (startupId: string, period: string, over: Partial<Report> = {}): Report => ({
  id: `${startupId}-${period}`,
  updatedAt: at,
  startupId,
  period,
  employees: 0,
  keyGroupHires: 0,
  newGraduateHires: 0,
  insuredEmployees: 0,
  revenue: 0,
  netProfit: 0,
  taxPaid: 0,
  rdSpend: 0,
  ipApplied: 0,
  inventionPatentsGranted: 0,
  otherIpGranted: 0,
  financing: 0,
  guaranteeLoans: 0,
  equityFinancing: 0,
  subsidies: 0,
  ...over,
});

export const aFounder = (id: string, startupId: string, over: Partial<Founder> = {}): Founder => ({
  id,
  updatedAt: at,
  startupId,
  name: id,
  idNumber: '11010519491231002X',
  keyGroups: [],
  firstTime: true,
  trainingCertified: false,
  ...over,
});

export const aMentor = (id: string, over: Partial<Mentor> = {}): Mentor => ({ id, updatedAt: at, name: id, kind: 'coach', expertise: [], active: true, ...over });

export const aSession = (id: string, startsAt: string, over: Partial<Session> = {}): Session => ({
  id,
  updatedAt: at,
  kind: 'appointment',
  mentorIds: ['m1'],
  startupIds: ['s1'],
  startsAt,
  durationMinutes: 60,
  mode: 'onsite',
  topics: [],
  actionItems: [],
  status: 'held',
  ...over,
});

export const anEvaluation = (startupId: string, period: string, grade: Evaluation['grade'], over: Partial<Evaluation> = {}): Evaluation => ({
  id: `${startupId}-e-${period}-${over.revision ?? 1}`,
  updatedAt: at,
  startupId,
  period,
  templateId: 't',
  templateVersion: 1,
  revision: 1,
  items: [],
  total: grade === 'fail' ? 40 : 75,
  grade,
  status: 'finalized',
  ...over,
});
