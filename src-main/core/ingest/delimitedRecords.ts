import { ApiError } from '../api/errors';
import { type ControlCharacter, ControlCharacterCheck } from './controlCharacters';
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
  private readonly controls: ControlCharacterCheck;
  /** Where the first unpaired UTF-16 surrogate is in the text not yet tokenized (-1: none there), and its line once known. */
  private pendingLoneSurrogate = -1;
  private loneSurrogateLine = 0;
  delimiter: string | undefined;

  constructor(o: DelimitedRecordsOptions) {
    this.o = o;
    this.controls = new ControlCharacterCheck(o.file);
    this.decoder = new ChunkDecoder(o.encoding, o.skip, { invalid: 'windows-1252' });
    this.delimiter = o.delimiter;
    this.skip = o.skip;
  }

  /** 1-based column where field `i` of the last record starts. */
  fieldColumn(i: number): number {
    return this.tokenizer!.fieldColumn(i);
  }

  /** The first control character of the text so far (a NUL is refused instead, see {@link ControlCharacterCheck}). */
  get firstControl(): ControlCharacter | null {
    return this.controls.first;
  }

  /** Unpaired UTF-16 surrogates read as U+FFFD so far, and the line of the first; null when none. */
  get loneSurrogates(): { count: number; line: number } | null {
    const count = this.decoder.utf16?.loneSurrogates ?? 0;
    return count > 0 ? { count, line: this.loneSurrogateLine } : null;
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
    this.noteLoneSurrogate(this.tokenizer ? 0 : this.sniffBuffer.length);
    if (!this.tokenizer) {
      this.sniffBuffer += text;
      if (this.sniffBuffer.length < SNIFF_CHARS && this.done < this.o.total) return;
      this.startTokenizer();
    } else {
      this.tokenize(text);
    }
  }

  /** After a decode: remembers where its first unpaired surrogate is in the text to tokenize, which starts `at` characters before the decoded text. */
  private noteLoneSurrogate(at: number): void {
    const index = this.decoder.utf16?.lastLoneSurrogate ?? -1;
    if (index >= 0 && this.pendingLoneSurrogate < 0 && this.loneSurrogateLine === 0) this.pendingLoneSurrogate = at + index;
  }

  /** Every piece of text goes through here, in order, so its lines are known. */
  private tokenize(text: string): void {
    const tokenizer = this.tokenizer!;
    if (this.pendingLoneSurrogate >= 0) {
      this.loneSurrogateLine = this.controls.lineOf(text, this.pendingLoneSurrogate, tokenizer.currentLine);
      this.pendingLoneSurrogate = -1;
    }
    this.controls.check(text, tokenizer.currentLine);
    tokenizer.push(text, this.o.onRecord);
  }

  end(): void {
    const tail = this.decoder.end();
    const dangling = this.decoder.utf16?.danglingByte ?? -1;
    if (dangling >= 0) {
      const file = this.o.file;
      throw new ApiError(
        'bad-input',
        `${file} ends in the middle of a UTF-16 character: its last byte (at offset ${dangling.toLocaleString('en-US')}) has no partner, so the file looks cut short. Nothing was imported.`,
        { file },
      );
    }
    this.noteLoneSurrogate(this.tokenizer ? 0 : this.sniffBuffer.length);
    if (!this.tokenizer) {
      this.sniffBuffer += tail;
      this.startTokenizer();
    } else if (tail) {
      this.tokenize(tail);
    }
    this.tokenizer!.end(this.o.onRecord);
  }

  private startTokenizer(): void {
    this.delimiter ??= sniffDelimiter(this.sniffBuffer, this.o.file);
    this.tokenizer = new CsvTokenizer({ delimiter: this.delimiter, file: this.o.file });
    const text = this.sniffBuffer;
    this.sniffBuffer = '';
    this.tokenize(text);
  }
}
