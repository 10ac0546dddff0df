// Lenient readers for values of a page's address bar, each falling back on its own. They do what
// the API's zod schemas would accept for these few simple fields without loading zod (about
// 30 KB gzip) with the page; the API still validates every request with its schemas.

export type SearchParams = Record<string, string | string[] | undefined>;

/** A repeated parameter counts by its first value, as URLSearchParams.get reads it. */
export const firstValue = (value: string | string[] | undefined) =>
  Array.isArray(value) ? value[0] : value;

/** `value` if it is one of `values`, else undefined (a `z.enum(values).optional().catch(undefined)`). */
export const oneOf = <T extends string>(
  values: readonly T[],
  value: unknown,
): T | undefined =>
  (values as readonly unknown[]).includes(value) ? (value as T) : undefined;

/** `value` if it is at most `max` characters long. */
export const atMost = (max: number, value: string | undefined) =>
  value !== undefined && value.length <= max ? value : undefined;

const daysInMonth = (year: number, month: number) =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31;

/** A real calendar day written `YYYY-MM-DD` (as `z.iso.date()` accepts), else undefined. */
export function isoDay(value: string | undefined): string | undefined {
  const match = value?.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number) as [
    number,
    number,
    number,
  ];
  return month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
    ? value
    : undefined;
}

/** A whole number ≥ 0 as `z.coerce.number().int().min(0)` reads it, else `fallback`. */
export function wholeNumber(value: string | undefined, fallback: number) {
  const number = Number(value);
  return Number.isSafeInteger(number) && number >= 0 ? number : fallback;
}
