import { Alert, AlertTitle, Box, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import type { StoredDecision } from './stored-decision';
import { tierLabelFromExplanation } from './tier-label';
import { describeParams, summarizeTreatments, type TreatmentSummary } from './treatment-summary';

const T = 'tierwise.callCentre.decision';

export interface DecisionCardProps {
  decision: StoredDecision;
  /** The tier's label in the user's language, when the caller knows it (the policy's labels); else the decision's own words. */
  tierLabel?: string;
}

/** A decision laid out for a person: blacklist first, then tier and treatments, then why and by which policy version. */
export function DecisionCard({ decision, tierLabel }: DecisionCardProps) {
  const translate = useTranslate();
  const summary = summarizeTreatments(decision.treatments);
  const label = tierLabel ?? tierLabelFromExplanation(decision);
  return (
    <Card
      component="section"
      variant="outlined"
      data-testid="decision-card"
      aria-label={translate(`${T}.title`, { customerId: decision.customerId ?? decision.id })}
    >
      <CardContent>
        <Stack spacing={2}>
          {summary.blacklist && <BlacklistWarning reason={summary.blacklist.reason} />}
          <Stack direction="row" spacing={3} alignItems="center">
            <Box aria-label={translate(`${T}.tier`)} role="group" sx={{ textAlign: 'center', minWidth: 96 }}>
              <Typography variant="overline" component="div">
                {translate(`${T}.tier`)}
              </Typography>
              <Typography variant="h2" component="div" data-testid="decision-tier" sx={{ fontWeight: 700, lineHeight: 1 }}>
                {decision.tier ?? '—'}
              </Typography>
            </Box>
            <Box>
              <Typography variant="h5" component="div">
                {decision.tier === null ? translate(`${T}.noTier`) : (label ?? decision.tier)}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {decision.customerId ?? decision.id}
                {decision.score !== null && ` · ${translate(`${T}.score`, { score: decision.score })}`}
              </Typography>
            </Box>
          </Stack>
          <TreatmentFacts summary={summary} />
          <Explanation lines={decision.explanation} />
          <DecidedBy decision={decision} />
        </Stack>
      </CardContent>
    </Card>
  );
}

function BlacklistWarning({ reason }: { reason: string | null }) {
  const translate = useTranslate();
  return (
    <Alert severity="error" variant="filled" role="alert" data-testid="blacklist-warning">
      <AlertTitle>{reason ? translate(`${T}.blacklistedBecause`, { reason }) : translate(`${T}.blacklisted`)}</AlertTitle>
      {translate(`${T}.blacklistedHint`)}
    </Alert>
  );
}

function TreatmentFacts({ summary }: { summary: TreatmentSummary }) {
  const translate = useTranslate();
  const { queue, accountManager, fee } = summary;
  const sla = queue?.slaSeconds ?? null;
  return (
    <Box
      component="dl"
      sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: 2, m: 0, '& dd': { m: 0 } }}
    >
      <Fact term={translate(`${T}.queue`)}>
        {queue ? (
          <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
            {queue.greenChannel ? (
              <Chip color="success" label={translate(`${T}.greenChannel`)} size="small" />
            ) : (
              <span>{translate(`${T}.noGreenChannel`)}</span>
            )}
            {queue.priority !== null && <span>{translate(`${T}.priority`, { priority: queue.priority })}</span>}
          </Stack>
        ) : (
          translate(`${T}.noQueue`)
        )}
      </Fact>
      <Fact term={translate(`${T}.answerTarget`)}>
        {sla === null
          ? translate(`${T}.noSla`)
          : queue?.slaTarget != null
            ? translate(`${T}.slaWithTarget`, { percent: Math.round(queue.slaTarget * 1000) / 10, seconds: sla })
            : translate(`${T}.slaSeconds`, { seconds: sla })}
      </Fact>
      <Fact term={translate(`${T}.callback`)}>
        {queue?.callbackWithinHours != null
          ? translate(`${T}.callbackWithin`, { hours: queue.callbackWithinHours })
          : translate(`${T}.noCallback`)}
      </Fact>
      <Fact term={translate(`${T}.accountManager`)}>
        {!accountManager
          ? translate(`${T}.noManager`)
          : accountManager.name
            ? translate(`${T}.namedManager`, { name: accountManager.name })
            : translate(accountManager.dedicated ? `${T}.dedicatedManager` : `${T}.sharedManager`)}
      </Fact>
      <Fact term={translate(`${T}.fees`)}>
        {fee && fee.amount !== null
          ? fee.period
            ? translate(`${T}.fee`, {
                amount: fee.amount,
                currency: fee.currency ?? '',
                period: translate(`${T}.period.${fee.period}`, { _: fee.period }),
              })
            : translate(`${T}.feeOnce`, { amount: fee.amount, currency: fee.currency ?? '' })
          : translate(`${T}.noFees`)}
      </Fact>
      {summary.other.length > 0 && (
        <Fact term={translate(`${T}.otherTreatments`)}>
          {summary.other.map(({ type, params }) => (
            <div key={type}>
              {type}
              {Object.keys(params).length > 0 && `: ${describeParams(params)}`}
            </div>
          ))}
        </Fact>
      )}
    </Box>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <Typography component="dt" variant="overline" color="text.secondary">
        {term}
      </Typography>
      <Typography component="dd" variant="body1">
        {children}
      </Typography>
    </div>
  );
}

function Explanation({ lines }: { lines: string[] }) {
  const translate = useTranslate();
  return (
    <section aria-label={translate(`${T}.why`)}>
      <Typography variant="subtitle2" component="h3">
        {translate(`${T}.why`)}
      </Typography>
      <Box component="ul" data-testid="decision-explanation" sx={{ my: 0.5, pl: 3 }}>
        {lines.map((line, index) => (
          <Typography component="li" variant="body2" key={index}>
            {line}
          </Typography>
        ))}
      </Box>
    </section>
  );
}

function DecidedBy({ decision }: { decision: StoredDecision }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(decision.gradedAt));
  const cause = translate(`${T}.cause.${decision.cause}`, { _: decision.cause });
  const { id, version } = decision.policy;
  return (
    <Typography variant="caption" color="text.secondary" component="p" data-testid="decision-policy">
      {version === null
        ? translate(`${T}.decidedByUnversioned`, { policy: id, date, cause })
        : translate(`${T}.decidedBy`, { policy: id, version, date, cause })}
    </Typography>
  );
}
