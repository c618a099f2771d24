import { describe, expect, it } from 'vitest';
import { CsvTokenizer } from '../../../src-main/core/ingest/csvTokenizer';
import { dedupeHeader } from '../../../src-main/core/ingest/header';
import {
  ColumnProfiler,
  DISTINCT_CAP,
  DistinctBudget,
  inferKind,
  needsExactDistinct,
  pandasNumberKind,
  type ColumnStats,
} from '../../../src-main/core/ingest/inference';

// The first 24 data rows of the seed tiktok_dataset.csv plus three of its rows with missing values.
const SEED_SAMPLE = [
  "#,claim_status,video_id,video_duration_sec,video_transcription_text,verified_status,author_ban_status,video_view_count,video_like_count,video_share_count,video_download_count,video_comment_count\n",
  "1,claim,7017666017,59,someone shared with me that drone deliveries are already happening and will become common by 2025,not verified,under review,343296.0,19425.0,241.0,1.0,0.0\n",
  "2,claim,4014381136,32,someone shared with me that there are more microorganisms in one teaspoon of soil than people on the planet,not verified,active,140877.0,77355.0,19034.0,1161.0,684.0\n",
  "3,claim,9859838091,31,\"someone shared with me that american industrialist andrew carnegie had a net worth of $475 million usd, worth over $300 billion usd today\",not verified,active,902185.0,97690.0,2858.0,833.0,329.0\n",
  "4,claim,1866847991,25,\"someone shared with me that the metro of st. petersburg, with an average depth of hundred meters, is the deepest metro in the world\",not verified,active,437506.0,239954.0,34812.0,1234.0,584.0\n",
  "5,claim,7105231098,19,someone shared with me that the number of businesses allowing employees to bring pets to the workplace has grown by 6% worldwide,not verified,active,56167.0,34987.0,4110.0,547.0,152.0\n",
  "6,claim,8972200955,35,someone shared with me that gross domestic product (gdp) is the best financial indicator of a country's overall trade potential,not verified,under review,336647.0,175546.0,62303.0,4293.0,1857.0\n",
  "7,claim,4958886992,16,someone shared with me that elvis presley has sold more records than the music band the beatles,not verified,active,750345.0,486192.0,193911.0,8616.0,5446.0\n",
  "8,claim,2270982263,41,\"someone shared with me that the best selling single of all time is \"\"white christmas\"\" by bing crosby\",not verified,active,547532.0,1072.0,50.0,22.0,11.0\n",
  "9,claim,5235769692,50,someone shared with me that about half of the world's population can access the web via a mobile device,not verified,active,24819.0,10160.0,1050.0,53.0,27.0\n",
  "10,claim,4660861094,45,someone shared with me that it would take a 50 petabyte drive to store every written work ever created,verified,active,931587.0,171051.0,67739.0,4104.0,2540.0\n",
  "11,claim,8095102436,47,someone shared with me that an average user spends 40% of their day on the internet,not verified,active,695641.0,238030.0,23062.0,1719.0,378.0\n",
  "12,claim,4507218541,30,someone shared with me that the world generates 2.5 quintillion bytes of data every day,not verified,active,482046.0,168107.0,19474.0,3282.0,532.0\n",
  "13,claim,3609761483,51,someone shared with me that the longest recorded cricket match lasted 14 days,not verified,active,700081.0,434565.0,97995.0,2408.0,1411.0\n",
  "14,claim,3850678773,20,\"someone shared with me that 1920 was the last time the event \"\"tug-of-war\"\" was played in the summer olympics\",not verified,under review,929685.0,497236.0,154917.0,1225.0,805.0\n",
  "15,claim,1656032315,42,someone shared with me that american basketball legend wilt chamberlain never fouled out of a game,not verified,active,937231.0,237318.0,81496.0,1867.0,960.0\n",
  "16,claim,9277685719,10,\"someone shared with me that the city with the largest bus network in the world is jakarta, indonesia\",not verified,active,746186.0,193.0,29.0,2.0,0.0\n",
  "17,claim,9346511024,11,someone shared with me that a dog\u2019s sense of smell is much more powerful than a human's,not verified,active,923007.0,67714.0,17710.0,845.0,536.0\n",
  "18,claim,9533847147,27,\"someone shared with me that a common garden snail has over 12,000 teeth\",not verified,active,467702.0,40435.0,2804.0,495.0,327.0\n",
  "19,claim,2359906270,11,someone shared with me that we only see the same side of the moon,not verified,active,168594.0,105245.0,37929.0,1723.0,694.0\n",
  "20,claim,7146819625,34,someone shared with me that the moon was once part of the earth,not verified,active,249935.0,20437.0,2240.0,212.0,70.0\n",
  "21,claim,3827012052,27,someone shared with me that neptune radiates more heat than it gets from the sun,not verified,active,550259.0,30528.0,6704.0,258.0,88.0\n",
  "22,claim,6940114042,20,someone shared with me that there are more stars in the universe than grains of sand on earth,not verified,active,510989.0,162612.0,26745.0,2507.0,1283.0\n",
  "23,claim,7986031283,52,\"someone shared with me that about once a year, an asteroid the size of a car enters earth\u2019s atmosphere\",not verified,banned,60096.0,34245.0,11345.0,219.0,77.0\n",
  "24,claim,5733649579,54,\"someone shared with me that through the seasons, a reindeer\u2019s eyes will change color\",not verified,active,750942.0,136252.0,27119.0,2637.0,1206.0\n",
  "19085,,4380513697,39,,not verified,active,,,,,\n",
  "19086,,8352130892,60,,not verified,active,,,,,\n",
  "19087,,4443076562,25,,not verified,active,,,,,\n",
].join('');

