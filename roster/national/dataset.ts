import { addMonths } from '@core/dates';
import { seeded } from '@core/demo/random';
import { type Carrier, type Founder, type Startup, defaultRuleSet, fields, stages } from '@core/records';
import { creditCodeCheckChar } from '@core/validators/creditCode';
import { idNumberCheckChar } from '@core/validators/idNumber';

/**
 * A roster at national size, generated carrier by carrier so it never has to sit in memory at once:
 * each carrier with its own record (region code), its startups and their founders, every credit code
 * and ID number valid by core's checks. Codes and numbers are unique by construction, except a few
 * planted on purpose at a second carrier: a startup whose credit code is already resident at the
 * previous carrier, and a founder whose ID number founded at the previous carrier too (the findings
 * of findings.ts). Seeded, so every run generates the same roster.
 */
export interface NationalSize {
  carriers: number;
  startupsPerCarrier: number;
  seed?: number;
}

export interface CarrierData {
  code: string;
  carrier: Carrier;
  startups: Startup[];
  founders: Founder[];
}

/** Share of startups that take the credit code of a resident startup at the previous carrier, and of founders an ID number. */
export const PLANTED_CREDIT_CODES = 0.001;
export const PLANTED_ID_NUMBERS = 0.002;

const PROVINCES: [string, string, number][] = [
  ['11', '北京', 4], ['12', '天津', 2], ['13', '河北', 3], ['14', '山西', 2], ['15', '内蒙古', 1], ['21', '辽宁', 2],
  ['22', '吉林', 1], ['23', '黑龙江', 1], ['31', '上海', 4], ['32', '江苏', 7], ['33', '浙江', 7], ['34', '安徽', 3],
  ['35', '福建', 3], ['36', '江西', 2], ['37', '山东', 6], ['41', '河南', 4], ['42', '湖北', 3], ['43', '湖南', 3],
  ['44', '广东', 8], ['45', '广西', 2], ['46', '海南', 1], ['50', '重庆', 2], ['51', '四川', 4], ['52', '贵州', 1],
  ['53', '云南', 2], ['54', '西藏', 1], ['61', '陕西', 2], ['62', '甘肃', 1], ['63', '青海', 1], ['64', '宁夏', 1], ['65', '新疆', 1],
];
const WEIGHTED = PROVINCES.flatMap((p) => Array<[string, string, number]>(p[2]).fill(p));
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚华玉萍红玲燕彬鹏辉宇浩然涵轩欣怡诺远晨阳琪桐博文';
const WORDS = ['云帆', '青禾', '智农', '星河', '山海', '溪谷', '竹韵', '禾丰', '启明', '锦程', '数聚', '绿源', '银龄', '匠心', '凌云', '创想'];
const TRADES = ['数字科技', '智能科技', '新能源', '康养服务', '农业科技', '文化传媒', '信息技术', '环保科技'];
const INDUSTRIES = ['I', 'M', 'D', 'Q', 'A', 'R', 'F', 'C'];
const STAMP = '2026-12-01T08:00:00.000Z';
/** ID numbers: a person index gives a birth date (within 30 years) and a sequence number, so none repeats. */
const BIRTH_DAYS = 10_950;
const dayAfter = (from: number, days: number) => new Date(from + days * 86_400_000).toISOString().slice(0, 10);
/** Dates are drawn from these, computed once: formatting a date per record was most of the generator's time. */
const BIRTHS = Array.from({ length: BIRTH_DAYS }, (_, d) => dayAfter(Date.UTC(1975, 0, 1), d).replace(/-/g, ''));
const ADMISSIONS = Array.from({ length: 1401 }, (_, d) => dayAfter(Date.UTC(2022, 0, 1), d));
const TERMS = new Map(ADMISSIONS.flatMap((a) => [24, 36].map((m) => [`${a}+${m}`, addMonths(a, m)] as const)));

export const carrierCodeOf = (c: number): string => `CN-${String(c + 1).padStart(5, '0')}`;
export const startupIdOf = (i: number): string => `s${String(i + 1).padStart(6, '0')}`;

/** A 9-digit organisation part spread over the range (a multiplicative permutation), unique per n < 10^9. */
const spread = (n: number): string => String((n * 387_420_489) % 1_000_000_000).padStart(9, '0');

