// A minimal sync client for server tests: pushes mutations and pulls pages through the real routes.
import { randomUUID } from 'node:crypto';
import type { TestApp } from './app';
import { bearer } from './app';
import type { Mutation, MutationResult, PullResponse } from '../../../shared/sync/protocol';

export class TestSyncClient {
  readonly clientId = `client-${randomUUID().slice(0, 12)}`;
  private seq = 0;
  cursor = '';
  constructor(private readonly api: TestApp, private readonly token: string) {}

  mutation(name: string, args: unknown, baseVersion?: number): Mutation {
    this.seq += 1;
    return { mutationId: randomUUID(), seq: this.seq, name, args, ...(baseVersion !== undefined ? { baseVersion } : {}) };
  }

  async push(mutations: Mutation[]): Promise<MutationResult[]> {
    const res = await this.api.app.inject({ method: 'POST', url: '/api/sync/push', headers: bearer(this.token), payload: { clientId: this.clientId, mutations } });
    if (res.statusCode !== 200) throw new Error(`push failed: ${res.statusCode} ${res.body}`);
    return res.json().results;
  }

  async pullPage(limit = 1000): Promise<PullResponse> {
    const res = await this.api.app.inject({ method: 'GET', url: `/api/sync/pull?cursor=${encodeURIComponent(this.cursor)}&limit=${limit}`, headers: bearer(this.token) });
    if (res.statusCode !== 200) throw new Error(`pull failed: ${res.statusCode} ${res.body}`);
    const page: PullResponse = res.json();
    this.cursor = page.cursor;
    return page;
  }

  /** Pulls until the server says there is no more; returns every change in order. */
  async pullAll(limit = 1000): Promise<PullResponse['changes']> {
    const all: PullResponse['changes'] = [];
    for (;;) {
      const page = await this.pullPage(limit);
      all.push(...page.changes);
      if (!page.hasMore) return all;
    }
  }
}
