import { educations, entityTypes, fields, industries, industryNames, keyGroups, stages, type KeyGroup } from '../records';
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

const INDUSTRIES = vocab(industries, Object.fromEntries(Object.entries(industryNames('zh')).map(([l, name]) => [l, [name]])));

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
