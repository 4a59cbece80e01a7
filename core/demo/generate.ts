import { creditCodeCheckChar } from '../validators/creditCode';
import { idNumberCheckChar } from '../validators/idNumber';
import { DEMO_PREFIX, defaultRuleSet, fields, keyGroups, stages, type Carrier, type Founder, type Mentor, type Report, type Session, type Startup } from '../records';
import { mentorKinds, sessionModes } from '../records';
import { seeded, type Random } from './random';
import { addMonths } from '../dates';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉宇浩然梓涵子轩欣怡一诺思远晨阳佳琪雨桐博文嘉怡';
const WORDS = ['云帆', '青禾', '智农', '星河', '山海', '溪谷', '竹韵', '禾丰', '启明', '锦程', '数聚', '绿源', '银龄', '匠心', '凌云', '创想', '乡味', '鲲鹏', '知行', '泽众', '晓风', '拓新', '恒远', '慧眼'];
const TRADES: Record<(typeof fields)[number], string[]> = {
  digital: ['数字科技', '信息技术', '电子商务'],
  ai: ['智能科技', '机器人', '智能视觉'],
  green: ['新能源', '环保科技', '低碳科技'],
  silver: ['康养服务', '养老科技', '健康管理'],
  agriculture: ['农业科技', '生态农业', '农产品'],
  other: ['文化传媒', '餐饮管理', '教育咨询'],
};
const INDUSTRY_OF: Record<(typeof fields)[number], string[]> = {
  digital: ['I', 'F'],
  ai: ['I', 'M'],
  green: ['D', 'N', 'C'],
  silver: ['Q', 'O'],
  agriculture: ['A', 'C'],
  other: ['R', 'H', 'P', 'L'],
};
const SCHOOLS = ['浙江大学', '浙江农林大学', '杭州电子科技大学', '浙江工业大学', '杭州职业技术学院', '宁波大学'];
const ORGS = ['浙江省创业导师协会', '杭州某创投基金', '浙江大学管理学院', '临安区就业管理服务中心', '某银行普惠金融部', '农业农村局技术推广站'];
const EXPERTISE = ['商业模式', '融资', '财税', '法务', '市场营销', '电商运营', '农技', '人力资源', '知识产权', '政策申报'];
const TOPICS = ['商业计划', '融资路演', '财税合规', '股权设计', '市场拓展', '政策申报', '团队管理', '产品打磨', '品牌建设'];
const REGION = '330185';

const alnum = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function orgCode(r: Random): string {
  // GB 11714 organisation code (8 characters plus its own check), as positions 9–17 of a credit code.
  const body = Array.from({ length: 8 }, () => (r.chance(0.85) ? String(r.int(0, 9)) : r.pick(alnum.slice(10)))).join('');
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  const value = (ch: string) => (/\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55);
  const c = 11 - (body.split('').reduce((s, ch, i) => s + value(ch) * w[i]!, 0) % 11);
  return body + (c === 10 ? 'X' : c === 11 ? '0' : String(c));
}

function creditCodeFor(r: Random, typePair: string): string {
  const first17 = typePair + REGION + orgCode(r);
  return first17 + creditCodeCheckChar(first17);
}

function idNumberFor(r: Random, birth: string, female: boolean): string {
  const seq = String(r.int(0, 49) * 2 + (female ? 0 : 1) + 100).slice(-3);
  const first17 = REGION + birth.replace(/-/g, '') + seq;
  return first17 + idNumberCheckChar(first17);
}

const personName = (r: Random) => r.pick(SURNAMES) + r.pick(GIVEN) + (r.chance(0.6) ? r.pick(GIVEN) : '');
const phoneFor = (r: Random) => '1' + r.pick(['3', '5', '7', '8', '9']) + String(r.int(100000000, 999999999));
const addDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);

