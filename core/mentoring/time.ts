/** Instants are compared as epoch milliseconds, so stored offsets (Z or +08:00) never matter. */
export const DAY_MS = 86_400_000;

export const endOf = (s: { startsAt: string; durationMinutes: number }) => Date.parse(s.startsAt) + s.durationMinutes * 60_000;

/** Whole days from `from` to `to` (both instants); partial days do not count. */
export const daysBetween = (from: number, to: number) => Math.floor((to - from) / DAY_MS);
