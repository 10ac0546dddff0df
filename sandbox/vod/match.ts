// SearchMedia `Match` filter (vod.md §5.4). The doc shows three forms and defers the full grammar
// to Alibaba's search protocol; we implement those forms joined by `and`:
//   Field = 'v' | Field == 'v' | Field in ('a','b') | CreationTime = ('from','to')
// Fields: Status (exact, case-insensitive per §7), Title (`=`/`in` fuzzy: case-insensitive
// substring, `==` exact), VideoId/MediaId and CateId (exact), CreationTime (range, either bound
// may be ''). Anything else (`or`, other fields, bad syntax) is refused as InvalidParameter.
import { invalidParameter } from "./errors";
import type { VodVideo } from "./store";

type Predicate = (v: VodVideo) => boolean;

const TOKEN = /\s*(?:'([^']*)'|"([^"]*)"|(==|=|\(|\)|,)|([A-Za-z0-9_.:-]+))/y;

function tokenize(match: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < match.length) {
    if (/^\s*$/.test(match.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(match);
    if (!m) throw invalidParameter("Match");
    // Quoted values keep a marker so `'and'` stays a value, not the keyword.
    const quoted = m[1] ?? m[2];
    tokens.push(quoted !== undefined ? `'${quoted}` : (m[3] ?? m[4] ?? ""));
  }
  return tokens;
}

const isValue = (t: string | undefined) =>
  t !== undefined && (t.startsWith("'") || /^[\w.:-]+$/.test(t));
const valueOf = (t: string) => (t.startsWith("'") ? t.slice(1) : t);

function fieldPredicate(
  field: string,
  op: "=" | "==" | "in" | "range",
  values: string[],
): Predicate {
  const lower = values.map((v) => v.toLowerCase());
  switch (field) {
    case "Status":
      if (op === "range") break;
      return (v) => lower.includes(v.status.toLowerCase());
    case "Title":
      if (op === "range") break;
      if (op === "==") return (v) => values.includes(v.title);
      return (v) =>
        lower.some((needle) => v.title.toLowerCase().includes(needle));
    case "VideoId":
    case "MediaId":
      if (op === "range") break;
      return (v) => values.includes(v.videoId);
    case "CateId":
      if (op === "range") break;
      return (v) => values.includes(String(v.cateId));
    case "CreationTime": {
      if (op !== "range") break;
      const [from, to] = values.map((s) => (s === "" ? NaN : Date.parse(s)));
      if (values.some((s) => s !== "" && Number.isNaN(Date.parse(s)))) break;
      return (v) =>
        (Number.isNaN(from) || v.creationTime >= (from ?? 0)) &&
        (Number.isNaN(to) || v.creationTime <= (to ?? 0));
    }
  }
  throw invalidParameter("Match");
}

/** Returns a filter for the expression; an absent or blank Match keeps everything. */
export function parseMatch(match: string | undefined): Predicate {
  if (match === undefined || match.trim() === "") return () => true;
  const tokens = tokenize(match);
  const clauses: Predicate[] = [];
  let i = 0;
  const next = () => tokens[i++];
  for (;;) {
    const field = next();
    const op = next()?.toLowerCase();
    if (field === undefined || field.startsWith("'") || op === undefined)
      throw invalidParameter("Match");
    if (op === "in" || ((op === "=" || op === "==") && tokens[i] === "(")) {
      if (next() !== "(") throw invalidParameter("Match");
      const values: string[] = [];
      for (;;) {
        const t = next();
        if (!isValue(t)) throw invalidParameter("Match");
        values.push(valueOf(t as string));
        const sep = next();
        if (sep === ")") break;
        if (sep !== ",") throw invalidParameter("Match");
      }
      if (op !== "in" && values.length !== 2) throw invalidParameter("Match");
      clauses.push(fieldPredicate(field, op === "in" ? "in" : "range", values));
    } else if (op === "=" || op === "==") {
      const t = next();
      if (!isValue(t)) throw invalidParameter("Match");
      clauses.push(fieldPredicate(field, op, [valueOf(t as string)]));
    } else {
      throw invalidParameter("Match");
    }
    const joiner = next();
    if (joiner === undefined) break;
    if (joiner.toLowerCase() !== "and") throw invalidParameter("Match");
  }
  return (v) => clauses.every((clause) => clause(v));
}
