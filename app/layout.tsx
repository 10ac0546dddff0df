import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ThemeScript } from "@/components/shell/theme-script";
import "./globals.css";
import { Providers } from "./providers";

// Every page carries a per-request CSP nonce (proxy.ts), which a prerendered page cannot.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Erasure", template: "%s · Erasure" },
  description:
    "Permanently delete videos on video providers in bulk, with proof.",
  // Files in public/; proxy.ts leaves them out, so they load without a session.
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "32x32" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
  },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The theme script sets a class on <html> before React hydrates it.
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body className="min-h-screen font-sans">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
