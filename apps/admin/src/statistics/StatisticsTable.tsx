import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import type { ReactNode } from 'react';

export interface StatisticsColumn<T> {
  key: string;
  label: string;
  /** Counts: right-aligned, zeros greyed. */
  count?: boolean;
  value: (row: T, index: number) => ReactNode;
}

/**
 * One table of the 统计 page: a header, a row per item, and a bold 合计 row. Wide tables (ten
 * years of months) scroll sideways with the first column kept in view.
 */
export function StatisticsTable<T>({ columns, rows, totals, testId }: { columns: StatisticsColumn<T>[]; rows: T[]; totals: ReactNode[]; testId: string }) {
  const sticky = { position: 'sticky', left: 0, bgcolor: 'background.paper', zIndex: 1 } as const;
  const cell = (column: StatisticsColumn<T>, value: ReactNode, index: number, bold = false) => (
    <TableCell
      key={column.key}
      align={column.count ? 'right' : 'left'}
      sx={{ fontWeight: bold ? 600 : undefined, whiteSpace: 'nowrap', color: column.count && value === 0 && !bold ? 'text.disabled' : undefined, ...(index === 0 ? sticky : {}) }}
    >
      {value}
    </TableCell>
  );
  return (
    // No width of its own (width 0, then the whole width): a wide table scrolls inside the card rather than widening the page.
    <TableContainer sx={{ width: 0, minWidth: '100%', overflowX: 'auto' }}>
      <Table size="small" data-testid={testId}>
        <TableHead>
          <TableRow>{columns.map((column, c) => cell(column, column.label, c, true))}</TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row, r) => (
            <TableRow key={r} hover>
              {columns.map((column, c) => cell(column, column.value(row, r), c))}
            </TableRow>
          ))}
          <TableRow data-testid={`${testId}-totals`}>{columns.map((column, c) => cell(column, totals[c], c, true))}</TableRow>
        </TableBody>
      </Table>
    </TableContainer>
  );
}
