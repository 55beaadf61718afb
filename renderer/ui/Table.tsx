// A data table with a caption (its accessible name), column headers and an empty row. When it is wider than its
// place, its scrolling wrapper becomes a named, focusable region so keyboard users can scroll it (WCAG 2.1.1).
import { useRef } from 'react';
import type { ReactNode } from 'react';
import { useScrollsSideways } from './use-scrolls-sideways';

export interface Column<Row> {
  key: string;
  header: string;
  render: (row: Row) => ReactNode;
  className?: string;
  /** This column's cell heads its row (rendered as <th scope="row">): e.g. the time and patient of a visit. */
  rowHeader?: boolean;
}

export interface TableProps<Row> {
  caption: string;
  /** Hide the caption visually; it still names the table. */
  captionHidden?: boolean;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  empty?: ReactNode;
  /** Extra class names for a row (e.g. to mark rows with local changes). */
  rowClassName?: (row: Row) => string | undefined;
}

export function Table<Row>({ caption, captionHidden = false, columns, rows, rowKey, empty = 'Nothing to show.', rowClassName }: TableProps<Row>) {
  const wrap = useRef<HTMLDivElement>(null);
  const scrolls = useScrollsSideways(wrap);
  return (
    <div ref={wrap} className="hc-table-wrap" {...(scrolls ? { role: 'region', 'aria-label': `${caption} (scrolls sideways)`, tabIndex: 0 } : {})}>
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
              <tr key={rowKey(row)} className={rowClassName?.(row)}>
                {columns.map((column) =>
                  column.rowHeader ? (
                    <th key={column.key} scope="row" className={['hc-table__rowhead', column.className ?? ''].filter(Boolean).join(' ')}>
                      {column.render(row)}
                    </th>
                  ) : (
                    <td key={column.key} className={column.className}>
                      {column.render(row)}
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
