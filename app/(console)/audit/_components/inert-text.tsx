import { cn } from "@/lib/utils";

// IDs, provider messages and token names come from outside: React already escapes markup, but
// control characters (ANSI escapes, CR) and bidi overrides would still act on the screen. They
// are shown as escapes (\x1B, \r, \u202E) in a muted chip instead, so what is displayed is
// exactly what is stored.

/** C0 and C1 controls (tab and newline stay layout), bidi and invisible formatting marks. */
function isInert(code: number): boolean {
  if (code === 0x09 || code === 0x0a) return false;
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x061c ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x2028 && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2069) ||
    code === 0xfeff
  );
}

const codePoint = (code: number) =>
  `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;

/** Escape notation rather than control pictures (␛): it reads the same in every font. */
function symbolFor(code: number): string {
  if (code === 0x0d) return "\\r";
  const hex = code.toString(16).toUpperCase();
  return code <= 0xff
    ? `\\x${hex.padStart(2, "0")}`
    : `\\u${hex.padStart(4, "0")}`;
}

type Segment = { text: string } | { code: number };

function segments(value: string): Segment[] {
  const result: Segment[] = [];
  let text = "";
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (!isInert(code)) {
      text += char;
      continue;
    }
    if (text) result.push({ text });
    text = "";
    result.push({ code });
  }
  if (text) result.push({ text });
  return result;
}

/**
 * Untrusted text rendered verbatim and inert, controls shown as escapes. It wraps between words,
 * and breaks inside one only when the word alone is wider than the line: breaking everywhere let
 * a table squeeze an email to "erasure.d emo".
 */
export function InertText({
  value,
  className,
}: {
  value: string;
  className?: string;
}) {
  return (
    <code
      className={cn("font-mono wrap-break-word whitespace-pre-wrap", className)}
    >
      {segments(value).map((segment, index) =>
        "text" in segment ? (
          segment.text
        ) : (
          <span
            key={index}
            title={codePoint(segment.code)}
            className="text-muted-foreground bg-muted rounded-sm"
          >
            {symbolFor(segment.code)}
          </span>
        ),
      )}
    </code>
  );
}
