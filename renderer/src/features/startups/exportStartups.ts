import type { TFunction } from 'i18next';
import { maskIdNumber } from '@core/validators/idNumber';
import { exportTable, type ExportFormat } from '../../files/exportTable';
import type { SheetColumn } from '../../files/writeTable';
import { bridge } from '../../platform/bridge';
import { db } from '../../store/db';
import { unsealFounders } from '../../store/sealing';
import { findStartups, type StartupQuery } from '../../store/startups';

/**
 * The list as filtered, one row per founder (a startup without founders gets one row), with the
 * columns the import reads back. ID numbers are masked unless the manager asked for them.
 */
export async function exportStartups(query: StartupQuery, format: ExportFormat, withIds: boolean, t: TFunction): Promise<number> {
  const rows = await findStartups(db, query);
  const ids = rows.map((r) => r.id);
  const [startups, stored] = await Promise.all([db.startups.bulkGet(ids), db.founders.where('startupId').anyOf(ids).toArray()]);
  const founders = withIds ? await unsealFounders(stored) : stored;
  const byStartup = new Map<string, typeof founders>();
  for (const f of founders) byStartup.set(f.startupId, [...(byStartup.get(f.startupId) ?? []), f]);

  const f = (key: string) => t(`import.fields.${key}`);
  const columns: SheetColumn[] = [
    { header: f('name'), width: 32 },
    { header: f('creditCode'), width: 22 },
    { header: f('entityType') },
    { header: f('registeredOn'), kind: 'date' },
    { header: f('industry') },
    { header: f('field') },
    { header: f('stage') },
    { header: f('admittedOn'), kind: 'date' },
    { header: f('agreementEndsOn'), kind: 'date' },
    { header: f('room') },
    { header: f('area'), kind: 'number' },
    { header: f('feeWaived') },
    { header: f('keyProject') },
    { header: f('contactName') },
    { header: f('contactPhone') },
    { header: f('founderName') },
    { header: f('idNumber'), width: 22 },
    { header: f('founderPhone') },
    { header: f('education') },
    { header: f('school') },
    { header: f('graduatedOn'), kind: 'date' },
    { header: f('keyGroups'), width: 28 },
  ];
  const yes = (v: boolean) => (v ? t('common.yes') : t('common.no'));
  const out: unknown[][] = [];
  for (const s of startups) {
    if (!s) continue;
    const people = byStartup.get(s.id) ?? [];
    const base = [
      s.name,
      s.creditCode ?? '',
      t(`enums.entityType.${s.entityType}`),
      s.registeredOn ?? '',
      `${s.industry} ${t(`enums.industry.${s.industry}`)}`,
      t(`enums.field.${s.field}`),
      t(`enums.stage.${s.stage}`),
      s.admittedOn,
      s.agreementEndsOn,
      s.room ?? '',
      s.area,
      yes(s.feeWaived),
      yes(s.keyProject),
      s.contactName ?? '',
      s.contactPhone ?? '',
    ];
    if (people.length === 0) out.push([...base, '', '', '', '', '', '', '']);
    for (const p of people) {
      out.push([
        ...base,
        p.name,
        withIds ? p.idNumber : maskIdNumber(p.idNumber),
        p.phone ?? '',
        p.education ? t(`enums.education.${p.education}`) : '',
        p.school ?? '',
        p.graduatedOn ?? '',
        p.keyGroups.map((g) => t(`enums.keyGroup.${g}`)).join('、'),
      ]);
    }
  }
  const sheet = t('startups.export.sheet');
  const bytes = await exportTable({ name: sheet, columns, rows: out }, format);
  await bridge.saveFile({ suggestedName: `${sheet}-${new Date().toISOString().slice(0, 10)}.${format}`, bytes });
  return startups.length;
}
