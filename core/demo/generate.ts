import { creditCodeCheckChar } from '../validators/creditCode';
import { idNumberCheckChar } from '../validators/idNumber';
import { DEMO_PREFIX, defaultRuleSet, fields, keyGroups, stages, type Carrier, type Exit, type Founder, type Mentor, type Report, type Session, type Startup } from '../records';
import { mentorKinds, sessionModes } from '../records';
import { demoExits } from './exits';
import { gradeDrawn, profiles, within } from './profiles';
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
const ACTION_ITEMS = ['完善商业计划书财务部分', '补齐员工社保缴纳', '准备融资路演材料', '申报一次性创业补贴', '梳理知识产权申请清单', '调整产品定价方案'];
const LOW_MARKS = ['团队成员变动较大，入驻场地使用不足。', '场地长期无人办公，已约谈负责人。', '未按协议按时报送经营数据。'];
/** Relative share of sessions each mentor takes, in turn; the mentor at LAPSED_MENTOR coached only until a year ago. */
const MENTOR_LOAD = [6, 5, 4, 3, 3, 2, 2, 2, 1, 1, 1, 1];
const LAPSED_MENTOR = 9;
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

/** One person, one ID number: a sequence number already given for the birth date moves on (same gender digit). */
function idNumberFor(r: Random, birth: string, female: boolean, taken: Set<string>): string {
  let seq = r.int(0, 49) * 2 + (female ? 0 : 1) + 100;
  let first17 = '';
  do first17 = REGION + birth.replace(/-/g, '') + String(seq).slice(-3);
  while (taken.has(first17) && (seq += 2));
  taken.add(first17);
  return first17 + idNumberCheckChar(first17);
}

/** One company, one name: a name already given gets a number, as a roster tells two namesakes apart. */
function uniqueName(name: string, taken: Map<string, number>): string {
  const n = (taken.get(name) ?? 0) + 1;
  taken.set(name, n);
  return n === 1 ? name : `${name}（${n}）`;
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
  exits: Exit[];
  /** How the demo's evaluator scores each startup's manual item in every round. */
  manualScores: ManualScore[];
}

