import type { Metadata } from "next";
import { HomeDashboard } from "@/components/home/home-dashboard";
import { requireOperator } from "@/lib/auth/next-auth";
import { canStartRun } from "@/lib/auth/roles";
import { homeOverview } from "@/lib/home/overview";

export const metadata: Metadata = { title: "Home" };

// Every role lands here: viewers see what the operators' runs are doing without a form they
// cannot use. The figures are read here, so the first paint needs no request of its own.
export default async function HomePage() {
  const operator = await requireOperator();
  const overview = await homeOverview();
  return (
    <HomeDashboard
      initial={overview}
      canStartRun={canStartRun(operator.role)}
    />
  );
}
