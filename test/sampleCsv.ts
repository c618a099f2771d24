/** The bundled TikTok sample as tests read it: where it is, and its lines split into fields. */
import { fileURLToPath } from 'node:url';

export const SAMPLE = fileURLToPath(new URL('../resources/sample/tiktok_claims_sample.csv', import.meta.url));

/** Fields of one CSV line (RFC 4180): commas outside double quotes, "" as a quote; the sample has no multi-line fields. */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}
