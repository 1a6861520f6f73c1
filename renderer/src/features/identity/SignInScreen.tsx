// The sign-in screen: the team lead's password, or pairing this browser with a code from the team lead, or — on a
// browser a rep paired — that rep's PIN (a revoked pairing says so and asks to pair again); on a rep's PC connected
// to the hub, only its rep's PIN. Refusals are worded by their reason in the current language (the client does it).
import {
  Alert,
  Button,
  Center,
  Group,
  Loader,
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
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useClient } from '../../api/client-context';
import { usePairBrowser, useSignIn } from '../../api/session';
import { LanguageSwitch } from '../../shell/LanguageSwitch';
import { IconSparkles } from '../../ui/icons';
import { useIdentityTranslation } from './bundle';
import { describeBrowser } from './browser-name';
import { PairingCodeInput } from './PairingCodeInput';
import { FormProblem, useFormTry } from './FormProblem';
import { CLIENT_STATUS_KEY } from './HubConnectForm';
import { forgetPairedRep, readPairedRep, rememberPairedRep, type PairedRep } from './paired-rep';
import { RepPinForm } from './RepPinForm';

type Way = 'lead' | 'pair' | 'rep';

/**
 * The desktop app of a rep's PC whose rep signed out: that rep, whose PIN alone signs in there (asked afresh: the
 * cached status predates the sign-out); undefined while asking.
 */
function useSignedOutPcRep(): PairedRep | null | undefined {
  const client = useClient();
  const isDesktop = client.watchConnection === undefined;
  const status = useQuery({
    queryKey: [...CLIENT_STATUS_KEY, 'sign-in'],
    queryFn: () => client.call('client.status', {}),
    enabled: isDesktop,
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
  if (!isDesktop || status.isError) return null;
  return status.isPending ? undefined : status.data.signedOutRep;
}

function LeadPasswordForm() {
  const { t } = useIdentityTranslation();
  const signIn = useSignIn();
  const { isBusy, problem, run } = useFormTry();
  const form = useForm({ initialValues: { password: '' } });
  return (
    <form
      onSubmit={form.onSubmit(({ password }) =>
        run(
          () => signIn({ as: 'lead', password }),
          () => form.setFieldValue('password', ''),
        ),
      )}
    >
      <Stack gap="sm">
        <PasswordInput
          label={t('identity.signIn.password')}
          autoComplete="current-password"
          required
          data-autofocus
          {...form.getInputProps('password')}
        />
        <FormProblem problem={problem}>
          <Button type="submit" loading={isBusy}>
            {t('identity.signIn.submit')}
          </Button>
        </FormProblem>
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
  const { isBusy, problem, run } = useFormTry();
  const form = useForm({
    initialValues: {
      code: '',
      deviceName: t('identity.signIn.defaultDeviceName', describeBrowser(userAgent)),
    },
  });
  return (
    <form
      onSubmit={form.onSubmit(({ code, deviceName }) =>
        run(async () => rememberPairedRep(await pair({ code: code.trim(), deviceName: deviceName.trim() }))),
      )}
    >
      <Stack gap="sm">
        <PairingCodeInput description={t('identity.signIn.codeHint')} {...form.getInputProps('code')} />
        <TextInput
          label={t('identity.signIn.deviceName')}
          description={t('identity.signIn.deviceNameHint')}
          required
          maxLength={200}
          {...form.getInputProps('deviceName')}
        />
        <FormProblem problem={problem}>
          <Button type="submit" loading={isBusy}>
            {t('identity.signIn.pairSubmit')}
          </Button>
        </FormProblem>
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
  const [wasRevoked, setRevoked] = useState(false);
  const pcRep = useSignedOutPcRep();
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
            {wasRevoked && (
              <Alert color="orange" data-testid="pairing-revoked">
                {t('identity.signIn.revoked')}
              </Alert>
            )}
            {pcRep === undefined ? (
              <Loader size="sm" mx="auto" />
            ) : pcRep ? (
              <RepPinForm rep={pcRep} isPc />
            ) : (
              <SignInWays
                pairedRep={pairedRep}
                way={way}
                userAgent={userAgent}
                onWay={setWay}
                onForget={(wasRevokedNow) => {
                  forgetPairedRep();
                  setPairedRep(null);
                  setWay('pair');
                  setRevoked(wasRevokedNow);
                }}
              />
            )}
          </Stack>
        </Paper>
      </Stack>
    </Center>
  );
}

/** A browser's ways in: its paired rep's PIN, the team lead's password, or pairing with a new code. */
function SignInWays({
  pairedRep,
  way,
  userAgent,
  onWay,
  onForget,
}: {
  pairedRep: PairedRep | null;
  way: Way;
  userAgent: string;
  onWay: (way: Way) => void;
  /** Forget the paired rep (not them, or the team lead revoked the pairing) and go to pairing. */
  onForget: (wasRevoked: boolean) => void;
}) {
  const { t } = useIdentityTranslation();
  return (
    <>
      <SegmentedControl
        fullWidth
        value={way}
        onChange={(value) => onWay(value === 'pair' || value === 'rep' ? value : 'lead')}
        data={[
          ...(pairedRep ? [{ value: 'rep', label: pairedRep.name }] : []),
          { value: 'lead', label: t('identity.signIn.leadTab') },
          { value: 'pair', label: t('identity.signIn.pairTab') },
        ]}
      />
      {way === 'rep' && pairedRep ? (
        <RepPinForm rep={pairedRep} onNotMe={() => onForget(false)} onRevoked={() => onForget(true)} />
      ) : way === 'pair' ? (
        <PairBrowserForm userAgent={userAgent} />
      ) : (
        <LeadPasswordForm />
      )}
    </>
  );
}
