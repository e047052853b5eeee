import { describe, expect, it } from 'vitest';
import { KeywordIndex } from '../../src/index/keyword-index.js';

const DOCS = [
  'The Cabinet agreed the allotment rents for 2025.',
  'Allotments: the rents were frozen after the petition.',
  'Pothole repairs within 28 days reached 89% this quarter.',
  'The Governance and Audit Committee noted the internal audit opinion.',
  'Authorisations of covert human intelligence sources are reviewed monthly.',
  'The authorising officer renewed two authorisations.',
].map((text, id) => ({ id, text }));

const ranked = (index: KeywordIndex, query: string) => index.rank(query).map((r) => [r.label, Number(r.score.toFixed(9))]);

describe('the keyword index', () => {
  it('ranks the same after a save and a reload', () => {
    const built = KeywordIndex.build(DOCS);
    expect(ranked(KeywordIndex.fromBuffer(built.toBuffer()), 'allotment rents authorisation')).toEqual(ranked(built, 'allotment rents authorisation'));
  });

  it('ranks after removing and adding in place as a fresh build of the same passages does', () => {
    const changed = KeywordIndex.fromBuffer(KeywordIndex.build(DOCS).toBuffer());
    changed.remove([1, 4]);
    changed.add([{ id: 6, text: 'Allotment rents rise by 3% from April.' }]);
    const fresh = KeywordIndex.build([...DOCS.filter((d) => d.id !== 1 && d.id !== 4), { id: 6, text: 'Allotment rents rise by 3% from April.' }]);
    expect(ranked(KeywordIndex.fromBuffer(changed.toBuffer()), 'allotment rents authorisations')).toEqual(ranked(fresh, 'allotment rents authorisations'));
  });

  it('finds the passages holding every word', () => {
    expect(KeywordIndex.build(DOCS).containingAll(['rents', 'allotments']).sort()).toEqual([0, 1]);
  });

  it('gives each scope the best passages of its own from one scoring, as ranking all and filtering does', () => {
    const index = KeywordIndex.build(DOCS);
    const odd = (label: number): boolean => label % 2 === 1;
    const query = 'allotment rents authorisations audit';
    expect(index.top(query, [{ k: 2 }, { k: 2, allow: odd }])).toEqual([index.rank(query).slice(0, 2), index.rank(query, odd).slice(0, 2)]);
  });
});
