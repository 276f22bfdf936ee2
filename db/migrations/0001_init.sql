-- 0001_init: scenes, their instances, and saved QA items.
-- Runs inside the migration transaction: no BEGIN/COMMIT here. Types and syntax stay within what
-- PostgreSQL also accepts, so a team store can start from the same schema.

CREATE TABLE scenes (
  id             TEXT PRIMARY KEY,
  name           TEXT NOT NULL,
  source         TEXT NOT NULL,
  format         TEXT NOT NULL,
  content_hash   TEXT,
  point_count    INTEGER NOT NULL CHECK (point_count >= 0),
  instance_count INTEGER NOT NULL CHECK (instance_count >= 0),
  -- float64 recentring offset of the float32 positions (see app/scene/types.ts)
  origin_x       REAL NOT NULL,
  origin_y       REAL NOT NULL,
  origin_z       REAL NOT NULL,
  created_at     TEXT NOT NULL
);

CREATE TABLE instances (
  scene_id    TEXT NOT NULL REFERENCES scenes (id) ON DELETE CASCADE,
  instance_id INTEGER NOT NULL,
  label       TEXT NOT NULL,
  point_count INTEGER NOT NULL CHECK (point_count >= 0),
  source      TEXT NOT NULL CHECK (source IN ('model', 'human', 'import', 'generated')),
  confidence  REAL CHECK (confidence IS NULL OR (confidence >= 0 AND confidence <= 1)),
  bbox_min_x  REAL NOT NULL,
  bbox_min_y  REAL NOT NULL,
  bbox_min_z  REAL NOT NULL,
  bbox_max_x  REAL NOT NULL,
  bbox_max_y  REAL NOT NULL,
  bbox_max_z  REAL NOT NULL,
  centroid_x  REAL NOT NULL,
  centroid_y  REAL NOT NULL,
  centroid_z  REAL NOT NULL,
  PRIMARY KEY (scene_id, instance_id),
  CHECK (bbox_min_x <= bbox_max_x AND bbox_min_y <= bbox_max_y AND bbox_min_z <= bbox_max_z)
);

-- No foreign key to scenes on purpose: verified QA items are the curated dataset and must outlive
-- a scene record that is deleted or re-imported. `kind` is checked against the contract's QaKind
-- in code, not here: new kinds will come often and SQLite cannot alter a CHECK without a table
-- rebuild.
CREATE TABLE qa_items (
  id                TEXT PRIMARY KEY,
  scene_id          TEXT NOT NULL,
  kind              TEXT NOT NULL CHECK (kind <> ''),
  question          TEXT NOT NULL CHECK (question <> ''),
  answer_json       TEXT NOT NULL,
  unit              TEXT NOT NULL,
  instance_ids_json TEXT NOT NULL,
  status            TEXT NOT NULL CHECK (status IN ('draft', 'verified', 'rejected')),
  evidence_json     TEXT,
  engine_version    TEXT NOT NULL,
  -- ISO-8601 UTC with milliseconds, so text order is time order
  created_at        TEXT NOT NULL CHECK (created_at LIKE '____-__-__T__:__:__%Z')
);

CREATE INDEX qa_items_scene_created ON qa_items (scene_id, created_at);
CREATE INDEX qa_items_created ON qa_items (created_at);
