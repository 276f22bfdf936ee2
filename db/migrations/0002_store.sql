-- 0002_store: the annotation store. Scene provenance and versions, superpoint sets, instance masks,
-- QA item revisions (verified work is append-only), annotators, settings, layout versions and the
-- persisted undo history. Runs inside the migration transaction: no BEGIN/COMMIT here.

-- Scenes: the axis alignment applied after loading (row-major 4x4 as JSON; NULL = identity).
ALTER TABLE scenes ADD COLUMN axis_alignment_json TEXT;

-- Every distinct content a scene id has had, so items can name the exact geometry they were made on.
CREATE TABLE scene_versions (
  scene_id     TEXT NOT NULL REFERENCES scenes (id) ON DELETE CASCADE,
  version      INTEGER NOT NULL CHECK (version >= 1),
  content_hash TEXT NOT NULL,
  point_count  INTEGER NOT NULL CHECK (point_count >= 0),
  note         TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  PRIMARY KEY (scene_id, version)
);

-- Per-point superpoint ids as a little-endian int32 blob; the parameters that produced them as JSON.
CREATE TABLE superpoint_sets (
  id               TEXT PRIMARY KEY,
  scene_id         TEXT NOT NULL REFERENCES scenes (id) ON DELETE CASCADE,
  params_json      TEXT NOT NULL,
  point_count      INTEGER NOT NULL CHECK (point_count >= 0),
  superpoint_count INTEGER NOT NULL CHECK (superpoint_count >= 0),
  ids              BLOB NOT NULL,
  created_at       TEXT NOT NULL
);
CREATE INDEX superpoint_sets_scene ON superpoint_sets (scene_id);

-- Instances: the mask (point or superpoint ids, int32 blob), the oriented box, and whether a person
-- verified the instance.
ALTER TABLE instances ADD COLUMN mask_kind TEXT CHECK (mask_kind IS NULL OR mask_kind IN ('points', 'superpoints'));
ALTER TABLE instances ADD COLUMN mask BLOB;
ALTER TABLE instances ADD COLUMN superpoint_set_id TEXT REFERENCES superpoint_sets (id) ON DELETE SET NULL;
ALTER TABLE instances ADD COLUMN obb_json TEXT;
ALTER TABLE instances ADD COLUMN verified INTEGER NOT NULL DEFAULT 0 CHECK (verified IN (0, 1));

CREATE TABLE annotators (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL CHECK (name <> ''),
  created_at TEXT NOT NULL
);

CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value_json TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- QA items: qa_items holds the current state of each item (fast listing); every state it has ever
-- had is a row of qa_item_revisions, and qa_items.revision names the latest one. `deleted` is how
-- an undone save disappears from lists without losing the revision that a person may have verified.
ALTER TABLE qa_items ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
ALTER TABLE qa_items ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1));
ALTER TABLE qa_items ADD COLUMN query_json TEXT;
ALTER TABLE qa_items ADD COLUMN viewpoint_json TEXT;
ALTER TABLE qa_items ADD COLUMN annotator_id TEXT;
ALTER TABLE qa_items ADD COLUMN model_version TEXT;
ALTER TABLE qa_items ADD COLUMN updated_at TEXT;
UPDATE qa_items SET updated_at = created_at;

CREATE TABLE qa_item_revisions (
  item_id           TEXT NOT NULL REFERENCES qa_items (id),
  revision          INTEGER NOT NULL CHECK (revision >= 1),
  question          TEXT NOT NULL CHECK (question <> ''),
  answer_json       TEXT NOT NULL,
  unit              TEXT NOT NULL,
  instance_ids_json TEXT NOT NULL,
  status            TEXT NOT NULL CHECK (status IN ('draft', 'verified', 'rejected')),
  deleted           INTEGER NOT NULL CHECK (deleted IN (0, 1)),
  evidence_json     TEXT,
  query_json        TEXT,
  viewpoint_json    TEXT,
  annotator_id      TEXT,
  engine_version    TEXT NOT NULL,
  model_version     TEXT,
  created_at        TEXT NOT NULL CHECK (created_at LIKE '____-__-__T__:__:__%Z'),
  PRIMARY KEY (item_id, revision)
);

INSERT INTO qa_item_revisions (item_id, revision, question, answer_json, unit, instance_ids_json, status, deleted,
                               evidence_json, engine_version, created_at)
SELECT id, 1, question, answer_json, unit, instance_ids_json, status, 0, evidence_json, engine_version, created_at
FROM qa_items;

-- Append-only, enforced by the database itself rather than by every caller remembering to.
CREATE TRIGGER qa_item_revisions_no_update BEFORE UPDATE ON qa_item_revisions
BEGIN SELECT RAISE(ABORT, 'qa_item_revisions is append-only: add a revision instead'); END;
CREATE TRIGGER qa_item_revisions_no_delete BEFORE DELETE ON qa_item_revisions
BEGIN SELECT RAISE(ABORT, 'qa_item_revisions is append-only: add a revision instead'); END;
-- A verified item changes only by moving to a newer revision, and is never deleted.
CREATE TRIGGER qa_items_verified_needs_revision BEFORE UPDATE ON qa_items
WHEN OLD.status = 'verified' AND NEW.revision <= OLD.revision
BEGIN SELECT RAISE(ABORT, 'a verified QA item changes only through a new revision'); END;
CREATE TRIGGER qa_items_verified_no_delete BEFORE DELETE ON qa_items
WHEN OLD.status = 'verified'
BEGIN SELECT RAISE(ABORT, 'a verified QA item is never deleted'); END;

CREATE INDEX qa_items_live_scene_created ON qa_items (scene_id, deleted, created_at);

-- Persisted undo history, one stack per scene. seq orders entries; `undone` = 1 puts an entry on
-- the redo side. Patches are immer patches as JSON (see app/history).
CREATE TABLE history_entries (
  id           INTEGER PRIMARY KEY,
  scene_id     TEXT NOT NULL,
  seq          INTEGER NOT NULL,
  label        TEXT NOT NULL,
  kind         TEXT NOT NULL,
  target       TEXT NOT NULL,
  patches_json TEXT NOT NULL,
  inverse_json TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  undone       INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
  UNIQUE (scene_id, seq)
);
-- Undo reads the newest done entry, redo the oldest undone one, and a new change drops the undone
-- side: all three are range reads on this index, however long the history grows.
CREATE INDEX history_entries_side ON history_entries (scene_id, undone, seq);

-- Layout edits that were accepted: each a full layout (JSON) with its parent, per scene.
CREATE TABLE layout_versions (
  id         TEXT PRIMARY KEY,
  scene_id   TEXT NOT NULL REFERENCES scenes (id) ON DELETE CASCADE,
  version    INTEGER NOT NULL CHECK (version >= 1),
  parent_id  TEXT REFERENCES layout_versions (id),
  label      TEXT NOT NULL,
  layout_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (scene_id, version)
);
