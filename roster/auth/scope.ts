import { z } from 'zod';

/** 'nation', or a region code prefix: 2 digits a province, 4 a city, 6 a county. */
export const scopeInput = z.string().regex(/^(nation|\d{2}|\d{4}|\d{6})$/, 'scope: nation, or a region code of 2, 4 or 6 digits');
export const roleInput = z.enum(['viewer', 'officer']);
export type Role = z.infer<typeof roleInput>;

/** The carriers' region code, as the desk's carrier record writes it. */
export const regionCode = z.string().regex(/^\d{6}$/, 'region code: 6 digits');

export function inScope(scope: string, region: string | null | undefined): boolean {
  return scope === 'nation' || (region ?? '').startsWith(scope);
}
