// Light, dark, or whatever the system says (the default). The choice lives in localStorage and is
// applied as a `dark` class on <html> by an inline script that runs before the first paint (so a
// dark-mode reader never sees a white flash), carrying the page's CSP nonce (proxy.ts).

export const themes = ["system", "light", "dark"] as const;
export type Theme = (typeof themes)[number];

export const THEME_STORAGE_KEY = "erasure-theme";
/** Fired on window when the choice changes in this tab (`storage` covers the other tabs). */
export const THEME_CHANGE_EVENT = "erasure-theme-change";

export function readTheme(): Theme {
  try {
    const stored = localStorage.getItem(THEME_STORAGE_KEY);
    return themes.find((theme) => theme === stored) ?? "system";
  } catch {
    // Storage can be blocked (privacy settings); the system setting still applies.
    return "system";
  }
}

/**
 * Runs in <head> before the body is parsed, and again on every change: the system setting,
 * the choice in this tab (THEME_CHANGE_EVENT) or in another tab (`storage`). Plain ES5 in a
 * string: it is inlined, not bundled.
 */
export const themeScript = `(function () {
  var media = window.matchMedia("(prefers-color-scheme: dark)");
  function apply() {
    var theme = "system";
    try { theme = localStorage.getItem("${THEME_STORAGE_KEY}") || "system"; } catch (e) {}
    var dark = theme === "dark" || (theme !== "light" && media.matches);
    document.documentElement.classList.toggle("dark", dark);
    document.documentElement.style.colorScheme = dark ? "dark" : "light";
  }
  apply();
  media.addEventListener("change", apply);
  window.addEventListener("storage", apply);
  window.addEventListener("${THEME_CHANGE_EVENT}", apply);
})();`;

export function chooseTheme(theme: Theme): void {
  try {
    if (theme === "system") localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Blocked storage (privacy settings): nothing can be remembered, the system setting applies.
  }
  window.dispatchEvent(new Event(THEME_CHANGE_EVENT));
}
