import JSZip from 'jszip';
import PptxGenJS from 'pptxgenjs';
import { describe, expect, it } from 'vitest';
import {
  cachedCells,
  dropEmptyPoints,
  dropUndefinedAxisIds,
  errorBarsXml,
  fillWorkbookSheet,
  finishChartXml,
  postProcessPptx,
} from '../../../src-main/node/report/pptxRepair';
import { seriesOrderProblems, undefinedAxisIds, zipXmlProblems } from './pptxParts';

/** What pptxgenjs writes, untouched: a bar chart with a zero, a line chart, an XY chart with gaps, an SVG picture. */
async function rawDeck(): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  const s1 = pptx.addSlide();
  s1.addChart(pptx.ChartType.bar, [{ name: 'Recall', labels: ['rf', 'xgb', 'lr'], values: [0.9, 0, 0.7] }], { x: 1, y: 1, w: 8, h: 4, objectName: 'bars', chartColors: ['4C72B0'] });
  // One colour per bar, as importance charts colour negative bars.
  s1.addChart(pptx.ChartType.bar, [{ name: 'Coefficient', labels: ['a', 'b'], values: [1.5, -0.3] }], { x: 1, y: 5, w: 8, h: 2, chartColors: ['4C72B0', 'C44E52'] });
  const s2 = pptx.addSlide();
  s2.addChart(pptx.ChartType.line, [{ name: 'CV', labels: ['3', '5'], values: [0.9, 0.95] }], { x: 1, y: 1, w: 8, h: 4, objectName: 'lines', chartColors: ['4C72B0'] });
  const s3 = pptx.addSlide();
  s3.addChart(
    pptx.ChartType.scatter,
    [
      { name: 'X', values: [0, 0.5, 1, 0, 1] },
      { name: 'Curve', values: [0, 0.9, 1, null, null] as number[] },
      { name: 'Chance', values: [null, null, null, 0, 1] as number[] },
    ],
    { x: 1, y: 1, w: 8, h: 4, objectName: 'curves', chartColors: ['4C72B0', '8C8C8C'], lineDataSymbol: 'none' },
  );
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="red"/></svg>';
  s3.addImage({ data: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`, x: 1, y: 5, w: 1, h: 1, objectName: 'picture' });
  return (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
}

async function parts(bytes: Uint8Array): Promise<JSZip> {
  return JSZip.loadAsync(bytes);
}

async function chartXml(zip: JSZip, seriesName: string): Promise<string> {
  for (const p of Object.keys(zip.files).filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f))) {
    const xml = await zip.file(p)!.async('string');
    if (xml.includes(`<c:v>${seriesName}</c:v>`)) return xml;
  }
  throw new Error(`no chart with series ${seriesName}`);
}

async function workbookSheet(zip: JSZip, seriesName: string): Promise<string> {
  for (const p of Object.keys(zip.files).filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f))) {
    const xml = await zip.file(p)!.async('string');
    if (!xml.includes(`<c:v>${seriesName}</c:v>`)) continue;
    const rels = await zip.file(p.replace('charts/', 'charts/_rels/') + '.rels')!.async('string');
    const target = /Target="\.\.\/(embeddings\/[^"]+\.xlsx)"/.exec(rels)![1];
    const book = await JSZip.loadAsync(await zip.file(`ppt/${target}`)!.async('uint8array'));
    return book.file('xl/worksheets/sheet1.xml')!.async('string');
  }
  throw new Error(`no chart with series ${seriesName}`);
}

describe('the faults of pptxgenjs 4.0.1 this module repairs', () => {
  it('writes a third axis id no axis defines in 2D bar and line charts (#1534), which the repair drops', async () => {
    const raw = await parts(await rawDeck());
    for (const name of ['Recall', 'CV']) expect(undefinedAxisIds(await chartXml(raw, name))).not.toEqual([]);
    const fixed = await parts(await postProcessPptx(await rawDeck()));
    for (const name of ['Recall', 'CV', 'Curve']) {
      const xml = await chartXml(fixed, name);
      expect(undefinedAxisIds(xml)).toEqual([]);
      // Each chart group still names its two axes.
      expect(xml.match(/<c:(bar|line|scatter)Chart>[\s\S]*<\/c:\1Chart>/)![0].match(/<c:axId /g)).toHaveLength(2);
    }
  });

  it('writes series children out of the schema’s order (per-bar colours after the labels, #1357; a line’s marker after its labels), which the repair reorders', async () => {
    const raw = await parts(await rawDeck());
    expect(seriesOrderProblems(await chartXml(raw, 'Coefficient'))).toEqual(['barChart: dPt after dLbls']);
    expect(seriesOrderProblems(await chartXml(raw, 'CV'))).toEqual(['lineChart: no grouping', 'lineChart: invertIfNegative is not a child of a series', 'lineChart: marker after dLbls']);
    const fixed = await parts(await postProcessPptx(await rawDeck()));
    for (const name of ['Recall', 'Coefficient', 'CV', 'Curve']) expect(seriesOrderProblems(await chartXml(fixed, name)), name).toEqual([]);
    // Nothing is lost: both bars keep their colours.
    const coefficient = await chartXml(fixed, 'Coefficient');
    expect(coefficient.match(/<c:dPt>/g)).toHaveLength(2);
    expect(coefficient).toContain('<a:srgbClr val="C44E52"/>');
  });

  it('writes missing values as empty points, which the repair removes', async () => {
    expect(await chartXml(await parts(await rawDeck()), 'Curve')).toContain('<c:v></c:v>');
    const xml = await chartXml(await parts(await postProcessPptx(await rawDeck())), 'Curve');
    expect(xml).not.toMatch(/<c:v>\s*<\/c:v>/);
    // The points that are there keep their places.
    expect(xml).toMatch(/<c:pt idx="4"><c:v>1<\/c:v><\/c:pt>/);
  });

  it('drops a bar chart’s zeros from its workbook (`value || ""`), which the repair puts back from the chart', async () => {
    expect(await workbookSheet(await parts(await rawDeck()), 'Recall')).toMatch(/<c r="B3"><v><\/v><\/c>/);
    const sheet = await workbookSheet(await parts(await postProcessPptx(await rawDeck())), 'Recall');
    expect(sheet).toContain('<c r="B3"><v>0</v></c>');
    expect(sheet).toContain('<c r="B2"><v>0.9</v></c>');
    expect(sheet).not.toMatch(/<v>\s*<\/v>/);
    // A missing value stays a blank cell, not a zero.
    const scatter = await workbookSheet(await parts(await postProcessPptx(await rawDeck())), 'Curve');
    expect(scatter).toContain('<c r="B5"/>');
    expect(scatter).not.toMatch(/<v>\s*<\/v>/);
  });

  it('writes a broken-image PNG beside an SVG under Node, which the repair replaces with the picture given', async () => {
    const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3]);
    const fixed = await parts(await postProcessPptx(await rawDeck(), { pictures: new Map([['picture', png]]) }));
    const slide = Object.keys(fixed.files).find((p) => /^ppt\/slides\/slide\d+\.xml$/.test(p) && p.endsWith('3.xml'))!;
    const xml = await fixed.file(slide)!.async('string');
    const fallbackId = /<a:blip r:embed="([^"]+)">[\s\S]*?svgBlip/.exec(xml)![1];
    const rels = await fixed.file(slide.replace('slides/', 'slides/_rels/') + '.rels')!.async('string');
    const target = new RegExp(`Id="${fallbackId}"[^>]*Target="\\.\\./(media/[^"]+)"`).exec(rels)![1];
    expect(target).toMatch(/\.png$/);
    expect(await fixed.file(`ppt/${target}`)!.async('uint8array')).toEqual(png);
  });
});

