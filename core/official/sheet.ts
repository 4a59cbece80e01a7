/**
 * What an official file is before it is written: the shape the desk's one writer takes
 * (renderer/src/files/writeTable.ts SheetSpec), restated here so core stays free of the renderer.
 */
export interface OfficialColumn {
  header: string;
  kind?: 'text' | 'number' | 'date' | 'money';
  width?: number;
}
export interface OfficialSheet {
  name: string;
  columns: OfficialColumn[];
  rows: unknown[][];
}

/** i18next's `t`, narrowed to what the builders use: official files are labelled in the caller's fixed language. */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

/** One thing to fix before a file can be written, named so a manager can find and correct it. */
export interface Problem {
  /** The record to open: a startup or a mentor. */
  subject: { kind: 'startup' | 'mentor'; id: string; name: string };
  /** The column (as headed in the file) that is wrong. */
  field: string;
  problem: string;
}

/** A file is written only when `problems` is empty. */
export interface OfficialFile {
  sheet: OfficialSheet;
  problems: Problem[];
}

/** Collects problems for one subject; `ofWhich` is the forms' balance rule: a part never exceeds its total. */
export function problemsFor(out: Problem[], subject: Problem['subject'], t: Translate) {
  return {
    missing(field: string) {
      out.push({ subject, field, problem: t('official.problem.missing') });
    },
    ofWhich(partField: string, part: number | undefined, totalField: string, total: number | undefined) {
      if (part !== undefined && total !== undefined && part > total) {
        out.push({ subject, field: partField, problem: t('official.problem.ofWhich', { part, total, totalField }) });
      }
    },
    other(field: string, key: string, values?: Record<string, unknown>) {
      out.push({ subject, field, problem: t(key, values) });
    },
  };
}
