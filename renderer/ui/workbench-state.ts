// Everything the panels show, as one reducer so that every change has a name.
import type { AppInfo, DistanceResult, InstanceInfo, OpenedScene, ProgressEvent, QaItem, SceneSummary } from '../../app/contract';
import type { ColorMode } from '../viewport/colors';
import { nextSelection, toggleSelection } from './selection-cycle';

export interface WorkbenchState {
  info: AppInfo | null;
  scene: OpenedScene['scene'] | null;
  buffers: OpenedScene['buffers'] | null;
  /** Boxes of a box-only scene (VSI-Bench meta); null for scans. */
  boxScene: NonNullable<OpenedScene['boxScene']> | null;
  instances: InstanceInfo[];
  selection: number[];
  distance: DistanceResult | null;
  saved: QaItem[];
  colorMode: ColorMode;
  status: string;
  progress: ProgressEvent | null;
  error: string | null;
  busy: boolean;
  /** Every scene the host lists, for the scene switcher. */
  scenes: SceneSummary[];
  /** The job id of the import in progress, so it can be cancelled. */
  importJob: string | null;
}

export const initialState: WorkbenchState = {
  info: null,
  scene: null,
  buffers: null,
  boxScene: null,
  instances: [],
  selection: [],
  distance: null,
  saved: [],
  colorMode: 'rgb',
  status: 'Connecting…',
  progress: null,
  error: null,
  busy: false,
  scenes: [],
  importJob: null,
};

export type Action =
  | { type: 'info'; info: AppInfo }
  | { type: 'sceneOpened'; opened: OpenedScene }
  | { type: 'instances'; instances: InstanceInfo[] }
  | { type: 'clicked'; id: number }
  | { type: 'toggled'; id: number }
  | { type: 'clearSelection' }
  | { type: 'distance'; distance: DistanceResult }
  | { type: 'saved'; items: QaItem[] }
  | { type: 'toggleColorMode' }
  | { type: 'colorMode'; mode: ColorMode }
  | { type: 'status'; status: string }
  | { type: 'progress'; progress: ProgressEvent }
  | { type: 'busy'; busy: boolean }
  | { type: 'error'; message: string }
  | { type: 'dismissError' }
  | { type: 'scenes'; scenes: SceneSummary[] }
  | { type: 'importJob'; jobId: string | null };

const newestFirst = (items: QaItem[]) => [...items].sort((x, y) => (x.createdAt < y.createdAt ? 1 : x.createdAt > y.createdAt ? -1 : 0));

export function reduce(state: WorkbenchState, action: Action): WorkbenchState {
  switch (action.type) {
    case 'info':
      return { ...state, info: action.info };
    case 'sceneOpened':
      return {
        ...state,
        scene: action.opened.scene,
        buffers: action.opened.buffers,
        boxScene: action.opened.boxScene ?? null,
        instances: action.opened.instances,
        selection: [],
        distance: null,
        status: `Opened ${action.opened.scene.name}`,
      };
    case 'instances':
      return { ...state, instances: action.instances };
    case 'clicked': {
      const selection = nextSelection(state.selection, action.id);
      return { ...state, selection, distance: null };
    }
    case 'toggled': {
      // Ctrl/⌘-click: the measured pair's distance stays while the first two stay the same.
      const selection = toggleSelection(state.selection, action.id);
      const samePair = selection[0] === state.selection[0] && selection[1] === state.selection[1];
      return { ...state, selection, distance: samePair ? state.distance : null };
    }
    case 'clearSelection':
      return { ...state, selection: [], distance: null };
    case 'distance': {
      // A late answer for a pair that is no longer selected is dropped.
      const [a, b] = state.selection;
      if (a !== action.distance.a || b !== action.distance.b) return state;
      return { ...state, distance: action.distance };
    }
    case 'saved':
      return { ...state, saved: newestFirst(action.items) };
    case 'toggleColorMode':
      return { ...state, colorMode: state.colorMode === 'rgb' ? 'instance' : 'rgb' };
    case 'colorMode':
      return { ...state, colorMode: action.mode };
    case 'status':
      return { ...state, status: action.status };
    case 'progress':
      return { ...state, progress: action.progress.finished ? null : action.progress };
    case 'busy':
      return { ...state, busy: action.busy };
    case 'error':
      return { ...state, error: action.message, status: 'Error' };
    case 'dismissError':
      return { ...state, error: null };
    case 'scenes':
      return { ...state, scenes: action.scenes };
    case 'importJob':
      // A finished job's late progress events must not bring the bar back.
      return { ...state, importJob: action.jobId, progress: action.jobId === null ? null : state.progress };
  }
}
