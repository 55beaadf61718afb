// axe-core checks for end-to-end tests: scans the page at WCAG 2.2 AA (wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa)
// and fails with a readable list of each violated rule and the elements that break it.
import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

export const WCAG_22_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** One line per violated rule: its id, impact, help text and the first few offending elements. */
export function describeViolations(violations: readonly { id: string; impact?: string | null; help: string; nodes: readonly { target: unknown; failureSummary?: string }[] }[]): string[] {
  return violations.map((v) => {
    const nodes = v.nodes.slice(0, 4).map((n) => `${JSON.stringify(n.target)}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').trim()}`);
    return `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.nodes.length} element(s)\n    ${nodes.join('\n    ')}`;
  });
}

/** The WCAG 2.2 AA violations axe-core finds on the whole page, described one rule a line. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA_TAGS).analyze();
  return describeViolations(results.violations);
}

/** Scans the whole page and expects no WCAG 2.2 AA violations (soft: the test goes on to scan its other screens). */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  expect.soft(await axeViolations(page), `axe-core violations on the ${screen} screen`).toEqual([]);
}
