import { describe, expect, it } from 'vitest';
import { extractKpis, kpiExtractor } from '../../src/kpi/extract-kpis.js';
import { parsePeriod, quarterPeriod } from '../../src/kpi/find-periods.js';
import { KpiRecordSchema } from '../../src/kpi/kpi-record.js';
import { readDirection, readRag } from '../../src/kpi/read-cells.js';
import { sentenceFigures } from '../../src/kpi/sentence-figures.js';
import { parseDocument } from '../../src/parse/parse-document.js';

const extract = (text: string, source = 'synthetic.md') => extractKpis(parseDocument(source, text));

describe('KPI tables in other layouts', () => {
  it('reads a markdown pipe table by its header words, whatever the column order', () => {
    const text = [
      '# Corporate Performance Report',
      '',
      'This report sets out performance for Quarter 4 2023/24.',
      '',
      '## Housing Services',
      '',
      '| Indicator | Ref | Status | Actual | Target | Floor | Direction | Polarity |',
      '|---|---|:---:|---:|---|---|---|---|',
      '| Average days to re-let council homes | HS02 | Red | 41 | 28 | 35 | ↓ | Lower is better |',
      '| % of rent collected | HS05 | **Green** | 98.7% | 98% | 96% | $\\uparrow$ | High |',
      '',
    ].join('\n');
    const [relet, rent] = extract(text);
    expect(relet).toMatchObject({
      kind: 'kpi', ref: 'HS02', name: 'Average days to re-let council homes', value: '41', valueNumber: 41, valueLabel: 'Actual',
      rag: 'RED', target: '28', floor: '35', direction: 'worsening', polarity: 'lower', area: 'Housing Services',
    });
    expect(rent).toMatchObject({ ref: 'HS05', value: '98.7%', rag: 'GREEN', direction: 'improving', directionRaw: '$\\uparrow$', polarity: 'higher' });
    expect(relet!.period).toMatchObject({ label: 'Quarter 4 2023/24', start: '2024-01-01', end: '2024-03-31' });
    expect(text.slice(rent!.row.start, rent!.row.end)).toBe('| % of rent collected | HS05 | **Green** | 98.7% | 98% | 96% | $\\uparrow$ | High |');
  });

  it('reads tab-separated tables with other header words, a code inside the name, and a section period', () => {
    const text = [
      'Adult Social Care Performance Dashboard',
      '',
      'Results up to the end of December 2023',
      '',
      'Service Area\tDirector\tCabinet Member',
      'Adult Social Care\tJane Smith\tCllr Brown',
      '',
      'Key Performance Indicators',
      'Measure\tLatest\tRAG Status\tTrend\tTarget\tFloor\tLast year',
      'ASC01 Proportion of people who use services who feel safe\t88%\tAMBER\tImproving\t90%\t85%\t86%',
      'ASC02 Delayed transfers of care per 100,000\t9.5\tGREEN\tStable\t<= 10\t12\t11.2',
      '',
      'Results to November',
      '',
      'Key Performance Indicators',
      'Measure\tLatest\tRAG Status\tTrend\tTarget\tFloor\tLast year',
      'ASC03 Reviews completed within 12 months\t71%\tRED\tWorsening\t80%\t75%\tN/a',
      '',
    ].join('\n');
    const records = extract(text, 'asc.txt');
    expect(records.map((r) => [r.ref, r.name, r.value, r.rag, r.direction, r.target, r.floor, r.previous, r.polarity, r.area, r.period?.label])).toEqual([
      ['ASC01', 'Proportion of people who use services who feel safe', '88%', 'AMBER', 'improving', '90%', '85%', '86%', 'higher', 'Adult Social Care', 'December 2023'],
      ['ASC02', 'Delayed transfers of care per 100,000', '9.5', 'GREEN', 'stable', '<= 10', '12', '11.2', 'lower', 'Adult Social Care', 'December 2023'],
      ['ASC03', 'Reviews completed within 12 months', '71%', 'RED', 'worsening', '80%', '75%', null, 'higher', 'Adult Social Care', 'November 2023'],
    ]);
    expect(records[0]!.previousLabel).toBe('Last year');
  });

  it('reads period columns (the last filled one is the value) and an expected range under a two-line header', () => {
    const text = [
      'Quarterly dashboard, Quarter 3 2023/24',
      '',
      'Indicator\tQ1 2023/24\tQ2 2023/24\tQ3 2023/24\tTarget\tRAG',
      'Library visits (000s)\t410\t455\t\t430\tGreen',
      'Missed bin collections per 100,000\t52\t61\t58\t50\tAmber',
      '',
      'Activity Indicators',
      'Ref\tIndicator description\tCurrent\tIn expected range?\tExpected Activity\t\tPrev. Yr Same Month',
      '\t\t\t\tUpper\tLower\t',
      'LR05\tLibrary e-book issues\t55,120\tAbove\t50,000\t40,000\t38,200',
      '',
    ].join('\n');
    const [visits, bins, ebooks] = extract(text);
    expect(visits).toMatchObject({ value: '455', valueLabel: 'Q2 2023/24', previous: '410', previousLabel: 'Q1 2023/24', rag: 'GREEN', target: '430' });
    expect(bins).toMatchObject({ value: '58', valueLabel: 'Q3 2023/24', previous: '61', rag: 'AMBER' });
    expect(ebooks).toMatchObject({
      kind: 'activity', ref: 'LR05', value: '55,120', valueLabel: 'Current', inExpectedRange: 'Above',
      expectedUpper: '50,000', expectedLower: '40,000', previous: '38,200', previousLabel: 'Prev. Yr Same Month', rag: null,
    });
  });

  it('continues a table split by a page footer, and ignores tables that are not KPI tables', () => {
    const text = [
      'Ref\tKPI\tValue\tRAG\tTarget',
      'PL01\tMajor applications decided in 13 weeks\t92%\tGREEN\t90%',
      '',
      'Page 4',
      '',
      'PL02\tMinor applications decided in 8 weeks\t81%\tAMBER\t85%',
      '',
      'Budget Book Heading\tNet Budget\tNet Forecast Variance',
      'Planning\t4,083.6\t3.9',
      '',
      'Report Title\tDescription of match\tNo of matches\tCurrent Status',
      'Payroll to Payroll\tEmployment fraud\t87\tOpen – investigations continuing.',
      '',
      'Project\tStage\tForecast\tEnd Date',
      'Turner Contemporary\tAnalyse\t£5.3m\tApr 21',
      '',
    ].join('\n');
    const records = extract(text);
    expect(records.map((r) => [r.ref, r.value, r.rag])).toEqual([
      ['PL01', '92%', 'GREEN'],
      ['PL02', '81%', 'AMBER'],
    ]);
  });

  it('keeps only the RAG of a table whose figures were lost, and takes a figure only from a sentence that states it', () => {
    const text = [
      'Highways KPIs\tRAG rating\tDoT',
      '% of potholes repaired within 28 days\tAMBER\t4',
      '% of streetlights repaired within 7 days\tGREEN\t\\$',
      '',
      'Potholes repaired within 28 days improved to 85% against a target of 90%, compared with 80% last Quarter.',
      '',
      'Streetlight repairs within 7 days remained ahead of target this Quarter.',
      '',
    ].join('\n');
    const [potholes, lights] = extract(text);
    expect(potholes).toMatchObject({ area: 'Highways', rag: 'AMBER', value: '85%', valueSource: 'commentary', target: '90%', direction: null, directionRaw: '4' });
    expect(potholes!.commentary!.text).toBe('Potholes repaired within 28 days improved to 85% against a target of 90%, compared with 80% last Quarter.');
    expect(lights).toMatchObject({ rag: 'GREEN', value: null, valueSource: null, commentary: null });
  });

  it('drops a summary row whose detailed row is in the same report, keeping its heading as the group', () => {
    const text = [
      'Finance\tMonth RAG\tYTD RAG',
      'Invoices paid within 30 days\tGREEN\tAMBER',
      '',
      'Service Area\tDirector\tCabinet Member',
      'Finance Operations\tA Wood\tJ Simmonds',
      '',
      'Ref\tIndicator description\tLatest Month\tMonth RAG\tDoT\tYear to Date\tYTD RAG\tTarget\tFloor Standard\tPrevious Year',
      'FN08\tInvoices paid within 30 days\t99%\tGREEN\t↔\t95%\tAMBER\t96%\t93%\t99%',
      '',
    ].join('\n');
    const records = extract(text);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ ref: 'FN08', area: 'Finance Operations', group: 'Finance', ytd: '95%', ytdRag: 'AMBER' });
  });

  it('stores records that validate against KpiRecordSchema through the ingest extractor', () => {
    const doc = parseDocument('x.md', '| Ref | Indicator | Actual | RAG |\n|---|---|---|---|\n| X1 | Things done on time | 50% | Red |\n');
    const stored = JSON.parse(JSON.stringify(kpiExtractor.extract(doc))) as unknown[];
    expect(kpiExtractor.name).toBe('kpi');
    expect(stored).toHaveLength(1);
    expect(KpiRecordSchema.parse(stored[0])).toMatchObject({ ref: 'X1', value: '50%', rag: 'RED', period: null });
  });
});

