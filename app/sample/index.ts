export { generateSampleRoom, DEFAULT_POINTS, DEFAULT_SEED, type RoomObject, type SampleRoom, type SampleRoomOptions } from './room';
export { CATALOGUE, catalogueEntry, type CatalogueEntry } from './catalogue';
export { ROOM_PROGRAMS, type RoomShell, type RoomType } from './layout';
