import type { ZodType } from "zod";

/**
 * Browser: a checker of answers whose schemas load with the first answer, next to its request,
 * rather than with the page (the schemas, and zod with them, are about 30 KB gzip). Pass the
 * module's own `() => import("./schemas")`: never import("zod") itself, since a namespace loaded
 * at run time keeps every export of zod in every page's bundle.
 */
export function lazyParser<Schemas>(load: () => Promise<Schemas>) {
  return async function parsed<T>(
    pick: (schemas: Schemas) => ZodType<T>,
    answer: Promise<unknown>,
  ): Promise<T> {
    const [schemas, body] = await Promise.all([load(), answer]);
    return pick(schemas).parse(body);
  };
}
