import type { HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from 'react';
import { cx } from './Heading.js';

/**
 * NLDS table. Below 40em the rows stack (see app.css); each cell then shows its column name from
 * `label`, so nothing needs horizontal scrolling on a phone.
 */
export function Table({ className, ...rest }: HTMLAttributes<HTMLTableElement>) {
  return <table {...rest} className={cx('utrecht-table', 'sk-table', className)} />;
}

export function TableCaption({ className, ...rest }: HTMLAttributes<HTMLTableCaptionElement>) {
  return <caption {...rest} className={cx('utrecht-table__caption', className)} />;
}

export function TableHeader(props: HTMLAttributes<HTMLTableSectionElement>) {
  return <thead {...props} className={cx('utrecht-table__header', props.className)} />;
}

export function TableBody(props: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody {...props} className={cx('utrecht-table__body', props.className)} />;
}

export function TableRow(props: HTMLAttributes<HTMLTableRowElement>) {
  return <tr {...props} className={cx('utrecht-table__row', props.className)} />;
}

export function TableHeaderCell(props: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" {...props} className={cx('utrecht-table__header-cell', props.className)} />;
}

export interface TableCellProps extends TdHTMLAttributes<HTMLTableCellElement> {
  label: string;
}

export function TableCell({ label, className, ...rest }: TableCellProps) {
  return <td {...rest} data-label={label} className={cx('utrecht-table__cell', className)} />;
}

export interface TableHeaderRowProps {
  /** The column names, in order. */
  columns: readonly string[];
  /** The name of a last column of buttons: for screen readers only, the buttons say enough to the eye. */
  actions?: string;
}

/** The table's header with one row of column names. */
export function TableHeaderRow({ columns, actions }: TableHeaderRowProps) {
  return (
    <TableHeader>
      <TableRow>
        {columns.map((column, index) => (
          <TableHeaderCell key={index}>{column}</TableHeaderCell>
        ))}
        {actions ? (
          <TableHeaderCell>
            <span className="sk-visually-hidden">{actions}</span>
          </TableHeaderCell>
        ) : null}
      </TableRow>
    </TableHeader>
  );
}
