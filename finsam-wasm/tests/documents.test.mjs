// The documents module, `finsam/documents`: a whole report read from its Word file (bytes) or
// its text (a string), with the reading record; and what is neither, refused with the core's
// codes and messages.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { finsam, finsamDocuments, ROOT } from './support.mjs';

const DOCUMENTS = path.join(ROOT, 'finsam-core', 'tests', 'documents');
const DOCX_2014 = new Uint8Array(readFileSync(path.join(DOCUMENTS, 'arsredovisning-2014-bilaga2.docx')));
const TEXT_2014 = readFileSync(path.join(DOCUMENTS, 'arsredovisning-2014-bilaga2.txt'), 'utf8');

test('the 2014 appendix reads to the same report from its Word file and from its text', () => {
  const fromDocx = finsamDocuments.readReport(DOCX_2014);
  const fromText = finsamDocuments.readReport(TEXT_2014);
  const withoutPlaces = ({ sources, ...report }) => report;
  assert.deepEqual(withoutPlaces(fromDocx.report), withoutPlaces(fromText.report));
  assert.equal(fromDocx.report.interventions.length, 13);
  const botkyrka = fromDocx.report.interventions[0];
  assert.equal(botkyrka.owner, 'Botkyrka kommuns socialförvaltning');
  assert.deepEqual(botkyrka.budget.budget, '3335');
  assert.equal(botkyrka.goals[0].last_year.value, '42');
  // What its text says of its participants, sentence by sentence.
  assert.deepEqual(botkyrka.stated_counts[1], {
    text: 'Totalt har 85 personer haft stöd under året och 20 personer avslutades, varav 9 (26 %) till arbete/studier eller aktivt arbetssökande.',
    this_period: true,
    current: 85,
    ended: 20,
    to_work_or_studies: { count: 9, percent: '26' },
  });
  // The record: parts found with their place, parts absent, issues at their place.
  const table = fromDocx.parts.find((p) => p.kind === 'result_table' && p.intervention === 'adrian');
  assert.deepEqual(table, { kind: 'result_table', intervention: 'adrian', status: 'found', place: { table: 5 }, text: null });
  assert.equal(fromDocx.parts.filter((p) => p.status === 'absent').length, 17);
  assert.equal(fromDocx.issues[0].code, 'missing_heading');
  assert.match(fromDocx.issues[0].message_sv, /^Titeln namnger inget samordningsförbund/);
  // What the reader reads, the main module grades and checks.
  assert.equal(finsam.checkReport(fromDocx.report)[0].code, 'goal_target_conflict');
  // A finding between two places names both, and where both stand in the text.
  const [first] = finsam.checkReport(fromText.report);
  assert.deepEqual(first.location, {
    intervention: 'samverkansteam-botkyrka',
    table: 'goals',
    path: 'interventions[0].goals[0].also_stated[0].target',
    compared_with: 'interventions[0].goals[0].target',
    places: [{ line: 92, column: 1, table: 3, row: 2, cell: 1 }, { line: 8, column: 34, table: 1, row: 2, cell: 2 }],
  });
});

test('the organisation and the period fill what the title does not say', () => {
  const reading = finsamDocuments.readReport(TEXT_2014, 'Samordningsförbundet Botkyrka, Huddinge och Salem', '2014');
  assert.equal(reading.report.organisation, 'Samordningsförbundet Botkyrka, Huddinge och Salem');
  assert.ok(reading.issues.every((issue) => issue.code !== 'missing_heading'));
});

test('what is not a report is refused with the core\'s code and messages', () => {
  const refused = (run) => {
    try {
      run();
    } catch (error) {
      return { name: error.name, code: error.code, path: error.path, sv: error.message_sv };
    }
    return null;
  };
  assert.deepEqual(refused(() => finsamDocuments.readReport(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0xff, 0xfe]))), {
    name: 'FinsamError',
    code: 'invalid_document',
    path: '',
    sv: 'filen är varken ett Word-dokument eller text i UTF-8 (byte 4)',
  });
  assert.equal(refused(() => finsamDocuments.readReport(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).code, 'invalid_document');
  assert.equal(refused(() => finsamDocuments.readReport(42)).code, 'invalid_type');
  assert.deepEqual(
    refused(() => finsamDocuments.readReport('Insats\tMål\tResultat\nLyra\t20\t18\n', null, '2017-H2')),
    { name: 'FinsamError', code: 'invalid_period', path: 'period', sv: refused(() => finsamDocuments.readReport('x\n', null, '2017-H2')).sv },
  );
});