function profileCsv(csv: string): { names: string[]; stats: ColumnStats[]; rows: number } {
  const t = new CsvTokenizer({ delimiter: ',', file: 'sample.csv' });
  let names: string[] | null = null;
  let profilers: ColumnProfiler[] = [];
  let rows = 0;
  const onRow = (fields: string[]): void => {
    if (!names) {
      names = dedupeHeader(fields.slice());
      profilers = names.map(() => new ColumnProfiler());
      return;
    }
    rows++;
    fields.forEach((v, j) => profilers[j].observe(v));
  };
  t.push(csv, onRow);
  t.end(onRow);
  return { names: names!, stats: profilers.map((p) => p.summary()), rows };
}

function profile(values: string[]): ColumnStats {
  const p = new ColumnProfiler();
  for (const v of values) p.observe(v);
  return p.summary();
}

describe('pandasNumberKind', () => {
  it('reads numbers the way pandas C parser does', () => {
    const INT = 1;
    const FLOAT = 2;
    const cases: [string, number][] = [
      ['1', INT], ['-3', INT], ['+5', INT], ['  7 ', INT], ['7\t', INT], ['007', INT],
      ['18446744073709551615', INT], ['-9223372036854775808', INT],
      ['18446744073709551616', 0], ['-9223372036854775809', 0],
      ['1.0', FLOAT], ['.5', FLOAT], ['5.', FLOAT], ['1e3', FLOAT], ['1E+03', FLOAT], ['-.5e-3', FLOAT],
      [' 7.5 ', FLOAT], ['inf', FLOAT], ['-Infinity', FLOAT], ['+INF', FLOAT],
      [' inf', 0], ['Inf ', 0], ['1e', 0], ['.', 0], ['+', 0], ['1d3', 0], ['0x10', 0], ['1_000', 0],
      ['1 2', 0], ['', 0], ['  ', 0], ['abc', 0], ['1,5', 0],
    ];
    for (const [text, kind] of cases) expect(pandasNumberKind(text), JSON.stringify(text)).toBe(kind);
  });
});