function creditCodeOf(region: string, n: number, soleProprietor: boolean): string {
  const first17 = (soleProprietor ? '92' : '91') + region + spread(n);
  return first17 + creditCodeCheckChar(first17);
}

function idNumberOf(region: string, person: number): string {
  const first17 = region + BIRTHS[person % BIRTH_DAYS]! + String(Math.floor(person / BIRTH_DAYS) % 1000).padStart(3, '0');
  return first17 + idNumberCheckChar(first17);
}

const personName = (person: number): string =>
  SURNAMES[person % SURNAMES.length]! + GIVEN[(person * 7) % GIVEN.length]! + GIVEN[(person * 13 + 5) % GIVEN.length]!;

export function* nationalRoster(size: NationalSize): Generator<CarrierData> {
  const r = seeded(size.seed ?? 19);
  let person = 0;
  /** The previous carrier's resident startups and founders, for the planted findings. */
  let previous: { residents: Startup[]; founders: Founder[] } = { residents: [], founders: [] };
  for (let c = 0; c < size.carriers; c++) {
    const [province, provinceName] = r.pick(WEIGHTED);
    const regionCode = `${province}01${String(r.int(1, 9)).padStart(2, '0')}`;
    const code = carrierCodeOf(c);
    const carrier: Carrier = {
      id: 'carrier',
      updatedAt: STAMP,
      name: `${provinceName}${r.pick(WORDS)}创业孵化基地（${c + 1}）`,
      line: r.pick(['hrss', 'science', 'both'] as const),
      type: r.pick(['startupBase', 'techIncubator', 'makerspace'] as const),
      level: r.pick(['provincial', 'city', 'county'] as const),
      regionCode,
      rosterCode: code,
      address: `${provinceName}创业大道 ${c + 1} 号`,
      area: 20_000,
      seats: 3_000,
      rules: defaultRuleSet,
    };
    const startups: Startup[] = [];
    const founders: Founder[] = [];
    for (let i = 0; i < size.startupsPerCarrier; i++) {
      const id = startupIdOf(i);
      const soleProprietor = r.chance(0.12);
      const exited = r.chance(0.08);
      const admittedOn = r.pick(ADMISSIONS);
      const twin = previous.residents.length > 0 && r.chance(PLANTED_CREDIT_CODES) ? r.pick(previous.residents) : undefined;
      const startup: Startup = {
        id,
        updatedAt: STAMP,
        name: `${provinceName}${r.pick(WORDS)}${r.pick(TRADES)}${soleProprietor ? '经营部' : '有限公司'}（${code}-${i + 1}）`,
        entityType: soleProprietor ? 'soleProprietor' : 'enterprise',
        creditCode: twin?.creditCode ?? creditCodeOf(regionCode, c * size.startupsPerCarrier + i, soleProprietor),
        industry: r.pick(INDUSTRIES),
        field: r.pick(fields),
        stage: r.pick(stages),
        admittedOn,
        agreementEndsOn: TERMS.get(`${admittedOn}+${r.pick([24, 36])}`)!,
        area: r.pick([20, 40, 60, 80, 120]),
        feeWaived: false,
        keyProject: r.chance(0.15),
        status: exited ? 'exited' : 'resident',
        ...(exited ? { exitKind: 'graduated' as const, exitedOn: '2026-06-30' } : {}),
      };
      startups.push(startup);
      for (let f = 0, team = r.int(1, 2); f < team; f++) {
        const again = previous.founders.length > 0 && r.chance(PLANTED_ID_NUMBERS) ? r.pick(previous.founders) : undefined;
        const self = again ? undefined : person++;
        founders.push({
          id: `f${String(i + 1).padStart(6, '0')}-${f + 1}`,
          updatedAt: STAMP,
          startupId: id,
          name: again?.name ?? personName(self!),
          idNumber: again?.idNumber ?? idNumberOf(regionCode, self!),
          keyGroups: [],
          firstTime: again === undefined,
          trainingCertified: false,
        });
      }
    }
    previous = { residents: startups.filter((s) => s.status === 'resident'), founders };
    yield { code, carrier, startups, founders };
  }
}
