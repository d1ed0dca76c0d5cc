import { throttleProgress, type ShareProgress } from '../share/shareProgress';

const STAGES: Record<ShareProgress['stage'], string> = {
  snapshot: 'Copying the case file',
  hash: 'Hashing',
  encrypt: 'Encrypting',
  decrypt: 'Decrypting and checking',
};

/**
 * A percentage line on stderr for long share work, redrawn in place; only when stderr is a
 * terminal, so scripts and --json consumers see nothing extra.
 */
export function progressLine(stream: NodeJS.WriteStream = process.stderr): ((progress: ShareProgress) => void) | undefined {
  if (!stream.isTTY) return undefined;
  return throttleProgress((p) => {
    const percent = p.total > 0 ? Math.min(100, Math.floor((p.done * 100) / p.total)) : 100;
    stream.write(`\r${STAGES[p.stage]}: ${String(percent).padStart(3)}%`);
    if (p.done >= p.total) stream.write('\n');
  }, 200);
}
