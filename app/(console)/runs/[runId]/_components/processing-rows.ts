import { formatCount } from "../../../../../components/runs/format";

/** "12 processing rows", "1 processing row". */
export const processingRows = (count: number) =>
  `${formatCount(count)} processing ${count === 1 ? "row" : "rows"}`;
