-- 0003_annotations: which model version produced an instance, and per-scene counts of listed QA
-- items kept by triggers, so a list's total is one row read instead of a count over every item.
-- Runs inside the migration transaction: no BEGIN/COMMIT here.

-- Model output is accepted with the version of the model that made it (NULL for imports and people).
ALTER TABLE instances ADD COLUMN model_version TEXT;

-- live = items of the scene that lists show (deleted = 0). Exact at every commit: the triggers run in
-- the same transaction as the change to qa_items.
CREATE TABLE qa_scene_counts (
  scene_id TEXT PRIMARY KEY,
  live     INTEGER NOT NULL CHECK (live >= 0)
);

INSERT INTO qa_scene_counts (scene_id, live)
SELECT scene_id, count(*) FROM qa_items WHERE deleted = 0 GROUP BY scene_id;

CREATE TRIGGER qa_scene_counts_insert AFTER INSERT ON qa_items
WHEN NEW.deleted = 0
BEGIN
  INSERT INTO qa_scene_counts (scene_id, live) VALUES (NEW.scene_id, 1)
  ON CONFLICT (scene_id) DO UPDATE SET live = live + 1;
END;

CREATE TRIGGER qa_scene_counts_update AFTER UPDATE OF deleted, scene_id ON qa_items
WHEN OLD.deleted <> NEW.deleted OR OLD.scene_id <> NEW.scene_id
BEGIN
  UPDATE qa_scene_counts SET live = live - 1 WHERE scene_id = OLD.scene_id AND OLD.deleted = 0;
  INSERT INTO qa_scene_counts (scene_id, live) SELECT NEW.scene_id, 1 WHERE NEW.deleted = 0
  ON CONFLICT (scene_id) DO UPDATE SET live = live + 1;
END;

CREATE TRIGGER qa_scene_counts_delete AFTER DELETE ON qa_items
WHEN OLD.deleted = 0
BEGIN
  UPDATE qa_scene_counts SET live = live - 1 WHERE scene_id = OLD.scene_id;
END;
