// Every keyboard shortcut of the workbench, in one list: the `?` overlay shows it, and README's table
// says the same.
export interface ShortcutEntry {
  keys: string;
  action: string;
}

export const SHORTCUTS: readonly ShortcutEntry[] = [
  { keys: 'Esc', action: 'Clear the selection and the measure points' },
  { keys: 'S', action: 'Save the shown measurement' },
  { keys: 'F', action: 'Fit the view to the scene' },
  { keys: 'Shift+F', action: 'Fit the view to the selection' },
  { keys: 'C', action: 'Toggle colour mode (RGB / instance)' },
  { keys: '1 – 6', action: 'Colour by RGB, instance, semantic label, height, superpoint, model confidence' },
  { keys: 'V', action: 'Next camera: orbit → fly → top-down' },
  { keys: 'W A S D, Q E', action: 'Fly camera: move (Q/E down/up, Shift faster); drag to look' },
  { keys: 'E', action: 'Eye-dome lighting on/off (orbit and top views)' },
  { keys: 'G', action: 'Floor grid on/off' },
  { keys: 'B', action: 'Boxes of the selection: off → axis-aligned → oriented' },
  { keys: 'H', action: 'Hide the selected instances' },
  { keys: 'I', action: 'Isolate the selected instances' },
  { keys: 'U', action: 'Show every instance again' },
  { keys: 'M', action: 'Measure tool: off → distance → height → floor area' },
  { keys: '[ / ]', action: 'Smaller / larger points' },
  { keys: 'P', action: 'Save a screenshot (PNG) at the chosen resolution' },
  { keys: '?', action: 'Show or hide this list' },
  { keys: 'Ctrl+Z (⌘Z)', action: 'Undo the newest change to saved work' },
  { keys: 'Ctrl+Shift+Z, Ctrl+Y', action: 'Redo' },
];
