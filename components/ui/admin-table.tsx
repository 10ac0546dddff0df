import type { ReactNode } from "react";
import { Card } from "./card";

/**
 * The admin pages' table: a header of `columns` plus an unlabelled actions column, and `notice`
 * (loading, nothing yet) as a full-width row above the rows. It scrolls sideways inside its card
 * when the window is narrower than its columns; the page itself never does.
 */
export function AdminTable({
  label,
  columns,
  notice,
  children,
}: {
  /** Accessible name of the table and of its scroll region. */
  label: string;
  columns: string[];
  notice?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card className="overflow-hidden">
      {/* Focusable, so keyboard users can scroll it too (it is a named region for that reason).
          Positioned, so the sr-only texts inside (absolutely positioned) scroll with it instead
          of widening the page. */}
      <div
        className="relative overflow-x-auto"
        role="region"
        aria-label={`${label} (scrollable)`}
        tabIndex={0}
      >
        <table className="w-full text-sm" aria-label={label}>
          <thead className="bg-muted text-muted-foreground text-left text-xs uppercase">
            <tr>
              {columns.map((column) => (
                <th
                  key={column}
                  scope="col"
                  className="px-4 py-2 whitespace-nowrap"
                >
                  {column}
                </th>
              ))}
              <th scope="col" className="px-4 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {notice ? (
              <tr>
                <td
                  colSpan={columns.length + 1}
                  className="text-muted-foreground px-4 py-6 text-center"
                >
                  {notice}
                </td>
              </tr>
            ) : null}
            {children}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
