import type { TFunction } from 'i18next';
import { industryLabel, type Founder, type Startup } from '@core/records';
import { maskIdNumber } from '@core/validators/idNumber';
import { cached } from '../../files/cached';
import { startExport, type ExportFormat } from '../../files/exportTable';
import type { Keyed } from '../../files/joinRows';
import type { SheetColumn } from '../../files/writeTable';
import { bridge } from '../../platform/bridge';
import { db } from '../../store/db';
import { foundersOf } from '../../store/rebuildIndex';
import { unsealFounders } from '../../store/sealing';
import { countMatches, findStartups, pageStartups, type StartupQuery } from '../../store/startups';
import type { StartupIndexRow } from '../../store/startupIndex';

/**
 * Startups read and written per step: each step is a short task (a page of 1,000 list index rows took
 * 100–300 ms to arrive on a loaded machine), and the sheet is never all in memory.
 */
const CHUNK = 500;
/** Founders read per step when they are all read at once. */
const FOUNDER_CHUNK = 1000;
/**
 * Reading one startup's founders by index costs about what reading 20 founders in key order does
 * (measured in Chromium): an export listing more startups than 1 in 20 of all founders reads them all.
 */
const BULK_RATIO = 20;

/** The listed startups' ids in the list's order, a chunk at a time. */
async function* listedIds(query: StartupQuery): AsyncGenerator<string[]> {
  // A search finds few rows, and one out of name order is read whole and sorted whatever the page size.
  if (query.text?.trim()) {
    const rows = await findStartups(db, query);
    for (let i = 0; i < rows.length; i += CHUNK) yield rows.slice(i, i + CHUNK).map((r) => r.id);
    return;
  }
  let after: StartupIndexRow | undefined;
  for (;;) {
    const page = await pageStartups(db, query, after, CHUNK);
    if (page.length > 0) yield page.map((r) => r.id);
    if (page.length < CHUNK) return;
    after = page.at(-1);
  }
}

const opened = (founders: Founder[], withIds: boolean) => (withIds ? unsealFounders(founders) : founders);

/** The listed startups' founders, their requests sent together in one transaction. */
async function foundersOfListed(ids: string[], withIds: boolean): Promise<Founder[]> {
  const found = await db.transaction('r', db.founders, () => foundersOf(db, ids));
  return opened([...found.values()].flat(), withIds);
}

/** Every founder, a chunk at a time in key order. */
async function* allFounders(withIds: boolean): AsyncGenerator<Founder[]> {
  let last: string | undefined;
  for (;;) {
    const chunk = await (last === undefined ? db.founders.limit(FOUNDER_CHUNK) : db.founders.where(':id').above(last).limit(FOUNDER_CHUNK)).toArray();
    yield await opened(chunk, withIds);
    if (chunk.length < FOUNDER_CHUNK) return;
    last = chunk.at(-1)!.id;
  }
}

/**
 * The list as filtered, one row per founder (a startup without founders gets one row), with the
 * columns the import reads back. ID numbers are masked unless the manager asked for them. Startups and
 * founders go to the export worker a chunk at a time as they are read, and the worker joins them: the
 * page never holds the whole sheet, nor every founder.
 */
export async function exportStartups(query: StartupQuery, format: ExportFormat, withIds: boolean, t: TFunction): Promise<number> {
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
    { header: f('firstTime') },
    { header: f('trainingCertified') },
  ];
  const label = cached((key: string) => t(key));
  const yes = (v: boolean) => label(v ? 'common.yes' : 'common.no');
  const startupCells = (s: Startup) => [
    s.name,
    s.creditCode ?? '',
    label(`enums.entityType.${s.entityType}`),
    s.registeredOn ?? '',
    // Not given yet (待补充): an empty cell, which the import reads back as not given.
    s.industry ? industryLabel(s.industry, label) : '',
    s.field ? label(`enums.field.${s.field}`) : '',
    s.stage ? label(`enums.stage.${s.stage}`) : '',
    s.admittedOn,
    s.agreementEndsOn,
    s.room ?? '',
    s.area,
    yes(s.feeWaived),
    yes(s.keyProject),
    s.contactName ?? '',
    s.contactPhone ?? '',
  ];
  const founderCells = (p: Founder) => [
    p.name,
    withIds ? p.idNumber : maskIdNumber(p.idNumber),
    p.phone ?? '',
    p.education ? label(`enums.education.${p.education}`) : '',
    p.school ?? '',
    p.graduatedOn ?? '',
    p.keyGroups.map((g) => label(`enums.keyGroup.${g}`)).join('、'),
    yes(p.firstTime),
    yes(p.trainingCertified),
  ];

  const [listed, founderCount] = await Promise.all([countMatches(db, query), db.founders.count()]);
  const readAll = listed * BULK_RATIO > founderCount;
  const details = (founders: Founder[]) => founders.map((p): Keyed => [p.startupId, founderCells(p)]);
  const sheet = t('startups.export.sheet');
  const sink = await startExport({ name: sheet, columns }, format);
  let count = 0;
  let bytes: Uint8Array;
  try {
    if (readAll) for await (const founders of allFounders(withIds)) await sink.addDetails(details(founders));
    for await (const ids of listedIds(query)) {
      const [startups, founders] = await Promise.all([db.startups.bulkGet(ids), readAll ? [] : foundersOfListed(ids, withIds)]);
      if (founders.length > 0) await sink.addDetails(details(founders));
      const masters = startups.filter((s): s is Startup => !!s).map((s): Keyed => [s.id, startupCells(s)]);
      count += masters.length;
      await sink.addMasters(masters);
    }
    bytes = await sink.finish();
  } catch (error) {
    sink.abort();
    throw error;
  }
  await bridge.saveFile({ suggestedName: `${sheet}-${new Date().toISOString().slice(0, 10)}.${format}`, bytes });
  return count;
}
