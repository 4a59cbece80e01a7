/**
 * How a value or points were reached: steps that each name an i18n key (under `evaluations.evidence.`)
 * and its parameters. Numbers are left for the screen to format; shares arrive as ready "33.3%" text.
 */
export interface Step {
  key: string;
  params?: Record<string, string | number>;
}

/** An evaluation item keeps its evidence as one string (the record schema), this JSON. */
export const encodeEvidence = (steps: readonly Step[]): string => JSON.stringify(steps);

export function decodeEvidence(evidence: string): Step[] {
  try {
    const parsed: unknown = JSON.parse(evidence);
    return Array.isArray(parsed) ? (parsed as Step[]) : [];
  } catch {
    return [];
  }
}

/** 0.3333 → "33.3%". */
export const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

/** Points are kept to two decimals so 0.1 × 3 shows as 0.3, not 0.30000000000000004. */
export const round2 = (x: number) => Math.round(x * 100) / 100;
