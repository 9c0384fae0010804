'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { services, settings } = require('./quire');

const notebook = (source) => ({
  cells: [
    { cell_type: 'code', id: 'c1', metadata: {}, source, outputs: [], execution_count: null },
    { cell_type: 'markdown', id: 'm1', metadata: {}, source: '# Notes' },
  ],
  metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } },
  nbformat: 4,
  nbformat_minor: 5,
});

test('contents through @jupyterlab/services', async (t) => {
  const contents = new services.ContentsManager({ serverSettings: settings() });
  t.after(() => contents.dispose());

  await t.test('notebooks: untitled, save, get, rename, copy, delete', async () => {
    await contents.newUntitled({ type: 'directory' }).then((dir) => contents.rename(dir.path, 'lab'));
    const untitled = await contents.newUntitled({ path: 'lab', type: 'notebook' });
    assert.match(untitled.path, /^lab\/Untitled\d*\.ipynb$/);
    await contents.save(untitled.path, { type: 'notebook', format: 'json', content: notebook('x = 1') });
    const saved = await contents.get(untitled.path);
    assert.equal(saved.type, 'notebook');
    assert.equal(saved.content.cells[0].source, 'x = 1');
    assert.equal(saved.content.cells[0].id, 'c1');

    await contents.save(untitled.path, { type: 'notebook', format: 'json', content: notebook('x = 2') });
    assert.equal((await contents.get(untitled.path)).content.cells[0].source, 'x = 2');

    const renamed = await contents.rename(untitled.path, 'lab/analysis.ipynb');
    assert.equal(renamed.path, 'lab/analysis.ipynb');
    const copy = await contents.copy('lab/analysis.ipynb', 'lab');
    assert.match(copy.path, /^lab\/analysis-Copy\d*\.ipynb$/);
    const listing = await contents.get('lab');
    const names = listing.content.map((item) => item.name).sort();
    assert.ok(names.includes('analysis.ipynb'), `listing ${names}`);
    assert.ok(names.includes(copy.name));
    await contents.delete(copy.path);
    const after = await contents.get('lab');
    assert.ok(!after.content.some((item) => item.path === copy.path));
  });

  await t.test('checkpoints are named versions and restore', async () => {
    const path = 'lab/analysis.ipynb';
    const checkpoint = await contents.createCheckpoint(path);
    assert.ok(checkpoint.id);
    await contents.save(path, { type: 'notebook', format: 'json', content: notebook('x = 3') });
    const checkpoints = await contents.listCheckpoints(path);
    assert.ok(checkpoints.some((c) => c.id === checkpoint.id));
    await contents.restoreCheckpoint(path, checkpoint.id);
    assert.equal((await contents.get(path)).content.cells[0].source, 'x = 2');
  });

  await t.test('text and base64 files', async () => {
    await contents.save('lab/notes.txt', { type: 'file', format: 'text', content: 'hello\n' });
    const text = await contents.get('lab/notes.txt');
    assert.equal(text.format, 'text');
    assert.equal(text.content, 'hello\n');
    const bytes = Buffer.from([0, 1, 2, 255]).toString('base64');
    await contents.save('lab/data.bin', { type: 'file', format: 'base64', content: bytes });
    const binary = await contents.get('lab/data.bin', { type: 'file', format: 'base64', content: true });
    assert.equal(binary.content.replace(/\s/g, ''), bytes);
  });

  await t.test('unknown paths are a 404 the client understands', async () => {
    await assert.rejects(contents.get('nope/none.ipynb'), (error) => {
      assert.equal(error.response.status, 404);
      return true;
    });
  });
});
