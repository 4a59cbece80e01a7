import type { Template } from '@core/records';
import { defaultTemplates, familyOf, templateId } from '@core/scoring';
import type { DeskDb } from './db';
import { operatorName } from './operator';
import { saveRecord } from './write';

/**
 * Every template version the desk knows: those stored, and the built-in defaults until one is stored
 * (running a round or editing stores it). Newest version of each family first.
 */
export async function allTemplates(db: DeskDb): Promise<Template[]> {
  const stored = await db.templates.toArray();
  const ids = new Set(stored.map((t) => t.id));
  return [...stored, ...defaultTemplates.filter((t) => !ids.has(t.id))].sort((a, b) => a.name.localeCompare(b.name, 'zh') || b.version - a.version);
}

/** The current version of each template family, for choosing and editing. */
export function latestVersions(templates: readonly Template[]): Template[] {
  const latest = new Map<string, Template>();
  for (const t of templates) {
    const family = familyOf(t.id);
    if ((latest.get(family)?.version ?? 0) < t.version) latest.set(family, t);
  }
  return [...latest.values()];
}

/** What a new round may use: the current version of each family, less versions the roster retired. */
export const choosableVersions = (templates: readonly Template[]): Template[] => latestVersions(templates.filter((t) => !t.retired));

export async function templateById(db: DeskDb, id: string): Promise<Template | undefined> {
  return (await db.templates.get(id)) ?? defaultTemplates.find((t) => t.id === id);
}

/** A version some evaluation was scored with: it may no longer change. */
export const templateInUse = async (db: DeskDb, id: string) => (await db.evaluations.filter((e) => e.templateId === id).count()) > 0;

/** Stores a built-in default the first time a round uses it, so every evaluation names a stored version. */
export async function storeTemplate(db: DeskDb, template: Template): Promise<Template> {
  return (await db.templates.get(template.id)) ?? saveRecord(db, 'template', template, operatorName());
}

/**
 * Saves an edited template. A version already scored with is never changed under its results: the
 * edit becomes the family's next version, and later rounds use that.
 */
export async function saveTemplate(db: DeskDb, edited: Template): Promise<Template> {
  if (!(await templateInUse(db, edited.id))) return saveRecord(db, 'template', edited, operatorName());
  const family = familyOf(edited.id);
  const newest = latestVersions((await db.templates.toArray()).filter((t) => familyOf(t.id) === family))[0]?.version ?? edited.version;
  const version = newest + 1;
  return saveRecord(db, 'template', { ...edited, id: templateId(family, version), version }, operatorName());
}

/** A new family from any version: the starting point for a carrier's own rules. */
export async function copyTemplate(db: DeskDb, source: Template, name: string): Promise<Template> {
  return saveRecord(db, 'template', { ...source, id: templateId(crypto.randomUUID(), 1), version: 1, name, published: undefined }, operatorName());
}
