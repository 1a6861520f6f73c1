// The rep form, for adding and editing: tier, skills, regions, weight, caps, availability, leave and PIN.
import {
  ActionIcon,
  Alert,
  Button,
  Divider,
  Group,
  NumberInput,
  PasswordInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../core/api/errors';
import { REP_TIERS, type Rep, type RepTier } from '../../../../core/domain/rep';
import { useClient } from '../../api/client-context';
import { queryKeys } from '../../api/query-keys';
import { IconPlus } from '../../ui/icons';
import {
  EMPTY_REP_FORM,
  formKeyOfApiField,
  repToFormValues,
  toRepInput,
  type RepFormValues,
} from './rep-form-values';

export function RepForm({
  rep,
  onSaved,
  onCancel,
}: {
  rep?: Rep;
  onSaved: (rep: Rep) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);

  const messageFor = (key: string, fallback: string) => {
    const field = key.startsWith('leave.') ? 'leave' : key;
    return i18n.exists(`repForm.errors.${field}`)
      ? t(`repForm.errors.${field}`)
      : fallback || t('repForm.errors.generic');
  };

  const form = useForm<RepFormValues>({
    initialValues: rep ? repToFormValues(rep) : EMPTY_REP_FORM,
    validate: (values) => {
      const result = toRepInput(values);
      if (result.ok) return {};
      return Object.fromEntries(
        Object.entries(result.errors).map(([key, message]) => [key, messageFor(key, message)]),
      );
    },
  });

  const save = useMutation({
    mutationFn: async (values: RepFormValues) => {
      const result = toRepInput(values);
      if (!result.ok) throw new Error('invalid form');
      if (!rep) return client.call('reps.create', result.input);
      return client.call('reps.update', { id: rep.id, patch: result.input });
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.reps });
      void queryClient.invalidateQueries({ queryKey: queryKeys.workspace });
      onSaved(saved);
    },
    onError: (error) => {
      const key = error instanceof ApiError ? formKeyOfApiField(error.field) : null;
      if (key) form.setFieldError(key, messageFor(key, error.message));
      else setFormError(error.message);
    },
  });

  const capInput = (field: 'capOpen' | 'capDaily') => (
    <NumberInput
      label={t(`repForm.${field}`)}
      description={t('repForm.capHint')}
      placeholder={t('common.noCap')}
      min={0}
      allowDecimal={false}
      allowNegative={false}
      {...form.getInputProps(field)}
    />
  );

  return (
    <form
      noValidate
      aria-label={rep ? t('repForm.editTitle') : t('repForm.createTitle')}
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        save.mutate(values);
      })}
    >
      <Stack gap="md">
        {formError && (
          <Alert
            color="red"
            title={t('common.errorTitle')}
            withCloseButton
            onClose={() => setFormError(null)}
          >
            {formError}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
          <TextInput
            label={t('repForm.name')}
            withAsterisk
            {...form.getInputProps('name')}
            data-testid="rep-form-name"
          />
          <div>
            <Text size="sm" fw={500} mb={4} id="rep-tier-label">
              {t('repForm.tier')}
            </Text>
            <SegmentedControl
              fullWidth
              aria-labelledby="rep-tier-label"
              data={REP_TIERS.map((tier) => ({ value: tier, label: t(`tiers.${tier}`) }))}
              value={form.values.tier}
              onChange={(value) => form.setFieldValue('tier', value as RepTier)}
            />
          </div>
          <TextInput label={t('repForm.email')} type="email" {...form.getInputProps('email')} />
          <TextInput label={t('repForm.phone')} type="tel" {...form.getInputProps('phone')} />
        </SimpleGrid>
        <TagsInput
          label={t('repForm.skills')}
          description={t('repForm.skillsHint')}
          clearable
          maxTags={50}
          {...form.getInputProps('skills')}
        />
        <TagsInput
          label={t('repForm.regions')}
          description={t('repForm.regionsHint')}
          clearable
          maxTags={50}
          {...form.getInputProps('regions')}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <NumberInput
            label={t('repForm.weight')}
            description={t('repForm.weightHint')}
            min={1}
            max={100}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('weight')}
          />
          {capInput('capOpen')}
          {capInput('capDaily')}
        </SimpleGrid>
        <Divider />
        <DatePickerInput
          label={t('repForm.joinedOn')}
          description={t('repForm.joinedOnHint')}
          valueFormat="YYYY-MM-DD"
          clearable
          maw={260}
          {...form.getInputProps('joinedOn')}
        />
        <Switch
          label={t('repForm.outOfOffice')}
          {...form.getInputProps('isOutOfOffice', { type: 'checkbox' })}
        />
        <Stack gap="xs">
          <Text size="sm" fw={500}>
            {t('repForm.leave')}
          </Text>
          {form.values.leave.map((period, index) => (
            <Group key={index} align="flex-start" gap="xs" wrap="nowrap">
              <DatePickerInput
                type="range"
                allowSingleDateInRange
                aria-label={t('repForm.leavePeriod', { index: index + 1 })}
                placeholder={t('repForm.leavePeriod', { index: index + 1 })}
                value={[period.from, period.to]}
                onChange={([from, to]) => form.setFieldValue(`leave.${index}`, { from, to })}
                error={form.errors[`leave.${index}`]}
                valueFormat="YYYY-MM-DD"
                style={{ flex: 1 }}
                clearable
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={`${t('common.remove')} ${t('repForm.leavePeriod', { index: index + 1 })}`}
                onClick={() => form.removeListItem('leave', index)}
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="light"
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => form.insertListItem('leave', { from: null, to: null })}
            >
              {t('repForm.addLeave')}
            </Button>
          </Group>
        </Stack>
        <Divider />
        <PasswordInput
          label={t('repForm.pin')}
          description={rep ? t('repForm.pinKeep') : t('repForm.pinHint')}
          inputMode="numeric"
          autoComplete="new-password"
          visibilityToggleButtonProps={{ 'aria-label': t('repForm.pinToggle') }}
          maw={280}
          {...form.getInputProps('pin')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={save.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
