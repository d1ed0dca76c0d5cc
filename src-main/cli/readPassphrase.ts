import { DossierError } from '../contract/errors';
import { cliIo } from './cliIo';
import { readUtf8File } from './readUtf8File';

export interface PassphraseSource {
  /** --passphrase-file / --share-passphrase-file: the first line of the file is the passphrase. */
  file?: string | undefined;
  /** Environment variable that may hold it (DOSSIER_PASSPHRASE, DOSSIER_SHARE_PASSPHRASE). */
  env: string;
  /** Shown on stderr when asking on a terminal. */
  prompt: string;
  /** Ask twice on a terminal (when a new passphrase is set: a typo would lock the owner out). */
  confirm?: boolean;
  /** What the passphrase is for, in error messages ("the key file's passphrase"). */
  what: string;
  /** The option that names a file, for the error message. */
  fileOption: string;
}

/**
 * Reads a passphrase for the CLI: from the named file, else the environment variable, else a
 * hidden prompt when stdin is a terminal. Never from a command-line argument (it would show in
 * `ps` and shell history). An empty passphrase is refused (PASSPHRASE_REQUIRED).
 */
export async function readPassphrase(source: PassphraseSource): Promise<string> {
  let passphrase: string;
  if (source.file !== undefined) {
    const text = readUtf8File(source.file, source.fileOption);
    passphrase = text.split(/\r?\n/)[0] ?? '';
  } else if (cliIo().env[source.env] !== undefined) {
    passphrase = cliIo().env[source.env]!;
  } else if (process.stdin.isTTY) {
    passphrase = await promptHidden(source.prompt);
    if (source.confirm && passphrase.length > 0 && (await promptHidden('Again, to confirm: ')) !== passphrase) {
      throw new DossierError('PASSPHRASE_REQUIRED', 'The two passphrases differ; nothing was changed. Try again.');
    }
  } else {
    throw new DossierError(
      'PASSPHRASE_REQUIRED',
      `${capitalize(source.what)} is needed: set ${source.env}, use ${source.fileOption} PATH, or run in a terminal to type it.`,
    );
  }
  if (passphrase.length === 0) {
    throw new DossierError('PASSPHRASE_REQUIRED', `${capitalize(source.what)} is empty; an empty passphrase protects nothing.`);
  }
  return passphrase;
}

/** Typed ahead of a prompt (e.g. both passphrases pasted at once): kept for the next prompt. */
let typedAhead = '';

/** Reads a line from the terminal without echoing it. Ctrl-C cancels. */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (error?: Error) => {
      stdin.removeListener('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    /** True when the line is complete. */
    const take = (chunk: string): boolean => {
      const chars = [...chunk];
      for (let i = 0; i < chars.length; i += 1) {
        const ch = chars[i]!;
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          // a CR LF pair is one line end
          const rest = chars.slice(ch === '\r' && chars[i + 1] === '\n' ? i + 2 : i + 1).join('');
          typedAhead = rest;
          finish();
          return true;
        }
        if (ch === '\u0003') {
          typedAhead = '';
          finish(new DossierError('CANCELLED', 'Cancelled; nothing was changed.'));
          return true;
        }
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
      return false;
    };
    const onData = (chunk: string) => {
      take(chunk);
    };
    // Raw (no echo) before the prompt shows: whatever is typed once it is visible stays hidden.
    stdin.setEncoding('utf8');
    stdin.setRawMode(true);
    process.stderr.write(question);
    const pending = typedAhead;
    typedAhead = '';
    if (pending && take(pending)) return;
    stdin.on('data', onData);
    stdin.resume();
  });
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