describe('the repaired deck', () => {
  it('has every XML part well-formed, its workbooks’ too', async () => {
    const fixed = await parts(await postProcessPptx(await rawDeck(), { pictures: new Map([['picture', new Uint8Array([137, 80, 78, 71])]]) }));
    expect(await zipXmlProblems(fixed)).toEqual([]);
  });
});

describe('finishes pptxgenjs cannot write', () => {
  it('gives each series of an XY chart its own line and markers', async () => {
    const raw = await chartXml(await parts(await rawDeck()), 'Curve');
    const xml = finishChartXml(raw, {
      series: [
        { line: 'solid', width: 2.5, marker: false },
        { line: 'dash', width: 1, marker: true },
      ],
      errorBars: null,
    });
    const [curve, chance] = xml.match(/<c:ser>[\s\S]*?<\/c:ser>/g)!;
    expect(curve).toMatch(/<a:ln w="31750"[^>]*>[\s\S]*?<a:prstDash val="solid"\/>/);
    expect(curve).toContain('<c:symbol val="none"/>');
    expect(chance).toMatch(/<a:ln w="12700"[^>]*>[\s\S]*?<a:prstDash val="dash"\/>/);
    expect(chance).toContain('<c:symbol val="circle"/><c:size val="7"/>');
    const none = finishChartXml(raw, { series: [{ line: 'none', width: 0, marker: true }], errorBars: null });
    expect(none.match(/<c:ser>[\s\S]*?<\/c:ser>/)![0]).toContain('<a:ln><a:noFill/></a:ln>');
  });

  it('puts whiskers on one series’ bars where the schema wants them: before the categories', async () => {
    const raw = await chartXml(await parts(await rawDeck()), 'Recall');
    const xml = finishChartXml(raw, { series: null, errorBars: { series: 0, minus: [0.01, null, 0.02], plus: [0.01, null, 0.02], name: 'CV ±1 std' } });
    expect(xml).toContain(`${errorBarsXml({ series: 0, minus: [0.01, null, 0.02], plus: [0.01, null, 0.02], name: '' })}<c:cat>`);
    expect(xml).toMatch(/<c:plus><c:numLit><c:formatCode>General<\/c:formatCode><c:ptCount val="3"\/><c:pt idx="0"><c:v>0.01<\/c:v><\/c:pt><c:pt idx="2"><c:v>0.02<\/c:v><\/c:pt><\/c:numLit><\/c:plus>/);
  });
});

