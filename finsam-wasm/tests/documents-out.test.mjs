// The documents a report is written as, through `finsam/reports`: the .xlsx workbook and the
// Word appendix as `Uint8Array`s. The appendix reads back through `finsam/documents`.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { finsamDocuments, finsamReports, sampleReport, thrown } from './support.mjs';

/** The names of the entries of a zip archive, from its local file headers. */
function entries(bytes) {
  const names = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 0; at + 30 <= bytes.length; ) {
    if (view.getUint32(at, true) !== 0x04034b50) break;
    const compressed = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const extra = view.getUint16(at + 28, true);
    names.push(new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength)));
    at += 30 + nameLength + extra + compressed;
  }
  return names;
}

test('renderXlsx writes one worksheet per table of the report', () => {
  const bytes = finsamReports.renderXlsx(sampleReport(2017));
  assert.ok(bytes instanceof Uint8Array);
  assert.deepEqual([...bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04]);
  const sheets = entries(bytes).filter((name) => name.startsWith('xl/worksheets/sheet')).sort();
  // Goal fulfilment, goals, findings and the flow table.
  assert.deepEqual(sheets, ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml', 'xl/worksheets/sheet4.xml']);
  // The same report gives the same bytes: the file's dates are fixed.
  assert.deepEqual(finsamReports.renderXlsx(sampleReport(2017)), bytes);
  assert.notDeepEqual(finsamReports.renderXlsx(sampleReport(2017), 'en'), bytes);
});

test('renderDocx writes the appendix, which reads back as the same report', () => {
  const report = sampleReport(2017);
  const bytes = finsamReports.renderDocx(report);
  assert.ok(bytes instanceof Uint8Array);
  assert.ok(entries(bytes).includes('word/footnotes.xml'));
  const again = finsamDocuments.readReport(bytes).report;
  assert.equal(again.organisation, report.organisation);
  assert.equal(again.period, '2017');
  assert.deepEqual(again.interventions.map((i) => i.id), report.interventions.map((i) => i.id));
  assert.deepEqual(
    again.interventions.map((i) => i.goals.map((g) => g.target ?? null)),
    report.interventions.map((i) => i.goals.map((g) => g.target ?? null)),
  );
  assert.deepEqual(again.flows.total, report.flows.total);
});

test('a bad report or template is a FinsamError at its place', () => {
  const report = sampleReport(2017);
  const error = thrown(() => finsamReports.renderDocx(report, 'sv', null, new TextEncoder().encode('not a Word file')));
  assert.equal(error.name, 'FinsamError');
  assert.equal(error.code, 'invalid_document');
  assert.equal(error.path, 'template');
  assert.match(error.message, /template is not a readable Word document/);
  const bad = thrown(() => finsamReports.renderXlsx({ ...report, period: '20x7' }));
  assert.equal(bad.code, 'invalid_period');
  assert.equal(thrown(() => finsamReports.renderXlsx(report, 'fi')).path, 'language');
});
