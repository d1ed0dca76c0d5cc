import type { EvidenceKind } from '../contract/enums';
import { fileExtension } from './detectMediaType';

const DISK_IMAGE_EXTENSIONS = ['dd', 'raw', 'img', 'e01', 'ex01', 'aff', 'aff4', 'vmdk', 'vhd', 'vhdx', 'qcow2', 'iso', 'dmg'];
const WEB_CAPTURE_EXTENSIONS = ['warc', 'warc.gz', 'mht', 'mhtml', 'har', 'webarchive', 'wacz'];
const SPREADSHEET_TYPES = [
  'text/csv', 'text/tab-separated-values', 'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.oasis.opendocument.spreadsheet',
];
const ARCHIVE_TYPES = [
  'application/zip', 'application/gzip', 'application/x-7z-compressed', 'application/x-rar-compressed', 'application/x-tar',
  'application/x-bzip2', 'application/x-xz', 'application/zstd', 'application/x-lzip', 'application/vnd.rar',
];
const DOCUMENT_TYPES = [
  'application/pdf', 'application/msword', 'application/rtf', 'application/vnd.oasis.opendocument.text',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/json', 'application/xml',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
];

/**
 * A first guess at what kind of exhibit a file is, from its detected media type and its name.
 * The investigator can change it; it only decides defaults (how a packet shows the exhibit).
 */
export function inferEvidenceKind(mediaType: string, name: string): EvidenceKind {
  const ext = fileExtension(name);
  if (mediaType.startsWith('image/')) {
    return /screen[ _-]?shot|screen[ _-]?capture|^scr[_-]|capture/i.test(name) ? 'screenshot' : 'image';
  }
  if (['text/html', 'application/xhtml+xml', 'multipart/related', 'application/warc', 'application/warc+gzip'].includes(mediaType)) {
    return 'web_capture';
  }
  if (WEB_CAPTURE_EXTENSIONS.includes(ext)) return 'web_capture';
  if (mediaType === 'message/rfc822' || mediaType === 'application/mbox' || ['eml', 'msg', 'mbox'].includes(ext)) return 'email';
  if (mediaType === 'application/vnd.tcpdump.pcap' || mediaType === 'application/x-pcapng' || ['pcap', 'pcapng', 'cap'].includes(ext)) {
    return 'network_capture';
  }
  if (DISK_IMAGE_EXTENSIONS.includes(ext)) return 'disk_image';
  if (SPREADSHEET_TYPES.includes(mediaType) || ['csv', 'tsv', 'xlsx', 'xls', 'ods'].includes(ext)) return 'spreadsheet';
  if (/\.log(\.\d+)?$/i.test(name)) return 'log';
  if (mediaType.startsWith('video/')) return 'video';
  if (mediaType.startsWith('audio/')) return 'audio';
  if (ARCHIVE_TYPES.includes(mediaType)) return 'archive';
  if (DOCUMENT_TYPES.includes(mediaType) || mediaType.startsWith('text/')) return 'document';
  return 'other';
}
