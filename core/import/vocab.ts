import { educations, entityTypes, fields, industries, keyGroups, stages, type KeyGroup } from '../records';
import { toHalfWidth } from '../text';

/**
 * The words managers write in a cell → the record's enum values. Each value's own key (e.g. `growth`)
 * is accepted too, so a file the desk exported in English reads back.
 */
type Vocab<T extends string> = ReadonlyMap<string, T>;

/** Case, spaces and the punctuation people vary (、，,()) do not distinguish two labels. */
const fold = (s: string) => toHalfWidth(s).toLowerCase().replace(/[\s、,，()（）]/g, '');

function vocab<T extends string>(values: readonly T[], labels: Record<T, readonly string[]>): Vocab<T> {
  const map = new Map<string, T>();
  for (const value of values) for (const label of [value, ...labels[value]]) map.set(fold(label), value);
  return map;
}

const lookup = <T extends string>(table: Vocab<T>, raw: string): T | null => table.get(fold(raw)) ?? null;

const ENTITY_TYPES = vocab(entityTypes, {
  enterprise: ['企业', '公司', '有限责任公司', '股份有限公司'],
  soleProprietor: ['个体工商户', '个体户', '个体'],
  cooperative: ['农民专业合作社', '合作社', '专业合作社'],
  ruralCollective: ['农村集体经济组织', '集体经济组织'],
  team: ['未注册团队', '团队', '创业团队', '未注册'],
});

const FIELDS = vocab(fields, {
  digital: ['数字经济'],
  ai: ['人工智能'],
  green: ['绿色经济', '绿色低碳'],
  silver: ['银发经济'],
  agriculture: ['现代农业'],
  other: ['其他', '其它'],
});

const STAGES = vocab(stages, {
  early: ['初创期', '初创'],
  growth: ['成长期', '成长'],
  mature: ['成熟期', '成熟'],
});

const EDUCATIONS = vocab(educations, {
  doctorate: ['博士', '博士研究生'],
  master: ['硕士', '硕士研究生', '研究生'],
  bachelor: ['本科', '大学本科', '学士'],
  college: ['大专', '专科', '大学专科', '高职'],
  highSchool: ['高中', '中专', '中职', '技校', '职高', '高中/中专'],
  belowHighSchool: ['初中', '初中及以下', '小学', '高中以下'],
});

const KEY_GROUPS = vocab(keyGroups, {
  graduate: ['高校毕业生', '大学毕业生'],
  migrantWorker: ['农民工', '返乡创业农民工', '返乡农民工', '农民工（返乡创业农民工）'],
  veteran: ['退役军人'],
  hardToEmploy: ['就业困难人员', '残疾人', '就业困难人员(含残疾人)'],
  povertyAlleviated: ['脱贫人口', '脱贫户'],
  unemployed: ['城镇登记失业人员', '登记失业人员'],
  ruralEntrepreneur: ['农村自主创业农民'],
  other: ['其他', '其它'],
});

/** GB/T 4754-2017 section names, by section letter. */
const SECTION_NAMES: Record<string, string> = {
  A: '农、林、牧、渔业',
  B: '采矿业',
  C: '制造业',
  D: '电力、热力、燃气及水生产和供应业',
  E: '建筑业',
  F: '批发和零售业',
  G: '交通运输、仓储和邮政业',
  H: '住宿和餐饮业',
  I: '信息传输、软件和信息技术服务业',
  J: '金融业',
  K: '房地产业',
  L: '租赁和商务服务业',
  M: '科学研究和技术服务业',
  N: '水利、环境和公共设施管理业',
  O: '居民服务、修理和其他服务业',
  P: '教育',
  Q: '卫生和社会工作',
  R: '文化、体育和娱乐业',
  S: '公共管理、社会保障和社会组织',
  T: '国际组织',
};
const INDUSTRIES = vocab(industries, Object.fromEntries(industries.map((l) => [l, [SECTION_NAMES[l]!]])));

export const parseEntityType = (raw: string) => lookup(ENTITY_TYPES, raw);
export const parseField = (raw: string) => lookup(FIELDS, raw);
export const parseStage = (raw: string) => lookup(STAGES, raw);
export const parseEducation = (raw: string) => lookup(EDUCATIONS, raw);
export const parseKeyGroup = (raw: string): KeyGroup | null => lookup(KEY_GROUPS, raw);

/** A section letter (I), its name (信息传输、软件和信息技术服务业) or both (I 信息传输… / 信息传输…(I)). */
export function parseIndustry(raw: string): string | null {
  const s = toHalfWidth(raw).toUpperCase();
  const letter = /^([A-T])(?:$|[^A-Z])/.exec(s) ?? /[(（]([A-T])[)）]$/.exec(s);
  return letter ? letter[1]! : lookup(INDUSTRIES, raw);
}
