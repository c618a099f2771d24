/**
 * Deterministic generator of a synthetic TikTok "claims vs opinions" dataset.
 *
 * The output has the schema, value formats and broad statistics of the
 * `tiktok_dataset.csv` used by the seed notebooks (Course 5 / Course 6), but
 * every row is synthesized here: the transcriptions come from the template
 * fragments and word lists below, the numbers from a seeded PRNG. No real row
 * or sentence is bundled.
 *
 * Shapes mirrored from the real data:
 * - rows are ordered in blocks, like the original file: claims first, then
 *   opinions, then the rows with a missing `claim_status` (those rows also miss
 *   the transcription and the five engagement counts, but keep `#`, `video_id`,
 *   duration, verified and ban status);
 * - views are uniform within a class (claims up to a million, opinions up to
 *   ten thousand); likes are a uniform fraction of views, shares and downloads
 *   uniform fractions of likes, comments a uniform fraction of downloads. This
 *   chain gives the right-skewed counts and the view/like correlation (~0.8)
 *   of the real data;
 * - verified authors are rarer (~6 %) and post mostly opinions; banned and
 *   under-review authors post mostly claims;
 * - transcriptions are lower case, claims a little longer than opinions, and
 *   keep the source's double space after "read"/"learned" (a cleaning quirk
 *   analysts meet in the real file).
 *
 * CLI: npx tsx scripts/generate-sample.ts [--rows N] [--seed S] [--out FILE]
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// ---------------------------------------------------------------------------
// Constants of the real dataset that the sample is scaled from.

/** Row count of the real dataset; the default sample size. */
export const DEFAULT_ROWS = 19_382;
/** Default seed: same arguments give a byte-identical file. */
export const DEFAULT_SEED = 20_240_517;
export const DEFAULT_OUT = 'resources/sample/tiktok_claims_sample.csv';

const REAL_ROWS = 19_382;
const REAL_MISSING = 298;
const REAL_CLAIMS = 9_608;
const REAL_OPINIONS = 9_476;

export const COLUMNS = [
  '#',
  'claim_status',
  'video_id',
  'video_duration_sec',
  'video_transcription_text',
  'verified_status',
  'author_ban_status',
  'video_view_count',
  'video_like_count',
  'video_share_count',
  'video_download_count',
  'video_comment_count',
] as const;

export type ClaimStatus = 'claim' | 'opinion';
export type VerifiedStatus = 'verified' | 'not verified';
export type BanStatus = 'active' | 'under review' | 'banned';

export interface Engagement {
  views: number;
  likes: number;
  shares: number;
  downloads: number;
  comments: number;
}

export interface SampleRow {
  index: number;
  /** null for the rows whose label is missing. */
  claimStatus: ClaimStatus | null;
  videoId: number;
  durationSec: number;
  /** null exactly when claimStatus is null. */
  transcription: string | null;
  verifiedStatus: VerifiedStatus;
  banStatus: BanStatus;
  /** null exactly when claimStatus is null. */
  engagement: Engagement | null;
}

export interface ClassCounts {
  claims: number;
  opinions: number;
  missing: number;
}

/** Block sizes for n rows, in the real data's proportions. */
export function classCounts(rows: number): ClassCounts {
  const missing = Math.round((REAL_MISSING / REAL_ROWS) * rows);
  const labelled = rows - missing;
  const claims = Math.round((REAL_CLAIMS / (REAL_CLAIMS + REAL_OPINIONS)) * labelled);
  return { claims, opinions: labelled - claims, missing };
}

