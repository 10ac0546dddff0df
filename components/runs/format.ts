// Number and duration formats shared by the runs list and the run page. One locale, so the
// numbers match the confirmation phrase ("delete 1,250 videos"). Instants: components/time.

export { formatDateTime, formatTimestamp } from "@/components/time/format-time";

export const formatCount = (count: number) => count.toLocaleString("en-US");

/** "45 s", "3 min 20 s", "2 h 5 min". */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    const rest = seconds % 60;
    return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
  }
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

/** "12.5 IDs/s"; below one per second, per minute reads better. */
export function formatRate(perSecond: number): string {
  if (perSecond > 0 && perSecond < 1)
    return `${(perSecond * 60).toLocaleString("en-US", { maximumFractionDigits: 1 })} IDs/min`;
  return `${perSecond.toLocaleString("en-US", { maximumFractionDigits: 1 })} IDs/s`;
}
