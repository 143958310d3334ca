import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import type { Logger } from 'pino';
import type { AfterQueryEvent, DataSource, EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { LOGGER } from '../logging/logger.token.js';
import { DecisionCache } from './decision-cache.js';

/** Raised by the tier_assignments triggers (migration 1795800000000): '*' or customer ids separated by spaces. */
export const DECISIONS_CHANNEL = 'tierwise_decisions';
const SYNC_CHANNEL = 'tierwise_decisions_sync';
const SYNC_TIMEOUT_MS = 2_000;
const RECONNECT_MS = 1_000;

/**
 * Keeps the DecisionCache true to PostgreSQL. One dedicated connection LISTENs
 * for the triggers' notifications, so a change made by any instance (or by
 * psql) evicts the decision here; while that connection is down the cache is
 * off and every read goes to the database.
 *
 * Notifications arrive asynchronously, so a writer in this process could
 * answer its client before this process heard of its own change. After every
 * commit here (and every write outside a transaction) we therefore wait for a
 * notification of our own to come back on the listening connection:
 * PostgreSQL delivers notifications in commit order, so by then the writer's
 * have been applied, and a GET after a PUT sees the new decision.
 *
 * Only with PostgreSQL: embedded PGlite serves without the cache.
 */
@Injectable()
export class DecisionChangeListener implements OnApplicationBootstrap, OnApplicationShutdown, EntitySubscriberInterface {
  private client: pg.Client | undefined;
  private stopped = false;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private syncSequence = 0;
  private readonly pendingSyncs = new Map<string, () => void>();
  private sending: Promise<void> = Promise.resolve();

  constructor(
    private readonly cache: DecisionCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.database.kind !== 'postgres') return;
    this.dataSource.subscribers.push(this);
    await this.connect(this.config.database.url);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    this.cache.disable();
    this.releaseSyncs();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  // TypeORM subscriber hooks: this process's own writes.
  afterTransactionCommit(_event: TransactionCommitEvent): Promise<void> {
    return this.sync();
  }

  afterQuery(event: AfterQueryEvent): Promise<void> | void {
    if (event.queryRunner.isTransactionActive || !event.success || /^\s*select\b/i.test(event.query)) return;
    return this.sync();
  }

  /** Resolves once every change committed before the call has been applied to the cache. */
  async sync(): Promise<void> {
    const client = this.client;
    if (!client || !this.cache.isEnabled) return;
    const token = `${process.pid}:${++this.syncSequence}`;
    const heard = new Promise<void>((resolve) => this.pendingSyncs.set(token, resolve));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), SYNC_TIMEOUT_MS);
    });
    try {
      // One statement at a time on this connection (pg queues them, but pg 9 will refuse).
      const sent = this.sending.then(() => client.query('SELECT pg_notify($1, $2)', [SYNC_CHANNEL, token]));
      this.sending = sent.then(
        () => undefined,
        () => undefined,
      );
      if ((await Promise.race([sent.then(() => heard), timedOut])) === 'timeout') {
        // A connection that does not answer may also be missing other instances' changes:
        // treat it as lost (cache off, reconnect) rather than serve a stale decision.
        this.lost(client, new Error(`own notification not heard back within ${SYNC_TIMEOUT_MS} ms`));
        void client.end().catch(() => undefined);
      }
    } catch {
      this.cache.invalidateAll();
    } finally {
      clearTimeout(timer);
      this.pendingSyncs.delete(token);
    }
  }

  private async connect(url: string): Promise<void> {
    const client = new pg.Client({ connectionString: url, application_name: 'tierwise-api-listener' });
    client.on('notification', (message) => this.onNotification(message));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, undefined));
    try {
      await client.connect();
      await client.query(`LISTEN ${DECISIONS_CHANNEL}`);
      await client.query(`LISTEN ${SYNC_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      this.lost(client, error as Error);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.cache.enable();
  }

  private onNotification(message: pg.Notification): void {
    if (message.channel === SYNC_CHANNEL) {
      this.pendingSyncs.get(message.payload ?? '')?.();
      return;
    }
    const payload = message.payload ?? '*';
    if (payload === '*') this.cache.invalidateAll();
    else this.cache.invalidate(payload.split(' '));
  }

  private lost(client: pg.Client, error: Error | undefined): void {
    if (this.client !== undefined && this.client !== client) return;
    this.client = undefined;
    this.cache.disable();
    this.releaseSyncs();
    if (this.stopped || this.config.database.kind !== 'postgres' || this.reconnectTimer) return;
    this.logger.warn({ err: error }, 'decision cache off: lost the connection that hears decision changes; reconnecting');
    const url = this.config.database.url;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.connect(url);
    }, RECONNECT_MS);
    this.reconnectTimer.unref();
  }

  // Waiting writers go on: with the cache off they cannot see a stale decision.
  private releaseSyncs(): void {
    for (const resolve of this.pendingSyncs.values()) resolve();
    this.pendingSyncs.clear();
  }
}
