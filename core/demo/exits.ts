import { exitCandidates } from '../exits/candidates';
import { defaultRuleSet, type Exit, type Startup } from '../records';

const REASON_OF: Partial<Record<NonNullable<Startup['exitKind']>, Exit['reasons'][number]>> = {
  graduated: 'criteriaMet',
  expired: 'agreementEnded',
  voluntary: 'ownRequest',
  deregistered: 'deregistration',
};

const daysBefore = (iso: string, days: number) => new Date(Date.parse(iso) - days * 86_400_000).toISOString().slice(0, 10);

/**
 * The demo's exit decisions: each startup that left has its approved decision (proposed two weeks
 * before it took effect), and one resident whose time is up has one still proposed, for the manager
 * to decide. Their ids carry the startup's, so demo ones carry the demo prefix.
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
  // The manager has taken up the desk's first suggestion that a resident's time is up.
  const due = exitCandidates({ startups, reports: [], evaluations: [], rules: defaultRuleSet, line: 'hrss', today }).find((c) => c.rule === 'periodEnded' || c.rule === 'agreementEnded');
  if (!due) return decided;
  const proposed: Exit = {
    id: `${due.startupId}-exit`,
    updatedAt: `${today}T08:00:00.000Z`,
    startupId: due.startupId,
    kind: 'expired',
    reasons: [due.rule === 'periodEnded' ? 'periodEnded' : 'agreementEnded'],
    note: due.rule === 'periodEnded' ? '孵化期已满，企业同意按期出园。' : '入驻协议已到期，企业同意办理出园。',
    evidence: [],
    proposedOn: daysBefore(today, 5),
    proposedBy: operator,
    status: 'proposed',
  };
  return [...decided, proposed];
}
