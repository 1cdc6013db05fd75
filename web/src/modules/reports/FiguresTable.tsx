import { Table } from '@mantine/core';
import type { ShownTable } from '../../../../core/reports/shape.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { figureText, localized } from './figures.ts';

/** The numbers of one table as they may leave the server; totals in bold; scrolls sideways on a phone. */
export function FiguresTable({ table, threshold }: { table: ShownTable; threshold: number }) {
  const language = useLanguage();
  return (
    <Table.ScrollContainer minWidth={Math.min(560, 140 + table.columns.length * 80)}>
      <Table striped withTableBorder fz="sm" data-testid="figures-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            {table.columns.map((column) => (
              <Table.Th key={column.key} ta="right">
                {localized(column.label, language)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.rows.map((row) => (
            <Table.Tr key={row.key} fw={row.isTotal ? 700 : undefined}>
              <Table.Th scope="row" fw={row.isTotal ? 700 : 500}>
                {localized(row.label, language)}
              </Table.Th>
              {row.cells.map((figure, index) => (
                <Table.Td
                  key={table.columns[index]?.key ?? index}
                  ta="right"
                  data-hidden={figure.value === null ? figure.hidden : undefined}
                  style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
                >
                  {figureText(figure, table.unit, threshold, language)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
