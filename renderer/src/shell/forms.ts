import type { FormInstance, FormRule } from 'antd';
import Dexie from 'dexie';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ValidationError } from '../store/write';

/** Empty inputs mean "not given": antd reports '' and null, the schemas expect the field to be absent. */
export function clean<T extends object>(values: T): T {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '' && v !== null && v !== undefined)) as T;
}

/** A live antd rule from the field's own zod schema, so the form says exactly what save would say. */
export function zodRule(schema: z.ZodType, t: TFunction): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === '' || value === null || value === undefined) return;
      const res = schema.safeParse(value);
      if (!res.success) throw new Error(t(res.error.issues[0]!.message));
    },
  };
}

/**
 * Marks the fields a failed save names and returns true; other errors are left to the caller.
 * The form keeps every value typed: nothing is reset on failure.
 */
export function markIssues(form: FormInstance, error: unknown, t: TFunction, prefix: (string | number)[] = []): boolean {
  if (!(error instanceof ValidationError)) return false;
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const issue of error.issues) {
    const name = [...prefix, issue.path[0] ?? ''];
    const key = name.join('.');
    byField.set(key, { name, errors: [...(byField.get(key)?.errors ?? []), t(issue.message)] });
  }
  form.setFields([...byField.values()]);
  return true;
}

const named = (error: unknown, name: string): boolean =>
  error instanceof Error && (error.name === name || named((error as { inner?: unknown }).inner, name));

/**
 * What a failed save tells the manager, decided in one place: a full disk and any other failed write
 * to the local database say so and point to a backup; other errors keep the general text. Forms keep
 * every value typed whichever it is.
 */
export function saveErrorText(error: unknown, t: TFunction): string {
  // Dexie names QuotaExceededError itself or as the inner cause of an aborted transaction.
  if (named(error, 'QuotaExceededError')) return t('backup.storage.full');
  if (error instanceof Dexie.DexieError) return t('backup.storage.failed', { reason: error.name });
  if (error instanceof ValidationError) return t('common.saveFailed', { reason: t('common.fixFields') });
  return t('common.saveFailed', { reason: String(error) });
}
