import type { SizeRun } from './page/results';

/** One line of the table: an operation at one size. Times in ms. */
export interface Row {
  op: string;
  size: number;
  n: number;
  median: number | null;
  p95: number | null;
  rawMedian: number | null;
  /** Store median over raw median. */
  ratio: number | null;
  /** The records-only floor's median, and the store's median over it. */
  floorMedian: number | null;
  floorRatio: number | null;
  longestTask: number | null;
  heapMb: number;
  note: string;
}

const percentile = (xs: number[], p: number) => {
  if (xs.length === 0) return null;
  const sorted = xs.toSorted((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

export function summarize(runs: SizeRun[]): Row[] {
  return runs.flatMap(({ results }) =>
    results.map((r) => {
      const median = percentile(r.runs, 50);
      const rawMedian = r.baseline ? percentile(r.baseline, 50) : null;
      const floorMedian = r.floor ? percentile(r.floor, 50) : null;
      return {
        op: r.op,
        size: r.size,
        n: r.runs.length,
        median,
        p95: percentile(r.runs, 95),
        rawMedian,
        ratio: median !== null && rawMedian ? median / rawMedian : null,
        floorMedian,
        floorRatio: median !== null && floorMedian ? median / floorMedian : null,
        longestTask: r.longestTask ?? null,
        heapMb: r.heapMb,
        note: [r.note, r.error && `FAILED ${r.error}`].filter(Boolean).join('; '),
      };
    }),
  );
}

const ms = (x: number | null) => (x === null ? '—' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const times = (ratio: number | null) => (ratio === null ? '—' : ratio.toFixed(2));
const k = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));

/** The table as aligned text: operations in the order measured, each with its sizes together. */
export function table(rows: Row[]): string {
  const ops = [...new Set(rows.map((r) => r.op))];
  const header = ['operation', 'size', 'runs', 'median ms', 'p95 ms', 'raw IDB ms', '× raw', 'records only ms', '× records', 'longest task', 'heap MB', 'note'];
  const body = ops.flatMap((op) =>
    rows
      .filter((r) => r.op === op)
      .map((r) => [r.op, k(r.size), String(r.n), ms(r.median), ms(r.p95), ms(r.rawMedian), times(r.ratio), ms(r.floorMedian), times(r.floorRatio), ms(r.longestTask), r.heapMb.toFixed(0), r.note]),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

export interface Verdict {
  target: string;
  met: boolean;
  detail: string;
}

/** Slope of cost against size on log–log axes between two sizes: 1 is linear. */
const growth = (a: Row, b: Row) => Math.log(b.median! / a.median!) / Math.log(b.size / a.size);

/** The issue's targets, judged at the largest size measured. */
export function judge(rows: Row[]): Verdict[] {
  const largest = Math.max(...rows.map((r) => r.size));
  const at = rows.filter((r) => r.size === largest && r.median !== null);
  const scale = `at ${k(largest)}`;
  const out: Verdict[] = [];
  const limit = (target: string, pick: (r: Row) => boolean, max: number, value: (r: Row) => number | null = (r) => r.median) => {
    const picked = at.filter(pick);
    if (picked.length === 0) return;
    const misses = picked.filter((r) => (value(r) ?? Infinity) > max);
    out.push({
      target: `${target} ${scale}`,
      met: misses.length === 0,
      detail: (misses.length ? misses : picked).map((r) => `${r.op} ${ms(value(r))}`).join(', '),
    });
  };
  limit('one edit save ≤ 16 ms median', (r) => r.op === 'save one edit', 16);
  limit('filter/search/page ≤ 50 ms median', (r) => r.op.startsWith('filter:') || r.op.startsWith('search:') || r.op.startsWith('next page'), 50);
  limit("startup's file ≤ 50 ms median", (r) => r.op === "startup's file", 50);
  limit('dashboard figures ≤ 500 ms median', (r) => r.op === 'dashboard figures', 500);
  limit('import 5,000 within 1.5× raw IndexedDB', (r) => r.op.startsWith('import'), 1.5, (r) => r.ratio);
  limit('import, bulk edit and restore within 2× the records-only floor', (r) => r.floorRatio !== null && /^(import|bulk edit|restore)/.test(r.op), 2, (r) => r.floorRatio);
  limit('XLSX export ≤ 2,000 ms', (r) => r.op.includes('XLSX'), 2000);
  limit('no main-thread task > 100 ms in import/export/scoring/backup', (r) => r.longestTask !== null, 100, (r) => r.longestTask);
  limit('renderer JS heap < 500 MB', () => true, 500, (r) => r.heapMb);
  // The PDF is measured on its own desk, not at the sizes above.
  const pdf = rows.filter((r) => r.op.startsWith('print') && r.median !== null);
  if (pdf.length > 0) {
    out.push({ target: '100-page PDF ≤ 1,500 ms median', met: pdf.every((r) => r.median! <= 1500), detail: pdf.map((r) => `${r.op} ${ms(r.median)}`).join(', ') });
  }

  const worse: string[] = [];
  for (const op of new Set(rows.map((r) => r.op))) {
    const series = rows.filter((r) => r.op === op && r.median !== null).sort((a, b) => a.size - b.size);
    for (let i = 1; i < series.length; i++) {
      const [a, b] = [series[i - 1]!, series[i]!];
      // Below a few milliseconds timer and scheduling noise swamp any trend.
      if (b.median! >= 5 && growth(a, b) > 1.15) worse.push(`${op} ${k(a.size)}→${k(b.size)} slope ${growth(a, b).toFixed(2)}`);
    }
  }
  out.push({ target: 'no operation worse than linear (log–log slope ≤ 1.15)', met: worse.length === 0, detail: worse.join(', ') || 'all within' });
  return out;
}

const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

/** Median cost against size on log–log axes, one line per operation, as a page with an inline SVG. */
export function chartHtml(rows: Row[]): string {
  const data = rows.filter((r) => r.median !== null && r.median > 0);
  const sizes = [...new Set(data.map((r) => r.size))].sort((a, b) => a - b);
  const ops = [...new Set(data.map((r) => r.op))];
  const [w, h, left, right, top, bottom] = [1080, 640, 100, 300, 20, 50];
  const lo = Math.floor(Math.log10(Math.min(...data.map((r) => r.median!))));
  const hi = Math.ceil(Math.log10(Math.max(...data.map((r) => r.median!))));
  const sLo = Math.log10(Math.min(...sizes)) - 0.1;
  const sHi = Math.log10(Math.max(...sizes)) + 0.1;
  const x = (size: number) => left + ((Math.log10(size) - sLo) / (sHi - sLo || 1)) * (w - left - right);
  const y = (v: number) => top + (1 - (Math.log10(v) - lo) / (hi - lo || 1)) * (h - top - bottom);
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const parts: string[] = [];
  for (let e = lo; e <= hi; e++) {
    parts.push(`<line x1="${left}" x2="${w - right}" y1="${y(10 ** e)}" y2="${y(10 ** e)}" stroke="#ddd"/>`);
    parts.push(`<text x="${left - 8}" y="${y(10 ** e) + 4}" text-anchor="end" font-size="12">${10 ** e >= 1 ? (10 ** e).toLocaleString('en-US') : 10 ** e} ms</text>`);
  }
  for (const s of sizes) parts.push(`<text x="${x(s)}" y="${h - bottom + 20}" text-anchor="middle" font-size="12">${k(s)} startups</text>`);
  ops.forEach((op, i) => {
    const color = COLORS[i % COLORS.length]!;
    const dash = i >= COLORS.length ? ' stroke-dasharray="5 3"' : '';
    const pts = data.filter((r) => r.op === op).sort((a, b) => a.size - b.size);
    parts.push(`<polyline fill="none" stroke="${color}" stroke-width="2"${dash} points="${pts.map((r) => `${x(r.size)},${y(r.median!)}`).join(' ')}"/>`);
    for (const r of pts) parts.push(`<circle cx="${x(r.size)}" cy="${y(r.median!)}" r="3" fill="${color}"><title>${esc(op)} @ ${k(r.size)}: ${ms(r.median)} ms</title></circle>`);
    parts.push(`<line x1="${w - right + 16}" x2="${w - right + 40}" y1="${top + 14 + i * 18}" y2="${top + 14 + i * 18}" stroke="${color}" stroke-width="2"${dash}/>`);
    parts.push(`<text x="${w - right + 46}" y="${top + 18 + i * 18}" font-size="12">${esc(op)}</text>`);
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Incubator Desk bench</title></head>
<body style="font-family:sans-serif;margin:16px"><h3 style="margin:0 0 8px">Median time against desk size (log–log; a slope of one decade per decade is linear)</h3>
<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${Math.max(h, top + 30 + ops.length * 18)}">${parts.join('')}</svg></body></html>`;
}