describe('the pieces', () => {
  it('drops only the axis ids no axis of the plot area defines', () => {
    const xml =
      '<c:plotArea><c:barChart><c:axId val="1"/><c:axId val="2"/><c:axId val="3"/></c:barChart>' +
      '<c:catAx><c:axId val="1"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:crossAx val="1"/></c:valAx></c:plotArea>';
    expect(dropUndefinedAxisIds(xml)).toBe(
      '<c:plotArea><c:barChart><c:axId val="1"/><c:axId val="2"/></c:barChart>' +
        '<c:catAx><c:axId val="1"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:crossAx val="1"/></c:valAx></c:plotArea>',
    );
    const threeD = xml.replace('</c:valAx>', '</c:valAx><c:serAx><c:axId val="3"/></c:serAx>');
    expect(dropUndefinedAxisIds(threeD)).toBe(threeD);
  });

  it('reads the cells a chart caches and fills the empty ones of its sheet', () => {
    const chart =
      '<c:val><c:numRef><c:f>Sheet1!$C$2:$C$4</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="3"/>' +
      '<c:pt idx="0"><c:v>5</c:v></c:pt><c:pt idx="1"><c:v>0</c:v></c:pt><c:pt idx="2"><c:v></c:v></c:pt></c:numCache></c:numRef></c:val>';
    expect([...cachedCells(chart)]).toEqual([
      ['C2', '5'],
      ['C3', '0'],
    ]);
    const sheet = '<row r="3"><c r="A3" t="s"><v>4</v></c><c r="C3"><v></v></c></row><row r="4"><c r="C4"><v></v></c></row>';
    expect(fillWorkbookSheet(sheet, chart)).toBe('<row r="3"><c r="A3" t="s"><v>4</v></c><c r="C3"><v>0</v></c></row><row r="4"><c r="C4"/></row>');
    expect(dropEmptyPoints(chart)).not.toContain('idx="2"');
  });
});
