import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import EditIcon from '@mui/icons-material/Edit';
import FileCopyIcon from '@mui/icons-material/FileCopy';
import PublishIcon from '@mui/icons-material/Publish';
import RestoreIcon from '@mui/icons-material/Restore';
import { Button, Stack, Tooltip } from '@mui/material';
import { useState } from 'react';
import { Confirm, useTranslate } from 'react-admin';
import { NavigateButton } from './NavigateButton';
import { canAuthorPolicies, canPublishPolicies } from '../auth/capabilities';
import { useRole } from '../auth/use-role';
import { PublicationConsequences } from './PublicationConsequences';
import type { Publication } from './PublicationResult';
import type { Policy, PolicyVersion } from './policy-types';
import { diffPagePath, draftEditorPath, useDiscardDraft, useNewDraft } from './use-draft-actions';
import { usePublish, useRollback } from './use-publication';
import { canBePublished, canBeRolledBackTo, defaultComparand, isDraft } from './version-rules';

type Pending = 'publish' | 'rollback' | 'discard' | null;

/**
 * What a user may do with this version, by role: everyone compares; authors edit a draft, start a new
 * draft from it or discard it; publishers publish a draft or roll back to an older version, each
 * after a confirmation that says what will happen. An auditor gets no control that writes.
 */
export function VersionActions({
  policy,
  version,
  onPublished,
}: {
  policy: Policy;
  version: PolicyVersion;
  onPublished: (publication: Publication) => void;
}) {
  const translate = useTranslate();
  const role = useRole();
  const [pending, setPending] = useState<Pending>(null);
  const publish = usePublish(policy.id);
  const rollback = useRollback(policy.id);
  const newDraft = useNewDraft(policy.id);
  const discard = useDiscardDraft(policy.id);
  const args = { version: version.version };
  const comparand = defaultComparand(version.version, policy);
  const author = canAuthorPolicies(role);
  const publisher = canPublishPolicies(role);
  const close = () => {
    setPending(null);
    publish.reset();
    rollback.reset();
  };

  const confirmPublish = () =>
    publish.mutate(
      { version: version.version, supersedes: policy.publishedVersion, revision: version.revision },
      {
        onSuccess: (result) => {
          setPending(null);
          onPublished({ kind: 'publish', from: version.version, result });
        },
      },
    );
  const confirmRollback = () =>
    rollback.mutate(
      { version: version.version, supersedes: policy.publishedVersion },
      {
        onSuccess: (result) => {
          setPending(null);
          onPublished({ kind: 'rollback', from: version.version, result });
        },
      },
    );
  const confirmDiscard = () =>
    discard.mutate({ version: version.version, revision: version.revision }, { onSettled: () => setPending(null) });

  return (
    <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
      <NavigateButton to={diffPagePath(policy.id, comparand, version.version)} startIcon={<CompareArrowsIcon />}>
        {translate('tierwise.policies.actions.compare')}
      </NavigateButton>
      {author && isDraft(version) && (
        <NavigateButton to={draftEditorPath(policy.id, version.version)} startIcon={<EditIcon />}>
          {translate('tierwise.policies.actions.editDraft')}
        </NavigateButton>
      )}
      {author && (
        <Button
          startIcon={<FileCopyIcon />}
          disabled={newDraft.isPending}
          onClick={() => newDraft.mutate(version.version)}
          aria-label={translate('tierwise.policies.actions.newDraftFrom', args)}
        >
          {translate('tierwise.policies.actions.newDraft')}
        </Button>
      )}
      {author && isDraft(version) && (
        <Button color="error" startIcon={<DeleteOutlineIcon />} onClick={() => setPending('discard')}>
          {translate('tierwise.policies.actions.discard')}
        </Button>
      )}
      {publisher && isDraft(version) && (
        <Tooltip title={canBePublished(version) ? '' : translate('tierwise.policies.publish.lintErrors')}>
          <span>
            <Button
              variant="contained"
              startIcon={<PublishIcon />}
              disabled={!canBePublished(version)}
              onClick={() => setPending('publish')}
            >
              {translate('tierwise.policies.actions.publish')}
            </Button>
          </span>
        </Tooltip>
      )}
      {publisher && canBeRolledBackTo(version, policy) && (
        <Button variant="outlined" color="warning" startIcon={<RestoreIcon />} onClick={() => setPending('rollback')}>
          {translate('tierwise.policies.actions.rollback')}
        </Button>
      )}

      <Confirm
        isOpen={pending === 'publish'}
        loading={publish.isPending}
        title="tierwise.policies.publish.title"
        titleTranslateOptions={args}
        content={
          <PublicationConsequences
            policyId={policy.id}
            grading={policy.grading}
            version={version.version}
            inForce={policy.publishedVersion}
            kind="publish"
            error={publish.error}
          />
        }
        onConfirm={confirmPublish}
        onClose={close}
      />
      <Confirm
        isOpen={pending === 'rollback'}
        loading={rollback.isPending}
        title="tierwise.policies.rollback.title"
        titleTranslateOptions={args}
        confirmColor="warning"
        content={
          <PublicationConsequences
            policyId={policy.id}
            grading={policy.grading}
            version={version.version}
            inForce={policy.publishedVersion}
            kind="rollback"
            error={rollback.error}
          />
        }
        onConfirm={confirmRollback}
        onClose={close}
      />
      <Confirm
        isOpen={pending === 'discard'}
        loading={discard.isPending}
        title="tierwise.policies.discard.title"
        titleTranslateOptions={args}
        content="tierwise.policies.discard.content"
        contentTranslateOptions={args}
        confirmColor="warning"
        onConfirm={confirmDiscard}
        onClose={close}
      />
    </Stack>
  );
}
