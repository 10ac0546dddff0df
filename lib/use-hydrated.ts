import { useSyncExternalStore } from "react";

const subscribe = () => () => undefined;

/**
 * False in the server render and until React has hydrated, true afterwards. Submit buttons of
 * forms that only work through JavaScript stay disabled until then, so an early click cannot
 * fall back to a native form submission.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
