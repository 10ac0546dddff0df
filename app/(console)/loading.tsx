export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading" className="space-y-4">
      <div className="bg-muted h-8 w-64 animate-pulse rounded" />
      <div className="bg-muted h-4 w-96 animate-pulse rounded" />
      <div className="bg-muted h-64 animate-pulse rounded-lg" />
    </div>
  );
}
