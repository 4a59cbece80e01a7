import type { ImportField } from './fields';

/**
 * The header words of real rosters (county 在孵企业名册, 火炬 在孵企业情况表, 人社 创业主体名册, the desk's
 * own export) for each import field. Headers are folded before they are compared (see `foldHeader`):
 * case, spaces, * marks and a trailing note in brackets do not matter, so 面积（㎡） is 面积.
 */
export const HEADER_WORDS: Record<ImportField, readonly string[]> = {
  name: ['企业名称', '主体名称', '名称', '创业主体名称', '企业(团队)名称', '企业/团队名称', '企业或团队名称', '团队名称', '单位名称', '公司名称', '在孵企业名称', '在孵企业', '项目名称', 'company', 'company name'],
  creditCode: ['统一社会信用代码', '信用代码', '社会信用代码', '社会统一信用代码', '统一信用代码', '组织机构代码', '营业执照号码', '营业执照号', 'uscc', 'credit code'],
  entityType: ['主体类型', '企业类型', '创业主体类型', '市场主体类型', '登记类型', '组织形式', 'entity type'],
  registeredOn: ['注册日期', '成立日期', '注册时间', '成立时间', '登记日期', '注册登记日期', '注册登记时间', '营业执照注册日期', 'registered on', 'registration date'],
  industry: ['行业', '所属行业', '行业门类', '所属行业门类', '行业类别', '行业分类', '国民经济行业', '国民经济行业分类', '所属行业(GB/T4754)', 'industry'],
  field: ['领域', '所属领域', '产业领域', '技术领域', '重点领域', 'field'],
  stage: ['阶段', '发展阶段', '企业阶段', '所处阶段', '企业发展阶段', 'stage'],
  admittedOn: ['入驻日期', '入孵日期', '入驻时间', '入孵时间', '入园时间', '入园日期', '进驻时间', '进驻日期', '入驻基地时间', '入驻孵化基地时间', '孵化起始日期', '入孵起始日期', 'admitted on', 'admission date'],
  agreementEndsOn: ['协议到期日', '协议到期', '协议到期日期', '协议到期时间', '协议截止日期', '到期时间', '到期日期', '到期日', '合同到期', '合同到期日', '合同到期时间', '合同截止日期', '入孵协议到期日', '孵化到期日', '孵化期满时间', 'agreement ends on', 'agreement end'],
  room: ['房间号', '房间', '房号', '门牌号', '工位号', '房间/工位', '房间号/工位号', '入驻位置', 'room'],
  area: ['面积', '使用面积', '入驻面积', '场地面积', '占用面积', '租赁面积', '办公面积', '孵化场地面积', 'area'],
  feeWaived: ['免费入驻', '是否免费入驻', '是否免费', 'fee waived'],
  keyProject: ['重点项目', '是否重点项目', 'key project'],
  contactName: ['联系人', '联系人姓名', '企业联系人', 'contact', 'contact name'],
  // A phone column without an owner: see `phoneOwner` for whom it goes to.
  contactPhone: ['联系电话', '联系人电话', '电话', '手机', '手机号', '手机号码', '电话号码', '联系方式', '联系手机', 'phone', 'contact phone'],
  founderName: ['创始人', '创始人姓名', '负责人', '负责人姓名', '主要负责人', '法人', '法人代表', '法定代表人', '法定代表人姓名', '法人姓名', '企业法人', '创业者', '创业者姓名', '项目负责人', '团队负责人', '经营者', 'founder', 'founder name'],
  idNumber: ['身份证号', '身份证号码', '身份证', '证件号码', '证件号', '身份证件号码', '公民身份号码', '创始人身份证号', '负责人身份证号', '法人身份证号', '法定代表人身份证号', '创业者身份证号', 'id number'],
  founderPhone: ['创始人电话', '创始人手机', '负责人电话', '负责人手机', '负责人联系电话', '法人电话', '法人手机', '法人联系电话', '法定代表人电话', '创业者电话', 'founder phone'],
  education: ['学历', '最高学历', '文化程度', 'education'],
  school: ['毕业院校', '毕业学校', 'school'],
  graduatedOn: ['毕业时间', '毕业日期', '毕业年月', 'graduated on'],
  keyGroups: ['重点群体', '人员类别', '人员类型', '重点群体类别', '创业人员类别', '创业者类型', '创业者类别', '身份类别', 'key groups'],
  firstTime: ['首次创业', '是否首次创业', 'first time'],
  trainingCertified: ['创业培训合格证', '是否取得创业培训合格证', '创业培训', '是否参加创业培训', 'training certified'],
};

/** Columns every roster numbers or annotates its rows with, which hold no field: not worth asking about. */
export const IGNORED_HEADERS: readonly string[] = ['序号', '编号', 'no', 'no.'];
