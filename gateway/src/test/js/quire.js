// Connection settings for a Quire started by the Java test (QUIRE_URL, QUIRE_TOKEN), as JupyterLab makes them.
'use strict';
const services = require('@jupyterlab/services');
const WebSocket = require('ws');

function settings() {
  const baseUrl = process.env.QUIRE_URL;
  if (!baseUrl) {
    throw new Error('QUIRE_URL is not set: these tests are started by JupyterLabClientTest');
  }
  return services.ServerConnection.makeSettings({
    baseUrl,
    wsUrl: baseUrl.replace(/^http/, 'ws'),
    token: process.env.QUIRE_TOKEN,
    appendToken: true,
    WebSocket,
    fetch,
    Request,
    Headers,
  });
}

/** Resolves when `predicate()` holds, polling the event loop; rejects after `ms`. */
async function until(predicate, ms = 10000, what = 'condition') {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

module.exports = { services, settings, until };
