/**
 * JSON with object keys sorted and undefined left out (as JSON.stringify does), so the same content
 * always gives the same text and therefore the same checksum, whoever wrote the file. Version 1
 * backups (v1.ts) are sealed over this text.
 */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const json = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof json === 'function') return canonical(json.call(value));
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonical(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && typeof v !== 'function')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

const CHUNK = 500;

/**
 * The canonical text of a document whose large parts are arrays (a backup's tables): arrays are
 * written a chunk of rows at a time with a pause between chunks, the rest in one go.
 */
export async function canonicalJson(value: unknown, pause: () => Promise<void>): Promise<string> {
  if (Array.isArray(value) && value.length > CHUNK) {
    const parts: string[] = [];
    for (let i = 0; i < value.length; i += CHUNK) {
      parts.push(canonical(value.slice(i, i + CHUNK)).slice(1, -1));
      await pause();
    }
    return `[${parts.join(',')}]`;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value) || 'toJSON' in value) return canonical(value);
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const parts: string[] = [];
  for (const [k, v] of entries) parts.push(`${JSON.stringify(k)}:${await canonicalJson(v, pause)}`);
  return `{${parts.join(',')}}`;
}
