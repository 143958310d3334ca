import { Alert, Box, Breadcrumbs, Button, Card, CardContent, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Loading, Title, useNotify, useTranslate } from 'react-admin';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { canAuthorPolicies } from '../auth/capabilities';
import { useRole } from '../auth/use-role';
import { FormView } from './FormView';
import { fetchVersion, createDraftFrom, type PolicyVersionRecord } from './policy-version-api';
import { useDraftSave } from './use-draft-save';
import { useDraftState } from './draft-state';
import { useDebouncedLint } from './use-debounced-lint';
import { FindingsProvider } from './findings-context';
import { FindingsSummary } from './FindingsSummary';
import { JsonDraftEditor } from './JsonDraftEditor';
import { ConflictPanel } from './ConflictPanel';

/** Route /policies/:policyId/versions/:version/edit: the draft editor (form and JSON views of one draft). */
export default function DraftEditorPage() {
  const params = useParams();
  const policyId = params['policyId'] ?? '';
  const version = Number(params['version']);
  const translate = useTranslate();
  const valid = Number.isSafeInteger(version) && version > 0;
  const record = useQuery({
    queryKey: ['policy-editor-version', policyId, version],
    queryFn: () => fetchVersion(policyId, version),
    enabled: valid,
    // The editor owns the draft once loaded: a background refetch must not replace what the user typed.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    gcTime: 0,
  });
  if (!valid) return <Alert severity="error">{translate('tierwise.policyEditor.notAVersion')}</Alert>;
  if (record.error) return <Alert severity="error">{record.error.message}</Alert>;
  if (record.isPending) return <Loading />;
  return <DraftEditor key={`${policyId}@${version}`} record={record.data} />;
}

type View = 'form' | 'json';

function DraftEditor({ record }: { record: PolicyVersionRecord }) {
  const translate = useTranslate();
  const t = (key: string, options?: object) => translate(`tierwise.policyEditor.${key}`, options);
  const role = useRole();
  const navigate = useNavigate();
  const notify = useNotify();
  const { state, edit, setJsonText, rebase } = useDraftState(record.document, record.revision);
  const findings = useDebouncedLint(state.document);
  const [view, setView] = useState<View>('form');
  const [blocked, setBlocked] = useState(false);
  const isDraft = record.status === 'draft';
  const readOnly = !isDraft || !canAuthorPolicies(role);
  const save = useDraftSave(record, state, rebase);

  const switchTo = (next: View) => {
    // Text that is not JSON cannot become a form: stay, say why, keep the text.
    if (next === 'form' && state.jsonError) {
      setBlocked(true);
      return;
    }
    setBlocked(false);
    setView(next);
  };

  const createDraft = async () => {
    try {
      const draft = await createDraftFrom(record.policyId, record.version);
      void navigate(`/policies/${encodeURIComponent(record.policyId)}/versions/${draft.version}/edit`);
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    }
  };

  const title = t('title', { policy: record.policyId, version: record.version });
  return (
    <Box sx={{ mt: 1 }}>
      <Title title={title} />
      <Breadcrumbs sx={{ mb: 1 }}>
        <Link to="/policies">{record.policyId}</Link>
        <Link to={`/policies/${encodeURIComponent(record.policyId)}/versions/${record.version}`}>v{record.version}</Link>
      </Breadcrumbs>
      <Card>
        <CardContent>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
            <Typography variant="h5" component="h1" sx={{ flex: 1 }}>
              {title}
            </Typography>
            {!readOnly && (
              <>
                <Typography variant="body2" color="text.secondary" role="status">
                  {t('revision', { revision: state.baseRevision })}
                  {state.dirty ? ` · ${t('unsaved')}` : ''}
                </Typography>
                <Button variant="contained" disabled={save.busy} onClick={() => void save.save()}>
                  {save.busy ? t('saving') : t('save')}
                </Button>
              </>
            )}
          </Stack>
          {!isDraft && (
            <Alert
              severity="info"
              sx={{ mb: 2 }}
              action={
                canAuthorPolicies(role) ? (
                  <Button color="inherit" onClick={() => void createDraft()}>
                    {t('readOnly.createDraft')}
                  </Button>
                ) : undefined
              }
            >
              {t('readOnly.published', { version: record.version, status: record.status })}
            </Alert>
          )}
          {isDraft && readOnly && role !== undefined && (
            <Alert severity="info" sx={{ mb: 2 }}>
              {t('readOnly.role')}
            </Alert>
          )}
          {save.error && (
            <Alert severity="error" sx={{ mb: 2 }} role="alert">
              {save.error}
            </Alert>
          )}
          {save.conflict && (
            <ConflictPanel
              theirs={save.conflict}
              mineText={state.jsonText}
              busy={save.busy}
              onOverwrite={() => void save.overwrite()}
              onLoadTheirs={save.loadTheirs}
              onDismiss={save.dismissConflict}
            />
          )}
          <FindingsSummary findings={findings} />
          <Tabs value={view} onChange={(_event, next: View) => switchTo(next)} aria-label={t('tabs.label')} sx={{ mb: 2 }}>
            <Tab value="form" label={t('tabs.form')} id="draft-tab-form" aria-controls="draft-panel-form" />
            <Tab value="json" label={t('tabs.json')} id="draft-tab-json" aria-controls="draft-panel-json" />
          </Tabs>
          {blocked && state.jsonError && (
            <Alert severity="error" sx={{ mb: 2 }} role="alert">
              {t('json.invalid', { message: state.jsonError })}
            </Alert>
          )}
          <FindingsProvider findings={findings}>
            {view === 'form' ? (
              <Box role="tabpanel" id="draft-panel-form" aria-labelledby="draft-tab-form">
                <FormView document={state.document} edit={edit} readOnly={readOnly} />
              </Box>
            ) : (
              <Box role="tabpanel" id="draft-panel-json" aria-labelledby="draft-tab-json">
                <JsonDraftEditor
                  modelPath={`${record.policyId}-v${record.version}.policy.json`}
                  text={state.jsonText}
                  jsonError={state.jsonError}
                  readOnly={readOnly}
                  onChange={setJsonText}
                />
              </Box>
            )}
          </FindingsProvider>
        </CardContent>
      </Card>
    </Box>
  );
}
