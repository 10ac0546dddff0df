import { Badge } from "@/components/ui/badge";
import {
  hasStatusWord,
  providerStatusWord,
} from "@/lib/providers/status-words";

/**
 * A provider's video status in words ("Processing"), its own code in the tooltip ("Akool status
 * 2"). For the library picker, the preview and run rows alike.
 */
export function ProviderStatus({
  provider,
  status,
}: {
  provider: string;
  status: string | null | undefined;
}) {
  if (!status) return <span className="text-muted-foreground">—</span>;
  return (
    <Badge
      title={
        hasStatusWord(provider, status)
          ? `Provider status code: ${status}`
          : undefined
      }
    >
      {providerStatusWord(provider, status)}
    </Badge>
  );
}
