import { toHalfWidth } from '../text';

/** What an import column can hold: startup fields, then the one founder a row may name. */
export const importFields = [
  'name',
  'creditCode',
  'entityType',
  'registeredOn',
  'industry',
  'field',
  'stage',
  'admittedOn',
  'agreementEndsOn',
  'room',
  'area',
  'feeWaived',
  'keyProject',
  'contactName',
  'contactPhone',
  'founderName',
  'idNumber',
  'founderPhone',
  'education',
  'school',
  'graduatedOn',
  'keyGroups',
  'firstTime',
  'trainingCertified',
] as const;
export type ImportField = (typeof importFields)[number];

/** Fields the startup record cannot do without; each needs a column or a value chosen for all rows. */
export const requiredFields = ['name', 'entityType', 'industry', 'field', 'stage', 'admittedOn', 'agreementEndsOn', 'area'] as const satisfies readonly ImportField[];

const ALIASES: Record<ImportField, readonly string[]> = {
  name: ['企业名称', '主体名称', '名称', '创业主体名称', '企业(团队)名称', '团队名称', 'company', 'company name'],
  creditCode: ['统一社会信用代码', '信用代码', '社会信用代码', 'uscc', 'credit code'],
  entityType: ['主体类型', '企业类型', '创业主体类型', 'entity type'],
  registeredOn: ['注册日期', '成立日期', '注册时间', '成立时间', 'registered on', 'registration date'],
  industry: ['行业', '所属行业', '行业门类', '国民经济行业'],
  field: ['领域', '所属领域', '产业领域'],
  stage: ['阶段', '发展阶段', '企业阶段'],
  admittedOn: ['入驻日期', '入孵日期', '入驻时间', '入孵时间', 'admitted on', 'admission date'],
  agreementEndsOn: ['协议到期日', '协议到期', '协议到期日期', '协议截止日期', 'agreement ends on', 'agreement end'],
  room: ['房间号', '房间', '工位号', '房间/工位'],
  area: ['面积', '使用面积', '入驻面积', '场地面积'],
  feeWaived: ['免费入驻', '是否免费入驻', 'fee waived'],
  keyProject: ['重点项目', '是否重点项目', 'key project'],
  contactName: ['联系人', 'contact', 'contact name'],
  contactPhone: ['联系电话', '联系人电话', 'contact phone'],
  founderName: ['创始人', '负责人', '法定代表人', '创始人姓名', '负责人姓名', '法人代表', 'founder', 'founder name'],
  idNumber: ['身份证号', '身份证号码', '创始人身份证号', '公民身份号码', 'id number'],
  founderPhone: ['手机', '手机号', '手机号码', '创始人电话', '创始人手机', 'founder phone'],
  education: ['学历', '最高学历'],
  school: ['毕业院校', '毕业学校'],
  graduatedOn: ['毕业时间', '毕业日期', 'graduated on'],
  keyGroups: ['重点群体', '人员类别', 'key groups'],
  firstTime: ['首次创业', '是否首次创业', 'first time'],
  trainingCertified: ['创业培训合格证', '是否取得创业培训合格证', '创业培训', 'training certified'],
};

/**
 * Headers are compared without case, spaces, required-marks (*) and a trailing note in brackets,
 * so 面积（㎡）, 面积(平方米) and *面积 are all 面积; field keys themselves (admittedOn) match too.
 */
export function foldHeader(header: string): string {
  return toHalfWidth(header)
    .toLowerCase()
    .replace(/[*\s_]/g, '')
    .replace(/\([^()]*\)$/, '');
}

const BY_HEADER = new Map<string, ImportField>(
  importFields.flatMap((field) => [field, ...ALIASES[field]].map((alias) => [foldHeader(alias), field] as const)),
);

/** Column index → field; null for a column the import leaves alone. The UI's mapping step edits this. */
export type ColumnMapping = (ImportField | null)[];

export interface HeaderMapping {
  columns: ColumnMapping;
  /** Headers no alias matched (or naming a field an earlier column already took), for the mapping step. */
  unmapped: { index: number; header: string }[];
  missingRequired: ImportField[];
}

export function mapHeaders(headerRow: readonly string[]): HeaderMapping {
  const taken = new Set<ImportField>();
  const unmapped: HeaderMapping['unmapped'] = [];
  const columns = headerRow.map((header, index) => {
    const field = BY_HEADER.get(foldHeader(header)) ?? null;
    if (field && !taken.has(field)) {
      taken.add(field);
      return field;
    }
    if (header.trim() !== '') unmapped.push({ index, header });
    return null;
  });
  return { columns, unmapped, missingRequired: missingRequired(columns) };
}

/**
 * Index of the header row: official rosters often open with a title row (某某基地在孵企业名册) or two,
 * so it is the row among the first ten that names the most fields.
 */
export function locateHeader(rows: readonly (readonly string[])[]): number {
  let best = 0;
  let bestCount = 0;
  rows.slice(0, 10).forEach((row, index) => {
    const count = mapHeaders(row).columns.filter((f) => f !== null).length;
    if (count > bestCount) [best, bestCount] = [index, count];
  });
  return best;
}

/** Required fields with neither a column nor a value given for every row. */
export function missingRequired(columns: ColumnMapping, defaulted: readonly ImportField[] = []): ImportField[] {
  return requiredFields.filter((f) => !columns.includes(f) && !defaulted.includes(f));
}
