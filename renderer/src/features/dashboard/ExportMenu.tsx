// "Export" on a Dashboard table: the table as shown (headers and cells in the user's language) as CSV or XLSX.
import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useClient } from '../../api/client-context';
import { IconChevronDown } from '../../ui/icons';
import { downloadFile } from '../import/file-transfer';
import { useDashboardTranslation } from './bundle';

export interface ExportableTable {
  /** File name stem: lower-case letters, digits and dashes. */
  readonly name: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

export function ExportMenu({ table, testId }: { table: ExportableTable; testId: string }) {
  const { t } = useDashboardTranslation();
  const client = useClient();
  const save = useMutation({
    mutationFn: (format: 'csv' | 'xlsx') =>
      client.call('dashboard.exportTable', {
        name: table.name,
        format,
        headers: [...table.headers],
        rows: table.rows.map((row) => [...row]),
      }),
    onSuccess: (file) => {
      downloadFile(file);
      notifications.show({ color: 'teal', message: t('dashboard.export.done', { count: file.rows }) });
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button
          className="fl-print-hide"
          variant="default"
          size="xs"
          rightSection={<IconChevronDown size={14} />}
          loading={save.isPending}
          data-testid={testId}
        >
          {t('dashboard.export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => save.mutate('csv')}>{t('dashboard.export.csv')}</Menu.Item>
        <Menu.Item onClick={() => save.mutate('xlsx')}>{t('dashboard.export.xlsx')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
