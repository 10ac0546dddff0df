"use client";

import { Monitor, Moon, Sun } from "lucide-react";
import { useSyncExternalStore } from "react";
import { useHydrated } from "@/lib/use-hydrated";
import { cn } from "@/lib/utils";
import {
  chooseTheme,
  readTheme,
  THEME_CHANGE_EVENT,
  type Theme,
} from "./theme";

function subscribe(onChange: () => void) {
  window.addEventListener(THEME_CHANGE_EVENT, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(THEME_CHANGE_EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}

const options: { theme: Theme; label: string; icon: typeof Sun }[] = [
  { theme: "system", label: "System theme", icon: Monitor },
  { theme: "light", label: "Light theme", icon: Sun },
  { theme: "dark", label: "Dark theme", icon: Moon },
];

/** System, light or dark: three pressed-or-not buttons, remembered in this browser. */
export function ThemeToggle({ className }: { className?: string }) {
  const current = useSyncExternalStore(subscribe, readTheme, () => "system");
  // Before hydration a click would do nothing, and the pressed button may not be the choice yet.
  const hydrated = useHydrated();
  return (
    <div
      role="group"
      aria-label="Theme"
      className={cn(
        "border-border bg-card inline-flex rounded-md border p-0.5",
        className,
      )}
    >
      {options.map(({ theme, label, icon: Icon }) => (
        <button
          key={theme}
          type="button"
          aria-label={label}
          aria-pressed={current === theme}
          disabled={!hydrated}
          title={label}
          onClick={() => chooseTheme(theme)}
          className={cn(
            "text-muted-foreground hover:text-foreground focus-visible:ring-ring inline-flex size-7 items-center justify-center rounded-sm focus-visible:ring-2 focus-visible:outline-none disabled:opacity-50",
            current === theme && "bg-muted text-foreground",
          )}
        >
          <Icon aria-hidden className="size-4" />
        </button>
      ))}
    </div>
  );
}
