import { headers } from "next/headers";
import { themeScript } from "./theme";

/** The page's CSP nonce, which proxy.ts put in the request's policy header. */
async function pageNonce(): Promise<string | undefined> {
  const policy = (await headers()).get("content-security-policy");
  return policy?.match(/'nonce-([^']+)'/)?.[1];
}

/** Sets the theme class on <html> before the first paint; goes in the root layout's <head>. */
export async function ThemeScript() {
  return (
    <script
      nonce={await pageNonce()}
      dangerouslySetInnerHTML={{ __html: themeScript }}
    />
  );
}