describe('cells, periods and commentary figures', () => {
  it('reads RAG and direction through conversion debris without guessing', () => {
    expect(['GREEN', '**Amber**', 'r', 'Red*', '🟢', 'N/a', 'In progress'].map(readRag)).toEqual(['GREEN', 'AMBER', 'RED', 'RED', 'GREEN', null, null]);
    expect(['↑', '$\\downarrow$', '↔', '$\\Rightarrow$', 'New', '4', '\\$', '<>>', '₩'].map(readDirection)).toEqual([
      'improving', 'worsening', 'stable', 'stable', 'new', null, null, null, null,
    ]);
  });

  it('reads report periods: quarters of the financial year and months with or without a year', () => {
    expect(quarterPeriod(2, 2022)).toMatchObject({ label: 'Quarter 2 2022/23', start: '2022-07-01', end: '2022-09-30' });
    expect(quarterPeriod(4, 2022)).toMatchObject({ start: '2023-01-01', end: '2023-03-31' });
    expect(parsePeriod('performance to the end of September 2022 (Quarter 2, 2022/23)')?.label).toBe('Quarter 2 2022/23');
    const july = parsePeriod('includes performance results up to the end of July 2017')!;
    expect(july).toMatchObject({ label: 'July 2017', end: '2017-07-31' });
    expect(parsePeriod('Results to June', july)).toMatchObject({ label: 'June 2017', end: '2017-06-30' });
    expect(parsePeriod('Results to December', july)?.label).toBe('December 2016');
  });

  it('takes the result, not a change, a comparison, a date or a target', () => {
    const pct = '% of care leavers in education, employment or training';
    expect(sentenceFigures('It improved from 60.5% in June 2022 to 62.4% in September 2022, just below the target of 65.0%.', pct)).toMatchObject({ value: '62.4%', target: '65.0%' });
    expect(sentenceFigures('There were 1,415 children, an increase of 73 (5.4%) from the end of the previous Quarter.', pct).value).toBeNull();
    expect(sentenceFigures('Calls fell by 3% compared to the 30th September 2021.', pct).value).toBeNull();
    expect(sentenceFigures('ASCH moved to below the target of 82% in Quarter 1.', pct)).toMatchObject({ value: null, target: '82%' });
    expect(sentenceFigures('The rate was 20.9%, continuing to achieve the target of below 25.0%.', pct)).toMatchObject({ value: '20.9%', target: 'below 25.0%' });
    const days = 'Average no. of days between becoming a child in care and moving in with an adoptive family';
    expect(sentenceFigures('The average number of days was 368 days, an improvement on the average of 426 days.', days)).toMatchObject({ value: '368 days', valueStated: true });
  });
});
