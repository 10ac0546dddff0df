import type { ReactNode } from "react";
import { Card } from "./card";

/**
 * The admin pages' table: a header of `columns` plus an unlabelled actions column, and `notice`
 * (loading, nothing yet) as a full-width row above the rows.
 */
export function AdminTable({
  columns,
  notice,
  children,
}: {
  columns: string[];
  notice?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card className="overflow-hidden">
      <table className="w-full text-sm">
        <thead className="bg-muted text-muted-foreground text-left text-xs uppercase">
          <tr>
            {columns.map((column) => (
              <th key={column} className="px-4 py-2">
                {column}
              </th>
            ))}
            <th className="px-4 py-2">
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
    </Card>
  );
}
