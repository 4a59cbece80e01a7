import { z } from 'zod';
import { claimStates, supportIds } from '../supports/ids';
import { isoDate, money, recordBase, text } from './common';

/** States that come after a decision, and so need its date and the amount granted. */
const decided = ['granted', 'paid', 'defaulted'] as const;

/**
 * A claim of a support (扶持申请) by a startup or one of its founders, carried from preparation to payment.
 * `cap` and `qualified` are fixed when the claim is saved, from the rule set version it names, so the
 * roster checks the same limits the desk did.
 */
export const claimSchema = z
  .object({
    ...recordBase,
    support: z.enum(supportIds, 'v.required'),
    startupId: z.string().min(1, 'v.startupRequired'),
    /** The applicant founder, for the supports a person claims (tax relief, loans, flexible insurance). */
    founderId: z.string().min(1).optional(),
    amountAsked: money,
    /** The most the support pays (its fixed sum, cap or per-hire sum) under `rulesVersion`. */
    cap: money.optional(),
    /** Document keys (supports.doc.*) checked off as in hand. */
    documents: z.array(z.string().max(40)),
    state: z.enum(claimStates, 'v.required'),
    submittedOn: isoDate.optional(),
    decidedOn: isoDate.optional(),
    amountGranted: money.optional(),
    paidOn: isoDate.optional(),
    /** A loan's renewal (due) date or a subsidy's reporting duty. */
    remindOn: isoDate.optional(),
    /** Whether the applicant met every condition when the claim was saved; if not, `reason` says why it is made. */
    qualified: z.boolean(),
    reason: text(500).optional(),
    rulesVersion: z.number().int().min(1),
    note: text(1000).optional(),
  })
  .superRefine((c, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (c.cap !== undefined && c.amountAsked > c.cap) issue('amountAsked', 'v.claim.aboveCap');
    if (c.amountGranted !== undefined && c.amountGranted > c.amountAsked) issue('amountGranted', 'v.claim.grantedAboveAsked');
    if (!c.qualified && !c.reason) issue('reason', 'v.claim.reasonRequired');
    if (c.state !== 'preparing' && c.state !== 'withdrawn' && !c.submittedOn) issue('submittedOn', 'v.claim.submittedOnRequired');
    if ((decided as readonly string[]).includes(c.state) || c.state === 'rejected') {
      if (!c.decidedOn) issue('decidedOn', 'v.claim.decidedOnRequired');
    }
    if ((decided as readonly string[]).includes(c.state) && c.amountGranted === undefined) issue('amountGranted', 'v.claim.amountGrantedRequired');
    if ((c.state === 'paid' || c.state === 'defaulted') && !c.paidOn) issue('paidOn', 'v.claim.paidOnRequired');
    if (c.submittedOn && c.decidedOn && c.decidedOn < c.submittedOn) issue('decidedOn', 'v.claim.decidedBeforeSubmitted');
    if (c.decidedOn && c.paidOn && c.paidOn < c.decidedOn) issue('paidOn', 'v.claim.paidBeforeDecided');
  });
export type Claim = z.infer<typeof claimSchema>;
