import { DurableObject } from 'cloudflare:workers';

/** What the store keeps of one response, each part as JSON text. */
export interface StoredResponseText {
  /** The Response object as the client received it. */
  response: string;
  /** The request's input items, with ids (`GET /v1/responses/{id}/input_items`). */
  inputItems: string;
  /** The chat messages of the whole conversation up to and including this response's output. */
  conversation: string;
}

/** One response to save, with when it expires (Unix milliseconds) and its items by id. */
export interface ResponseRecordText extends StoredResponseText {
  id: string;
  createdAt: number;
  expiresAt: number;
  /** Output and input items that carry an id, for `item_reference`s. */
  items: { id: string; item: string }[];
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS responses (
    id TEXT PRIMARY KEY,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    response TEXT NOT NULL,
    input_items TEXT NOT NULL,
    conversation TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS response_items (
    id TEXT PRIMARY KEY,
    response_id TEXT NOT NULL,
    item TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS response_items_by_response ON response_items (response_id);
`;

/**
 * Stored responses of the Responses API (`store`, the default): a SQLite-backed Durable Object,
 * one instance per caller (`responseStoreFor` names it by a digest of the caller's key), so one
 * key can never read another key's responses. Each response keeps the Response object, its input
 * items and the conversation so far (for `previous_response_id`), and its output items by id (for
 * `item_reference` inputs). A response expires `RESPONSES_TTL_DAYS` after it was made: expired
 * rows are deleted whenever the store is written and are never returned.
 */
export class ResponseStore extends DurableObject {
  readonly #sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: Cloudflare.Env) {
    super(ctx, env);
    this.#sql = ctx.storage.sql;
    this.#sql.exec(SCHEMA);
  }

  /** Saves a response and its output items, after deleting what has expired. */
  async save(record: ResponseRecordText): Promise<void> {
    this.#prune(record.createdAt);
    this.#sql.exec(
      'INSERT OR REPLACE INTO responses (id, created_at, expires_at, response, input_items, conversation) VALUES (?, ?, ?, ?, ?, ?)',
      record.id,
      record.createdAt,
      record.expiresAt,
      record.response,
      record.inputItems,
      record.conversation,
    );
    for (const { id, item } of record.items) {
      this.#sql.exec(
        'INSERT OR REPLACE INTO response_items (id, response_id, item) VALUES (?, ?, ?)',
        id,
        record.id,
        item,
      );
    }
  }

  /** A response that has not expired, or undefined. */
  async load(id: string, now: number = Date.now()): Promise<StoredResponseText | undefined> {
    const row = this.#sql
      .exec<{ response: string; input_items: string; conversation: string }>(
        'SELECT response, input_items, conversation FROM responses WHERE id = ? AND expires_at > ?',
        id,
        now,
      )
      .toArray()[0];
    if (row === undefined) return undefined;
    return { response: row.response, inputItems: row.input_items, conversation: row.conversation };
  }

  /** Deletes a response and its items; false when there was none (or it had expired). */
  async remove(id: string, now: number = Date.now()): Promise<boolean> {
    const found = (await this.load(id, now)) !== undefined;
    this.#sql.exec('DELETE FROM response_items WHERE response_id = ?', id);
    this.#sql.exec('DELETE FROM responses WHERE id = ?', id);
    return found;
  }

  /** Stored items (output and input) of unexpired responses, by id. */
  async items(ids: string[], now: number = Date.now()): Promise<Record<string, string>> {
    const found: Record<string, string> = {};
    for (const id of ids) {
      const row = this.#sql
        .exec<{ item: string }>(
          'SELECT i.item AS item FROM response_items i JOIN responses r ON r.id = i.response_id WHERE i.id = ? AND r.expires_at > ?',
          id,
          now,
        )
        .toArray()[0];
      if (row !== undefined) found[id] = row.item;
    }
    return found;
  }

  #prune(now: number): void {
    this.#sql.exec(
      'DELETE FROM response_items WHERE response_id IN (SELECT id FROM responses WHERE expires_at <= ?)',
      now,
    );
    this.#sql.exec('DELETE FROM responses WHERE expires_at <= ?', now);
  }
}
