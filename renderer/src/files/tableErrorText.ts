import type { TFunction } from 'i18next';
import { TableReadError } from './readTable';

/** What to tell a manager whose file could not be read: why, and what to do, in their language. */
export const tableErrorText = (error: unknown, t: TFunction): string => (error instanceof TableReadError ? t(`import.file.${error.problem}`) : String(error));
