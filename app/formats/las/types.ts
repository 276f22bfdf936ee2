// The LAS public header block fields the reader uses.

export interface LasHeader {
  versionMajor: number;
  versionMinor: number;
  headerSize: number;
  /** Byte offset of the first point record. */
  pointOffset: number;
  /** 0..10, without the LAZ compression bit. */
  pointFormat: number;
  /** LAZ: bit 7 of the format id is set, the point records are LASzip-compressed. */
  compressed: boolean;
  recordLength: number;
  /** From the 64-bit count (LAS 1.4) when set, else the legacy 32-bit count. */
  pointCount: number;
  scale: [number, number, number];
  offset: [number, number, number];
  min: [number, number, number];
  max: [number, number, number];
}
