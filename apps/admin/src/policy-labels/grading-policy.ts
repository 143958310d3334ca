import { requestJson } from '../api/http-client';

/** What the console needs to know of the policy that grades the customers. */
export interface GradingPolicy {
  id: string;
  publishedVersion: number | null;
}

const PAGE = 100;

/**
 * The policy with `grading: true` (exactly one has it), or null if none does. Only a published policy
 * can grade, so only published ones are read, a page at a time (the api's largest), until it is found.
 */
export async function fetchGradingPolicy(): Promise<GradingPolicy | null> {
  for (let start = 0; ; start += PAGE) {
    const query = new URLSearchParams({
      filter: JSON.stringify({ published: true }),
      sort: JSON.stringify(['id', 'ASC']),
      range: JSON.stringify([start, start + PAGE - 1]),
    });
    const page = await requestJson<(GradingPolicy & { grading: boolean })[]>(`/policies?${query.toString()}`);
    const grading = page.find((policy) => policy.grading);
    if (grading) return { id: grading.id, publishedVersion: grading.publishedVersion };
    if (page.length < PAGE) return null;
  }
}
