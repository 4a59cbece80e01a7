import { describe, expect, it } from 'vitest';
import { auditActions } from '../../http/consoleApi';
import { en, zh } from './messages';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v as object, `${prefix}${k}.`))).sort();
}
const values = (obj: object): string[] => Object.values(obj).flatMap((v) => (typeof v === 'string' ? [v] : values(v as object)));

describe("the console's translations", () => {
  it('English has every key Chinese has, none empty, and a name for every audited action', () => {
    expect(keys(en)).toEqual(keys(zh));
    expect(values(en).filter((v) => v.trim() === '')).toEqual([]);
    expect(Object.keys(zh.audit.actions).sort()).toEqual([...auditActions].sort());
  });
});
