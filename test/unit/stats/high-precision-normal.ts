// Independent high-precision reference for the standard normal CDF, used only by tests.
// Exact fixed-point arithmetic on BigInt (DIGITS decimal digits), no floating point:
//   Phi(x) = 1/2 + phi(x) * sum_{k>=0} x^(2k+1) / (1*3*5*...*(2k+1))
// (the classic series, e.g. Marsaglia 2004, "Evaluating the Normal Distribution",
// J. Statistical Software 11(4), eq. for Phi via the Taylor series of its derivative),
// with phi(x) = exp(-x^2/2) / sqrt(2 pi). With 110 working digits the cancellation for
// x down to -10 still leaves > 60 correct significant digits, far more than a double.

const DIGITS = 110n;
const ONE = 10n ** DIGITS;

/** Parse a decimal string (e.g. "-1.96", "5") into fixed point. */
function fixed(dec: string): bigint {
  const neg = dec.startsWith('-');
  const body = neg ? dec.slice(1) : dec;
  const [intPart, fracPart = ''] = body.split('.');
  const frac = (fracPart + '0'.repeat(Number(DIGITS))).slice(0, Number(DIGITS));
  const v = BigInt(intPart) * ONE + BigInt(frac);
  return neg ? -v : v;
}

function mul(a: bigint, b: bigint): bigint {
  return (a * b) / ONE;
}

function div(a: bigint, b: bigint): bigint {
  return (a * ONE) / b;
}

/** exp(a) for a >= 0 by its Taylor series (all terms positive, no cancellation). */
function expPos(a: bigint): bigint {
  let term = ONE;
  let sum = ONE;
  for (let k = 1n; term !== 0n; k++) {
    term = mul(term, a) / k;
    sum += term;
  }
  return sum;
}

/** sqrt by Newton's method in fixed point. */
function sqrtFixed(a: bigint): bigint {
  let x = a > ONE ? a : ONE;
  for (;;) {
    const next = (x + div(a, x)) / 2n;
    if (next === x || next === x - 1n || next === x + 1n) return next;
    x = next;
  }
}

/** pi by Machin's formula: pi = 16 atan(1/5) - 4 atan(1/239). */
function atanInv(n: bigint): bigint {
  let term = ONE / n;
  let sum = term;
  const n2 = n * n;
  for (let k = 1n; term !== 0n; k++) {
    term = term / n2;
    const t = term / (2n * k + 1n);
    sum += k % 2n === 1n ? -t : t;
  }
  return sum;
}
const PI = 16n * atanInv(5n) - 4n * atanInv(239n);

/** Phi(x) for x given as a decimal string, returned as a double (correctly rounded-ish). */
export function highPrecisionPhi(xDec: string): number {
  const x = fixed(xDec);
  const x2 = mul(x, x);
  let term = x;
  let sum = x;
  for (let k = 1n; term !== 0n; k++) {
    term = div(mul(term, x2), (2n * k + 1n) * ONE);
    sum += term;
  }
  const expNeg = div(ONE, expPos(x2 / 2n));
  const density = div(expNeg, sqrtFixed(2n * PI));
  const phi = ONE / 2n + mul(density, sum);
  // Convert to double through a decimal string with 40 significant digits.
  return toNumber(phi);
}

function toNumber(v: bigint): number {
  const neg = v < 0n;
  const s = (neg ? -v : v).toString().padStart(Number(DIGITS) + 1, '0');
  const intPart = s.slice(0, s.length - Number(DIGITS));
  const frac = s.slice(s.length - Number(DIGITS));
  return Number((neg ? '-' : '') + intPart + '.' + frac);
}
