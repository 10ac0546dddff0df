// A console worker without the web server: the same startWorker() that every console process
// runs from instrumentation.ts. Used by the crash and multi-instance tests (and usable as a
// dedicated worker process next to web-only instances). Stops on SIGTERM/SIGINT.
import { closeDb } from "@/lib/db/client";
import { startWorker, stopWorker } from "@/lib/runs/worker/worker";

await startWorker();
console.log(`worker ${process.pid} started`);

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    void stopWorker()
      .then(() => closeDb())
      .then(() => process.exit(0));
  });
}
