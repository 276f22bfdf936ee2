-- 0004_scene_drafts: a scene's unaccepted segmentation draft goes with the scene. Drafts live in
-- settings (main/segment/draft-store.ts) under `segmentation.draft.<scene id>` and
-- `segmentation.draft-basis.<scene id>`, or, for scene ids over 160 characters, under
-- `…sha256:<hash of the id>` with the id in the value's `sceneId`. Deleting the scene row deletes
-- them in the same transaction, whatever deletes it.
-- Runs inside the migration transaction: no BEGIN/COMMIT here.

CREATE TRIGGER scenes_delete_segmentation_draft AFTER DELETE ON scenes
BEGIN
  DELETE FROM settings
  WHERE key IN ('segmentation.draft.' || OLD.id, 'segmentation.draft-basis.' || OLD.id)
     OR (key GLOB 'segmentation.draft*.sha256:*'
         AND CASE WHEN json_valid(value_json) THEN json_extract(value_json, '$.sceneId') END = OLD.id);
END;

