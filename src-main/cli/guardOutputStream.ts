/**
 * Makes a process stream's write safe when its reader goes away. `dossier list ... | head -1`, or a
 * script that closes its end of the pipe, makes the next write fail with EPIPE, emitted on the
 * stream after write() returned; unhandled, Node prints a stack trace and exits 1 once the
 * command's work is done, so a committed import is reported as failed and a retry imports the
 * file twice. A closed reader is what `git log | head` sees too: the reader chose to stop, so the
 * rest of the output is dropped silently and the exit status stays the command's own. Any other
 * write error (EIO on a lost terminal ...) is one line on stderr and exit status 1, never a stack.
 */
export function guardOutputStream(stream: NodeJS.WriteStream, name: 'stdout' | 'stderr'): (text: string) => void {
  let gone = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    gone = true;
    if (error.code === 'EPIPE') return;
    if (name === 'stdout' && !process.stderr.destroyed) process.stderr.write(`dossier: could not write the output: ${error.message.split('\n')[0] ?? ''}\n`);
    process.exitCode = typeof process.exitCode === 'number' && process.exitCode !== 0 ? process.exitCode : 1;
    outputFailed = true;
  });
  return (text) => {
    if (!gone && !stream.destroyed) stream.write(text);
  };
}

let outputFailed = false;
/** Whether a write to stdout or stderr failed other than by its reader closing it (the run then exits 1). */
export function outputWriteFailed(): boolean {
  return outputFailed;
}