// ---------------------------------------------------------------------------
// PRNG: sfc32 seeded through splitmix32 (fast, 128-bit state, good quality).

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const split = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = split();
    this.b = split();
    this.c = split();
    this.d = split();
    for (let i = 0; i < 12; i++) this.nextU32();
  }

  nextU32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1) with 53 bits. */
  next(): number {
    const hi = this.nextU32() >>> 5;
    const lo = this.nextU32() >>> 6;
    return (hi * 67_108_864 + lo) / 9_007_199_254_740_992;
  }

  /** Uniform integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}

/** A 32-bit seed from a CLI argument: integers as is, other text hashed. */
export function parseSeed(text: string): number {
  if (/^-?\d+$/.test(text)) return Number(BigInt.asUintN(32, BigInt(text)));
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

// ---------------------------------------------------------------------------
// Distinct 10-digit video ids in constant memory: a keyed Feistel permutation
// of [0, 2^34) restricted to [0, ID_SPAN) by cycle walking. Row i gets
// ID_MIN + perm(i), so ids look random and never repeat.

const ID_MIN = 1_200_000_000;
const ID_SPAN = 8_800_000_000; // ids in [1.2e9, 1e10)
const HALF = 131_072; // 2^17

function feistelKeys(seed: number): number[] {
  const rng = new Rng(seed ^ 0x5bd1e995);
  return [rng.nextU32(), rng.nextU32(), rng.nextU32(), rng.nextU32()];
}

function feistelRound(x: number, key: number): number {
  let h = Math.imul(x ^ key, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca77);
  h ^= h >>> 13;
  return (h >>> 0) & (HALF - 1);
}

export function videoIdFor(index: number, keys: readonly number[]): number {
  let x = index;
  do {
    let left = Math.floor(x / HALF);
    let right = x % HALF;
    for (const key of keys) {
      const next = left ^ feistelRound(right, key);
      left = right;
      right = next;
    }
    x = left * HALF + right;
  } while (x >= ID_SPAN);
  return ID_MIN + x;
}

// ---------------------------------------------------------------------------
// Categorical attributes, conditioned as in the real data.

const VERIFIED_P: Record<ClaimStatus | 'missing', number> = {
  claim: 0.0218,
  opinion: 0.1046,
  missing: 0.134,
};

/** P(banned), P(under review) by class and verified status. */
const BAN_P: Record<ClaimStatus | 'missing', Record<VerifiedStatus, [number, number]>> = {
  claim: { 'not verified': [0.151, 0.168], verified: [0.105, 0.134] },
  opinion: { 'not verified': [0.0204, 0.0488], verified: [0.0232, 0.0494] },
  missing: { 'not verified': [0.013, 0.047], verified: [0.013, 0.047] },
};

function banStatus(rng: Rng, cls: ClaimStatus | 'missing', verified: VerifiedStatus): BanStatus {
  const [banned, review] = BAN_P[cls][verified];
  const u = rng.next();
  if (u < banned) return 'banned';
  if (u < banned + review) return 'under review';
  return 'active';
}

/**
 * Engagement chain. Claims: views ~ U(1000, 999999), likes = views * U(0, 2/3);
 * opinions: views ~ U(20, 9999), likes = views * U(0, 4/9). Both: shares =
 * likes * U(0, 0.4), downloads = likes * U(0, 0.025), comments = downloads *
 * U(0, 2/3) for claims and U(0, 0.4) for opinions.
 */
function engagement(rng: Rng, cls: ClaimStatus): Engagement {
  const claim = cls === 'claim';
  const views = claim ? rng.int(1_000, 999_999) : rng.int(20, 9_999);
  const likes = Math.round(views * rng.next() * (claim ? 2 / 3 : 4 / 9));
  const shares = Math.round(likes * rng.next() * 0.4);
  const downloads = Math.round(likes * rng.next() * 0.025);
  const comments = Math.round(downloads * rng.next() * (claim ? 2 / 3 : 0.4));
  return { views, likes, shares, downloads, comments };
}

// ---------------------------------------------------------------------------
// Transcriptions: an opener in the seed's styles followed by an invented fact.

type Gen = (r: Rng) => string;

interface Weighted {
  weight: number;
  gen: Gen;
}

function weightedPicker(options: readonly Weighted[]): Gen {
  const total = options.reduce((s, o) => s + o.weight, 0);
  return (r) => {
    let u = r.next() * total;
    for (const o of options) {
      u -= o.weight;
      if (u < 0) return o.gen(r);
    }
    return options[options.length - 1].gen(r);
  };
}

const CLAIM_WHO = ['i', 'a friend', 'a colleague', 'someone', 'my cousin', 'a neighbor', 'my colleagues', 'my friends', 'my sister', 'a classmate'];
const CLAIM_SOURCES = [
  'in the media', 'on a news site', 'from the news', 'on social media', 'on an internet forum',
  'in a discussion board', 'on the radio', 'in a podcast', 'on a blog', 'in a newsletter',
  'in a magazine', 'from a documentary', 'in a group chat', 'on a video channel', 'from the media',
  'in an online article', 'on a trivia website', 'in a science column', 'on a late night show',
];
const CLAIM_REPORTERS = ['a friend', 'a colleague', 'i', 'the news', 'my uncle', 'a coworker', 'the radio host'];
const CLAIM_SAY = ['told me', 'reported', 'claimed', 'mentioned', 'said', 'insisted', 'told them'];
const CLAIM_AUTHORITY = ['someone', 'an expert', 'the media', 'a scientist', 'a researcher', 'a reporter', 'a study'];
const CLAIM_REVEAL = ['discovered', 'revealed', 'found', 'showed', 'proved'];
const CLAIM_FIND = ['located', 'encountered', 'came across', 'found', 'stumbled on'];
const CLAIM_DOC = ['a report', 'an article', 'a study', 'a story', 'a post', 'a thread', 'a paper', 'a video'];
const CLAIM_STATING = ['claiming', 'mentioning', 'stating', 'suggesting', 'saying'];
const CLAIM_SHARED = [
  'someone shared with me that', 'a friend shared with a friend that', 'a colleague shared with me that',
  'i was told by a stranger that', 'someone posted that', 'a friend texted me that', 'word got around that',
  'a relative swears that', 'my group chat is saying that',
];

/** "read" and "learned" keep the source's double space before the place. */
function heardVerb(r: Rng): string {
  const verb = r.pick(['read', 'learned', 'discovered', 'heard', 'saw']);
  return verb === 'read' || verb === 'learned' ? `${verb} ` : verb;
}

const claimOpener = weightedPicker([
  {
    weight: 70,
    gen: (r) => {
      const tail = r.chance(0.15) ? ' a claim that' : ' that';
      return `${r.pick(CLAIM_WHO)} ${heardVerb(r)} ${r.pick(CLAIM_SOURCES)}${tail}`;
    },
  },
  {
    weight: 16,
    gen: (r) => `${r.pick(CLAIM_REPORTERS)} ${r.pick(CLAIM_SAY)} ${r.pick(CLAIM_AUTHORITY)} ${r.pick(CLAIM_REVEAL)} that`,
  },
  {
    weight: 9,
    gen: (r) => `${r.pick(CLAIM_WHO)} ${r.pick(CLAIM_FIND)} ${r.pick(CLAIM_DOC)} ${r.pick(CLAIM_STATING)} that`,
  },
  { weight: 5, gen: (r) => r.pick(CLAIM_SHARED) },
]);

const OPINION_OWNERS = ['my', 'our', "my friends'", "my family's", "my colleagues'", "my parents'", "my team's", "my roommate's"];
const OPINION_NOUNS = [
  'view', 'opinion', 'belief', 'impression', 'understanding', 'position', 'feeling', 'sentiment',
  'point of view', 'thinking', 'hypothesis', 'reasoning', 'guess', 'take', 'hunch', 'sense',
];
/** Subjects with their verb forms: [subject, third person singular?, "be" form]. */
const OPINION_SUBJECTS: ReadonlyArray<[string, boolean, string]> = [
  ['i', false, 'am'],
  ['we', false, 'are'],
  ['my friends', false, 'are'],
  ['my family', true, 'is'],
  ['my colleagues', false, 'are'],
  ['my parents', false, 'are'],
  ['my brother', true, 'is'],
  ['my team', true, 'is'],
];
const OPINION_VERBS = ['think', 'believe', 'feel', 'understand', 'say', 'suspect', 'reckon', 'guess', 'assume'];
const OPINION_STANCES = [
  'convinced  that', 'willing to wager that', 'willing to say that', 'of the opinion that',
  'fairly sure that', 'inclined to think that', 'pretty certain that', 'under the impression that',
];
const OPINION_SHORT = [
  'i think that', 'i believe that', 'i can say that', 'it seems to me that', 'i am of the opinion that',
  'in my opinion', 'i would argue that', 'i have a feeling that', 'honestly i think', 'to me it seems that',
];

function thirdPerson(verb: string): string {
  return verb === 'say' ? 'says' : `${verb}s`;
}

const opinionOpener = weightedPicker([
  { weight: 42, gen: (r) => `${r.pick(OPINION_OWNERS)} ${r.pick(OPINION_NOUNS)} is that` },
  {
    weight: 28,
    gen: (r) => {
      const [subject, third] = r.pick(OPINION_SUBJECTS);
      const verb = r.pick(OPINION_VERBS);
      return `${subject} ${third ? thirdPerson(verb) : verb} that`;
    },
  },
  {
    weight: 18,
    gen: (r) => {
      const [subject, , be] = r.pick(OPINION_SUBJECTS);
      return `${subject} ${be} ${r.pick(OPINION_STANCES)}`;
    },
  },
  { weight: 12, gen: (r) => r.pick(OPINION_SHORT) },
]);

// --- word lists for the invented facts --------------------------------------

const ANIMALS = [
  'octopus', 'giraffe', 'hummingbird', 'sea otter', 'snow leopard', 'axolotl', 'capybara', 'pangolin',
  'koala', 'red panda', 'blue whale', 'tree frog', 'barn owl', 'honeybee', 'mantis shrimp', 'platypus',
  'narwhal', 'chameleon', 'albatross', 'wombat', 'jellyfish', 'seahorse', 'camel', 'fruit bat', 'crow',
  'goldfish', 'tortoise', 'leafcutter ant', 'starfish', 'emperor penguin', 'beaver', 'elephant', 'cheetah',
  'kangaroo', 'gecko', 'bottlenose dolphin', 'giant squid', 'moth', 'lobster', 'hedgehog', 'sloth',
  'zebra', 'yak', 'puffin', 'lynx', 'salamander', 'tarantula', 'meerkat', 'arctic fox', 'walrus',
  'porcupine', 'raccoon', 'manatee', 'komodo dragon', 'dragonfly', 'bumblebee', 'hermit crab', 'ostrich',
];
const ANIMAL_ABILITIES = [
  'hold its breath', 'go without drinking water', 'sleep standing up', 'glide between trees',
  'stay completely still', 'swim without resting', 'survive without food', 'remember a face',
  'hover in one place', 'walk backwards', 'hide its scent', 'change its color',
];
const TIME_UNITS = ['minutes', 'hours', 'days', 'weeks', 'months'];
const BODY_PARTS = ['teeth', 'taste buds', 'eyes', 'stomach chambers', 'hearts', 'toes', 'whiskers', 'vertebrae', 'feathers', 'spines'];
const ANIMAL_SKILLS = [
  'recognize their own reflection', 'tell human voices apart', 'count up to five', 'sense earthquakes before they happen',
  'see ultraviolet light', 'hear sounds too low for humans', 'navigate using the stars', 'use simple tools',
  'remember where they hid food months later', 'recognize individual human faces', 'dream while they sleep',
  'detect the magnetic field of the earth', 'feel vibrations through their feet', 'taste with their feet',
];
const ANIMAL_DIETS = ['fresh leaves', 'small fish', 'insects', 'ripe fruit', 'seaweed', 'nectar', 'roots', 'plankton'];
const COLLECTIVES = ['parliament', 'glimmer', 'rumble', 'drift', 'cascade', 'huddle', 'chorus', 'caravan', 'bloom', 'mischief', 'council', 'tangle'];
const BIG_THINGS = ['a small car', 'a grizzly bear', 'a modern horse', 'a city bus', 'a school desk', 'a refrigerator', 'a rowing boat'];

const PLANETS = ['mercury', 'venus', 'mars', 'jupiter', 'saturn', 'uranus', 'neptune', 'pluto'];
const MOONS = ['titan', 'europa', 'io', 'ganymede', 'callisto', 'enceladus', 'triton', 'phobos', 'miranda', 'charon'];
const SPACE_FEATURES = ['ice volcanoes', 'mountains', 'canyons', 'geysers', 'craters', 'cliffs', 'dunes'];
const SPACE_OBJECTS = ['comet', 'asteroid', 'exoplanet', 'dwarf planet', 'neutron star', 'brown dwarf', 'gas giant'];
const COSMIC = ['stars', 'galaxies', 'planets', 'black holes'];
const EARTH_COUNTABLE = ['grains of sand', 'drops of water in the oceans', 'trees', 'words ever spoken', 'leaves in the amazon', 'ants'];
const SPACE_STATIONS = ['space station', 'moon base', 'orbiting laboratory'];
const SMALL_OBJECTS = ['beach ball', 'washing machine', 'suitcase', 'microwave oven', 'basketball', 'shoebox'];

const CITIES = [
  'lisbon', 'kyoto', 'oslo', 'cairo', 'lima', 'krakow', 'glasgow', 'marrakech', 'hanoi', 'quebec', 'bergen',
  'valparaiso', 'seville', 'tbilisi', 'porto', 'adelaide', 'nairobi', 'montreal', 'bruges', 'cusco', 'ghent',
  'lyon', 'dublin', 'salzburg', 'zanzibar', 'reykjavik', 'helsinki', 'wellington', 'cordoba',
];
const COUNTRIES = [
  'canada', 'brazil', 'norway', 'japan', 'kenya', 'peru', 'iceland', 'portugal', 'chile', 'finland',
  'new zealand', 'morocco', 'vietnam', 'mongolia', 'ireland', 'argentina', 'india', 'egypt', 'mexico',
  'switzerland', 'greece', 'indonesia', 'ghana', 'scotland', 'south korea', 'turkey', 'austria', 'nepal',
];
const FACILITIES = ['public library', 'zoo', 'subway line', 'museum', 'swimming pool', 'street lamp', 'bakery', 'post office', 'botanical garden', 'cinema', 'traffic light', 'vending machine'];
const BANNED_THINGS = ['whistling after dark', 'bicycles', 'chewing gum', 'wearing red hats', 'playing cards on sundays', 'kite flying', 'singing in the street', 'ice cream on sundays'];
const CIVILIZATIONS = ['romans', 'egyptians', 'vikings', 'mayans', 'greeks', 'babylonians', 'phoenicians', 'incas', 'persians', 'aztecs'];
const MATERIALS = ['crushed shells', 'honey', 'charcoal', 'salt', 'volcanic ash', 'olive oil', 'tree resin', 'goat milk', 'beeswax', 'clay'];
const USES = ['toothpaste', 'currency', 'medicine', 'glue', 'cement', 'sunscreen', 'hair dye', 'ink', 'soap', 'perfume'];
const ARTIFACTS = ['board game', 'musical instrument', 'recipe', 'leather shoe', 'map', 'wooden boat', 'written joke', 'pair of dice', 'calendar', 'toy'];
const PROFESSIONS = ['bakers', 'soldiers', 'scribes', 'builders', 'sailors', 'teachers', 'messengers', 'miners'];
const PAYMENTS = ['salt', 'beer', 'cheese', 'spices', 'bread', 'candles', 'wool', 'fish'];
const STRUCTURES = ['old cathedral', 'city wall', 'main bridge', 'clock tower', 'royal palace', 'harbor lighthouse'];
const CENTURIES = ['12th', '13th', '14th', '15th', '16th', '17th', '18th'];
const COMMODITIES = ['cinnamon', 'black pepper', 'nutmeg', 'salt', 'saffron', 'tulip bulbs', 'pineapples', 'sugar'];
const REGIONS = ['europe', 'northern africa', 'the middle east', 'southern asia', 'the mediterranean'];

const FOODS = [
  'ketchup', 'peanut butter', 'chocolate', 'carrots', 'popcorn', 'yogurt', 'honey', 'cornflakes', 'pretzels',
  'potato chips', 'cola', 'marshmallows', 'tofu', 'pasta', 'cheese', 'rice', 'lemonade', 'waffles', 'bagels',
];
const FOOD_FIRST_USES = ['medicine', 'cough remedy', 'hair tonic', 'health food', 'sleeping aid', 'cleaning product', 'soldier ration', 'digestive aid'];
const CROPS = ['vanilla', 'avocados', 'cocoa beans', 'coffee', 'quinoa', 'cashews', 'saffron', 'olives', 'almonds', 'maple syrup', 'pineapples', 'bananas'];
const FRUITS = ['strawberries', 'bananas', 'tomatoes', 'cucumbers', 'pumpkins', 'avocados', 'peppers', 'figs', 'pineapples', 'raspberries'];
const CATEGORIES = ['berries', 'vegetables', 'flowers', 'seeds', 'herbs', 'grasses'];
const DISHES = ['pizza', 'burrito', 'omelette', 'cheesecake', 'sandwich', 'bowl of noodles', 'pancake', 'chocolate bar', 'cupcake tower', 'pot of soup'];
const FOOD_ITEMS = ['apple', 'chocolate bar', 'cup of coffee', 'hamburger', 'loaf of bread', 'avocado', 'glass of milk', 'egg'];
const LANGUAGES = ['latin', 'greek', 'arabic', 'dutch', 'old norse', 'persian', 'nahuatl', 'malay', 'french'];
const MEANINGS = ['little cushion', 'sweet mud', 'morning bread', 'happy stone', 'twisted rope', 'sun water', 'small cloud', 'golden root'];

const DEVICES = ['computer', 'mobile phone', 'digital camera', 'hard drive', 'television', 'laptop', 'video game console', 'electric car'];
const PEOPLE = ['teenagers', 'adults', 'office workers', 'students', 'retirees', 'parents', 'shoppers', 'commuters'];
const PHONE_ACTIVITIES = ['pay for groceries', 'read the news', 'book their holidays', 'watch television', 'order dinner', 'do their banking', 'listen to the radio'];
const OLD_MACHINES = ['the computers that landed the first astronauts on the moon', 'a room sized computer from the 1960s', 'every computer of the 1970s combined', 'the first space shuttle'];
const MESSAGES = ['emails', 'text messages', 'photos', 'search queries', 'videos', 'online payments'];
const INVENTIONS = ['the microwave oven', 'sticky notes', 'the potato chip', 'velcro', 'super glue', 'the pacemaker', 'safety glass', 'the slinky', 'artificial sweetener'];
const INVENT_ACTIVITIES = ['testing radar equipment', 'trying to make a stronger glue', 'cooking for a picky customer', 'walking a dog', 'cleaning a laboratory', 'repairing a ship'];

const SPORTS = ['tennis', 'table tennis', 'chess', 'cricket', 'badminton', 'water polo', 'curling', 'rugby', 'baseball', 'volleyball', 'squash', 'handball'];
const OLD_SPORTS = ['tug of war', 'live pigeon shooting', 'solo synchronized swimming', 'rope climbing', 'club swinging', 'hot air ballooning', 'motorboating'];
const BALL_SPORTS = ['soccer', 'basketball', 'rugby', 'hockey', 'handball', 'lacrosse'];
const BALL_MATERIALS = ['pig bladders', 'leather stuffed with feathers', 'wound rubber', 'carved wood', 'tightly rolled cloth'];
const THROWS = ['tennis serve', 'baseball pitch', 'cricket bowl', 'badminton smash', 'hockey slap shot', 'volleyball spike'];

const COUNTRY_THINGS = ['lakes', 'islands', 'volcanoes', 'castles', 'lighthouses', 'public holidays', 'time zones', 'vending machines', 'official languages', 'hot springs'];
const OUTNUMBERING = ['sheep', 'bicycles', 'cows', 'reindeer', 'saunas', 'mobile phones', 'chickens'];
const LAND_COVER = ['forest', 'desert', 'ice', 'farmland', 'water', 'mountains'];
const LAKE_QUIRKS = ['turns pink every summer', 'is saltier than the ocean', 'is warm all year round', 'disappears every autumn', 'glows blue at night', 'sits inside a volcano'];
const DEEP_THINGS = ['cave', 'mine', 'subway station', 'well', 'canyon', 'lake'];

const ORGANS = ['heart', 'liver', 'brain', 'stomach', 'lungs', 'kidneys'];
const BODY_ACTIONS: ReadonlyArray<[string, string]> = [
  ['blink', 'times a day'], ['yawn', 'times a week'], ['swallow', 'times a day'], ['laugh', 'times a day'],
  ['sneeze', 'times a year'], ['breathe', 'times a day'], ['dream', 'times a night'],
];
const SUBSTANCES = ['iron', 'carbon', 'phosphorus', 'fat', 'water', 'salt'];
const OBJECTS = ['nails', 'pencils', 'bars of soap', 'matchsticks', 'candles', 'buckets'];
const GROWING_PARTS = ['fingernails', 'hair', 'toenails', 'eyebrows'];

const WORDS_QUOTED = ['robot', 'shampoo', 'jungle', 'ketchup', 'avocado', 'alarm', 'tycoon', 'safari', 'pajamas', 'yogurt', 'typhoon', 'sofa'];

// --- number helpers -----------------------------------------------------------

/** Integer, now and then with thousands separators as the source writes "12,000". */
function grouped(r: Rng, n: number): string {
  return n >= 1000 && r.chance(0.3) ? n.toLocaleString('en-US') : String(n);
}

function roundish(r: Rng, lo: number, hi: number): number {
  const n = r.int(lo, hi);
  if (n >= 1000) return Math.round(n / 100) * 100;
  if (n >= 100) return Math.round(n / 10) * 10;
  return n;
}

function plural(animal: string): string {
  if (/(fish|shrimp|squid)$/.test(animal)) return animal;
  if (/(us|x|ch|sh|ss)$/.test(animal)) return `${animal}es`;
  return `${animal}s`;
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

function year(r: Rng, lo = 1650, hi = 1995): number {
  return r.int(lo, hi);
}

function pct(r: Rng): number {
  return r.int(12, 97);
}

/** An optional ending, for templates where it reads naturally. */
function tail(r: Rng, p: number, endings: readonly string[]): string {
  return r.chance(p) ? ` ${r.pick(endings)}` : '';
}

const facts: readonly Weighted[] = [
  // animals
  { weight: 3, gen: (r) => `${article(r.pick(ANIMALS))} can ${r.pick(ANIMAL_ABILITIES)} for up to ${r.int(2, 90)} ${r.pick(TIME_UNITS)}` },
  { weight: 2, gen: (r) => `the average ${r.pick(ANIMALS)} has more than ${grouped(r, roundish(r, 20, 25_000))} ${r.pick(BODY_PARTS)}` },
  { weight: 3, gen: (r) => `${plural(r.pick(ANIMALS))} can ${r.pick(ANIMAL_SKILLS)}${tail(r, 0.25, ['even when they are very young', 'better than most dogs', 'according to researchers in ' + r.pick(COUNTRIES)])}` },
  { weight: 2, gen: (r) => `a group of ${plural(r.pick(ANIMALS))} is called a ${r.pick(COLLECTIVES)}` },
  { weight: 2, gen: (r) => `the ancestors of modern ${plural(r.pick(ANIMALS))} were as large as ${r.pick(BIG_THINGS)}` },
  { weight: 2, gen: (r) => `${article(r.pick(ANIMALS))} may travel ${grouped(r, roundish(r, 5, 4_000))} kilometers in a single season looking for ${r.pick(ANIMAL_DIETS)}` },
  { weight: 1, gen: (r) => `${plural(r.pick(ANIMALS))} sleep for about ${r.int(2, 22)} hours a day${tail(r, 0.4, ['in the wild', 'in captivity', 'during the winter months'])}` },
  { weight: 1, gen: (r) => `${article(r.pick(ANIMALS))}’s ${r.pick(['heart', 'tongue', 'brain', 'eye'])} is bigger than its ${r.pick(['stomach', 'head', 'lungs', 'brain'])}` },
  // space
  { weight: 2, gen: (r) => `a single ${r.pick(['day', 'year', 'season', 'sunrise'])} on ${r.pick(PLANETS)} lasts about ${grouped(r, r.int(3, 30_000))} earth ${r.pick(['hours', 'days'])}` },
  { weight: 2, gen: (r) => `${r.pick(MOONS)} has ${r.pick(SPACE_FEATURES)} that are ${r.int(2, 9)} times taller than mount everest` },
  { weight: 1, gen: (r) => `astronomers found ${article(r.pick(SPACE_OBJECTS))} that circles its star every ${r.int(4, 60)} hours` },
  { weight: 2, gen: (r) => `there are more ${r.pick(COSMIC)} in the observable universe than ${r.pick(EARTH_COUNTABLE)} on earth` },
  { weight: 1, gen: (r) => `a teaspoon of material from ${article(r.pick(SPACE_OBJECTS))} would weigh about ${grouped(r, roundish(r, 2, 900))} million tons` },
  { weight: 1, gen: (r) => `the first satellite sent into orbit from ${r.pick(COUNTRIES)} was about the size of a ${r.pick(SMALL_OBJECTS)}` },
  { weight: 1, gen: (r) => `astronauts can grow up to ${r.int(2, 6)} centimeters taller after ${r.int(2, 11)} months on the ${r.pick(SPACE_STATIONS)}` },
  { weight: 1, gen: (r) => `the rings of ${r.pick(['saturn', 'uranus', 'neptune', 'jupiter'])} will disappear in about ${r.int(50, 400)} million years` },
  // history
  { weight: 2, gen: (r) => `the first ${r.pick(FACILITIES)} in ${r.pick(CITIES)} opened in ${year(r)}` },
  { weight: 2, gen: (r) => `in ${year(r, 1500, 1950)} the city of ${r.pick(CITIES)} banned ${r.pick(BANNED_THINGS)} for ${r.int(2, 60)} years` },
  { weight: 2, gen: (r) => `the ancient ${r.pick(CIVILIZATIONS)} used ${r.pick(MATERIALS)} as ${r.pick(USES)}` },
  { weight: 2, gen: (r) => `the oldest known ${r.pick(ARTIFACTS)} is more than ${grouped(r, roundish(r, 1_200, 9_800))} years old` },
  { weight: 1, gen: (r) => `${r.pick(PROFESSIONS)} in medieval ${r.pick(COUNTRIES)} were often paid in ${r.pick(PAYMENTS)}` },
  { weight: 1, gen: (r) => `the ${r.pick(STRUCTURES)} of ${r.pick(CITIES)} took ${r.int(12, 320)} years to finish` },
  { weight: 1, gen: (r) => `in the ${r.pick(CENTURIES)} century ${r.pick(COMMODITIES)} was worth more than gold in ${r.pick(REGIONS)}` },
  // food
  { weight: 2, gen: (r) => `${r.pick(FOODS)} was first sold as a ${r.pick(FOOD_FIRST_USES)} in ${year(r, 1780, 1960)}` },
  { weight: 2, gen: (r) => `the average person eats about ${grouped(r, roundish(r, 3, 2_500))} ${r.pick(['pounds of', 'servings of', 'grams of', 'bowls of'])} ${r.pick(FOODS)} every year` },
  { weight: 2, gen: (r) => `${r.pick(COUNTRIES)} grows more than ${pct(r)}% of the world’s ${r.pick(CROPS)}` },
  { weight: 2, gen: (r) => `${r.pick(FRUITS)} are technically ${r.pick(CATEGORIES)}` },
  { weight: 1, gen: (r) => `it takes about ${grouped(r, roundish(r, 10, 16_000))} liters of water to produce one ${r.pick(FOOD_ITEMS)}` },
  { weight: 1, gen: (r) => `the largest ${r.pick(DISHES)} ever made weighed over ${grouped(r, roundish(r, 50, 12_000))} kilograms` },
  { weight: 1, gen: (r) => `${r.pick(FOODS)} can last for ${r.int(3, 40)} years if kept ${r.pick(['frozen', 'sealed', 'in the dark', 'dry'])}` },
  // technology
  { weight: 2, gen: (r) => `the first ${r.pick(DEVICES)} weighed more than ${grouped(r, roundish(r, 5, 27_000))} kilograms` },
  { weight: 2, gen: (r) => `more than ${pct(r)}% of ${r.pick(PEOPLE)} in ${r.pick(COUNTRIES)} now ${r.pick(PHONE_ACTIVITIES)} on their phones${tail(r, 0.3, ['according to a recent survey', 'compared with a decade ago'])}` },
  { weight: 1, gen: (r) => `a modern ${r.pick(DEVICES)} has more computing power than ${r.pick(OLD_MACHINES)}` },
  { weight: 2, gen: (r) => `over ${grouped(r, roundish(r, 2, 900))} million ${r.pick(MESSAGES)} are sent every ${r.pick(['second', 'minute', 'hour'])}` },
  { weight: 1, gen: (r) => `${r.int(3, 9)} out of 10 ${r.pick(PEOPLE)} check their phone within ${r.int(1, 15)} minutes of waking up` },
  { weight: 2, gen: (r) => `${r.pick(INVENTIONS)} was invented by accident by someone ${r.pick(INVENT_ACTIVITIES)}${tail(r, 0.4, ['in the 1940s', 'in the 1950s', 'in the 1960s', 'in the 1970s'])}` },
  { weight: 1, gen: (r) => `self driving ${r.pick(['buses', 'trucks', 'taxis', 'tractors', 'delivery robots'])} will be common in ${r.pick(COUNTRIES)} by ${r.int(2026, 2045)}` },
  // sport
  { weight: 2, gen: (r) => `the longest ${r.pick(SPORTS)} match on record lasted ${r.int(6, 80)} hours` },
  { weight: 1, gen: (r) => `${r.pick(OLD_SPORTS)} was an olympic sport until ${r.pick([1900, 1904, 1908, 1912, 1920, 1924, 1936, 1948])}` },
  { weight: 1, gen: (r) => `a professional ${r.pick(BALL_SPORTS)} player runs about ${r.int(4, 14)} kilometers per game` },
  { weight: 1, gen: (r) => `the first ${r.pick(BALL_SPORTS)} balls were made from ${r.pick(BALL_MATERIALS)}` },
  { weight: 1, gen: (r) => `the fastest ${r.pick(THROWS)} ever recorded reached ${r.int(150, 420)} kilometers per hour` },
  { weight: 1, gen: (r) => `${r.pick(COUNTRIES)} has won the world ${r.pick(SPORTS)} championship ${r.int(2, 19)} times` },
  // geography
  { weight: 2, gen: (r) => `${r.pick(COUNTRIES)} has more ${r.pick(COUNTRY_THINGS)} than any other country` },
  { weight: 1, gen: (r) => `there are more ${r.pick(OUTNUMBERING)} than people in ${r.pick(COUNTRIES)}` },
  { weight: 1, gen: (r) => `there is a lake in ${r.pick(COUNTRIES)} that ${r.pick(LAKE_QUIRKS)}` },
  { weight: 1, gen: (r) => `${pct(r)}% of ${r.pick(COUNTRIES)} is covered by ${r.pick(LAND_COVER)}` },
  { weight: 1, gen: (r) => `the deepest ${r.pick(DEEP_THINGS)} in ${r.pick(COUNTRIES)} goes ${grouped(r, roundish(r, 80, 3_900))} meters below the surface` },
  { weight: 1, gen: (r) => `${r.pick(CITIES)} sits about ${grouped(r, roundish(r, 5, 3_600))} meters above sea level` },
  {
    weight: 1,
    gen: (r) => {
      const a = r.pick(COUNTRIES);
      let b = r.pick(COUNTRIES);
      while (b === a) b = r.pick(COUNTRIES);
      let c = r.pick(COUNTRIES);
      while (c === a || c === b) c = r.pick(COUNTRIES);
      return `${pct(r)}% of households in ${a}, ${b} and ${c} own ${article(r.pick(['bicycle', 'dog', 'piano', 'boat', 'cat', 'garden']))}`;
    },
  },
  // human body
  { weight: 2, gen: (r) => { const [act, per] = r.pick(BODY_ACTIONS); return `people ${act} about ${grouped(r, roundish(r, 3, 25_000))} ${per}${tail(r, 0.3, ['on average', 'without noticing it', 'when they are stressed'])}`; } },
  { weight: 1, gen: (r) => `your ${r.pick(ORGANS)} uses about ${r.int(5, 35)}% of the energy your body burns` },
  { weight: 1, gen: (r) => `the human body contains enough ${r.pick(SUBSTANCES)} to make ${grouped(r, roundish(r, 2, 2_000))} ${r.pick(OBJECTS)}` },
  { weight: 1, gen: (r) => `your ${r.pick(GROWING_PARTS)} grow about ${r.int(2, 15)} millimeters every month` },
  { weight: 1, gen: (r) => `the human nose can tell apart more than ${grouped(r, roundish(r, 1_000, 90_000))} different smells` },
  // short ones
  { weight: 2, gen: (r) => `${plural(r.pick(ANIMALS))} ${r.pick(["can't jump", 'never stop growing', 'have no vocal cords', 'can see behind them', 'are born deaf', 'cannot swim', 'live in pairs'])}` },
  { weight: 2, gen: (r) => `${r.pick(MOONS)} ${r.pick(['has a hidden ocean', 'is shrinking', 'smells like eggs', 'is darker than coal', 'has blue sunsets', 'spins backwards'])}` },
  { weight: 1, gen: (r) => `${r.pick(FOODS)} ${r.pick(['never goes bad', 'glows under uv light', 'is older than the pyramids', 'was once illegal'])}` },
  { weight: 1, gen: (r) => `${r.pick(CITIES)} ${r.pick(['has no traffic lights', 'is sinking every year', 'was built on a lake', 'once had a king for a day'])}` },
  // long ones
  {
    weight: 2,
    gen: (r) =>
      `researchers in ${r.pick(COUNTRIES)} tracked ${grouped(r, roundish(r, 40, 6_000))} ${plural(r.pick(ANIMALS))} for ${r.int(2, 15)} years and found that they ${r.pick(['return to the same place every spring', 'choose the same partner for life', 'avoid areas with loud music', 'prefer to travel at night', 'can find their way home from far away'])}`,
  },
  {
    weight: 1,
    gen: (r) =>
      `the tallest ${r.pick(['sandcastle', 'snowman', 'tower of pancakes', 'stack of books', 'pile of pumpkins'])} ever built in ${r.pick(COUNTRIES)} was over ${r.int(8, 60)} meters high and took ${r.int(2, 40)} days to finish`,
  },
  {
    weight: 1,
    gen: (r) =>
      `a ship that sank near ${r.pick(CITIES)} in ${year(r, 1600, 1900)} was found with ${r.pick(['its cargo of', 'barrels of', 'crates of'])} ${r.pick(COMMODITIES)} still ${r.pick(['perfectly preserved', 'sealed', 'dry', 'edible'])}`,
  },
  // language, with a quoted word now and then
  { weight: 1, gen: (r) => `the word "${r.pick(WORDS_QUOTED)}" comes from an old ${r.pick(LANGUAGES)} word meaning ${r.pick(MEANINGS)}` },
  { weight: 1, gen: (r) => `the word ${r.pick(WORDS_QUOTED)} was added to dictionaries only in ${year(r, 1820, 1990)}` },
];

const factPicker = weightedPicker(facts);

function fact(r: Rng): string {
  return factPicker(r);
}

export function transcription(r: Rng, cls: ClaimStatus): string {
  const opener = cls === 'claim' ? claimOpener(r) : opinionOpener(r);
  const sep = opener === 'in my opinion' ? ', ' : ' ';
  return `${opener}${sep}${fact(r)}`;
}

// ---------------------------------------------------------------------------
// Rows and CSV.

/** Rows 1..n in blocks (claims, opinions, missing), deterministic in seed. */
export function* generateRows(rows: number = DEFAULT_ROWS, seed: number = DEFAULT_SEED): Generator<SampleRow> {
  const counts = classCounts(rows);
  const rng = new Rng(seed);
  const keys = feistelKeys(seed);
  for (let i = 0; i < rows; i++) {
    const cls: ClaimStatus | 'missing' = i < counts.claims ? 'claim' : i < counts.claims + counts.opinions ? 'opinion' : 'missing';
    const verifiedStatus: VerifiedStatus = rng.chance(VERIFIED_P[cls]) ? 'verified' : 'not verified';
    const row: SampleRow = {
      index: i + 1,
      claimStatus: cls === 'missing' ? null : cls,
      videoId: videoIdFor(i, keys),
      durationSec: rng.int(5, 60),
      transcription: cls === 'missing' ? null : transcription(rng, cls),
      verifiedStatus,
      banStatus: banStatus(rng, cls, verifiedStatus),
      engagement: cls === 'missing' ? null : engagement(rng, cls),
    };
    yield row;
  }
}

export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function count(n: number | undefined): string {
  return n === undefined ? '' : `${n}.0`;
}

export const CSV_HEADER = `${COLUMNS.join(',')}\n`;

export function formatRow(row: SampleRow): string {
  const e = row.engagement;
  return [
    String(row.index),
    row.claimStatus ?? '',
    String(row.videoId),
    String(row.durationSec),
    row.transcription === null ? '' : csvField(row.transcription),
    row.verifiedStatus,
    row.banStatus,
    count(e?.views),
    count(e?.likes),
    count(e?.shares),
    count(e?.downloads),
    count(e?.comments),
  ].join(',') + '\n';
}

/** The CSV text in chunks of about chunkBytes characters, header first. */
export function* sampleCsvChunks(rows: number = DEFAULT_ROWS, seed: number = DEFAULT_SEED, chunkChars = 1 << 20): Generator<string> {
  let buf = CSV_HEADER;
  for (const row of generateRows(rows, seed)) {
    buf += formatRow(row);
    if (buf.length >= chunkChars) {
      yield buf;
      buf = '';
    }
  }
  if (buf.length > 0) yield buf;
}

export interface WriteSampleOptions {
  rows?: number;
  seed?: number;
  out?: string;
}

export interface WriteSampleResult {
  path: string;
  rows: number;
  bytes: number;
  counts: ClassCounts;
}

/** Streams the sample CSV to disk in chunks: constant memory for any row count. */
export function writeSample(options: WriteSampleOptions = {}): WriteSampleResult {
  const rows = options.rows ?? DEFAULT_ROWS;
  const seed = options.seed ?? DEFAULT_SEED;
  const path = resolve(options.out ?? DEFAULT_OUT);
  if (!Number.isSafeInteger(rows) || rows < 0) throw new Error(`rows must be a non-negative integer, got ${rows}`);
  if (rows > ID_SPAN) throw new Error(`at most ${ID_SPAN} rows have distinct video ids`);
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'w');
  let bytes = 0;
  try {
    for (const chunk of sampleCsvChunks(rows, seed)) {
      const data = Buffer.from(chunk, 'utf8');
      let off = 0;
      while (off < data.length) off += writeSync(fd, data, off, data.length - off);
      bytes += data.length;
    }
  } finally {
    closeSync(fd);
  }
  return { path, rows, bytes, counts: classCounts(rows) };
}

// ---------------------------------------------------------------------------
// CLI.

const USAGE = 'usage: npx tsx scripts/generate-sample.ts [--rows N] [--seed S] [--out FILE]';

export function parseArgs(argv: readonly string[]): Required<WriteSampleOptions> {
  const opts: Required<WriteSampleOptions> = { rows: DEFAULT_ROWS, seed: DEFAULT_SEED, out: DEFAULT_OUT };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    switch (flag) {
      case '--rows': {
        const v = value().replace(/_/g, '');
        if (!/^\d+$/.test(v)) throw new Error(`--rows must be a non-negative integer, got ${v}`);
        opts.rows = Number(v);
        break;
      }
      case '--seed':
        opts.seed = parseSeed(value());
        break;
      case '--out':
        opts.out = value();
        break;
      case '-h':
      case '--help':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument ${arg}\n${USAGE}`);
    }
  }
  return opts;
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const result = writeSample(opts);
  const seconds = (performance.now() - started) / 1000;
  const { claims, opinions, missing } = result.counts;
  console.log(
    `wrote ${result.rows} rows (${claims} claims, ${opinions} opinions, ${missing} unlabelled) ` +
      `to ${result.path}: ${(result.bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s (seed ${opts.seed})`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
