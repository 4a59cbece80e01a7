import type { Figure, NumberKey } from '@core/kpis/carrierNumbers';

const rates = new Set<NumberKey>(['successRate', 'onTimeExitRate', 'occupancyArea', 'occupancySeats', 'financedShare']);

/** A carrier number as people read it: rates in percent, counts whole, ratios to one decimal. */
export const formatValue = (key: NumberKey, value: number) => (rates.has(key) ? `${(value * 100).toFixed(1)}%` : Number.isInteger(value) ? String(value) : value.toFixed(1));

/** A rate over nothing (0 of 0) has no value to show. */
export const formatFigure = (key: NumberKey, figure: Figure) => (figure.of?.denominator === 0 ? '—' : formatValue(key, figure.value));
