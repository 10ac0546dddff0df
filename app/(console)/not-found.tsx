import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-2">
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="text-muted-foreground text-sm">
        This page does not exist.{" "}
        <Link className="underline" href="/runs">
          Go to runs
        </Link>
        .
      </p>
    </div>
  );
}
