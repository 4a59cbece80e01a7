import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { templateSchema } from '@core/records';
import { residentTemplate, templateId } from '@core/scoring/templates';
import { syncClient } from '../client';
import { backends } from '../testing/backends';
import { type RunningRoster, startRoster } from '../testing/server';
import { readAudit } from './audit';
import { createCarrierInScope } from './scopedRoster';
import { publishedTemplates, publishTemplateVersion, retireTemplate } from './scopedTemplates';

const nationOfficer = { login: 'nation.officer', scope: 'nation', role: 'officer' } as const;
const nationViewer = { ...nationOfficer, login: 'nation.viewer', role: 'viewer' } as const;
const provinceOfficer = { login: 'beijing.officer', scope: '11', role: 'officer' } as const;
const version2 = { ...residentTemplate, id: templateId('resident', 2), version: 2, name: '在孵企业绩效评价·2027版' };

describe.each(backends)('evaluation templates from the console on $name', (backend) => {
  let roster: RunningRoster;
  beforeEach(async () => {
    roster = await startRoster(backend);
  });
  afterEach(() => roster.close());

  it('a national officer publishes a new version and retires it; a desk pulls both; both are audited', { timeout: 60_000 }, async () => {
    const { token } = await createCarrierInScope(roster.store, nationOfficer, { code: 'BJ-1', name: '北京一号', regionCode: '110108', line: 'hrss', level: 'city' });
    const desk = syncClient(roster.url, token);
    const { cursor } = await desk.pull(0);

    expect(await publishTemplateVersion(roster.store, nationOfficer, version2)).toMatchObject({ id: 'resident@2' });
    const published = await desk.pull(cursor);
    expect(published.changes).toEqual([expect.objectContaining({ kind: 'template', template: expect.objectContaining({ id: 'resident@2', version: 2, published: true }) })]);
    // What the desk receives passes the desk's own schema.
    expect(templateSchema.parse((published.changes[0] as { template: unknown }).template).name).toBe('在孵企业绩效评价·2027版');

    await retireTemplate(roster.store, nationOfficer, 'resident@2', { reason: '指标调整' });
    const retired = await desk.pull(published.cursor);
    expect(retired.changes).toEqual([expect.objectContaining({ kind: 'template', template: expect.objectContaining({ id: 'resident@2', retired: true }) })]);
    expect(await publishedTemplates(roster.store)).toEqual([expect.objectContaining({ id: 'resident@2', retired: true, indicators: residentTemplate.indicators.length })]);
    expect((await readAudit(roster.store, nationOfficer)).map((e) => [e.action, e.detail])).toEqual([
      ['template.retire', { templateId: 'resident@2', reason: '指标调整' }],
      ['template.publish', { templateId: 'resident@2', name: '在孵企业绩效评价·2027版' }],
      ['carrier.create', expect.anything()],
    ]);
  });

  it('refuses a viewer, a province officer, an invalid template, a version not above the last, and a second retirement', { timeout: 60_000 }, async () => {
    await expect(publishTemplateVersion(roster.store, nationViewer, version2)).rejects.toMatchObject({ statusCode: 403 });
    await expect(publishTemplateVersion(roster.store, provinceOfficer, version2)).rejects.toMatchObject({ statusCode: 403 });
    await expect(publishTemplateVersion(roster.store, nationOfficer, { ...version2, indicators: [] })).rejects.toMatchObject({ statusCode: 400 });
    await expect(publishTemplateVersion(roster.store, nationOfficer, { ...version2, id: 'resident@3' })).rejects.toMatchObject({ statusCode: 400 });
    await publishTemplateVersion(roster.store, nationOfficer, version2);
    await expect(publishTemplateVersion(roster.store, nationOfficer, { ...version2, name: '又一版' })).rejects.toMatchObject({ statusCode: 409 });
    await expect(retireTemplate(roster.store, provinceOfficer, 'resident@2', { reason: '越权' })).rejects.toMatchObject({ statusCode: 403 });
    await expect(retireTemplate(roster.store, nationOfficer, 'resident@2', { reason: ' ' })).rejects.toMatchObject({ statusCode: 400 });
    await retireTemplate(roster.store, nationOfficer, 'resident@2', { reason: '指标调整' });
    await expect(retireTemplate(roster.store, nationOfficer, 'resident@2', { reason: '再次' })).rejects.toMatchObject({ statusCode: 409 });
    await expect(retireTemplate(roster.store, nationOfficer, 'nothing@1', { reason: '没有' })).rejects.toMatchObject({ statusCode: 404 });
    // Only what was done is audited: one publish, one retirement.
    expect((await readAudit(roster.store, nationOfficer)).map((e) => e.action)).toEqual(['template.retire', 'template.publish']);
  });
});
