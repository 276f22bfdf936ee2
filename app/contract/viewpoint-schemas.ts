// Named camera viewpoints saved per scene (the viewer's Views list), and the full camera a QA item
// can carry. Stored by the host as plain JSON, so a reviewer sees exactly what the annotator saw.
import { z } from 'zod';
import { Id, Vec3 } from './schemas';

export const CameraViewpoint = z
  .object({
    position: Vec3,
    target: Vec3,
    up: Vec3,
    /** Vertical field of view, degrees. */
    fov: z.number().gt(0).lt(180),
    /** The top-down orthographic view. */
    ortho: z.boolean(),
  })
  .strict();
export type CameraViewpoint = z.infer<typeof CameraViewpoint>;

export const ViewpointName = z.string().trim().min(1).max(100);

export const SavedViewpoint = z.object({ name: ViewpointName, viewpoint: CameraViewpoint, savedAt: z.string() }).strict();
export type SavedViewpoint = z.infer<typeof SavedViewpoint>;

/** Most viewpoints kept per scene; saving one more is refused with a message. */
export const MAX_VIEWPOINTS_PER_SCENE = 200;

export const ViewpointList = z.object({ sceneId: Id, viewpoints: z.array(SavedViewpoint) });
export type ViewpointList = z.infer<typeof ViewpointList>;

export const ListViewpointsInput = z.object({ sceneId: Id }).strict();
/** Saving under an existing name replaces that viewpoint (in place in the list). */
export const SaveViewpointInput = z.object({ sceneId: Id, name: ViewpointName, viewpoint: CameraViewpoint }).strict();
export const DeleteViewpointInput = z.object({ sceneId: Id, name: ViewpointName }).strict();
