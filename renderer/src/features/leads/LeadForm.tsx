// The lead form, for adding and editing: checked with the contract's schema before sending, and the server's
// refusal shown beside the field it names. Nothing is stored while a field is in error.
import {
  Alert,
  Autocomplete,
  Button,
  Divider,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FunnelStage } from '../../../../core/domain/funnel';
import type { Lead } from '../../../../core/domain/lead';
import { ApiError } from '../../../../core/api/errors';
import { useClient } from '../../api/client-context';
import { useTeamWords } from '../../api/queries';
import { queryKeys } from '../../api/query-keys';
import {
  EMPTY_LEAD_FORM,
  LEAD_FORM_FIELDS,
  formFieldOfApiField,
  leadToFormValues,
  toLeadInput,
  type LeadFormField,
  type LeadFormValues,
} from './lead-form-values';
import { useFunnelStages } from '../funnel/stage-labels';
import { EntryCheck } from './EntryCheck';

interface LeadFormProps {
  /** The lead being edited; absent when adding a new one. */
  readonly lead?: Lead;
  readonly onSaved: (lead: Lead) => void;
  readonly onCancel: () => void;
}

export function LeadForm({ lead, onSaved, onCancel }: LeadFormProps) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const formId = useId();
  const stages = useFunnelStages();

  /** A field's message in the UI language; the schema's English text only when no translation exists. */
  const messageFor = (field: LeadFormField, fallback: string) =>
    i18n.exists(`leadForm.errors.${field}`)
      ? t(`leadForm.errors.${field}`)
      : fallback || t('leadForm.errors.generic');

  const form = useForm<LeadFormValues>({
    initialValues: lead ? leadToFormValues(lead) : EMPTY_LEAD_FORM,
    validate: (values) => {
      const result = toLeadInput(values);
      if (result.ok) return {};
      return Object.fromEntries(
        Object.entries(result.errors).map(([field, message]) => [
          field,
          messageFor(field as LeadFormField, message),
        ]),
      );
    },
  });

  const save = useMutation({
    mutationFn: async (values: LeadFormValues) => {
      const result = toLeadInput(values);
      if (!result.ok) throw new Error('invalid form');
      if (!lead) return client.call('leads.create', result.input);
      // A partial patch must not reset what the form does not show (behaviour, BANT, custom fields).
      const patch = {
        ...result.input,
        bant: { ...lead.bant },
        customFields: { ...lead.customFields },
        events: lead.events.map((event) => ({ ...event })),
      };
      return client.call('leads.update', { id: lead.id, patch });
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.leads });
      void queryClient.invalidateQueries({ queryKey: queryKeys.workspace });
      onSaved(saved);
    },
    onError: (error) => {
      const field = error instanceof ApiError ? formFieldOfApiField(error.field) : null;
      if (field) {
        form.setFieldError(field, messageFor(field, error.message));
        focusFirstError([field]);
      } else setFormError(error.message);
    },
  });

  /** Puts the keyboard on the first field in error, in form order, so the message is seen and read out. */
  function focusFirstError(fields: readonly string[]): void {
    const first = LEAD_FORM_FIELDS.find((field) => fields.includes(field));
    if (first)
      document
        .getElementById(formId)
        ?.querySelector<HTMLElement>(`[data-testid="lead-form-${first}"]`)
        ?.focus();
  }

  // The shown stages; a lead already in a hidden one (an imported past lead) keeps it as a choice.
  const stageOptions = stages.all
    .filter((stage) => !stage.isHidden || stage.key === lead?.stage)
    .map((stage) => ({ value: stage.key, label: stage.pickerLabel }));
  const text = (
    field: Exclude<LeadFormField, 'stage' | 'needs'>,
    extra?: { withAsterisk?: boolean; type?: string },
  ) => (
    <TextInput
      label={t(`leadForm.${field}`)}
      {...form.getInputProps(field)}
      {...extra}
      data-testid={`lead-form-${field}`}
    />
  );

  // The team's own words for an industry, a region or a source, offered as one types: the rules match them exactly
  // ("来源渠道等于 转介绍"), so a lead typed "转接绍" would pass every rule by.
  const teamWords = useTeamWords();
  const suggested = (field: 'industry' | 'region' | 'source') => (
    <Autocomplete
      label={t(`leadForm.${field}`)}
      data={[...teamWords[field]]}
      limit={20}
      {...form.getInputProps(field)}
      data-testid={`lead-form-${field}`}
    />
  );

  return (
    <form
      noValidate
      id={formId}
      onSubmit={form.onSubmit(
        (values) => {
          setFormError(null);
          save.mutate(values);
        },
        (errors) => focusFirstError(Object.keys(errors)),
      )}
      aria-label={lead ? t('leadForm.editTitle') : t('leadForm.createTitle')}
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
        <Divider label={t('leadForm.contact')} labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
          {text('name')}
          {text('phone', { type: 'tel' })}
          {text('email', { type: 'email' })}
          {text('wechat')}
        </SimpleGrid>
        <EntryCheck
          fields={{
            name: form.values.name,
            phone: form.values.phone,
            email: form.values.email,
            company: form.values.company,
          }}
          excludeId={lead?.id}
        />
        <Divider label={t('leadForm.companySection')} labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
          {text('company')}
          {text('title')}
          {suggested('industry')}
          {suggested('region')}
          <TextInput
            label={t('leadForm.companySize')}
            inputMode="numeric"
            {...form.getInputProps('companySize')}
            data-testid="lead-form-companySize"
          />
        </SimpleGrid>
        <Divider label={t('leadForm.sourceSection')} labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
          {text('product')}
          {suggested('source')}
          {text('campaign')}
          <TextInput
            label={t('leadForm.cost')}
            inputMode="decimal"
            {...form.getInputProps('cost')}
            data-testid="lead-form-cost"
          />
          <Select
            label={t('leadForm.stage')}
            data={stageOptions}
            allowDeselect={false}
            {...form.getInputProps('stage')}
            onChange={(value) => {
              if (value) form.setFieldValue('stage', value as FunnelStage);
            }}
            data-testid="lead-form-stage"
          />
        </SimpleGrid>
        <Textarea
          label={t('leadForm.needs')}
          autosize
          minRows={3}
          maxRows={8}
          {...form.getInputProps('needs')}
          data-testid="lead-form-needs"
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
