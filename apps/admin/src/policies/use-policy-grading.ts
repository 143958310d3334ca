import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNotify } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { createPolicy, updatePolicy } from './policy-api';
import type { CreatePolicyRequest } from './policy-types';

export const policyShowPath = (policyId: string) => `/policies/${encodeURIComponent(policyId)}/show`;

/** A new policy, version 1 a draft (of the uploaded document, or empty); the author lands on its page. */
export function useCreatePolicy() {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (request: CreatePolicyRequest) => createPolicy(request),
    onSuccess: async (policy) => {
      await queryClient.invalidateQueries({ queryKey: ['policies'] });
      notify('tierwise.policies.create.created', { type: 'success', messageArgs: { id: policy.id } });
      void navigate(policyShowPath(policy.id));
    },
  });
}

/**
 * Makes the policy the one that grades the customers. The labels, tiers and facts the console reads follow
 * the grading policy (its query sits under `policies`), and the answer names the run re-grading everyone.
 */
export function useMakeGrading(policyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => updatePolicy(policyId, { grading: true }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['policies'] }),
        queryClient.invalidateQueries({ queryKey: ['dashboard'] }),
        queryClient.invalidateQueries({ queryKey: ['grading-runs'] }),
      ]);
    },
  });
}

/** Sets when the policy's scheduled grading runs start (a cron in UTC); the api refuses what is not a cron. */
export function useSetSchedule(policyId: string) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  return useMutation({
    mutationFn: (schedule: string) => updatePolicy(policyId, { schedule }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['policies'] });
      notify('tierwise.policies.schedule.saved', { type: 'success' });
    },
  });
}