export function quarterOf(iso: string): string {
  return `${iso.slice(0, 4)}Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The last n whole quarters before the one `today` falls in, oldest first. */
export function pastQuarters(today: string, n: number): { period: string; endsOn: string }[] {
  let y = Number(today.slice(0, 4));
  let q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const out: { period: string; endsOn: string }[] = [];
  for (let i = 0; i < n; i++) {
    q -= 1;
    if (q === 0) {
      q = 4;
      y -= 1;
    }
    out.unshift({ period: `${y}Q${q}`, endsOn: addDays(`${q === 4 ? y + 1 : y}-${String((q % 4) * 3 + 1).padStart(2, '0')}-01`, -1) });
  }
  return out;
}

export interface Incubator {
  carrier: Carrier;
  startups: Startup[];
  founders: Founder[];
  mentors: Mentor[];
  sessions: Session[];
  reports: Report[];
}

export interface GenerateOptions {
  startups: number;
  mentors?: number;
  sessionsPerStartup?: number;
  quarters?: number;
  seed?: number;
  today: string;
  idPrefix?: string;
}

/** A realistic incubator: residents with founders across all key groups, mentors, sessions and quarterly reports. */
export function generateIncubator(o: GenerateOptions): Incubator {
  const r = seeded(o.seed ?? 2025);
  const prefix = o.idPrefix ?? DEMO_PREFIX;
  const stamp = `${o.today}T08:00:00.000Z`;
  const quarters = pastQuarters(o.today, o.quarters ?? 8);
  const carrier: Carrier = {
    id: 'carrier',
    updatedAt: stamp,
    name: '临安区青山湖创业孵化基地',
    line: 'hrss',
    type: 'startupBase',
    level: 'provincial',
    regionCode: REGION,
    address: '浙江省杭州市临安区青山湖街道科技大道 1188 号',
    operator: '周敏',
    area: 12000,
    seats: 120,
    rules: defaultRuleSet,
  };

  const startups: Startup[] = [];
  const founders: Founder[] = [];
  const reports: Report[] = [];
  for (let i = 0; i < o.startups; i++) {
    const field = r.pick(fields);
    const entityType = r.chance(0.1) ? 'team' : r.chance(0.12) ? 'soleProprietor' : r.chance(0.08) ? 'cooperative' : 'enterprise';
    const exited = r.chance(0.08);
    // Those who have left did so after a full agreement, so they were admitted long ago.
    const admittedOn = addDays(o.today, exited ? -r.int(760, 1100) : -r.int(30, 1000));
    const registeredOn = entityType === 'team' ? undefined : addDays(admittedOn, -r.int(0, 1400));
    const id = `${prefix}s${i + 1}`;
    const startup: Startup = {
      id,
      updatedAt: stamp,
      name:
        entityType === 'team'
          ? `${r.pick(WORDS)}${r.pick(TRADES[field])}创业团队`
          : entityType === 'soleProprietor'
            ? `临安区${r.pick(WORDS)}${r.pick(TRADES[field])}经营部`
            : entityType === 'cooperative'
              ? `临安${r.pick(WORDS)}农产品专业合作社`
              : `杭州${r.pick(WORDS)}${r.pick(TRADES[field])}有限公司`,
      entityType,
      creditCode:
        entityType === 'team' ? undefined : creditCodeFor(r, entityType === 'soleProprietor' ? '92' : entityType === 'cooperative' ? '93' : '91'),
      registeredOn,
      industry: r.pick(INDUSTRY_OF[field]),
      field,
      stage: r.pick(stages),
      admittedOn,
      agreementEndsOn: addMonths(admittedOn, r.pick([24, 36])),
      room: `${r.int(1, 6)}号楼${r.int(1, 5)}${String(r.int(1, 30)).padStart(2, '0')}`,
      area: r.pick([20, 40, 60, 80, 120, 200]),
      feeWaived: false,
      keyProject: r.chance(0.15),
      contactPhone: phoneFor(r),
      status: exited ? 'exited' : 'resident',
      exitKind: exited ? r.pick(['graduated', 'expired', 'voluntary'] as const) : undefined,
      exitedOn: exited ? addDays(o.today, -r.int(1, 25)) : undefined,
    };
    const team = r.int(1, 3);
    for (let f = 0; f < team; f++) {
      const age = r.int(21, 52);
      const birth = addDays(`${Number(o.today.slice(0, 4)) - age}-01-01`, r.int(0, 364));
      const female = r.chance(0.4);
      // Cycle the key groups so every one is present even in a small demo.
      const group = keyGroups[(i + f) % keyGroups.length]!;
      const graduate = group === 'graduate' || r.chance(0.3);
      founders.push({
        id: `${prefix}f${i + 1}-${f + 1}`,
        updatedAt: stamp,
        startupId: id,
        name: personName(r),
        idNumber: idNumberFor(r, birth, female),
        phone: phoneFor(r),
        education: graduate ? r.pick(['bachelor', 'master', 'college'] as const) : r.pick(['highSchool', 'college', 'belowHighSchool'] as const),
        school: graduate ? r.pick(SCHOOLS) : undefined,
        graduatedOn: graduate ? addDays(o.today, -r.int(100, 2000)) : undefined,
        keyGroups: f === 0 || r.chance(0.3) ? [...new Set([group, ...(graduate ? (['graduate'] as const) : [])])] : [],
        firstTime: r.chance(0.8),
        trainingCertified: r.chance(0.5),
      });
    }
    // This startup's founders are the last `team` pushed (a scan of all founders made large desks quadratic).
    const keyFounder = founders.slice(-team).some((f) => f.keyGroups.some((g) => g !== 'other'));
    const young = !registeredOn || Date.parse(admittedOn) - Date.parse(registeredOn) <= 3 * 365 * 86_400_000;
    if (keyFounder && young && r.chance(0.4)) {
      startup.feeWaived = true;
      startup.feeWaiverBasis = '重点群体创业，注册未满三年（人社部发〔2025〕5号第十条）';
    }
    startups.push(startup);

    let employees = r.int(1, 6);
    let revenue = r.int(5, 60) * 10_000;
    for (const q of quarters) {
      if (q.endsOn < admittedOn || (startup.exitedOn && q.endsOn > startup.exitedOn)) continue;
      if (r.chance(0.05)) continue; // a missed report now and then, as in life
      employees = Math.max(1, employees + r.int(-1, 3));
      revenue = Math.max(0, Math.round(revenue * (0.8 + r.next() * 0.6)));
      const financing = r.chance(0.15) ? r.int(1, 30) * 100_000 : 0;
      const guaranteeLoans = financing > 0 && r.chance(0.5) ? Math.min(financing, r.pick([200_000, 300_000, 500_000])) : 0;
      const keyGroupHires = r.int(0, Math.floor(employees / 2));
      reports.push({
        id: `${prefix}r${i + 1}-${q.period}`,
        updatedAt: stamp,
        startupId: id,
        period: q.period,
        employees,
        keyGroupHires,
        newGraduateHires: r.int(0, employees - keyGroupHires),
        insuredEmployees: r.int(Math.floor(employees / 2), employees),
        revenue,
        netProfit: Math.round(revenue * (r.next() * 0.3 - 0.1)),
        taxPaid: Math.round(revenue * 0.03 * r.next()),
        rdSpend: field === 'ai' || field === 'digital' ? Math.round(revenue * r.next() * 0.1) : 0,
        ipApplied: r.chance(0.2) ? r.int(1, 3) : 0,
        inventionPatentsGranted: r.chance(0.04) ? 1 : 0,
        otherIpGranted: r.chance(0.15) ? r.int(1, 2) : 0,
        financing,
        guaranteeLoans,
        equityFinancing: financing > guaranteeLoans && r.chance(0.5) ? financing - guaranteeLoans : 0,
        subsidies: r.chance(0.2) ? r.pick([5000, 10000, 20000]) : 0,
      });
    }
  }

  const mentorCount = o.mentors ?? Math.max(12, Math.ceil(o.startups / 8));
  const mentors: Mentor[] = Array.from({ length: mentorCount }, (_, i) => {
    const kind = mentorKinds[i % mentorKinds.length]!;
    return {
      id: `${prefix}m${i + 1}`,
      updatedAt: stamp,
      name: personName(r),
      kind,
      coachLevel: kind === 'coach' ? r.int(1, 5) : undefined,
      organisation: r.pick(ORGS),
      expertise: [...new Set([r.pick(EXPERTISE), r.pick(EXPERTISE)])],
      phone: phoneFor(r),
      // One mentor has gone quiet, so the yearly-minimum warning has something to show.
      active: i !== mentorCount - 1,
    };
  });

  const sessions: Session[] = [];
  const total = Math.round(o.startups * (o.sessionsPerStartup ?? 7.5));
  const activeMentors = mentors.filter((m) => m.active);
  for (let i = 0; i < total; i++) {
    const kind = r.chance(0.75) ? 'appointment' : r.chance(0.7) ? 'group' : 'panel';
    const daysFromToday = r.int(-720, 30);
    const day = addDays(o.today, daysFromToday);
    const hour = r.pick([9, 10, 14, 15, 16]);
    const startupIds =
      kind === 'group' ? [...new Set(Array.from({ length: r.int(3, 8) }, () => r.pick(startups).id))] : [r.pick(startups).id];
    const mentorIds = kind === 'panel' ? [...new Set([r.pick(activeMentors).id, r.pick(activeMentors).id, r.pick(activeMentors).id])] : [r.pick(activeMentors).id];
    if (kind === 'panel' && mentorIds.length < 2) mentorIds.push(activeMentors.find((m) => !mentorIds.includes(m.id))!.id);
    const future = daysFromToday > 0;
    const status = future ? 'scheduled' : r.chance(0.9) ? 'held' : r.pick(['cancelled', 'noShow'] as const);
    const held = status === 'held';
    sessions.push({
      id: `${prefix}c${i + 1}`,
      updatedAt: stamp,
      kind,
      mentorIds,
      startupIds,
      startsAt: `${day}T${String(hour - 8).padStart(2, '0')}:00:00.000Z`,
      durationMinutes: r.pick([60, 90, 120]),
      mode: r.pick(sessionModes),
      topics: [r.pick(TOPICS)],
      summary: held ? '梳理了当前经营情况和下一步计划，导师给出具体建议。' : undefined,
      actionItems: held && r.chance(0.5) ? [{ id: `${prefix}a${i + 1}`, text: '完善商业计划书财务部分', owner: '创始人', due: addDays(day, 21), done: r.chance(0.6) }] : [],
      rating: held ? r.int(3, 5) : undefined,
      status,
    });
  }
  return { carrier, startups, founders, mentors, sessions, reports };
}
