import type { CarrierStatus } from '../db/schema';

/** What the console's JSON API answers; the service and the console's bundle share these shapes. */

export interface AccountView {
  login: string;
  scope: string;
  role: 'viewer' | 'officer';
  /** Sent back in the x-console-csrf header on every state-changing request. */
  csrf: string;
}

export interface CarrierRow {
  code: string;
  name: string;
  status: CarrierStatus;
  regionCode: string | null;
  line: string | null;
  level: string | null;
}

export interface Resident {
  startupId: string;
  rosterId: string | null;
  name: string;
  creditCode: string | null;
  status: string;
  admittedOn: string;
  verification: 'verified' | 'mismatch' | null;
  verificationNote: string | null;
  keyProjectDesignated: boolean;
  founders: { id: string; name: string; idNumberMasked: string }[];
}

export const auditActions = [
  'carrier.create',
  'carrier.token',
  'carrier.joinCode',
  'carrier.status',
  'startup.verification',
  'startup.keyProject',
  'founder.reveal',
  'template.publish',
  'template.retire',
] as const;
export type AuditAction = (typeof auditActions)[number];

export interface AuditEntry {
  id: number;
  at: string;
  login: string;
  action: AuditAction;
  carrierCode: string | null;
  detail: Record<string, unknown>;
}

/** A startup waiting for verification: never verified, or changed by its desk since. */
export interface QueueItem {
  carrierCode: string;
  carrierName: string;
  startupId: string;
  name: string;
  creditCode: string | null;
  /** When the desk last pushed it: the queue is oldest first. */
  changedAt: string;
  reason: 'new' | 'changed';
  lastResult: 'verified' | 'mismatch' | null;
}

export interface QueuePage {
  items: QueueItem[];
  /** Pass back as `after` for the next page; null on the last one. */
  next: string | null;
}

/** A carrier the authority placed in one region whose own desk reports another (region rule: README). */
export interface RegionMismatch {
  carrierCode: string;
  carrierName: string;
  /** Where the authority registered it: this decides whose scope it is in. */
  authorityRegion: string;
  /** What the carrier's desk pushed in its own carrier record. */
  reportedRegion: string;
}

export type Grade = 'excellent' | 'good' | 'pass' | 'fail';

/** A rate with its counts and the official threshold it is judged against (core's Figure). */
export interface RateFigure {
  value: number;
  of?: { numerator: number; denominator: number };
  threshold?: number;
  /** Absent where there was nothing to rate (0 of 0). */
  meets?: boolean;
}

/** One region a level below the one asked for, or (in a county) one carrier; 'unplaced' carriers are the nation's alone. */
export interface FiguresRow {
  /** A region code, a carrier code, or 'unplaced'. */
  key: string;
  kind: 'region' | 'carrier' | 'unplaced';
  /** The carrier's name on carrier rows. */
  name: string | null;
  carriers: number;
  /** Resident startups now. */
  residents: number;
  /** Admitted in the period. */
  admitted: number;
  exited: number;
  exitsByKind: Record<string, number>;
  /** Employees in each carrier's latest reported quarter within the period. */
  jobs: number;
  successRate: RateFigure;
  onTimeExitRate: RateFigure;
  /** Finalized evaluations of periods within the period, by grade. */
  grades: Record<Grade, number>;
}

export interface FiguresView {
  /** 2026 or 2026Q3. */
  period: string;
  /** 'nation' or the region code asked for. */
  region: string;
  rows: FiguresRow[];
  total: FiguresRow;
  thresholds: { successRate: number; onTimeExitRate: number };
}

/** A finding's record at a carrier inside the account's scope; those outside it are only counted (`elsewhere`). */
export interface FindingHolder {
  carrierCode: string;
  carrierName: string;
  startupId: string;
  /** The startup's name (credit codes) or the founder's (founders). */
  name: string;
}

/** The same credit code resident at two carriers or more. */
export interface CreditCodeFindingView {
  creditCode: string;
  holders: FindingHolder[];
  /** Carriers holding it outside the account's scope. */
  elsewhere: number;
}

/** One person (ID number, masked) founder at several carriers. */
export interface FounderFindingView {
  idNumberMasked: string;
  founders: (FindingHolder & { founderId: string })[];
  elsewhere: number;
}

export interface FindingsView<F> {
  findings: F[];
  /** Pass back as `after` for the next page; null on the last one. */
  next: string | null;
}

/** An evaluation template version as the roster last published it to every desk. */
export interface PublishedTemplate {
  id: string;
  name: string;
  version: number;
  periodKind: 'quarter' | 'half' | 'year';
  indicators: number;
  retired: boolean;
  /** When the roster last published it (or retired it). */
  at: string;
  /** The whole template, as desks receive it. */
  template: Record<string, unknown>;
}