export interface ManualScore {
  startupId: string;
  key: string;
  points: number;
  comment?: string;
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
  // How residents do is drawn apart from who they are, so tuning the figures leaves names, codes and dates as they were.
  const fig = seeded((o.seed ?? 2025) + 0x9e3779b9);
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
    // Sized so the residents' rooms fill most of it, short of the 90% standard, as in many a real base.
    area: 3600,
    seats: 50,
    rules: defaultRuleSet,
  };

  const startups: Startup[] = [];
  const founders: Founder[] = [];
  const names = new Map<string, number>();
  const idNumbers = new Set<string>();
  const reports: Report[] = [];
  const manualScores: ManualScore[] = [];
  /** Each startup as many times as its profile's engagement, for drawing who is met in sessions. */
  const engaged: Startup[] = [];
  /** Those drawn to fail, who of late stopped taking up coaching (the quiet-residents list has them). */
  const struggling = new Set<string>();
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
      name: uniqueName(
        entityType === 'team'
          ? `${r.pick(WORDS)}${r.pick(TRADES[field])}创业团队`
          : entityType === 'soleProprietor'
            ? `临安区${r.pick(WORDS)}${r.pick(TRADES[field])}经营部`
            : entityType === 'cooperative'
              ? `临安${r.pick(WORDS)}农产品专业合作社`
              : `杭州${r.pick(WORDS)}${r.pick(TRADES[field])}有限公司`,
        names,
      ),
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
    // Most residents whose agreement ran out renewed it for a year at a time (those doing badly and every
    // fourth one overstay, for the exit review to find); those who left at its end (到期出园) left the day it ended.
    if (!exited && i % 4 !== 0 && gradeDrawn(i) !== 'fail') while (startup.agreementEndsOn < o.today) startup.agreementEndsOn = addMonths(startup.agreementEndsOn, 12);
    if (startup.exitKind === 'expired') startup.agreementEndsOn = startup.exitedOn!;
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
        idNumber: idNumberFor(r, birth, female, idNumbers),
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

    // Figures grow from where the startup stood in its first reported quarter, at its own yearly pace.
    const grade = gradeDrawn(i);
    const p = profiles[grade];
    const startEmployees = within(fig, p.employees);
    const startRevenue = within(fig, p.revenue);
    const growth = within(fig, p.growth);
    const hires = within(fig, p.hires);
    const insured = within(fig, p.insured);
    const rdFactor = field === 'ai' || field === 'digital' || field === 'green' ? 1 : 0.6;
    const points = fig.int(...p.compliance);
    manualScores.push({ startupId: id, key: 'compliance', points, ...(points < 5 ? { comment: fig.pick(LOW_MARKS) } : {}) });
    let reported = 0;
    for (const q of quarters) {
      if (q.endsOn < admittedOn || (startup.exitedOn && q.endsOn > startup.exitedOn)) continue;
      if (fig.chance(p.missed)) continue; // a missed report now and then, most often from those who struggle
      const years = reported++ / 4;
      const employees = Math.max(1, Math.round(startEmployees * (1 + growth / 3) ** years) + fig.int(-1, 1));
      const revenue = Math.max(0, Math.round(startRevenue * (1 + growth) ** years * (0.95 + fig.next() * 0.1)));
      const financing = fig.chance(p.financed) ? Math.round(within(fig, p.financing) / 10_000) * 10_000 : 0;
      const guaranteeLoans = financing > 0 && fig.chance(0.5) ? Math.min(financing, fig.pick([200_000, 300_000, 500_000])) : 0;
      const hired = Math.min(employees, Math.round(employees * hires * (0.9 + fig.next() * 0.2)));
      const keyGroupHires = Math.round(hired * 0.6);
      reports.push({
        id: `${prefix}r${i + 1}-${q.period}`,
        updatedAt: stamp,
        startupId: id,
        period: q.period,
        employees,
        keyGroupHires,
        newGraduateHires: hired - keyGroupHires,
        insuredEmployees: Math.min(employees, Math.ceil(employees * insured)),
        revenue,
        netProfit: Math.round(revenue * (fig.next() * 0.3 - 0.1)),
        taxPaid: Math.round(revenue * within(fig, p.taxRate)),
        rdSpend: Math.round(revenue * within(fig, p.rd) * rdFactor),
        ipApplied: fig.chance(0.1 + p.otherIp / 2) ? fig.int(1, 3) : 0,
        inventionPatentsGranted: fig.chance(p.patent) ? fig.int(1, 2) : 0,
        otherIpGranted: fig.chance(p.otherIp) ? fig.int(1, 2) : 0,
        financing,
        guaranteeLoans,
        equityFinancing: financing > guaranteeLoans && fig.chance(0.5) ? financing - guaranteeLoans : 0,
        subsidies: fig.chance(0.2) ? fig.pick([5000, 10000, 20000]) : 0,
      });
    }
    for (let k = 0; k < p.engagement; k++) engaged.push(startup);
    if (grade === 'fail') struggling.add(id);
  }

  // One venture that left was wound up (注销), so 再创业帮扶 has a founder to follow up.
  const woundUp = startups.findLast((s) => s.status === 'exited');
  if (woundUp) woundUp.exitKind = 'deregistered';

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

  // Some mentors are in demand, some rarely asked; one stopped coaching a year ago though still listed.
  const load = (i: number) => MENTOR_LOAD[i % MENTOR_LOAD.length]!;
  const weighted = (keep: (i: number) => boolean) => mentors.flatMap((m, i) => (m.active && keep(i) ? Array<Mentor>(load(i)).fill(m) : []));
  const everyMentor = weighted(() => true);
  const lastYearMentors = weighted((i) => i % MENTOR_LOAD.length !== LAPSED_MENTOR);
  // Residents who do well take up more coaching. Sessions are dealt in date order round a shuffled
  // deck of residents, so each one's sessions are spread over time (random picks left some residents
  // without a session for quarters on end), each with residents resident on its day.
  for (let i = engaged.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [engaged[i], engaged[j]] = [engaged[j]!, engaged[i]!];
  }
  const lately = addDays(o.today, -45);
  const canMeet = (s: Startup, day: string) => s.admittedOn <= day && !(s.exitedOn && s.exitedOn < day) && !(day >= lately && struggling.has(s.id));
  let dealt = 0;
  const pickStartup = (day: string) => {
    let s = engaged[dealt++ % engaged.length]!;
    for (let tries = 0; tries < 8 && !canMeet(s, day); tries++) s = engaged[dealt++ % engaged.length]!;
    return s.id;
  };

  const sessions: Session[] = [];
  const total = Math.round(o.startups * (o.sessionsPerStartup ?? 7.5));
  // Two years of sessions, more of them lately (the carrier's mentoring grew), and a month booked ahead.
  const offsets = Array.from({ length: total }, () => (r.chance(0.05) ? r.int(1, 30) : -Math.floor(720 * r.next() ** 1.4))).sort((a, b) => a - b);
  for (let i = 0; i < total; i++) {
    const kind = r.chance(0.65) ? 'appointment' : r.chance(0.75) ? 'group' : 'panel';
    const daysFromToday = offsets[i]!;
    const day = addDays(o.today, daysFromToday);
    const hour = r.pick([9, 10, 14, 15, 16]);
    const startupIds = kind === 'group' ? [...new Set(Array.from({ length: r.int(3, 8) }, () => pickStartup(day)))] : [pickStartup(day)];
    const pool = daysFromToday > -365 ? lastYearMentors : everyMentor;
    const mentorIds = kind === 'panel' ? [...new Set([r.pick(pool).id, r.pick(pool).id, r.pick(pool).id])] : [r.pick(pool).id];
    if (kind === 'panel' && mentorIds.length < 2) mentorIds.push(pool.find((m) => !mentorIds.includes(m.id))!.id);
    const future = daysFromToday > 0;
    const status = future ? 'scheduled' : r.chance(0.9) ? 'held' : r.pick(['cancelled', 'noShow'] as const);
    const held = status === 'held';
    const due = addDays(day, 21);
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
      // Older action items are mostly done; recent ones are often still open, some past their due date.
      actionItems: held && r.chance(0.5) ? [{ id: `${prefix}a${i + 1}`, text: r.pick(ACTION_ITEMS), owner: '创始人', due, done: r.chance(due < addDays(o.today, -45) ? 0.92 : 0.4) }] : [],
      rating: held ? r.int(3, 5) : undefined,
      status,
    });
  }
  return { carrier, startups, founders, mentors, sessions, reports, manualScores, exits: demoExits(startups, o.today, carrier.operator!) };
}
