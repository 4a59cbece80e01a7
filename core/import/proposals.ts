import { completableFields, type CompletableField, type Startup } from '../records';

/**
 * A startup the desk holds, updated from an imported row. A value the import only proposed (read off
 * the name, derived from the term) never replaces one the desk already has: a re-imported county roster
 * must not undo what the manager completed. A value the file gives replaces it and is no longer proposed.
 */
export function mergeProposed(stored: Startup, incoming: Startup): Startup {
  const merged: Startup = { ...stored, ...incoming };
  const proposed: CompletableField[] = [];
  for (const field of completableFields) {
    const given = incoming[field] !== undefined && !incoming.proposed?.includes(field);
    if (given) continue;
    if (stored[field] !== undefined) {
      Object.assign(merged, { [field]: stored[field] });
      if (stored.proposed?.includes(field)) proposed.push(field);
    } else if (incoming[field] !== undefined) proposed.push(field);
  }
  if (proposed.length > 0) merged.proposed = proposed;
  else delete merged.proposed;
  return merged;
}
