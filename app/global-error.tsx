"use client";

export default function GlobalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui", padding: "3rem" }}>
        <h1>Erasure hit an unexpected error</h1>
        <p>
          Nothing was deleted because of this page error. Reference:{" "}
          {error.digest ?? "none"}
        </p>
        <button type="button" onClick={reset}>
          Try again
        </button>
      </body>
    </html>
  );
}
