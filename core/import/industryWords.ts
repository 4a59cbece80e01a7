/**
 * Words in a startup's name that make its GB/T 4754 section plain (杭州青禾农业科技有限公司 → A), to
 * propose when the roster gives no industry. Each is a proposal the manager accepts or changes.
 */
export const INDUSTRY_WORDS: Readonly<Record<string, readonly string[]>> = {
  A: ['农业', '种植', '养殖', '农牧', '林业', '渔业', '畜牧', '水产', '果蔬', '茶叶', '苗木', '花卉', '农场', '生态农'],
  B: ['矿业', '采矿', '采石'],
  C: ['制造', '加工', '机械', '服装', '纺织', '五金', '模具', '化工', '印刷', '家具', '食品厂'],
  D: ['电力', '燃气', '供水', '光伏发电'],
  E: ['建筑', '装饰', '装修', '建设工程', '土木'],
  F: ['电商', '电子商务', '商贸', '贸易', '商行', '批发', '零售', '超市', '便利店', '商店'],
  G: ['物流', '快递', '运输', '仓储', '货运', '配送'],
  H: ['餐饮', '餐厅', '饭店', '酒店', '宾馆', '民宿', '小吃', '奶茶', '咖啡', '火锅', '面馆'],
  I: ['软件', '信息', '数字', '网络', '互联网', '数据', '云计算', '计算机', '信息技术咨询'],
  J: ['金融', '保险', '担保', '小额贷款'],
  K: ['房地产', '物业', '置业'],
  L: ['咨询', '信息咨询', '广告', '策划', '人力资源', '会展', '企业管理', '知识产权', '商务服务'],
  M: ['科学研究', '研究院', '研究所', '检测', '设计', '生物技术', '技术服务'],
  N: ['环保', '环境治理', '污水', '园林绿化'],
  O: ['家政', '美容', '美发', '维修', '洗衣', '保洁', '摄影'],
  P: ['教育', '培训', '学校', '早教'],
  Q: ['医疗', '诊所', '医院', '卫生', '养老', '康复', '护理'],
  R: ['文化', '传媒', '影视', '娱乐', '体育', '健身', '艺术', '演艺', '动漫'],
};

const WORDS = Object.entries(INDUSTRY_WORDS).flatMap(([section, words]) => words.map((word) => ({ word, section })));

/**
 * The section a name's industry words point to. A Chinese name puts its line of business last, just
 * before 有限公司 (杭州数字文化传媒 is 传媒), so the word ending last wins, and of two ending there the longer
 * (信息咨询 over 咨询). Null when no word is in the name.
 */
export function proposeIndustry(name: string): string | null {
  let best: { end: number; length: number; section: string } | null = null;
  for (const { word, section } of WORDS) {
    const at = name.lastIndexOf(word);
    if (at < 0) continue;
    const end = at + word.length;
    if (!best || end > best.end || (end === best.end && word.length > best.length)) best = { end, length: word.length, section };
  }
  return best?.section ?? null;
}
