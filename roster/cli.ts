import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  createCarrier,
  designateKeyProject,
  publishTemplate,
  reissueToken,
  requireCarrier,
  setCarrierStatus,
  verifyStartup,
} from './admin/actions';
import { carrierCount, regionCounts } from './admin/counts';
import { creditCodeFindings, founderFindings } from './admin/findings';
import {
  carrierInput,
  carrierStatusInput,
  creditCodeQuery,
  findingsQuery,
  keyProjectInput,
  regionInput,
  templateInput,
  verificationInput,
} from './admin/inputs';
import { creditCodeHolders } from './admin/lookup';
import { createAccount } from './auth/accounts';
import { storeFlags, storeLocation } from './config';
import type { Store } from './db/schema';
import { openStore } from './db/open';
import { parseInput, RosterError } from './errors';
import { compactChanges } from './store/compaction';
import { createJoinCode } from './store/desks';
import { publishSupportRules, supportRulesInput } from './store/supportRules';

/** The authority's CLI: works on the database directly, with the same actions as the admin API. */
const commands: Record<string, { usage: string; run(store: Store, args: string[]): Promise<unknown> }> = {
  'carrier:create': {
    usage: '<code> <name>',
    run: (store, [code, name]) => createCarrier(store, parseInput(carrierInput, { code, name })),
  },
  'carrier:token': {
    usage: '<code>',
    run: (store, [code = '']) => reissueToken(store, code),
  },
  'carrier:status': {
    usage: '<code> listed|rectify|removed',
    run: (store, [code = '', status]) => setCarrierStatus(store, code, parseInput(carrierStatusInput, { status })),
  },
  'startup:verify': {
    usage: '<carrierCode> <startupId> verified|mismatch [reason]',
    run: (store, [code = '', startupId = '', result, note]) =>
      verifyStartup(store, code, startupId, parseInput(verificationInput, { result, note })),
  },
  'startup:key-project': {
    usage: '<carrierCode> <startupId> yes|no',
    run: (store, [code = '', startupId = '', answer]) =>
      designateKeyProject(store, code, startupId, parseInput(keyProjectInput, { designated: answer === 'yes' ? true : answer === 'no' ? false : answer })),
  },
  'join-code:create': {
    usage: '<carrierCode>   # a one-time code (24 h) a new desk of the carrier joins with',
    run: async (store, [code = '']) => createJoinCode(store, await requireCarrier(store, code), new Date()),
  },
  'changes:compact': {
    usage: '[carrierCode]   # deletes relayed changes every live desk has pulled (all carriers if none named)',
    run: (store, [code]) => compactChanges(store, code),
  },
  'user:create': {
    usage: '<login> nation|<region code: 2, 4 or 6 digits> viewer|officer   # prints a one-time initial password',
    run: (store, [login, scope, role]) => createAccount(store, { login, scope, role }),
  },
  'template:publish': {
    usage: '<template.json>',
    run: (store, [file = '']) => publishTemplate(store, parseInput(templateInput, JSON.parse(readFileSync(file, 'utf8')))),
  },
  'support-rules:publish': {
    usage: '<province: 2 digits> <rules.json>',
    run: (store, [province, file = '']) => publishSupportRules(store, parseInput(supportRulesInput, { province, rules: JSON.parse(readFileSync(file, 'utf8')) })),
  },
  findings: {
    usage: 'creditCode|founder [after] [limit]',
    run: (store, [kind, after, limit]) => {
      const { kind: k, ...page } = parseInput(findingsQuery, { kind, after, limit });
      return k === 'creditCode' ? creditCodeFindings(store, page) : founderFindings(store, page);
    },
  },
  'startup:lookup': {
    usage: '<creditCode>',
    run: (store, [creditCode]) => creditCodeHolders(store, parseInput(creditCodeQuery, { creditCode }).creditCode),
  },
  'counts:carrier': {
    usage: '<code>',
    run: (store, [code = '']) => carrierCount(store, code),
  },
  'counts:region': {
    usage: '<2, 4 or 6 digits>',
    run: (store, [region]) => regionCounts(store, parseInput(regionInput, { region }).region),
  },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name} ${c.usage}`);
  return `usage: npm run roster:admin -- [--db file | --pg url] <command> ...\n${lines.join('\n')}`;
}

const { values, positionals } = parseArgs({ args: process.argv.slice(2), options: storeFlags, allowPositionals: true });
const [name = '', ...args] = positionals;
const command = commands[name];
if (!command) {
  console.error(usage());
  process.exit(2);
}
const store = await openStore(storeLocation(values, process.env));
try {
  console.log(JSON.stringify(await command.run(store, args), null, 2));
} catch (err) {
  if (!(err instanceof RosterError)) throw err;
  console.error(`${err.code}: ${err.message}`);
  process.exitCode = 1;
} finally {
  await store.close();
}
