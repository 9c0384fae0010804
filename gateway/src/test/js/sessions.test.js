'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { services, settings } = require('./quire');

test('a session bound to a notebook records what it runs', async (t) => {
  const serverSettings = settings();
  const contents = new services.ContentsManager({ serverSettings });
  const kernels = new services.KernelManager({ serverSettings });
  const sessions = new services.SessionManager({ kernelManager: kernels, serverSettings });
  t.after(() => {
    sessions.dispose();
    kernels.dispose();
    contents.dispose();
  });

  await contents.save('recorded.ipynb', {
    type: 'notebook',
    format: 'json',
    content: {
      cells: [{ cell_type: 'code', id: 'rc1', metadata: {}, source: 'print(6 * 7)', outputs: [], execution_count: null }],
      metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } },
      nbformat: 4,
      nbformat_minor: 5,
    },
  });
  const session = await sessions.startNew({
    path: 'recorded.ipynb', name: 'recorded.ipynb', type: 'notebook', kernel: { name: 'python3' },
  });
  t.after(() => session.shutdown().catch(() => {}));

  const listed = await services.SessionAPI.listRunning(serverSettings);
  assert.ok(listed.some((s) => s.id === session.id && s.path === 'recorded.ipynb'));

  // JupyterLab sends the cell id in the request's metadata.
  const reply = await session.kernel.requestExecute({ code: 'print(6 * 7)' }, true, { cellId: 'rc1' }).done;
  assert.equal(reply.content.status, 'ok');

  let cell;
  for (let i = 0; i < 100 && !(cell && cell.outputs.length > 0); i++) {
    const model = await contents.get('recorded.ipynb');
    cell = model.content.cells[0];
    if (!(cell.outputs.length > 0)) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  assert.equal(cell.outputs[0].output_type, 'stream');
  assert.equal(cell.outputs[0].text, '42\n');

  const renamed = await session.setPath('moved.ipynb');
  assert.equal(session.path, 'moved.ipynb', String(renamed));
});
