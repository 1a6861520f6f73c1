// Which pool the list shows: every pool the person may see (a rep: the pools they belong to), the default first.
import { Select } from '@mantine/core';
import { usePoolsTranslation } from './bundle';
import { poolLabel } from './pool-name';
import { usePools } from './pool-queries';

export function PoolSwitcher({ value, onChange }: { value: string | null; onChange: (id: string) => void }) {
  const { t } = usePoolsTranslation();
  const pools = usePools().data?.pools ?? [];
  if (pools.length < 2) return null;
  const ordered = [...pools].sort(
    (a, b) => Number(b.isDefault) - Number(a.isDefault) || a.position - b.position,
  );
  return (
    <Select
      label={t('pools.switcher')}
      data={ordered.map((pool) => ({
        value: pool.id,
        label: poolLabel(t, pool),
      }))}
      value={value ?? ordered[0]?.id ?? null}
      onChange={(id) => id && onChange(id)}
      allowDeselect={false}
      w={220}
      data-testid="pool-switcher"
    />
  );
}
