// The display and pick passes share one vertex program so a point covers exactly the same pixels in
// both: that is what makes a GPU pick exact. Points are squares (no round mask) for the same reason.
import * as THREE from 'three';

const vertexShader = /* glsl */ `
  attribute vec3 aColor;
  uniform float uSize;   // world-space point size (metres)
  uniform float uScale;  // drawing-buffer height / 2, as three's PointsMaterial uses
  varying vec3 vColor;
  void main() {
    vColor = aColor;
    vec4 mv = modelViewMatrix * vec4(position, 1.0);
    gl_Position = projectionMatrix * mv;
    gl_PointSize = max(1.0, uSize * uScale / -mv.z);
  }
`;

const fragmentShader = /* glsl */ `
  varying vec3 vColor;
  void main() {
    gl_FragColor = vec4(vColor, 1.0);
  }
`;

export interface PointUniforms {
  [name: string]: THREE.IUniform<number>;
  uSize: THREE.IUniform<number>;
  uScale: THREE.IUniform<number>;
}

export function createPointUniforms(): PointUniforms {
  return { uSize: { value: 0.02 }, uScale: { value: 300 } };
}

/** Shares `uniforms` with its twin so size changes reach both passes at once. */
export function createPointMaterial(uniforms: PointUniforms): THREE.ShaderMaterial {
  return new THREE.ShaderMaterial({
    uniforms,
    vertexShader,
    fragmentShader,
    blending: THREE.NoBlending,
    depthTest: true,
    depthWrite: true,
    toneMapped: false,
  });
}
