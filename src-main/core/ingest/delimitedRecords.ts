import { CsvTokenizer, type RowHandler } from './csvTokenizer';
import { sniffDelimiter } from './delimiter';
import { ChunkDecoder, type DecodingReport, type TextEncodingName } from './encoding';

export interface DelimitedRecordsOptions {
  encoding: TextEncodingName;
  /** Bytes to skip at the start (a byte-order mark). */
  skip: number;
  /** Sniffed from the first 64K characters when not given. */
  delimiter?: string;
  /** Name used in messages. */
  file: string;
  /** Size of the whole input in bytes. */
  total: number;
  /** Every record, the header included, with the physical line it starts on. */
  onRecord: RowHandler;
}

const SNIFF_CHARS = 65536;

/**
 * The records of a delimited file from its bytes: skips the byte-order mark,
 * decodes (UTF-8 reads stray non-UTF-8 bytes as Windows-1252, see
 * {@link ChunkDecoder}), sniffs the delimiter and tokenizes. The one way an
 * import reads a file's text, so a second pass over it sees the same fields.
 */
export class DelimitedRecords {
  private readonly o: DelimitedRecordsOptions;
  private readonly decoder: ChunkDecoder;
  private tokenizer: CsvTokenizer | null = null;
  private sniffBuffer = '';
  private skip: number;
  private done = 0;
  delimiter: string | undefined;

  constructor(o: DelimitedRecordsOptions) {
    this.o = o;
    this.decoder = new ChunkDecoder(o.encoding, o.skip, { invalid: 'windows-1252' });
    this.delimiter = o.delimiter;
    this.skip = o.skip;
  }

  /** 1-based column where field `i` of the last record starts. */
  fieldColumn(i: number): number {
    return this.tokenizer!.fieldColumn(i);
  }

  /** Bytes read as Windows-1252 so far. */
  get decoding(): DecodingReport {
    return this.decoder.report;
  }

  push(chunk: Uint8Array): void {
    this.done += chunk.length;
    let bytes = chunk;
    if (this.skip > 0) {
      bytes = chunk.subarray(Math.min(this.skip, chunk.length));
      this.skip -= chunk.length - bytes.length;
    }
    const text = this.decoder.decode(bytes);
    if (!this.tokenizer) {
      this.sniffBuffer += text;
      if (this.sniffBuffer.length < SNIFF_CHARS && this.done < this.o.total) return;
      this.startTokenizer();
    } else {
      this.tokenizer.push(text, this.o.onRecord);
    }
  }

  end(): void {
    const tail = this.decoder.end();
    if (!this.tokenizer) {
      this.sniffBuffer += tail;
      this.startTokenizer();
    } else if (tail) {
      this.tokenizer.push(tail, this.o.onRecord);
    }
    this.tokenizer!.end(this.o.onRecord);
  }

  private startTokenizer(): void {
    this.delimiter ??= sniffDelimiter(this.sniffBuffer, this.o.file);
    this.tokenizer = new CsvTokenizer({ delimiter: this.delimiter, file: this.o.file });
    const text = this.sniffBuffer;
    this.sniffBuffer = '';
    this.tokenizer.push(text, this.o.onRecord);
  }
}
