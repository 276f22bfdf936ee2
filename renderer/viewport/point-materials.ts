// The display and pick passes share one vertex program so a point covers exactly the same pixels in
// both: that is what makes a GPU pick exact. Points are squares (no round mask) for the same reason.
// Clipping (box, "above height" and section planes) and hidden instances are applied in that shared
// program too, so nothing hidden can be picked.
import * as THREE from 'three';

const vertexShader = /* glsl */ `
  attribute vec4 aColor;  // rgb display colour; alpha 0 hides the point (RGBA8: a native vertex format everywhere)
  uniform float uSize;   // world-space point size (metres)
  uniform float uScale;  // drawing-buffer height / 2, as three's PointsMaterial uses
  uniform vec3 uClipMin; // world-space clip box
  uniform vec3 uClipMax;
  uniform vec4 uPlanes[MAX_SECTION_PLANES]; // section planes, world space: cut where dot(xyz, p) + w > 0
  uniform int uPlaneCount;
  varying vec3 vColor;
  flat varying uint vIndex;
  void main() {
    vColor = aColor.rgb;
    vIndex = uint(gl_VertexID) + 1u;
    vec4 world = modelMatrix * vec4(position, 1.0);
    vec4 mv = viewMatrix * world;
    gl_Position = projectionMatrix * mv;
    bool ortho = projectionMatrix[2][3] == 0.0;
    // Orthographic: the size a perspective view (50 deg fov) gives at the view's centre distance.
    float perDepth = ortho ? projectionMatrix[1][1] * 0.4663 : 1.0 / -mv.z;
    gl_PointSize = max(1.0, uSize * uScale * perDepth);
    bool cut = false;
    for (int i = 0; i < MAX_SECTION_PLANES; i++) {
      if (i >= uPlaneCount) break;
      if (dot(uPlanes[i].xyz, world.xyz) + uPlanes[i].w > 0.0) cut = true;
    }
    if (cut || aColor.a < 0.5 || any(lessThan(world.xyz, uClipMin)) || any(greaterThan(world.xyz, uClipMax))) {
      gl_Position = vec4(0.0, 0.0, 2.0, 1.0); // beyond the far plane: clipped
    }
  }
`;

const displayFragment = /* glsl */ `
  varying vec3 vColor;
  flat varying uint vIndex;
  void main() {
    gl_FragColor = vec4(vColor, 1.0);
  }
`;

// The pick pass writes the point's index + 1 (0 = background) as four bytes: the hit point is
// known exactly, and with it its instance, its position and so on.
const pickFragment = /* glsl */ `
  varying vec3 vColor;
  flat varying uint vIndex;
  void main() {
    uint v = vIndex;
    gl_FragColor = vec4(float(v & 255u), float((v >> 8) & 255u), float((v >> 16) & 255u), float((v >> 24) & 255u)) / 255.0;
  }
`;

export const NO_CLIP = 1e9;
/** Most section planes at once (a fixed-size uniform array). */
export const MAX_SECTION_PLANES = 6;

export interface PointUniforms {
  [name: string]: THREE.IUniform<unknown>;
  uSize: THREE.IUniform<number>;
  uScale: THREE.IUniform<number>;
  uClipMin: THREE.IUniform<THREE.Vector3>;
  uClipMax: THREE.IUniform<THREE.Vector3>;
  uPlanes: THREE.IUniform<THREE.Vector4[]>;
  uPlaneCount: THREE.IUniform<number>;
}

export function createPointUniforms(): PointUniforms {
  return {
    uSize: { value: 0.02 },
    uScale: { value: 300 },
    uClipMin: { value: new THREE.Vector3(-NO_CLIP, -NO_CLIP, -NO_CLIP) },
    uClipMax: { value: new THREE.Vector3(NO_CLIP, NO_CLIP, NO_CLIP) },
    uPlanes: { value: Array.from({ length: MAX_SECTION_PLANES }, () => new THREE.Vector4()) },
    uPlaneCount: { value: 0 },
  };
}

/** Shares `uniforms` with its twin so size and clip changes reach both passes at once. */
export function createPointMaterial(uniforms: PointUniforms, pass: 'display' | 'pick'): THREE.ShaderMaterial {
  return new THREE.ShaderMaterial({
    uniforms,
    defines: { MAX_SECTION_PLANES },
    vertexShader,
    fragmentShader: pass === 'pick' ? pickFragment : displayFragment,
    blending: THREE.NoBlending,
    depthTest: true,
    depthWrite: true,
    toneMapped: false,
  });
}
