import type { TFunction } from 'i18next';
import { industries } from '@core/records';
import { industryText } from './labels';

/** GB/T 4754 sections as select options: the letter and its name (I 信息传输、软件和信息技术服务业). */
export const industryOptions = (t: TFunction) => industries.map((i) => ({ value: i, label: industryText(i, t) }));
