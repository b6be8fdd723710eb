// The documents a report is written as, through `finsam/reports`: the .xlsx workbook and the
// Word appendix as `Uint8Array`s. The appendix reads back through `finsam/documents`.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { finsamDocuments, finsamReports, sampleReport, thrown } from './support.mjs';

/** The names of the entries of a zip archive, from its central directory. */
function entries(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end -= 1;
  assert.ok(end >= 0, 'no end of central directory');
  const count = view.getUint16(end + 10, true);
  const names = [];
  for (let at = view.getUint32(end + 16, true), i = 0; i < count; i += 1) {
    assert.equal(view.getUint32(at, true), 0x02014b50);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    names.push(new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extra + comment;
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

test('a bad report or argument is a FinsamError at its place', () => {
  const report = sampleReport(2017);
  const bad = thrown(() => finsamReports.renderXlsx({ ...report, period: '20x7' }));
  assert.equal(bad.name, 'FinsamError');
  assert.equal(bad.code, 'invalid_period');
  assert.equal(thrown(() => finsamReports.renderXlsx(report, 'fi')).path, 'language');
  assert.equal(thrown(() => finsamReports.renderDocx(report, 'sv', { very_good: 'x' })).code, 'invalid_value');
});
