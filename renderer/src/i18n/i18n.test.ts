import { describe, expect, it } from 'vitest';
import { zh } from './zh';
import { en } from './en';

const features = import.meta.glob<{ zh: object; en: object }>('../features/*/i18n.ts', { eager: true });

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v as object, `${prefix}${k}.`))).sort();
}

describe('translations', () => {
  it('English has every key Chinese has, in the shell and in every feature', () => {
    expect(keys(en)).toEqual(keys(zh));
    for (const [path, mod] of Object.entries(features)) expect(keys(mod.en), path).toEqual(keys(mod.zh));
  });
  it('no English string is left empty', () => {
    const values = (obj: object): string[] => Object.values(obj).flatMap((v) => (typeof v === 'string' ? [v] : values(v as object)));
    expect(values(en).filter((v) => v.trim() === '')).toEqual([]);
  });
});
