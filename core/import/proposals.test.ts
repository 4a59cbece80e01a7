import { describe, expect, it } from 'vitest';
import type { Startup } from '../records';
import { mergeProposed } from './proposals';

const stored: Startup = {
  id: 's1',
  updatedAt: '2025-01-01T00:00:00.000Z',
  name: '临安青禾农业科技有限公司',
  entityType: 'enterprise',
  creditCode: '91330185MA2C3R177A',
  industry: 'C',
  field: 'agriculture',
  admittedOn: '2023-05-06',
  agreementEndsOn: '2025-05-05',
  area: 60,
  feeWaived: false,
  keyProject: false,
  status: 'resident',
  proposed: ['agreementEndsOn'],
};

describe('a re-imported row over the startup the desk holds', () => {
  it('keeps what the desk has where the row only proposes, and fills in what it lacks', () => {
    const incoming: Startup = { ...stored, industry: 'A', field: undefined, stage: undefined, agreementEndsOn: '2026-05-06', area: 80, proposed: ['industry', 'agreementEndsOn'] };
    delete incoming.field;
    delete incoming.stage;
    const merged = mergeProposed(stored, incoming);
    expect(merged).toMatchObject({ industry: 'C', field: 'agriculture', agreementEndsOn: '2025-05-05', area: 80, proposed: ['agreementEndsOn'] });
    expect(merged).not.toHaveProperty('stage');
    const { industry: _, ...withoutIndustry } = stored;
    expect(mergeProposed(withoutIndustry, incoming)).toMatchObject({ industry: 'A', proposed: ['industry', 'agreementEndsOn'] });
  });

  it('takes a value the file gives, no longer proposed', () => {
    const incoming: Startup = { ...stored, agreementEndsOn: '2026-12-31', stage: 'growth' };
    delete incoming.proposed;
    const merged = mergeProposed(stored, incoming);
    expect(merged).toMatchObject({ agreementEndsOn: '2026-12-31', stage: 'growth', industry: 'C' });
    expect(merged).not.toHaveProperty('proposed');
  });
});
