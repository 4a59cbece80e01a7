import { z } from 'zod';
import { familyOf, templateId } from '@core/scoring/templates';
import { publishTemplate } from '../admin/actions';
import { templateInput, type TemplateInput } from '../admin/inputs';
import type { Store } from '../db/schema';
import type { PublishedTemplate } from '../http/consoleApi';
import { parseInput, RosterError } from '../errors';
import type { Account } from './accounts';
import { appendAudit } from './audit';

/**
 * Evaluation templates from the console. A template goes to every carrier (a `template` change with no
 * carrier), so only a national officer publishes or retires one; every account may read them. A new
 * version must be numbered above every version of its family, and its id is `family@version`, as the
 * desk names them (core/scoring/templates.ts).
 */

/** Each template id's latest published state, newest family first. */
export async function publishedTemplates(store: Store): Promise<PublishedTemplate[]> {
  const rows = await store.db
    .selectFrom('roster_changes')
    .select(['payload', 'created_at'])
    .where('kind', '=', 'template')
    .where('carrier_code', 'is', null)
    .orderBy('seq')
    .execute();
  const latest = new Map<string, PublishedTemplate>();
  for (const row of rows) {
    const { template } = JSON.parse(row.payload) as { template: TemplateInput & { retired?: boolean } };
    latest.set(template.id, {
      id: template.id,
      name: template.name,
      version: template.version,
      periodKind: template.periodKind,
      indicators: template.indicators.length,
      retired: template.retired === true,
      at: row.created_at,
      template: template as unknown as Record<string, unknown>,
    });
  }
  return [...latest.values()].sort((a, b) => familyOf(a.id).localeCompare(familyOf(b.id)) || b.version - a.version);
}

function requireNationalOfficer(account: Account): void {
  if (account.role !== 'officer' || account.scope !== 'nation') {
    throw new RosterError(403, 'forbidden', 'templates go to every carrier: only a national officer publishes or retires them');
  }
}

export async function publishTemplateVersion(store: Store, account: Account, input: unknown): Promise<{ seq: number; id: string }> {
  requireNationalOfficer(account);
  const template = parseInput(templateInput, input);
  const family = familyOf(template.id);
  if (template.id !== templateId(family, template.version)) {
    throw new RosterError(400, 'bad_request', `id: a template version is named family@version (${templateId(family, template.version)})`);
  }
  const { retired: _retired, ...fresh } = template;
  return store.db.transaction().execute(async (trx) => {
    const tx = { ...store, db: trx };
    const highest = Math.max(0, ...(await publishedTemplates(tx)).filter((t) => familyOf(t.id) === family).map((t) => t.version));
    if (template.version <= highest) throw new RosterError(409, 'conflict', `${family} is already at version ${highest}: publish ${highest + 1} or later`);
    await appendAudit(trx, account, 'template.publish', null, { templateId: template.id, name: template.name });
    const { seq } = await publishTemplate(tx, { ...fresh, updatedAt: new Date().toISOString() });
    return { seq, id: template.id };
  });
}

export const retireInput = z.object({ reason: z.string().trim().min(1, 'retiring a template needs a reason').max(200) });

export async function retireTemplate(store: Store, account: Account, id: string, input: unknown): Promise<{ seq: number }> {
  requireNationalOfficer(account);
  const { reason } = parseInput(retireInput, input);
  return store.db.transaction().execute(async (trx) => {
    const tx = { ...store, db: trx };
    const published = (await publishedTemplates(tx)).find((t) => t.id === id);
    if (!published) throw new RosterError(404, 'not_found', `no published template ${id}`);
    if (published.retired) throw new RosterError(409, 'conflict', `${id} is already retired`);
    await appendAudit(trx, account, 'template.retire', null, { templateId: id, reason });
    const template = parseInput(templateInput, published.template);
    return publishTemplate(tx, { ...template, retired: true, updatedAt: new Date().toISOString() });
  });
}
