// The sign-in screen: the team lead's password, or pairing this browser with a code from the team lead, or — on a
// browser a rep paired — that rep's PIN. Refusals are worded by their reason in the current language (the client
// does it).
import {
  Alert,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { usePairBrowser, useSignIn } from '../../api/session';
import { LanguageSwitch } from '../../shell/LanguageSwitch';
import { IconSparkles } from '../../ui/icons';
import { useIdentityTranslation } from './bundle';
import { describeBrowser } from './browser-name';
import { forgetPairedRep, readPairedRep, rememberPairedRep } from './paired-rep';
import { RepPinForm } from './RepPinForm';

type Way = 'lead' | 'pair' | 'rep';

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function LeadPasswordForm() {
  const { t } = useIdentityTranslation();
  const signIn = useSignIn();
  const [isBusy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm({ initialValues: { password: '' } });
  return (
    <form
      onSubmit={form.onSubmit(async ({ password }) => {
        setBusy(true);
        setProblem(null);
        try {
          await signIn({ as: 'lead', password });
        } catch (error) {
          setProblem(errorText(error));
          form.setFieldValue('password', '');
        } finally {
          setBusy(false);
        }
      })}
    >
      <Stack gap="sm">
        <PasswordInput
          label={t('identity.signIn.password')}
          autoComplete="current-password"
          required
          data-autofocus
          {...form.getInputProps('password')}
        />
        {problem && (
          <Alert color="red" role="alert" data-testid="sign-in-error">
            {problem}
          </Alert>
        )}
        <Button type="submit" loading={isBusy}>
          {t('identity.signIn.submit')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('identity.signIn.leadHint')}
        </Text>
      </Stack>
    </form>
  );
}

function PairBrowserForm({ userAgent }: { userAgent: string }) {
  const { t } = useIdentityTranslation();
  const pair = usePairBrowser();
  const [isBusy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      code: '',
      deviceName: t('identity.signIn.defaultDeviceName', describeBrowser(userAgent)),
    },
  });
  return (
    <form
      onSubmit={form.onSubmit(async ({ code, deviceName }) => {
        setBusy(true);
        setProblem(null);
        try {
          rememberPairedRep(await pair({ code: code.trim(), deviceName: deviceName.trim() }));
        } catch (error) {
          setProblem(errorText(error));
        } finally {
          setBusy(false);
        }
      })}
    >
      <Stack gap="sm">
        <TextInput
          label={t('identity.signIn.code')}
          description={t('identity.signIn.codeHint')}
          placeholder="XXXXX-XXXXX-XXXXXXXX"
          autoComplete="off"
          spellCheck={false}
          required
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: 1 } }}
          {...form.getInputProps('code')}
        />
        <TextInput
          label={t('identity.signIn.deviceName')}
          description={t('identity.signIn.deviceNameHint')}
          required
          maxLength={200}
          {...form.getInputProps('deviceName')}
        />
        {problem && (
          <Alert color="red" role="alert" data-testid="sign-in-error">
            {problem}
          </Alert>
        )}
        <Button type="submit" loading={isBusy}>
          {t('identity.signIn.pairSubmit')}
        </Button>
      </Stack>
    </form>
  );
}

export function SignInScreen({
  linkError = null,
  userAgent = typeof navigator === 'undefined' ? '' : navigator.userAgent,
}: {
  /** Why the one-time link in the address did not sign in, if it did not. */
  linkError?: Error | null;
  userAgent?: string;
}) {
  const { t } = useIdentityTranslation();
  const [pairedRep, setPairedRep] = useState(readPairedRep);
  const [way, setWay] = useState<Way>(pairedRep ? 'rep' : 'lead');
  return (
    <Center mih="100vh" bg="var(--mantine-color-gray-0)" p="md">
      <Stack w={420} maw="100%" gap="md">
        <Group justify="space-between">
          <Group gap="sm">
            <ThemeIcon
              size={32}
              radius="md"
              variant="gradient"
              gradient={{ from: 'indigo', to: 'cyan', deg: 135 }}
            >
              <IconSparkles size={18} />
            </ThemeIcon>
            <Title order={1} size="h3">
              {t('identity.signIn.title')}
            </Title>
          </Group>
          <LanguageSwitch isSignedIn={false} />
        </Group>
        <Paper withBorder radius="md" p="lg" component="main">
          <Stack gap="md">
            {linkError && (
              <Alert color="red" title={t('identity.signIn.linkFailed')} data-testid="link-error">
                {linkError.message}
              </Alert>
            )}
            <SegmentedControl
              fullWidth
              value={way}
              onChange={(value) => setWay(value === 'pair' || value === 'rep' ? value : 'lead')}
              data={[
                ...(pairedRep ? [{ value: 'rep', label: pairedRep.name }] : []),
                { value: 'lead', label: t('identity.signIn.leadTab') },
                { value: 'pair', label: t('identity.signIn.pairTab') },
              ]}
            />
            {way === 'rep' && pairedRep ? (
              <RepPinForm
                rep={pairedRep}
                onNotMe={() => {
                  forgetPairedRep();
                  setPairedRep(null);
                  setWay('pair');
                }}
              />
            ) : way === 'pair' ? (
              <PairBrowserForm userAgent={userAgent} />
            ) : (
              <LeadPasswordForm />
            )}
          </Stack>
        </Paper>
      </Stack>
    </Center>
  );
}
