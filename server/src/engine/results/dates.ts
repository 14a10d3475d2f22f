// Date normalisation to ISO 8601 (UTC). Result files print dates in several styles.

/** "2018-01-10 07:15:00" (freqtrade, UTC) -> "2018-01-10T07:15:00Z"; ISO strings kept. */
export function isoDate(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (!m) return undefined;
  if (Number.isNaN(Date.parse(m[1]))) return undefined;
  if (!m[2]) return m[1];
  const zone = !m[3] || m[3] === '+00:00' || m[3] === '+0000' ? 'Z' : m[3];
  return `${m[1]}T${m[2].length === 5 ? m[2] + ':00' : m[2]}${zone}`;
}

/** Epoch milliseconds or seconds (guessed by magnitude) -> ISO timestamp. */
export function isoFromEpoch(v: unknown): string | undefined {
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) return undefined;
  // Seconds until the year 5138 are below 1e11; milliseconds since 1973 are above it.
  const ms = v < 1e11 ? v * 1000 : v;
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().replace('.000Z', 'Z');
}

/** YYYY-MM-DD of an ISO date or timestamp. */
export function dayOf(iso: string): string {
  return iso.slice(0, 10);
}

/** Add whole days to a YYYY-MM-DD (or ISO) date; returns YYYY-MM-DD. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${dayOf(iso)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** "20210101-20220101" (freqtrade --timerange) -> span; open ends are undefined. */
export function parseTimerange(v: unknown): { start?: string; end?: string } | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^(\d{8})?-(\d{8})?$/.exec(v.trim());
  if (!m || (!m[1] && !m[2])) return undefined;
  const fmt = (d?: string) => (d ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` : undefined);
  return { start: fmt(m[1]), end: fmt(m[2]) };
}