describe('inferKind', () => {
  it('infers the seed dataset columns', () => {
    const { names, stats, rows } = profileCsv(SEED_SAMPLE);
    const kinds = Object.fromEntries(names.map((n, j) => [n, inferKind(stats[j], n, rows)]));
    expect(kinds).toEqual({
      '#': 'identifier',
      claim_status: 'categorical',
      video_id: 'identifier',
      video_duration_sec: 'integer',
      video_transcription_text: 'text',
      verified_status: 'categorical',
      author_ban_status: 'categorical',
      video_view_count: 'float',
      video_like_count: 'float',
      video_share_count: 'float',
      video_download_count: 'float',
      video_comment_count: 'float',
    });
    expect(stats[1]).toMatchObject({ count: 24, missing: 3, distinct: 1 });
  });

  it('separates integers, floats and booleans like pandas', () => {
    expect(inferKind(profile(['1', '2', '', '3']), 'n', 4)).toBe('integer');
    expect(inferKind(profile(['1', '2.0']), 'n', 2)).toBe('float');
    expect(inferKind(profile(['1', 'inf']), 'n', 2)).toBe('float');
    expect(inferKind(profile(['True', 'false', 'NA']), 'b', 3)).toBe('boolean');
    expect(inferKind(profile(['True', '1']), 'b', 2)).toBe('categorical');
    expect(inferKind(profile(['', 'NA', 'null']), 'x', 3)).toBe('text');
  });

  it('calls unique integers identifiers only when named like keys', () => {
    const unique = profile(['10', '11', '12']);
    for (const name of ['#', 'id', 'ID', 'index', 'key', 'user_id', 'userId', 'userID']) {
      expect(inferKind(unique, name, 3), name).toBe('identifier');
    }
    for (const name of ['count', 'width', 'paid', 'idea']) expect(inferKind(unique, name, 3), name).toBe('integer');
    expect(inferKind(profile(['10', '10', '12']), 'id', 3)).toBe('integer');
    expect(inferKind(profile(['10', '', '12']), 'id', 3)).toBe('integer');
  });

  it('calls unique single-token strings identifiers in tables of more than 20 rows', () => {
    const codes = Array.from({ length: 21 }, (_, i) => `AB-${1000 + i}`);
    expect(inferKind(profile(codes), 'code', 21)).toBe('identifier');
    expect(inferKind(profile(codes.slice(0, 20)), 'code', 20)).toBe('categorical');
    expect(inferKind(profile([...codes.slice(0, 20), '']), 'code', 21)).toBe('categorical');
  });

  it('tells free text from labels', () => {
    const long = Array.from({ length: 5 }, () => 'a long value without any space at all ok');
    expect(inferKind(profile(long), 'x', 5)).toBe('text');
    expect(inferKind(profile(['red car', 'blue bus', 'green van']), 'x', 3)).toBe('text');
    expect(inferKind(profile(['new york', 'new york', 'new york', 'paris']), 'city', 4)).toBe('categorical');
  });

  it('asks for an exact distinct count only when the cap was hit and a rule needs it', () => {
    const p = new ColumnProfiler();
    for (let i = 0; i <= DISTINCT_CAP; i++) p.observe(`v${i}`);
    const stats = p.summary();
    expect(stats.distinct).toBeNull();
    expect(needsExactDistinct(stats)).toBe(true);
    expect(inferKind(stats, 'code', DISTINCT_CAP + 1, DISTINCT_CAP + 1)).toBe('identifier');
    expect(inferKind(stats, 'code', DISTINCT_CAP + 1, 10)).toBe('categorical');
    // Floats never consult distinct values.
    const f = new ColumnProfiler();
    for (let i = 0; i <= DISTINCT_CAP; i++) f.observe(`${i}.5`);
    expect(needsExactDistinct(f.summary())).toBe(false);
    // Unique integers not named like a key never consult them either, when the name is given.
    const n = new ColumnProfiler();
    for (let i = 0; i <= DISTINCT_CAP; i++) n.observe(String(i));
    expect(needsExactDistinct(n.summary(), 'amount', DISTINCT_CAP + 1)).toBe(false);
    expect(needsExactDistinct(n.summary(), 'row_id', DISTINCT_CAP + 1)).toBe(true);
    expect(needsExactDistinct(profile(['a', 'b']))).toBe(false);
  });
});

