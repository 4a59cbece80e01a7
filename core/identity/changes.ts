/** One field an update changes, with its value before and after (undefined: not set). */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** The field that says when, not what: it never makes a change on its own. */
const STAMP = 'updatedAt';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields `after` changes on `before`, in `after`'s key order then the keys it drops. An absent key
 * and one set to undefined are the same (a record read back has no undefined keys). Empty: the
 * update changes nothing, and writes nothing.
 */
export function fieldChanges(before: object, after: object): FieldChange[] {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => k !== STAMP);
  return keys.filter((k) => !same(b[k], a[k])).map((field) => ({ field, before: b[field], after: a[field] }));
}

export const changesNothing = (before: object, after: object) => fieldChanges(before, after).length === 0;
