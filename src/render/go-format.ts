// Go's `%.Ng` number formatting, which docker/go-units uses for sizes.
// JavaScript's toPrecision differs in two visible ways: it keeps trailing zeros
// ("1.00") and writes exponents as "e+3" where Go writes "e+03"; it also rounds
// exact ties up where Go rounds them to even.

/**
 * formatGoG formats a non-negative number like Go's `fmt.Sprintf("%.*g", precision, x)`.
 *
 * @example
 * formatGoG(1.154361, 3); // '1.15'
 * formatGoG(999.5, 3);    // '1e+03'
 * formatGoG(1.125, 3);    // '1.12' (tie rounded to even)
 */
export function formatGoG(x: number, precision: number): string {
  const { digits, point } = roundDigits(exactDecimal(x), precision);
  if (digits === '') return '0';
  const exponent = point - 1;
  // Go's rule (strconv ftoa, %g): exponent form when exp < -4 or exp >= the precision,
  // where a short, integral digit string lowers that precision to its own length.
  const eprec = precision > digits.length && digits.length >= point ? digits.length : precision;
  if (exponent < -4 || exponent >= eprec) return exponentForm(digits, exponent);
  return fixedForm(digits, point);
}

function exponentForm(digits: string, exponent: number): string {
  const mantissa = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
  const sign = exponent < 0 ? '-' : '+';
  return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

function fixedForm(digits: string, point: number): string {
  if (point <= 0) return '0.' + '0'.repeat(-point) + digits;
  if (point >= digits.length) return digits + '0'.repeat(point - digits.length);
  return digits.slice(0, point) + '.' + digits.slice(point);
}

/**
 * exactDecimal gives the exact decimal value of a double as significant digits
 * (no leading or trailing zeros) and the position of the decimal point:
 * value = 0.<digits> × 10^point.
 */
function exactDecimal(x: number): { digits: string; point: number } {
  if (!(x > 0) || !Number.isFinite(x)) return { digits: '', point: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biasedExponent = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & ((1n << 52n) - 1n);
  if (biasedExponent !== 0) mantissa |= 1n << 52n;
  const power = (biasedExponent === 0 ? 1 : biasedExponent) - 1075;
  // x = mantissa × 2^power; for a negative power multiply by 5^-power and shift the point.
  const scaled = power >= 0 ? mantissa << BigInt(power) : mantissa * 5n ** BigInt(-power);
  const text = scaled.toString();
  const point = text.length + Math.min(power, 0);
  return { digits: text.replace(/0+$/, ''), point };
}

/** Round to `precision` significant digits, ties to even (Go's decimal.Round). */
function roundDigits(value: { digits: string; point: number }, precision: number): { digits: string; point: number } {
  const { digits, point } = value;
  if (digits.length <= precision) return value;
  const kept = digits.slice(0, precision);
  const next = digits[precision];
  const exactHalf = next === '5' && digits.length === precision + 1;
  const up = next > '5' || (next === '5' && (!exactHalf || Number(kept[kept.length - 1]) % 2 === 1));
  if (!up) return { digits: kept.replace(/0+$/, ''), point };
  const bumped = (BigInt(kept) + 1n).toString();
  const carried = bumped.length > kept.length;
  return { digits: bumped.replace(/0+$/, ''), point: carried ? point + 1 : point };
}
