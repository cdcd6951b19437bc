import { DurableObject } from 'cloudflare:workers';
import type {
  Glossary,
  GlossaryEntry,
  GlossaryInfo,
  MultilingualDictionary,
  MultilingualGlossaryInfo,
} from './glossary-types';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS glossaries (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    creation_time TEXT NOT NULL,
    entry_count INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS glossary_entries (
    glossary_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    PRIMARY KEY (glossary_id, position)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS multilingual_glossaries (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    creation_time TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS multilingual_entries (
    glossary_id TEXT NOT NULL,
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    position INTEGER NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    PRIMARY KEY (glossary_id, source_lang, target_lang, position)
  ) WITHOUT ROWID;
`;

/** DeepL allows 1,000 glossaries per account; here, per key. */
export const MAX_GLOSSARIES = 1000;

type InfoRow = Omit<GlossaryInfo, 'glossary_id' | 'ready'> & { id: string };

function toInfo(row: InfoRow): GlossaryInfo {
  return {
    glossary_id: row.id,
    name: row.name,
    ready: true,
    source_lang: row.source_lang,
    target_lang: row.target_lang,
    creation_time: row.creation_time,
    entry_count: row.entry_count,
  };
}

/**
 * DeepL v2 glossaries of one client key: a SQLite-backed Durable Object, one instance per key
 * (named by the key's SHA-256), so a key never sees another key's glossaries. Glossaries are
 * immutable, as in DeepL's v2 API: created whole (in one transaction), read, listed, deleted.
 * DeepL's v3 (multilingual) glossaries, one dictionary per language pair, live beside them.
 */
export class GlossaryStore extends DurableObject {
  readonly #sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: Cloudflare.Env) {
    super(ctx, env);
    this.#sql = ctx.storage.sql;
    this.#sql.exec(SCHEMA);
  }

  /** Stores a new glossary; undefined when the key already has `MAX_GLOSSARIES`. */
  async create(
    info: Omit<GlossaryInfo, 'glossary_id' | 'ready' | 'creation_time' | 'entry_count'>,
    entries: GlossaryEntry[],
  ): Promise<GlossaryInfo | undefined> {
    if (this.#count() >= MAX_GLOSSARIES) return undefined;
    const row: InfoRow = {
      id: crypto.randomUUID(),
      name: info.name,
      source_lang: info.source_lang,
      target_lang: info.target_lang,
      creation_time: new Date().toISOString(),
      entry_count: entries.length,
    };
    this.ctx.storage.transactionSync(() => {
      this.#sql.exec(
        'INSERT INTO glossaries (id, name, source_lang, target_lang, creation_time, entry_count) VALUES (?, ?, ?, ?, ?, ?)',
        row.id,
        row.name,
        row.source_lang,
        row.target_lang,
        row.creation_time,
        row.entry_count,
      );
      entries.forEach((entry, position) => {
        this.#sql.exec(
          'INSERT INTO glossary_entries (glossary_id, position, source, target) VALUES (?, ?, ?, ?)',
          row.id,
          position,
          entry.source,
          entry.target,
        );
      });
    });
    return toInfo(row);
  }

  /** Every glossary of the key, oldest first. */
  async list(): Promise<GlossaryInfo[]> {
    return this.#sql
      .exec<InfoRow>('SELECT * FROM glossaries ORDER BY creation_time, id')
      .toArray()
      .map(toInfo);
  }

  /** One glossary's description, or undefined. */
  async info(id: string): Promise<GlossaryInfo | undefined> {
    const row = this.#sql.exec<InfoRow>('SELECT * FROM glossaries WHERE id = ?', id).toArray()[0];
    return row ? toInfo(row) : undefined;
  }

  /** One glossary with its entries in the order they were given, or undefined. */
  async glossary(id: string): Promise<Glossary | undefined> {
    const info = await this.info(id);
    if (!info) return undefined;
    const entries = this.#sql
      .exec<{ source: string; target: string }>(
        'SELECT source, target FROM glossary_entries WHERE glossary_id = ? ORDER BY position',
        id,
      )
      .toArray()
      .map((row) => ({ source: row.source, target: row.target }));
    return { info, entries };
  }

  /** Deletes a glossary; false when there was none. */
  async delete(id: string): Promise<boolean> {
    if (!(await this.info(id))) return false;
    this.ctx.storage.transactionSync(() => {
      this.#sql.exec('DELETE FROM glossary_entries WHERE glossary_id = ?', id);
      this.#sql.exec('DELETE FROM glossaries WHERE id = ?', id);
    });
    return true;
  }

  #count(): number {
    const v2 = this.#sql.exec<{ count: number }>('SELECT COUNT(*) AS count FROM glossaries').one().count;
    const v3 = this.#sql
      .exec<{ count: number }>('SELECT COUNT(*) AS count FROM multilingual_glossaries')
      .one().count;
    return v2 + v3;
  }

  #dictionaries(id: string): MultilingualGlossaryInfo['dictionaries'] {
    return this.#sql
      .exec<{ source_lang: string; target_lang: string; entry_count: number }>(
        'SELECT source_lang, target_lang, COUNT(*) AS entry_count FROM multilingual_entries WHERE glossary_id = ? GROUP BY source_lang, target_lang ORDER BY source_lang, target_lang',
        id,
      )
      .toArray()
      .map((row) => ({
        source_lang: row.source_lang,
        target_lang: row.target_lang,
        entry_count: row.entry_count,
      }));
  }

  /** Stores a new v3 glossary with its dictionaries; undefined when the key has `MAX_GLOSSARIES`. */
  async createMultilingual(
    name: string,
    dictionaries: MultilingualDictionary[],
  ): Promise<MultilingualGlossaryInfo | undefined> {
    if (this.#count() >= MAX_GLOSSARIES) return undefined;
    const id = crypto.randomUUID();
    const creationTime = new Date().toISOString();
    this.ctx.storage.transactionSync(() => {
      this.#sql.exec(
        'INSERT INTO multilingual_glossaries (id, name, creation_time) VALUES (?, ?, ?)',
        id,
        name,
        creationTime,
      );
      for (const dictionary of dictionaries) {
        dictionary.entries.forEach((entry, position) => {
          this.#sql.exec(
            'INSERT INTO multilingual_entries (glossary_id, source_lang, target_lang, position, source, target) VALUES (?, ?, ?, ?, ?, ?)',
            id,
            dictionary.source_lang,
            dictionary.target_lang,
            position,
            entry.source,
            entry.target,
          );
        });
      }
    });
    return this.multilingualInfo(id);
  }

  /** One v3 glossary's description, or undefined. */
  async multilingualInfo(id: string): Promise<MultilingualGlossaryInfo | undefined> {
    const row = this.#sql
      .exec<{ id: string; name: string; creation_time: string }>(
        'SELECT * FROM multilingual_glossaries WHERE id = ?',
        id,
      )
      .toArray()[0];
    if (!row) return undefined;
    return {
      glossary_id: row.id,
      name: row.name,
      creation_time: row.creation_time,
      dictionaries: this.#dictionaries(id),
    };
  }

  /** Every v3 glossary of the key, oldest first. */
  async listMultilingual(): Promise<MultilingualGlossaryInfo[]> {
    const ids = this.#sql
      .exec<{ id: string }>('SELECT id FROM multilingual_glossaries ORDER BY creation_time, id')
      .toArray();
    const infos = await Promise.all(ids.map((row) => this.multilingualInfo(row.id)));
    return infos.filter((info): info is MultilingualGlossaryInfo => info !== undefined);
  }

  /** The entries of one dictionary of a v3 glossary (empty when it has no such pair), or undefined. */
  async multilingualEntries(
    id: string,
    sourceLang: string,
    targetLang: string,
  ): Promise<GlossaryEntry[] | undefined> {
    if (!(await this.multilingualInfo(id))) return undefined;
    return this.#sql
      .exec<{ source: string; target: string }>(
        'SELECT source, target FROM multilingual_entries WHERE glossary_id = ? AND source_lang = ? AND target_lang = ? ORDER BY position',
        id,
        sourceLang,
        targetLang,
      )
      .toArray()
      .map((row) => ({ source: row.source, target: row.target }));
  }

  /** Deletes a v3 glossary; false when there was none. */
  async deleteMultilingual(id: string): Promise<boolean> {
    if (!(await this.multilingualInfo(id))) return false;
    this.ctx.storage.transactionSync(() => {
      this.#sql.exec('DELETE FROM multilingual_entries WHERE glossary_id = ?', id);
      this.#sql.exec('DELETE FROM multilingual_glossaries WHERE id = ?', id);
    });
    return true;
  }
}
