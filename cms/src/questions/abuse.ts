/**
 * Protection of the public write routes, with its state in the CMS database so that several CMS
 * processes share it: per-client rate limits (rate-limiter-flexible over Strapi's own knex connection),
 * a self-hosted proof-of-work (altcha-lib) whose used challenges are remembered until they expire, so a
 * solved challenge cannot be replayed. Clients are counted by a keyed hash of their address (as Koa sees
 * it through PROXY_TRUSTED_HOPS), so the limit tables hold no address in clear.
 */
import { createHmac, randomInt } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { createChallenge, verifySolution, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import {
  RateLimiterPostgres,
  RateLimiterSQLite,
  type RateLimiterAbstract,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { z } from 'zod';

type Knex = Core.Strapi['db']['connection'];

export const NONCE_TABLE = 'portal_pow_nonces';

/** Limits per client and window; env overrides so an operator can tune them (documented in .env.example). */
export interface AbuseSettings {
  /** Questions per window from one client with a solved proof-of-work. */
  withProof: number;
  /** Questions per window from one client without one (no JavaScript): stricter. */
  withoutProof: number;
  /** Tracking-code look-ups per window from one client (stops guessing codes). */
  lookups: number;
  windowSeconds: number;
  /** PBKDF2 iterations per attempt, and the range the secret counter is drawn from. */
  powCost: number;
  powMaxCounter: number;
  challengeSeconds: number;
}

const count = (fallback: number) => z.coerce.number().int().min(1).max(1_000_000).default(fallback);
const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export const AbuseEnvSchema = z.object({
  QA_LIMIT_WITH_PROOF: z.preprocess(blank, count(10)),
  QA_LIMIT_WITHOUT_PROOF: z.preprocess(blank, count(3)),
  QA_LIMIT_LOOKUPS: z.preprocess(blank, count(60)),
  QA_LIMIT_WINDOW_SECONDS: z.preprocess(blank, count(3600)),
  QA_POW_COST: z.preprocess(blank, count(1000)),
  QA_POW_MAX_COUNTER: z.preprocess(blank, z.coerce.number().int().min(100).max(1_000_000).default(10_000)),
});

export function readAbuseSettings(env: NodeJS.ProcessEnv = process.env): AbuseSettings {
  const parsed = AbuseEnvSchema.safeParse(env);
  if (!parsed.success) {
    const messages = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid question (hỏi đáp) settings:\n  ${messages.join('\n  ')}`);
  }
  const e = parsed.data;
  return {
    withProof: e.QA_LIMIT_WITH_PROOF,
    withoutProof: e.QA_LIMIT_WITHOUT_PROOF,
    lookups: e.QA_LIMIT_LOOKUPS,
    windowSeconds: e.QA_LIMIT_WINDOW_SECONDS,
    powCost: e.QA_POW_COST,
    powMaxCounter: e.QA_POW_MAX_COUNTER,
    challengeSeconds: 600,
  };
}

export type LimitKind = 'withProof' | 'withoutProof' | 'lookups';

export interface Guard {
  /** Counts one attempt; resolves to the seconds to wait when the client is over its limit, else null. */
  consume(kind: LimitKind, clientAddress: string): Promise<number | null>;
  challenge(): Promise<Challenge>;
  /** Verifies a widget payload (base64 JSON) and spends its challenge; a reason in Vietnamese when refused. */
  verifyProof(payload: string): Promise<{ ok: true } | { ok: false; reason: string }>;
}

const PayloadSchema = z.object({
  challenge: z.object({
    parameters: z.object({
      algorithm: z.literal('PBKDF2/SHA-256'),
      nonce: z.string().regex(/^[0-9a-f]{16,128}$/),
      salt: z.string().regex(/^[0-9a-f]{16,128}$/),
      cost: z.number().int().min(1).max(1_000_000),
      keyLength: z.number().int().min(16).max(64),
      keyPrefix: z.string().regex(/^[0-9a-f]{1,128}$/),
      keySignature: z.string().max(256).optional(),
      expiresAt: z.number().int().positive(),
      data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
    }),
    signature: z.string().regex(/^[0-9a-f]{16,256}$/),
  }),
  solution: z.object({
    counter: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1),
    derivedKey: z.string().regex(/^[0-9a-f]{16,256}$/),
    time: z.number().optional(),
  }),
});

function decodePayload(payload: string): z.infer<typeof PayloadSchema> | null {
  if (!/^[A-Za-z0-9+/=_-]{1,20000}$/.test(payload)) return null;
  try {
    const parsed = PayloadSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const tableName = (strapi: Core.Strapi) => strapi.db.getSchemaName();

async function ensureNonceTable(strapi: Core.Strapi): Promise<void> {
  const schema = tableName(strapi);
  const builder = () => (schema ? strapi.db.connection.schema.withSchema(schema) : strapi.db.connection.schema);
  if (await builder().hasTable(NONCE_TABLE)) return;
  await builder().createTable(NONCE_TABLE, (t) => {
    t.string('nonce', 128).primary();
    t.bigInteger('expires_at').notNullable().index(`${NONCE_TABLE}_expiry`);
  });
}

const nonces = (strapi: Core.Strapi, db: Knex = strapi.db.connection) => {
  const schema = tableName(strapi);
  return schema ? db.withSchema(schema).table(NONCE_TABLE) : db.table(NONCE_TABLE);
};

function limiter(
  strapi: Core.Strapi,
  keyPrefix: string,
  points: number,
  duration: number,
): Promise<RateLimiterAbstract> {
  const client = strapi.db.connection;
  const dialect = strapi.db.dialect.client;
  return new Promise((resolve, reject) => {
    const options = {
      storeClient: client,
      storeType: 'knex',
      tableName: 'portal_rate_limits',
      keyPrefix,
      points,
      duration,
    };
    const done = (error?: Error) => (error ? reject(error) : resolve(created));
    const created: RateLimiterAbstract =
      dialect === 'postgres'
        ? new RateLimiterPostgres(
            { ...options, schemaName: tableName(strapi) || undefined, clearExpiredByTimeout: true },
            done,
          )
        : new RateLimiterSQLite(options, done);
  });
}

/** The secret that signs challenges and hashes client addresses: derived from the app keys every CMS process shares. */
function derivedSecret(strapi: Core.Strapi, purpose: string): string {
  const keys = strapi.config.get<string[] | undefined>('server.app.keys');
  const key = keys?.[0];
  if (!key) throw new Error('APP_KEYS is required for the question routes');
  return createHmac('sha256', key).update(`portal-questions:${purpose}`).digest('hex');
}

export async function createGuard(strapi: Core.Strapi, settings: AbuseSettings = readAbuseSettings()): Promise<Guard> {
  await ensureNonceTable(strapi);
  const limiters: Record<LimitKind, RateLimiterAbstract> = {
    withProof: await limiter(strapi, 'qa_pow', settings.withProof, settings.windowSeconds),
    withoutProof: await limiter(strapi, 'qa_nojs', settings.withoutProof, settings.windowSeconds),
    lookups: await limiter(strapi, 'qa_lookup', settings.lookups, settings.windowSeconds),
  };
  const addressKey = derivedSecret(strapi, 'client-address');
  const hmacSignatureSecret = derivedSecret(strapi, 'altcha');
  const hmacKeySignatureSecret = derivedSecret(strapi, 'altcha-key');
  const clientKey = (address: string) => createHmac('sha256', addressKey).update(address).digest('hex').slice(0, 32);

  return {
    async consume(kind, clientAddress) {
      try {
        await limiters[kind].consume(clientKey(clientAddress));
        return null;
      } catch (error) {
        if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
        throw error;
      }
    },
    challenge: () =>
      createChallenge({
        algorithm: 'PBKDF2/SHA-256',
        cost: settings.powCost,
        counter: randomInt(Math.floor(settings.powMaxCounter / 5), settings.powMaxCounter),
        deriveKey,
        expiresAt: Math.floor(Date.now() / 1000) + settings.challengeSeconds,
        hmacSignatureSecret,
        hmacKeySignatureSecret,
      }),
    async verifyProof(payload) {
      const decoded = decodePayload(payload);
      if (!decoded) return { ok: false, reason: 'dữ liệu xác minh không đọc được' };
      let result;
      try {
        result = await verifySolution({
          challenge: decoded.challenge,
          solution: decoded.solution,
          deriveKey,
          hmacSignatureSecret,
          hmacKeySignatureSecret,
        });
      } catch {
        return { ok: false, reason: 'dữ liệu xác minh không hợp lệ' };
      }
      if (result.expired) return { ok: false, reason: 'thử thách đã hết hạn; hãy tải lại trang' };
      if (!result.verified) return { ok: false, reason: 'lời giải không đúng' };
      const now = Date.now();
      const { nonce, expiresAt } = decoded.challenge.parameters;
      // Spent once: the primary key refuses a second insert of the same challenge, across processes.
      try {
        await nonces(strapi).insert({ nonce, expires_at: expiresAt * 1000 });
      } catch (error) {
        if (await nonces(strapi).where({ nonce }).first())
          return { ok: false, reason: 'thử thách này đã được dùng; hãy tải lại trang' };
        throw error;
      }
      // Forget expired challenges now and then (they are refused as expired anyway).
      if (randomInt(100) === 0) await nonces(strapi).where('expires_at', '<', now).delete();
      return { ok: true };
    },
  };
}

let shared: Promise<Guard> | undefined;
/** The process's one guard (created at bootstrap, so its tables exist before the first request). */
export const questionGuard = (strapi: Core.Strapi): Promise<Guard> => (shared ??= createGuard(strapi));
