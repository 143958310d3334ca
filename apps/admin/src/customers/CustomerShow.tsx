import { Box, Card, CardContent, Grid, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { DateField, EditButton, Labeled, Show, TextField, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { canEditCustomers } from '../auth/capabilities';
import { useRole } from '../auth/use-role';
import type { Customer } from './customer';
import { CustomerDecision } from './CustomerDecision';
import { CustomerFacts } from './CustomerFacts';
import { CustomerTitle } from './CustomerTitle';
import { TierHistoryTimeline } from './TierHistoryTimeline';
import { OverrideMarker, TierChip } from './TierChip';
import { TierOverridePanel } from './TierOverridePanel';

const T = 'tierwise.customers';

export function CustomerShow() {
  return (
    <Show<Customer> title={<CustomerTitle />} actions={<CustomerShowActions />}>
      <CustomerShowLayout />
    </Show>
  );
}

function CustomerShowActions() {
  const role = useRole();
  return <TopToolbar>{canEditCustomers(role) && <EditButton />}</TopToolbar>;
}

function CustomerShowLayout() {
  const translate = useTranslate();
  const record = useRecordContext<Customer>();
  if (!record) return null;
  return (
    <Box sx={{ p: 2 }}>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 5 }}>
          <Section title={translate(`${T}.show.identity`)}>
            <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: 1.5 }}>
              <Labeled label={`${T}.fields.id`}>
                <TextField source="id" />
              </Labeled>
              <Labeled label={`${T}.fields.name`}>
                <TextField source="name" />
              </Labeled>
              <Labeled label={`${T}.fields.phone`}>
                <TextField source="phone" emptyText="—" />
              </Labeled>
              <Labeled label={`${T}.fields.tier`}>
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                  <TierChip tier={record.tier} />
                  <OverrideMarker override={record.tierOverride} />
                </Box>
              </Labeled>
              <Labeled label={`${T}.fields.score`}>
                <TextField source="score" emptyText="—" />
              </Labeled>
              <Labeled label={`${T}.fields.gradedAt`}>
                <DateField source="gradedAt" showTime emptyText="—" />
              </Labeled>
              <Labeled label={`${T}.fields.updatedAt`}>
                <DateField source="updatedAt" showTime />
              </Labeled>
              <Labeled label={`${T}.fields.version`}>
                <TextField source="version" />
              </Labeled>
            </Box>
          </Section>
          <Section title={translate(`${T}.show.facts`)}>
            <CustomerFacts />
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 7 }}>
          <Section title={translate(`${T}.show.decision`)}>
            <CustomerDecision customerId={record.id} version={record.version} />
          </Section>
          <Section title={translate(`${T}.override.title`)}>
            <TierOverridePanel />
          </Section>
          <Section title={translate(`${T}.history.title`)}>
            <TierHistoryTimeline />
          </Section>
        </Grid>
      </Grid>
    </Box>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card variant="outlined" component="section" aria-label={title} sx={{ mb: 2 }}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {title}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}
