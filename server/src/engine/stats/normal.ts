// Standard normal distribution: CDF (Phi), upper tail (1 - Phi) and quantile (Phi^-1).
//
// Why not simple-statistics: its `cumulativeStdNormalProbability` is a lookup in a
// 2-decimal table (Phi(1.96) -> 0.975, Phi(-5) -> 0.001 instead of 2.87e-7) and its
// `probit` / `inverseErrorFunction` is a short approximation (probit(0.975) -> 1.9572
// instead of 1.959964). PSR/DSR values near 0.95 and Phi^-1(1 - 1/N) for large N need
// far better than that, so we implement two published double-precision algorithms.

/** 1 / sqrt(2 pi). */
const INV_SQRT_2PI = 0.3989422804014327;
/** sqrt(32): boundary between Cody's middle and tail approximations. */
const SQRT_32 = 5.656854249492381;

// W. J. Cody (1969), "Rational Chebyshev approximations for the error function",
// Mathematics of Computation 23(107):631-637, as packaged in Cody's SPECFUN ANORM
// (ACM TOMS Algorithm 715, 1993) and used by R's pnorm(). Relative accuracy is about
// 1e-16 over the whole double range, including the far tails.
// |x| <= 0.67448975 (= Phi^-1(3/4)): Phi(x) = 0.5 + x * A(x^2) / B(x^2).
const CODY_A = [2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249, 0.065682337918207449113];
const CODY_B = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956];
// 0.674 < |x| <= sqrt(32): tail = exp(-x^2/2) * C(|x|) / D(|x|).
const CODY_C = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226,
  2494.5375852903726711, 6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218,
  1.0765576773720192317e-8,
];
const CODY_D = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755,
  18615.571640885098091, 34900.952721145977266, 38912.003286093271411, 19685.429676859990727,
];
// |x| > sqrt(32): tail = exp(-x^2/2) / |x| * (1/sqrt(2 pi) - P(1/x^2) / Q(1/x^2) / x^2).
const CODY_P = [0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5, 0.02307344176494017303];
const CODY_Q = [1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5];

/**
 * exp(-x^2 / 2) without the rounding error of squaring x: split x = xs + (x - xs) with
 * xs holding few bits (Cody's trick), so exp(-xs^2/2) is exact-ish and the small
 * remainder term carries the rest. Matters for relative accuracy in the far tails.
 */
function gaussianKernel(x: number): number {
  const xs = Math.trunc(x * 16) / 16;
  const del = (x - xs) * (x + xs);
  return Math.exp(-xs * xs * 0.5) * Math.exp(-del * 0.5);
}

/**
 * Upper tail of the standard normal for y >= 0.674..: Q(y) = 1 - Phi(y), computed
 * directly (not as 1 - Phi) so small tail probabilities keep full relative precision.
 */
function upperTailCody(y: number): number {
  if (y <= SQRT_32) {
    let num = CODY_C[8] * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + CODY_C[i]) * y;
      den = (den + CODY_D[i]) * y;
    }
    return gaussianKernel(y) * ((num + CODY_C[7]) / (den + CODY_D[7]));
  }
  // Beyond ~38.5 the tail underflows to 0 in double precision anyway.
  if (y > 38.5) return 0;
  const z = 1 / (y * y);
  let num = CODY_P[5] * z;
  let den = z;
  for (let i = 0; i < 4; i++) {
    num = (num + CODY_P[i]) * z;
    den = (den + CODY_Q[i]) * z;
  }
  const r = (z * (num + CODY_P[4])) / (den + CODY_Q[4]);
  return (gaussianKernel(y) * (INV_SQRT_2PI - r)) / y;
}

/** Central region |x| <= Phi^-1(3/4): returns Phi(x) - 0.5. */
function centralCody(x: number): number {
  const xsq = x * x;
  let num = CODY_A[4] * xsq;
  let den = xsq;
  for (let i = 0; i < 3; i++) {
    num = (num + CODY_A[i]) * xsq;
    den = (den + CODY_B[i]) * xsq;
  }
  return (x * (num + CODY_A[3])) / (den + CODY_B[3]);
}

/**
 * Standard normal CDF Phi(x) (Cody 1969 / ANORM). NaN in -> NaN out (callers in this
 * module validate first); +-Infinity -> 1 / 0.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x);
  if (y <= 0.67448975) return 0.5 + centralCody(x);
  const tail = upperTailCody(y);
  return x > 0 ? 1 - tail : tail;
}

/** Upper tail 1 - Phi(x), accurate in relative terms for large positive x. */
export function normalSurvival(x: number): number {
  return normalCdf(-x);
}

// M. J. Wichura (1988), "Algorithm AS 241: The Percentage Points of the Normal
// Distribution", Applied Statistics 37(3):477-484, routine PPND16 (accurate to about
// 1 part in 1e16). Same coefficients as R's qnorm().
/** Horner evaluation of a polynomial given coefficients from the constant term up. */
function poly(coefs: readonly number[], r: number): number {
  let v = 0;
  for (let i = coefs.length - 1; i >= 0; i--) v = v * r + coefs[i];
  return v;
}
const AS241_A = [3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125, 45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727];
const AS241_B = [1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867, 39307.89580009271061, 28729.085735721942674, 5226.495278852545925];
const AS241_C = [1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504, 1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4];
const AS241_D = [1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459, 0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9];
const AS241_E = [6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123, 0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7];
const AS241_F = [1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4, 1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15];

/** AS241 tail branch: quantile magnitude for a tail probability r = min(p, 1-p) < 0.075. */
function as241Tail(r: number): number {
  let s = Math.sqrt(-Math.log(r));
  if (s <= 5) {
    s -= 1.6;
    return poly(AS241_C, s) / poly(AS241_D, s);
  }
  s -= 5;
  return poly(AS241_E, s) / poly(AS241_F, s);
}

/**
 * Standard normal quantile Phi^-1(p) (Wichura AS241 PPND16). p outside [0, 1] or NaN
 * -> NaN; p = 0 -> -Infinity; p = 1 -> +Infinity.
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly(AS241_A, r)) / poly(AS241_B, r);
  }
  return q < 0 ? -as241Tail(p) : as241Tail(1 - p);
}

/**
 * Phi^-1(1 - q) for a small upper-tail probability q, without forming 1 - q (which
 * would lose the digits of q). Used for Phi^-1(1 - 1/N) in the expected maximum Sharpe.
 */
export function normalQuantileUpper(q: number): number {
  if (Number.isNaN(q) || q < 0 || q > 1) return NaN;
  return -normalQuantile(q);
}
