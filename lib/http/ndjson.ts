/**
 * Reads an NDJSON answer as it arrives (the streamed preview): one parsed value per non-empty
 * line. Leaving the loop early (break, return, a throw) cancels the body, so the server sees the
 * caller go and stops its work.
 */
export async function* readNdjson(response: Response): AsyncGenerator<unknown> {
  const reader = response
    .body!.pipeThrough(new TextDecoderStream())
    .getReader();
  let buffer = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let newline: number;
      while ((newline = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (line.trim()) yield JSON.parse(line);
      }
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
