import type Database from 'better-sqlite3';
import { COLUMN_CHUNKS_SCHEMA } from './columnChunks';
import { RUN_MODELS_MIGRATION } from './runModels';
import { defaultRunTitle, readRecipe } from './runs';

/**
 * Schema migrations, applied in order inside one transaction each. The
 * schema version is SQLite's `user_version`; a project written by a newer
 * Assay (higher version) is refused rather than guessed at.
 */
export interface Migration {
  version: number;
  description: string;
  up(db: Database.Database): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'project metadata and datasets',
    up(db) {
      db.exec(`
        CREATE TABLE project_meta (
          key   TEXT PRIMARY KEY,
          value TEXT NOT NULL
        );
        CREATE TABLE datasets (
          id           INTEGER PRIMARY KEY,
          name         TEXT NOT NULL,
          source_name  TEXT NOT NULL,
          row_count    INTEGER NOT NULL,
          columns_json TEXT NOT NULL,
          format_json  TEXT NOT NULL,
          notes_json   TEXT NOT NULL,
          content_hash TEXT NOT NULL,
          imported_at  TEXT NOT NULL,
          data_table   TEXT NOT NULL UNIQUE
        );
      `);
    },
  },
  {
    version: 2,
    description: 'recipes',
    up(db) {
      db.exec(`
        CREATE TABLE recipes (
          id         INTEGER PRIMARY KEY,
          name       TEXT NOT NULL UNIQUE,
          json       TEXT NOT NULL,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        );
      `);
    },
  },
  {
    version: 3,
    description: 'runs',
    up(db) {
      // recipe_id is a plain number, not a foreign key: a run outlives its recipe (the record keeps a copy).
      db.exec(`
        CREATE TABLE runs (
          id            INTEGER PRIMARY KEY,
          recipe_id     INTEGER,
          recipe_name   TEXT NOT NULL,
          dataset_name  TEXT NOT NULL,
          status        TEXT NOT NULL,
          created_at    TEXT NOT NULL,
          finished_at   TEXT,
          progress_json TEXT,
          champion_json TEXT,
          error         TEXT,
          record_json   TEXT,
          stats_json    TEXT
        );
      `);
    },
  },
  {
    version: 4,
    description: 'run titles, notes, tags, and what a re-run needs',
    up(db) {
      // title NULL: the analyst has not named the run, so default_title shows.
      // recipe_json is the recipe as queued, so a run that never finished can still be re-run and titled against.
      db.exec(`
        ALTER TABLE runs ADD COLUMN title TEXT;
        ALTER TABLE runs ADD COLUMN default_title TEXT;
        ALTER TABLE runs ADD COLUMN note TEXT NOT NULL DEFAULT '';
        ALTER TABLE runs ADD COLUMN tags_json TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE runs ADD COLUMN recipe_json TEXT;
        ALTER TABLE runs ADD COLUMN dataset_hash TEXT;
        ALTER TABLE runs ADD COLUMN seconds REAL;
        UPDATE runs SET default_title = recipe_name;
        UPDATE runs SET
          recipe_json  = json_extract(record_json, '$.recipe'),
          dataset_hash = json_extract(record_json, '$.dataset.contentHash'),
          seconds      = json_extract(record_json, '$.seconds.total')
        WHERE record_json IS NOT NULL AND json_valid(record_json);
      `);
      // Until now a deleted recipe's runs kept its id, which SQLite gives the next recipe saved: a run made
      // before its recipe_id's recipe was created belongs to a deleted one (timestamps are ISO, so they order as text).
      db.exec(`
        UPDATE runs SET recipe_id = NULL
        WHERE recipe_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM recipes r WHERE r.id = runs.recipe_id AND r.created_at <= runs.created_at);
      `);
      // Old runs titled as new ones are, each against the run of its recipe before it, so they can be told apart too.
      const rows = db.prepare('SELECT id, recipe_id, recipe_name, dataset_name, recipe_json FROM runs WHERE recipe_json IS NOT NULL ORDER BY id').all() as {
        id: number;
        recipe_id: number | null;
        recipe_name: string;
        dataset_name: string;
        recipe_json: string;
      }[];
      const setTitle = db.prepare('UPDATE runs SET default_title = ? WHERE id = ?');
      for (const r of rows) {
        const recipe = readRecipe(r.recipe_json);
        if (!recipe) continue;
        setTitle.run(defaultRunTitle(db, { recipeId: r.recipe_id, recipeName: r.recipe_name, datasetName: r.dataset_name, recipe }, r.id), r.id);
      }
    },
  },
  {
    version: 5,
    description: 'reports',
    up(db) {
      // Slides name runs by id inside json, not by foreign key: a report outlives the runs it shows (they become placeholders).
      db.exec(`
        CREATE TABLE reports (
          id         INTEGER PRIMARY KEY,
          name       TEXT NOT NULL,
          json       TEXT NOT NULL,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        );
      `);
    },
  },
  RUN_MODELS_MIGRATION,
  {
    version: 7,
    description: 'column chunks of datasets',
    up(db) {
      // Datasets imported before keep only their row table and load from it (see loadDatasetFrame).
      db.exec(COLUMN_CHUNKS_SCHEMA);
    },
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

export function migrate(db: Database.Database, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(
      `${file} was written by a newer Assay (project schema ${current}; this version reads up to ${SCHEMA_VERSION}).`,
    );
  }
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}
