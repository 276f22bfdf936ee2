// The LAS public header block fields the reader uses.

export interface LasHeader {
  versionMajor: number;
  versionMinor: number;
  headerSize: number;
  /** Byte offset of the first point record. */
  pointOffset: number;
  /** 0..10 (the compression bits of LAZ files are refused earlier). */
  pointFormat: number;
  recordLength: number;
  /** From the 64-bit count (LAS 1.4) when set, else the legacy 32-bit count. */
  pointCount: number;
  scale: [number, number, number];
  offset: [number, number, number];
  min: [number, number, number];
  max: [number, number, number];
}
