// "Export" on the Leads page: the leads the current filters select, as CSV (UTF-8 with BOM) or XLSX.
import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import type { CallInput } from '../../../../core/api/contract';
import { useClient } from '../../api/client-context';
import { useWorkspaceStatus } from '../../api/queries';
import { IconChevronDown } from '../../ui/icons';
import { useImportTranslation } from './bundle';
import { downloadFile } from './file-transfer';

type ExportFilter = NonNullable<CallInput<'leads.export'>['filter']>;

export function LeadsExportButton({ filter }: { filter: ExportFilter }) {
  const { t } = useImportTranslation();
  const client = useClient();
  const isTeamLead = useWorkspaceStatus().data?.actor.role === 'lead';
  const exportLeads = useMutation({
    mutationFn: (format: 'csv' | 'xlsx') => client.call('leads.export', { filter, format }),
    onSuccess: (file) => {
      downloadFile(file);
      notifications.show({ color: 'teal', message: t('import.exported', { count: file.rows }) });
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });
  if (!isTeamLead) return null;
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button
          variant="default"
          rightSection={<IconChevronDown size={14} />}
          loading={exportLeads.isPending}
        >
          {t('import.export')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => exportLeads.mutate('csv')}>{t('import.exportCsv')}</Menu.Item>
        <Menu.Item onClick={() => exportLeads.mutate('xlsx')}>{t('import.exportXlsx')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
