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
  { keys: '/ or Enter', action: 'Put the cursor in the Ask box (Esc leaves it)' },
  { keys: '?', action: 'Show or hide this list' },
  { keys: 'Ctrl+Z (⌘Z)', action: 'Undo the newest change to saved work' },
  { keys: 'Ctrl+Shift+Z, Ctrl+Y', action: 'Redo' },
  { keys: 'A / R / E, J K', action: 'Review queue, while it has focus: accept, reject, edit the answer; next / previous' },
  { keys: 'Ctrl+O (⌘O)', action: 'Open a scan file (the host dialog in the desktop app, the browser picker in the web UI)' },
  { keys: 'Shift+M', action: 'Segmentation draft: merge the selected objects' },
  { keys: 'Shift+K', action: 'Segmentation draft: split the selected object' },
  { keys: 'L', action: 'Segmentation draft: choose a label for the selected objects' },
  { keys: 'Shift+C', action: 'Segmentation draft: accept (store the objects; Ctrl+Z undoes)' },
  { keys: 'Shift+X', action: 'Segmentation draft: discard' },
  { keys: 'Shift+click', action: 'Segmentation draft: add the clicked superpoint to the selected object, or take it out' },
  { keys: 'Ctrl+click (⌘+click)', action: 'Add the object to the selection or take it out (3D view and scene tree)' },
  { keys: 'Enter / Esc / Ctrl+Enter', action: 'Layout tab, in the instruction box: preview the edit / reject the preview / apply it' },
  { keys: 'Enter', action: 'Audit tab, on a focused disagreement: open its room and draw its evidence (Esc clears it)' },
];
