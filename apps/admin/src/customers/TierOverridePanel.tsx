import { Alert, Box, Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import {
  Confirm,
  HttpError,
  useLocaleState,
  useLogoutIfAccessDenied,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { requestJson } from '../api/http-client';
import { canOverrideTier } from '../auth/capabilities';
import { useRole } from '../auth/use-role';
import type { Customer } from './customer';
import { fieldProblemsOf } from './problem-fields';
import { usePolicyInForce } from './use-policy-document';

const T = 'tierwise.customers.override';
const MAX_REASON = 500;

/** The tier set by hand: who set it, when and why; set and remove for the roles that may (admin, publisher). */
export function TierOverridePanel() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const record = useRecordContext<Customer>();
  const role = useRole();
  if (!record) return null;
  const override = record.tierOverride;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const since = override ? when.format(new Date(override.at)) : '';
  return (
    <Stack spacing={2}>
      <Typography variant="body2" data-testid="tier-override-state">
        {override
          ? translate(`${T}.current`, { tier: override.tier, date: since, by: override.by, reason: override.reason })
          : translate(`${T}.none`)}
      </Typography>
      {override?.expiresAt && (
        <Typography variant="body2" data-testid="tier-override-expiry">
          {translate(`${T}.until`, { date: when.format(new Date(override.expiresAt)) })}
        </Typography>
      )}
      {canOverrideTier(role) && (
        <>
          <SetOverrideForm customer={record} />
          {override && <RemoveOverrideButton customer={record} />}
        </>
      )}
    </Stack>
  );
}

function SetOverrideForm({ customer }: { customer: Customer }) {
  const translate = useTranslate();
  const { tiers } = usePolicyInForce();
  const [tier, setTier] = useState(customer.tierOverride?.tier ?? '');
  const [reason, setReason] = useState('');
  // A local date and time from the input, or empty: kept until someone removes it.
  const [expires, setExpires] = useState('');
  const [problems, setProblems] = useState<OverrideProblems>({});
  const [saving, setSaving] = useState(false);
  const send = useOverrideRequest(customer.id);
  const reasonTooLong = reason.trim().length > MAX_REASON;
  const ready = tier !== '' && reason.trim() !== '' && !reasonTooLong && !saving;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    setSaving(true);
    const expiresAt = expires ? new Date(expires).toISOString() : undefined;
    const refused = await send('PUT', { tier, reason: reason.trim(), ...(expiresAt ? { expiresAt } : {}) }, `${T}.saved`);
    setSaving(false);
    setProblems(refused ?? {});
    if (!refused) {
      setReason('');
      setExpires('');
    }
  };

  return (
    <Box component="form" onSubmit={(event) => void submit(event)} aria-label={translate(`${T}.setTitle`)}>
      <Stack spacing={2}>
        <TextField
          select
          label={translate(`${T}.tier`)}
          value={tier}
          onChange={(event) => setTier(event.target.value)}
          required
          error={problems.tier !== undefined}
          helperText={problems.tier}
          size="small"
        >
          {tiers.map((option) => (
            <MenuItem key={option.id} value={option.id}>
              {option.label === option.id ? option.id : `${option.id} · ${option.label}`}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label={translate(`${T}.reason`)}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          required
          multiline
          minRows={2}
          error={problems.reason !== undefined || reasonTooLong}
          helperText={
            problems.reason ?? (reasonTooLong ? translate(`${T}.reasonTooLong`, { max: MAX_REASON }) : translate(`${T}.reasonHelp`))
          }
          size="small"
        />
        <TextField
          type="datetime-local"
          label={translate(`${T}.expires`)}
          value={expires}
          onChange={(event) => setExpires(event.target.value)}
          error={problems.expiresAt !== undefined}
          helperText={problems.expiresAt ?? translate(`${T}.expiresHelp`)}
          slotProps={{ inputLabel: { shrink: true } }}
          size="small"
        />
        {problems.other && (
          <Alert severity="error" role="alert">
            {problems.other}
          </Alert>
        )}
        <Box>
          <Button type="submit" variant="contained" disabled={!ready}>
            {translate(`${T}.set`)}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}

function RemoveOverrideButton({ customer }: { customer: Customer }) {
  const translate = useTranslate();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const send = useOverrideRequest(customer.id);
  const override = customer.tierOverride!;
  return (
    <Box>
      <Button color="warning" variant="outlined" onClick={() => setConfirming(true)}>
        {translate(`${T}.remove`)}
      </Button>
      {problem && (
        <Alert severity="error" role="alert" sx={{ mt: 1 }}>
          {problem}
        </Alert>
      )}
      <Confirm
        isOpen={confirming}
        title={`${T}.removeTitle`}
        content={`${T}.removeContent`}
        translateOptions={{ tier: override.tier, id: customer.id }}
        confirm={`${T}.remove`}
        onClose={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void send('DELETE', undefined, `${T}.removed`).then((refused) => setProblem(refused?.other ?? refused?.tier ?? refused?.reason));
        }}
      />
    </Box>
  );
}

type OverrideProblems = { tier?: string; reason?: string; expiresAt?: string; other?: string };

/** PUT or DELETE /customers/{id}/tier-override; undefined when done, else the problems by field. */
function useOverrideRequest(customerId: string) {
  const notify = useNotify();
  const refresh = useRefresh();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  return async (method: 'PUT' | 'DELETE', body: unknown, done: string): Promise<OverrideProblems | undefined> => {
    try {
      await requestJson(`/customers/${encodeURIComponent(customerId)}/tier-override`, {
        method,
        // Fastify refuses a DELETE declared as JSON with no body; ra-data-simple-rest sends text/plain too.
        ...(body === undefined ? { headers: new Headers({ 'Content-Type': 'text/plain', Accept: 'application/json' }) } : {}),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      notify(done, { type: 'success' });
      refresh();
      return undefined;
    } catch (error) {
      await logoutIfAccessDenied(error);
      const problems: OverrideProblems = {};
      for (const problem of fieldProblemsOf(error instanceof HttpError ? error.body : undefined)) {
        if (problem.path === '/tier' || problem.path === '/tierOverride/tier') problems.tier = problem.message;
        else if (problem.path === '/reason') problems.reason = problem.message;
        else if (problem.path === '/expiresAt') problems.expiresAt = problem.message;
      }
      if (problems.tier === undefined && problems.reason === undefined && problems.expiresAt === undefined)
        problems.other = error instanceof Error ? error.message : String(error);
      return problems;
    }
  };
}
