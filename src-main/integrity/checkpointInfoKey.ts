/**
 * The PDF Info key a packet carries its signed audit checkpoint under (packet/documentMetadata
 * writes it, readCheckpoint reads it back for `audit verify --against PACKET.pdf`).
 */
export const CHECKPOINT_INFO_KEY = 'DossierCheckpoint';
