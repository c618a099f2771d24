/**
 * A file name as a POSIX shell reads it back in a command line: bare when it
 * holds only characters no shell treats specially, else in single quotes, a
 * quote inside written as `'\''` (close, escaped quote, reopen); a name
 * starting with `-` gets `./` so it is not read as an option. Control
 * characters are shown as escapes first, so the hint never moves the
 * terminal's cursor.
 */
import { pyCommentText } from './pythonLiteral';

export function shellWord(fileName: string): string {
  const name = fileName.startsWith('-') ? `./${fileName}` : fileName;
  if (/^[A-Za-z0-9._/+-]+$/.test(name)) return name;
  return `'${pyCommentText(name).replace(/'/g, "'\\''")}'`;
}
