import { expect, it } from 'vitest';
import { startExport } from './exportTable';
import { readTable } from './readTable';

it('joins each master row with the details under its key, in the order they came, wherever they came from', async () => {
  const columns = [{ header: '企业' }, { header: '代码' }, { header: '创始人' }, { header: '电话' }];
  const sink = await startExport({ name: 'join', columns }, 'csv');
  // Details first, some for a key listed later and some for a key never listed.
  await sink.addDetails([
    ['s2', ['李四', '139']],
    ['s1', ['张三', '138']],
    ['gone', ['无名', '000']],
  ]);
  await sink.addDetails([['s1', ['王五', '137']]]);
  await sink.addMasters([
    ['s1', ['甲公司', 'A1']],
    ['s3', ['丙公司', 'C3']],
  ]);
  // Details sent just before their master, as an export of a few startups sends them.
  await sink.addDetails([['s2', ['赵六', '136']]]);
  await sink.addMasters([['s2', ['乙公司', 'B2']]]);
  await sink.add([['合计']]);
  const { rows } = await readTable(await sink.finish(), 'join.csv');
  expect(rows).toEqual([
    ['企业', '代码', '创始人', '电话'],
    ['甲公司', 'A1', '张三', '138'],
    ['甲公司', 'A1', '王五', '137'],
    ['丙公司', 'C3', '', ''],
    ['乙公司', 'B2', '李四', '139'],
    ['乙公司', 'B2', '赵六', '136'],
    ['合计', '', '', ''],
  ]);
});
