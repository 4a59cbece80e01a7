/**
 * GB/T 4754-2017 sections (门类): the letter a startup's industry is kept as, and the section's name in
 * each language the desk speaks. Import reads the Chinese names; the list, the file and the official
 * files show letter and name together, as the standard writes them.
 */
export const industrySections = {
  A: { zh: '农、林、牧、渔业', en: 'Agriculture, forestry, animal husbandry, fishery' },
  B: { zh: '采矿业', en: 'Mining' },
  C: { zh: '制造业', en: 'Manufacturing' },
  D: { zh: '电力、热力、燃气及水生产和供应业', en: 'Electricity, heat, gas and water' },
  E: { zh: '建筑业', en: 'Construction' },
  F: { zh: '批发和零售业', en: 'Wholesale and retail' },
  G: { zh: '交通运输、仓储和邮政业', en: 'Transport, storage and post' },
  H: { zh: '住宿和餐饮业', en: 'Accommodation and catering' },
  I: { zh: '信息传输、软件和信息技术服务业', en: 'Information transmission, software and IT services' },
  J: { zh: '金融业', en: 'Finance' },
  K: { zh: '房地产业', en: 'Real estate' },
  L: { zh: '租赁和商务服务业', en: 'Leasing and business services' },
  M: { zh: '科学研究和技术服务业', en: 'Scientific research and technical services' },
  N: { zh: '水利、环境和公共设施管理业', en: 'Water, environment and public facilities' },
  O: { zh: '居民服务、修理和其他服务业', en: 'Resident, repair and other services' },
  P: { zh: '教育', en: 'Education' },
  Q: { zh: '卫生和社会工作', en: 'Health and social work' },
  R: { zh: '文化、体育和娱乐业', en: 'Culture, sports and entertainment' },
  S: { zh: '公共管理、社会保障和社会组织', en: 'Public administration and social organisations' },
  T: { zh: '国际组织', en: 'International organisations' },
} as const;
export type IndustrySection = keyof typeof industrySections;

/** GB/T 4754-2017 section letters, A to T (kept as strings: a stored letter is checked by the schema, not the type). */
export const industries = Object.keys(industrySections) as [string, ...string[]];

/** The sections' names in one language, by letter (the i18n resources' `enums.industry`). */
export const industryNames = (lang: 'zh' | 'en') =>
  Object.fromEntries(Object.entries(industrySections).map(([l, names]) => [l, names[lang]])) as Record<IndustrySection, string>;

/** A section as the standard writes it, letter then name ("I 信息传输、软件和信息技术服务业"); `name` is the caller's translation. */
export const industryLabel = (letter: string, name: (key: string) => string) => `${letter} ${name(`enums.industry.${letter}`)}`;
