// Eye-dome lighting: the scene is drawn into a target with a depth texture, then a full-screen pass
// darkens each pixel by how much nearer it is than its neighbours (in log depth). Edges and creases
// read clearly on a point cloud without any normals.
import * as THREE from 'three';

const vertexShader = /* glsl */ `
  varying vec2 vUv;
  void main() {
    vUv = uv;
    gl_Position = vec4(position.xy, 0.0, 1.0);
  }
`;

const fragmentShader = /* glsl */ `
  uniform sampler2D tColor;
  uniform sampler2D tDepth;
  uniform vec2 uTexel;
  uniform float uNear;
  uniform float uFar;
  uniform float uOrtho;
  uniform float uStrength;
  uniform float uRadius;
  varying vec2 vUv;

  float logDepth(vec2 uv) {
    float d = texture2D(tDepth, uv).x;
    if (d >= 1.0) return -1.0; // background
    float z = uOrtho > 0.5
      ? uNear + d * (uFar - uNear)
      : (2.0 * uNear * uFar) / (uFar + uNear - (d * 2.0 - 1.0) * (uFar - uNear));
    return log2(max(z, 1e-6));
  }

  void main() {
    vec4 color = texture2D(tColor, vUv);
    float centre = logDepth(vUv);
    // Background: let the canvas's own clear colour show (the target holds it in linear form).
    if (centre < -0.5) discard;
    float sum = 0.0;
    for (int i = 0; i < 8; i++) {
      float a = float(i) * 0.78539816;
      vec2 offset = vec2(cos(a), sin(a)) * uRadius * uTexel;
      float n = logDepth(vUv + offset);
      // A neighbour on the background is a silhouette: darken as a large step would.
      sum += n < -0.5 ? 0.01 : max(0.0, centre - n);
    }
    float shade = exp(-sum / 8.0 * 300.0 * uStrength);
    gl_FragColor = vec4(color.rgb * shade, 1.0);
  }
`;

export class EdlPass {
  private readonly target: THREE.WebGLRenderTarget;
  private readonly material: THREE.ShaderMaterial;
  private readonly quad: THREE.Mesh;
  private readonly quadScene = new THREE.Scene();
  private readonly quadCamera = new THREE.OrthographicCamera(-1, 1, 1, -1, 0, 1);
  strength = 1;
  radius = 1.4;

  constructor() {
    this.target = new THREE.WebGLRenderTarget(1, 1, {
      type: THREE.UnsignedByteType,
      minFilter: THREE.NearestFilter,
      magFilter: THREE.NearestFilter,
      depthBuffer: true,
      depthTexture: new THREE.DepthTexture(1, 1, THREE.UnsignedIntType),
    });
    this.material = new THREE.ShaderMaterial({
      uniforms: {
        tColor: { value: this.target.texture },
        tDepth: { value: this.target.depthTexture },
        uTexel: { value: new THREE.Vector2(1, 1) },
        uNear: { value: 0.1 },
        uFar: { value: 100 },
        uOrtho: { value: 0 },
        uStrength: { value: 1 },
        uRadius: { value: 1.4 },
      },
      vertexShader,
      fragmentShader,
      depthTest: false,
      depthWrite: false,
      toneMapped: false,
    });
    this.quad = new THREE.Mesh(new THREE.PlaneGeometry(2, 2), this.material);
    this.quad.frustumCulled = false;
    this.quadScene.add(this.quad);
  }

  /** Draws `scene` through the EDL pass onto the renderer's current output (the canvas). */
  render(renderer: THREE.WebGLRenderer, scene: THREE.Scene, camera: THREE.PerspectiveCamera | THREE.OrthographicCamera): void {
    const size = renderer.getDrawingBufferSize(new THREE.Vector2());
    if (size.x !== this.target.width || size.y !== this.target.height) this.target.setSize(size.x, size.y);
    const previous = renderer.getRenderTarget();
    renderer.setRenderTarget(this.target);
    renderer.clear(true, true, true);
    renderer.render(scene, camera);
    renderer.setRenderTarget(previous);
    const u = this.material.uniforms;
    u.uTexel!.value.set(1 / size.x, 1 / size.y);
    u.uNear!.value = camera.near;
    u.uFar!.value = camera.far;
    u.uOrtho!.value = camera instanceof THREE.OrthographicCamera ? 1 : 0;
    u.uStrength!.value = this.strength;
    u.uRadius!.value = this.radius;
    renderer.render(this.quadScene, this.quadCamera);
  }

  dispose(): void {
    this.target.depthTexture?.dispose();
    this.target.dispose();
    this.material.dispose();
    this.quad.geometry.dispose();
  }
}
