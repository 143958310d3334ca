import type { Page } from 'playwright-core';

export interface LookupTimings {
  lookups: number;
  p50: number;
  p95: number;
  max: number;
}

/**
 * Times the call-centre screen as an agent lives it: from the Enter key going down to the frame that
 * shows the caller's decision card. Both ends are taken inside the page (performance.now), so the
 * browser driver's own round trips are not counted.
 */
export async function timeLookups(page: Page, customerIds: readonly string[]): Promise<LookupTimings> {
  const input = page.getByLabel('Customer id or phone');
  await input.waitFor();
  const timings: number[] = [];
  for (const id of customerIds) {
    await input.fill(id);
    const answered = page.evaluate<number>(`(${WAIT_FOR_CARD})(${JSON.stringify(id)})`);
    await input.press('Enter');
    timings.push(await answered);
  }
  return summarize(timings);
}

// Runs in the page: resolves with the milliseconds from the Enter keydown to the first frame painted
// after the card for the customer id is in the document. Kept as source text: a transpiler's helpers
// (esbuild's __name under tsx) do not exist inside the page.
const WAIT_FOR_CARD = `(id) => new Promise((resolve) => {
  let pressedAt = 0;
  const onKeyDown = (event) => { if (event.key === 'Enter') pressedAt = performance.now(); };
  document.addEventListener('keydown', onKeyDown, { capture: true });
  const observer = new MutationObserver(() => {
    if (pressedAt === 0) return;
    const cards = document.querySelectorAll('[data-testid="decision-card"]');
    if (![...cards].some((card) => (card.getAttribute('aria-label') || '').includes(id))) return;
    observer.disconnect();
    document.removeEventListener('keydown', onKeyDown, { capture: true });
    requestAnimationFrame(() => resolve(performance.now() - pressedAt));
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
})`;

function summarize(timings: number[]): LookupTimings {
  const sorted = [...timings].sort((a, b) => a - b);
  const at = (quantile: number) => sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] ?? 0;
  return { lookups: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? 0 };
}
