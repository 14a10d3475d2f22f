// Combinations of k items out of n, in lexicographic order. CSCV (pbo.ts) walks all
// C(S, S/2) choices of in-sample blocks; both the fast and the reference PBO use this
// same order so their per-combination outputs line up.

/** Binomial coefficient C(n, k) as a double (exact for the sizes used here, n <= 60). */
export function binomial(n: number, k: number): number {
  if (!Number.isInteger(n) || !Number.isInteger(k) || k < 0 || k > n) return 0;
  const kk = Math.min(k, n - k);
  let c = 1;
  for (let i = 1; i <= kk; i++) c = (c * (n - kk + i)) / i;
  return Math.round(c);
}

/**
 * Call `visit` with each k-subset of {0..n-1} in lexicographic order. The array passed
 * is reused between calls (copy it if you keep it).
 */
export function forEachCombination(n: number, k: number, visit: (chosen: Int32Array) => void): void {
  if (k < 0 || k > n) return;
  const idx = new Int32Array(k);
  for (let i = 0; i < k; i++) idx[i] = i;
  for (;;) {
    visit(idx);
    // Find the rightmost index that can still move right.
    let i = k - 1;
    while (i >= 0 && idx[i] === n - k + i) i--;
    if (i < 0) return;
    idx[i]++;
    for (let j = i + 1; j < k; j++) idx[j] = idx[j - 1] + 1;
  }
}
