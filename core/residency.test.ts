import { describe, expect, it } from 'vitest';
import { defaultRuleSet } from './records';
import { freeSpaceUse, qualifiesForFreeResidency } from './residency';

describe('free residency (clause 十)', () => {
  const veteran = [{ keyGroups: ['veteran' as const] }];
  it('qualifies a young startup with a key-group founder', () => {
    expect(qualifiesForFreeResidency({ registeredOn: '2023-06-01', admittedOn: '2026-05-31' }, veteran)).toBe(true);
  });
  it('does not qualify one registered more than three years before admission', () => {
    expect(qualifiesForFreeResidency({ registeredOn: '2023-06-01', admittedOn: '2026-06-03' }, veteran)).toBe(false);
  });
  it('needs a founder in a policy key group ("other" is not one)', () => {
    expect(qualifiesForFreeResidency({ admittedOn: '2026-01-01' }, [{ keyGroups: ['other'] }])).toBe(false);
    expect(qualifiesForFreeResidency({ admittedOn: '2026-01-01' }, [])).toBe(false);
    expect(qualifiesForFreeResidency({ admittedOn: '2026-01-01' }, veteran)).toBe(true);
  });
  it('measures the free-space share used', () => {
    const use = freeSpaceUse({ area: 1000, rules: defaultRuleSet }, [
      { area: 60, feeWaived: true },
      { area: 90, feeWaived: true },
      { area: 500, feeWaived: false },
    ]);
    expect(use).toEqual({ used: 150, reserved: 300, share: 0.5 });
  });
});
