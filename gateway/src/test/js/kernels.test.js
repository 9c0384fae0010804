'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { services, settings, until } = require('./quire');

test('kernels, kernelspecs and execution through @jupyterlab/services', async (t) => {
  const serverSettings = settings();
  const specs = await services.KernelSpecAPI.getSpecs(serverSettings);
  assert.ok(specs.kernelspecs.python3, 'python3 kernelspec listed');
  assert.equal(specs.default, 'python3');

  const kernels = new services.KernelManager({ serverSettings });
  const kernel = await kernels.startNew({ name: 'python3' });
  t.after(async () => {
    await kernel.shutdown().catch(() => {});
    kernels.dispose();
  });
  await kernel.info;

  await t.test('execute gives stream, result and display updates', async () => {
    const iopub = [];
    const future = kernel.requestExecute({
      code: [
        'print("hello")',
        'from IPython.display import display',
        'h = display("v1", display_id=True)',
        'h.update("v2")',
        '40 + 2',
      ].join('\n'),
    });
    future.onIOPub = (msg) => iopub.push(msg);
    const reply = await future.done;
    assert.equal(reply.content.status, 'ok');
    const types = iopub.map((m) => m.header.msg_type);
    assert.ok(types.includes('stream'), `stream in ${types}`);
    assert.ok(types.includes('display_data'));
    assert.ok(types.includes('update_display_data'));
    const result = iopub.find((m) => m.header.msg_type === 'execute_result');
    assert.equal(result.content.data['text/plain'], '42');
    assert.equal(types[types.length - 1], 'status');
  });

  await t.test('errors come back as error replies and iopub errors', async () => {
    const iopub = [];
    const future = kernel.requestExecute({ code: '1/0' });
    future.onIOPub = (msg) => iopub.push(msg);
    const reply = await future.done;
    assert.equal(reply.content.status, 'error');
    assert.equal(reply.content.ename, 'ZeroDivisionError');
    assert.ok(iopub.some((m) => m.header.msg_type === 'error'));
  });

  await t.test('complete, inspect, is_complete and history', async () => {
    const complete = await kernel.requestComplete({ code: 'impo', cursor_pos: 4 });
    assert.ok(complete.content.matches.includes('import'));
    const inspect = await kernel.requestInspect({ code: 'print', cursor_pos: 5, detail_level: 0 });
    assert.equal(inspect.content.found, true);
    const isComplete = await kernel.requestIsComplete({ code: 'for i in range(3):' });
    assert.equal(isComplete.content.status, 'incomplete');
    const history = await kernel.requestHistory({ output: false, raw: true, hist_access_type: 'tail', n: 3 });
    assert.equal(history.content.status, 'ok');
  });

  await t.test('stdin is answered', async () => {
    const future = kernel.requestExecute({ code: 'x = input("name? ")\nprint("got", x)', allow_stdin: true });
    const iopub = [];
    future.onIOPub = (msg) => iopub.push(msg);
    future.onStdin = (msg) => {
      kernel.sendInputReply({ status: 'ok', value: 'quire' }, msg.header);
    };
    const reply = await future.done;
    assert.equal(reply.content.status, 'ok');
    const text = iopub.filter((m) => m.header.msg_type === 'stream').map((m) => m.content.text).join('');
    assert.match(text, /got quire/);
  });

  await t.test('comms carry binary buffers both ways', async () => {
    const setup = kernel.requestExecute({
      code: [
        'def _echo(comm, open_msg):',
        '    @comm.on_msg',
        '    def _r(msg):',
        '        comm.send({"echo": msg["content"]["data"]}, buffers=[bytes(b)[::-1] for b in msg["buffers"]])',
        'get_ipython().kernel.comm_manager.register_target("quire_echo", _echo)',
      ].join('\n'),
    });
    await setup.done;
    const comm = kernel.createComm('quire_echo');
    let answer;
    comm.onMsg = (msg) => {
      answer = msg;
    };
    await comm.open({}).done;
    comm.send({ n: 7 }, {}, [new Uint8Array([1, 2, 3]).buffer]);
    await until(() => answer !== undefined, 10000, 'the comm echo');
    assert.deepEqual(answer.content.data, { echo: { n: 7 } });
    const buffer = answer.buffers[0];
    const bytes = new Uint8Array(buffer.buffer ? buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) : buffer);
    assert.deepEqual(Array.from(bytes), [3, 2, 1]);
    const info = await kernel.requestCommInfo({ target_name: 'quire_echo' });
    assert.equal(info.content.status, 'ok');
    comm.close();
  });

  await t.test('iopub reaches a second client of the same kernel', async () => {
    const other = new services.KernelManager({ serverSettings });
    t.after(() => other.dispose());
    const second = other.connectTo({ model: kernel.model });
    const seen = [];
    second.iopubMessage.connect((_, msg) => seen.push(msg));
    await until(() => second.connectionStatus === 'connected', 10000, 'the second connection');
    await kernel.requestExecute({ code: 'print("to everyone")' }).done;
    await until(() => seen.some((m) => m.header.msg_type === 'stream' && /to everyone/.test(m.content.text)),
      10000, 'iopub on the second client');
    second.dispose();
  });

  await t.test('interrupt ends a long cell and restart keeps the kernel id', async () => {
    const future = kernel.requestExecute({ code: 'import time; print("sleeping", flush=True); time.sleep(60)' });
    // Not merely "busy": ipykernel reports busy before it stops ignoring SIGINT, so an interrupt sent at once can be
    // lost (as it is with Jupyter Server); once the cell prints, the interrupt reaches running code.
    let printed = false;
    future.onIOPub = (msg) => {
      printed = printed || (msg.header.msg_type === 'stream' && /sleeping/.test(msg.content.text));
    };
    await until(() => printed, 10000, 'the cell to be running');
    const started = Date.now();
    await kernel.interrupt();
    const reply = await future.done;
    assert.equal(reply.content.status, 'error');
    assert.equal(reply.content.ename, 'KeyboardInterrupt');
    assert.ok(Date.now() - started < 5000, 'interrupted within 5 s');
    const id = kernel.id;
    await kernel.restart();
    await until(() => kernel.status === 'idle', 30000, 'the restarted kernel to be idle');
    assert.equal(kernel.id, id);
    const after = await kernel.requestExecute({ code: '1' }).done;
    assert.equal(after.content.status, 'ok');
  });
});
