import type { TFunction } from 'i18next';
import { carrierLevels, carrierLines } from '@core/records/carrier';

export const rosterStatuses = ['listed', 'rectify', 'removed'] as const;

/** Select options for the carrier words, in the desk's own terms. */
export const lineOptions = (t: TFunction) => carrierLines.map((value) => ({ value, label: t(`carrierWords.lines.${value}`) }));
export const levelOptions = (t: TFunction) => carrierLevels.map((value) => ({ value, label: t(`carrierWords.levels.${value}`) }));
export const statusOptions = (t: TFunction) => rosterStatuses.map((value) => ({ value, label: t(`carrierWords.rosterStatus.${value}`) }));
