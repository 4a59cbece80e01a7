import { describe, expect, it } from 'vitest';
import { founderSchema } from './founder';
import { startupSchema } from './startup';

// Every writer (form, import, bulk edit, sync) validates with these schemas, so each stores one spelling.
describe('names in records', () => {
  it('are kept normalised by the startup and founder schemas', () => {
    const startup = startupSchema.parse({
      id: 's',
      updatedAt: '2025-01-01T00:00:00Z',
      name: '杭州 云帆 ＡＩ 科技',
      entityType: 'team',
      admittedOn: '2025-01-01',
      agreementEndsOn: '2027-12-31',
      area: 0,
      feeWaived: false,
      keyProject: false,
      status: 'resident',
      contactName: 'Anna  Müller',
    });
    expect([startup.name, startup.contactName]).toEqual(['杭州云帆AI科技', 'Anna Müller']);
    const founder = founderSchema.parse({ id: 'f', updatedAt: '2025-01-01T00:00:00Z', startupId: 's', name: '李 娟', idNumber: '11010519491231002X', keyGroups: [], firstTime: true, trainingCertified: false });
    expect(founder.name).toBe('李娟');
  });
});
