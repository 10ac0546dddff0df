import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type ClipboardEvent,
} from "react";
import type { ProviderId } from "@/lib/providers/types";

/** Typing pauses this long before the list is parsed again. */
const DEBOUNCE_MS = 300;
/**
 * Larger lists are kept out of the textarea: laying out a textarea of 100,000 lines blocks the
 * main thread for about a second, and a million lines for ten or more, parse worker or not.
 */
export const LARGE_LIST_CHARS = 256 * 1024;

export interface AttachedList {
  text: string;
  /** Where it came from, for the notice: "pasted", a file name, "the library"… */
  source: string;
}

/**
 * The ID list: what is typed in the (uncontrolled) "Video IDs" box, plus any large list held
 * beside it. Every change is parsed in the worker; typing is debounced.
 */
export function useIdList(
  parse: (text: string, provider: ProviderId) => void,
  provider: ProviderId | null,
) {
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const attachedRef = useRef<AttachedList | null>(null);
  const [attached, setAttachedState] = useState<AttachedList | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  const setAttached = useCallback((value: AttachedList | null) => {
    attachedRef.current = value;
    setAttachedState(value);
  }, []);

  const parseNow = useCallback(
    (target: ProviderId | null = provider) => {
      clearTimeout(timer.current);
      if (!target) return;
      const box = textareaRef.current?.value ?? "";
      const large = attachedRef.current?.text;
      parse(large ? (box ? `${large}\n${box}` : large) : box, target);
    },
    [parse, provider],
  );

  const onInput = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => parseNow(), DEBOUNCE_MS);
  }, [parseNow]);

  const onPaste = useCallback(
    (event: ClipboardEvent<HTMLTextAreaElement>) => {
      const pasted = event.clipboardData.getData("text");
      // A small paste goes into the box as usual and is parsed through onInput.
      if (pasted.length < LARGE_LIST_CHARS) return;
      event.preventDefault();
      const box = textareaRef.current;
      const parts = [attachedRef.current?.text, box?.value, pasted];
      if (box) box.value = "";
      setAttached({ text: parts.filter(Boolean).join("\n"), source: "pasted" });
      parseNow();
    },
    [parseNow, setAttached],
  );

  /** Replaces the whole list (file, library selection, earlier run). */
  const fill = useCallback(
    (text: string, source: string) => {
      const box = textareaRef.current;
      const large = text.length >= LARGE_LIST_CHARS;
      if (box) box.value = large ? "" : text;
      setAttached(large ? { text, source } : null);
      parseNow();
    },
    [parseNow, setAttached],
  );

  const removeAttached = useCallback(() => {
    setAttached(null);
    parseNow();
  }, [parseNow, setAttached]);

  return {
    textareaRef,
    attached,
    onInput,
    onPaste,
    fill,
    removeAttached,
    reparse: parseNow,
  };
}

export type IdList = ReturnType<typeof useIdList>;