describe('ColumnProfiler fast paths', () => {
  it('counts distinct raw values exactly across number shapes', () => {
    const p = new ColumnProfiler();
    for (const v of ['7', '7.0', '07', '7', '7.0', '0', '0.0', '-0', '-0.0', '-7', '-7.0', ' 7', 'x', 'x', '123456789012345678']) p.observe(v);
    const s = p.summary();
    expect(s.distinct).toBe(12);
    expect(s.count).toBe(15);
    expect(s.numeric).toBe(13);
    expect(s.integer).toBe(8);
    expect(s.hasWhitespace).toBe(true);
  });

  it('returns the parsed value of plain numbers', () => {
    const p = new ColumnProfiler();
    expect(p.observePresent('42')).toBe(42);
    expect(p.lastCanonical).toBe(true);
    expect(p.observePresent('7108.0')).toBe(7108);
    expect(p.lastCanonical).toBe(false);
    expect(p.observePresent('1e3')).toBeNaN();
  });

  it('knows strictly increasing numbers are all distinct', () => {
    const a = new ColumnProfiler();
    for (const v of ['1', '2', '', '10.5', '11']) a.observe(v);
    expect(a.allDistinct()).toBe(true);
    const b = new ColumnProfiler();
    for (const v of ['1', '3', '2']) b.observe(v);
    expect(b.allDistinct()).toBe(false);
  });
});

describe('exact distinct integers past the cap', () => {
  const N = DISTINCT_CAP + 5000;

  it('counts them exactly, within the shared budget, for integer columns named like a key', () => {
    const budget = new DistinctBudget();
    const id = new ColumnProfiler({ name: 'video_id', budget });
    const amount = new ColumnProfiler({ name: 'amount', budget });
    // Not increasing, with one repeat every 1000 values.
    for (let i = 0; i < N; i++) {
      const v = String(((i * 7919) % N) + 1_000_000_000);
      id.observe(i % 1000 === 999 ? '1000000000' : v);
      amount.observe(v);
    }
    const s = id.summary();
    // 7919 is prime to N, so the values are a permutation; each repeat replaces one of them.
    expect(s.distinct).toBe(N - Math.floor(N / 1000));
    expect(id.allDistinct()).toBe(false);
    expect(needsExactDistinct(s, 'video_id', N)).toBe(false);
    expect(inferKind(s, 'video_id', N)).toBe('integer');
    // Other names stop at the cap, as before.
    expect(amount.summary().distinct).toBeNull();
    expect(budget.remaining).toBe(4_000_000 - (s.distinct! - DISTINCT_CAP));
  });

  it('gives up, and returns its share of the budget, once a missing or non-integer value shows the count is not needed', () => {
    for (const late of ['', '7.0', 'x', ' 8']) {
      const budget = new DistinctBudget();
      const p = new ColumnProfiler({ name: 'id', budget });
      for (let i = 0; i < N; i++) p.observe(String(N - i));
      expect(p.summary().distinct).toBe(N);
      expect(budget.remaining).toBeLessThan(4_000_000);
      p.observe(late);
      expect(p.summary().distinct).toBeNull();
      expect(budget.remaining).toBe(4_000_000);
    }
  });

  it('falls back to an exact count in SQLite when the budget runs out', () => {
    const budget = new DistinctBudget(100);
    const a = new ColumnProfiler({ name: 'a_id', budget });
    for (let i = 0; i < DISTINCT_CAP + 100; i++) a.observe(String(i * 3));
    expect(a.summary().distinct).toBe(DISTINCT_CAP + 100);
    a.observe('1');
    const s = a.summary();
    expect(s.distinct).toBeNull();
    expect(needsExactDistinct(s, 'a_id', s.count)).toBe(true);
    expect(budget.remaining).toBe(100);
  });

  it('without a budget keeps the old cap', () => {
    const p = new ColumnProfiler({ name: 'id' });
    for (let i = 0; i <= DISTINCT_CAP; i++) p.observe(String(i * 2));
    expect(p.summary().distinct).toBeNull();
  });
});
