// A data table with a caption (its accessible name), column headers and an empty row.
import type { ReactNode } from 'react';

export interface Column<Row> {
  key: string;
  header: string;
  render: (row: Row) => ReactNode;
  className?: string;
}

export interface TableProps<Row> {
  caption: string;
  /** Hide the caption visually; it still names the table. */
  captionHidden?: boolean;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  empty?: ReactNode;
}

export function Table<Row>({ caption, captionHidden = false, columns, rows, rowKey, empty = 'Nothing to show.' }: TableProps<Row>) {
  return (
    <div className="hc-table-wrap">
      <table className="hc-table">
        <caption className={captionHidden ? 'hc-visually-hidden' : 'hc-table__caption'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.className}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td className="hc-table__empty" colSpan={columns.length}>
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column) => (
                  <td key={column.key} className={column.className}>
                    {column.render(row)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
