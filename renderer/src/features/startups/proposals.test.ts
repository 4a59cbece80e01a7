import { describe, expect, it } from 'vitest';
import { remainingProposals } from './proposals';

describe('the edit form and the values the desk proposed', () => {
  const stored = { industry: 'A', field: undefined, stage: 'early' as const, agreementEndsOn: '2028-02-29', proposed: ['industry' as const, 'agreementEndsOn' as const] };

  it('keeps a proposal the manager neither confirmed nor changed', () => {
    expect(remainingProposals(stored, { industry: 'A', stage: 'early', agreementEndsOn: '2028-02-29' }, [])).toEqual(['industry', 'agreementEndsOn']);
  });

  it('clears a proposal once confirmed, or once another value is set', () => {
    expect(remainingProposals(stored, { industry: 'A', agreementEndsOn: '2028-02-29' }, ['industry'])).toEqual(['agreementEndsOn']);
    expect(remainingProposals(stored, { industry: 'I', agreementEndsOn: '2027-12-31' }, [])).toEqual([]);
  });

  it('has nothing to keep for a record without proposals, or a new one', () => {
    expect(remainingProposals({ ...stored, proposed: undefined }, { industry: 'A' }, [])).toEqual([]);
    expect(remainingProposals(undefined, { industry: 'A' }, [])).toEqual([]);
  });
});
