import type { Exit, Startup } from '../records';

const REASON_OF: Partial<Record<NonNullable<Startup['exitKind']>, Exit['reasons'][number]>> = {
  graduated: 'criteriaMet',
  expired: 'agreementEnded',
  voluntary: 'ownRequest',
  deregistered: 'deregistration',
};

const daysBefore = (iso: string, days: number) => new Date(Date.parse(iso) - days * 86_400_000).toISOString().slice(0, 10);

/**
 * The demo's exit decisions: each startup that left has its approved decision (proposed two weeks
 * before it took effect), and the resident whose agreement ended longest ago has one still proposed,
 * for the manager to decide. Their ids carry the startup's, so demo ones carry the demo prefix.
 */
export function demoExits(startups: readonly Startup[], today: string, operator: string): Exit[] {
  const decided = startups
    .filter((s) => s.status === 'exited' && s.exitKind && s.exitedOn)
    .map(
      (s): Exit => ({
        id: `${s.id}-exit`,
        updatedAt: `${s.exitedOn}T08:00:00.000Z`,
        startupId: s.id,
        kind: s.exitKind!,
        reasons: REASON_OF[s.exitKind!] ? [REASON_OF[s.exitKind!]!] : [],
        evidence: [],
        proposedOn: daysBefore(s.exitedOn!, 14),
        proposedBy: operator,
        decidedOn: daysBefore(s.exitedOn!, 3),
        decidedBy: operator,
        status: 'approved',
        effectiveOn: s.exitedOn,
      }),
    );
  const overdue = startups.filter((s) => s.status === 'resident' && s.agreementEndsOn < today).sort((a, b) => (a.agreementEndsOn < b.agreementEndsOn ? -1 : 1))[0];
  if (!overdue) return decided;
  const proposed: Exit = {
    id: `${overdue.id}-exit`,
    updatedAt: `${today}T08:00:00.000Z`,
    startupId: overdue.id,
    kind: 'expired',
    reasons: ['agreementEnded'],
    note: '入驻协议已到期，企业申请办理出园。',
    evidence: [],
    proposedOn: daysBefore(today, 5),
    proposedBy: operator,
    status: 'proposed',
  };
  return [...decided, proposed];
}
